"""Log each ``unknown`` failure once per distinct shape, redacted, so an operator can write a rule for it."""

from __future__ import annotations

import logging
import re
import threading
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from .error_classifier import ClassifiedError

__all__ = ["UnknownShapes"]

_LOG: Final = logging.getLogger("steadyloop.classifier")
_VARIABLE: Final = re.compile(r"\d+|[0-9a-f]{8,}|req_\w+", re.IGNORECASE)  # ids, counts and times vary per call


class UnknownShapes:
    """Remembers the shapes of unclassified failures it has logged (bounded); thread-safe."""

    def __init__(self, limit: int = 512) -> None:
        self._seen: set[tuple[object, ...]] = set()
        self._limit = limit
        self._lock = threading.Lock()

    @staticmethod
    def shape(c: ClassifiedError) -> tuple[object, ...]:
        """What makes two failures the same shape: status, code and the message with its numbers and ids removed."""
        return (c.status_code, c.error_code, c.provider, _VARIABLE.sub("#", c.message)[:160])

    def note(self, c: ClassifiedError) -> bool:
        """Log ``c`` if it is ``unknown`` and its shape is new; return whether it was logged."""
        if c.reason.value != "unknown":
            return False
        key = self.shape(c)
        with self._lock:
            if key in self._seen or len(self._seen) >= self._limit:
                return False
            self._seen.add(key)
        _LOG.warning("unclassified provider failure (status %s, code %s, provider %s): %s; "
                     "`steadyloop classify --explain` shows the facts, and a rules file can name it",
                     c.status_code, c.error_code or "-", c.provider or "-", c.message)
        return True
