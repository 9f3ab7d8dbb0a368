"""agent.observability.tracing: span tree and GenAI attributes of real turns, from the SDK's in-memory exporter."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

from agent.events import AttemptContent, log_event
from agent.observability import Tracing
from agent.testing.emulator import Emulator, Scenario
from agent.tools import ToolBox
from tests.drills import KEYS, PROMPT, drill_loop, drill_scenario
from tests.test_conversation_loop import entry, make_loop, pool


@pytest.fixture
def exporter() -> Iterator[InMemorySpanExporter]:
    memory = InMemorySpanExporter()
    yield memory
    memory.clear()


def _tracing(exporter: InMemorySpanExporter, **kw: Any) -> tuple[Tracing, TracerProvider]:
    """Tracing (deferred, as by default) into a private provider whose spans land in ``exporter``."""
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    return Tracing(provider.get_tracer("steadyloop-test"), **kw), provider


def _drill(exporter: InMemorySpanExporter, api: str = "openai-chat",
           deferred: bool = True) -> tuple[list[ReadableSpan], int]:
    tracing, provider = _tracing(exporter, deferred=deferred)
    with drill_scenario() as emu, provider.get_tracer("app").start_as_current_span("gateway request"):
        assert drill_loop(emu, [tracing], api=api).run(PROMPT, session="chat-42").ok
        port = int(emu.base_url("openai").split(":")[2].split("/")[0])
    assert tracing.flush()
    return sorted(exporter.get_finished_spans(), key=lambda s: s.start_time or 0), port


@pytest.mark.parametrize("deferred", [True, False], ids=["background", "inline"])
def test_a_turn_is_one_span_with_a_child_per_attempt_and_the_sleep(exporter: InMemorySpanExporter,
                                                                    deferred: bool) -> None:
    """Rotate, retry, fall back: invoke_agent under the caller's span; chat spans and the wait as its children."""
    spans, _ = _drill(exporter, deferred=deferred)
    gateway, turn, *children = spans
    assert (gateway.name, turn.name, turn.kind) == ("gateway request", "invoke_agent steadyloop", SpanKind.INTERNAL)
    assert turn.parent is not None and turn.parent.span_id == gateway.context.span_id
    assert [(s.name, s.kind) for s in children] == [
        ("chat a", SpanKind.CLIENT), ("chat a", SpanKind.CLIENT), ("steadyloop.wait", SpanKind.INTERNAL),
        ("chat a", SpanKind.CLIENT), ("chat b", SpanKind.CLIENT)]
    assert all(s.parent is not None and s.parent.span_id == turn.context.span_id for s in children)
    wait = children[2]
    assert children[1].end_time <= wait.start_time and wait.end_time <= children[3].start_time  # type: ignore[operator]
    assert dict(wait.attributes or {}) == {"steadyloop.wait": 2.0, "steadyloop.reason": "overloaded"}


def test_attempt_spans_carry_the_genai_and_steadyloop_attributes(exporter: InMemorySpanExporter) -> None:
    """Each attempt: request/response model, server, credential, resend count, classified error.type and action."""
    spans, port = _drill(exporter)
    attempts = [dict(s.attributes or {}) for s in spans if s.name.startswith("chat ")]
    for attrs in attempts:
        assert (attrs["gen_ai.operation.name"], attrs["gen_ai.provider.name"]) == ("chat", "openai")
        assert (attrs["server.address"], attrs["server.port"]) == ("127.0.0.1", port)
        assert attrs["gen_ai.conversation.id"] == "chat-42"
    picked = ["gen_ai.request.model", "steadyloop.credential", "http.request.resend_count", "error.type",
              "steadyloop.reason", "steadyloop.action", "steadyloop.scope", "steadyloop.fallback_hop"]
    assert [tuple(a.get(k) for k in picked) for a in attempts] == [
        ("a", "main-1", None, "rate_limit", "rate_limit", "rotate", "credential", 0),
        ("a", "main-2", 1, "overloaded", "overloaded", "retry", "endpoint", 0),
        ("a", "main-2", 2, "server_error", "server_error", "fallback", "endpoint", 0),
        ("b", "alt-1", 3, None, "ok", "answered", None, 1)]
    assert (attempts[1]["steadyloop.retry_after"], attempts[1]["steadyloop.wait"]) == (2.0, 2.0)
    assert [a.get("http.response.status_code") for a in attempts] == [429, 503, 500, None]
    answered = attempts[-1]
    assert answered["gen_ai.response.model"] == "b" and answered["gen_ai.response.finish_reasons"] == ("stop",)
    assert answered["gen_ai.usage.input_tokens"] > 0 and answered["gen_ai.usage.output_tokens"] > 0
    statuses = [s.status.status_code for s in spans if s.name.startswith("chat ")]
    assert statuses == [StatusCode.ERROR, StatusCode.ERROR, StatusCode.ERROR, StatusCode.UNSET]


