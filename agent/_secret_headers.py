"""Headers that carry secrets: which they are, registering their values, masking them in reprs and log text.

A key may be configured as a header rather than as a pool's key (``extra_headers = {x-api-key = "..."}`` for a
proxy in front of the provider, an ``Authorization`` of a gateway). Such values are secrets like any key:
``ChainEntry`` registers them when it is made (``register_headers``), so ``redact`` masks them everywhere; its repr
shows them masked (``masked_headers``); and the SDK log filter (``agent._sdk_logs``) masks the value of any
secret-named header in a record's text by its name, registered or not (``mask_header_values``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Final

from pydantic import SecretStr

from ._redact import register_secret

__all__ = ["is_secret_header", "mask_header_values", "masked_headers", "register_headers"]

# A header name naming a key, token, password, signature or cookie, or authorization (Proxy-Authorization too).
_SECRET_NAME: Final = re.compile(r"auth|api[-_]?key|subscription-key|(?:^|[-_])key$|token(?!s)|secret|passw|"
                                 r"signature|cookie|credential", re.IGNORECASE)
# The scheme word before an Authorization's credential ("Bearer abc"): the credential alone is registered too.
_SCHEME: Final = re.compile(r"^(?:bearer|basic|token|digest|apikey|key|sharedkey)\s+", re.IGNORECASE)
_MASK: Final = "[REDACTED]"
_NAME: Final = (r"[A-Za-z0-9_-]*(?:auth|api[-_]?key|subscription-key|token(?!s)|secret|passw|signature|cookie"
                r"|credential)[A-Za-z0-9_-]*")
# Header lines are read for the usual names only: unquoted, a word such as max_tokens may lead any text. (Azure API
# Management's Ocp-Apim-Subscription-Key among them: Azure AI Speech and Edge's read-aloud endpoint take it.)
_LINE_NAME: Final = (r"(?:proxy-)?authorization|x-api-key|api-key|x-goog-api-key|x-auth-token|(?:set-)?cookie"
                     r"|ocp-apim-subscription-key")
# A secret-named header's value as the libraries print it: a quoted key and value (a dict, a repr of byte pairs:
# ``'x-api-key': 'v'``, ``(b'authorization', b'Bearer v')``) or a header line (``Authorization: Bearer v``).
_QUOTED: Final = re.compile(
    rf"""(?P<head>b?(?P<q>['"])(?P<name>{_NAME})(?P=q)\s*[:,]\s*b?(?P<vq>['"]))(?P<value>(?:(?!(?P=vq)).)*)""",
    re.IGNORECASE)
_LINE: Final = re.compile(rf"(?P<head>(?:^|(?<=[\s;{{,]))(?P<name>{_LINE_NAME}):[ \t]*)(?P<value>[^\r\n]+)",
                          re.IGNORECASE | re.MULTILINE)


def is_secret_header(name: str) -> bool:
    """Whether a header of this name carries a secret (authorization, a key, a token, a cookie ...)."""
    return _SECRET_NAME.search(name) is not None


def register_headers(headers: Iterable[tuple[str, str]]) -> None:
    """Register the value of each secret-named header (an Authorization's credential also without its scheme)."""
    for name, value in headers:
        if is_secret_header(name):
            register_secret(value)
            register_secret(_SCHEME.sub("", value.strip()))


def masked_headers(headers: Mapping[str, str]) -> dict[str, str | SecretStr]:
    """``headers`` with each secret-named value as a ``SecretStr`` (what a repr shows: ``'**********'``)."""
    return {name: SecretStr(value) if is_secret_header(name) else value for name, value in headers.items()}


def mask_header_values(text: str) -> str:
    """``text`` with the value of every secret-named header masked, in the shapes the HTTP libraries print."""
    if not _SECRET_NAME.search(text):
        return text
    text = _QUOTED.sub(lambda m: m["head"] + _MASK, text)
    return _LINE.sub(lambda m: m["head"] + _MASK, text)
