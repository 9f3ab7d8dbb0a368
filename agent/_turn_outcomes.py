"""What a call's outcome was: a parsed reply, or a classified failure (never a crash).

``_assess`` turns an ``Outcome`` into a ``ModelReply`` or a ``ClassifiedError``: garbage and empty
200s are endpoint faults, cut and malformed streams too, everything else goes through the
classifier. ``_cut`` and ``_partial`` end a turn whose call the deadline cancelled, or whose
stream failed after text was shown.
"""

from __future__ import annotations

from dataclasses import replace

from . import events as ev
from ._effects import Outcome
from ._taxonomy import FailoverReason, Scope
from ._turn_base import TurnBase, _Turn
from ._unknowns import UnknownShapes
from .adapters import MalformedStreamError, ModelReply, StreamIncompleteError
from .chain import ChainEntry
from .compress import estimate_tokens
from .credential_pool import Lease
from .error_classifier import ClassifiedError, classify_api_error, classify_soft_failure
from .results import TurnStatus
from .truth import Verdict, failure_verdict

__all__ = ["TurnOutcomes"]

_UNKNOWN_SHAPES = UnknownShapes()  # per process: each unknown shape is logged once


class TurnOutcomes(TurnBase):
    """Reading a call's outcome: a reply or a classified failure; ending on a cut or a broken stream."""

    def _cut(self, t: _Turn, entry: ChainEntry, lease: Lease, outcome: Outcome) -> Verdict:
        """The turn's deadline cancelled the call: not the key's fault (no cooldown), and said as it is."""
        lease.release()
        self._emit(t, ev.AttemptFailed(entry.api, entry.model, lease.credential.id, "deadline_exceeded",
                                       "turn_deadline", None, "cancelled when the turn's deadline passed", t.ref))
        self._record(t, entry, lease, "deadline_exceeded", "cancelled", outcome)
        verdict = failure_verdict(TurnStatus.deadline_exceeded, t.last, self.policy, len(t.attempts), entry=entry,
                                  cut=True)
        if not outcome.delivered:
            return verdict
        t.partial = True
        return replace(verdict, message=f"[The answer above was cut off after {outcome.delivered} characters.] "
                                        + verdict.message)

    def _partial(self, t: _Turn, entry: ChainEntry, lease: Lease, c: ClassifiedError,
                 outcome: Outcome) -> Verdict | None:
        """Text was already shown when the stream failed and no restart is possible: never hide it; stop."""
        t.partial = True
        self._record(t, entry, lease, c.reason.value, "partial", outcome, c)
        base = failure_verdict(None, c, self.policy, len(t.attempts), entry=entry, credential=lease.credential.id)
        return replace(base, message=f"[The answer above was cut off after {outcome.delivered} characters.] "
                                     + base.message)

    def _assess(self, t: _Turn, entry: ChainEntry, outcome: Outcome) -> ClassifiedError | ModelReply:
        """The failure, or the parsed reply. Garbage and empty 200s are failures, never crashes."""
        failure = self._classify(t, entry, outcome)
        if failure is not None:
            return failure
        try:
            reply = outcome.reply or self._adapters[entry.api].parse(outcome.raw)
        except Exception as exc:  # a 200 body that is not this API's shape
            return self._endpoint_fault(entry, "malformed_response", FailoverReason.malformed_response,
                                        f"HTTP 200 with a body that is not a {entry.api} response "
                                        f"({type(exc).__name__})")
        if not reply.text and not reply.tool_calls and not reply.parts:
            return self._endpoint_fault(entry, "empty_answer", FailoverReason.empty_response,
                                        "the model answered with no text, no tool call and nothing else")
        return reply

    @staticmethod
    def _endpoint_fault(entry: ChainEntry, rule: str, reason: FailoverReason, message: str) -> ClassifiedError:
        return ClassifiedError(reason=reason, scope=Scope.endpoint, provider=entry.provider_name,
                               model=entry.model, message=message, rule=rule)

    def _classify(self, t: _Turn, entry: ChainEntry, outcome: Outcome) -> ClassifiedError | None:
        provider, model = entry.provider_name, entry.model
        if isinstance(outcome.error, StreamIncompleteError):  # a cut stream is the endpoint's failure
            return self._endpoint_fault(entry, "stream_incomplete", FailoverReason.stream_incomplete,
                                        str(outcome.error))
        if isinstance(outcome.error, MalformedStreamError):
            return self._endpoint_fault(entry, "malformed_response", FailoverReason.malformed_response,
                                        str(outcome.error))
        if outcome.error is not None:
            c: ClassifiedError | None = classify_api_error(
                outcome.error, provider=provider, model=model, approx_tokens=estimate_tokens(t.draft.messages),
                context_length=entry.context_window or 200_000, num_messages=len(t.draft.messages),
                rules=self.classifier_rules)
        else:
            c = classify_soft_failure(outcome.raw, provider=provider, model=model, rules=self.classifier_rules)
        if c is not None:
            _UNKNOWN_SHAPES.note(c)  # once per distinct shape, redacted: material for an operator's rule
        return c
