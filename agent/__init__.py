"""steadyloop: an agent conversation loop that keeps talking when LLM providers fail."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .error_classifier import (
        Action,
        ClassifiedError,
        FailoverReason,
        Scope,
        classify_api_error,
        classify_soft_failure,
    )

__all__ = [
    "Action",
    "ClassifiedError",
    "FailoverReason",
    "Scope",
    "classify_api_error",
    "classify_soft_failure",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """The public names load on first use: ``import agent.config`` (``pool list``) never pays for the classifier."""
    if name in __all__:
        from . import error_classifier

        return getattr(error_classifier, name)
    raise AttributeError(f"module 'agent' has no attribute {name!r}")
