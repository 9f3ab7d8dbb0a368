"""Secret redaction, in one place, for any text that leaves the process or is stored.

Two sources of truth, applied together by ``redact``:

1. **The registry of configured secrets.** Every credential's key (``Credential`` registers it
   when built) and the Redis password (``open_state``) are registered here; each is replaced
   wherever it appears, whatever its shape, and so are the masked forms providers print of it
   ("Incorrect API key provided: sk-proj-****abcd", "abcd...wxyz"): a run of ``*``, ``•``,
   ``x`` or an ellipsis between a prefix and a suffix of a registered secret.
2. **Shapes of provider secrets** (``sk-``, ``AIza``, ``Bearer ...``): secrets steadyloop was
   never given (another key pasted into a prompt, a header echoed by a proxy).

Secrets shorter than ``MIN_SECRET`` characters are not registered (they would mask ordinary words).
"""

from __future__ import annotations

import re
import threading
from typing import Final

__all__ = ["MIN_SECRET", "fingerprint", "redact", "register_secret"]

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
# A masked key as providers print it: some leading characters, a mask, some trailing characters.
_MASKED_RE: Final = re.compile(r"([A-Za-z0-9_\-.]*?)(?:\*{2,}|•{2,}|…|\.{3}|x{4,})([A-Za-z0-9_\-]*)")
_MASK: Final = "[REDACTED]"
MIN_SECRET: Final = 6
_EDGE: Final = 3  # characters of a secret's prefix or suffix that identify a masked form of it

class _Registry:
    """The configured secrets, longest first (a secret containing another is replaced whole)."""

    lock = threading.Lock()
    secrets: tuple[str, ...] = ()


def register_secret(value: str) -> None:
    """Redact ``value`` (and the masked forms providers print of it) from now on, in this process."""
    value = value.strip()
    if len(value) < MIN_SECRET or value in _Registry.secrets:
        return
    with _Registry.lock:
        _Registry.secrets = tuple(sorted({*_Registry.secrets, value}, key=len, reverse=True))


def _masked(match: re.Match[str]) -> str:
    head, tail = match.group(1), match.group(2)
    for secret in _Registry.secrets:
        if (len(head) >= _EDGE and secret.startswith(head)) or (len(tail) >= _EDGE and secret.endswith(tail)):
            return _MASK
    return match.group(0)


def redact(text: str, limit: int = 500) -> str:
    """Mask configured secrets, their masked forms and secret-shaped substrings; cut to ``limit`` characters."""
    head = text[: limit * 2]
    secrets = _Registry.secrets
    for secret in secrets:
        if secret in head:
            head = head.replace(secret, _MASK)
    if secrets and ("*" in head or "•" in head or "…" in head or "..." in head or "xxxx" in head):
        head = _MASKED_RE.sub(_masked, head)
    # A cheap screen first: most messages carry none of the markers and skip the pattern.
    if "sk-" in head or "AIza" in head or "xai-" in head or "gsk_" in head or "Bearer" in head \
            or "Basic" in head or "key=" in head or "token=" in head:  # the query-string keys end so
        head = _mask_shapes(head)
    return head[:limit]


# Every match of ``_SECRET_RE`` starts with one of these (the query-string keys right after ``?`` or ``&``).
_STARTS: Final = ("sk-", "AIza", "xai-", "gsk_", "Bearer", "Basic", "key=", "api_key=", "access_token=")


def _mask_shapes(head: str) -> str:
    """``_SECRET_RE.sub(_MASK, head)``, trying the pattern only where a match can start.

    The positions come from ``str.find`` of the literal starts; the pattern is tried there in text order,
    as ``sub`` would (scanning every position of a long message with the alternation cost 50 us).
    """
    starts: list[int] = []
    for literal in _STARTS:
        at = head.find(literal)
        while at >= 0:
            starts.append(at)
            at = head.find(literal, at + 1)
    if not starts:
        return head
    parts: list[str] = []
    done = 0
    for at in sorted(starts):
        if at < done:
            continue
        match = _SECRET_RE.match(head, at)
        if match is not None:
            parts += (head[done:at], _MASK)
            done = match.end()
    return "".join(parts) + head[done:] if parts else head


def fingerprint(secret: str) -> str:
    """A short, stable, non-reversible label for a secret (logs, unlabelled credential ids): the first 10
    digits of the keyed hash ``pool list`` shows (``agent._state_key``), so the two always agree and no
    plain hash of a secret is ever published."""
    from ._state_key import state_fingerprint

    return "fp-" + state_fingerprint(secret)[:10]
