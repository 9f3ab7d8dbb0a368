"""Credentials that are not one API key: AWS (Bedrock), Google (Vertex), Microsoft Entra ID (Azure).

Each is a frozen record that a ``Credential`` carries in ``auth``; the credential's ``secret``
holds the one secret it has, when it has one (the AWS secret access key, a Google access token,
a static Entra ID token), so that secret is redacted and state is keyed like any key. One without
a secret of its own (an AWS profile, Google application default credentials, a token command) is
named in state by ``identity``, a stable string that reveals nothing secret.

Exceptions::

    PlatformCredentialError     a token command failed or printed nothing (classified as auth)
"""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Final

from pydantic import BaseModel, ConfigDict, Field, SecretStr, model_validator

from .._redact import fingerprint, redact, register_secret

__all__ = ["AwsAuth", "CloudAuth", "EntraAuth", "GoogleAuth", "PlatformCredentialError", "TokenCommand"]

_COMMAND_TIMEOUT: Final = 30.0  # seconds a token command may run


class PlatformCredentialError(Exception):
    """A cloud credential could not produce a token (the message never holds one)."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class AwsAuth(_Frozen):
    """AWS credentials for SigV4: a named profile, or an access key id (the secret key is the credential's)."""

    profile: str | None = Field(None, description="a profile of ~/.aws/config (botocore resolves and refreshes it)")
    access_key_id: str | None = Field(None, description="AWS_ACCESS_KEY_ID; its secret is the credential's secret")
    session_token: SecretStr | None = Field(None, description="AWS_SESSION_TOKEN of temporary credentials")

    @model_validator(mode="after")
    def _one_way(self) -> AwsAuth:
        if (self.profile is None) == (self.access_key_id is None):
            raise ValueError("AWS credentials need a profile or an access key id (not both)")
        if self.session_token is not None:
            register_secret(self.session_token.get_secret_value())
        return self

    def identity(self) -> str:
        return f"aws-profile:{self.profile}" if self.profile else f"aws:{fingerprint(str(self.access_key_id))}"


class GoogleAuth(_Frozen):
    """Google credentials for Vertex: a credentials file, else application default credentials.

    A plain access token is the credential's secret instead (then this record has no file).
    """

    credentials_file: Path | None = Field(None, description="service-account or authorized-user JSON")

    def identity(self) -> str:
        return f"google-file:{self.credentials_file}" if self.credentials_file else "google:adc"


class EntraAuth(_Frozen):
    """Microsoft Entra ID for Azure OpenAI: a command that prints a token, or a Python token provider.

    A static token is the credential's secret instead.
    """

    command: tuple[str, ...] = Field((), description="argv printing an access token for "
                                                     "https://cognitiveservices.azure.com")
    refresh_seconds: float = Field(300.0, gt=0, le=3600, description="run the command again after this long")
    provider: Callable[[], str] | None = Field(None, exclude=True, description="azure_ad_token_provider (Python)")

    @model_validator(mode="after")
    def _one_way(self) -> EntraAuth:
        if bool(self.command) == (self.provider is not None):
            raise ValueError("Entra ID needs a token command or a token provider (not both)")
        return self

    def identity(self) -> str:
        if self.command:
            return "entra-command:" + " ".join(self.command)
        return "entra-provider:" + getattr(self.provider, "__qualname__", type(self.provider).__name__)

    def token_provider(self, clock: Callable[[], float] = time.monotonic) -> Callable[[], str]:
        """What the SDK calls before every request (``azure_ad_token_provider``); tokens are redacted."""
        if self.provider is not None:
            source = self.provider

            def registered() -> str:
                token = source()
                register_secret(token)
                return token

            return registered
        return TokenCommand(self.command, self.refresh_seconds, clock)


CloudAuth = AwsAuth | GoogleAuth | EntraAuth


class TokenCommand:
    """Runs a command for a token and reuses it for ``refresh_seconds`` (thread-safe)."""

    def __init__(self, command: tuple[str, ...], refresh_seconds: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._command, self._refresh, self._clock = command, refresh_seconds, clock
        self._lock = threading.Lock()
        self._token: str | None = None
        self._fetched = 0.0

    def __call__(self) -> str:
        with self._lock:
            if self._token is None or self._clock() - self._fetched >= self._refresh:
                self._token, self._fetched = self._run(), self._clock()
            return self._token

    def _run(self) -> str:
        name = self._command[0]
        try:
            done = subprocess.run(self._command, capture_output=True, text=True, timeout=_COMMAND_TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as err:
            raise PlatformCredentialError(f"the Entra ID token command {name!r} could not run "
                                          f"({type(err).__name__}); check token_command") from None
        token = done.stdout.strip()
        if done.returncode != 0 or not token:
            said = redact(done.stderr.strip().splitlines()[-1]) if done.stderr.strip() else "no output"
            raise PlatformCredentialError(f"the Entra ID token command {name!r} exited {done.returncode} without "
                                          f"a token ({said}); check token_command")
        register_secret(token)
        return token
