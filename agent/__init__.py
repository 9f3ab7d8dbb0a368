"""steadyloop: an agent conversation loop that keeps talking when LLM providers fail."""

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
