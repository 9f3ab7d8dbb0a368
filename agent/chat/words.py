"""Recovery events and failure reasons in words a chat user understands (no internal names alone)."""

from __future__ import annotations

from typing import Any, Final

from .. import events as ev
from .._human import duration

__all__ = ["plain_reason", "status_line"]

_PLAIN: Final = {
    "rate_limit": "rate limit",
    "billing": "out of credit or quota",
    "overloaded": "provider overloaded",
    "server_error": "provider error",
    "timeout": "no answer in time",
    "transient": "temporary provider error",
    "auth": "key rejected",
    "auth_permanent": "key invalid or revoked",
    "context_overflow": "conversation too long for the model",
    "payload_too_large": "request too large",
    "image_too_large": "image too large",
    "model_not_found": "model not available with this key",
    "provider_policy_blocked": "blocked by the provider's account settings",
    "content_policy_blocked": "declined by the provider's safety system",
    "format_error": "request rejected as malformed",
    "long_context_tier": "long context not enabled for this key",
    "empty_response": "empty answer",
    "stream_incomplete": "answer cut off",
    "malformed_response": "garbled answer",
    "output_truncated": "answer hit the length limit",
    "tls_untrusted": "the endpoint's TLS certificate is not trusted",
    "no_credential": "every key is cooling or busy",
    "unknown": "unexpected error",
}


def plain_reason(reason: str) -> str:
    """A short plain phrase for a failure reason ("billing" -> "out of credit or quota")."""
    return _PLAIN.get(reason) or f"request needs a fix ({reason.replace('_', ' ')})"


def status_line(event: Any, remaining: float | None = None) -> str | None:
    """The one-line status a waiting user should see for a recovery event (None: nothing to say).

    ``remaining`` overrides the wait of a ``RetryScheduled`` (the live countdown redraws with it).
    """
    if isinstance(event, ev.RetryScheduled):
        wait = duration(event.wait if remaining is None else remaining)
        if event.reason == "no_credential":
            return f"every key is cooling or busy; waiting {wait}"
        return f"{plain_reason(event.reason)} on key {event.credential_id}, retrying in {wait}"
    if isinstance(event, ev.CredentialRotated):
        return f"{plain_reason(event.reason)} on key {event.from_credential}, switching keys"
    if isinstance(event, ev.FallbackActivated):
        return f"{plain_reason(event.reason)} on {event.from_model}; switching to the fallback model {event.to_model}"
    if isinstance(event, ev.Compressed):
        return f"conversation too long; shortened it ({event.removed_messages} earlier messages summarised or dropped)"
    if isinstance(event, ev.RequestRepaired):
        return f"the provider rejected part of the request; fixed it and resent ({event.repair})"
    if isinstance(event, ev.StreamRestarted):
        return "the answer broke off; restarting it"
    if isinstance(event, ev.ToolCallsRequested):
        return f"running {', '.join(event.tools)}"
    return None
