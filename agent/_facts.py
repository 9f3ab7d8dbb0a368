"""Facts first: turn any exception or error body into one flat record the rules can read.

Nothing here decides anything. It finds the HTTP status, the exception kind, every
structured code in the body (Anthropic ``error.details.error_code``, OpenAI ``code``/``type``,
Azure ``innererror.code``, Gemini ``status`` and ``details[].reason``, Bedrock
``x-amzn-errortype``), the messages (including JSON nested in ``error.message`` and
OpenRouter's ``metadata.raw``), and the headers that carry wait hints. It never raises:
odd input gives emptier facts.
"""

from __future__ import annotations

import enum
import json
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from ._embedded import bare_reason, embedded_codes, embedded_payload, embedded_reset, embedded_status, standard_class
from ._phrases import scan, with_derived
from ._sdk import HttpxHeaders, SDKConnectionError, SDKError, SDKStatusError, SDKTimeoutError

__all__ = ["ErrorFacts", "ExcKind", "baidu_code", "clear_text_cache", "facts_from_body", "facts_from_exception"]

_TEXT_LIMIT: Final = 4000  # characters of each message kept; phrases sit near the start
# Characters of the joined messages that phrases, waits and numbers are read from. In the corpus every verdict
# stays the same with the text cut at 800 characters (the longest text is 1,132); a long message or a long
# chain costs at most this much scanning.
_SCAN_LIMIT: Final = 2000
_NESTED_LIMIT: Final = 20_000  # longest string we try to parse as nested JSON
_HINT_HEADERS: Final = frozenset({b"retry-after", b"retry-after-ms", b"x-should-retry", b"x-amzn-errortype"})
_HINT_PREFIXES: Final = (b"x-ratelimit-", b"anthropic-ratelimit-")
_CACHE_MAX: Final = 1024  # distinct error texts remembered; retry storms repeat the same few
# Exception classes whose kind and name codes are remembered: a process meets a few dozen, the corpus replays 1,781
# (most of them stand-ins made per entry); a bound, since a library that makes classes as it goes would be kept alive.
_CLASSES_MAX: Final = 4096


class ExcKind(enum.StrEnum):
    """What kind of failure object the facts came from."""

    status = "status"  # an HTTP response with an error status, or an error inside a 200 stream
    connection = "connection"  # could not connect, or the connection dropped
    timeout = "timeout"  # the client gave up waiting
    soft = "soft"  # an HTTP 200 answer that is really a failure
    other = "other"  # anything else


@dataclass(slots=True)
class ErrorFacts:
    """Everything the rules may look at. ``codes`` are lower-case; ``norm`` is normalised (see ``_phrases``)."""

    status: int | None = None  # the status the rules reason about (may come from the body)
    http_status: int | None = None  # the HTTP status of the response, as received
    kind: ExcKind = ExcKind.other
    error_type: str = ""
    error_code: str = ""
    codes: frozenset[str] = frozenset()
    message: str = ""
    text: str = ""  # lower-case messages, for wait phrases
    norm: str = " "  # normalised padded text, for phrase tags
    tags: frozenset[str] = frozenset()  # phrase tags present in the text
    headers: tuple[tuple[str, str], ...] = ()  # only the hint-bearing headers, names lower-case
    server_retry: bool | None = None
    body_wait: str = ""
    wait: float | None = None  # seconds the provider asked us to wait (headers, body, then text)
    # seconds to the time of day the text says a window resets at ("resets 11pm (America/Anchorage)"), when no other
    # hint exists: the result's wait, never read by a rule (a verdict must not depend on the clock)
    clock_wait: float | None = None
    provider: str = ""
    model: str = ""
    approx_tokens: int = 0
    context_length: int = 200_000
    num_messages: int = 0
    status_from_type: bool = False  # ``status`` only stands for the error's type (no status was sent or stated)

    def set_text(self, messages: list[str]) -> None:
        """Record the messages: the innermost is the human message, all of them are searched."""
        self.message = messages[-1] if messages else ""
        joined = " ".join(messages) if len(messages) > 1 else self.message
        self.text, self.norm, self.tags = _text_facts(joined[:_SCAN_LIMIT])

    @property
    def words(self) -> frozenset[str]:
        """The words of the normalised text (a phrase of one word is present when it is one of these)."""
        return frozenset(self.norm.split())


