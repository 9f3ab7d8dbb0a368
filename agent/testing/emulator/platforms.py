"""The cloud hosts' own paths, authentication and error shapes: Azure OpenAI, AWS Bedrock, Google Vertex AI.

- Azure OpenAI: ``POST /openai/deployments/{deployment}/chat/completions?api-version=...`` and
  ``POST /openai/responses?api-version=...``; the key arrives as ``api-key`` (or an Entra ID
  bearer token). A missing api-version is a 404, an unknown one a 400 "API version not
  supported", an unknown deployment (when the scenario lists models) 404 ``DeploymentNotFound``.
- AWS Bedrock: ``POST /model/{id}/invoke`` and ``/model/{id}/invoke-with-response-stream`` signed
  with SigV4 (the key is the access key id of the ``Credential=`` scope) or a Bedrock API key;
  errors are ``{"message": ...}`` with the class in ``x-amzn-errortype``; streams are AWS event
  stream frames (``application/vnd.amazon.eventstream``) whose ``chunk`` events carry the
  Anthropic events base64-encoded.
- Google Vertex AI: ``POST /v1/projects/{p}/locations/{r}/publishers/anthropic/models/{m}:rawPredict``
  (``:streamRawPredict``) with a bearer access token; the platform's own refusals (auth, quota,
  permission) come in Google's ``{"error": {"code", "message", "status"}}`` shape, the model's
  own errors in Anthropic's envelope.

Facts from the public docs and from errors users pasted (sources in tests/corpus/hosted.jsonl):
Azure's 429 "Requests to the ChatCompletions_Create Operation under Azure OpenAI API version V
have exceeded call rate limit ... Please retry after N seconds" (langchain-ai/langchain#12986,
microsoft/PubSec-Info-Assistant#479), ``{"error":{"code":"BadRequest","message":"API version not
supported"}}`` (hotovo/aider-desk#460); Bedrock's ``x-amzn-ErrorType:
ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/`` with ``{"message":
"Too many tokens, please wait before trying again."}`` (aws-samples/amazon-bedrock-client-for-mac#99);
Vertex's "Quota exceeded for aiplatform.googleapis.com/online_prediction_requests_per_base_model"
(cline/cline#651).
"""

from __future__ import annotations

import base64
import json
import re
import struct
import zlib
from dataclasses import dataclass
from typing import Any, Final, Literal

from .scenario import Endpoint

__all__ = ["AZURE_API_VERSIONS", "GOOGLE_TOKEN_PATH", "Route", "azure_refusal", "eventstream", "google_token",
           "platform_error", "platform_key", "route"]

GOOGLE_TOKEN_PATH: Final = "/token"  # a service account's token_uri pointed at the emulator

Host = Literal["", "azure", "bedrock", "vertex"]

# api-versions the emulated Azure accepts (GA and preview versions of the data-plane inference API)
AZURE_API_VERSIONS: Final = frozenset({
    "2023-05-15", "2024-02-01", "2024-06-01", "2024-10-21", "2024-02-15-preview", "2024-05-01-preview",
    "2024-08-01-preview", "2024-10-01-preview", "2024-12-01-preview", "2025-01-01-preview", "2025-03-01-preview",
    "2025-04-01-preview", "preview", "latest", "v1",
})

_AZURE_CHAT: Final = re.compile(r"^/openai/deployments/(?P<model>[^/]+)/chat/completions$")
_BEDROCK: Final = re.compile(r"^/model/(?P<model>[^/]+)/(?P<op>invoke|invoke-with-response-stream)$")
_VERTEX: Final = re.compile(r"^/v1/projects/(?P<project>[^/]+)/locations/(?P<region>[^/]+)/publishers/anthropic/"
                            r"models/(?P<model>[^/:]+):(?P<op>rawPredict|streamRawPredict)$")
_SIGV4_SCOPE: Final = re.compile(r"Credential=(?P<akid>[A-Z0-9]+)/\d{8}/(?P<region>[a-z0-9-]+)/(?P<service>[a-z-]+)/")
_AMZN_TYPE: Final = "{}:http://internal.amazon.com/coral/com.amazon.bedrock/"


@dataclass(frozen=True, slots=True)
class Route:
    """Where a request went: the wire protocol, the host, and what the path says."""

    endpoint: Endpoint
    host: Host = ""
    model: str = ""  # from the path (Azure deployment, Bedrock model id, Vertex model); "": the body's
    streamed: bool | None = None  # from the path (Bedrock); None: the body's "stream"
    api_version: str | None = None  # Azure's api-version query parameter


def _query(path: str) -> dict[str, str]:
    from urllib.parse import parse_qsl

    return dict(parse_qsl(path.partition("?")[2]))


