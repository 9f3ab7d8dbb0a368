"""Request repairs: one fix per failure reason that says the request itself can be mended.

Each repair returns a changed draft, or None when there was nothing to change (then the ladder
moves on instead of resending the same bytes).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Final

from ._taxonomy import FailoverReason
from .adapters import ToolSpec
from .conversation import Message

__all__ = ["Draft", "repair"]

IMAGE_NOTE: Final = "[image removed: the provider rejected it as too large]"


@dataclass(frozen=True, slots=True)
class Draft:
    """The parts of a request a repair may change."""

    messages: tuple[Message, ...]
    tools: tuple[ToolSpec, ...] = ()
    betas: tuple[str, ...] = ()
    completion_tokens: bool = False  # Chat: the output limit goes as max_completion_tokens


def _strip(d: Draft, *, signed: bool) -> Draft | None:
    """Drop signed thinking blocks (``signed``) or encrypted reasoning replays (not ``signed``)."""
    out = []
    for m in d.messages:
        kept = tuple(t for t in m.thinking if (t.signature is None if signed else t.encrypted is None))
        out.append(m.model_copy(update={"thinking": kept}) if kept != m.thinking else m)
    return replace(d, messages=tuple(out)) if tuple(out) != d.messages else None


def _drop_beta(d: Draft) -> Draft | None:
    kept = tuple(b for b in d.betas if "context-1m" not in b)
    return replace(d, betas=kept) if kept != d.betas else None


def _text_only_tool_results(d: Draft) -> Draft | None:
    out = []
    for m in d.messages:
        if m.role == "tool" and any(r.images for r in m.tool_results):
            results = tuple(r.model_copy(update={"images": (), "content": r.content + (
                f" [{len(r.images)} image(s) omitted: this provider accepts text-only tool results]"
                if r.images else "")}) for r in m.tool_results)
            out.append(m.model_copy(update={"tool_results": results}))
        else:
            out.append(m)
    return replace(d, messages=tuple(out)) if tuple(out) != d.messages else None


def _drop_images(d: Draft) -> Draft | None:
    out = [m.model_copy(update={"images": (), "text": f"{m.text}\n{IMAGE_NOTE}".strip()}) if m.images else m
           for m in d.messages]
    return replace(d, messages=tuple(out)) if tuple(out) != d.messages else None


def _strip_schema(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {k: _strip_schema(v) for k, v in schema.items() if k not in ("pattern", "format")}
    if isinstance(schema, list):
        return [_strip_schema(v) for v in schema]
    return schema


def _strip_patterns(d: Draft) -> Draft | None:
    tools = tuple(replace(t, schema=_strip_schema(t.schema)) for t in d.tools)
    return replace(d, tools=tools) if tools != d.tools else None


def _unprefill(d: Draft) -> Draft | None:
    """The model refuses a conversation ending in an assistant message: ask for that opening instead."""
    last = d.messages[-1] if d.messages else None
    if last is None or last.role != "assistant" or last.tool_calls or not last.text:
        return None
    ask = Message.user(f"Begin your answer with exactly this text, then continue it: {last.text}")
    return replace(d, messages=(*d.messages[:-1], ask))


def _completion_tokens(d: Draft) -> Draft | None:
    return None if d.completion_tokens else replace(d, completion_tokens=True)


_R = FailoverReason
_REPAIRS: Final[dict[FailoverReason, tuple[str, Callable[[Draft], Draft | None]]]] = {
    _R.thinking_signature: ("dropped stale thinking blocks", lambda d: _strip(d, signed=True)),
    _R.invalid_encrypted_content: ("dropped encrypted reasoning replay", lambda d: _strip(d, signed=False)),
    _R.oauth_long_context_beta_forbidden: ("dropped the 1M-context beta header", _drop_beta),
    _R.multimodal_tool_content_unsupported: ("made tool results text-only", _text_only_tool_results),
    _R.image_too_large: ("removed oversized images with a note", _drop_images),
    _R.llama_cpp_grammar_pattern: ("stripped pattern/format from tool schemas", _strip_patterns),
    _R.prefill_unsupported: ("asked for the assistant prefill's opening instead of sending it", _unprefill),
    _R.max_tokens_unsupported: ("sent max_tokens as max_completion_tokens", _completion_tokens),
}


def repair(reason: FailoverReason, draft: Draft) -> tuple[str, Draft] | None:
    """(what was done, the repaired draft), or None when this reason has no repair or nothing changed."""
    found = _REPAIRS.get(reason)
    if found is None:
        return None
    repaired = found[1](draft)
    return (found[0], repaired) if repaired is not None else None
