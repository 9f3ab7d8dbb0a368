"""Structured logs: every record carries the turn's fields; a JSON formatter for log shippers.

The default hook (``agent.events.log_event``) writes one INFO line per attempt ("what failed and
what the loop did next") and one per turn, and attaches ``session``, ``turn_id``, ``attempt``,
``credential``, ``model``, ``reason``, ``action`` and ``wait`` to the record. ``TurnFields``
gives every other record those attributes too (``None`` when it is not about an attempt), so a
format string or a JSON formatter can name them all.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from typing import Literal, TextIO

from .._redact import redact

__all__ = ["FIELDS", "JsonFormatter", "LogFormat", "TurnFields", "configure_logging"]

FIELDS = ("session", "turn_id", "attempt", "credential", "model", "reason", "action", "wait")
"""The structured fields of every steadyloop log record, in the order the JSON formatter writes them."""

LogFormat = Literal["text", "json"]

_TEXT = "steadyloop: %(levelname)s: %(message)s"


class TurnFields(logging.Filter):
    """Give every record all of ``FIELDS`` (``None`` where the record does not set one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        for name in FIELDS:
            if not hasattr(record, name):
                setattr(record, name, None)
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, the turn's fields, and any exception.

    The message and the exception text go through ``redact`` (secret-shaped strings masked), so
    a key that some library put in an error message does not reach the log shipper.
    """

    converter = staticmethod(time.gmtime)  # timestamps in UTC, as the trailing Z says

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z",
            "level": record.levelname, "logger": record.name, "message": redact(record.getMessage(), 2000),
        }
        entry.update({name: getattr(record, name, None) for name in FIELDS})
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info), 4000)
        return json.dumps(entry, default=str)


def configure_logging(fmt: LogFormat = "text", level: int | str = logging.INFO,
                      stream: TextIO | None = None) -> logging.Handler:
    """Send the ``steadyloop`` loggers to ``stream`` (stderr) as text or JSON lines; returns the handler.

    Text lines read ``steadyloop: LEVEL: message``. Calling it again replaces the handler it
    installed before; remove the returned handler to undo it (the CLI does, after each command).
    """
    if fmt not in ("text", "json"):
        raise ValueError(f"log format {fmt!r}: use 'text' or 'json'")
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else logging.Formatter(_TEXT))
    handler.addFilter(TurnFields())
    handler.set_name("steadyloop")
    logger = logging.getLogger("steadyloop")
    for old in [h for h in logger.handlers if h.get_name() == "steadyloop"]:
        logger.removeHandler(old)
    logger.addHandler(handler)
    logger.setLevel(level)
    return handler
