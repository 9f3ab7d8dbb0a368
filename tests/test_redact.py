"""Behaviour of agent._redact: secrets never leave in messages."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent._redact import _MASK, _SECRET_RE, _mask_shapes, fingerprint, redact, register_secret


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


_SHAPE_PIECES = ("sk-", "sk-ant-", "sk-proj-", "sk-or-v1-", "AIza", "xai-", "gsk_", "Bearer ", "Basic  ", "key=",
                 "api_key=", "access_token=", "token=", "?", "&", " ", "abcdefgh", "ABCD1234", "_-", "*", "'", '"',
                 "\n", "é", "=", "0123456789012345678901", "://", "@", ":", "api-key=", "apikey=", "bearer ", "/")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SHAPE_PIECES), max_size=16).map("".join))
def test_masking_only_where_a_secret_can_start_equals_the_one_pass_pattern(text: str) -> None:
    """Trying the secret pattern only at its literal starts masks exactly what one ``sub`` over the text does."""
    assert _mask_shapes(text) == _SECRET_RE.sub(_MASK, text)


def test_fingerprint_is_stable_and_not_the_secret() -> None:
    """Fingerprints identify a key without revealing it."""
    assert fingerprint("sk-abc") == fingerprint("sk-abc") != fingerprint("sk-abd")
    assert "abc" not in fingerprint("sk-abc")


# ------------------------------------------------------------------ a registered key in another form

_ODD_KEY = "Rt7Wq2Xz9Lp4/Vn8+Kc3Hd6==Tb5Ym1"  # base64-like, as AWS secrets and some gateways' keys are


@pytest.mark.parametrize(("form", "text"), [
    ("percent-encoded", "GET /v1/models?k=Rt7Wq2Xz9Lp4%2FVn8%2BKc3Hd6%3D%3DTb5Ym1 refused"),
    ("percent-encoded, lower-case hex", "refused: Rt7Wq2Xz9Lp4%2fVn8%2bKc3Hd6%3d%3dTb5Ym1"),
    ("JSON-escaped solidus", '{"detail": "bad key Rt7Wq2Xz9Lp4\\/Vn8+Kc3Hd6==Tb5Ym1"}'),
    ("lower-cased", "invalid api key rt7wq2xz9lp4/vn8+kc3hd6==tb5ym1"),
    ("upper-cased", "INVALID API KEY RT7WQ2XZ9LP4/VN8+KC3HD6==TB5YM1"),
    ("split by a line break", "key Rt7Wq2Xz9Lp4/Vn8+\nKc3Hd6==Tb5Ym1 refused"),
    ("split by spaces", "key Rt7Wq2Xz9Lp4 /Vn8+Kc3Hd6== Tb5Ym1 refused"),
])
def test_a_registered_key_in_another_form_is_masked(form: str, text: str) -> None:
    """A provider or proxy that echoes the key percent-encoded, JSON-escaped, in another case or wrapped across
    lines echoes it all the same: every form is masked (before, only the key as configured was)."""
    register_secret(_ODD_KEY)
    out = redact(text).lower()
    assert "rt7wq2xz9lp4" not in out and "tb5ym1" not in out, (form, out)
    assert _MASK.lower() in out


def test_a_key_cut_at_the_end_of_the_scanned_text_is_not_pulled_into_view() -> None:
    """Only the first ``2 * limit`` characters were scanned: when many echoes before it shrank to [REDACTED], a
    key cut at that edge moved into the kept text with its first half unmasked."""
    key = "c0ffee1234abcd5678ef9012ba3456dc"  # hex, no provider shape: only the registry knows it
    register_secret(key)
    text = (key + " ") * 30 + key  # the 31st echo straddles character 1,000
    out = redact(text)
    assert key[:12] not in out and "c0ffee" not in out, out


def test_masked_forms_are_found_in_linear_time() -> None:
    """The masked-form pattern tried, from every position of a long run of key characters, to reach a mask
    ("abc...", "***"): a base64 blob beside a lone "*" took 1.2 s per JSON log line (limit 2,000)."""
    import base64
    import time

    register_secret("Qm3Zt8Lw2Rx7Nv5Kp9Hs")
    blob = base64.b64encode(bytes(range(256)) * 12).decode().replace("+", "A").replace("/", "B")
    for text, limit in (("see * here: " + blob, 2000), (blob[:990] + " ** ", 500), ("a" * 3999 + "*", 4000)):
        started = time.perf_counter()
        redact(text, limit)
        assert time.perf_counter() - started < 0.1, (text[:20], limit)
    assert redact("Incorrect API key provided: Qm3Z****9Hs. Bye") == "Incorrect API key provided: [REDACTED]. Bye"
    assert redact("Jq7...Vw2 and x*** y") == "Jq7...Vw2 and x*** y"  # no registered key's ends: kept


@pytest.mark.parametrize("text", [
    "POST https://svc.example/v1/chat?api-key=Lk9Pq2Wz7Xc4Vb8N failed",  # Azure's query parameter
    "GET https://svc.example/v1/models?apikey=Lk9Pq2Wz7Xc4Vb8N",
    "GET https://svc.example/v1/models?foo=1&token=Lk9Pq2Wz7Xc4Vb8N",
    "connect https://admin:Lk9Pq2Wz7Xc4Vb8N@svc.example/v1 refused",  # user-info in a URL
    "authorization: bearer Lk9Pq2Wz7Xc4Vb8N",  # HTTP auth schemes are case-insensitive
    # query parameters in any letter case: Azure API Management's subscription key (as a TTS server's aiohttp error
    # echoed Edge's endpoint: https://github.com/travisvn/openai-edge-tts/issues/44), a key in capitals, the
    # signatures of presigned URLs (AWS's, Azure storage's SAS)
    "wss://svc.example/tts/websocket/v1?Ocp-Apim-Subscription-Key=Lk9Pq2Wz7Xc4Vb8N&ConnectionId=c9b4",
    "GET https://svc.example/v1/models?subscription-key=Lk9Pq2Wz7Xc4Vb8N",
    "GET https://svc.example/v1/models?API-KEY=Lk9Pq2Wz7Xc4Vb8N",
    "GET https://bucket.s3.example/k?X-Amz-Credential=AKIA%2F2026&X-Amz-Signature=Lk9Pq2Wz7Xc4Vb8N",
    "PUT https://acct.blob.example/c/f?sv=2021-08-06&sig=Lk9Pq2Wz7Xc4Vb8N%3D",
    # a key header echoed with its value, in any letter case (a proxy's dump of the request's headers)
    "upstream refused; headers={'api-key': 'Lk9Pq2Wz7Xc4Vb8N', 'accept': 'application/json'}",
    "Ocp-Apim-Subscription-Key: Lk9Pq2Wz7Xc4Vb8N",
    '{"X-API-KEY": "Lk9Pq2Wz7Xc4Vb8N"}',
    # GitHub's tokens (a Copilot bridge's sign-in) and Hugging Face's
    "token exchange failed for ghu_Lk9Pq2Wz7Xc4Vb8NAbCdEfGh",
    "401 for github_pat_11ABCDEFG0_Lk9Pq2Wz7Xc4Vb8N",
    "Invalid credentials in Authorization header (hf_Lk9Pq2Wz7Xc4Vb8NAbCdEfGhIj)",
])
def test_unregistered_secrets_in_urls_and_headers_are_masked(text: str) -> None:
    """Secret-shaped parts no key registered: a URL's user-info password and its key, token, subscription-key and
    signature parameters (Azure's ``api-key``, ``apikey``, ``Ocp-Apim-Subscription-Key``, ``token``, ``sig``), a
    lower-case ``bearer`` value."""
    assert "Lk9Pq2Wz7Xc4Vb8N" not in redact(text), redact(text)


@pytest.mark.parametrize("text", [
    "GET https://svc.example/v1/models?monkey=Lk9Pq2Wz7Xc4Vb8N&keys=2",  # a name that only ends in "key"
    "a&b=1 and token budget=Lk9Pq2Wz7Xc4Vb8N",  # no parameter right after the mark
    "GET https://svc.example/v1/models?signature_version=Lk9Pq2Wz7Xc4Vb8N",
    "the api-key header is missing; set it to Lk9Pq2Wz7Xc4Vb8N",  # a header named, no value after it
    "shelf_Lk9Pq2Wz7Xc4Vb8NAbCdEfGh and high_Lk9Pq2Wz7Xc4Vb8N",  # no token prefix at a word's start
])
def test_parameters_headers_and_words_that_are_no_secret_are_kept(text: str) -> None:
    """Only a whole secret parameter name right after ``?`` or ``&`` is masked, a key header's value only right
    after it, a token only from its prefix at a word's start."""
    assert redact(text) == text


def test_a_classified_error_echoing_a_subscription_key_in_its_url_does_not_carry_it() -> None:
    """The corpus's real text (https://github.com/travisvn/openai-edge-tts/issues/44): the classifier's result, its
    message and its repr, hold no part of the key the URL echoed."""
    from agent.error_classifier import classify_api_error
    from agent.testing.sdk_errors import exception_from_message

    key = "6A5AA1D4EAFF4E9FB37E23D68491D6F4"
    text = ("ERROR in server: Error in text_to_speech: 401, message='Invalid response status', "
            f"url='wss://api.msedgeservices.com/tts/cognitiveservices/websocket/v1?Ocp-Apim-Subscription-Key={key}"
            "&ConnectionId=c9b4c13527ac44b6965aee15365d0c63'")
    result = classify_api_error(exception_from_message("Error", text))
    assert key[:8] not in (result.message or "") and key[:8] not in repr(result)
    assert "[REDACTED]" in (result.message or "")


# ------------------------------------------------------------------ the canary: every channel, every failure kind

CANARIES = {  # (how configured, the key): sk-shaped and not
    "inline-sk": "sk-proj-CanaryInline7Qx2Lm9Vb4Nw8Rt",
    "key_env": "canary-env-Zq7Wk3Yp5Hd1Mf8Jc2Ux",
    "key_file": "AQ.Canary.File-4Lx9Tz2Vn7Bm3Kq6",
    "inline-hex": "c4a7e1f0b2d94e6aa8c3f5b7d9e1c2a4",
}
REDIS_PASSWORD = "redis-Canary-Pw-8Hq3Zr6Tn"
ECHO = "Incorrect API key provided: {masked}. The key {key} was refused."
KINDS = [  # (name, rule): every failure kind, each echoing the key the request carried; auth last, so the
    # shared state that pool list and Redis show holds its echo
    ("forbidden_403", {"respond": "error", "status": 403, "body": {"error": {"message": ECHO}}}),
    ("rate_limit_429", {"respond": "error", "status": 429, "body": {"error": {"message": ECHO,
                                                                              "code": "rate_limit_exceeded"}}}),
    ("quota_429", {"respond": "error", "status": 429, "body": {"error": {"message": ECHO,
                                                                         "code": "insufficient_quota"}}}),
    ("invalid_400", {"respond": "error", "status": 400, "body": {"error": {"message": ECHO,
                                                                           "type": "invalid_request_error"}}}),
    ("context_400", {"respond": "error", "status": 400, "body": {"error": {
        "message": "maximum context length is 10 tokens; " + ECHO, "code": "context_length_exceeded"}}}),
    ("server_500", {"respond": "error", "status": 500, "body": {"error": {"message": ECHO}}}),
    ("overloaded_529", {"respond": "error", "status": 529, "body": {"type": "error", "error": {
        "type": "overloaded_error", "message": ECHO}}}),
    ("plain_text_502", {"respond": "error", "status": 502, "body": "Bad gateway: " + ECHO}),
    ("soft_failed", {"respond": "soft", "soft": "failed", "error_code": "usage_limit_reached", "message": ECHO}),
    ("stream_error", {"respond": "stream_error", "message": ECHO, "error_type": "overloaded_error"}),
    ("auth_401", {"respond": "error", "status": 401, "body": {"error": {"message": ECHO, "code": "invalid_api_key",
                                                                         "type": "invalid_request_error"}}}),
]


_EVERY_API = ("auth_401", "overloaded_529", "plain_text_502", "stream_error")


def _config(tmp_path: Any, emu: Any, api: str, backend: str) -> Any:
    keyfile = tmp_path / "key.txt"
    keyfile.write_text(CANARIES["key_file"] + "\n")
    base = emu.base_url("anthropic" if api == "anthropic-messages" else "openai")
    state = (f'backend = "sqlite"\npath = "{tmp_path / "state.db"}"' if backend == "sqlite"
             else 'backend = "redis"\nurl_env = "CANARY_REDIS_URL"\nprefix = "canary:"')
    creds = (f'[[pools.main.credentials]]\nid = "inline-sk"\nkey = "{CANARIES["inline-sk"]}"\n'
             '[[pools.main.credentials]]\nid = "env"\nkey_env = "CANARY_KEY"\n'
             f'[[pools.main.credentials]]\nid = "file"\nkey_file = "{keyfile}"\n'
             f'[[pools.main.credentials]]\nkey = "{CANARIES["inline-hex"]}"\n')  # no id: a fingerprint
    path = tmp_path / f"steadyloop-{backend}.toml"
    path.write_text(f'[state]\n{state}\n[pools.main]\n{creds}[[chain]]\napi = "{api}"\nmodel = "m"\npool = "main"\n'
                    f'base_url = "{base}"\ntimeout = 5\n[loop]\nmax_attempts = 5\ndeadline_seconds = 10\n'
                    'max_wait_seconds = 0.05\nbackoff_base = 0.01\ntransient_400_base = 0.01\nbackoff_cap = 0.02\n')
    return path


def _needles() -> dict[str, list[str]]:
    """What a leak looks like: the secret, the masked form the emulator prints, and its middle."""
    secrets = {**CANARIES, "redis-password": REDIS_PASSWORD}
    return {name: [s, s[:8] + "*" * 20 + s[-4:], s[4:-4]] for name, s in secrets.items()}


def _redis_dump(url: str) -> str:
    import redis

    client = redis.Redis.from_url(url)
    parts = []
    for key in client.scan_iter("canary:*"):
        kind = client.type(key).decode()
        value: Any = {"hash": client.hgetall, "string": client.get, "zset": lambda k: client.zrange(k, 0, -1),
                      "set": client.smembers, "list": lambda k: client.lrange(k, 0, -1)}[kind](key)
        parts.append(f"{key!r}={value!r}")
    return "\n".join(parts)


def test_canary_keys_echoed_by_the_provider_never_leave_the_process(
        tmp_path: Any, redis_url: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Every failure kind echoing keys of four shapes (inline, key_env, key_file; sk-shaped and not) and the Redis
    password: 0 hits in attempts, TurnResult JSON and repr, events, last_status, run --json, pool list --json,
    DEBUG logs, the SQLite file and Redis values (Redis and the CLI on openai-chat, the rest on all three APIs)."""
    import io
    import json
    import logging

    import redis

    from agent.cli import main
    from agent.config import build_loop, load_config
    from agent.results import TurnResult
    from agent.testing.emulator import Emulator, Scenario

    admin = redis.Redis.from_url(redis_url)
    admin.execute_command("ACL", "SETUSER", "canary", "on", f">{REDIS_PASSWORD}", "~*", "&*", "+@all")
    authed = redis_url.replace("redis://", f"redis://canary:{REDIS_PASSWORD}@")
    monkeypatch.setenv("CANARY_KEY", CANARIES["key_env"])
    monkeypatch.setenv("CANARY_REDIS_URL", authed)
    caplog.set_level(logging.DEBUG)
    channels: dict[str, list[str]] = {c: [] for c in (
        "attempt records", "TurnResult JSON", "TurnResult repr", "events", "last_status()", "run --json",
        "pool list --json", "DEBUG logs", "SQLite file", "Redis values")}
    for api in ("openai-chat", "openai-responses", "anthropic-messages"):
        for name, rule in KINDS:
            soft = name == "soft_failed"
            if (soft and api != "openai-responses") or (not soft and api != "openai-chat" and name not in _EVERY_API):
                continue  # every kind on openai-chat (soft failures on Responses); the others on their own paths
            with Emulator(Scenario.model_validate({"rules": [rule]})) as emu:
                for backend in ("sqlite", "redis") if api == "openai-chat" else ("sqlite",):
                    events: list[Any] = []
                    config = load_config(_config(tmp_path, emu, api, backend))
                    loop = build_loop(config, hooks=(events.append,))
                    for p in loop.pools.values():
                        p.reset()  # every key usable again; the state this kind leaves stays for pool list
                    if name == "stream_error":
                        result = [e for e in loop.stream("hi") if isinstance(e, TurnResult)][-1]
                    else:
                        result = loop.run("hi")
                    assert not result.ok, (api, name)
                    channels["attempt records"].append(json.dumps([a.model_dump() for a in result.attempts]))
                    channels["TurnResult JSON"].append(result.model_dump_json())
                    channels["TurnResult repr"].append(repr(result) + str(result))
                    channels["events"].append(repr(events))
                    channels["last_status()"].append(json.dumps(result.last_status()))
                if api == "openai-chat" and name in _EVERY_API:  # the CLI adds its own paths (logging, JSON dump)
                    out = io.StringIO()
                    main(["-v", "-v", "run", "hi", "--json", "--config",
                          str(_config(tmp_path, emu, api, "sqlite"))], out=out)
                    channels["run --json"].append(out.getvalue())
    for backend in ("sqlite", "redis"):
        out = io.StringIO()
        main(["pool", "list", "--json", "--config", str(tmp_path / f"steadyloop-{backend}.toml")], out=out)
        channels["pool list --json"].append(out.getvalue())
    channels["DEBUG logs"] = [r.getMessage() + (logging.Formatter().formatException(r.exc_info) if r.exc_info else "")
                              for r in caplog.records]
    channels["SQLite file"] = [p.read_bytes().decode("latin-1") for p in tmp_path.glob("state.db*")]
    channels["Redis values"] = [_redis_dump(redis_url)]
    needles = _needles()
    hits = {channel: sum(text.count(n) for text in texts for ns in needles.values() for n in ns)
            for channel, texts in channels.items()}
    with capsys.disabled():
        print("\n\ncanary: 4 keys (inline sk-, key_env, key_file, inline hex) + Redis password, "
              f"{len(KINDS)} failure kinds x 3 APIs")
        print(f"{'channel':<20} {'hits':>5}  (searched: {sum(len(t) for t in channels.values())} texts)")
        for channel, count in hits.items():
            print(f"{channel:<20} {count:>5}")
    assert all(len(texts) > 0 and any(texts) for texts in channels.values()), "a channel was not exercised"
    assert hits == dict.fromkeys(channels, 0)


# ------------------------------------------------------------------ the canary for cloud credentials

CLOUD_CANARIES = {  # secrets of the cloud kinds; the AWS ones are the documentation's example shapes
    "aws-secret-env": "wJalrXUtnFEMI/K7MDENG/CanaryEnvKeyZq7Wk3Yp5Hd",
    "aws-session-token": "IQoJb3JpZ2luX2VjECanarySessionToken8Hq3Zr6TnLx9",
    "aws-secret-profile": "je7MtGbClwBF/2Zp9Utk/CanaryProfileKey4Lx9Tz2",
    "vertex-token": "ya29.a0Canary-Vertex-Access-Token-Mf8Jc2Ux",
    "entra-token": "eyJ0eXAiOiJKV1QiCanary.Entra-Token-Q7Wk3Yp5",
    "azure-key": "c4a7e1f0b2d94e6aCanaryAzureKey9e1c2a4",
}
_CLOUD_KINDS = [("forbidden_403", 403), ("rate_limit_429", 429), ("server_500", 500)]


def _cloud_setups(emu: Any, tmp_path: Any) -> dict[str, tuple[dict[str, Any], list[dict[str, Any]]]]:
    import sys

    (tmp_path / "aws-credentials").write_text(
        "[canary]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\n"
        f"aws_secret_access_key = {CLOUD_CANARIES['aws-secret-profile']}\n")
    bedrock = {"api": "anthropic-messages", "platform": "bedrock", "model": "anthropic.claude-x", "region": "us-east-1",
               "base_url": emu.base_url("bedrock")}
    azure = {"api": "openai-chat", "platform": "azure", "model": "dep", "api_version": "2024-10-21",
             "base_url": emu.base_url("azure")}
    entra = [sys.executable, "-c", f"print({CLOUD_CANARIES['entra-token']!r})"]
    return {
        "bedrock": (bedrock, [{"id": "aws-env", "kind": "aws"}, {"id": "aws-profile", "kind": "aws",
                                                                 "aws_profile": "canary"}]),
        "vertex": ({"api": "anthropic-messages", "platform": "vertex", "model": "claude-x", "region": "us-east5",
                    "project_id": "p", "base_url": emu.base_url("vertex")},
                   [{"kind": "google", "key_env": "CANARY_VERTEX_TOKEN"}]),
        "azure": (azure, [{"id": "entra", "kind": "entra", "token_command": entra}, {"key_env": "CANARY_AZURE_KEY"}]),
    }


def test_canary_cloud_secrets_echoed_upstream_never_leave_the_process(
        tmp_path: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
        capsys: pytest.CaptureFixture[str]) -> None:
    """AWS secret keys (environment and profile), an AWS session token, a Vertex access token, an Entra ID token and
    an Azure key, echoed by the host in every failure kind: 0 hits in results, events, logs and the SQLite file."""
    import io
    import json
    import logging

    from agent.cli import main
    from agent.config import build_loop, load_config
    from agent.testing.emulator import Emulator, Scenario

    env = {"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": CLOUD_CANARIES["aws-secret-env"],
           "AWS_SESSION_TOKEN": CLOUD_CANARIES["aws-session-token"],
           "CANARY_VERTEX_TOKEN": CLOUD_CANARIES["vertex-token"], "CANARY_AZURE_KEY": CLOUD_CANARIES["azure-key"]}
    for name in ("AWS_BEARER_TOKEN_BEDROCK", "AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION"):
        monkeypatch.delenv(name, raising=False)
    for name, value in {**env, "AWS_EC2_METADATA_DISABLED": "true", "AWS_CONFIG_FILE": str(tmp_path / "aws-config"),
                        "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "aws-credentials")}.items():
        monkeypatch.setenv(name, value)
    own = {"bedrock": ("aws-secret-env", "aws-session-token", "aws-secret-profile"), "vertex": ("vertex-token",),
           "azure": ("entra-token", "azure-key")}  # each host echoes the secrets its own credentials hold
    caplog.set_level(logging.DEBUG)
    channels: dict[str, list[str]] = {c: [] for c in (
        "attempt records", "TurnResult JSON", "TurnResult repr", "events", "last_status()", "DEBUG logs",
        "pool list --json", "SQLite file")}
    for kind, status in _CLOUD_KINDS:
        for host, names in own.items():
            echo = "Refused: " + " ".join(CLOUD_CANARIES[n] for n in names) + " (we log what you sent)"
            rule = {"respond": "error", "status": status, "body": {"message": echo, "error": {"message": echo}}}
            with Emulator(Scenario.model_validate({"rules": [rule]})) as emu:
                entry, creds = _cloud_setups(emu, tmp_path)[host]
                state = {"backend": "sqlite", "path": str(tmp_path / "state.db")}
                data = {"state": state, "pools": {host: {"credentials": creds}},
                        "chain": [{**entry, "pool": host, "timeout": 5}],
                        "loop": {"max_attempts": 3, "deadline_seconds": 10, "max_wait_seconds": 0.05,
                                 "backoff_base": 0.01, "backoff_cap": 0.02}}
                events: list[Any] = []
                loop = build_loop(load_config(data), hooks=(events.append,))
                for p in loop.pools.values():
                    p.reset()
                result = loop.run("hi")
                assert not result.ok and result.attempts, (host, kind)
                channels["attempt records"].append(json.dumps([a.model_dump() for a in result.attempts]))
                channels["TurnResult JSON"].append(result.model_dump_json())
                channels["TurnResult repr"].append(repr(result) + str(result))
                channels["events"].append(repr(events))
                channels["last_status()"].append(json.dumps(result.last_status()))
                if kind == _CLOUD_KINDS[-1][0]:
                    path = tmp_path / f"{host}.toml"
                    path.write_text(_toml(data))
                    out = io.StringIO()
                    main(["pool", "list", "--json", "--config", str(path)], out=out)
                    channels["pool list --json"].append(out.getvalue())
    channels["DEBUG logs"] = [r.getMessage() + (logging.Formatter().formatException(r.exc_info) if r.exc_info else "")
                              for r in caplog.records]
    channels["SQLite file"] = [p.read_bytes().decode("latin-1") for p in tmp_path.glob("state.db*")]
    needles = [n for s in CLOUD_CANARIES.values() for n in (s, s[6:-6])]
    hits = {channel: sum(text.count(n) for text in texts for n in needles) for channel, texts in channels.items()}
    with capsys.disabled():
        print(f"\n\ncanary (cloud): {len(CLOUD_CANARIES)} secrets of the aws, google and entra kinds and an Azure "
              f"key, {len(_CLOUD_KINDS)} failure kinds x 3 hosts")
        for channel, count in hits.items():
            print(f"{channel:<20} {count:>5}")
    assert all(any(texts) for texts in channels.values()), "a channel was not exercised"
    assert hits == dict.fromkeys(channels, 0)


def _toml(data: dict[str, Any]) -> str:
    """The configuration as TOML (for the CLI), written by hand: the values are strings, numbers and lists."""
    import json

    def value(v: Any) -> str:
        return json.dumps(v)

    lines = ["[state]", *(f"{k} = {value(v)}" for k, v in data["state"].items())]
    for name, pool in data["pools"].items():
        for cred in pool["credentials"]:
            lines += [f"[[pools.{name}.credentials]]", *(f"{k} = {value(v)}" for k, v in cred.items())]
    for entry in data["chain"]:
        lines += ["[[chain]]", *(f"{k} = {value(v)}" for k, v in entry.items())]
    return "\n".join(lines) + "\n"


_NESTED_KEY = "sk-proj-Nested8Hq3Zr6TnLx9Tz2Vn7Bm3Kq6"


@pytest.mark.parametrize("depth", [3, 50, 5_000, 100_000])
@pytest.mark.parametrize("api", ["openai-chat", "anthropic-messages"])
def test_a_key_echoed_deep_in_a_nested_error_never_leaves_the_process(api: str, depth: int, tmp_path: Any) -> None:
    """An error body nesting the echoed key (message and code) ``depth`` objects deep, as relays wrap their upstream's
    error: the turn reads auth_failed with no recursion error, and the key is in no result, event, last_status nor the
    SQLite state file, at any depth (100,000 is past every JSON parser's recursion limit)."""
    import json

    from pydantic import SecretStr

    from agent.conversation_loop import ChainEntry, ConversationLoop
    from agent.credential_pool import Credential, CredentialPool
    from agent.stores import SQLiteStore
    from agent.testing.emulator import Emulator, Scenario

    inner = json.dumps({"message": f"Incorrect API key provided: {_NESTED_KEY}", "code": _NESTED_KEY})
    body = '{"error": ' * depth + inner + "}" * depth
    events: list[Any] = []
    path = tmp_path / "state.db"
    with Emulator(Scenario.model_validate({"rules": [{"respond": "error", "status": 401, "body": body}]})) as emu:
        base = emu.base_url("anthropic" if api == "anthropic-messages" else "openai")
        pools = {"p": CredentialPool("p", [Credential(id="k", secret=SecretStr(_NESTED_KEY))],
                                     store=SQLiteStore(path))}
        loop = ConversationLoop([ChainEntry(api=api, model="m", pool="p", base_url=base, timeout=5)], pools,
                                hooks=(events.append,))
        result = loop.run("hi")
    assert result.status.value == "auth_failed" and result.attempts[0].rule != "classifier_fault"
    said = (repr(events) + result.model_dump_json() + json.dumps(result.last_status()) + repr(pools["p"].states())
            + "".join(p.read_bytes().decode("latin-1") for p in tmp_path.glob("state.db*"))).lower()
    assert _NESTED_KEY.lower() not in said and _NESTED_KEY[-12:].lower() not in said
