"""Soft failures: HTTP 200 answers that are really failures, turned into facts.

Recognised shapes (SDK objects are dumped to plain dicts first):

- Responses/Codex: ``status`` of ``failed``/``cancelled``/``incomplete`` with ``error`` or
  ``incomplete_details``; the stream events ``response.failed``/``response.incomplete``/``error``.
- Assistants runs (``object: "thread.run"``): ``failed`` with ``last_error``; ``incomplete`` on a token cap.
- Chat Completions: a finish reason that ends the turn (``content_filter``, Zhipu's ``sensitive`` and
  ``network_error``, a full window); no choices or an empty message; ``length`` inside a tool call.
- Anthropic Messages: ``stop_reason == "refusal"``; empty content; ``max_tokens`` inside a ``tool_use`` block;
  the SSE ``error`` event.
- Bedrock Converse: ``stopReason`` (or a stream's ``messageStop``) of a guardrail or content filter, a full
  window, or malformed output; an empty message.
- Gemini ``generateContent``: ``promptFeedback.blockReason`` and safety ``finishReason`` values are
  content blocks; a candidate with no content is empty (or truncated on ``MAX_TOKENS``).
- A bare answer of text fields only (``{"text": ""}``), all empty.
- Any 200 body that carries an ``error`` object (OpenRouter and many proxies do this), or is itself
  an error object (a ``message`` with a numeric ``code`` or an error ``type``, as llama.cpp streams it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, Final

from ._answer_parts import chat_parts
from ._facts import ErrorFacts, ExcKind, baidu_code, facts_from_body
from ._model_fields import field
from ._taxonomy import FailoverReason

__all__ = ["SoftVerdict", "soft_facts"]

SoftVerdict = tuple[ErrorFacts, FailoverReason | None]
"""Facts for the rule table, plus a reason when the shape alone decides it."""

_FAILED_STATUSES: Final = frozenset({"failed", "cancelled", "incomplete"})


def _as_mapping(response: object) -> Mapping[str, Any] | None:
    if isinstance(response, Mapping):
        return response
    if field(response, "object") == "response":
        return _response_view(response)
    kind = field(response, "type")
    inner = field(response, "response")
    if kind in _RESPONSE_EVENTS and field(inner, "object") == "response":
        view = _response_view(inner)
        return None if view is None else {"type": kind, "response": view}
    dumped = _dumped(response)
    return dumped if isinstance(dumped, Mapping) else None


_RESPONSE_EVENTS: Final = ("response.failed", "response.incomplete", "response.cancelled")
_UNDUMPABLE: Final[Any] = object()


def _response_view(response: Any) -> dict[str, Any] | None:
    """The fields of a Responses object that ``_responses`` reads, each dumped on its own (None when one
    cannot be): dumping the whole object (tools, usage, text settings...) was most of the cost."""
    output = getattr(response, "output", None)
    parts = {"error": _dumped(getattr(response, "error", None)),
             "incomplete_details": _dumped(getattr(response, "incomplete_details", None)),
             "output": [_dumped(item) for item in output] if isinstance(output, list) else output}
    if parts["error"] is _UNDUMPABLE or parts["incomplete_details"] is _UNDUMPABLE or (
            isinstance(parts["output"], list) and any(item is _UNDUMPABLE for item in parts["output"])):
        return None
    return {"object": "response", "status": getattr(response, "status", None), **parts}


def _dumped(value: Any) -> Any:
    """``value.model_dump()`` for SDK objects (``_UNDUMPABLE`` when that fails), else the value itself."""
    dump = getattr(value, "model_dump", None)
    if not callable(dump):
        return value
    try:
        return dump(warnings=False)  # malformed SDK objects are exactly what we classify
    except Exception:
        return _UNDUMPABLE


def _plainly_fine(response: object) -> bool:
    """A cheap attribute check that recognises ordinary successes of the three SDKs without dumping them."""
    choices = field(response, "choices")
    if choices:
        first = choices[0]
        message = getattr(first, "message", None)
        return getattr(first, "finish_reason", None) in ("stop", "tool_calls") and message is not None and bool(
            getattr(message, "content", None) or getattr(message, "tool_calls", None))
    if field(response, "type") == "message":
        content = field(response, "content")
        stop = field(response, "stop_reason")
        last = getattr(content[-1], "type", None) if isinstance(content, list) and content else None
        return last is not None and stop not in ("refusal", WINDOW_FULL) and (
            last not in _THINKING_BLOCKS or not _only_thinking(content)) and not (
            stop == "max_tokens" and last == "tool_use") and not _guardrail_intervened(response)
    if field(response, "object") == "response":
        output = field(response, "output")
        return field(response, "status") == "completed" and bool(output) and _refusal(output) is None
    return False


def _guardrail_intervened(answer: Any) -> bool:
    """Bedrock InvokeModel's Messages answer when a guardrail stepped in: its text is the guardrail's canned message,
    its stop an ordinary end_turn (https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-use-invoke.html);
    ``answer`` a decoded dict or the SDK's model."""
    return bool(_part(answer, "amazon-bedrock-guardrailAction") == "INTERVENED")