def route(path: str, plain: dict[str, Endpoint]) -> Route | None:
    """The route of a POST to ``path``, or None for an unknown path."""
    from urllib.parse import unquote

    bare = path.split("?", 1)[0]
    if bare in plain:
        return Route(plain[bare])
    if (m := _AZURE_CHAT.match(bare)) is not None:
        return Route("chat", "azure", unquote(m["model"]), api_version=_query(path).get("api-version"))
    if bare == "/openai/responses":
        return Route("responses", "azure", api_version=_query(path).get("api-version"))
    if (m := _BEDROCK.match(bare)) is not None:
        return Route("messages", "bedrock", unquote(m["model"]), m["op"] == "invoke-with-response-stream")
    if (m := _VERTEX.match(bare)) is not None:
        return Route("messages", "vertex", unquote(m["model"]), m["op"] == "streamRawPredict")
    return None


def platform_key(host: Host, headers: dict[str, str]) -> str | None:
    """The key a cloud request authenticates with (None: not a cloud request)."""
    auth = headers.get("authorization", "")
    bearer = auth[7:].strip() if auth.lower().startswith("bearer ") else ""
    if host == "azure":
        return headers.get("api-key") or bearer
    if host == "bedrock":
        scope = _SIGV4_SCOPE.search(auth) if auth.startswith("AWS4-HMAC-SHA256 ") else None
        return scope["akid"] if scope and scope["service"] == "bedrock" else bearer
    if host == "vertex":
        return bearer
    return None


def azure_refusal(r: Route, deployments: frozenset[str]) -> tuple[int, dict[str, Any]] | None:
    """Azure's answer to a request it will not route (api-version, deployment), else None."""
    if r.api_version is None:
        return 404, {"error": {"code": "404", "message": "Resource not found"}}
    if r.api_version not in AZURE_API_VERSIONS:
        return 400, {"error": {"code": "BadRequest", "message": "API version not supported"}}
    if deployments and r.model and r.model not in deployments:
        return 404, {"error": {"code": "DeploymentNotFound", "message": (
            "The API deployment for this resource does not exist. If you created the deployment within the last 5 "
            "minutes, please wait a moment and try again.")}}
    return None


def google_token(form: bytes) -> tuple[int, dict[str, Any]]:
    """Google's OAuth token endpoint for a service account's signed JWT (RFC 7523): the access token names its
    issuer (``ya29.emulated.<client_email>``), so a test sees which credential signed. The signature is not checked."""
    from urllib.parse import parse_qs

    fields = parse_qs(form.decode("ascii", "replace"))
    assertion = (fields.get("assertion") or [""])[0]
    try:
        payload = assertion.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        issuer = str(claims["iss"])
    except (IndexError, KeyError, TypeError, ValueError):
        return 400, {"error": "invalid_grant", "error_description": "Invalid JWT Signature."}
    return 200, {"access_token": f"ya29.emulated.{issuer}", "expires_in": 3600, "token_type": "Bearer"}


# ------------------------------------------------------------------ errors in each host's own shape

_BEDROCK_TYPES: Final = {400: "ValidationException", 401: "UnrecognizedClientException", 403: "AccessDeniedException",
                         404: "ResourceNotFoundException", 408: "ModelTimeoutException", 424: "ModelErrorException",
                         429: "ThrottlingException", 500: "InternalServerException",
                         503: "ServiceUnavailableException", 529: "ServiceUnavailableException"}
_GOOGLE_STATUS: Final = {400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 403: "PERMISSION_DENIED", 404: "NOT_FOUND",
                         429: "RESOURCE_EXHAUSTED", 500: "INTERNAL", 503: "UNAVAILABLE"}


def _message(body: Any) -> str:
    if isinstance(body, dict):
        inner = body.get("error")
        if isinstance(inner, dict) and isinstance(inner.get("message"), str):
            return str(inner["message"])
        if isinstance(body.get("message"), str):
            return str(body["message"])
    return body if isinstance(body, str) else json.dumps(body)


def platform_error(host: Host, cause: str, status: int, body: Any, headers: dict[str, str],
                   model: str, api_version: str | None) -> tuple[int, Any, dict[str, str]]:
    """An error the emulator decided, as this host sends it (scripted rules are sent as written)."""
    if host == "bedrock":
        return _bedrock_error(cause, status, body, headers)
    if host == "vertex" and cause in ("auth", "rate_window", "entitlement", "quota"):
        return _vertex_error(cause, status, body, headers, model)
    if host == "azure" and cause in ("auth", "rate_window"):
        return _azure_error(cause, status, body, headers, api_version)
    return status, body, headers


