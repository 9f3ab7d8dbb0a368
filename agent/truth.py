"""Finishing truthfully: one honest, actionable message per way a turn can end.

Gateways deliver ``final_response`` to a chat user as is; cron jobs store the status and
reason. So every message says what happened, whose decision it was, and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ._taxonomy import FailoverReason
from .cooldown import CredentialStatus
from .credential_pool import NoCredentialAvailable
from .error_classifier import ClassifiedError
from .results import TurnStatus, status_for

if TYPE_CHECKING:
    from .ladder import LadderPolicy

__all__ = ["Verdict", "busy_verdict", "empty_pool_verdict", "failure_verdict", "interrupted_verdict",
           "still_failing"]


@dataclass(frozen=True, slots=True)
class Verdict:
    """How a turn ends."""

    status: TurnStatus
    message: str
    reason: FailoverReason | None = None
    retry_at: datetime | None = None
    provider: str | None = None
    model: str | None = None


def _when(at: datetime) -> str:
    return at.strftime("%Y-%m-%d %H:%M UTC")


_OUR_WORDS = frozenset({"stream_incomplete", "malformed_response", "empty_answer"})


def _quote(c: ClassifiedError | None) -> str:
    """The failure in a few words: quoted as the provider's only when the provider sent them.

    A client-side failure (a timeout, a refused or cut connection, a body we could not parse, a
    cancelled call) carries our own or the HTTP library's words, never the provider's.
    """
    if c is None or not c.message:
        return ""
    if c.status_code is None and (c.rule.startswith("transport") or c.rule in _OUR_WORDS
                                  or c.reason in (FailoverReason.timeout, FailoverReason.unknown,
                                                   FailoverReason.tls_untrusted)):
        return f" ({c.message})"
    return f' (the provider said: "{c.message}")'


def failure_verdict(status: TurnStatus | None, c: ClassifiedError | None, policy: LadderPolicy, attempts: int,
                    *, budget_spent: bool = False, entry: Any = None, credential: str | None = None,
                    retried: bool = False, compressed: int = 0, cut: bool = False,
                    fell_back: bool = False) -> Verdict:
    """The verdict after failure ``c`` when the ladder has nothing left to try.

    ``cut``: the deadline cancelled a call in flight (steadyloop's decision, never quoted as the provider's).
    """
    provider = entry.provider_name if entry is not None else (c.provider if c else None)
    model = entry.model if entry is not None else (c.model if c else None)
    reason = c.reason if c else None
    if status is TurnStatus.deadline_exceeded:
        text = f"No answer within the {policy.deadline_seconds:g} s deadline after {attempts} attempt(s)"
        if cut:
            text += (f": steadyloop cancelled the call to {provider} ({model}) when the deadline passed, "
                     "as it was still waiting for a complete answer")
        if c:
            text += f"; {'before that, ' if cut else ''}the last failure was {c.reason.value}{_quote(c)}"
        return Verdict(status, text + ". Raise deadline_seconds or try again later.", reason, provider=provider,
                       model=model)
    final = status_for(reason) if reason else TurnStatus.error
    if budget_spent:
        text = (f"Gave up after {attempts} upstream call(s), the configured maximum (max_attempts); the last failure "
                f"was {reason.value if reason else 'unknown'}{_quote(c)}. Try again later or raise the budget.")
        return Verdict(final, text, reason, provider=provider, model=model)
    text = _message(final, c, provider or "the provider", model or "the model", credential, policy)
    if final is TurnStatus.content_policy_blocked and fell_back:  # advice to add a fallback would be wrong
        text = text.replace("or configure a fallback model in steadyloop.",
                            "or try a model from another provider: the fallback model declined it too.")
    if final is TurnStatus.provider_unavailable:
        text += (" steadyloop retried within its budget; please try again shortly." if retried
                 else " Please try again shortly.")
    elif final is TurnStatus.context_overflow and not compressed:
        text = (f"The conversation is too long for {model or 'the model'}{_quote(c)}, and steadyloop could not "
                "shorten it enough (its newest messages alone do not fit). Shorten the message, start a new "
                "conversation, or configure a fallback model with a larger context window.")
    return Verdict(final, text, reason, _retry_at(c), provider, model)


def still_failing(original: Verdict, c: ClassifiedError, fallback_model: str) -> Verdict:
    """The original failure's verdict, noting that the fallback could not take over (never masking it)."""
    return replace(original, message=f"{original.message} The fallback {fallback_model} could not take over: it "
                                     f"rejected the request ({c.reason.value}){_quote(c)}.")


def _retry_at(c: ClassifiedError | None) -> datetime | None:
    if c is None or c.retry_after is None:
        return None
    return datetime.fromtimestamp(datetime.now(UTC).timestamp() + c.retry_after, UTC)