def _part(value: Any, name: str) -> Any:
    """A field of a dict (a 200 body as decoded) or of an SDK model (``field``: no pydantic exception for a name the
    model lacks)."""
    return value.get(name) if isinstance(value, Mapping) else field(value, name)


def _refusal(output: Any) -> str | None:
    """The refusal text when a Responses ``output`` answers with refusal parts only (``{"type": "refusal"}`` in its
    messages, no output text and no tool call: https://platform.openai.com/docs/guides/structured-outputs#refusals),
    else None. Reasoning items beside it do not count as an answer."""
    if not isinstance(output, list):
        return None
    refusal: str | None = None
    for item in output:
        kind = _part(item, "type")
        if kind == "reasoning":
            continue
        if kind != "message":
            return None
        for content in _part(item, "content") or ():
            if _part(content, "type") != "refusal":
                return None
            refusal = str(_part(content, "refusal") or refusal or "refused")
    return refusal


def soft_facts(response: object) -> SoftVerdict | None:
    """Facts for a soft failure, or None when ``response`` is a real success."""
    if not isinstance(response, Mapping) and _plainly_fine(response):
        return None
    data = _as_mapping(response)
    if data is None:
        return None
    event_type = data.get("type")
    if event_type in ("response.failed", "response.incomplete", "response.cancelled"):
        inner = data.get("response")
        return _responses(inner) if isinstance(inner, Mapping) else _from_error(data, None)
    # an error event by its "type" (OpenAI's and Anthropic's streams) or its "event" (Copilot's web socket:
    # {"event": "error", "errorCode": "invalid-event"})
    if event_type == "error" or data.get("event") == "error" or (
            data.get("error") and data.get("object") != "response"):
        return _from_error(data, None)
    if (reader := _reader_of(data)) is not None:
        return reader(data)
    if (reported := _base_resp_failure(data) or _envelope_failure(data) or _worker_failure(data)
            or _wrapped_error(data)) is not None:
        return reported
    if not data.get("choices") and _is_error_object(data):
        # before the shapes below: vLLM's flat ErrorResponse ("object": "error") under a 200 is parsed by the SDK
        # into a completion shell whose "choices" is None
        return _from_error(data, None)
    if "choices" in data:
        return _chat(data)
    if (gemini := _gemini_answer(data)) is not None:
        return _gemini(gemini)
    if event_type == "message_delta" or (data.get("done") is True and ("response" in data or "message" in data)):
        return _final_chunk(data)
    if "messageStop" in data or "stopReason" in data:
        return _converse(data)
    if data.get("type") == "message" or "stop_reason" in data:
        return _anthropic(data)
    return _bare_empty_text(data)


# The fields a gateway's pared-down answer puts its text in (a router's {"text": ""}, a server's {"response": ""}).
_TEXT_FIELDS: Final = frozenset({"text", "response", "content", "output", "generated_text", "completion", "answer"})


def _bare_empty_text(data: Mapping[str, Any]) -> SoftVerdict | None:
    """An answer that is nothing but text fields, all empty: a router's HTTP 200 with ``{"text": ""}`` for a model that
    generated nothing (https://github.com/decolua/9router/issues/2229). Any other field (a finish reason, usage, an
    id) leaves the answer to the shapes above: None."""
    if data and data.keys() <= _TEXT_FIELDS and all(value is None or value == "" for value in data.values()):
        return _text_facts("the answer's text is empty"), FailoverReason.empty_response
    return None


def _from_error(data: Mapping[str, Any], reason: FailoverReason | None) -> SoftVerdict:
    return facts_from_body(data, kind=ExcKind.soft), reason


