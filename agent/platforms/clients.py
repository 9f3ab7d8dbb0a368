"""The official SDK clients for each platform, built with ``max_retries=0`` over steadyloop's HTTP client.

- azure: ``openai.AzureOpenAI`` with ``azure_endpoint`` (the entry's ``base_url``), ``api_version``
  and the deployment named by the request's model (``/openai/deployments/{model}/...``); an
  ``api_key`` credential is sent as ``api-key``, an ``entra`` one as a bearer token from its
  static token or its ``azure_ad_token_provider``.
- bedrock: ``anthropic.AnthropicBedrock`` signs each request with SigV4 (botocore) from the
  credential's access key or profile, or sends a Bedrock API key as a bearer token.
- vertex: ``anthropic.AnthropicVertex`` with ``region`` and ``project_id``, authenticated by an
  access token, a credentials file, or application default credentials.

Secrets a client resolves itself (an AWS profile's keys) are registered for redaction here, and
botocore's logs (its signer's DEBUG records print the canonical request, session token included)
are redacted (``agent._sdk_logs``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from .._redact import register_secret
from .._sdk_logs import redact_sdk_logs
from .auth import AwsAuth, EntraAuth, GoogleAuth
from .extras import Platform, missing_extra

if TYPE_CHECKING:
    from ..chain import ClientOptions
    from ..credential_pool import Credential

__all__ = ["GOOGLE_FILE_TYPES", "azure_client", "bedrock_client", "google_file_type", "platform_client",
           "register_profile", "vertex_client"]

_CLOUD_SCOPE = "https://www.googleapis.com/auth/cloud-platform"
GOOGLE_FILE_TYPES: Final = ("service_account", "authorized_user")


def _http(timeout: float, asynchronous: bool, shared: Any = None) -> Any:
    """``shared``: the HTTP client the adapter's other keys use (None: a new one)."""
    if shared is not None:
        return shared
    from .._http import async_http_client, http_client

    return async_http_client(timeout) if asynchronous else http_client(timeout)


def _secret(credential: Credential) -> str | None:
    return credential.secret.get_secret_value() if credential.secret is not None else None


def _headers(options: ClientOptions) -> dict[str, str] | None:
    return dict(options.default_headers) or None


def azure_client(credential: Credential, base_url: str | None, timeout: float, asynchronous: bool,
                 options: ClientOptions, http: Any = None) -> Any:
    """``AzureOpenAI`` (or its async twin) for one credential of an Azure resource."""
    import openai

    auth: dict[str, Any]
    if credential.kind == "entra":
        entra = credential.auth
        auth = ({"azure_ad_token_provider": entra.token_provider()} if isinstance(entra, EntraAuth)
                else {"azure_ad_token": _secret(credential)})
    else:
        auth = {"api_key": _secret(credential)}
    common: dict[str, Any] = {**auth, "azure_endpoint": base_url, "api_version": options.api_version,
                              "max_retries": 0, "timeout": timeout, "default_headers": _headers(options),
                              "http_client": _http(timeout, asynchronous, http)}
    return (openai.AsyncAzureOpenAI if asynchronous else openai.AzureOpenAI)(**common)


def _aws(credential: Credential) -> dict[str, Any]:
    if credential.kind == "api_key":  # a Bedrock API key
        return {"api_key": _secret(credential)}
    aws = credential.auth
    assert isinstance(aws, AwsAuth)  # checked when the credential was made
    if aws.profile is not None:
        register_profile(aws.profile)
        return {"aws_profile": aws.profile}
    token = aws.session_token.get_secret_value() if aws.session_token is not None else None
    return {"aws_access_key": aws.access_key_id, "aws_secret_key": _secret(credential), "aws_session_token": token}


def register_profile(profile: str) -> None:
    """A profile's keys are resolved by botocore; redact them like configured ones (no network for static keys)."""
    import botocore.session  # type: ignore[import-untyped]

    found = botocore.session.Session(profile=profile).get_credentials()
    if found is not None:
        frozen = found.get_frozen_credentials()
        for value in (frozen.secret_key, frozen.token):
            if value:
                register_secret(value)


