"""The emulator's decisions: which answer a request gets, given the scenario and what came before.

Order: authentication, then scripted rules, then the stateful behaviours (quota, rate window,
model entitlement, context window, content policy), then a normal success. Thread-safe.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from ..._params import needs_max_completion_tokens
from ..._redact import fingerprint
from ..error_shapes import SHAPES
from .scenario import KeySpec, Rule, Scenario
from .wire import RequestInfo, ToolCall, error_envelope

__all__ = ["Answer", "EmulatorState", "RequestRecord", "planned_status"]

_SHAPES = {shape.id: shape for shape in SHAPES}
_STORED_LIMIT = 10_000  # Responses answers remembered for previous_response_id and retrieval, oldest dropped
AnswerKind = Literal["reply", "error", "soft", "stream_error", "stream_cut", "stream_stall", "stream_malformed", "drop",
                     "hang", "drip", "sse_comments", "chunks_forever", "slow_headers", "huge_body", "gzip_bomb"]
_FAULT_KINDS: dict[str, AnswerKind] = {
    "soft": "soft", "stream_error": "stream_error", "stream_cut": "stream_cut", "stream_stall": "stream_stall",
    "stream_malformed": "stream_malformed", "drop": "drop", "hang": "hang",
    "drip": "drip", "sse_comments": "sse_comments", "chunks_forever": "chunks_forever",
    "slow_headers": "slow_headers", "huge_body": "huge_body", "gzip_bomb": "gzip_bomb",
}


def planned_status(answer: Answer) -> int:
    """The HTTP status the answer will carry (0: the connection is dropped without one)."""
    if answer.kind in ("drop", "hang", "slow_headers"):
        return 0
    return answer.status if answer.kind in ("error", "huge_body", "gzip_bomb") else 200


@dataclass(frozen=True, slots=True)
class Answer:
    """What the server should send."""

    kind: AnswerKind
    cause: str  # "success", "auth", "rule:<n>", "quota", "rate_window", "entitlement", "context", "policy"
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    text: str = ""
    tool: ToolCall | None = None
    delay: float = 0.0
    after_chunks: int = 0
    error_type: str = "overloaded_error"
    message: str = "Overloaded"
    soft: str = ""
    error_code: str | None = None
    stall: float = 0.0
    interval: float = 0.5  # hostile answers: seconds between writes
    size: int = 0  # hostile answers: bytes of a huge or decoded bomb body
    items: Any = None  # a reply of these items (Rule.respond "items": output items, blocks or message fields)
    stop: str | None = None  # the stop/finish reason of an items reply


@dataclass(frozen=True, slots=True)
class RequestRecord:
    """One upstream call as the emulator saw it (no secrets: the key is a label or fingerprint)."""

    seq: int
    endpoint: str
    model: str
    key: str
    streamed: bool
    status: int
    outcome: str
    cause: str
    started: float
    ended: float
    body: dict[str, Any] = field(default_factory=dict, compare=False)  # the JSON body as sent
    headers: dict[str, str] = field(default_factory=dict, compare=False)  # minus the ones that carry keys
    host: str = ""  # azure, bedrock or vertex: the request came by that cloud host's path
    path: str = ""  # the request's path and query

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


class EmulatorState:
    """Counters, rate windows and the log, behind one lock."""

    def __init__(self, scenario: Scenario, clock: Callable[[], float] = time.time) -> None:
        self.scenario = scenario
        self._clock = clock
        self._start = clock()
        self._lock = threading.Lock()
        self._logged = threading.Condition(self._lock)  # notified at each logged call (``wait_for_calls``)
        self._calls = 0
        self._key_calls: dict[str, int] = {}
        self._rule_fired: dict[int, int] = {}
        self._windows: dict[str, deque[float]] = {}
        self._log: list[RequestRecord] = []
        self._stored: dict[str, RequestInfo] = {}  # Responses id -> the request whose answer it is (its key)

    # -------------------------------------------------------------- log

    def label(self, key: str) -> str:
        spec = self.scenario.key_spec(key)
        return spec.label if spec and spec.label else fingerprint(key)

    def begin(self, record: RequestRecord) -> int:
        """Log a call before it is answered (so a client never sees an answer before its record)."""
        with self._lock:
            self._log.append(record)
            self._logged.notify_all()
            return len(self._log) - 1

    def wait_for_calls(self, count: int, timeout: float) -> bool:
        """Whether ``count`` calls are logged within ``timeout`` seconds: a client that gave up on a call may see
        its own failure before the emulator's thread reads the request it sent."""
        with self._lock:
            return self._logged.wait_for(lambda: len(self._log) >= count, timeout)

    def finish(self, index: int, ended: float) -> None:
        """Stamp the end time of a logged call (streams and delays end after they begin)."""
        with self._lock:
            if index < len(self._log):
                self._log[index] = replace(self._log[index], ended=ended)

    def log(self) -> list[RequestRecord]:
        with self._lock:
            return list(self._log)

    def reset(self) -> None:
        """Forget calls, windows and the log; the quota clock restarts too."""
        with self._lock:
            self._calls, self._start = 0, self._clock()
            self._key_calls.clear()
            self._rule_fired.clear()
            self._windows.clear()
            self._log.clear()
            self._stored.clear()

    # -------------------------------------------------------------- decisions

    def decide(self, info: RequestInfo) -> tuple[int, Answer]:
        """The sequence number of this call and its answer."""
        with self._lock:
            self._calls += 1
            seq = self._calls
            spec = self.scenario.key_spec(info.key)
            if spec is None or (spec.api is not None and spec.api != _api(info)):
                return seq, _auth_error(info)
            key_call = self._key_calls[info.key] = self._key_calls.get(info.key, 0) + 1
            answer = self._scripted(info, seq, key_call) or self._stateful(info, spec) or self._success()
            if answer.kind == "reply" and info.response_id and info.stored:
                self._stored[info.response_id] = info
                if len(self._stored) > _STORED_LIMIT:
                    del self._stored[next(iter(self._stored))]
            return seq, answer

    def stored(self, response_id: str, key: str, *, forget: bool = False) -> RequestInfo | None:
        """The request whose stored Responses answer has ``response_id``, if ``key`` created it (a response lives
        with the key's organisation: another key is told it does not exist); ``forget`` deletes it."""
        with self._lock:
            found = self._stored.get(response_id)
            if found is None or found.key != key:
                return None
            if forget:
                del self._stored[response_id]
            return found

    def _scripted(self, info: RequestInfo, seq: int, key_call: int) -> Answer | None:
        elapsed = self._clock() - self._start
        for index, rule in enumerate(self.scenario.rules):
            if not _matches(rule, info, seq, key_call):
                continue
            if rule.match.within_seconds is not None and elapsed >= rule.match.within_seconds:
                continue
            fired = self._rule_fired.get(index, 0)
            if rule.times is not None and fired >= rule.times:
                continue
            self._rule_fired[index] = fired + 1
            return _rule_answer(rule, index, info, self.scenario.reply_text)
        return None

    def _stateful(self, info: RequestInfo, spec: KeySpec) -> Answer | None:
        now = self._clock()
        if info.previous_response_id:
            earlier = self._stored.get(info.previous_response_id)
            if earlier is None or earlier.key != info.key:
                return _previous_missing(info.previous_response_id)
        if info.endpoint == "chat" and "max_tokens" in info.params and self._reasoning(info.model):
            return _max_tokens_answer()
        if spec.exhausted_for is not None and now < self._start + spec.exhausted_for:
            return _quota_answer(info, self._start + spec.exhausted_for - now, self._start + spec.exhausted_for)
        if spec.rate_requests is not None:
            window = self._windows.setdefault(info.key, deque())
            while window and window[0] <= now - spec.rate_seconds:
                window.popleft()
            if len(window) >= spec.rate_requests:
                return _rate_answer(info, window[0] + spec.rate_seconds - now, spec)
            window.append(now)
        if info.model in spec.denied_models:
            return _entitlement_answer(info)
        model = self.scenario.models.get(info.model)
        if model and model.context_window and info.prompt_tokens > model.context_window:
            return _context_answer(info, model.context_window)
        trigger = self.scenario.content_policy_trigger
        if trigger and trigger.lower() in info.text:
            return _policy_answer(info)
        return None

    def _reasoning(self, model: str) -> bool:
        spec = self.scenario.models.get(model)
        return spec.reasoning if spec is not None and spec.reasoning is not None else needs_max_completion_tokens(model)

    def _success(self) -> Answer:
        return Answer("reply", "success", text=self.scenario.reply_text)


