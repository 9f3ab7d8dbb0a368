"""Facts first: turn any exception or error body into one flat record the rules can read.

Nothing here decides anything. It finds the HTTP status, the SDK exception kind, every
structured code in the body (Anthropic ``error.details.error_code``, OpenAI ``code``/``type``,
Azure ``innererror.code``, Gemini ``status``, Bedrock ``x-amzn-errortype``), the messages
(including JSON nested in ``error.message`` and OpenRouter's ``metadata.raw``), and the headers
that carry wait hints. It never raises: odd input gives emptier facts.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

import anthropic
import httpx2
import openai

__all__ = ["ErrorFacts", "ExcKind", "facts_from_body", "facts_from_exception"]

_TEXT_LIMIT: Final = 4000  # characters of each message searched; phrases sit near the start
_NESTED_LIMIT: Final = 20_000  # longest string we try to parse as nested JSON


class ExcKind(enum.StrEnum):
    """What kind of failure object the facts came from."""

    status = "status"  # an HTTP response with an error status, or an error inside a 200 stream
    connection = "connection"  # could not connect, or the connection dropped
    timeout = "timeout"  # the client gave up waiting
    soft = "soft"  # an HTTP 200 answer that is really a failure
    other = "other"  # anything else


@dataclass(slots=True)
class ErrorFacts:
    """Everything the rules may look at. Strings in ``codes`` and ``text`` are lower-case."""

    status: int | None = None  # the status the rules reason about (may come from the body)
    http_status: int | None = None  # the HTTP status of the response, as received
    kind: ExcKind = ExcKind.other
    sdk: str = ""
    error_type: str = ""
    error_code: str = ""
    codes: frozenset[str] = frozenset()
    message: str = ""
    text: str = ""
    headers: tuple[tuple[str, str], ...] = ()
    server_retry: bool | None = None
    body_wait: str = ""
    provider: str = ""
    model: str = ""
    approx_tokens: int = 0
    context_length: int = 200_000
    num_messages: int = 0
    _tags: dict[str, bool] = field(default_factory=dict)


# ---------------------------------------------------------------- exceptions


_STATUS_ERRORS: Final = (openai.APIStatusError, anthropic.APIStatusError)
_TIMEOUT_ERRORS: Final = (
    openai.APITimeoutError,
    anthropic.APITimeoutError,
    httpx2.TimeoutException,
    TimeoutError,
)
_CONNECTION_ERRORS: Final = (
    openai.APIConnectionError,
    anthropic.APIConnectionError,
    httpx2.TransportError,
    ConnectionError,
    OSError,
)


def _chain(error: BaseException) -> Iterator[BaseException]:
    """The exception and its causes, each once (cycle-safe)."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _kind_of(error: BaseException) -> ExcKind:
    if isinstance(error, _STATUS_ERRORS):
        return ExcKind.status
    if isinstance(error, _TIMEOUT_ERRORS):
        return ExcKind.timeout
    if isinstance(error, _CONNECTION_ERRORS):
        return ExcKind.connection
    return ExcKind.other


def _pick(error: BaseException) -> tuple[BaseException, ExcKind, str]:
    """The most informative exception in the cause chain, its kind, and all chained texts."""
    best: BaseException = error
    best_kind = ExcKind.other
    texts: list[str] = []
    for link in _chain(error):
        kind = _kind_of(link)
        texts.append(_safe_str(link))
        if best_kind is ExcKind.other and kind is not ExcKind.other:
            best, best_kind = link, kind
        if kind is ExcKind.status:
            best, best_kind = link, kind
            break
    return best, best_kind, " ".join(texts)


def _safe_str(value: object) -> str:
    try:
        text = str(value)
    except Exception:
        return ""
    return text[:_TEXT_LIMIT]


def _status_of(error: BaseException) -> int | None:
    status = getattr(error, "status_code", None)
    if isinstance(status, int) and not isinstance(status, bool) and 100 <= status < 600:
        return status
    status = getattr(error, "status", None)
    if isinstance(status, int) and not isinstance(status, bool) and 100 <= status < 600:
        return status
    return None