def test_turn_span_sums_up_the_turn(exporter: InMemorySpanExporter) -> None:
    """The turn span: conversation id, request and answering model, totals, status, and a fallback event."""
    spans, _ = _drill(exporter)
    turn = spans[1]
    attrs = dict(turn.attributes or {})
    assert (attrs["gen_ai.operation.name"], attrs["gen_ai.agent.name"], attrs["gen_ai.conversation.id"]) == (
        "invoke_agent", "steadyloop", "chat-42")
    assert (attrs["gen_ai.request.model"], attrs["gen_ai.response.model"], attrs["gen_ai.provider.name"]) == (
        "a", "b", "openai")
    assert (attrs["steadyloop.turn.status"], attrs["steadyloop.attempts"], "error.type" in attrs) == ("ok", 4, False)
    answered = dict(spans[-1].attributes or {})
    assert attrs["gen_ai.usage.output_tokens"] == answered["gen_ai.usage.output_tokens"]
    [fallback] = turn.events
    assert (fallback.name, dict(fallback.attributes or {})) == ("steadyloop.fallback", {
        "steadyloop.from_model": "a", "steadyloop.to_model": "b", "steadyloop.reason": "server_error"})


@pytest.mark.parametrize("api", ["openai-chat", "openai-responses"])
def test_no_secret_or_prompt_in_any_span(exporter: InMemorySpanExporter, api: str) -> None:
    """No key and no prompt text in any span name, attribute or span event."""
    spans, _ = _drill(exporter, api)
    seen = repr([(s.name, dict(s.attributes or {}), [(e.name, dict(e.attributes or {})) for e in s.events])
                 for s in spans])
    assert "main-1" in seen  # credentials appear by id only
    assert not any(k in seen for k in KEYS) and "PROMPT-MARKER" not in seen and "launch codes" not in seen


_CONTENT_KEYS = ("gen_ai.input.messages", "gen_ai.output.messages")


def _content_drill(exporter: InMemorySpanExporter, caplog: pytest.LogCaptureFixture,
                   **kw: Any) -> tuple[list[dict[str, Any]], list[Any]]:
    """The drill turn, its prompt quoting a configured key, with a plain recording hook and the logging hook too."""
    tracing, _provider = _tracing(exporter, **kw)
    seen: list[Any] = []
    with drill_scenario() as emu, caplog.at_level(logging.DEBUG, logger="steadyloop"):
        loop = drill_loop(emu, [tracing, seen.append, log_event])
        assert loop.run(f"{PROMPT} with key {KEYS[0]}").ok
    assert tracing.flush()
    spans = sorted(exporter.get_finished_spans(), key=lambda s: s.start_time or 0)
    return [dict(s.attributes or {}) for s in spans if s.name.startswith("chat ")], seen