def _max_tokens_answer() -> Answer:
    """OpenAI's 400 for max_tokens on a reasoning model (body as the API sends it)."""
    body = {"error": {"message": "Unsupported parameter: 'max_tokens' is not supported with this model. Use "
                                 "'max_completion_tokens' instead.", "type": "invalid_request_error",
                      "param": "max_tokens", "code": "unsupported_parameter"}}
    return Answer("error", "unsupported_parameter", status=400, body=body)


def _api(info: RequestInfo) -> str:
    return "anthropic" if info.endpoint == "messages" else "openai"


def _matches(rule: Rule, info: RequestInfo, seq: int, key_call: int) -> bool:
    m = rule.match
    checks = (
        (m.key, info.key), (m.model, info.model), (m.endpoint, info.endpoint), (m.streamed, info.streamed),
        (m.has_tools, info.has_tools), (m.has_images, info.has_images), (m.has_tool_results, info.has_tool_results),
        (m.last_role, info.last_role),
    )
    if any(want is not None and want != got for want, got in checks):
        return False
    if m.calls is not None and seq not in m.calls:
        return False
    if m.key_calls is not None and key_call not in m.key_calls:
        return False
    return m.min_prompt_tokens is None or info.prompt_tokens >= m.min_prompt_tokens


def echo_key(text: str, key: str) -> str:
    """``{key}`` and ``{masked}`` in a scripted message become the request's key, and the masked form providers
    print of it (``sk-proj-********************abcd``): providers echo keys, and tests prove nothing leaks."""
    if "{" not in text:
        return text
    return text.replace("{key}", key).replace("{masked}", key[:8] + "*" * 20 + key[-4:])