def _responses(data: Mapping[str, Any]) -> SoftVerdict | None:
    status = data.get("status")
    error = data.get("error")
    if status not in _FAILED_STATUSES:
        if status == "completed" and not data.get("output"):
            return _text_facts("the response completed with no output"), FailoverReason.empty_response
        if status == "completed" and (refused := _refusal(data.get("output"))) is not None:
            return _text_facts(f"refusal: {refused}"), FailoverReason.content_policy_blocked
        return None
    status_details = data.get("status_details")
    if not isinstance(status_details, Mapping):
        status_details = {}
    if not error:
        # the Realtime API's response.done puts a failed turn's error here, not in "error" (Azure's
        # {"type": "failed", "error": {"code": "inference_rate_limit_exceeded", ...}}, OpenAI's {"error": {"type":
        # "server_error"}}: https://platform.openai.com/docs/api-reference/realtime-server-events/response/done)
        error = status_details.get("error")
    if isinstance(error, Mapping) and error:
        return facts_from_body(error, kind=ExcKind.soft), None
    if status == "cancelled" and status_details.get("reason") in _REALTIME_CALLER_CANCELS:
        return None  # the caller's own cancel, or the user speaking over the answer: no failure to recover from
    details = data.get("incomplete_details")
    if not isinstance(details, Mapping):
        details = status_details  # Realtime's {"type": "incomplete", "reason": "max_output_tokens" | "content_filter"}
    detail = details.get("reason")
    if detail == "content_filter":
        return _text_facts("response incomplete: content_filter"), FailoverReason.content_policy_blocked
    if detail in ("max_output_tokens", "max_tokens"):
        if _has_text(data.get("output")):  # an answer cut by the limit: delivered, marked truncated
            return None
        return _text_facts(f"response incomplete: {detail}"), FailoverReason.output_truncated
    if status == "cancelled" and not detail:
        # Cancelled with no error and no detail (seed 004): nothing in it names a cause, so no rule, and not the word
        # model of labelled errors, can read one from its two words ("response cancelled"); the shape decides unknown
        # (retried, no key cooled), as the table's catch-all did before the labelled errors held another "cancelled"
        # error.
        return _text_facts("response cancelled"), FailoverReason.unknown
    return _text_facts(f"response {status}" + (f": {detail}" if detail else "")), None


# An Assistants run that ended without an answer (https://platform.openai.com/docs/api-reference/runs/object): "failed"
# with its ``last_error`` ({"code": "rate_limit_exceeded" | "server_error" | "invalid_prompt", "message": ...}),
# "incomplete" with ``incomplete_details.reason`` naming which of the run's token caps ended it, "expired" past its
# deadline (https://github.com/openai/openai-python/issues/1407: a file search whose prompt hit max_prompt_tokens).
_RUN_CAPS: Final = {"max_prompt_tokens": FailoverReason.context_overflow,
                    "max_completion_tokens": FailoverReason.output_truncated}


def _assistants_run(data: Mapping[str, Any]) -> SoftVerdict | None:
    status = data.get("status")
    if status == "failed" and isinstance(error := data.get("last_error"), Mapping) and error:
        return facts_from_body(error, kind=ExcKind.soft), None
    if status == "incomplete":
        details = data.get("incomplete_details")
        reason = details.get("reason") if isinstance(details, Mapping) else None
        capped = _RUN_CAPS.get(reason) if isinstance(reason, str) else None
        return _text_facts(f"run incomplete: {reason}"), capped
    if status in ("failed", "expired", "cancelled"):
        return _text_facts(f"run {status}"), None
    return None


# The Realtime API's response (the ``response`` of a ``response.done`` event) is read as a Responses object: a failed
# one carries its error in ``status_details``, and a paste may leave out its ``output`` (Azure's "The server had an
# error while processing your request." with no output: https://learn.microsoft.com/en-us/answers/questions/5821653).
# Realtime's reasons for a cancelled response that name no failure: the client cancelled it, or the server's turn
# detection heard the user speak over it (https://platform.openai.com/docs/api-reference/realtime-server-events/
# response/done, ``status_details.reason``).
_REALTIME_CALLER_CANCELS: Final = frozenset({"client_cancelled", "turn_detected"})
_BY_OBJECT: Final[dict[object, Callable[[Mapping[str, Any]], SoftVerdict | None]]] = {
    "response": _responses, "realtime.response": _responses, "thread.run": _assistants_run}


def _reader_of(data: Mapping[str, Any]) -> Callable[[Mapping[str, Any]], SoftVerdict | None] | None:
    """The reader of a Responses object or an Assistants run, by its "object", else by its fields."""
    if (reader := _BY_OBJECT.get(data.get("object"))) is not None:
        return reader
    if "status" not in data:
        return None
    if "output" in data:
        return _responses
    # an Assistants-compatible server's run whose "object" is blank or its own (hal-9100's "object": "" for a run
    # that ended "failed" with last_error null: https://github.com/llm-edge/hal-9100/issues/45): a run all the same
    return _assistants_run if "thread_id" in data and "assistant_id" in data else None


