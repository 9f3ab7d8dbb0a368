"""Stored Responses answers through ``steadyloop serve`` reach the key that created them (agent.serve.stored).

The emulator stores a Responses answer with the key that created it, as OpenAI stores it with that key's
organisation: another key continuing it (``previous_response_id``) gets OpenAI's 400
``previous_response_not_found`` (the body pasted in maximhq/bifrost#2441), and retrieving it a 404. The pools
here rotate (``round_robin``), so without the gateway's record every other request would land on the other key.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openai
import pytest

from agent.config import SteadyConfig, load_config
from agent.drill import DrillClock
from agent.serve.stored import response_session
from agent.testing.emulator import Emulator

from .test_serve import openai_client, scenario, served

KEYS = ("sk-emu-a", "sk-emu-b")


def two_keys() -> Emulator:
    return two_keys_and()


def two_keys_and(**data: Any) -> Emulator:
    return scenario(keys=[{"key": KEYS[0], "label": "a"}, {"key": KEYS[1], "label": "b"}], **data)


def config(emu: Emulator, state: dict[str, Any] | None = None) -> SteadyConfig:
    entry = {"api": "openai-responses", "model": "m", "pool": "main", "base_url": emu.base_url("openai"),
             "timeout": 5, "first_token_timeout": 3, "idle_timeout": 3}
    return load_config({"state": state or {"backend": "memory"},
                        "pools": {"main": {"strategy": "round_robin", "credentials": [
                            {"id": f"k{i + 1}", "key": k} for i, k in enumerate(KEYS)]}},
                        "chain": [entry], "routes": {"r": {"chain": ["m"]}}})


def answer(client: openai.OpenAI, stream: bool, **kw: Any) -> Any:
    if not stream:
        return client.responses.create(model="r", input="hi", **kw)
    with client.responses.stream(model="r", input="hi", **kw) as s:
        for _ in s:
            pass
        return s.get_final_response()


def keys_that_answered(emu: Emulator, since: int = 0) -> list[str]:
    return [r.key for r in emu.log[since:] if r.cause == "success"]


@pytest.mark.parametrize("stream", [False, True], ids=["plain", "streamed"])
def test_a_chain_of_stored_answers_stays_on_the_key_that_created_it(stream: bool) -> None:
    """Four answers, each continuing the one before: all answered, all by the first one's key; four answers
    that continue nothing spread over both keys (the pool really rotates)."""
    with two_keys() as emu, served(config(emu)) as gw:
        client = openai_client(gw.url)
        spread = [answer(client, stream) for _ in range(4)]
        assert set(keys_that_answered(emu)) == {"a", "b"}
        since, previous = len(emu.log), spread[-1]
        for _ in range(4):
            previous = answer(client, stream, previous_response_id=previous.id)
            assert previous.output_text
        assert len(set(keys_that_answered(emu, since))) == 1 and not [r for r in emu.log if r.status != 200]


def test_an_answer_sent_with_store_false_is_not_remembered() -> None:
    """``store: false`` answers are not kept upstream, so the gateway keeps no record of them either."""
    with two_keys() as emu, served(config(emu)) as gw:
        client = openai_client(gw.url)
        kept, unkept = answer(client, False), answer(client, False, store=False)
        pool = gw.gateway.pools["main"]
        assert pool.remembered(response_session(kept.id)) is not None
        assert pool.remembered(response_session(unkept.id)) is None


def test_retrieving_cancelling_and_deleting_go_to_the_creating_key() -> None:
    """GET, input_items, cancel and DELETE of answers created on either key all reach that key; once deleted, the
    SDK gets the upstream's 404."""
    with two_keys() as emu, served(config(emu)) as gw:
        client = openai_client(gw.url)
        made = [answer(client, False) for _ in range(2)]
        assert set(keys_that_answered(emu)) == {"a", "b"}
        for created in made:
            assert client.responses.retrieve(created.id, include=["reasoning.encrypted_content",
                                                                   "message.output_text.logprobs"]).id == created.id
            assert client.responses.input_items.list(created.id).data == []
            assert client.responses.cancel(created.id).status == "cancelled"
            client.responses.delete(created.id)
            with pytest.raises(openai.NotFoundError):
                client.responses.retrieve(created.id)
        stored = [r for r in emu.log if r.cause == "stored"]
        assert [r.status for r in stored] == [200, 200, 200, 200, 404] * 2  # never a 404 from the wrong key
        assert stored[0].path.count("include") == 2  # the query as the client sent it, a repeated key included


