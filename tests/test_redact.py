"""Behaviour of agent._redact: secrets never leave in messages."""

from __future__ import annotations

import pytest

from agent._redact import fingerprint, redact


@pytest.mark.parametrize("secret", [
    "sk-proj-AbCdEfGhIjKlMnOp1234", "sk-ant-api03-AbCdEfGhIjKl", "sk-or-v1-0123456789abcdef",
    "AIzaSyA-0123456789abcdefghijklmnop", "xai-AbCdEfGhIjKlMnOp", "gsk_AbCdEfGhIjKlMnOp",
    "Bearer eyJhbGciOiJIUzI1NiJ9.abc",
])
def test_secret_shapes_are_masked(secret: str) -> None:
    """Each provider's key shape is replaced by [REDACTED]."""
    text = redact(f"Incorrect API key provided: {secret}. Try again.")
    assert secret not in text and "[REDACTED]" in text


def test_key_in_query_string_is_masked() -> None:
    """A key passed as ?key=... (Gemini) is masked."""
    assert "abc123" not in redact("GET /v1/models?key=abc123&alt=json failed")


def test_plain_text_is_kept_and_capped() -> None:
    """Ordinary messages pass unchanged, cut at the limit."""
    assert redact("Overloaded") == "Overloaded"
    assert len(redact("y" * 2000)) == 500


def test_fingerprint_is_stable_and_not_the_secret() -> None:
    """Fingerprints identify a key without revealing it."""
    assert fingerprint("sk-abc") == fingerprint("sk-abc") != fingerprint("sk-abd")
    assert "abc" not in fingerprint("sk-abc")
