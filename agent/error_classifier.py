"""Every provider failure becomes one ``ClassifiedError``.

Two entry points:

- ``classify_api_error(error, ...)`` for any exception (SDK status errors, stream errors,
  transport errors, anything else);
- ``classify_soft_failure(response, ...)`` for an HTTP 200 answer that is really a failure
  (Codex ``status: failed``, ``content_filter``, refusals, empty output, SSE ``error`` events).

Pipeline: facts are extracted once (``_facts``), an ordered rule table picks the reason
(``_rules``; when only its last rule, ``unknown``, holds, a linear model of the labelled real errors' character
grams may read it, ``_gram_model``), and the reason's single policy row (``_taxonomy.REASON_POLICY``) supplies the
scope, the action and every boolean hint. Neither function ever raises.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from ._embedded import AWS_ERROR_STATUS
from ._facts import ErrorFacts, facts_from_exception
from ._redact import redact
from ._rules import AGGREGATOR_UPSTREAM_LIMIT, RULES, Rule, first_match, rules_tried
from ._soft import soft_facts
from ._taxonomy import REASON_POLICY, Action, FailoverReason, Scope
from ._wait_hints import parse_reset_time, wait_from_headers, wait_from_text, wait_until_clock

if TYPE_CHECKING:
    from ._gram_model import TextReader

__all__ = [
    "Action",
    "ClassifiedError",
    "FailoverReason",
    "Scope",
    "classify_api_error",
    "classify_soft_failure",
    "explain_api_error",
    "rule_names",
]

_UNKNOWN: Final = RULES[-1]  # the table's catch-all: only its verdicts go to the gram model
_STATUS_BY_TYPE = {
    # Errors that arrive inside a 200 stream carry a type but no HTTP status.
    "invalid_request_error": 400, "authentication_error": 401, "billing_error": 402,
    "permission_error": 403, "not_found_error": 404, "request_too_large": 413,
    "rate_limit_error": 429, "api_error": 500, "overloaded_error": 529, "timeout_error": 504,
    # Google RPC status names (Gemini).
    "invalid_argument": 400, "failed_precondition": 400, "unauthenticated": 401,
    "permission_denied": 403, "not_found": 404, "resource_exhausted": 429, "internal": 500,
    "unavailable": 503, "deadline_exceeded": 504,
    # AWS error codes, which botocore and the AWS SDKs also use as exception class names (Bedrock).
    **AWS_ERROR_STATUS,
    # Client-side credential failures of the cloud hosts' libraries (nothing was sent): this credential cannot
    # sign or get a token now; another credential of the pool may (botocore, google-auth, steadyloop's own).
    "nocredentialserror": 401, "partialcredentialserror": 401, "credentialretrievalerror": 401,
    "tokenretrievalerror": 401, "ssotokenloaderror": 401, "defaultcredentialserror": 401, "refresherror": 401,
    "platformcredentialerror": 401,
}


class ClassifiedError(NamedTuple):
    """One decision about one failure (immutable). Hints derive from ``reason``'s policy row only.

    A ``NamedTuple`` rather than a frozen dataclass: it is just as immutable and typed, and
    four times cheaper to build, which matters on the hot path of every failed call.
    """

    reason: FailoverReason
    scope: Scope
    status_code: int | None = None
    error_code: str | None = None
    provider: str = ""
    model: str = ""
    message: str = ""
    retry_after: float | None = None
    rule: str = ""
    server_retry: bool | None = None  # the provider's x-should-retry header, when sent

    @property
    def action(self) -> Action:
        """The first recovery step this failure calls for.

        The reason's row decides, with one override: a limit scoped to the endpoint (an aggregator's
        upstream 429) is not this key's fault, so it is retried with backoff instead of rotating.
        """
        action = REASON_POLICY[self.reason].action
        return Action.retry if action is Action.rotate and self.scope is Scope.endpoint else action

    @property
    def retryable(self) -> bool:
        """The same request may succeed if resent to the same target (after repair or a wait)."""
        return REASON_POLICY[self.reason].retryable and self.server_retry is not False

    @property
    def should_rotate_credential(self) -> bool:
        """Another credential of the same provider may succeed now."""
        return self.action is Action.rotate

    @property
    def should_fallback(self) -> bool:
        """Move to another model now (compress or retry first where that may fix it)."""
        return REASON_POLICY[self.reason].should_fallback

    @property
    def may_fall_back(self) -> bool:
        """Another model of the chain may succeed once this failure's own step is spent (the ladder's test)."""
        return REASON_POLICY[self.reason].fallback

    @property
    def should_compress(self) -> bool:
        """Shrinking the conversation may make the request succeed."""
        return self.action is Action.compress

    @property
    def is_auth(self) -> bool:
        return self.reason in (FailoverReason.auth, FailoverReason.auth_permanent)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view including the derived hints."""
        return {
            "reason": self.reason.value,
            "scope": self.scope.value,
            "action": self.action.value,
            "status_code": self.status_code,
            "error_code": self.error_code,
            "provider": self.provider,
            "model": self.model,
            "message": self.message,
            "retry_after": self.retry_after,
            "rule": self.rule,
            "retryable": self.retryable,
            "should_rotate_credential": self.should_rotate_credential,
            "should_fallback": self.should_fallback,
            "should_compress": self.should_compress,
        }


