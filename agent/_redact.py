"""Secret redaction for anything that leaves the classifier: messages, logs, results."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["fingerprint", "redact"]

# Shapes of provider secrets; a match is replaced whole, keeping only a hint of its kind.
_SECRET_RE: Final = re.compile(
    r"(?:sk-ant-[A-Za-z0-9_\-]{6,}"  # Anthropic API keys and OAuth tokens
    r"|sk-(?:proj-|or-v1-|svcacct-)?[A-Za-z0-9_\-*]{8,}"  # OpenAI, OpenRouter, DeepSeek
    r"|AIza[0-9A-Za-z_\-]{20,}"  # Google / Gemini
    r"|xai-[A-Za-z0-9]{10,}"  # xAI
    r"|gsk_[A-Za-z0-9]{10,}"  # Groq
    r"|(?:Bearer|Basic)\s+[A-Za-z0-9._~+/=\-]{8,}"  # Authorization header values
    r"|(?<=[?&])(?:key|api_key|access_token)=[^&\s\"']+"  # keys in query strings
    r")",
)
_MASK: Final = "[REDACTED]"


def redact(text: str, limit: int = 500) -> str:
    """Mask secret-shaped substrings and cut ``text`` to at most ``limit`` characters."""
    head = text[: limit * 2]
    # A cheap screen first: most messages carry none of the markers and skip the regex.
    if "sk-" in head or "AIza" in head or "xai-" in head or "gsk_" in head or "Bearer" in head \
            or "Basic" in head or "=" in head:
        head = _SECRET_RE.sub(_MASK, head)
    return head[:limit]


def fingerprint(secret: str) -> str:
    """A short, stable, non-reversible identifier for a secret (for logs and state keys)."""
    import hashlib

    return "fp-" + hashlib.sha256(secret.encode("utf-8", "replace")).hexdigest()[:10]