def bedrock_client(credential: Credential, base_url: str | None, timeout: float, asynchronous: bool,
                   options: ClientOptions, http: Any = None) -> Any:
    """``AnthropicBedrock`` (or its async twin): SigV4-signed requests to ``/model/{id}/invoke``."""
    _need("bedrock")
    import anthropic

    redact_sdk_logs()  # botocore.auth logs each canonical request at DEBUG, session token included
    common: dict[str, Any] = {**_aws(credential), "aws_region": options.region, "base_url": base_url,
                              "max_retries": 0, "timeout": timeout, "default_headers": _headers(options),
                              "http_client": _http(timeout, asynchronous, http)}
    return (anthropic.AsyncAnthropicBedrock if asynchronous else anthropic.AnthropicBedrock)(**common)


def _google(credential: Credential) -> dict[str, Any]:
    token = _secret(credential)
    if token is not None:
        return {"access_token": token}
    auth = credential.auth
    if isinstance(auth, GoogleAuth) and auth.credentials_file is not None:
        return {"credentials": _google_file(auth.credentials_file.expanduser())}
    return {}  # application default credentials, resolved by the SDK through google-auth


def _google_file(path: Path) -> Any:
    """Credentials from a service-account or authorized-user JSON (the two kinds ``GOOGLE_FILE_TYPES`` names)."""
    kind = google_file_type(path)
    if kind == "service_account":
        from google.oauth2 import service_account

        return service_account.Credentials.from_service_account_file(  # type: ignore[no-untyped-call]
            str(path), scopes=[_CLOUD_SCOPE])
    from google.oauth2 import credentials

    return credentials.Credentials.from_authorized_user_file(  # type: ignore[no-untyped-call]
        str(path), scopes=[_CLOUD_SCOPE])


def google_file_type(path: Path) -> str:
    """The ``type`` of a Google credentials JSON; ValueError naming the fix when it is not one steadyloop reads."""
    import json

    try:
        kind = json.loads(path.read_text(encoding="utf-8")).get("type")
    except (OSError, ValueError, AttributeError) as err:
        raise ValueError(f"{path} is not a readable Google credentials JSON ({type(err).__name__})") from None
    if kind not in GOOGLE_FILE_TYPES:
        raise ValueError(f"{path} has type {kind!r}; give a {' or '.join(GOOGLE_FILE_TYPES)} JSON, or point "
                         "$GOOGLE_APPLICATION_CREDENTIALS at it and remove credentials_file (application default "
                         "credentials read every type)")
    return str(kind)


def vertex_client(credential: Credential, base_url: str | None, timeout: float, asynchronous: bool,
                  options: ClientOptions, http: Any = None) -> Any:
    """``AnthropicVertex`` (or its async twin): ``...:rawPredict`` / ``:streamRawPredict`` of a project."""
    _need("vertex")
    import anthropic

    common: dict[str, Any] = {**_google(credential), "region": options.region, "project_id": options.project_id,
                              "base_url": base_url, "max_retries": 0, "timeout": timeout,
                              "default_headers": _headers(options), "http_client": _http(timeout, asynchronous, http)}
    return (anthropic.AsyncAnthropicVertex if asynchronous else anthropic.AnthropicVertex)(**common)


def _need(platform: Platform) -> None:
    problem = missing_extra(platform)
    if problem is not None:
        raise ImportError(problem)


def platform_client(credential: Credential, base_url: str | None, timeout: float, asynchronous: bool,
                    options: ClientOptions, http: Any = None) -> Any:
    """The client of ``options.platform`` for ``credential`` (over ``http``, the keys' shared HTTP client)."""
    build = {"azure": azure_client, "bedrock": bedrock_client, "vertex": vertex_client}[options.platform or ""]
    return build(credential, base_url, timeout, asynchronous, options, http)