def rule_names() -> tuple[str, ...]:
    """Names of the rules in priority order (for documentation and tests)."""
    return tuple(rule.name for rule in RULES)


def classify_api_error(
    error: BaseException | object,
    *,
    provider: str = "",
    model: str = "",
    approx_tokens: int = 0,
    context_length: int = 200_000,
    num_messages: int = 0,
    now: float | None = None,
    rules: tuple[Rule, ...] = (),
    word_model: TextReader | None = None,
) -> ClassifiedError:
    """Classify any exception. ``now`` (epoch seconds) anchors absolute reset times; ``rules`` (operator
    rules, see ``_operator_rules``) are checked before the built-in table; ``word_model`` is the model of labelled
    errors read when no rule does (None: the shipped gram model, ``_gram_model``; ``NO_MODEL``: none)."""
    try:
        if not isinstance(error, BaseException):
            error = RuntimeError(_safe_repr(error))
        facts = facts_from_exception(error)
        _annotate(facts, provider, model, approx_tokens, context_length, num_messages, now)
        return _decide(facts, _walk(facts, rules, word_model))
    except Exception as exc:  # the classifier never raises: degrade to unknown
        return _unclassifiable(exc, provider, model)


def _walk(facts: ErrorFacts, rules: tuple[Rule, ...], word_model: TextReader | None) -> Rule:
    return _read_unknown(first_match(facts, rules), facts, word_model)


def _read_unknown(rule: Rule, facts: ErrorFacts, word_model: TextReader | None) -> Rule:
    """``rule``; or, when it is the table's last (``unknown``), the reason the model of labelled errors reads
    (``word_model``; None: the shipped gram model) when it leads by the margin ``_gram_model.margin`` sets."""
    if rule is not _UNKNOWN:
        return rule
    from ._gram_model import reader_rule  # here: only an error no rule reads needs it (and its weights)

    found = reader_rule(facts.text, word_model)
    if found is None:
        return rule
    upstream = AGGREGATOR_UPSTREAM_LIMIT
    if found.reason is upstream.reason and upstream.tags <= facts.tags and upstream.unless.isdisjoint(facts.tags):
        # an aggregator's words for its upstream's failure ("Provider returned error"): a throttle the model
        # reads takes that rule's scope (the user's key is healthy: back off, do not rotate)
        return Rule(found.name, found.reason, scope=upstream.scope)
    return found


class Explanation(NamedTuple):
    """How one classification was made: the facts, and every rule tried up to the deciding one."""

    facts: ErrorFacts
    tried: tuple[str, ...]  # rule names in table order; the last one decided (``word_model`` after ``unknown``)
    decision: ClassifiedError