def _message(status: TurnStatus, c: ClassifiedError | None, provider: str, model: str, credential: str | None,
             policy: LadderPolicy) -> str:
    said = _quote(c)
    if c is not None and c.reason is FailoverReason.tls_untrusted:
        return (f"steadyloop could not verify the TLS certificate of {provider}{said}. Retrying cannot fix this: "
                "if a proxy or firewall inspects HTTPS, point SSL_CERT_FILE at a CA bundle that includes its "
                "certificate; otherwise check the chain entry's base_url.")
    if status is TurnStatus.content_policy_blocked:
        forbidden = c is not None and c.reason in policy.no_fallback
        what_now = ("You can rephrase the request, remove or narrow the context that may have triggered it, or "
                    + ("allow fallback for content-policy blocks" if forbidden else "configure a fallback model")
                    + " in steadyloop.")
        return (f"The model provider ({provider}) declined this request: its safety system flagged it{said}. This "
                f"is the provider's decision, not a steadyloop failure. {what_now}")
    if status is TurnStatus.auth_failed:
        who = f"credential {credential!r}" if credential else "the configured credential"
        return (f"Authentication with {provider} failed for {who}{said}. Check or replace that key, then run "
                f"`steadyloop pool reset{' ' + credential if credential else ''}`.")
    if status is TurnStatus.context_overflow:
        return (f"The conversation is too long for {model} even after compressing it{said}. Start a new "
                "conversation, or configure a fallback model with a larger context window.")
    if status is TurnStatus.provider_unavailable:
        return f"{provider} ({model}) is not answering right now: {c.reason.value if c else 'unavailable'}{said}."
    if status is TurnStatus.quota_exhausted:
        return f"The {provider} account behind this key is out of quota{said}. Add credits or another key."
    if status is TurnStatus.rate_limited:
        return f"{provider} is rate limiting every configured key{said}. Please try again shortly."
    if status is TurnStatus.invalid_request:
        return (f"{provider} rejected the request as invalid{said}. This is usually a configuration or tool-schema "
                "problem, not something retrying can fix.")
    return f"The request to {provider} failed{said}."


def _state(b: Any) -> str:
    """How one blocked credential is described: busy keys are busy, never "rate limited"."""
    if b.status is CredentialStatus.available:
        return f"{b.credential_id} (busy: in use by other calls)"
    return f"{b.credential_id} ({b.status.value}{': ' + b.reason if b.reason else ''})"


_AUTH_REASONS = (FailoverReason.auth.value, FailoverReason.auth_permanent.value)


def busy_verdict(empty: NoCredentialAvailable, entry: Any, policy: LadderPolicy, attempts: int) -> Verdict:
    """The deadline passed while every key was held by other calls (at its ``max_concurrency``)."""
    names = ", ".join(_state(b) for b in empty.blocked)
    return Verdict(TurnStatus.deadline_exceeded,
                   f"No answer within the {policy.deadline_seconds:g} s deadline after {attempts} attempt(s): every "
                   f"credential of {entry.provider_name} for {entry.model} stayed busy at its max_concurrency "
                   f"({names}), held by other calls or processes. Raise max_concurrency, add a key, or try again "
                   "when those calls end.", None, provider=entry.provider_name, model=entry.model)


def empty_pool_verdict(empty: NoCredentialAvailable, last: ClassifiedError | None, entry: Any,
                       attempts: int) -> Verdict:
    """The verdict when no credential of any remaining model can be used now (none busy: busy keys are
    waited for, ``busy_verdict``)."""
    statuses = {b.status for b in empty.blocked}
    if empty.blocked and all(b.reason.startswith(f"{empty.model} suspended") for b in empty.blocked):
        until = _when(datetime.fromtimestamp(empty.soonest, UTC)) if empty.soonest is not None else "a reset"
        return Verdict(TurnStatus.model_unavailable,
                       f"No key of {empty.pool} may use {empty.model} until {until} (each was refused this model: "
                       f"{empty.blocked[0].reason.split(': ', 1)[-1]}). Use another model, or run `steadyloop pool "
                       f"reset` once the account may use it.", FailoverReason.model_not_found,
                       datetime.fromtimestamp(empty.soonest, UTC) if empty.soonest is not None else None,
                       entry.provider_name, entry.model)
    retry_at = datetime.fromtimestamp(empty.soonest, UTC) if empty.soonest is not None else None
    when = f"; the next one is available at {_when(retry_at)}" if retry_at else ""
    names = ", ".join(_state(b) for b in empty.blocked)
    failed = [b for b in empty.blocked if b.status is not CredentialStatus.available]
    if CredentialStatus.exhausted in statuses:
        status, reason = TurnStatus.quota_exhausted, FailoverReason.billing
        text = (f"All credentials of {entry.provider_name} for {entry.model} are out of quota ({names}){when}. "
                "Add credits or another key, or configure a fallback model.")
    elif failed and all(b.status is CredentialStatus.dead or b.reason in _AUTH_REASONS for b in failed):
        status, reason = TurnStatus.auth_failed, (last.reason if last else FailoverReason.auth)
        text = (f"Every credential of {entry.provider_name} for {entry.model} failed authentication ({names}). "
                "Check or replace the keys, then run `steadyloop pool reset`.")
    elif CredentialStatus.cooling in statuses:
        status, reason = TurnStatus.rate_limited, last.reason if last else FailoverReason.rate_limit
        text = (f"No credential of {entry.provider_name} for {entry.model} may be used now ({names}){when}. "
                "Please try again then.")
    else:
        status, reason = TurnStatus.auth_failed, FailoverReason.auth_permanent
        text = (f"Every credential of {entry.provider_name} failed authentication ({names}). Replace the keys, then "
                "run `steadyloop pool reset`.")
    return Verdict(status, text, reason, retry_at, entry.provider_name, entry.model)


def interrupted_verdict(signum: int, attempts: int) -> Verdict:
    """The process was asked to stop (SIGTERM, SIGINT) while the turn waited: said as it is."""
    import signal

    name = signal.Signals(signum).name
    return Verdict(TurnStatus.interrupted, f"Stopped by {name} after {attempts} attempt(s): steadyloop was asked to "
                                           "end, released the key it held and sent nothing more. Run it again for an "
                                           "answer.")