def _headers_of(error: BaseException) -> tuple[tuple[str, str], ...]:
    response = getattr(error, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return ()
    try:
        return tuple((str(k).lower(), str(v)) for k, v in headers.items())
    except Exception:
        return ()


def _sdk_of(error: BaseException) -> str:
    if isinstance(error, openai.OpenAIError):
        return "openai"
    if isinstance(error, anthropic.AnthropicError):
        return "anthropic"
    return ""


def facts_from_exception(error: BaseException) -> ErrorFacts:
    """Extract facts from any exception (never raises)."""
    best, kind, chain_text = _pick(error)
    http_status = _status_of(best)
    facts = ErrorFacts(
        kind=kind, sdk=_sdk_of(best), status=http_status, http_status=http_status, headers=_headers_of(best)
    )
    body = getattr(best, "body", None) if kind in (ExcKind.status, ExcKind.other) else None
    if kind is ExcKind.other and body is None and getattr(best, "response", None) is not None:
        body = _response_json(best)
    _fill_from_body(facts, body, fallback_message=_message_of(best))
    if kind is not ExcKind.status or not facts.text:
        facts.text = _join_text(facts.text, chain_text.lower())
    _fill_from_headers(facts)
    return facts


def _message_of(error: BaseException) -> str:
    message = getattr(error, "message", None)
    if isinstance(message, str) and message:
        return message[:_TEXT_LIMIT]
    return _safe_str(error)


def _response_json(error: BaseException) -> object:
    try:
        return error.response.json()  # type: ignore[attr-defined]
    except Exception:
        return None


def _fill_from_headers(facts: ErrorFacts) -> None:
    for name, value in facts.headers:
        if name == "x-should-retry":
            lowered = value.strip().lower()
            facts.server_retry = True if lowered == "true" else False if lowered == "false" else None
        elif name == "x-amzn-errortype":  # Bedrock names the error class in a header
            amzn = value.split(":", 1)[0].strip().lower()
            facts.codes = facts.codes | {amzn}
            facts.error_code = facts.error_code or amzn


# ---------------------------------------------------------------- bodies


def facts_from_body(body: object, *, status: int | None = None, kind: ExcKind = ExcKind.soft) -> ErrorFacts:
    """Extract facts from a decoded error body (dict, list, JSON string, bytes or None)."""
    facts = ErrorFacts(kind=kind, status=status)
    _fill_from_body(facts, body, fallback_message="")
    return facts


def _decode(body: object) -> object:
    if isinstance(body, bytes | bytearray):
        body = bytes(body[:_NESTED_LIMIT]).decode("utf-8", "replace")
    if isinstance(body, str):
        stripped = body.strip()
        if stripped[:1] in ("{", "[") and len(stripped) <= _NESTED_LIMIT:
            try:
                return json.loads(stripped)
            except ValueError:
                return body
    return body


class _Collector:
    """Accumulates codes and messages while walking nested error payloads."""

    __slots__ = ("codes", "error_code", "error_type", "messages", "numeric", "wait")

    def __init__(self) -> None:
        self.codes: list[str] = []
        self.messages: list[str] = []
        self.error_code = ""
        self.error_type = ""
        self.numeric: int | None = None
        self.wait = ""

    def code(self, value: object, *, primary: bool = False) -> None:
        if isinstance(value, bool):
            return
        if isinstance(value, int):
            if 100 <= value < 600 and self.numeric is None:
                self.numeric = value
            return
        if isinstance(value, str) and value.strip():
            lowered = value.strip().lower()[:200]
            if lowered.isdigit():
                self.code(int(lowered))
                return
            self.codes.append(lowered)
            if primary and not self.error_code:
                self.error_code = lowered

    def message(self, value: object) -> None:
        if isinstance(value, str) and value.strip():
            self.messages.append(value.strip()[:_TEXT_LIMIT])


def _walk(payload: object, out: _Collector, depth: int = 0) -> None:
    """Collect codes and messages from an error payload, following the known nestings."""
    if depth > 4:
        return
    payload = _decode(payload)
    if isinstance(payload, list):
        for item in payload[:3]:
            _walk(item, out, depth + 1)
        return
    if isinstance(payload, str):
        out.message(payload)
        return
    if not isinstance(payload, Mapping):
        return
    _walk_mapping(payload, out, depth)


def _walk_mapping(payload: Mapping[Any, Any], out: _Collector, depth: int) -> None:
    inner = payload.get("error")
    if isinstance(inner, Mapping | list | str) and inner:
        _walk(inner, out, depth + 1)
    details = payload.get("details")
    if isinstance(details, Mapping):
        out.code(details.get("error_code"), primary=True)
    elif isinstance(details, list):
        _walk_details(details, out)
    out.code(payload.get("code"), primary=True)
    out.code(payload.get("error_code"), primary=True)
    kind = payload.get("type")
    if isinstance(kind, str) and kind != "error":
        if not out.error_type:
            out.error_type = kind.strip().lower()
        out.code(kind)
    out.code(payload.get("status"))
    innererror = payload.get("innererror")
    if isinstance(innererror, Mapping):
        out.code(innererror.get("code"))
    message = payload.get("message")
    nested = _decode(message) if isinstance(message, str) and message.lstrip()[:1] == "{" else None
    if isinstance(nested, Mapping):
        _walk(nested, out, depth + 1)
    else:
        out.message(message)
    metadata = payload.get("metadata")
    if isinstance(metadata, Mapping) and metadata.get("raw"):
        _walk(metadata.get("raw"), out, depth + 1)


def _walk_details(details: list[Any], out: _Collector) -> None:
    """Google-style ``details``: RetryInfo carries ``retryDelay``; ErrorInfo carries ``reason``."""
    for item in details[:8]:
        if not isinstance(item, Mapping):
            continue
        delay = item.get("retryDelay")
        if isinstance(delay, str) and not out.wait:
            out.wait = delay
        out.code(item.get("reason"))


def _fill_from_body(facts: ErrorFacts, body: object, *, fallback_message: str) -> None:
    out = _Collector()
    _walk(body, out)
    if facts.status is None or facts.status == 200:
        # An error inside a 200 stream has no HTTP error status; a numeric body code
        # (OpenRouter puts the upstream status there) is the best status we have.
        facts.status = out.numeric
    facts.error_type = out.error_type
    facts.error_code = out.error_code
    facts.codes = frozenset(out.codes)
    facts.body_wait = out.wait
    messages = out.messages or ([fallback_message] if fallback_message else [])
    # The innermost message is the most specific (OpenRouter's raw upstream error comes last).
    facts.message = messages[-1] if messages else ""
    facts.text = _join_text("", " ".join(messages).lower())


def _join_text(existing: str, extra: str) -> str:
    if not extra or extra in existing:
        return existing
    return f"{existing} {extra}" if existing else extra