def explain_api_error(error: BaseException, *, provider: str = "", model: str = "", now: float | None = None,
                      rules: tuple[Rule, ...] = (), word_model: TextReader | None = None) -> Explanation:
    """``classify_api_error`` with its working shown (for ``steadyloop classify --explain``)."""
    facts = facts_from_exception(error)
    _annotate(facts, provider, model, 0, 200_000, 0, now)
    tried = rules_tried(facts, rules)
    if (decided := _read_unknown(tried[-1], facts, word_model)) is not tried[-1]:
        tried = (*tried, decided)
    return Explanation(facts, tuple(r.name for r in tried), _decide(facts, tried[-1]))


def classify_soft_failure(
    response: object, *, provider: str = "", model: str = "", now: float | None = None, rules: tuple[Rule, ...] = (),
    word_model: TextReader | None = None,
) -> ClassifiedError | None:
    """Classify an HTTP 200 answer; None when it is a real success (``word_model`` as for ``classify_api_error``)."""
    try:
        verdict = soft_facts(response)
        if verdict is None:
            return None
        facts, reason = verdict
        _annotate(facts, provider, model, 0, 200_000, 0, now)
        rule = Rule(f"soft_{reason.value}", reason) if reason else _walk(facts, rules, word_model)
        return _decide(facts, rule)
    except Exception as exc:
        return _unclassifiable(exc, provider, model)


def _annotate(f: ErrorFacts, provider: str, model: str, tokens: int, context: int, messages: int,
              now: float | None) -> None:
    # The facts start at the defaults ("", 0, 200_000): a field is written only when the caller gave another value.
    if provider:
        f.provider = str(provider)
    if model:
        f.model = str(model)
    if tokens and isinstance(tokens, int):
        f.approx_tokens = tokens
    if context != 200_000 and isinstance(context, int) and context > 0:
        f.context_length = context
    if messages and isinstance(messages, int):
        f.num_messages = messages
    if f.status is None:
        if f.error_type in _STATUS_BY_TYPE:
            f.status, f.status_from_type = _STATUS_BY_TYPE[f.error_type], True
        elif not f.codes.isdisjoint(_STATUS_BY_TYPE):
            f.status = min(_STATUS_BY_TYPE[c] for c in f.codes if c in _STATUS_BY_TYPE)  # deterministic
            f.status_from_type = True
    f.wait = _wait(f, now)
    if f.wait is None:  # wait_until_clock reads nothing unless clock_reset finds a time of day
        f.clock_wait = wait_until_clock(f.text, time.time() if now is None else now)


def _decide(facts: ErrorFacts, rule: Rule) -> ClassifiedError:
    http = facts.http_status
    return _new_tuple(ClassifiedError, (  # the tuple itself: keywords, then __new__, doubled the cost
        rule.reason,  # reason
        rule.scope or REASON_POLICY[rule.reason].scope,  # scope
        http if http is not None and http >= 400 else None,  # status_code
        redact(facts.error_code, _CODE_CHARS) if facts.error_code else None,  # error_code: proxies echo keys there
        facts.provider,
        facts.model,
        redact(facts.message or rule.reason.value),  # message
        facts.wait if facts.wait is not None else facts.clock_wait,  # retry_after
        rule.name,  # rule
        facts.server_retry,
    ))


_new_tuple: Final = tuple.__new__
_CODE_CHARS: Final = 200  # of an error code kept (a code is a word; a longer one is a message in the wrong field)


def _wait(facts: ErrorFacts, now: float | None) -> float | None:
    wait = wait_from_headers(facts.headers, time.time() if now is None else now) if facts.headers else None
    if wait is None and facts.body_wait:
        wait = parse_reset_time(facts.body_wait, time.time() if now is None else now)
    if wait is None and "wait_words" in facts.tags:
        wait = wait_from_text(facts.text)
    return wait


def _safe_repr(value: object) -> str:
    try:
        return repr(value)[:2000]
    except Exception:
        return f"<unrepresentable {type(value).__name__}>"


def _unclassifiable(exc: Exception, provider: object, model: object) -> ClassifiedError:
    return ClassifiedError(
        reason=FailoverReason.unknown,
        scope=REASON_POLICY[FailoverReason.unknown].scope,
        provider=str(provider or "") if isinstance(provider, str) else "",
        model=str(model or "") if isinstance(model, str) else "",
        message=redact(f"unclassifiable error ({type(exc).__name__})"),
        rule="classifier_fault",
    )
