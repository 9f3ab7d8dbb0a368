"""Secret redaction, in one place, for any text that leaves the process or is stored.

Two sources of truth, applied together by ``redact``:

1. **The registry of configured secrets.** Every credential's key (``Credential`` registers it
   when built) and the Redis password (``open_state``) are registered here; each is replaced
   wherever it appears, whatever its shape: as configured, percent-encoded, JSON-escaped, in
   another letter case, or cut by whitespace (a body wrapped across lines); and so are the masked
   forms providers print of it ("Incorrect API key provided: sk-proj-****abcd", "abcd...wxyz"):
   a run of ``*``, ``•``, ``x`` or an ellipsis between a prefix and a suffix of a registered secret.
2. **Shapes of provider secrets** (``sk-``, ``AIza``, GitHub's and Hugging Face's tokens, ``Bearer ...``,
   a URL's user-info password, its key, token, subscription-key and signature parameters and a key
   header's echoed value in any letter case): secrets steadyloop was never given (another key pasted
   into a prompt, a header echoed by a proxy).

Only the start of a text is kept (``limit`` characters); it is scanned with enough beyond that
cut that no secret cut by the scanned window can move into the kept text once earlier ones shrank
to ``[REDACTED]``.

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
    # GitHub's personal and OAuth tokens (the Copilot-to-API bridges sign in with them), and Hugging Face's
    r"|(?<![A-Za-z0-9_])(?:gh[pou]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|hf_[A-Za-z0-9]{20,})"
    r"|(?:[Bb]earer|Basic)\s+[A-Za-z0-9._~+/=\-]{8,}"  # Authorization header values
    r"|(?<=://)[^\s/?#@:]*:[^\s/?#@]+@"  # a URL's user-info with a password
    r")",
)
# A query string's secret parameter, in any letter case, matched right after its ``?`` or ``&``: keys (``key``,
# ``api-key``, ``apikey``), tokens, Azure API Management's subscription key ("...websocket/v1?Ocp-Apim-Subscription-
# Key=6A5A...", as a TTS server's aiohttp error echoed Edge's read-aloud endpoint: https://github.com/travisvn/
# openai-edge-tts/issues/44), and the signatures of presigned URLs (AWS's X-Amz-Signature and session token, Azure
# storage's SAS ``sig``).
_QUERY_SECRET_RE: Final = re.compile(
    r"(?:key|api[_-]?key|access[_-]?token|auth[_-]?token|token|(?:ocp-apim-)?subscription-key|x-amz-signature"
    r"|x-amz-security-token|sig|client_secret)=[^&\s\"']+", re.IGNORECASE)
_QUERY_MARK_RE: Final = re.compile(r"[?&]")
# A mask providers print inside a key: a run of ``*``, ``•``, ``x`` or an ellipsis; and the key characters a masked
# key has before (``_HEAD``) and after (``_TAIL``) it.
_MASK_TOKEN_RE: Final = re.compile(r"\*{2,}|•{2,}|…|\.{3}|x{4,}")
_HEAD: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.")
_TAIL: Final = _HEAD - {"."}
_MASK: Final = "[REDACTED]"
MIN_SECRET: Final = 6
_EDGE: Final = 3  # characters of a secret's prefix or suffix that identify a masked form of it
_PROBE: Final = 8  # characters of a secret's start or end looked for first (when the whole secret is not there)

class _Registry:
    """The configured secrets, longest first (a secret containing another is replaced whole), and every form of
    each as it may be echoed, lower-cased (``forms``: its pattern, compiled on first need)."""

    lock = threading.Lock()
    secrets: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    longest = 0
    patterns: dict[str, re.Pattern[str]] = {}  # replaced whole, under the lock


def _forms(secret: str) -> set[str]:
    """``secret`` as configured, percent-encoded (either hex case: the search ignores case) and JSON-escaped."""
    import json  # here: only a registration needs them (importing this module stays cheap)
    from urllib.parse import quote

    return {form.lower() for form in (secret, quote(secret, safe=""), json.dumps(secret)[1:-1],
                                      json.dumps(secret)[1:-1].replace("/", "\\/"))}


def register_secret(value: str) -> None:
    """Redact ``value`` (every form of it, and the masked forms providers print of it) from now on, in this process."""
    value = value.strip()
    if len(value) < MIN_SECRET or value in _Registry.secrets:
        return
    with _Registry.lock:
        forms = {*_Registry.forms, *_forms(value)}
        _Registry.forms = tuple(sorted(forms, key=len, reverse=True))
        _Registry.longest = max(len(form) for form in forms)
        _Registry.secrets = tuple(sorted({*_Registry.secrets, value}, key=len, reverse=True))


def _pattern(form: str) -> re.Pattern[str]:
    """``form`` in any letter case, whitespace allowed between any two of its characters."""
    found = _Registry.patterns.get(form)
    if found is None:
        found = re.compile(r"\s*".join(map(re.escape, form)), re.IGNORECASE)
        with _Registry.lock:
            _Registry.patterns = {**_Registry.patterns, form: found}
    return found


def _mask_registered(head: str) -> str:
    """Every registered secret masked, in every form. The screen is a substring test or two per form, on the text
    lower-cased: the form itself, else its first or last ``_PROBE`` characters (a key cut by a line break keeps one
    of them whole), then the form in the text without whitespace."""
    lowered = head.lower()
    squeezed = ""
    for form in _Registry.forms:
        if form in lowered or ((form[:_PROBE] in lowered or form[-_PROBE:] in lowered)
                               and form in (squeezed := squeezed or "".join(lowered.split()))):
            head = _pattern(form).sub(_MASK, head)
            lowered, squeezed = head.lower(), ""
    return head


def _mask_masked(head: str) -> str:
    """Masked forms of registered secrets: a mask with at least ``_EDGE`` characters of a secret's start before it or
    of its end after it. As one ``sub`` of ``(head*?)mask(tail*)`` would, but found from the masks outward: trying
    that pattern from every position of a long run of key characters (a base64 blob) cost the square of the run."""
    parts: list[str] = []
    kept = done = 0  # kept: the text up to here is in parts; done: the last tail's end, where a next head may start
    for mask in _MASK_TOKEN_RE.finditer(head):
        if mask.start() < done:
            continue
        start = mask.start()
        while start > done and head[start - 1] in _HEAD:
            start -= 1
        end = mask.end()
        while end < len(head) and head[end] in _TAIL:
            end += 1
        before, after = head[start:mask.start()], head[mask.end():end]
        if any((len(before) >= _EDGE and secret.startswith(before)) or (len(after) >= _EDGE and secret.endswith(after))
               for secret in _Registry.secrets):
            parts += (head[kept:start], _MASK)
            kept = end
        done = end
    return "".join(parts) + head[kept:] if parts else head


def redact(text: str, limit: int = 500) -> str:
    """Mask configured secrets, their masked forms and secret-shaped substrings; cut to ``limit`` characters.

    The start of ``text`` is scanned, twice the limit at first; when masking shrank it so much that a secret cut at
    the scanned window's end could reach the kept text, the window doubles (at most the whole text)."""
    window = limit * 2
    if len(text) <= window:  # the common case: the whole text is scanned at once
        return _masked(text)[:limit]
    while True:
        head = _masked(text[:window])
        if window >= len(text) or len(head) >= limit + _Registry.longest + 64:
            return head[:limit]
        window *= 2


