"""What an error's text embeds: an HTTP status, a provider's JSON, a service's error code.

Wrapping libraries and CLIs print the provider's answer inside their own message
("Error code: 400 - {'error': {...}}", "An error occurred (ThrottlingException) when calling
the InvokeModel operation: ...", "[429 Too Many Requests] ...", "status = StatusCode.PERMISSION_DENIED").
These helpers recover those facts so the rules can read them as if the answer had come over
HTTP. Each is cheap to call on text that embeds nothing (a substring test guards every regex),
and none raises.
"""

from __future__ import annotations

import ast
import json
import re
from typing import Final

__all__ = ["embedded_codes", "embedded_payload", "embedded_reset", "embedded_status"]

_DECODER: Final = json.JSONDecoder()
_LITERAL_LIMIT: Final = 3000  # longest Python-literal dict we evaluate (ast is the slow path)
_STATUS_RES: Final = (
    # "Error code: 400", "status code: 429", "Status: 404", "API Error: 529", "HTTP 503", "'status_code': 400"
    re.compile(r"(?:error code|status code|status_code'?|status|api error|http error|http|response code)"
               r"\W{0,4}([45]\d\d)\b", re.IGNORECASE),
    re.compile(r"^\W{0,3}([45]\d\d)\b"),  # "429 RESOURCE_EXHAUSTED ...", "422 Client Error: ..."
    re.compile(r"\[([45]\d\d)(?:\]| [A-Z])"),  # "[429 Too Many Requests]", "[429]:"
    re.compile(r"\b([45]\d\d) (?:Bad Request|Unauthorized|Payment Required|Forbidden|Not Found|Request Timeout|"
               r"Conflict|Unprocessable Entity|Too Many Requests|Internal Server Error|Bad Gateway|"
               r"Service Unavailable|Gateway Timeout)\b"),  # the reason phrase names the status
)
_EPOCH_RE: Final = re.compile(r"\|\s*(\d{10})\b")
_AWS_CODE_RE: Final = re.compile(r"error occurred \((\w+)\)", re.IGNORECASE)
_GRPC_CODE_RE: Final = re.compile(r"StatusCode\.(\w+)")
_EXCEPTION_TYPE_RE: Final = re.compile(r"exception-type'?\W{1,4}(\w+)", re.IGNORECASE)


def embedded_status(text: str) -> int | None:
    """The HTTP status a message states ("Error code: 429", "[503 Service Unavailable]"), if any."""
    for pattern in _STATUS_RES:
        match = pattern.search(text, 0, 600)
        if match:
            return int(match.group(1))
    return None


def embedded_codes(text: str) -> list[str]:
    """Service error codes a message names: AWS ``(ThrottlingException)``, gRPC ``StatusCode.X``."""
    found: list[str] = []
    if "rror occurred (" in text:
        found += _AWS_CODE_RE.findall(text, 0, 600)
    if "StatusCode." in text:
        found += _GRPC_CODE_RE.findall(text, 0, 600)
    if "xception-type" in text:
        found += _EXCEPTION_TYPE_RE.findall(text, 0, 2000)
    return [code.lower() for code in found]


def embedded_payload(text: str) -> object | None:
    """The first JSON object (or Python-literal dict) a message embeds after its own words, if any."""
    start = text.find("{")
    if start < 0:
        return None
    if text.find('"', start, start + 4) > 0:
        try:
            decoded: object = _DECODER.raw_decode(text, start)[0]
            return decoded
        except ValueError:
            pass
    end = text.rfind("}")
    if text.find("'", start, start + 4) > 0 and 0 < end - start < _LITERAL_LIMIT:
        try:
            literal: object = ast.literal_eval(text[start:end + 1])
            return literal
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            return None
    return None


def embedded_reset(text: str) -> str:
    """An epoch reset time appended after a ``|`` ("Claude AI usage limit reached|1760000400"), or ''."""
    match = _EPOCH_RE.search(text)
    return match.group(1) if match else ""