def _has_text(output: Any) -> bool:
    """Whether a Responses ``output`` holds any output text."""
    return isinstance(output, list) and any(
        isinstance(item, Mapping) and isinstance(item.get("content"), list)
        and any(isinstance(p, Mapping) and p.get("text") for p in item["content"]) for item in output)


def _chat(data: Mapping[str, Any]) -> SoftVerdict | None:
    choices = data.get("choices")
    if not isinstance(choices, list) or not choices:
        return _text_facts("the completion has no choices"), FailoverReason.empty_response
    first = choices[0] if isinstance(choices[0], Mapping) else {}
    finish = first.get("finish_reason")
    stopped = _CHAT_STOPS.get(finish) if isinstance(finish, str) else None
    if stopped is not None:
        return _text_facts(f"finish_reason: {finish}"), stopped
    native = first.get("native_finish_reason")  # OpenRouter and adapters pass Gemini's own reason through
    if (isinstance(finish, str) and finish.upper() in _GEMINI_BAD_CALLS) or native in _GEMINI_BAD_CALLS:
        return _text_facts(f"finish_reason: {native or finish}"), FailoverReason.malformed_response
    if finish == "error" and isinstance(error := first.get("error"), Mapping) and error:
        # OpenRouter's mid-stream error chunk with the error on the choice ({"finish_reason": "error", "error":
        # {"message": "Error processing stream", "code": 502}}): the error decides, as a top-level one does
        return facts_from_body(error, kind=ExcKind.soft), None
    if finish == "error":
        # the server's own word that the generation failed, with no error object to say more (vllm-mlx: "content":
        # null, "finish_reason": "error", zero usage: https://github.com/waybarrios/vllm-mlx): its fault, not an
        # answer that happened to be empty
        return _text_facts("finish_reason: error"), FailoverReason.server_error
    delta = first.get("delta")
    if isinstance(delta, Mapping) and isinstance(refused := delta.get("refusal"), str) and refused:
        # a stream chunk that carries the model's refusal (structured outputs stream it in ``delta.refusal``:
        # https://platform.openai.com/docs/guides/structured-outputs#refusals): the answer is a refusal
        return _text_facts(f"refusal: {refused}"), FailoverReason.content_policy_blocked
    message = first.get("message")
    if finish == "length" and isinstance(message, Mapping) and message.get("tool_calls"):
        # cut inside a tool call: its arguments are an unfinished JSON text (as Anthropic's max_tokens inside a
        # tool_use block, ``_anthropic``)
        return _text_facts("finish_reason: length inside a tool call"), FailoverReason.output_truncated
    if isinstance(message, Mapping) and not (message.get("content") or message.get("tool_calls")
                                             or chat_parts(message)):  # audio, images, a legacy function call
        if finish == "length" and _no_room_left(data, message):
            return _text_facts("finish_reason: length with no room left for output"), FailoverReason.context_overflow
        if finish == "length":
            return _text_facts("finish_reason: length with no output"), FailoverReason.output_truncated
        if not message.get("refusal"):
            return _text_facts("the completion message is empty"), FailoverReason.empty_response
        return _text_facts(f"refusal: {message.get('refusal')}"), FailoverReason.content_policy_blocked
    return None


def _no_room_left(data: Mapping[str, Any], message: Mapping[str, Any]) -> bool:
    """An empty answer cut at "length" after at most one token, with no reasoning either: the prompt filled the
    window (Ollama and llama.cpp truncate the prompt to ``num_ctx`` and leave no room), not the output budget.

    https://github.com/can1357/oh-my-pi/issues/2774: ``prompt_tokens: 32767, completion_tokens: 1``. A reasoning
    model that spent its whole budget thinking reports many completion tokens (or its reasoning): truncated output.
    """
    usage = data.get("usage")
    completion = usage.get("completion_tokens") if isinstance(usage, Mapping) else None
    reasoned = message.get("reasoning_content") or message.get("reasoning")
    return type(completion) is int and completion <= 1 and not reasoned


# Anthropic (and GLM behind OpenAI-style APIs) stop with this when prompt plus output filled the window:
# https://github.com/turnstonelabs/turnstone/pull/1164 (the conversation must shrink, not max_tokens grow)
WINDOW_FULL: Final = "model_context_window_exceeded"

