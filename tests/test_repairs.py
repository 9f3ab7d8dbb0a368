"""Behaviour of agent.repairs: each repair changes exactly what its failure names."""

from __future__ import annotations

from agent import FailoverReason
from agent.adapters import ToolSpec
from agent.conversation import Image, Message, Thinking, ToolResult
from agent.repairs import IMAGE_NOTE, Draft, repair

R = FailoverReason
ASSISTANT = Message(role="assistant", text="a", thinking=(Thinking(text="t", signature="s"), Thinking(encrypted="e")))
IMG = Image(data="aGVsbG8=")


def test_thinking_signature_drops_signed_blocks_only() -> None:
    """Stale signed thinking is dropped; encrypted replays stay."""
    done = repair(R.thinking_signature, Draft((ASSISTANT,)))
    assert done is not None and done[1].messages[0].thinking == (Thinking(encrypted="e"),)


def test_invalid_encrypted_content_drops_the_replay() -> None:
    """Encrypted reasoning replays are dropped; signed thinking stays."""
    done = repair(R.invalid_encrypted_content, Draft((ASSISTANT,)))
    assert done is not None and done[1].messages[0].thinking == (Thinking(text="t", signature="s"),)


def test_beta_header_is_dropped() -> None:
    """The 1M-context beta is removed, other betas kept."""
    done = repair(R.oauth_long_context_beta_forbidden, Draft((), betas=("context-1m-2025-08-07", "other")))
    assert done is not None and done[1].betas == ("other",)


def test_tool_results_become_text_only() -> None:
    """Images in tool results are replaced by a note."""
    tool = Message(role="tool", tool_results=(ToolResult(call_id="1", content="shot", images=(IMG,)),))
    done = repair(R.multimodal_tool_content_unsupported, Draft((tool,)))
    assert done is not None and not done[1].messages[0].tool_results[0].images
    assert "omitted" in done[1].messages[0].tool_results[0].content


def test_oversized_images_are_removed_with_a_note() -> None:
    """User images are dropped and the user text says so."""
    done = repair(R.image_too_large, Draft((Message.user("look", IMG),)))
    assert done is not None and done[1].messages[0].images == () and IMAGE_NOTE in done[1].messages[0].text


def test_schema_patterns_are_stripped() -> None:
    """pattern/format keywords are removed at any depth of a tool schema."""
    schema = {"type": "object", "properties": {"d": {"type": "string", "pattern": r"\d+", "format": "date"}}}
    done = repair(R.llama_cpp_grammar_pattern, Draft((), tools=(ToolSpec("t", "", schema),)))
    assert done is not None and done[1].tools[0].schema == {"type": "object", "properties": {"d": {"type": "string"}}}


def test_nothing_to_repair_gives_none() -> None:
    """When the request has nothing the repair would change, the ladder moves on (no identical resend)."""
    assert repair(R.thinking_signature, Draft((Message.user("hi"),))) is None
    assert repair(R.rate_limit, Draft((Message.user("hi"),))) is None