def _bedrock_error(cause: str, status: int, body: Any, headers: dict[str, str]) -> tuple[int, Any, dict[str, str]]:
    if any(k.lower() == "x-amzn-errortype" for k in headers):
        return status, body, headers  # already in Bedrock's shape
    special = {
        "auth": (403, "UnrecognizedClientException", "The security token included in the request is invalid."),
        "rate_window": (429, "ThrottlingException", "Too many requests, please wait before trying again."),
        "quota": (429, "ThrottlingException", "Too many tokens, please wait before trying again."),
        "entitlement": (403, "AccessDeniedException",
                        "You don't have access to the model with the specified model ID."),
    }
    status, kind, message = special.get(cause, (status, _BEDROCK_TYPES.get(status, "InternalServerException"),
                                                _message(body)))
    kept = {k: v for k, v in headers.items() if k.lower() == "retry-after"}
    return status, {"message": message}, {**kept, "x-amzn-errortype": _AMZN_TYPE.format(kind)}


def _vertex_error(cause: str, status: int, body: Any, headers: dict[str, str],
                  model: str) -> tuple[int, Any, dict[str, str]]:
    if cause == "auth":
        status, message = 401, ("Request had invalid authentication credentials. Expected OAuth 2 access token, "
                                "login cookie or other valid authentication credential.")
    elif cause == "entitlement":
        status, message = 404, (f"Publisher Model `projects/emulated/locations/emulated/publishers/anthropic/models/"
                                f"{model}` was not found or your project does not have access to it.")
    else:
        status, message = 429, ("Quota exceeded for aiplatform.googleapis.com/online_prediction_requests_per_base_"
                                f"model with base model: anthropic-{model}. Please submit a quota increase request.")
    envelope = {"error": {"code": status, "message": message, "status": _GOOGLE_STATUS[status]}}
    return status, envelope, {k: v for k, v in headers.items() if k.lower() == "retry-after"}


def _azure_error(cause: str, status: int, body: Any, headers: dict[str, str],
                 api_version: str | None) -> tuple[int, Any, dict[str, str]]:
    if cause == "auth":
        return 401, {"error": {"code": "401", "message": (
            "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key "
            "for an active subscription and use a correct regional API endpoint for your resource.")}}, {}
    wait = headers.get("retry-after", "1")
    return 429, {"error": {"code": "429", "message": (
        f"Requests to the ChatCompletions_Create Operation under Azure OpenAI API version {api_version} have "
        f"exceeded call rate limit of your current OpenAI S0 pricing tier. Please retry after {wait} seconds. "
        "Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate "
        "limit.")}}, {"retry-after": wait}


# ------------------------------------------------------------------ AWS event stream (Bedrock streams)


def _header(name: str, value: str) -> bytes:
    raw_name, raw_value = name.encode(), value.encode()
    return bytes([len(raw_name)]) + raw_name + b"\x07" + struct.pack(">H", len(raw_value)) + raw_value


def _message_frame(headers: dict[str, str], payload: bytes) -> bytes:
    """One AWS event stream message: prelude (lengths + CRC), headers, payload, message CRC."""
    head = b"".join(_header(k, v) for k, v in headers.items())
    total = 12 + len(head) + len(payload) + 4
    prelude = struct.pack(">II", total, len(head))
    prelude += struct.pack(">I", zlib.crc32(prelude))
    body = prelude + head + payload
    return body + struct.pack(">I", zlib.crc32(body))


def _stream_exception(error_type: str) -> str:
    """Bedrock's mid-stream exception name for an Anthropic error type (an AWS name is kept)."""
    if error_type.endswith("Exception"):
        return error_type
    return {"overloaded_error": "serviceUnavailableException", "rate_limit_error": "throttlingException",
            "invalid_request_error": "validationException"}.get(error_type, "internalServerException")


def eventstream(sse: bytes) -> bytes:
    """SSE frames (one or more ``event:``/``data:`` blocks) as Bedrock's event stream messages.

    An Anthropic ``error`` event becomes an exception message, as Bedrock sends a failure mid-stream.
    """
    out = b""
    for block in sse.split(b"\n\n"):
        data = b"".join(line[6:] for line in block.split(b"\n") if line.startswith(b"data: "))
        if not data:
            continue
        try:
            event = json.loads(data)
        except ValueError:
            event = None
        if isinstance(event, dict) and event.get("type") == "error" and isinstance(event.get("error"), dict):
            kind = _stream_exception(str(event["error"].get("type", "")))
            out += _message_frame({":message-type": "exception", ":exception-type": kind,
                                   ":content-type": "application/json"},
                                  json.dumps({"message": event["error"].get("message", "")}).encode())
            continue
        chunk = json.dumps({"bytes": base64.b64encode(data).decode()}).encode()
        out += _message_frame({":event-type": "chunk", ":content-type": "application/json",
                               ":message-type": "event"}, chunk)
    return out