_TextFacts = tuple[str, str, frozenset[str]]
_TEXT_CACHE: dict[str, _TextFacts] = {}


def _text_facts(joined: str) -> _TextFacts:
    """Lower-cased text, normalised text and its phrase tags: a pure function of ``joined``.

    Memoised on the text itself (never on a proxy such as the exception class or the response
    bytes), so a remembered answer is reused only when every input it depends on is identical.
    """
    found = _TEXT_CACHE.get(joined)
    if found is None:
        norm, tags = scan(joined)
        found = (joined.lower(), norm, with_derived(norm, tags))
        if len(_TEXT_CACHE) >= _CACHE_MAX:
            _TEXT_CACHE.pop(next(iter(_TEXT_CACHE), joined), None)  # oldest first
        _TEXT_CACHE[joined] = found
    return found


def clear_text_cache() -> None:
    """Forget remembered texts, and the gram model's readings of them if it was read (benchmarks use this to measure
    cold classifications)."""
    _TEXT_CACHE.clear()
    if (grams := sys.modules.get(f"{__package__}._gram_model")) is not None:
        grams.clear_readings()


# ---------------------------------------------------------------- exceptions

def _chain(error: BaseException) -> tuple[BaseException, ...]:
    """The exception and its causes as Python would show them, each once (cycle-safe)."""
    if error.__cause__ is None and (error.__suppress_context__ or error.__context__ is None):
        return (error,)  # the common case: nothing chained
    seen: set[int] = set()
    links: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        links.append(current)
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    return tuple(links)


# What every instance of an exception class shares: its kind, whether it is an SDK's own class (whose name says nothing
# about the provider's error), and the codes its name gives (None: a numeric name, recorded as a status per call).
_ClassInfo = tuple[ExcKind, bool, tuple[str, ...] | None]
_CLASS_INFO: dict[type, _ClassInfo] = {}


def _class_info(cls: type[BaseException]) -> _ClassInfo:
    """The kind, SDK ownership and name codes of every instance of ``cls``: a pure function of the class,
    remembered per class.

    An instance can only belong to an SDK class whose module is loaded, so a class's answer cannot change once
    computed. A class not remembered (the table is full: a process that makes classes as it goes) is read against
    the real SDK classes directly, C ``issubclass`` calls, not the virtual classes' Python hooks.
    """
    found = _CLASS_INFO.get(cls)
    if found is None:
        if issubclass(cls, SDKStatusError.classes()):
            kind = ExcKind.status
        elif issubclass(cls, (*SDKTimeoutError.classes(), TimeoutError)):
            kind = ExcKind.timeout
        elif issubclass(cls, (*SDKConnectionError.classes(), ConnectionError, OSError)):
            kind = ExcKind.connection
        else:
            kind = ExcKind.other
        found = (kind, issubclass(cls, SDKError.classes()), _name_codes(cls.__name__))
        if len(_CLASS_INFO) < _CLASSES_MAX:
            _CLASS_INFO[cls] = found
    return found


def _name_codes(name: str) -> tuple[str, ...] | None:
    """What ``_Collector.class_name(name)`` records: the lower-cased name and the standard class it names a kind of;
    None for a numeric name (recorded as a status, per call)."""
    lowered = name.strip().lower()[:200]
    if lowered.isdecimal():
        return None
    standard = standard_class(lowered) if lowered else None
    return ((lowered,) if lowered else ()) + ((standard,) if standard is not None and standard != lowered else ())


def _pick(chain: tuple[BaseException, ...]) -> tuple[BaseException, ExcKind]:
    """The most informative exception of the cause chain: a status error, else the first transport one."""
    best, best_kind = chain[0], ExcKind.other
    for link in chain:
        kind = (_CLASS_INFO.get(type(link)) or _class_info(type(link)))[0]
        if kind is ExcKind.status:
            return link, kind
        if best_kind is ExcKind.other and kind is not ExcKind.other:
            best, best_kind = link, kind
    return best, best_kind


