"""The conversation a client request belongs to, so that its requests keep one key while it stays healthy.

A coding agent sends one conversation as many requests. Spread over the pool's keys, each request would miss the
prompt cache the previous one filled (a cache belongs to the key's organisation or workspace: cached input costs
a tenth of fresh input at Anthropic and OpenAI), and Responses reasoning items encrypted for one organisation do
not verify under another's key. The pool already keeps a session on its key (``session_affinity``, the default,
remembered in the shared state); this module finds the session in what clients really send, first found wins:

1. the ``X-Claude-Code-Session-Id`` header: Claude Code 2.1.86 and later;
2. ``metadata.user_id`` in the body: Claude Code before that, ``user_<hash>_account_<id>_session_<uuid>`` and
   later a JSON string with ``session_id`` (the session is read out of either); any other value is the app's user;
3. the ``session-id`` and ``session_id`` headers: Codex CLI (the hyphen now, the underscore in older clients);
4. the ``X-Session-Id`` and ``X-Session-Affinity`` headers: gateways' and SDK apps' own;
5. ``prompt_cache_key`` in the body: OpenAI SDK apps and Codex (the key OpenAI routes its cache by);
6. ``conversation`` (or its ``id``) and ``conversation_id`` in the body: Responses conversations.

Sources: router-for-me/CLIProxyAPI#4452 (the probe-backed list), coder/aibridge#241 (both ``metadata.user_id``
shapes and the header's version), KarpelesLab/teamclaude#352 (Codex's ``session-id``).

The value is never stored or logged as sent: the pool gets ``s-`` and a fingerprint of where it was found and
what it said (it may name a user).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Final

from .._state_key import state_fingerprint

__all__ = ["session_of"]

_MAX: Final = 512  # longer values are not an id a client meant: ignored
_FIRST_HEADERS: Final = ("x-claude-code-session-id",)
_LATER_HEADERS: Final = ("session-id", "session_id", "x-session-id", "x-session-affinity")
_LEGACY_SESSION: Final = "_session_"
_ANY_HEADER: Final = frozenset((*_FIRST_HEADERS, *_LATER_HEADERS))
_ANY_FIELD: Final = frozenset(("metadata", "prompt_cache_key", "conversation", "conversation_id"))


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value if 0 < len(value) <= _MAX else None


def _from_user_id(value: Any) -> str | None:
    """Claude Code's session inside ``metadata.user_id`` (either shape), else the value itself (an app's user)."""
    user = _clean(value)
    if user is None:
        return None
    if user.startswith("{"):
        try:
            parsed = json.loads(user)
        except ValueError:
            return user
        found = _clean(parsed.get("session_id")) if isinstance(parsed, dict) else None
        return found or user
    at = user.rfind(_LEGACY_SESSION)
    return _clean(user[at + len(_LEGACY_SESSION):]) or user if at >= 0 else user


def _found(headers: Mapping[str, str], body: Mapping[str, Any]) -> tuple[str, str] | None:
    if _ANY_HEADER.isdisjoint(headers) and _ANY_FIELD.isdisjoint(body):  # most requests say nothing: one look
        return None
    for name in _FIRST_HEADERS:
        if (value := _clean(headers.get(name))) is not None:
            return name, value
    metadata = body.get("metadata")
    if isinstance(metadata, Mapping) and (value := _from_user_id(metadata.get("user_id"))) is not None:
        return "metadata.user_id", value
    for name in _LATER_HEADERS:
        if (value := _clean(headers.get(name))) is not None:
            return name, value
    if (value := _clean(body.get("prompt_cache_key"))) is not None:
        return "prompt_cache_key", value
    conversation = body.get("conversation")
    if isinstance(conversation, Mapping):
        conversation = conversation.get("id")
    for name, candidate in (("conversation", conversation), ("conversation_id", body.get("conversation_id"))):
        if (value := _clean(candidate)) is not None:
            return name, value
    return None


def session_of(headers: Mapping[str, str], body: Mapping[str, Any]) -> str | None:
    """The session of a client request (``headers`` with lower-case names, its decoded JSON ``body``) as the pool
    keeps it: ``s-`` and the keyed fingerprint (``agent._state_key``) of where it was found and what it said; None
    when nothing says."""
    found = _found(headers, body)
    if found is None:
        return None
    return "s-" + state_fingerprint(f"{found[0]}\0{found[1]}")