def _rule_answer(rule: Rule, index: int, info: RequestInfo, reply_text: str) -> Answer:
    cause = f"rule:{index + 1}"
    if rule.body is not None or rule.message is not None:
        rule = rule.model_copy(update={
            "body": json.loads(echo_key(json.dumps(rule.body), info.key)) if rule.body is not None else None,
            "message": echo_key(rule.message, info.key) if rule.message is not None else None})
    if rule.respond == "error":
        return _scripted_error(rule, cause)
    if rule.respond == "items":
        return Answer("reply", cause, items=rule.body, stop=rule.stop_reason, delay=rule.delay)
    if rule.respond in ("reply", "tool_call"):
        tool = ToolCall(rule.tool_name, dict(rule.tool_arguments)) if rule.tool_name else None
        return Answer("reply", cause, text=rule.text or reply_text, tool=tool, delay=rule.delay)
    return Answer(
        _FAULT_KINDS[rule.respond], cause, status=rule.status or 500, delay=rule.delay, after_chunks=rule.after_chunks,
        error_type=rule.error_type, message=rule.message or "Overloaded", soft=rule.soft or "",
        error_code=rule.error_code, text=rule.text or reply_text, stall=rule.stall, interval=rule.interval,
        size=rule.size,
    )


def _scripted_error(rule: Rule, cause: str) -> Answer:
    if rule.shape is not None:
        shape = _SHAPES.get(rule.shape)
        if shape is None:
            raise ValueError(f"unknown error shape {rule.shape!r}: use an id from agent.testing.error_shapes")
        return Answer("error", cause, status=rule.status or shape.status, body=shape.body,
                      headers={**shape.headers, **rule.headers}, delay=rule.delay)
    return Answer("error", cause, status=rule.status or 500, body=rule.body, headers=dict(rule.headers),
                  delay=rule.delay)


# ------------------------------------------------------------------ provider-shaped state errors


def _auth_error(info: RequestInfo) -> Answer:
    if _api(info) == "anthropic":
        body = error_envelope("anthropic", status=401, type_="authentication_error", message="invalid x-api-key")
    else:
        shown = info.key[:3] + "*" * 4 + info.key[-4:] if len(info.key) > 8 else "****"
        body = error_envelope("openai", status=401, type_="invalid_request_error", code="invalid_api_key",
                              message=f"Incorrect API key provided: {shown}. You can find your API key at "
                                      "https://platform.openai.com/account/api-keys.")
    return Answer("error", "auth", status=401, body=body)


