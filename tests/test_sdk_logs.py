"""Behaviour of agent._sdk_logs: the SDKs' and HTTP libraries' DEBUG records never carry a key."""

from __future__ import annotations

import asyncio
import logging

import pytest
from pydantic import SecretStr

from agent._redact import fingerprint
from agent._sdk_logs import SDK_LOGGERS, redact_sdk_logs
from agent.conversation_loop import ChainEntry, ConversationLoop
from agent.credential_pool import Credential, CredentialPool
from agent.results import TurnResult
from agent.stores import MemoryStore
from agent.testing.emulator import Emulator

_EXTRA = "hdr-Extra-Zq7Wk3Yp5Hd1Mf8Jc2Ux"  # a key configured as an extra (per-request) header
_DEFAULT = "hdr-Default-4Lx9Tz2Vn7Bm3Kq6"  # ... as a client header
_BEARER = "hdr-Bearer-8Hq3Zr6TnQ7Wk3Yp5"  # ... as the Authorization header of a proxy in front
_POOL_KEY = "sk-proj-hdrPoolKey0Zq81Kw3Yp5Hd"


def _loop(emu: Emulator, api: str) -> ConversationLoop:
    base = emu.base_url("anthropic" if api == "anthropic-messages" else "openai")
    entry = ChainEntry(api=api, model="m", pool="p", base_url=base, timeout=5,  # type: ignore[arg-type]
                       extra_headers={"x-api-key": _EXTRA} if api == "anthropic-messages" else {"api-key": _EXTRA},
                       default_headers={"X-Proxy-Key": _DEFAULT, "Proxy-Authorization": f"Bearer {_BEARER}"})
    pool = CredentialPool("p", [Credential(id="k", secret=SecretStr(_POOL_KEY))], store=MemoryStore())
    return ConversationLoop([entry], {"p": pool}, hooks=())


def _printed(records: list[logging.LogRecord]) -> str:
    formatter = logging.Formatter("%(name)s %(message)s")
    return "\n".join(formatter.format(r) for r in records)


@pytest.mark.parametrize("api", ["openai-chat", "openai-responses", "anthropic-messages"])
def test_keys_in_headers_appear_in_no_debug_record(api: str, caplog: pytest.LogCaptureFixture) -> None:
    """Every logger at DEBUG, a turn of each kind (plain, streamed, async) with keys in extra and default headers:
    no record of the SDK, httpx or httpcore carries them (the Anthropic SDK logged its request options, extra
    headers included), and the SDKs did log (the check saw their records)."""
    caplog.set_level(logging.DEBUG)
    with Emulator("healthy") as emu:
        loop = _loop(emu, api)
        results = [loop.run("hi"), [e for e in loop.stream("hi") if isinstance(e, TurnResult)][-1],
                   asyncio.run(loop.arun("hi"))]
        sent = emu.log[-1].headers
    assert all(r.ok for r in results)
    assert fingerprint(_DEFAULT) in sent.values()  # the key did go out, in its header (the log keeps its fingerprint)
    printed = _printed(caplog.records)
    sdk = "anthropic" if api == "anthropic-messages" else "openai"
    assert any(r.name.startswith(sdk) for r in caplog.records), "the SDK logged nothing to check"
    for key in (_EXTRA, _DEFAULT, _BEARER, _POOL_KEY):
        assert key not in printed and key[4:-4] not in printed


def test_header_values_are_masked_by_name_even_when_not_registered(caplog: pytest.LogCaptureFixture) -> None:
    """A secret-named header whose value steadyloop was never given (a header the caller's own code adds) is masked
    in an SDK record by its name, in the shapes the libraries print: a mapping argument, a dict in the text, a
    list of byte pairs, an HTTP header line; other headers stay readable."""
    redact_sdk_logs()
    log = logging.getLogger("anthropic._base_client")
    caplog.set_level(logging.DEBUG, logger="anthropic._base_client")
    log.debug("Request options: %s", {"headers": {"x-api-key": "plain-Unregistered-1", "anthropic-beta": "b1"}})
    log.debug("headers=%s", [(b"authorization", b"Bearer plain-Unregistered-2"), (b"accept", b"application/json")])
    log.debug("sent 'Api-Key': 'plain-Unregistered-3' and 'x-title': 'My bot'")
    log.debug("Authorization: Basic plain-Unregistered-4\nAccept: */*")
    log.debug("Ocp-Apim-Subscription-Key: plain-Unregistered-5\nX-Title: other bot")  # Azure API Management's
    printed = _printed(caplog.records)
    assert "plain-Unregistered" not in printed
    assert "anthropic-beta': 'b1'" in printed and "application/json" in printed and "My bot" in printed
    assert "*/*" in printed and "other bot" in printed


def test_redaction_is_installed_once_and_changes_no_record_count(caplog: pytest.LogCaptureFixture) -> None:
    """Installed any number of times, each SDK logger has one redacting filter and a record is still one record
    (a filter that re-emitted records made a suite-wide caplog count two "Sending HTTP Request" lines)."""
    for _ in range(3):
        redact_sdk_logs()
    for name in SDK_LOGGERS:
        filters = [f for f in logging.getLogger(name).filters if type(f).__name__ == "RedactingFilter"]
        assert len(filters) == 1, name
    caplog.set_level(logging.DEBUG, logger="openai._base_client")
    logging.getLogger("openai._base_client").debug("Sending HTTP Request: %s %s", "POST", "http://x/v1")
    sending = [r for r in caplog.records if r.getMessage().startswith("Sending HTTP Request")]
    assert len(sending) == 1 and sending[0].args == ("POST", "http://x/v1")  # untouched: nothing to mask


def test_a_logged_traceback_is_redacted(caplog: pytest.LogCaptureFixture) -> None:
    """An SDK record with exc_info (the Anthropic SDK logs a timeout's traceback) prints its exception redacted."""
    from agent._redact import register_secret

    register_secret("exc-Registered-Zq7Wk3Yp5")
    redact_sdk_logs()
    caplog.set_level(logging.DEBUG, logger="anthropic._base_client")
    try:
        raise TimeoutError("timed out sending key exc-Registered-Zq7Wk3Yp5")
    except TimeoutError:
        logging.getLogger("anthropic._base_client").debug("Encountered httpx2.TimeoutException", exc_info=True)
    printed = _printed(caplog.records)
    assert "TimeoutError" in printed and "exc-Registered-Zq7Wk3Yp5" not in printed


