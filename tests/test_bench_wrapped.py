"""bench.wrapped prints a provider's answer as the real clients print it."""

from __future__ import annotations

from pathlib import Path

import anthropic
import openai

from agent.testing.corpus import load
from bench.wrapped import printed, streamed


def test_each_format_prints_the_answer_as_its_client_source_does(tmp_path: Path) -> None:
    """The Python SDK's own text, LiteLLM's re-raise, the TypeScript SDKs' makeMessage (Claude Code's "API Error: "
    before Anthropic's), go-openai's APIError, the status line with the body, the message alone, openai-python 1.x's
    whole body, a traceback's line kept as text, and a JSON log line's escapes."""
    (tmp_path / "x.jsonl").write_text(
        '{"id": "o", "source": "https://x", "provider": "openai", "kind": "http", "api": "openai", "status": 429,'
        ' "body": {"error": {"message": "Rate limit reached", "type": "requests", "code": "rate_limit_exceeded"}},'
        ' "expect": "rate_limit"}\n'
        '{"id": "a", "source": "https://x", "provider": "anthropic", "kind": "http", "api": "anthropic",'
        ' "status": 529, "body": {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}},'
        ' "expect": "overloaded"}\n')
    openai_entry, anthropic_entry = load(tmp_path)
    assert {name: (cls, text) for name, cls, text in printed(openai_entry)} == {
        "python": ("openai.RateLimitError", "Error code: 429 - Rate limit reached"),
        "litellm": ("litellm.RateLimitError", "litellm.RateLimitError: RateLimitError: OpenAIException - Error code: "
                    "429 - Rate limit reached"),
        "node": ("Error", "429 Rate limit reached"),
        "go": ("Error", "error, status code: 429, status: 429 Too Many Requests, message: Rate limit reached"),
        "statusline": ("Error", '429 Too Many Requests: {"error":{"message":"Rate limit reached","type":"requests",'
                       '"code":"rate_limit_exceeded"}}'),
        "bare": ("Error", "Rate limit reached"),
        "python_1x": ("openai.RateLimitError", "Error code: 429 - {'error': {'message': 'Rate limit reached', 'type': "
                      "'requests', 'code': 'rate_limit_exceeded'}}"),
        "traceback": ("Exception", "openai.RateLimitError: Error code: 429 - Rate limit reached"),
        "jsonlog": ("Error", '429 Too Many Requests: {\\"error\\":{\\"message\\":\\"Rate limit reached\\",'
                    '\\"type\\":\\"requests\\",\\"code\\":\\"rate_limit_exceeded\\"}}')}
    shown = {name: text for name, _, text in printed(anthropic_entry)}
    assert shown["node"] == 'API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}'
    assert shown["litellm"] == ('litellm.APIError: APIError: AnthropicException - '
                                '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}')
    assert shown["go"] == "error, status code: 529, status: 529, message: Overloaded"  # 529 has no reason phrase
    assert shown["python"] == "529 Overloaded (path: /v1/messages, type: overloaded_error)"  # the installed SDK's own
    assert shown["python_1x"] == ("Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', "
                                  "'message': 'Overloaded'}}")


def test_the_stream_formats_carry_the_error_object_through_the_real_clients(tmp_path: Path) -> None:
    """An OpenAI body's error goes out as a chat chunk (the client raises it) and as a failed Responses answer; an
    Anthropic body's as an error event (the client raises it); a body without an error object as neither."""
    (tmp_path / "x.jsonl").write_text(
        '{"id": "o", "source": "https://x", "provider": "openai", "kind": "http", "api": "openai", "status": 404,'
        ' "body": {"error": {"message": "model not found", "type": "invalid_request_error"}},'
        ' "expect": "model_not_found"}\n'
        '{"id": "a", "source": "https://x", "provider": "anthropic", "kind": "http", "api": "anthropic",'
        ' "status": 529, "body": {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}},'
        ' "expect": "overloaded"}\n'
        '{"id": "d", "source": "https://x", "provider": "other", "kind": "http", "api": "openai", "status": 500,'
        ' "body": {"detail": "boom"}, "expect": "server_error"}\n')
    openai_entry, anthropic_entry, detail_entry = load(tmp_path)
    chunk, failed = (outcome for _, outcome in streamed(openai_entry))
    assert isinstance(chunk, openai.APIError) and str(chunk) == "model not found"
    assert getattr(failed, "status", None) == "failed" and failed.error.code == "invalid_request_error"
    ((name, event),) = streamed(anthropic_entry)
    assert name == "anthropic_sse" and isinstance(event, anthropic.APIStatusError)
    assert list(streamed(detail_entry)) == []