# Chat finish reasons that end a turn with no usable answer, whatever text streamed before them. Zhipu's GLM
# stops a chunk with "sensitive" when its safety review cuts the answer and "network_error" when its inference
# failed mid-answer (https://github.com/BerriAI/litellm/pull/24373,
# https://github.com/pydantic/pydantic-ai/issues/7678); GigaChat with "blacklist" when its censor replaced the answer
# with a canned refusal (https://github.com/ai-forever/gigachain/issues/252, https://github.com/D00mch/souz/issues/113).
_CHAT_STOPS: Final[Mapping[str, FailoverReason]] = {
    "content_filter": FailoverReason.content_policy_blocked,
    "sensitive": FailoverReason.content_policy_blocked,
    "blacklist": FailoverReason.content_policy_blocked,
    WINDOW_FULL: FailoverReason.context_overflow,
    "network_error": FailoverReason.server_error,
}

# Bedrock Converse's stopReason, on the body or on a stream's messageStop event: a guardrail or the model's
# content filter stopped the answer, the window filled, or the model's output or tool call was unusable
# (https://github.com/danny-avila/LibreChat/pull/15647, https://github.com/camunda/connectors/pull/8272).
_CONVERSE_STOPS: Final[Mapping[str, FailoverReason]] = {
    "content_filtered": FailoverReason.content_policy_blocked,
    "guardrail_intervened": FailoverReason.content_policy_blocked,
    WINDOW_FULL: FailoverReason.context_overflow,
    "malformed_model_output": FailoverReason.malformed_response,
    "malformed_tool_use": FailoverReason.malformed_response,
}


def _converse(data: Mapping[str, Any]) -> SoftVerdict | None:
    """A Bedrock Converse answer (``stopReason`` beside ``output.message``) or its stream's ``messageStop``."""
    event = data.get("messageStop")
    stop = event.get("stopReason") if isinstance(event, Mapping) else data.get("stopReason")
    stopped = _CONVERSE_STOPS.get(stop) if isinstance(stop, str) else None
    if stopped is not None:
        return _text_facts(f"stopReason: {stop}"), stopped
    output = data.get("output")
    message = output.get("message") if isinstance(output, Mapping) else None
    if isinstance(message, Mapping) and not message.get("content"):
        if stop == "max_tokens":
            return _text_facts("stopReason: max_tokens with no output"), FailoverReason.output_truncated
        return _text_facts("the message has no content"), FailoverReason.empty_response
    return None


def _anthropic(data: Mapping[str, Any]) -> SoftVerdict | None:
    stop = data.get("stop_reason")
    if stop == "refusal":
        return _text_facts("stop_reason: refusal"), FailoverReason.content_policy_blocked
    if _guardrail_intervened(data):
        return _text_facts("guardrail intervened"), FailoverReason.content_policy_blocked
    if stop == WINDOW_FULL:
        return _text_facts(f"stop_reason: {WINDOW_FULL}"), FailoverReason.context_overflow
    content = data.get("content")
    if not content or (stop != "pause_turn" and _only_thinking(content)):
        if stop == "max_tokens":
            return _text_facts("stop_reason: max_tokens with no output"), FailoverReason.output_truncated
        return _text_facts("the message has no content"), FailoverReason.empty_response
    if stop == "max_tokens" and _ends_in_tool_call(content):
        # the output budget ran out inside a tool call: its input is cut (sent as {} or half its fields), and running
        # the tool with it would act on a call the model never finished
        # (https://github.com/sublayerapp/sublayer/issues/55)
        return _text_facts("stop_reason: max_tokens inside a tool call"), FailoverReason.output_truncated
    return None


def _ends_in_tool_call(content: Any) -> bool:
    return (isinstance(content, list) and bool(content) and isinstance(last := content[-1], Mapping)
            and last.get("type") == "tool_use")


# A message whose only blocks are the model's reasoning has no answer in it: the turn ended before the
# model said or called anything (seen with end_turn after a long thinking block).
_THINKING_BLOCKS: Final = frozenset({"thinking", "redacted_thinking"})


def _only_thinking(content: Any) -> bool:
    """Whether ``content`` (a list of dicts or SDK blocks) holds reasoning blocks and nothing else."""
    return isinstance(content, list) and all(
        _part(block, "type") in _THINKING_BLOCKS for block in content)


def _final_chunk(data: Mapping[str, Any]) -> SoftVerdict | None:
    """The last chunk of a stream: Anthropic's ``message_delta`` stop reason, Ollama's ``done`` answer."""
    delta = data.get("delta")
    if isinstance(delta, Mapping) and delta.get("stop_reason") == "refusal":
        return _text_facts("stop_reason: refusal"), FailoverReason.content_policy_blocked
    if isinstance(delta, Mapping) and delta.get("stop_reason") == WINDOW_FULL:
        return _text_facts(f"stop_reason: {WINDOW_FULL}"), FailoverReason.context_overflow
    if data.get("done") is True and (_empty_generate(data) or _empty_chat(data)):
        return _text_facts(f"empty answer (done_reason: {data.get('done_reason')})"), FailoverReason.empty_response
    return None


