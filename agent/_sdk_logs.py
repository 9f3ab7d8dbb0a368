"""The SDKs' and HTTP libraries' own log records, redacted before any handler sees them.

At DEBUG the ``openai`` and ``anthropic`` SDKs, ``httpx``/``httpcore`` (here ``httpx2``/``httpcore2``) and
``botocore`` log what they send: the Anthropic SDK its request options with every per-request header, botocore's
signer the canonical request with its session token. ``redact_sdk_logs`` puts a ``RedactingFilter`` on each of
their loggers, which masks every registered secret (``agent._redact``) and the value of every secret-named header
(``agent._secret_headers``) in a record's text and its traceback. The adapters call it whenever they build a
client, so loggers a library creates later (a submodule imported on first use) are covered from then on.

A logger's filters see only the records logged on that very logger, not those its children pass up: the filter
goes on every existing logger under each name. It rewrites a record in place, and only when masking changed its
text; it never emits a record of its own (one record in, the same record out).
"""

from __future__ import annotations

import logging
import threading
from typing import Final

from ._redact import redact
from ._secret_headers import mask_header_values

__all__ = ["SDK_LOGGERS", "RedactingFilter", "redact_sdk_logs"]

SDK_LOGGERS: Final = ("openai", "anthropic", "httpx", "httpx2", "httpcore", "httpcore2", "botocore")
# Loggers that log what is sent, made now if their library has not made them yet (it gets the same object later).
_SENDERS: Final = ("openai._base_client", "anthropic._base_client", "botocore.auth", "botocore.endpoint",
                   *(f"{lib}.{part}" for lib in ("httpcore", "httpcore2") for part in ("connection", "http11", "http2",
                                                                                     "proxy")))
_LOCK: Final = threading.Lock()


def _masked(text: str) -> str:
    return mask_header_values(redact(text, limit=max(500, len(text))))


class RedactingFilter(logging.Filter):
    """Masks configured secrets and secret-named headers' values in a record's message and traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            text = record.getMessage()
        except Exception:  # arguments that do not fit the format: the handler reports it, with nothing formatted
            return True
        masked = _masked(text)
        if masked != text:
            record.msg, record.args = masked, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = _masked(logging.Formatter().formatException(record.exc_info))
        return True


def redact_sdk_logs() -> None:
    """A ``RedactingFilter`` on each logger of ``SDK_LOGGERS`` and their existing children (once per logger)."""
    with _LOCK:
        existing = [name for name, found in list(logging.root.manager.loggerDict.items())
                    if isinstance(found, logging.Logger)]
        for name in {*SDK_LOGGERS, *_SENDERS, *(n for n in existing if n.split(".", 1)[0] in SDK_LOGGERS)}:
            logger = logging.getLogger(name)
            if not any(isinstance(f, RedactingFilter) for f in logger.filters):
                logger.addFilter(RedactingFilter())
