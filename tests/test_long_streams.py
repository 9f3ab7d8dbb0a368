"""A long streamed answer is delivered whole: an event stream is bounded by ``MAX_STREAM``, not by the 32 MiB of a
body that is held whole (agent._http).

A real stream outgrows 32 MiB: 128k output tokens of chat chunks are about 30 MB, with logprobs (top 20 a token,
about 1.3 kB) a 30k-token answer about 40 MB, and a Responses stream carries its whole text four more times. Here
the emulator streams a 40 MB answer in 400 deltas of 100 kB (few deltas: the SDK's parsing of each costs more than
its size); before, the body bound cut it at 32 MiB, the loop read the cut as a broken stream and the turn failed.
"""

from __future__ import annotations

import openai
import pytest
from pydantic import SecretStr

from agent._http import MAX_BODY, MAX_STREAM, ResponseTooLarge, _Cap
from agent.conversation_loop import ChainEntry, ConversationLoop
from agent.credential_pool import Credential, CredentialPool
from agent.events import TextDelta
from agent.results import TurnResult
from agent.stores import MemoryStore
from agent.testing.emulator import Emulator, Scenario

from .test_serve import config, served

WORD = "w" * 99_999
TEXT = " ".join([WORD] * 400)  # 40 MB: past the 32 MiB bound of a body held whole


def long_answer() -> Emulator:
    return Emulator(Scenario.model_validate({"reply_text": TEXT, "chunk_words": 1}))


def test_the_library_streams_an_answer_longer_than_a_held_body_may_be() -> None:
    assert len(TEXT) > MAX_BODY
    with long_answer() as emu:
        chain = [ChainEntry(api="openai-chat", model="m", pool="main", base_url=emu.base_url("openai"), timeout=30)]
        pool = CredentialPool("main", [Credential(id="k1", secret=SecretStr("sk-emu-one"))], store=MemoryStore())
        items = list(ConversationLoop(chain, {"main": pool}, hooks=()).stream("hi"))
    result = items[-1]
    assert isinstance(result, TurnResult) and result.ok and len(result.attempts) == 1
    assert "".join(e.text for e in items if isinstance(e, TextDelta)) == TEXT


def test_the_gateway_relays_an_answer_longer_than_a_held_body_may_be() -> None:
    with long_answer() as emu, served(config(emu, "openai-chat")) as gw:
        client = openai.OpenAI(api_key="client-key", base_url=gw.url + "/v1", max_retries=0, timeout=60)
        chunks = list(client.chat.completions.create(model="r", messages=[{"role": "user", "content": "hi"}],
                                                     stream=True))
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == TEXT
    assert chunks[-1].choices[0].finish_reason == "stop" and len(emu.log) == 1


@pytest.mark.parametrize(("status", "kind", "bound"), [
    (200, "text/event-stream; charset=utf-8", MAX_STREAM),
    (200, "application/vnd.amazon.eventstream", MAX_STREAM),  # Bedrock's binary frames
    (200, "application/json", MAX_BODY),
    (200, "", MAX_BODY),
])
def test_a_stream_is_still_bounded_and_a_held_body_keeps_its_bound(status: int, kind: str, bound: int) -> None:
    """Past its bound a body is refused (a stream that never ends is cut, not read forever)."""
    cap = _Cap(status, "", kind)
    block = b"x" * (1 << 20)
    taken = sum(len(piece) for _ in range(bound >> 20) for piece in cap.pieces(block))
    assert taken == bound
    with pytest.raises(ResponseTooLarge):
        list(cap.pieces(b"x"))