def _safe_str(value: object) -> str:
    try:
        return str(value)[:_TEXT_LIMIT]
    except Exception:
        return ""


# A JSON string's escapes left in a text: an error logged through ``json.dumps`` (whose default escapes every
# non-ASCII character: "\\u8bf7\\u6c42..."), or a body quoted inside another JSON string ({\\"error\\":...}).
_ESCAPE: Final = re.compile(r'\\(?:u([0-9a-fA-F]{4})|(["\\/nrt]))')
_ESCAPED: Final = {'"': '"', "\\": "\\", "/": "/", "n": "\n", "r": " ", "t": " "}


def _unescape_one(match: re.Match[str]) -> str:
    hexa = match.group(1)
    if hexa is None:
        return _ESCAPED[match.group(2)]
    char = chr(int(hexa, 16))
    return " " if 0xD800 <= ord(char) <= 0xDFFF else char  # half a surrogate pair names nothing a rule reads


# The five characters HTML escapes, as a page's source or a templated error shows them ("&quot;error&quot;"); only
# these, so a URL's "&notify=1" keeps its text.
_HTML_ESCAPE: Final = re.compile(r"&(?:quot|#34|#39|#x27|apos|lt|gt|amp);")
_HTML_CHARS: Final = {"&quot;": '"', "&#34;": '"', "&#39;": "'", "&#x27;": "'", "&apos;": "'", "&lt;": "<",
                      "&gt;": ">", "&amp;": "&"}


def _unescaped(text: str) -> str:
    """``text`` with JSON string escapes read (twice at most: a body escaped inside an escaped log line) and HTML's
    escapes of quotes and brackets."""
    for _ in range(2):
        if "\\" not in text:
            break
        text = _ESCAPE.sub(_unescape_one, text)
    if "&" in text:
        text = _HTML_ESCAPE.sub(lambda match: _HTML_CHARS[match.group(0)], text)
    return text