def test_an_answer_created_elsewhere_is_found_by_asking_each_key_once() -> None:
    """An id the gateway never saw (created straight upstream with the second key) is asked of the keys in turn;
    found, it is remembered: the next retrieval asks only its key."""
    with two_keys() as emu, served(config(emu)) as gw:
        direct = openai.OpenAI(api_key=KEYS[1], base_url=emu.base_url("openai"), max_retries=0)
        created = direct.responses.create(model="m", input="hi")
        client = openai_client(gw.url)
        assert client.responses.retrieve(created.id).id == created.id
        assert client.responses.retrieve(created.id).id == created.id
        asked = [(r.key, r.status) for r in emu.log if r.cause == "stored"]
        assert asked == [("a", 404), ("b", 200), ("b", 200)]
        with pytest.raises(openai.NotFoundError):
            client.responses.retrieve("resp_" + "0" * 24)


def test_two_gateways_on_one_state_file_continue_each_others_answers(tmp_path: Path) -> None:
    """The record is in the shared state: an answer created through one gateway process is continued through
    another one, on the key that created it, whatever that one's rotation would pick."""
    state = {"backend": "sqlite", "path": str(tmp_path / "state.db")}
    with two_keys() as emu, served(config(emu, state)) as one, served(config(emu, state)) as two:
        first, second = openai_client(one.url), openai_client(two.url)
        created = answer(first, False)
        for client in (second, first, second, second):
            created = answer(client, False, previous_response_id=created.id)
        assert len(set(keys_that_answered(emu))) == 1 and not [r for r in emu.log if r.status != 200]


def test_a_continued_answer_waits_for_its_cooling_key_instead_of_asking_another() -> None:
    """The key that created an answer is rate-limited when the chain continues (OpenAI's 429 with a Retry-After of
    1 s, on the second call whenever it comes): the turn waits for that key, exactly its Retry-After and once, and
    continues there; another key would only get OpenAI's 400 previous_response_not_found. The gateway's clocks are
    drill time that only its sleeps move, as its siblings' below (on real clocks it once gave up with the key still
    cooling, in a fresh-clone CI on two busy cores)."""
    clock = DrillClock(scale=1e9, real_time=False)  # a real second is a nanosecond of drill time

    async def sleep(seconds: float) -> None:
        clock.sleep(seconds)

    limited = {"respond": "error", "shape": "openai_rpm_limit", "headers": {"retry-after": "1"},
               "match": {"calls": [2]}}
    with two_keys_and(rules=[limited]) as emu:
        cfg = config(emu)
        pools = {"main": cfg.pools["main"].model_copy(update={"strategy": "fill_first"})}
        with served(cfg.model_copy(update={"pools": pools}), sleep=sleep, clocks=(clock, clock.wall)) as gw:
            client = openai_client(gw.url)
            created = answer(client, False)
            continued = answer(client, False, previous_response_id=created.id)
    assert continued.output_text
    assert [(r.key, r.status) for r in emu.log] == [("a", 200), ("a", 429), ("a", 200)]
    assert clock.waits == [1.0]  # the key's own Retry-After, waited once


def test_a_continued_answer_waits_for_the_rest_when_its_sleep_ends_early() -> None:
    """As above, with the gateway's sleeps of more than 0.1 s ending 50 ms before their time, as an event loop's
    timers may on the pool's wall clock (uvloop's run on a millisecond clock). The only key that may serve is still
    cooling for those 50 ms: the turn sleeps the rest as the same wait, as it does with one key, and continues on
    it, with no other call in between. The gateway's clocks are drill time that only its sleeps move, so a loaded
    machine's slowness cannot end the cooling before the early wake-up looks (on real clocks it once did, in a full
    suite on two busy cores)."""
    clock = DrillClock(scale=1e9, real_time=False)  # a real second is a nanosecond of drill time
    slept: list[float] = []

    async def early(seconds: float) -> None:
        slept.append(seconds)
        clock.sleep(seconds - 0.05 if seconds > 0.1 else seconds)

    limited = {"respond": "error", "shape": "openai_rpm_limit", "headers": {"retry-after": "1"},
               "match": {"calls": [2]}}
    with two_keys_and(rules=[limited]) as emu:
        cfg = config(emu)
        pools = {"main": cfg.pools["main"].model_copy(update={"strategy": "fill_first"})}
        with served(cfg.model_copy(update={"pools": pools}), sleep=early, clocks=(clock, clock.wall)) as gw:
            client = openai_client(gw.url)
            created = answer(client, False)
            continued = answer(client, False, previous_response_id=created.id)
    assert continued.output_text
    assert [(r.key, r.status) for r in emu.log] == [("a", 200), ("a", 429), ("a", 200)]
    assert slept[:2] == pytest.approx([1.0, 0.05], abs=0.01)  # the wait, then its rest



