"""Reading an upstream event stream as it passes through: where content begins, what failed.

``events`` splits the upstream body into server-sent events, each kept as sent (``raw``, its bytes
untouched but line ends written as LF), so the client receives what the provider sent. Lines end
where the SSE specification ends them (CRLF, LF, CR), not also at the other breaks of
``str.splitlines`` that httpx's ``aiter_lines`` splits on: a raw U+2028 in a JSON string is data.
``Watch.feed`` reads one event and says:

| api                | content (the commit point)                   | success end               | failure in a 200     |
| ------------------ | -------------------------------------------- | ------------------------- | -------------------- |
| anthropic-messages | ``content_block_delta``, a ``tool_use`` block | ``message_stop``         | ``event: error``     |
| openai-responses   | any ``response.*.delta``, a function call    | ``response.completed``,   | ``response.failed``, |
|                    | item                                         | ``response.incomplete``   | ``error``            |
| openai-chat        | a chunk with text or a tool call             | a ``finish_reason``       | a chunk with         |
|                    |                                              |                           | ``error``            |

``message_start`` and ``response.created`` carry no content: a failure after them is still
invisible to the client. Past the commit point an event named for something the watch does not read
(a ``ping``, ``content_block_stop``, ``response.output_text.done``, ...) is relayed without decoding its
JSON; ``message_stop`` is read from its name. A failure is handed to the ladder in the form the SDK itself gives it
(``agent.passthrough.status_error``, ``openai.APIError``) or as the failed response object the
soft-failure rules read.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from typing import Any

from .._answer_parts import CHAT_PARTS, RESPONSES_CALLS, RESPONSES_CONTENT, textless_block
from ..adapters import ModelReply, StreamIncompleteError, Usage
from ..chain import Api
from ..conversation import ToolCall
from ..passthrough import status_error
from .answers import answer_of, call_name

__all__ = ["Event", "Watch", "batches", "decoded", "events"]


# Past the commit point, the events (by their SSE name) whose data the watch reads; others pass undecoded.
_READ_PAST_COMMIT: dict[str, frozenset[str]] = {
    "anthropic-messages": frozenset({"error", "message_start", "content_block_start", "content_block_delta",
                                     "message_delta"}),
    "openai-responses": frozenset({"error", "response.failed", "response.output_text.delta",
                                   "response.output_item.added", "response.completed", "response.incomplete"}),
}


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


@dataclass(frozen=True, slots=True)
class Event:
    """One server-sent event: its name, its data, and its lines as received (blank line included, ends as LF)."""

    name: str | None
    data: str
    raw: bytes


def _split(held: bytes, chunk: bytes) -> tuple[list[bytes], bytes]:
    """The lines ended in ``held + chunk``, without their ends, and what waits for the next chunk."""
    parts = (held + chunk).splitlines(keepends=True)  # bytes split at \r\n, \n and \r only
    # the last part waits for the next chunk when unended, or ended by a CR the next may pair with an LF
    held = parts.pop() if parts and not parts[-1].endswith(b"\n") else b""
    return [part[:-2] if part.endswith(b"\r\n") else part[:-1] for part in parts], held


def _cut(chunk: bytes, waiting: list[bytes], begun: bool) -> tuple[list[bytes], list[bytes]] | None:
    """The whole events and the ended lines of ``chunk``, after the line in progress (``waiting``, updated); None
    when the chunk ends no line. The line in progress is kept in the pieces it came in and joined once its end
    arrives, so a line longer than the chunks (a partial image's base64, megabytes in one data line) costs its
    length once, not once a chunk. A chunk that starts an event (``begun`` false) and holds no CR (what providers
    send: LF line ends, each event whole) is cut at its blank lines in one split, each event's bytes as they came."""
    if b"\n" not in chunk and b"\r" not in chunk and not (waiting and waiting[-1].endswith(b"\r")):
        waiting.append(chunk)  # no line ends here (nor a CR before it to end one): nothing to read yet
        return None
    held = b"".join(waiting)
    waiting.clear()
    blocks: list[bytes] = []
    if not begun and not held and b"\r" not in chunk:  # the usual chunk: whole events, LF line ends
        *whole, chunk = chunk.split(b"\n\n")  # what is left (an event begun) goes on line by line
        blocks = [block for block in whole if block.strip(b"\n")]
    ended, held = _split(held, chunk)
    if held:
        waiting.append(held)
    return blocks, ended


def _event(name: str | None, data: list[bytes], raw: list[bytes]) -> Event:
    return Event(name, b"\n".join(data).decode("utf-8", "replace"), b"\n".join(raw) + b"\n\n")


def _whole(block: bytes) -> Event:
    """An event from its lines as received, ended by LF (none by CR), without the blank line that ended it (nor
    the LFs before it: a blank line more between two events)."""
    block = block.lstrip(b"\n")
    name, data = None, []
    for line in block.split(b"\n"):
        if line.startswith(b"event:"):
            name = line[6:].strip().decode("utf-8", "replace")
        elif line.startswith(b"data:"):
            data.append(line[5:].removeprefix(b" "))
    return Event(name, b"\n".join(data).decode("utf-8", "replace"), block + b"\n\n")


async def batches(chunks: AsyncIterator[bytes]) -> AsyncIterator[Iterable[Event]]:
    """The events of an SSE body, read from its bytes (comments and retry fields pass through inside ``raw``): the
    events each chunk of the body ended, so that what arrived together can leave together (one write to the
    client, not one per event) and the reader resumes once a chunk, not once an event. A batch is read once, in
    order; its whole events are parsed as it is read, so a reader that stops at the first content event (the
    commit point) writes it before the events after it in the chunk are parsed (an upstream often sends a short
    answer in one segment: the first token no longer waits for the rest of it).

    Lines are split chunk by chunk in this loop, not by a generator of their own: an async generator's step
    for each line (three an event) cost more than the splitting. A chunk that starts an event and holds no CR
    (what providers send: LF line ends, each event whole) is cut at its blank lines in one split, each event's
    bytes kept as they came; the rest goes line by line (about half the time per event)."""
    name: str | None = None
    data: list[bytes] = []
    raw: list[bytes] = []
    waiting: list[bytes] = []  # the line in progress, in the pieces it came in (``_cut``)
    more, body = True, chunks.__aiter__()
    while more:
        found: list[Event] = []
        blocks: list[bytes] = []  # whole events, parsed when the batch is read
        try:
            chunk = await body.__anext__()
        except StopAsyncIteration:
            held = b"".join(waiting)
            ended, more = [held.removesuffix(b"\r")] if held else [], False  # a last line without its end
        else:
            cut = _cut(chunk, waiting, bool(raw))
            if cut is None:
                continue
            blocks, ended = cut
        for line in ended:
            if line:
                raw.append(line)
                if line.startswith(b"event:"):
                    name = line[6:].strip().decode("utf-8", "replace")
                elif line.startswith(b"data:"):
                    data.append(line[5:].removeprefix(b" "))
                continue
            if raw:
                found.append(_event(name, data, raw))
            name, data, raw = None, [], []
        if raw and not more:  # a last event without its blank line: still the provider's bytes
            found.append(_event(name, data, raw))
        if blocks:
            yield itertools.chain(map(_whole, blocks), found) if found else map(_whole, blocks)
        elif found:
            yield found


async def events(chunks: AsyncIterator[bytes]) -> AsyncIterator[Event]:
    """The events of an SSE body one by one (``batches`` without the chunks' bounds)."""
    async for batch in batches(chunks):
        for event in batch:
            yield event


async def decoded(sse: AsyncIterator[Any]) -> AsyncIterator[list[Event]]:
    """The events an SDK decoder made of a binary event stream (Bedrock's AWS frames), written as SSE
    for the client: ``event: NAME`` and ``data: JSON``, as the first-party API would have sent them (one a
    batch: the decoder hands them over one at a time)."""
    async for item in sse:
        name, data = getattr(item, "event", None), str(getattr(item, "data", ""))
        lines = ([f"event: {name}"] if name else []) + [f"data: {line}" for line in data.split("\n")]
        yield [Event(name, data, ("\n".join(lines) + "\n\n").encode())]


@dataclass(slots=True)
class Watch:
    """What one upstream stream has shown so far; ``feed`` returns a failure to hand to the ladder."""

    api: Api
    client: Any  # the SDK client that made the call (its error mapping)
    response: Any  # the upstream httpx2.Response
    content: bool = False  # a content event passed: the commit point
    done: bool = False  # the success terminal event arrived
    text: list[str] = field(default_factory=list)
    tools: list[str] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)  # what else it carried (agent._answer_parts), by kind
    finish: str | None = None
    usage: Usage = field(default_factory=Usage)
    model: str | None = None
    final: dict[str, Any] | None = None  # Responses: the completed (or incomplete) response
    response_id: str | None = None  # Responses: the answer's id, from response.created

    def feed(self, event: Event) -> Any:
        """Note ``event``; returns a failure (an SDK exception or a failed response object) or None."""
        if self.api == "openai-chat" and event.data.strip() == "[DONE]":
            self.done = self.finish is not None
            return None
        if not event.data:
            return None
        read = _READ_PAST_COMMIT.get(self.api)
        if self.content and read is not None and event.name is not None and event.name not in read:
            self.done = self.done or event.name == "message_stop"  # the rest says nothing the watch keeps
            return None
        data = json.loads(event.data)  # ValueError: a malformed chunk (the driver names it)
        if not isinstance(data, dict):
            raise ValueError("a streamed chunk is not a JSON object")
        if self.api == "anthropic-messages":
            return self._messages(event.name or str(data.get("type", "")), data)
        if self.api == "openai-responses":
            return self._responses(event.name or str(data.get("type", "")), data)
        return self._chat(data)

    def _messages(self, kind: str, data: dict[str, Any]) -> Any:
        if kind == "error":
            return status_error(self.client, data, self.response)
        if kind == "content_block_delta":
            self.content = True
            delta = data.get("delta") or {}
            if delta.get("type") == "text_delta":
                self.text.append(str(delta.get("text", "")))
        elif kind == "content_block_start" and textless_block(block := _dict(data.get("content_block"))):
            self.content = True  # a tool call, or a hosted tool's block (server_tool_use, its result, ...)
            if block.get("type") == "tool_use":
                self.tools.append(str(block.get("name", "")))
            else:
                self.parts.append(str(block["type"]))
        elif kind == "message_start":
            message = data.get("message") or {}
            self.model = message.get("model")
            self.usage = Usage(int((message.get("usage") or {}).get("input_tokens") or 0), 0)
        elif kind == "message_delta":
            self.finish = (data.get("delta") or {}).get("stop_reason") or self.finish
            out = int((data.get("usage") or {}).get("output_tokens") or 0)
            self.usage = Usage(self.usage.input_tokens, out)
        elif kind == "message_stop":
            self.done = True
        return None

    def _responses(self, kind: str, data: dict[str, Any]) -> Any:
        if kind == "response.failed":
            return _dict(data.get("response"))
        if kind == "error":
            return data  # the soft-failure rules read the event itself
        if kind.endswith(".delta"):
            self.content = True
            if kind == "response.output_text.delta":
                self.text.append(str(data.get("delta", "")))
        elif kind == "response.output_item.added" and (item := _dict(data.get("item"))).get("type") in RESPONSES_CALLS:
            self.content = True  # a call the client acts on: a function, Codex's custom tools and shell, ...
            self.tools.append(str(item.get("name") or item["type"]))
        elif kind == "response.image_generation_call.partial_image" or (
                kind == "response.output_item.done" and (item := _dict(data.get("item"))).get("type")
                in RESPONSES_CONTENT and item.get("result")):
            self.content = True  # an image, partial or whole
        elif kind in ("response.completed", "response.incomplete"):
            self.done, self.final = True, _dict(data.get("response"))
        elif kind == "response.created" and isinstance(found := _dict(data.get("response")).get("id"), str):
            self.response_id = found
        return None

    def _chat(self, data: dict[str, Any]) -> Any:
        if data.get("error"):
            import openai

            error = data["error"]
            message = error.get("message") if isinstance(error, dict) else None
            return openai.APIError(message=str(message or "An error occurred during streaming"),
                                   request=self.response.request, body=error)
        self.model = self.model or data.get("model")
        usage = data.get("usage")
        if isinstance(usage, dict):
            self.usage = Usage(int(usage.get("prompt_tokens") or 0), int(usage.get("completion_tokens") or 0))
        for choice in data.get("choices") or ():
            delta = choice.get("delta") or {}
            if delta.get("content"):
                self.content = True
                self.text.append(str(delta["content"]))
            for call in delta.get("tool_calls") or ():
                self.content = True
                name = call_name(_dict(call))
                if name:
                    self.tools.append(name)
            for part in CHAT_PARTS:  # audio, images, a legacy function call: an answer without content
                if delta.get(part):
                    self.content = True
                    if part not in self.parts:
                        self.parts.append(part)
            if choice.get("finish_reason"):
                self.finish = str(choice["finish_reason"])
        return None

    def reply(self) -> ModelReply:
        """The answer as the ladder judges it (raises StreamIncompleteError when the end never came)."""
        if self.api == "openai-chat" and self.finish is not None:
            self.done = True  # the finish is the terminal fact; [DONE] is a courtesy
        if not self.done:
            raise StreamIncompleteError(f"the {self.api} stream ended without its terminal event")
        if self.final is not None:
            return answer_of(self.api, self.final) or ModelReply("")
        calls = tuple(ToolCall(id=f"call_{i}", name=name, arguments={}) for i, name in enumerate(self.tools))
        return ModelReply("".join(self.text), calls, (), self.usage, None, self.model,
                          (self.finish,) if self.finish else (), tuple(self.parts))