def _masked(head: str) -> str:
    if _Registry.secrets:
        head = _mask_registered(head)
        if "*" in head or "•" in head or "…" in head or "..." in head or "xxxx" in head:
            head = _mask_masked(head)
    # A cheap screen first: most messages carry none of the markers and skip the pattern.
    if any(map(head.__contains__, _SCREENED)) or ("@" in head and "://" in head):
        head = _mask_shapes(head)
    if "=" in head and ("?" in head or "&" in head):
        head = _mask_query(head)
    if ("-key" in head or "-Key" in head or "-KEY" in head) and _header_value_follows(head):
        # a key header echoed with its value ("{'api-key': '0123...'}", "Ocp-Apim-Subscription-Key: 0123..."), read
        # by the one reader of secret-named headers (imported here: it registers its secrets through this module)
        from ._secret_headers import mask_header_values

        head = mask_header_values(head)
    return head


def _header_value_follows(head: str) -> bool:
    """Whether some ``-key`` in ``head`` (any letter case) is followed by ``:`` or ``=`` (a quote and spaces
    between): a key header echoed with a value, which ``_secret_headers.mask_header_values`` then masks (most texts
    name such a header without one)."""
    for literal in ("-key", "-Key", "-KEY"):
        at = head.find(literal)
        while at >= 0:
            if head[at + 4:at + 8].lstrip("'\" ")[:1] in (":", "="):
                return True
            at = head.find(literal, at + 4)
    return False


def _mask_query(head: str) -> str:
    """``head`` with each secret parameter of its query strings (``_QUERY_SECRET_RE``) masked, tried right after
    each ``?`` and ``&``."""
    return _mask_at(head, [mark.end() for mark in _QUERY_MARK_RE.finditer(head)], _QUERY_SECRET_RE)


# Every match of ``_SECRET_RE`` starts with one of these (the user-info right after ``://``).
_STARTS: Final = ("sk-", "AIza", "xai-", "gsk_", "ghp_", "gho_", "ghu_", "github_pat_", "hf_", "Bearer", "bearer",
                  "Basic", "://")
# The screen ``_masked`` runs before the pattern: the same starts, a URL's user-info only beside an "@".
_SCREENED: Final = tuple(start for start in _STARTS if start != "://")


def _mask_shapes(head: str) -> str:
    """``_SECRET_RE.sub(_MASK, head)``, trying the pattern only where a match can start.

    The positions come from ``str.find`` of the literal starts; the pattern is tried there in text order,
    as ``sub`` would (scanning every position of a long message with the alternation cost 50 us).
    """
    starts: list[int] = []
    for literal in _STARTS:
        at = head.find(literal)
        while at >= 0:
            starts.append(at + 3 if literal == "://" else at)
            at = head.find(literal, at + 1)
    return _mask_at(head, sorted(starts), _SECRET_RE)


def _mask_at(head: str, starts: list[int], pattern: re.Pattern[str]) -> str:
    """``head`` with each match of ``pattern`` tried at ``starts`` (in text order) masked, as ``sub`` would."""
    parts: list[str] = []
    done = 0
    for at in starts:
        if at < done:
            continue
        match = pattern.match(head, at)
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
