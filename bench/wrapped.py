"""Benchmark: does a provider's error keep its reading when a client or wrapper prints it?

People rarely paste the HTTP answer itself: they paste what their client printed around it. This takes every HTTP
entry of the corpus (status and body as the provider sent them, with the operator's label) and prints it the way
real clients print such an answer, then classifies each printed text as a message-only error (the class name and
text a pasted traceback shows). The formats, each as its client's source builds it:

- ``python``: the real exception the installed Python SDK raises for the answer, as a traceback's last line shows it
  (its class, and its own text: "Error code: 429 - Rate limit reached ..."), built by the SDK itself in the replay;
- ``litellm``: LiteLLM's re-raise around it ("litellm.RateLimitError: RateLimitError: OpenAIException - Error code:
  429 - ..."; for Anthropic's API the answer's own JSON text follows "AnthropicException - ");
- ``node``: the official TypeScript SDKs' ``APIError.makeMessage``: "429 " and the error object's message, else its
  JSON (openai-node reads the body's ``error``, anthropic-sdk-typescript the whole body: "529
  {"type":"error",...}"), else "429 status code (no body)"; Claude Code prints the same after "API Error: ";
- ``go``: go-openai's ``APIError.Error()``, "error, status code: 429, status: 429 Too Many Requests, message: ..."
  with the body's ``error.message`` (bodies of that shape only);
- ``statusline``: the status line, a colon and the body as sent ("429 Too Many Requests: {"error":{...}}"), as Java
  clients (Spring's RestClient exceptions) and many apps print it (the corpus holds such pastes);
- ``bare``: the provider's message alone (``error.message``, else ``message``, else the text), as many pastes show
  it. This one loses the status and every code, so some texts cannot be read from it; it is printed for scale;
- ``python_1x``: openai-python 1.x and anthropic-sdk-python 0.x, which put the whole decoded body in the text ("Error
  code: 429 - {'error': {'message': ..., 'code': ...}}": the most pasted form on GitHub), in the class the installed
  SDK raised for that status, as a wrapper rebuilds it without the response (its status the class's own:
  ``InternalServerError`` is 500 whatever the text says);
- ``traceback``: the ``python`` form's traceback line kept as a plain exception's text ("openai.RateLimitError: Error
  code: 429 - ..."), as a wrapper that re-raises ``Exception(f"{type(e).__name__}: {e}")`` or a pasted line shows it;
- ``jsonlog``: the ``statusline`` text as a JSON log line holds it, through ``json.dumps`` (quotes escaped, every
  non-ASCII character a \\uXXXX escape).

The same error object can also arrive inside an HTTP 200 stream, with no error status at all: ``anthropic_sse``
streams the body's ``error`` object as Anthropic's ``event: error`` through the real Anthropic client (which raises
it), ``openai_chunk`` as a chat-completions chunk carrying ``error`` through the real OpenAI client (which raises it),
``responses_failed`` as a Responses ``response.failed`` event whose ``error`` is the body's code (else its type) and
message (bodies that have both). Those
lose the status, so a reading that rests on the status alone cannot survive them; the words and codes should.

For each format: the entries read right, and how many of those the HTTP replay reads right but the printed text does
not ("lost in printing": a reading that depends on something the printed form still carries but no rule reads).

Run: python -m bench.wrapped [--lost FORMAT]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterator, Mapping
from http import HTTPStatus
from typing import Any, Final

from agent.error_classifier import ClassifiedError, classify_api_error, classify_soft_failure
from agent.testing.corpus import CorpusEntry, all_entries, file_of, model_without, prepare, replay
from agent.testing.sdk_errors import exception_from_message, outcome_from_event

_LITELLM_CLASS = {400: "BadRequestError", 401: "AuthenticationError", 403: "PermissionDeniedError",
                  404: "NotFoundError", 408: "Timeout", 422: "UnprocessableEntityError", 429: "RateLimitError",
                  500: "InternalServerError", 503: "ServiceUnavailableError"}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _body_text(entry: CorpusEntry) -> str:
    return entry.body if isinstance(entry.body, str) else _json(entry.body)


def _status_line(status: int) -> str:
    """"429 Too Many Requests" as Go's ``resp.Status`` and Java clients print it; the number alone for a status with no
    standard phrase (529)."""
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def _node_message(status: int, error: Any, text: str | None) -> str:
    """``APIError.makeMessage`` of the TypeScript SDKs."""
    if isinstance(error, Mapping) and error.get("message"):
        message = error["message"]
        msg = message if isinstance(message, str) else _json(message)
    elif error:
        msg = _json(error)
    else:
        msg = text or ""
    return f"{status} {msg}" if msg else f"{status} status code (no body)"


def _python(entry: CorpusEntry, error: BaseException) -> tuple[str, str]:
    module = type(error).__module__.split(".")[0]
    return f"{module}.{type(error).__name__}", str(error)


def _litellm(entry: CorpusEntry, error: BaseException) -> tuple[str, str] | None:
    name = _LITELLM_CLASS.get(entry.status or 0, "APIError")
    inner = f"AnthropicException - {_body_text(entry)}" if entry.api == "anthropic" else f"OpenAIException - {error}"
    return f"litellm.{name}", f"litellm.{name}: {name}: {inner}"


def _node(entry: CorpusEntry, error: BaseException) -> tuple[str, str] | None:
    assert entry.status is not None
    body = entry.body
    text = body if isinstance(body, str) else None
    if entry.api == "anthropic":
        return "Error", "API Error: " + _node_message(entry.status, body if isinstance(body, Mapping) else None, text)
    inner = body.get("error") if isinstance(body, Mapping) else None
    return "Error", _node_message(entry.status, inner, text)


def _go(entry: CorpusEntry, error: BaseException) -> tuple[str, str] | None:
    inner = entry.body.get("error") if isinstance(entry.body, Mapping) else None
    if not isinstance(inner, Mapping) or not isinstance(inner.get("message"), str) or entry.status is None:
        return None
    status = _status_line(entry.status)
    return "Error", f"error, status code: {entry.status}, status: {status}, message: {inner['message']}"


def _statusline(entry: CorpusEntry, error: BaseException) -> tuple[str, str] | None:
    if entry.status is None:
        return None
    return "Error", f"{_status_line(entry.status)}: {_body_text(entry)}"


def _bare(entry: CorpusEntry, error: BaseException) -> tuple[str, str] | None:
    body = entry.body
    if isinstance(body, Mapping):
        inner = body.get("error")
        if isinstance(inner, Mapping) and isinstance(inner.get("message"), str):
            return "Error", inner["message"]
        if isinstance(body.get("message"), str):
            return "Error", body["message"]
        return None
    return ("Error", body) if isinstance(body, str) and body.strip() else None


def _python_1x(entry: CorpusEntry, error: BaseException) -> tuple[str, str] | None:
    """The class the installed SDK itself raised for this status (the replay's), the 1.x text around the body."""
    if entry.status is None:
        return None
    return _python(entry, error)[0], f"Error code: {entry.status} - {entry.body!r}"


def _traceback(entry: CorpusEntry, error: BaseException) -> tuple[str, str] | None:
    name, text = _python(entry, error)
    return "Exception", f"{name}: {text}"


def _jsonlog(entry: CorpusEntry, error: BaseException) -> tuple[str, str] | None:
    shown = _statusline(entry, error)
    return None if shown is None else ("Error", json.dumps(shown[1])[1:-1])


FORMATS: dict[str, Callable[[CorpusEntry, BaseException], tuple[str, str] | None]] = {
    "python": _python, "litellm": _litellm, "node": _node, "go": _go, "statusline": _statusline,
    "bare": _bare, "python_1x": _python_1x, "traceback": _traceback, "jsonlog": _jsonlog}


def printed(entry: CorpusEntry) -> Iterator[tuple[str, str, str]]:
    """(format, class name, text) for every format that prints this HTTP entry."""
    is_error, error = prepare(entry)
    if not is_error or not isinstance(error, BaseException):
        return
    for name, make in FORMATS.items():
        if (shown := make(entry, error)) is not None:
            yield name, *shown


def streamed(entry: CorpusEntry) -> Iterator[tuple[str, object]]:
    """(format, what the real client raises or yields) for every stream format that carries this entry's error."""
    inner = entry.body.get("error") if isinstance(entry.body, Mapping) else None
    if not isinstance(inner, Mapping) or not inner:
        return
    if entry.api == "anthropic":
        yield "anthropic_sse", outcome_from_event({"type": "error", "error": dict(inner)})
        return
    yield "openai_chunk", outcome_from_event({"error": dict(inner)})
    code = inner.get("code") or inner.get("type")
    if isinstance(message := inner.get("message"), str) and isinstance(code, str | int) and not isinstance(code, bool):
        yield "responses_failed", outcome_from_event({"type": "response.failed", "response": {
            "id": "resp_1", "object": "response", "created_at": 0, "status": "failed", "model": "m", "output": [],
            "error": {"code": str(code), "message": message}}})


_STREAM_FORMATS: Final = ("anthropic_sse", "openai_chunk", "responses_failed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lost", metavar="FORMAT", help="list the entries a format loses")
    args = parser.parse_args()
    now = 2_000_000_000.0
    counts: dict[str, list[int]] = {name: [0, 0, 0] for name in (*FORMATS, *_STREAM_FORMATS)}  # right, total, lost
    lost: list[str] = []
    entries = [e for e in all_entries() if e.kind == "http" and e.expect is not None]
    for entry in entries:
        raw = replay(entry, now=now)
        raw_right = raw is not None and raw.reason is entry.expect
        for name, type_name, text in printed(entry):
            # an SDK's class (Python, LiteLLM's subclasses) carries the answer's status, as the traceback's object did
            status = entry.status if name in ("python", "litellm") else None
            verdict = classify_api_error(exception_from_message(type_name, text, status=status),
                                         provider=entry.provider, now=now, word_model=model_without(file_of(entry)))
            _count(counts[name], entry, verdict, raw_right, lost if name == args.lost else None, text)
        for name, outcome in streamed(entry):
            word_model = model_without(file_of(entry))
            verdict = (classify_api_error(outcome, provider=entry.provider, now=now, word_model=word_model)
                       if isinstance(outcome, BaseException) else
                       classify_soft_failure(outcome, provider=entry.provider, now=now, word_model=word_model))
            _count(counts[name], entry, verdict, raw_right, lost if name == args.lost else None, str(outcome))
    print(f"wrapped: {len(entries)} HTTP entries of the corpus, printed as clients print them, read as message-only")
    for name, (right, total, missed) in counts.items():
        print(f"  {name:<16} {right:5}/{total:<5} ({100 * right / max(total, 1):5.1f} %)   lost in printing: {missed}")
    for line in lost:
        print(line)


def _count(row: list[int], entry: CorpusEntry, verdict: ClassifiedError | None, raw_right: bool,
           lost: list[str] | None, shown: str) -> None:
    assert entry.expect is not None
    row[1] += 1
    if verdict is not None and verdict.reason is entry.expect:
        row[0] += 1
    elif raw_right:
        row[2] += 1
        if lost is not None:
            got = f"{verdict.reason.value}/{verdict.rule}" if verdict is not None else "success"
            lost.append(f"{entry.id}\t{entry.expect.value}\t{got}\t{shown[:160]!r}")


if __name__ == "__main__":
    main()