def _empty_generate(data: Mapping[str, Any]) -> bool:
    """Ollama's /api/generate answer with no text."""
    return "response" in data and not data.get("response")


def _empty_chat(data: Mapping[str, Any]) -> bool:
    """Ollama's /api/chat answer with nothing in it and no token generated (a stream's last chunk, whose text came
    before it, counts its tokens in ``eval_count``): https://github.com/ollama/ollama/issues/2861."""
    message = data.get("message")
    return (isinstance(message, Mapping) and not message.get("content") and not message.get("tool_calls")
            and not message.get("thinking") and not data.get("eval_count"))


# The image models' own block values (IMAGE_PROHIBITED_CONTENT, IMAGE_RECITATION) are blocks too: FinishReason in
# https://ai.google.dev/api/generate-content#FinishReason
# Vertex's MODEL_ARMOR (a project's Model Armor template removed the answer) and JAILBREAK (prompt only) are blocks
# too: https://cloud.google.com/vertex-ai/docs/reference/rest/v1/GenerateContentResponse#FinishReason
_GEMINI_BLOCKS: Final = frozenset({
    "SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "RECITATION", "IMAGE_SAFETY", "OTHER_BLOCK",
    "IMAGE_PROHIBITED_CONTENT", "IMAGE_RECITATION", "MODEL_ARMOR", "JAILBREAK",
    # "The response candidate content was flagged for using an unsupported language"
    # (https://ai.google.dev/api/generate-content#FinishReason): the same conversation is stopped again
    "LANGUAGE"})
# The model's function call itself was unusable (unparsable, undeclared, too many): the turn yields no answer,
# and a retry usually produces a valid call.
_GEMINI_BAD_CALLS: Final = frozenset({"MALFORMED_FUNCTION_CALL", "UNEXPECTED_TOOL_CALL", "TOO_MANY_TOOL_CALLS"})


# The FinishReason numbers every version of the enum agrees on (google.generativeai's protobuf candidates print them as
# numbers: {"finish_reason": 4, "safety_ratings": []}, https://github.com/google-gemini/deprecated-generative-ai-python/
# issues/363); from 5 on, the API's and Vertex's enums order LANGUAGE, OTHER and BLOCKLIST differently, so a larger
# number names nothing sure.
_GEMINI_FINISH_NUMBERS: Final = {1: "STOP", 2: "MAX_TOKENS", 3: "SAFETY", 4: "RECITATION"}
_GEMINI_KEYS: Final = frozenset({"candidates", "promptFeedback", "usageMetadata", "prompt_feedback", "usage_metadata"})