def _quota_answer(info: RequestInfo, seconds: float, reset_at: float) -> Answer:
    wait = str(max(1, math.ceil(seconds)))
    if info.endpoint == "messages":  # seed 000: subscription quota arrives as a 400
        body = error_envelope("anthropic", status=400, type_="invalid_request_error",
                              message="You're out of extra usage. Add more at claude.ai/settings/usage and keep going.")
        headers = {"anthropic-ratelimit-unified-status": "rejected",
                   "anthropic-ratelimit-unified-reset": str(math.ceil(reset_at))}
        return Answer("error", "quota", status=400, body=body, headers=headers)
    if info.endpoint == "responses":  # seed 004: Codex reports quota as a failed 200 response
        return Answer("soft", "quota", soft="failed", error_code="usage_limit_reached",
                      message=f"You've hit your usage limit. Try again in {wait}s.")
    body = error_envelope("openai", status=429, type_="insufficient_quota", code="insufficient_quota",
                          message="You exceeded your current quota, please check your plan and billing details.")
    return Answer("error", "quota", status=429, body=body, headers={"retry-after": wait})


def _rate_answer(info: RequestInfo, seconds: float, spec: KeySpec) -> Answer:
    wait = str(max(1, math.ceil(seconds)))
    limit = str(spec.rate_requests)
    if info.endpoint == "messages":
        body = error_envelope("anthropic", status=429, type_="rate_limit_error",
                              message=f"This request would exceed the rate limit for your organization of {limit} "
                                      "requests per minute.")
        headers = {"retry-after": wait, "anthropic-ratelimit-requests-limit": limit,
                   "anthropic-ratelimit-requests-remaining": "0"}
    else:
        body = error_envelope("openai", status=429, type_="requests", code="rate_limit_exceeded",
                              message=f"Rate limit reached for requests: Limit {limit}. Please try again in {wait}s.")
        headers = {"retry-after": wait, "x-ratelimit-limit-requests": limit, "x-ratelimit-remaining-requests": "0",
                   "x-ratelimit-reset-requests": f"{wait}s"}
    return Answer("error", "rate_window", status=429, body=body, headers=headers)


def _entitlement_answer(info: RequestInfo) -> Answer:
    if info.endpoint == "messages":
        body = error_envelope("anthropic", status=400, type_="invalid_request_error",
                              message=f"{info.model} is not available on your plan.")
        return Answer("error", "entitlement", status=400, body=body)
    body = error_envelope("openai", status=422, type_="invalid_request_error", code="model_not_supported",
                          message=f"The requested model '{info.model}' is not supported for this API key.")
    return Answer("error", "entitlement", status=422, body=body)


def _previous_missing(response_id: str) -> Answer:
    """OpenAI's 400 for a ``previous_response_id`` this key's organisation never stored (another key's, one sent
    with ``store: false``, or a made-up id), as pasted in maximhq/bifrost#2441 and bigduu/Bamboo-agent#513."""
    body = error_envelope("openai", status=400, type_="invalid_request_error", code="previous_response_not_found",
                          param="previous_response_id", message=f"Previous response with id '{response_id}' not found.")
    return Answer("error", "previous_response", status=400, body=body)


def _context_answer(info: RequestInfo, window: int) -> Answer:
    if info.endpoint == "messages":
        body = error_envelope("anthropic", status=400, type_="invalid_request_error",
                              message=f"prompt is too long: {info.prompt_tokens} tokens > {window} maximum")
    else:
        body = error_envelope("openai", status=400, type_="invalid_request_error", code="context_length_exceeded",
                              message=f"This model's maximum context length is {window} tokens. However, your "
                                      f"messages resulted in {info.prompt_tokens} tokens. Please reduce the length "
                                      "of the messages.")
    return Answer("error", "context", status=400, body=body)


def _policy_answer(info: RequestInfo) -> Answer:
    if info.endpoint == "responses":
        return Answer("soft", "policy", soft="failed", error_code="invalid_prompt",
                      message="This request has been flagged for possible cybersecurity risk.")
    if info.endpoint == "messages":
        body = error_envelope("anthropic", status=400, type_="invalid_request_error",
                              message="Your prompt was flagged by our safety system and responses cannot be "
                                      "generated.")
    else:
        body = error_envelope("openai", status=400, type_="invalid_request_error", code="content_policy_violation",
                              message="Your request was flagged by our content moderation system as potentially "
                                      "violating our usage policies.")
    return Answer("error", "policy", status=400, body=body)
