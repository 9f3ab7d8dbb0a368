"""Azure OpenAI, AWS Bedrock and Google Vertex AI through the official SDK clients, over HTTP to the emulator."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from agent import FailoverReason
from agent._redact import fingerprint
from agent.config import ConfigError, SteadyConfig, build_loop, load_config
from agent.results import TurnResult, TurnStatus
from agent.testing.emulator import Emulator, Scenario

# Fake-but-valid AWS credentials (AWS's documentation example keys): SigV4 signs with them, nothing checks them.
AKID_A, SECRET_A = "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
AKID_B, SECRET_B = "AKIAI44QH8DHBEXAMPLE", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"
VERTEX_TOKEN = "ya29.a0-emulated-vertex-access-token-0001"
AZURE_KEY = "0123456789abcdef0123456789abcdef"
MESSAGES = "anthropic-messages"


@pytest.fixture(autouse=True)
def _no_cloud_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The SDKs read AWS/Google variables of their own: keep the developer's out, and never ask a metadata server."""
    for name in ("AWS_BEARER_TOKEN_BEDROCK", "AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ACCESS_KEY_ID",
                 "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "ANTHROPIC_BEDROCK_BASE_URL",
                 "ANTHROPIC_VERTEX_BASE_URL", "ANTHROPIC_VERTEX_PROJECT_ID", "CLOUD_ML_REGION",
                 "GOOGLE_APPLICATION_CREDENTIALS", "OPENAI_API_VERSION", "AZURE_OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "aws-credentials"))


def _config(emu: Emulator, entries: list[dict[str, Any]], creds: list[dict[str, Any]], *,
            state: dict[str, Any] | None = None, env: dict[str, str] | None = None) -> SteadyConfig:
    chain = [{"pool": "cloud", "timeout": 5, **e} for e in entries]
    for e in chain:
        e.setdefault("base_url", emu.base_url(e.get("platform", "openai")))
    return load_config({"state": state or {"backend": "memory"}, "pools": {"cloud": {"credentials": creds}},
                        "chain": chain}, env=env or {})


def _run(config: SteadyConfig, env: dict[str, str], *, streamed: bool = False) -> TurnResult:
    loop = build_loop(config, env=env, hooks=())
    if streamed:
        return [e for e in loop.stream("hi") if isinstance(e, TurnResult)][-1]
    return loop.run("hi")


AZURE = {"api": "openai-chat", "platform": "azure", "model": "gpt4o-prod", "api_version": "2024-10-21"}
BEDROCK = {"api": MESSAGES, "platform": "bedrock", "model": "anthropic.claude-sonnet-4-5-v1:0",
           "region": "us-east-1"}
VERTEX = {"api": MESSAGES, "platform": "vertex", "model": "claude-sonnet-4-5@20250929", "region": "us-east5",
          "project_id": "steady-proj"}
AWS_ENV = {"AWS_ACCESS_KEY_ID": AKID_A, "AWS_SECRET_ACCESS_KEY": SECRET_A}

# (entry, credentials, env, the path the request must take, the key the emulator must see)
HOSTS: list[tuple[dict[str, Any], list[dict[str, Any]], dict[str, str], str, str]] = [
    (AZURE, [{"key_env": "AZURE_OPENAI_API_KEY"}], {"AZURE_OPENAI_API_KEY": AZURE_KEY},
     "/openai/deployments/gpt4o-prod/chat/completions?api-version=2024-10-21", AZURE_KEY),
    ({**AZURE, "api": "openai-responses"}, [{"key_env": "AZURE_OPENAI_API_KEY"}], {"AZURE_OPENAI_API_KEY": AZURE_KEY},
     "/openai/responses?api-version=2024-10-21", AZURE_KEY),
    (BEDROCK, [{"kind": "aws"}], AWS_ENV, "/model/anthropic.claude-sonnet-4-5-v1:0/invoke", AKID_A),
    (VERTEX, [{"kind": "google", "key_env": "VERTEX_TOKEN"}], {"VERTEX_TOKEN": VERTEX_TOKEN},
     "/v1/projects/steady-proj/locations/us-east5/publishers/anthropic/models/claude-sonnet-4-5@20250929:rawPredict",
     VERTEX_TOKEN),
]


@pytest.mark.parametrize(("entry", "creds", "env", "path", "key"), HOSTS)
@pytest.mark.parametrize("streamed", [False, True])
def test_each_platform_answers_through_its_official_client(entry: dict[str, Any], creds: list[dict[str, Any]],
                                                           env: dict[str, str], path: str, key: str,
                                                           streamed: bool) -> None:
    """The request takes the host's own path, authenticated with the configured credential; the answer arrives."""
    only = Scenario(keys=({"key": key, "label": "the-one"},))  # any other credential is refused
    with Emulator(only) as emu:
        result = _run(_config(emu, [entry], creds, env=env), env, streamed=streamed)
        assert result.status is TurnStatus.ok, result.final_response
        assert result.final_response == "Hello from the steadyloop emulator."
        sent = emu.log[-1]
        want = path.replace(":rawPredict", ":streamRawPredict") if streamed else path
        want = want.replace("/invoke", "/invoke-with-response-stream") if streamed else want
        assert (sent.path, sent.key, sent.streamed) == (want, "the-one", streamed)


def test_azure_entra_id_token_comes_from_the_configured_command() -> None:
    """kind entra with token_command: the command's token is the bearer token Azure receives."""
    token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.entra-emulated-token"
    command = [sys.executable, "-c", f"print({token!r})"]
    with Emulator(Scenario(keys=({"key": token, "label": "entra"},))) as emu:
        result = _run(_config(emu, [AZURE], [{"kind": "entra", "token_command": command}]), {})
        assert result.ok, result.final_response
        assert emu.log[-1].key == "entra"


def test_azure_unknown_deployment_falls_back() -> None:
    """DeploymentNotFound (a wrong deployment name) is model_not_found: the next entry answers."""
    scenario = Scenario(models={"gpt4o-prod": {}})
    with Emulator(scenario) as emu:
        config = _config(emu, [{**AZURE, "model": "gpt4o-typo"}, AZURE], [{"key": AZURE_KEY}])
        result = _run(config, {})
        assert result.ok
        assert [a.outcome for a in result.attempts][:1] == [FailoverReason.model_not_found.value]
        assert [r.status for r in emu.log] == [404, 200]


def test_bedrock_credentials_rotate_in_one_pool_with_shared_state(tmp_path: Path) -> None:
    """Two AWS profiles in one pool: a throttled one cools down in the shared SQLite state; the next turn skips it."""
    (tmp_path / "aws-credentials").write_text(textwrap.dedent(f"""
        [team-a]
        aws_access_key_id = {AKID_A}
        aws_secret_access_key = {SECRET_A}
        [team-b]
        aws_access_key_id = {AKID_B}
        aws_secret_access_key = {SECRET_B}
    """))
    throttled = {"match": {"key": AKID_A}, "respond": "error", "status": 429,
                 "body": {"message": "Too many tokens, please wait before trying again."},
                 "headers": {"x-amzn-errortype": "ThrottlingException:http://internal.amazon.com/coral/com.amazon."
                                                 "bedrock/", "retry-after": "120"}}
    scenario = Scenario(keys=({"key": AKID_A, "label": "a"}, {"key": AKID_B, "label": "b"}), rules=(throttled,))
    state = {"backend": "sqlite", "path": str(tmp_path / "state.db")}
    with Emulator(scenario) as emu:
        creds = [{"kind": "aws", "aws_profile": "team-a"}, {"kind": "aws", "aws_profile": "team-b"}]
        first = _run(_config(emu, [BEDROCK], creds, state=state), {})
        assert first.ok and [r.key for r in emu.log] == ["a", "b"]
        assert first.attempts[0].outcome == FailoverReason.rate_limit.value
        second = _run(_config(emu, [BEDROCK], creds, state=state), {})  # a new process would read the same file
        assert second.ok and [r.key for r in emu.log] == ["a", "b", "b"]


# (platform, emulator cause, the reason the loop records)
STATE_ERRORS = [
    ("bedrock", {"keys": ({"key": "AKIAOTHEROTHEROTHER1"},)}, FailoverReason.auth),
    ("vertex", {"keys": ({"key": "another-token-entirely"},)}, FailoverReason.auth),
    ("azure", {"keys": ({"key": "another-key-entirely"},)}, FailoverReason.auth),
    ("bedrock", {"keys": ({"key": AKID_A, "rate_requests": 1, "rate_seconds": 60},)}, FailoverReason.rate_limit),
    ("vertex", {"keys": ({"key": VERTEX_TOKEN, "rate_requests": 1, "rate_seconds": 60},)},
     FailoverReason.rate_limit),
    ("azure", {"keys": ({"key": AZURE_KEY, "rate_requests": 1, "rate_seconds": 60},)}, FailoverReason.rate_limit),
    ("vertex", {"keys": ({"key": VERTEX_TOKEN, "denied_models": ("claude-sonnet-4-5@20250929",)},)},
     FailoverReason.model_not_found),
    ("bedrock", {"keys": ({"key": AKID_A, "denied_models": ("anthropic.claude-sonnet-4-5-v1:0",)},)},
     FailoverReason.model_not_found),
]
_ENTRY = {"azure": (AZURE, [{"key": AZURE_KEY}], {}), "bedrock": (BEDROCK, [{"kind": "aws"}], AWS_ENV),
          "vertex": (VERTEX, [{"kind": "google", "key": VERTEX_TOKEN}], {})}


@pytest.mark.parametrize(("platform", "scenario", "reason"), STATE_ERRORS)
def test_host_errors_in_their_own_shape_are_classified(platform: str, scenario: dict[str, Any],
                                                       reason: FailoverReason) -> None:
    """The host's refusal (Bedrock {message} + x-amzn-errortype, Google's envelope, Azure's wording) gets its reason."""
    entry, creds, env = _ENTRY[platform]
    with Emulator(Scenario.model_validate(scenario)) as emu:
        loop = build_loop(_config(emu, [entry], creds, env=env), env=env, hooks=())
        if reason is FailoverReason.rate_limit:
            assert loop.run("warm the window").ok
        result = loop.run("hi")
        assert not result.ok
        assert result.attempts[-1].outcome == reason.value, (result.attempts, emu.log[-1].to_dict())


CONFIG_ERRORS = [
    ({**AZURE, "api_version": None}, [{"key": "k" * 20}], "needs api_version"),
    ({**BEDROCK, "region": None}, [{"kind": "aws"}], "needs region"),
    ({**VERTEX, "project_id": None}, [{"kind": "google"}], "needs project_id"),
    ({**BEDROCK, "api": "openai-chat"}, [{"kind": "aws"}], "serves anthropic-messages"),
    ({"api": MESSAGES, "model": "claude-x", "region": "us-east-1"}, [{"key": "k" * 20}], "setting of platform"),
    (BEDROCK, [{"key": "k" * 20, "kind": "oauth"}], "kind 'oauth', which platform 'bedrock' cannot use"),
    (AZURE, [{"kind": "aws"}], "kind 'aws', which platform 'azure' cannot use"),
    (VERTEX, [{"kind": "google", "token_command": ["x"]}], "token_command is for kind = \"entra\""),
    (BEDROCK, [{"kind": "aws", "key": "k" * 20}], "for a Bedrock API key use kind = \"api_key\""),
    (AZURE, [{"kind": "entra"}], "give exactly one of key, key_env, key_file (a token) or token_command"),
]


@pytest.mark.parametrize(("entry", "creds", "needle"), CONFIG_ERRORS)
def test_platform_configuration_errors_name_the_field_and_fix(entry: dict[str, Any], creds: list[dict[str, Any]],
                                                              needle: str) -> None:
    """Missing or misplaced platform settings, and credentials of the wrong kind, are config errors."""
    data = {"pools": {"cloud": {"credentials": creds}},
            "chain": [{"pool": "cloud", "base_url": "http://127.0.0.1:9", **{k: v for k, v in entry.items()
                                                                             if v is not None}}]}
    with pytest.raises(ConfigError) as caught:
        load_config(data, env={})
    assert needle in str(caught.value)


def test_aws_credentials_without_profile_or_variables_name_the_variables() -> None:
    """kind aws without a profile reads AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY; unset, the error names them."""
    config = load_config({"state": {"backend": "memory"}, "pools": {"cloud": {"credentials": [{"kind": "aws"}]}},
                          "chain": [{"pool": "cloud", **BEDROCK}]}, env={})
    with pytest.raises(ConfigError, match="AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY is not set"):
        build_loop(config, env={"AWS_REGION": "us-east-1"}, hooks=())


@pytest.mark.parametrize(("entry", "blocked", "extra"), [(BEDROCK, "boto3", "bedrock"),
                                                         (VERTEX, "google.auth", "vertex")])
def test_a_missing_extra_is_a_config_error_naming_it(entry: dict[str, Any], blocked: str, extra: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Without boto3 (or google-auth) the loop is not built: the error says which extra to install."""
    monkeypatch.setitem(sys.modules, blocked, None)  # how Python itself marks a module as not importable
    config = load_config({"state": {"backend": "memory"},
                          "pools": {"cloud": {"credentials": [{"kind": "aws"} if extra == "bedrock" else
                                                              {"kind": "google", "key": VERTEX_TOKEN}]}},
                          "chain": [{"pool": "cloud", **entry}]}, env={})
    with pytest.raises(ConfigError, match=rf"pip install 'steadyloop\[{extra}\]'"):
        build_loop(config, env=AWS_ENV, hooks=())


# (entry, settings, what the body must hold, fields it must not hold, headers that must arrive): docs/requests.md
PARAMS: list[tuple[dict[str, Any], dict[str, Any], dict[str, Any], tuple[str, ...], dict[str, str]]] = [
    (AZURE, {"max_tokens": 300, "temperature": 0.3, "top_p": 0.9, "stop": ("END",)},
     {"max_tokens": 300, "temperature": 0.3, "top_p": 0.9, "stop": ["END"], "model": "gpt4o-prod"}, (), {}),
    ({**AZURE, "model": "o4-mini-prod"}, {"max_tokens": 300, "reasoning_effort": "low"},
     {"max_completion_tokens": 300, "reasoning_effort": "low"}, ("max_tokens",), {}),
    ({**AZURE, "api": "openai-responses"},
     {"max_tokens": 300, "reasoning_effort": "low", "extra_body": {"store": False}},
     {"max_output_tokens": 300, "reasoning": {"effort": "low"}, "store": False}, (), {}),
    (AZURE, {"extra_headers": {"X-Trace": "t1"}, "default_headers": {"X-Title": "Bot"}}, {}, (),
     {"x-trace": "t1", "x-title": "Bot"}),
    (BEDROCK, {"max_tokens": 3000, "temperature": 0.3, "top_p": 0.9, "stop": ("END",), "thinking_budget": 2048},
     {"max_tokens": 3000, "temperature": 0.3, "top_p": 0.9, "stop_sequences": ["END"],
      "thinking": {"type": "enabled", "budget_tokens": 2048}}, ("model", "stream"), {}),
    (BEDROCK, {"betas": ("context-1m-2025-08-07",), "extra_body": {"top_k": 5}, "extra_headers": {"X-Trace": "t1"}},
     {"anthropic_beta": ["context-1m-2025-08-07"], "top_k": 5, "max_tokens": 64_000}, ("model",), {"x-trace": "t1"}),
    (VERTEX, {"max_tokens": 3000, "temperature": 0.3, "top_p": 0.9, "stop": ("END",), "thinking_budget": 2048},
     {"max_tokens": 3000, "temperature": 0.3, "top_p": 0.9, "stop_sequences": ["END"],
      "thinking": {"type": "enabled", "budget_tokens": 2048}}, ("model",), {}),
    (VERTEX, {"betas": ("context-1m-2025-08-07",), "extra_body": {"top_k": 5}, "default_headers": {"X-Title": "Bot"}},
     {"top_k": 5, "max_tokens": 64_000}, ("model", "anthropic_beta"),
     {"anthropic-beta": "context-1m-2025-08-07", "x-title": "Bot"}),
]
_CREDS = {"azure": ([{"key": AZURE_KEY}], {}), "bedrock": ([{"kind": "aws"}], AWS_ENV),
          "vertex": ([{"kind": "google", "key": VERTEX_TOKEN}], {})}


@pytest.mark.parametrize(("entry", "settings", "body", "absent", "headers"), PARAMS)
@pytest.mark.parametrize("streamed", [False, True])
def test_each_setting_reaches_the_cloud_wire(entry: dict[str, Any], settings: dict[str, Any], body: dict[str, Any],
                                            absent: tuple[str, ...], headers: dict[str, str], streamed: bool) -> None:
    """Settings reach the host's body and headers under their names there (Bedrock: betas in the body, no model)."""
    creds, env = _CREDS[entry["platform"]]
    with Emulator("healthy") as emu:
        result = _run(_config(emu, [{**entry, **settings}], creds, env=env), env, streamed=streamed)
        assert result.ok, result.final_response
        sent = emu.log[-1]
        assert {k: sent.body.get(k) for k in body} == body, sent.body
        assert not set(absent) & set(sent.body), sent.body
        assert {k: sent.headers.get(k) for k in headers} == headers, sent.headers


def test_bedrock_stream_failure_arrives_as_an_event_stream_exception() -> None:
    """A throttling exception mid-stream (an AWS event stream exception frame) is a rate limit, not a cut stream."""
    rule = {"respond": "stream_error", "after_chunks": 1, "error_type": "throttlingException",
            "message": "Too many tokens, please wait before trying again.", "times": 1}
    with Emulator(Scenario.model_validate({"rules": [rule]})) as emu:
        result = _run(_config(emu, [BEDROCK], [{"kind": "aws"}], env=AWS_ENV), AWS_ENV, streamed=True)
        assert result.ok, result.final_response
        assert result.attempts[0].outcome == FailoverReason.rate_limit.value
        assert [r.streamed for r in emu.log] == [True, True]


def test_entra_token_command_runs_again_only_after_its_refresh_period(tmp_path: Path) -> None:
    """The Entra ID command's token is reused for refresh_seconds (injected clock), then fetched anew."""
    from agent.platforms.auth import PlatformCredentialError, TokenCommand

    counter = tmp_path / "runs"
    script = ("import pathlib, sys; p = pathlib.Path(sys.argv[1]); n = int(p.read_text()) + 1 if p.exists() else 1; "
              "p.write_text(str(n)); print(f'token-number-{n}')")
    now = [0.0]
    token = TokenCommand((sys.executable, "-c", script, str(counter)), 300.0, clock=lambda: now[0])
    assert [token(), token()] == ["token-number-1", "token-number-1"]
    now[0] = 299.0
    assert token() == "token-number-1"
    now[0] = 300.0
    assert token() == "token-number-2"
    failing = TokenCommand((sys.executable, "-c", "import sys; sys.exit('az: please run az login')"), 300.0)
    with pytest.raises(PlatformCredentialError, match=r"exited 1 without a token .*az login"):
        failing()


def test_a_failing_entra_token_command_rotates_to_the_next_credential() -> None:
    """A token command that fails (az not logged in) is an auth failure of that credential: the pool's next answers."""
    failing = [sys.executable, "-c", "import sys; sys.exit(\"ERROR: Please run 'az login' to setup account.\")"]
    with Emulator(Scenario(keys=({"key": AZURE_KEY, "label": "key"},))) as emu:
        creds = [{"id": "entra", "kind": "entra", "token_command": failing}, {"id": "key", "key": AZURE_KEY}]
        result = _run(_config(emu, [AZURE], creds), {})
        assert result.ok, result.final_response
        assert [(a.credential_id, a.outcome) for a in result.attempts] == [("entra", "auth"), ("key", "ok")]
        assert [r.key for r in emu.log] == ["key"]  # the failing credential never reached the wire


def _service_account(path: Path, token_uri: str) -> str:
    """A service-account JSON with a fresh RSA key; google-auth signs its JWT and asks ``token_uri`` for a token."""
    import json

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode()
    email = "steady-bot@steady-proj.iam.gserviceaccount.com"
    path.write_text(json.dumps({"type": "service_account", "project_id": "steady-proj", "private_key_id": "k1",
                                "private_key": pem, "client_email": email, "client_id": "1",
                                "token_uri": token_uri}))
    return email


@pytest.mark.parametrize("streamed", [False, True])
def test_vertex_service_account_file_gets_its_token_from_google_auth(tmp_path: Path, streamed: bool) -> None:
    """credentials_file: google-auth signs a JWT, exchanges it at the token endpoint, and Vertex gets that token."""
    with Emulator("healthy") as emu:
        email = _service_account(tmp_path / "sa.json", emu.base_url("bedrock") + "/token")
        creds = [{"kind": "google", "credentials_file": str(tmp_path / "sa.json")}]
        result = _run(_config(emu, [VERTEX], creds), {}, streamed=streamed)
        assert result.ok, result.final_response
        assert [r.key for r in emu.log] == [fingerprint(f"ya29.emulated.{email}")]  # the token the JWT earned
        assert result.attempts[0].credential_id == f"google-file:{tmp_path / 'sa.json'}"


def test_a_credentials_file_of_another_type_is_a_config_error(tmp_path: Path) -> None:
    """credentials_file must be a service-account or authorized-user JSON; the error names the field and the fix."""
    (tmp_path / "wif.json").write_text('{"type": "external_account", "audience": "//iam.googleapis.com/x"}')
    creds = [{"kind": "google", "credentials_file": str(tmp_path / "wif.json")}]
    config = load_config({"state": {"backend": "memory"}, "pools": {"cloud": {"credentials": creds}},
                          "chain": [{"pool": "cloud", **VERTEX}]}, env={})
    with pytest.raises(ConfigError, match=r"credentials\.0\.credentials_file: .*type 'external_account'.*"
                                          r"GOOGLE_APPLICATION_CREDENTIALS"):
        build_loop(config, env={}, hooks=())


def test_a_python_entra_token_provider_is_called_for_each_request() -> None:
    """From Python, Credential(kind="entra", auth=EntraAuth(provider=...)): Azure gets the provider's current token."""
    from agent.conversation_loop import ChainEntry, ConversationLoop
    from agent.credential_pool import Credential, CredentialPool
    from agent.platforms import EntraAuth
    from agent.stores import MemoryStore

    tokens = iter(["entra-provider-token-0001", "entra-provider-token-0002"])
    calls: list[str] = []

    def provider() -> str:
        calls.append(token := next(tokens))
        return token

    scenario = Scenario(keys=({"key": "entra-provider-token-0001", "label": "first"},
                              {"key": "entra-provider-token-0002", "label": "second"}))
    with Emulator(scenario) as emu:
        pool = CredentialPool("azure", [Credential(id="entra", kind="entra", auth=EntraAuth(provider=provider))],
                              store=MemoryStore())
        entry = ChainEntry(pool="azure", base_url=emu.base_url("azure"), timeout=5, **AZURE)
        loop = ConversationLoop([entry], {"azure": pool}, hooks=())
        assert loop.run("one").ok and loop.run("two").ok
        assert [r.key for r in emu.log] == ["first", "second"]  # a fresh token per request, as the SDK asks
        assert len(calls) == 2


@pytest.mark.parametrize(("entry", "creds", "env", "path", "key"), HOSTS)
@pytest.mark.parametrize("streamed", [False, True])
def test_each_platform_answers_through_its_async_client(entry: dict[str, Any], creds: list[dict[str, Any]],
                                                        env: dict[str, str], path: str, key: str,
                                                        streamed: bool) -> None:
    """arun and astream use the hosts' async clients (AsyncAzureOpenAI, AsyncAnthropicBedrock, AsyncAnthropicVertex)."""
    import asyncio

    async def turn(loop: Any) -> TurnResult:
        if not streamed:
            result: TurnResult = await loop.arun("hi")
            return result
        return [e async for e in loop.astream("hi") if isinstance(e, TurnResult)][-1]

    with Emulator(Scenario(keys=({"key": key, "label": "the-one"},))) as emu:
        loop = build_loop(_config(emu, [entry], creds, env=env), env=env, hooks=())
        result = asyncio.run(turn(loop))
        assert result.ok, result.final_response
        assert (emu.log[-1].key, emu.log[-1].streamed, emu.log[-1].host) == ("the-one", streamed, entry["platform"])
        assert "async" in emu.log[-1].headers.get("x-stainless-async", "")


def test_a_bedrock_bearer_token_in_the_environment_next_to_aws_credentials_is_a_config_error() -> None:
    """The SDK would refuse AWS keys next to $AWS_BEARER_TOKEN_BEDROCK mid-turn; the configuration says so first."""
    config = load_config({"state": {"backend": "memory"}, "pools": {"cloud": {"credentials": [{"kind": "aws"}]}},
                          "chain": [{"pool": "cloud", **BEDROCK}]}, env={})
    with pytest.raises(ConfigError, match=r"AWS_BEARER_TOKEN_BEDROCK is set.*kind = \"api_key\""):
        build_loop(config, env={**AWS_ENV, "AWS_BEARER_TOKEN_BEDROCK": "ABSKQmVkcm9ja0FQSUtleS1leGFtcGxl"}, hooks=())


def test_the_cli_names_the_missing_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """steadyloop run with a Bedrock chain and no boto3 exits 2 with the pip install line, no traceback."""
    from agent.cli import main

    monkeypatch.setitem(sys.modules, "boto3", None)
    path = tmp_path / "steadyloop.toml"
    path.write_text(textwrap.dedent("""
        [state]
        backend = "memory"
        [[pools.bedrock.credentials]]
        kind = "aws"
        aws_profile = "team-a"
        [[chain]]
        api = "anthropic-messages"
        platform = "bedrock"
        model = "anthropic.claude-x"
        region = "us-east-1"
        pool = "bedrock"
    """))
    assert main(["run", "hi", "--config", str(path)]) == 78  # a configuration error (agent.cron.EXIT_CONFIG)
    err = capsys.readouterr().err
    assert "chain.0: platform 'bedrock' needs the bedrock extra" in err and "pip install 'steadyloop[bedrock]'" in err
    assert "Traceback" not in err