def test_message_contents_are_not_recorded_by_default(exporter: InMemorySpanExporter,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    """Without the opt-in no span carries the GenAI message attributes and no hook receives contents."""
    attempts, seen = _content_drill(exporter, caplog)
    assert len(attempts) == 4 and not any(k in a for a in attempts for k in _CONTENT_KEYS)
    assert not any(isinstance(e, AttemptContent) for e in seen)


def test_opted_in_contents_are_on_each_attempt_span_redacted(exporter: InMemorySpanExporter,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    """record_content=True: every attempt span has gen_ai.input.messages (the key masked), the answer has
    gen_ai.output.messages; other hooks and the log still never see a prompt."""
    attempts, seen = _content_drill(exporter, caplog, record_content=True)
    inputs = [json.loads(a["gen_ai.input.messages"]) for a in attempts]
    for sent in inputs:
        [user] = [m for m in sent if m["role"] == "user"]
        text = user["parts"][0]["content"]
        assert user["parts"][0]["type"] == "text" and "PROMPT-MARKER-7f3a" in text
        assert KEYS[0] not in text and "[REDACTED]" in text
    assert [("gen_ai.output.messages" in a) for a in attempts] == [False, False, False, True]
    [answer] = json.loads(attempts[-1]["gen_ai.output.messages"])
    assert answer["role"] == "assistant" and answer["parts"][0]["content"] and answer["finish_reason"]
    assert not any(isinstance(e, AttemptContent) for e in seen)  # only hooks that opt in receive contents
    assert "PROMPT-MARKER" not in caplog.text and KEYS[0] not in caplog.text
    assert not any(k in json.dumps(attempts) for k in KEYS)


def test_a_stream_never_yields_contents_to_its_reader(exporter: InMemorySpanExporter) -> None:
    """With contents recorded, a streamed turn's reader still gets only its own events, deltas and result."""
    tracing, _provider = _tracing(exporter, record_content=True)
    with drill_scenario() as emu:
        items = list(drill_loop(emu, [tracing]).stream(PROMPT))
    assert tracing.flush()
    assert items and not any(isinstance(item, AttemptContent) for item in items)
    assert any("gen_ai.output.messages" in (s.attributes or {}) for s in exporter.get_finished_spans())


def test_failed_turn_marks_the_turn_span_with_the_reason(exporter: InMemorySpanExporter) -> None:
    """A turn that cannot answer ends its span with status ERROR and error.type = the classified reason."""
    tracing, _ = _tracing(exporter)
    rules = [{"respond": "error", "shape": "openai_moderation_block"}]
    with Emulator(Scenario.model_validate({"rules": rules})) as emu:
        result = make_loop([entry(emu, "openai-chat", "m")], {"main": pool("main", "k1")}, hooks=[tracing]).run("x")
    assert tracing.flush()
    turn = next(s for s in exporter.get_finished_spans() if s.name.startswith("invoke_agent"))
    assert not result.ok and turn.status.status_code is StatusCode.ERROR
    assert (turn.attributes or {})["error.type"] == "content_policy_blocked"


def test_tool_runs_are_spans_between_the_calls(exporter: InMemorySpanExporter) -> None:
    """A tool round: chat, execute_tool NAME (gen_ai.tool.name), chat again, all under the turn."""
    tracing, _ = _tracing(exporter)
    tools = ToolBox()

    @tools.tool
    def clock() -> str:
        """The time."""
        return "noon"

    rule = {"respond": "tool_call", "tool_name": "clock", "match": {"has_tool_results": False}}
    with Emulator(Scenario.model_validate({"rules": [rule]})) as emu:
        loop = make_loop([entry(emu, "openai-chat", "m")], {"main": pool("main", "k1")}, tools=tools, hooks=[tracing])
        assert loop.run("what time is it").ok
    assert tracing.flush()
    spans = sorted(exporter.get_finished_spans(), key=lambda s: s.start_time or 0)
    assert [s.name for s in spans] == ["invoke_agent steadyloop", "chat m", "execute_tool clock", "chat m"]
    tool = dict(spans[2].attributes or {})
    assert (tool["gen_ai.operation.name"], tool["gen_ai.tool.name"]) == ("execute_tool", "clock")
    assert (spans[1].attributes or {})["steadyloop.action"] == "tools"


def test_abandoned_turns_are_bounded(exporter: InMemorySpanExporter) -> None:
    """Turns dropped without TurnFinished (a closed stream) are ended as abandoned once over max_open_turns."""
    tracing, _ = _tracing(exporter, max_open_turns=1)
    with Emulator("healthy") as emu:
        loop = make_loop([entry(emu, "openai-chat", "m")], {"main": pool("main", "k1")}, hooks=[tracing])
        dropped = loop.stream("first")
        next(dropped)  # the turn has started (its first event), then the reader walks away
        dropped.close()
        assert loop.run("second").ok
    assert tracing.flush()
    turns = [s for s in exporter.get_finished_spans() if s.name.startswith("invoke_agent")]
    assert [(s.attributes or {}).get("error.type") for s in turns] == ["abandoned", None]
    assert turns[0].status.status_code is StatusCode.ERROR


_WITHOUT_EXTRAS = """
import importlib.abc, sys
import agent.conversation_loop, agent.observability, agent.cli  # anthropic>=2.15 itself needs opentelemetry-api
print(sorted(m for m in sys.modules if m.startswith("prometheus_client") or m == "agent.observability.tracing"))
class Absent(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("opentelemetry", "prometheus_client"):
            raise ModuleNotFoundError(f"No module named {name!r}")
for name in [m for m in sys.modules if m.startswith("opentelemetry")]:
    del sys.modules[name]
sys.meta_path.insert(0, Absent())
agent.observability.configure_logging("json")
for name in ("Metrics", "Tracing"):
    try:
        getattr(agent.observability, name)()
    except ImportError as err:
        print(err)
"""


def test_without_the_extras_the_loop_and_logs_work_and_the_hooks_say_what_to_install() -> None:
    """The loop imports neither hook module; with the extras absent, Metrics and Tracing name what to install."""
    out = subprocess.run([sys.executable, "-c", _WITHOUT_EXTRAS], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["[]","Prometheus metrics need prometheus-client: pip install 'steadyloop[metrics]'",
                                "Tracing needs opentelemetry-api: pip install 'steadyloop[otel]'"]


def test_a_sampled_out_turn_builds_no_spans(exporter: InMemorySpanExporter) -> None:
    """With a sampler that drops everything, only the turn span is asked for: no child is built, none exported."""
    from opentelemetry.sdk.trace.sampling import ALWAYS_OFF

    provider = TracerProvider(sampler=ALWAYS_OFF)
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    real, asked = provider.get_tracer("steadyloop-test"), []

    class Counting:
        def start_span(self, name: str, **kw: Any) -> Any:
            asked.append(name)
            return real.start_span(name, **kw)

    tracing = Tracing(Counting(), deferred=False)  # type: ignore[arg-type]
    with drill_scenario() as emu:
        assert drill_loop(emu, [tracing]).run(PROMPT).ok
    assert asked == ["invoke_agent steadyloop"] and exporter.get_finished_spans() == ()


def test_concurrent_turns_on_one_loop_keep_their_own_trees(exporter: InMemorySpanExporter) -> None:
    """Turns of one loop running on several threads at once: each attempt span hangs under its own turn."""
    import threading

    tracing, _ = _tracing(exporter)
    with Emulator("healthy") as emu:
        loop = make_loop([entry(emu, "openai-chat", "m")], {"main": pool("main", "k1", "k2")}, hooks=[tracing])
        threads = [threading.Thread(target=loop.run, args=("hi",), kwargs={"session": f"s{i}"}) for i in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert tracing.flush()
    spans = exporter.get_finished_spans()
    turns = {s.context.span_id: (s.attributes or {})["gen_ai.conversation.id"] for s in spans
             if s.name.startswith("invoke_agent")}
    chats = [s for s in spans if s.name == "chat m"]
    assert sorted(turns.values()) == [f"s{i}" for i in range(6)] and len(chats) == 6
    assert all(c.parent is not None and turns[c.parent.span_id] == (c.attributes or {})["gen_ai.conversation.id"]
               for c in chats)


def test_an_async_turn_is_a_child_of_the_tasks_current_span(exporter: InMemorySpanExporter) -> None:
    """arun(): the turn span's parent is the span current in the awaiting task."""
    import asyncio

    tracing, provider = _tracing(exporter)

    async def handle() -> None:
        with provider.get_tracer("app").start_as_current_span("async request"):
            assert (await loop.arun("hi")).ok

    with Emulator("healthy") as emu:
        loop = make_loop([entry(emu, "anthropic-messages", "m")], {"main": pool("main", "k1")}, hooks=[tracing])
        asyncio.run(handle())
    assert tracing.flush()
    spans = {s.name: s for s in exporter.get_finished_spans()}
    turn, request = spans["invoke_agent steadyloop"], spans["async request"]
    assert turn.parent is not None and turn.parent.span_id == request.context.span_id
    assert (spans["chat m"].attributes or {})["gen_ai.provider.name"] == "anthropic"
