"""What an answer may carry besides text and function calls: the facts the judges of "empty" share.

An answer with no text and no function call is not empty when it carries one of these. Each is something
real clients ask for and receive:

- Responses: the calls the client acts on (``custom_tool_call``: Codex's ``apply_patch`` and ``exec`` are
  freeform custom tools; ``local_shell_call`` of codex-mini; ``shell_call``; ``apply_patch_call``;
  ``computer_call`` of computer use; ``mcp_approval_request``), and the image tool's ``image_generation_call``
  with its result; and a background request's acceptance (``background: true`` answers at once with
  ``status: queued`` or ``in_progress`` and no output: the client polls for the answer).
- Messages: any block but text and thinking: ``server_tool_use`` and its results (``web_search_tool_result``,
  ``web_fetch_tool_result``, the code execution results), ``mcp_tool_use``, ``container_upload``. A long
  server-tool turn pauses on them (``stop_reason: pause_turn``) for the client to continue.
- Chat: the message fields ``audio`` (audio output, ``content: null``), ``images`` (image output through
  OpenRouter) and ``function_call`` (the legacy functions API).

Sources: the openai SDK's ``types/responses/response_output_item.py`` and ``types/chat/chat_completion_message.py``
(``audio``, ``function_call``), anthropic's ``types/content_block.py`` and ``stop_reason`` values, OpenRouter's
image generation docs (``message.images``), Codex's session rollouts (``custom_tool_call`` named ``apply_patch``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

__all__ = ["CHAT_PARTS", "RESPONSES_ACCEPTED", "RESPONSES_CALLS", "RESPONSES_CONTENT", "chat_parts", "textless_block"]

RESPONSES_CALLS: Final = frozenset({"function_call", "custom_tool_call", "local_shell_call", "shell_call",
                                    "apply_patch_call", "computer_call", "mcp_approval_request"})
RESPONSES_CONTENT: Final = frozenset({"image_generation_call"})
RESPONSES_ACCEPTED: Final = frozenset({"queued", "in_progress"})  # the statuses of a background request's answer
CHAT_PARTS: Final = ("audio", "images", "function_call")
_NOT_CONTENT_BLOCKS: Final = frozenset({"text", "thinking", "redacted_thinking"})


def chat_parts(message: Mapping[str, Any]) -> tuple[str, ...]:
    """The Chat message fields (``CHAT_PARTS``) that carry something: an answer without ``content``."""
    return tuple(name for name in CHAT_PARTS if message.get(name))


def textless_block(block: Mapping[str, Any]) -> bool:
    """A Messages content block that is content but not text: anything but text and thinking."""
    kind = block.get("type")
    return isinstance(kind, str) and kind not in _NOT_CONTENT_BLOCKS