def _with_fallback(emu: Emulator, **loop: float) -> SteadyConfig:
    """Route ``r``: ``m`` on pool ``main`` (key a), then ``m2`` on pool ``spare`` (key c, another organisation: it
    never stored what a created); ``loop``: the turn's policy."""
    base = {"api": "openai-responses", "base_url": emu.base_url("openai"), "timeout": 5, "first_token_timeout": 3,
            "idle_timeout": 3}
    return load_config({"state": {"backend": "memory"}, "loop": loop,
                        "pools": {"main": {"credentials": [{"id": "k1", "key": KEYS[0]}]},
                                  "spare": {"credentials": [{"id": "k3", "key": "sk-emu-c"}]}},
                        "chain": [{**base, "model": "m", "pool": "main"}, {**base, "model": "m2", "pool": "spare"}],
                        "routes": {"r": {"chain": ["m", "m2"]}}})


def _limited_once(wait: str) -> Emulator:
    """Keys a and c; the second call answers OpenAI's 429 with ``retry-after: wait``."""
    limited = {"respond": "error", "shape": "openai_rpm_limit", "headers": {"retry-after": wait},
               "match": {"calls": [2]}}
    return scenario(keys=[{"key": KEYS[0], "label": "a"}, {"key": "sk-emu-c", "label": "c"}], rules=[limited])


@pytest.mark.parametrize("stream", [False, True], ids=["plain", "streamed"])
def test_a_continued_answer_waits_for_its_key_rather_than_fall_back_to_one_that_never_saw_it(stream: bool) -> None:
    """On a route with a fallback entry, the key that created an answer is rate-limited (a 429, Retry-After 3 s) when
    the chain continues, with 4 s of the turn's deadline left. Waiting for it leaves no room for the fallback's
    reserve (1 s of 4), but the fallback's key (another organisation) has never heard of the answer: it could only
    answer 400 previous_response_not_found. So the turn waits for the key that holds it and continues there (before:
    it fell back to key c, and the client got that 400). The gateway's clocks (the loop's and the pools') are drill
    time that only its waits move, so the 3 s pass at once and a loaded machine's slowness never counts against the
    deadline (on real clocks, a full suite on two busy cores once ran out of the 1 s left)."""
    clock = DrillClock(scale=1e9, real_time=False)  # a real second is a nanosecond of drill time

    async def sleep(seconds: float) -> None:
        clock.sleep(seconds)

    with _limited_once("3") as emu, served(_with_fallback(emu, deadline_seconds=4), sleep=sleep,
                                           clocks=(clock, clock.wall)) as gw:
        client = openai_client(gw.url)
        created = answer(client, stream)
        continued = answer(client, stream, previous_response_id=created.id)
    assert continued.output_text
    assert [(r.key, r.status) for r in emu.log] == [("a", 200), ("a", 429), ("a", 200)]
    assert clock.waits == [3.0]  # the key's own Retry-After, waited once


@pytest.mark.parametrize("stream", [False, True], ids=["plain", "streamed"])
def test_a_continued_answer_whose_key_is_out_of_reach_says_so_rather_than_ask_another(stream: bool) -> None:
    """The key that created an answer is rate-limited for longer than the turn may wait (Retry-After 1 s, max_wait
    0.5 s): the client gets the 429 of that key, with its Retry-After and x-should-retry, not a continuation sent to
    the fallback's key, which has never heard of the answer (before: its 400 previous_response_not_found)."""
    with _limited_once("1") as emu, served(_with_fallback(emu, max_wait_seconds=0.5)) as gw:
        client = openai_client(gw.url)
        created = answer(client, stream)
        with pytest.raises(openai.RateLimitError) as refused:
            answer(client, stream, previous_response_id=created.id)
    assert [(r.key, r.status) for r in emu.log] == [("a", 200), ("a", 429)]
    headers = refused.value.response.headers
    assert headers["x-should-retry"] == "true" and 0 < int(headers["retry-after"]) <= 2
    assert "k1" in refused.value.message and "previous response" in refused.value.message