def _int_status(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and 100 <= value < 600:
        return value
    return None


def _status_of(error: BaseException) -> int | None:
    status = getattr(error, "status_code", None)
    if type(status) is int and 100 <= status < 600:  # the SDKs' plain int: no second lookup, no call
        return status
    if status is not None and (stated := _int_status(status)) is not None:
        return stated
    status = getattr(error, "status", None)
    return None if status is None else _int_status(status)  # a plain exception has neither: no call


def _hint_headers(response: object) -> tuple[tuple[str, str], ...]:
    """Only the headers of ``response`` that carry hints, as (lower-case name, value)."""
    headers = getattr(response, "headers", None)
    if headers is None:
        return ()
    try:
        is_httpx = _HTTPX_HEADERS_BY_TYPE.get(type(headers))
        if is_httpx is None:  # a pure function of the class, as for exceptions (``_class_info``)
            is_httpx = isinstance(headers, HttpxHeaders)
            if len(_HTTPX_HEADERS_BY_TYPE) < _CACHE_MAX:
                _HTTPX_HEADERS_BY_TYPE[type(headers)] = is_httpx
        if is_httpx and type(stored := getattr(headers, "_list", None)) is list:
            # httpx keeps (name, lower-case name, value) triples: read them as they are, no copy, no lower(); a loop,
            # not a generator, whose setup cost more than the two or three headers an error carries
            hints: tuple[tuple[str, str], ...] = ()
            for _, name, value in stored:
                if name in _HINT_HEADERS or name.startswith(_HINT_PREFIXES):
                    hints += ((name.decode("latin-1"), value.decode("latin-1")),)
            return hints
        pairs = headers.raw if is_httpx else [
            (str(k).encode("latin-1"), str(v).encode("latin-1")) for k, v in headers.items()]
        found = []
        for raw_name, value in pairs:
            name = raw_name.lower()
            if name in _HINT_HEADERS or name.startswith(_HINT_PREFIXES):
                found.append((name.decode("latin-1"), value.decode("latin-1")))
        return tuple(found)
    except Exception:
        return ()


_HTTPX_HEADERS_BY_TYPE: dict[type, bool] = {}


def _body_facts(error: BaseException, chain: tuple[BaseException, ...] | None, best: BaseException, kind: ExcKind,
                response: Any, out: _Collector) -> None:
    """Collect everything that depends on the body and the messages (``chain``: ``_chain(error)`` if already
    walked; ``response``: ``best``'s)."""
    if kind is ExcKind.status or kind is ExcKind.other:
        body = getattr(best, "body", None)
        if type(body) is dict:  # the SDKs' decoded JSON: straight to the mapping walk
            _walk_mapping(body, out, 0)
        elif body is not None or kind is ExcKind.status:
            _walk(body, out)
        elif response is not None:
            _walk(_response_json(response), out)
    if not out.messages or kind is not ExcKind.status:
        _read_chain(_chain(error) if chain is None else chain, kind, out)


def _read_chain(chain: tuple[BaseException, ...], kind: ExcKind, out: _Collector) -> None:
    """Messages of the cause chain, and what they embed: class names, service codes, JSON, a status."""
    for link in chain:
        raw = _safe_str(link)
        # escapes read for the words; the embedded payload is parsed as printed first (a Python literal's "\\n" is
        # its own escape, which a newline in its place would break)
        text = _unescaped(raw) if "\\" in raw or ";" in raw else raw
        out.messages.append(text)
        if kind is not ExcKind.status:  # botocore/google name the error class after the error code
            _, sdk, codes = _CLASS_INFO.get(type(link)) or _class_info(type(link))
            if not sdk:
                if codes is None:
                    out.class_name(type(link).__name__)
                else:
                    out.codes += codes
        for code in embedded_codes(text):
            out.class_name(code)
        walked = len(out.messages)
        if "{" in text:
            payload = embedded_payload(raw)
            _walk(embedded_payload(text) if payload is None and text is not raw else payload, out, 1)
        # An AWS event-stream frame printed as botocore hands it over ("{'status_code': 400, 'headers':
        # {':exception-type': 'internalServerException', ...}, 'body': b'...'}", by the anthropic SDK's Bedrock stream:
        # https://github.com/anthropics/anthropic-sdk-python/issues/1477) states no HTTP status: every exception frame
        # carries 400, the stream's convention; its exception type (``embedded_codes``) says what failed.
        if out.text_status is None and _FRAME_TYPE not in text:
            out.text_status = _stated_status(text) or _bare_reason(out.messages[walked:])
        if "|" in text and not out.wait:
            out.wait = embedded_reset(text)


def _bare_reason(messages: list[str]) -> int | None:
    """The status an embedded body's message names by its reason phrase alone (LiteLLM's "Ollama_chatException -
    {"error": "unauthorized"}": https://github.com/Aider-AI/aider/issues/4501), a relay's request id after it
    (``bare_reason``)."""
    return next((status for message in messages if len(message) < 80 and (status := bare_reason(message))), None)


def _stated_status(text: str) -> int | None:
    """The HTTP status a message states, the 4xx inside a stated 5xx first (``_inner_status``); None if none."""
    stated = embedded_status(text)
    return _inner_status(text, stated) if stated is not None and stated >= 500 else stated


_INNER_LAYERS: Final = 4  # how many of a wrapper's own 5xx statuses ``_inner_status`` reads past


def _inner_status(text: str, outer: int) -> int:
    """The 4xx a text states after its 5xx ("Error code: 500 - Request failed with status code 429": a relay's 500
    around its upstream's answer, printed whole): read as ``_upstream_status`` reads a 5xx body's messages; else
    ``outer``. A wrapper that repeats its own 5xx at each layer ("500: Unexpected error: 500: Error processing AI
    query: 500: ... status_code: 400, model_name: ..., body: ...") is read past, a few layers at most."""
    at = text.find(str(outer))
    for _ in range(_INNER_LAYERS):
        if at < 0:
            break
        rest = text[at + 3:]
        inner = embedded_status(rest)
        if inner is None:
            break
        if inner < 500:
            return inner
        found = rest.find(str(inner))
        at = at + 3 + found if found >= 0 else -1
    return outer


def facts_from_exception(error: BaseException) -> ErrorFacts:
    """Extract facts from any exception (never raises)."""
    info = _CLASS_INFO.get(type(error)) or _class_info(type(error))
    if info[0] is ExcKind.status:  # the common case: an SDK status error
        best, kind, chain = error, ExcKind.status, None  # its causes are read only if its body says nothing
    else:
        chain = _chain(error)
        best, kind = _pick(chain) if len(chain) > 1 else (error, info[0])
    http_status = _status_of(best)
    response = getattr(best, "response", None)
    out = _Collector()
    _body_facts(error, chain, best, kind, response, out)
    facts = ErrorFacts(http_status, http_status, kind)  # positional: keywords doubled the cost of building it
    _apply(facts, out)
    if response is not None and (hints := _hint_headers(response)):
        facts.headers = hints
        _fill_from_headers(facts)
    return facts


def _response_json(response: Any) -> object:
    try:
        return response.json()
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
    facts = ErrorFacts(status, None, kind)
    out = _Collector()
    _walk(body, out)
    if status is None and out.numeric is None:
        # an error inside a 200 whose message states the upstream's status (a relay's failed Response: "401 status
        # code (no body)", as the Stainless SDKs print a bare status), read as an exception's message is
        out.text_status = next((stated for message in out.messages if (stated := _stated_status(message)) is not None),
                               None)
    _apply(facts, out)
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
                return _js_object(stripped, body)
    return body


_UNDEFINED: Final = re.compile(r":\s*undefined(?=\s*[,}\]])")


def _js_object(stripped: str, body: str) -> object:
    """A JavaScript object printed as JSON but for ``undefined`` values (Kortix's gateway: ``{ "message": "Bad
    Request", "upstream_code": undefined }``): read with them as null; else the text as it is."""
    if "undefined" not in stripped:
        return body
    try:
        return json.loads(_UNDEFINED.sub(": null", stripped))
    except ValueError:
        return body


class _Collector:
    """Accumulates codes and messages while walking nested error payloads."""

    __slots__ = ("codes", "error_code", "error_type", "messages", "numeric", "text_status", "wait")

    def __init__(self) -> None:
        self.codes: list[str] = []
        self.messages: list[str] = []
        self.error_code = ""
        self.error_type = ""
        self.numeric: int | None = None
        self.text_status: int | None = None  # a status stated in an exception's text
        self.wait = ""

    def code(self, value: object) -> str:
        """Record a code (a numeric one as a status); return it lower-cased, or ''."""
        if type(value) is str:
            lowered = value.strip().lower()[:200]
            if not lowered.isdecimal():  # isdigit() would pass "²", which int() refuses
                if lowered:
                    self.codes.append(lowered)
                return lowered
            value = int(lowered)
        if type(value) is int:
            if self.numeric is None:
                self.numeric = _int_status(value)
            if 10_000 <= value < 100_000:  # a server's own five-digit code (FastChat's 50001), kept for the rules
                self.codes.append(str(value))
        return ""

    def class_name(self, name: str) -> None:
        """Record an error class's name as a code, and the standard class it names a kind of, if any."""
        lowered = self.code(name)
        standard = standard_class(lowered) if lowered else None
        if standard is not None and standard != lowered:
            self.codes.append(standard)

    def primary(self, value: object) -> None:
        """Record the structured code the provider means as *the* code of the error."""
        lowered = self.code(value)
        if lowered and not self.error_code:
            self.error_code = lowered

    def message(self, value: object) -> None:
        if isinstance(value, str) and value.strip():
            self.messages.append(value.strip()[:_TEXT_LIMIT])


def _walk(payload: object, out: _Collector, depth: int = 0) -> None:
    """Collect codes and messages from an error payload, following the known nestings."""
    if depth > 4 or payload is None:
        return
    if type(payload) is dict or isinstance(payload, Mapping):  # the exact-type test skips the ABC machinery
        _walk_mapping(payload, out, depth)
        return
    payload = _decode(payload)
    if isinstance(payload, list):
        for item in payload[:3]:
            _walk(item, out, depth + 1)
    elif isinstance(payload, Mapping):
        _walk_mapping(payload, out, depth)
    elif isinstance(payload, str):
        out.message(payload)


_FIELDS: Final = frozenset({
    "error", "Error", "details", "code", "error_code", "type", "status", "innererror", "message", "resets_in_seconds",
    "reset_seconds", "metadata", "detail", "statusCode", "status_code", "choices", "errors", "error_msg",
    "description"})


def _walk_code(payload: Mapping[Any, Any], code: object, out: _Collector) -> None:
    """The object's code; new-api and one-api put the upstream's status in "param" beside the code
    bad_response_status_code ({"message": "", "type": "upstream_error", "param": "524", "code":
    "bad_response_status_code"}): the status the relay met."""
    out.primary(code)
    if code == "bad_response_status_code" and type(param := payload.get("param")) is str and param.isdecimal():
        out.code(param)


def _walk_mapping(payload: Mapping[Any, Any], out: _Collector, depth: int) -> None:
    # error payloads carry two to four of these: look only at those (a huge mapping: at all of them)
    present = _FIELDS.intersection(payload) if len(payload) <= 64 else _FIELDS
    if not present:
        return
    get = payload.get
    if "error" in present and (inner := get("error")):
        if type(inner) is dict and depth < 4:
            _walk_mapping(inner, out, depth + 1)
        else:
            _walk(inner, out, depth + 1)
    if "details" in present and (details := get("details")):
        _walk_details(details, out)
    if "code" in present and (code := get("code")) is not None:
        _walk_code(payload, code, out)
    if "error_code" in present and (error_code := get("error_code")) is not None:
        out.primary(error_code)
    if "type" in present and isinstance(kind := get("type"), str) and kind != "error":
        out.error_type = out.error_type or kind.strip().lower()
        out.code(kind)
    if "status" in present and (status := get("status")) is not None:
        _walk_status(status, out)
    if "innererror" in present and isinstance(innererror := get("innererror"), Mapping):
        out.code(innererror.get("code"))
    if "message" in present and (message := get("message")) is not None:
        _walk_message(message, out, depth)
    if not present.isdisjoint(_OTHER_FIELDS):
        _walk_other_fields(payload, out, depth)


_OTHER_FIELDS: Final = frozenset({
    "Error", "resets_in_seconds", "reset_seconds", "metadata", "detail", "statusCode", "status_code", "choices",
    "errors", "error_msg", "description"})


def _walk_other_fields(payload: Mapping[Any, Any], out: _Collector, depth: int) -> None:
    """Codex's reset, OpenRouter's ``metadata.raw``, and what servers other than the big providers use:
    ``detail``, ``statusCode``, an answer's finish, Cloudflare's ``errors`` list, the ``error_msg`` of Huawei Cloud's
    and Baidu's ``{error_code, error_msg}`` envelope, WSO2's ``description``."""
    _walk_capitalised(payload, out, depth)
    # Codex usage-limit errors say when the window resets; CLIProxyAPI's model_cooldown when its credentials for the
    # model are back ({"code": "model_cooldown", ..., "reset_seconds": 599961, "reset_time": "166h39m20s"}, which a
    # client may print inside its exception's text: https://github.com/router-for-me/CLIProxyAPI/issues/2107)
    resets_in = payload.get("resets_in_seconds", payload.get("reset_seconds"))
    if type(resets_in) in (int, float) and not out.wait:
        out.wait = str(resets_in)
    metadata = payload.get("metadata")
    if isinstance(metadata, Mapping) and metadata.get("raw"):
        _walk(metadata.get("raw"), out, depth + 1)
    # Cloudflare's v4 envelope: {"errors": [{code, message}]}; ModelScope's: {"errors": {"message": ..., ...}}
    if isinstance(errors := payload.get("errors"), list | Mapping):
        _walk(errors, out, depth + 1)
    if (detail := payload.get("detail")) is not None:  # FastAPI-style servers answer {"detail": ...}
        if isinstance(detail, Mapping) and depth < 4 and ("msg" in detail or "message" in detail or "code" in detail):
            # an object of its own (koboldcpp: {"detail": {"msg": "Error parsing input.", "type": "bad_input"}}; the
            # ChatGPT backend's {"detail": {"code": "deactivated_workspace"}}): its type or code is a code, its msg the
            # message, as an "error" object's would be
            _walk_mapping(detail, out, depth + 1)
            if "message" not in detail and "msg" in detail:
                _walk_message(detail["msg"], out, depth)
        else:
            _walk_message(detail, out, depth)
    if (error_msg := payload.get("error_msg")) is not None:
        _walk_error_msg(payload, error_msg, out, depth)
    # WSO2's gateways answer {code, message, description}: the message is a headline ("Runtime Error"), the
    # description says what failed ("Violation of <guardrail> detected.")
    if isinstance(description := payload.get("description"), str):
        _walk_message(description, out, depth)
    status_code = payload.get("statusCode", payload.get("status_code"))
    if status_code is not None and not _stream_frame(payload):
        out.code(status_code)
    choices = payload.get("choices")  # a completion sent with an error status (Azure content filter 400)
    if choices and isinstance(choices, list) and isinstance(choices[0], Mapping):
        finish = choices[0].get("finish_reason")
        if isinstance(finish, str) and finish not in ("stop", "length", "tool_calls"):
            out.code(finish)


def _stream_frame(payload: Mapping[Any, Any]) -> bool:
    """An AWS event-stream exception frame ({'status_code': 400, 'headers': {':exception-type': ...}, 'body': ...}),
    whose status is the stream's convention for every exception frame, not the error's: its exception type says what
    failed (``_read_chain``)."""
    headers = payload.get("headers")
    return isinstance(headers, Mapping) and _FRAME_TYPE in headers


_FRAME_TYPE: Final = ":exception-type"  # the header of an AWS event-stream frame that names its exception


def _walk_error_msg(payload: Mapping[Any, Any], error_msg: object, out: _Collector, depth: int) -> None:
    """The message of an ``{error_code, error_msg}`` envelope; a numeric code is Baidu's own table's (a client printing
    the envelope in its text: "[BAIDU] response text={'error_code': 6, 'error_msg': 'No permission to access data'}",
    https://github.com/zhayujie/CowAgent/issues/2357), kept as ``baidu:<code>`` as ``_soft._envelope_failure`` keeps it
    for the same envelope under HTTP 200."""
    _walk_message(error_msg, out, depth)
    if type(error_code := payload.get("error_code")) is int:
        out.codes.append(baidu_code(error_code))


def baidu_code(number: int) -> str:
    """The code a rule names for Baidu's own table's number (``baidu:6``): never an HTTP status, whether the envelope
    came under HTTP 200 (``_soft``) or printed in a client's text."""
    return f"baidu:{number}"


def _walk_capitalised(payload: Mapping[Any, Any], out: _Collector, depth: int) -> None:
    """The envelope's key capitalised, as PascalCase backends write it (ParagonAPI: ``{"Error": {"message": ...,
    "code": "model_not_found"}}``, https://docs.paragonapi.ru/chat-completions/errors); read only without an
    ``error`` key."""
    if "error" not in payload and type(inner := payload.get("Error")) is dict and depth < 4:
        _walk_mapping(inner, out, depth + 1)


def _walk_status(status: object, out: _Collector) -> None:
    """A ``status`` field: Google's "INVALID_ARGUMENT" and the like, a code; or NAVER CLOVA Studio's envelope,
    ``{"status": {"code": "40003", "message": "..."}, "result": null}``, whose codes are its own table's
    (https://api.ncloud-docs.com/release-20250717/docs/en/clovastudio-troubleshoot-c4xx), kept as ``clova:<code>``,
    never read as a status."""
    if not isinstance(status, Mapping):
        out.code(status)
        return
    code = status.get("code")
    if isinstance(code, str | int) and not isinstance(code, bool) and str(code).strip():
        out.codes.append(f"clova:{str(code).strip().lower()}")
    out.message(status.get("message"))


def _walk_message(message: object, out: _Collector, depth: int) -> None:
    if isinstance(message, str):
        # the Mapping test (an ABC's, dearer than the rest of the walk) only for JSON text
        if message[:1] == "{" and isinstance(nested := _decode(message), Mapping):
            _walk_mapping(nested, out, depth + 1)
            return
        out.message(message)
        if "{" in message and depth < 3:  # a provider's answer quoted inside a gateway's message
            _walk(embedded_payload(message), out, depth + 1)
            if out.text_status is None:
                out.text_status = embedded_status(message)
    elif isinstance(message, Mapping | list):  # Mistral sends validation details as an object
        out.message(_safe_str(message))


def _walk_details(details: object, out: _Collector) -> None:
    """Anthropic ``details.error_code``; Google ``details[]`` with RetryInfo, ErrorInfo and QuotaFailure."""
    if isinstance(details, Mapping):
        out.primary(details.get("error_code"))
        return
    if not isinstance(details, list):
        return
    for item in details[:8]:
        if isinstance(item, Mapping):
            delay = item.get("retryDelay")
            if isinstance(delay, str) and not out.wait:
                out.wait = delay
            out.code(item.get("reason"))
            out.code(item.get("statusCode"))  # gateways list the upstream's status per attempt
            out.message(item.get("message"))
            if isinstance(violations := item.get("violations"), list):  # QuotaFailure: which quota, by its id
                for violation in violations[:4]:
                    if isinstance(violation, Mapping):
                        out.code(violation.get("quotaId"))
                        if str(violation.get("quotaValue")) == "0":  # a zero allowance (the rule zero_quota_value)
                            out.code("quota_value_0")


def _upstream_status(out: _Collector, outer: int) -> int | None:
    """The upstream's status a gateway's 5xx or 400 wraps; None when it states none (the gateway's own stands).

    Under a 5xx, the 4xx it wraps: the request (or the upstream's limit) is at fault, not the gateway.

    A numeric body code counts unless it is 408 or 429 (aggregators put their own retry codes there); a status
    the message states in words counts whatever it is ("Request failed with status code 429": a relay's 500 around
    the upstream's answer, as axios prints it). Under a bare 500 a more precise 5xx the message states counts too:
    an object that says 500 while its text says "Error code: 503" was built by a wrapper that kept the SDK's text
    and lost its status (``InternalServerError`` is 500 unless the response says otherwise), or is a relay's 500
    around its upstream's 503; either way the text's status is the provider's.

    Under a 400, only a 429 its message states: a gateway that answers every upstream failure with a 400
    (gemini-openai-proxy: {"code": 400, "message": "genai send message error: googleapi: Error 429:"}) had its
    upstream throttle a sound request.
    """
    if outer == 400:
        return 429 if any(_stated_status(message) == 429 for message in out.messages[:2]) else None
    numeric = out.numeric
    if numeric is not None and 400 <= numeric < 500 and numeric not in (408, 429):
        return numeric
    for message in out.messages[:2]:
        if (stated := _stated_status(message)) is not None:
            return stated if stated < 500 or outer == 500 else None
    return None


def _apply(facts: ErrorFacts, out: _Collector) -> None:
    if facts.status is None or facts.status == 200:
        # An error inside a 200 stream has no HTTP error status; a numeric body code
        # (OpenRouter puts the upstream status there), else a status the text states, is the best we have.
        facts.status = out.numeric or out.text_status
    elif facts.status >= 500 or facts.status == 400:
        facts.status = _upstream_status(out, facts.status) or facts.status
    facts.error_type = out.error_type
    facts.error_code = out.error_code
    facts.codes = frozenset(out.codes)
    facts.body_wait = out.wait
    facts.set_text(out.messages)