def _gemini_answer(data: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The Gemini answer ``data`` is or holds, if any: one with any of Gemini's keys (an answer with usage but neither
    candidates nor promptFeedback, as gemini-2.5-pro-preview sent, https://github.com/BerriAI/litellm/pull/10186,
    generated nothing and names no block: it is read as one with an empty candidate), or one inside Code Assist's
    ``{"response": {...}, "traceId": ...}`` (the OAuth path of gemini-cli and its relays: a candidate stopped for SAFETY
    with no parts, https://github.com/nearai/ironclaw/pull/5578)."""
    if not _GEMINI_KEYS.isdisjoint(data):
        return data
    inner = data.get("response")
    return inner if isinstance(inner, Mapping) and not _GEMINI_KEYS.isdisjoint(inner) else None


def _gemini(data: Mapping[str, Any]) -> SoftVerdict | None:
    if _snake_gemini(data):
        data = _camel_gemini(data)
    feedback = data.get("promptFeedback")
    block = feedback.get("blockReason") if isinstance(feedback, Mapping) else None
    if block:
        return _text_facts(f"prompt blocked: {block}"), FailoverReason.content_policy_blocked
    candidates = data.get("candidates")
    first = candidates[0] if isinstance(candidates, list) and candidates and isinstance(candidates[0], Mapping) \
        else {}
    finish = first.get("finishReason")
    if type(finish) is int:  # the legacy SDK's protobuf enum, printed as its number
        finish = _GEMINI_FINISH_NUMBERS.get(finish, finish)
    if finish in _GEMINI_BLOCKS:
        return _text_facts(f"finishReason: {finish}"), FailoverReason.content_policy_blocked
    if finish in _GEMINI_BAD_CALLS:
        return _text_facts(f"finishReason: {finish}"), FailoverReason.malformed_response
    content = first.get("content")
    if isinstance(content, Mapping) and _any_part(content.get("parts")):
        return None
    if finish == "MAX_TOKENS":
        return _text_facts("finishReason: MAX_TOKENS with no output"), FailoverReason.output_truncated
    if not first:
        return _text_facts("the answer has no candidate and no block reason"), FailoverReason.empty_response
    return _text_facts(f"the candidate has no content (finishReason: {finish})"), FailoverReason.empty_response


_GEMINI_CAMEL: Final = {"prompt_feedback": "promptFeedback", "usage_metadata": "usageMetadata",
                        "block_reason": "blockReason", "finish_reason": "finishReason"}


def _snake_gemini(data: Mapping[str, Any]) -> bool:
    """Whether the answer uses the Python SDKs' snake_case names: at the top, or only in its candidates (the legacy
    SDK's protobuf candidates: ``{"candidates": [{"finish_reason": 4, "safety_ratings": []}]}``)."""
    if "usage_metadata" in data or "prompt_feedback" in data:
        return True
    candidates = data.get("candidates")
    return (isinstance(candidates, list) and bool(candidates) and isinstance(candidates[0], Mapping)
            and "finish_reason" in candidates[0])


def _camel_gemini(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """A Gemini answer as google-genai's Python models dump it (snake_case: ``usage_metadata``, ``prompt_feedback.
    block_reason``, ``candidates[].finish_reason``; ADK logs it so: https://github.com/google/adk-python/issues/532) in
    the wire's camelCase names ``_gemini`` reads."""
    def renamed(value: Mapping[str, Any]) -> dict[str, Any]:
        return {_GEMINI_CAMEL.get(key, key): item for key, item in value.items()}

    camel = renamed(data)
    if isinstance(feedback := camel.get("promptFeedback"), Mapping):
        camel["promptFeedback"] = renamed(feedback)
    if isinstance(candidates := camel.get("candidates"), list):
        camel["candidates"] = [renamed(c) if isinstance(c, Mapping) else c for c in candidates]
    return camel


def _any_part(parts: object) -> bool:
    """Whether a Gemini candidate's ``parts`` hold anything: a part with any non-empty field (text, a call, inline
    data, a thought signature). Gemini 3.5 Flash answered STOP with ``"parts": [{}]`` and no generated token
    (https://github.com/googleapis/js-genai/issues/1769): nothing was delivered."""
    if not isinstance(parts, list):
        return bool(parts)
    return any(not isinstance(part, Mapping) or any(part.values()) for part in parts)


def _base_resp_failure(data: Mapping[str, Any]) -> SoftVerdict | None:
    """MiniMax's native API answers HTTP 200 with ``base_resp: {status_code, status_msg}``; a non-zero code is a
    failure, decided by the rules on its message. The code is kept (``base_resp_error``) so a message no rule
    reads ("unknown error") is the server's failure, not an empty answer."""
    base = data.get("base_resp")
    if not isinstance(base, Mapping):
        return None
    code = base.get("status_code")
    if not isinstance(code, int) or isinstance(code, bool) or code == 0:
        return None
    facts = _text_facts(str(base.get("status_msg") or f"status_code {code}"))
    facts.codes = frozenset({"base_resp_error"})
    return facts, None


def _envelope_failure(data: Mapping[str, Any]) -> SoftVerdict | None:
    """Error envelopes other APIs answer with HTTP 200, read by the rules on their code and message as an HTTP
    error's are: Baidu ERNIE/Qianfan's ``{error_code, error_msg}`` (https://ai.baidu.com/ai-doc/WENXINWORKSHOP/tlmyncueh)
    and Tencent Cloud API 3.0's ``{Response: {Error: {Code, Message}}}`` (https://tencentcloud.com/document/api/1131/45350).
    The ``reported_error`` code makes a message no rule reads the server's failure, not an empty answer."""
    code, message = data.get("error_code"), data.get("error_msg")
    if code is None and isinstance(data.get("msg"), str) and not data.get("choices") and data.get("code") != 200:
        # Qianfan's throttle answer, {"code": 336502, "msg": "Rate limit reached for TPM"} under HTTP 200
        # (https://ai.baidu.com/ai-doc/WENXINWORKSHOP/hlzic283e); a zero or 200 code is a success's envelope
        code, message = data.get("code"), data.get("msg")
    response = data.get("Response")
    if isinstance(response, Mapping) and isinstance(error := response.get("Error"), Mapping):
        code, message = error.get("Code"), error.get("Message")
    if not code or isinstance(code, bool) or not isinstance(code, int | str) or not isinstance(message, str):
        return None
    # Baidu's numeric codes are its own table's (110 is a bad token), never an HTTP status: kept as ``baidu:<code>``
    facts = facts_from_body({"code": code, "message": message} if isinstance(code, str) else {"message": message},
                            kind=ExcKind.soft)
    facts.codes = facts.codes | ({"reported_error", baidu_code(code)} if isinstance(code, int) else {"reported_error"})
    return facts, None


def _worker_failure(data: Mapping[str, Any]) -> SoftVerdict | None:
    """FastChat's worker stream line ``{"text": ..., "error_code": N}``, which its OpenAI-compatible server passes on
    as an event: a non-zero code (its ``ErrorCode`` table: 40303 context overflow, 50001 internal error, ...;
    https://github.com/lm-sys/FastChat/blob/main/fastchat/constants.py) is a failure, read by the rules on the
    exception the text ends with when it gives one (the banner before it is the same whatever failed)."""
    code, text = data.get("error_code"), data.get("text")
    if not isinstance(code, int) or isinstance(code, bool) or code == 0 or not isinstance(text, str) \
            or data.get("choices"):
        return None
    # a canned banner, a blank line, then the exception in brackets ("... PLEASE FIX YOUR INPUT AND TRY AGAIN.\n\n
    # (max_tokens must be at least 1, got -37938.)": https://github.com/lm-sys/FastChat/issues/3367)
    _, blank, cause = text.rstrip().rpartition("\n\n(")
    facts = _text_facts(cause[:-1] if blank and cause.endswith(")") else text)
    facts.codes = frozenset({"reported_error"})
    return facts, None


_WRAPPERS: Final = ("data", "result", "response")


def _wrapped_error(data: Mapping[str, Any], depth: int = 0) -> SoftVerdict | None:
    """An event that wraps its payload and reports a failure in it, one or two levels down (chat.z.ai's
    ``{"type": "chat:completion", "data": {"error": {"detail": ...}}}``, as reverse proxies relay it; grok.com's
    stream line ``{"result": {"response": {"error": {"message": "Stream aborted by server ..."}}}}``)."""
    for key in _WRAPPERS:
        inner = data.get(key)
        if not isinstance(inner, Mapping):
            continue
        if isinstance(error := inner.get("error"), Mapping) and error:
            return _from_error(inner, None)
        if depth == 0 and (found := _wrapped_error(inner, 1)) is not None:
            return found
    return None


# A dotted error code of a cloud API ("Throttling.AllocationQuota", "InvalidParameter.Model", "Arrearage.Overdue").
_ERROR_CODE: Final = re.compile(r"[A-Za-z]+(?:\.[A-Za-z]+)+")


def _is_error_object(data: Mapping[str, Any]) -> bool:
    """A bare error object: a message (or a gateway's ``details``) plus an error status code, a cloud API's dotted
    error code or an error type, and nothing else an answer has; or a message alone (Bedrock's 200 whose JSON is only
    ``{"message": "The model returned the following errors: ..."}``, through the Portkey gateway:
    https://github.com/Portkey-AI/gateway/issues/1142), which no answer is."""
    message = data.get("message")
    if not isinstance(message, str):
        message = data.get("details")  # a gateway's {"code": 500, "details": "..."} (FMS guardrails orchestrator)
        if not isinstance(message, str) or not isinstance(data.get("code"), int):
            return False
    code, kind = data.get("code"), data.get("type")
    if isinstance(code, str) and _ERROR_CODE.fullmatch(code) is not None:
        # a service's own error code beside the message (DashScope's stream error data: {"code":
        # "Throttling.AllocationQuota", "message": ..., "request_id": ...}); a success envelope's code is a number
        # or a word such as "ok"
        return True
    if isinstance(code, int) and not isinstance(code, bool) and (code >= 400 or code < 0):
        # a negative code is no success either: the {code, message, data} envelope of relays over web sessions
        # (deepseek-free-api's {"code": -2001, "message": "[请求deepseek失败]: Authorization Failed (invalid token)"})
        return True
    if isinstance(kind, str) and "error" in kind.lower():
        return True
    return bool(message.strip()) and not any(value for key, value in data.items() if key != "message")


def _text_facts(message: str) -> ErrorFacts:
    facts = ErrorFacts(None, None, ExcKind.soft)
    facts.set_text([message])
    return facts
