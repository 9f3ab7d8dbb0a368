"""Cloud hosts behind ``steadyloop serve``: the real SDK clients -> serve -> Azure OpenAI, AWS Bedrock and
Google Vertex AI paths of the emulator, through each platform's official client. Bedrock streams AWS
event-stream frames, not SSE: the gateway decodes them with the SDK's own decoder and gives the client
the Anthropic events they carry."""

from __future__ import annotations

from typing import Any

import pytest

from agent.config import SteadyConfig, load_config
from agent.testing.emulator import Emulator, Scenario
from tests.test_platforms import AKID_A, AZURE_KEY, SECRET_A, VERTEX_TOKEN, _no_cloud_environment
from tests.test_serve import FULL, ask, served

__all__ = ["_no_cloud_environment"]  # the autouse fixture: no developer's cloud variables, no metadata server

AZURE = {"platform": "azure", "model": "gpt4o-prod", "api_version": "2024-10-21"}
BEDROCK = {"api": "anthropic-messages", "platform": "bedrock", "model": "anthropic.claude-sonnet-4-5-v1:0",
           "region": "us-east-1"}
VERTEX = {"api": "anthropic-messages", "platform": "vertex", "model": "claude-sonnet-4-5@20250929",
          "region": "us-east5", "project_id": "steady-proj"}
# (entry, credentials, the path the upstream request must take)
HOSTS: list[tuple[dict[str, Any], list[dict[str, Any]], str]] = [
    ({**AZURE, "api": "openai-chat"}, [{"key_env": "AZURE_OPENAI_API_KEY"}],
     "/openai/deployments/gpt4o-prod/chat/completions?api-version=2024-10-21"),
    ({**AZURE, "api": "openai-responses"}, [{"key_env": "AZURE_OPENAI_API_KEY"}],
     "/openai/responses?api-version=2024-10-21"),
    (BEDROCK, [{"kind": "aws"}], "/model/anthropic.claude-sonnet-4-5-v1:0/invoke"),
    (VERTEX, [{"kind": "google", "key_env": "VERTEX_TOKEN"}],
     "/v1/projects/steady-proj/locations/us-east5/publishers/anthropic/models/claude-sonnet-4-5@20250929:rawPredict"),
]
_STREAM_PATH = {"invoke": "invoke-with-response-stream", "rawPredict": "streamRawPredict"}


@pytest.fixture(autouse=True)
def _cloud_secrets(monkeypatch: pytest.MonkeyPatch, _no_cloud_environment: None) -> None:
    """The credentials the entries name, set after the developer's own are cleared."""
    for name, value in {"AWS_ACCESS_KEY_ID": AKID_A, "AWS_SECRET_ACCESS_KEY": SECRET_A,
                        "AZURE_OPENAI_API_KEY": AZURE_KEY, "VERTEX_TOKEN": VERTEX_TOKEN}.items():
        monkeypatch.setenv(name, value)


def _config(emu: Emulator, entry: dict[str, Any], creds: list[dict[str, Any]]) -> SteadyConfig:
    chain = [{"pool": "cloud", "timeout": 5, "first_token_timeout": 3, "idle_timeout": 3,
              "base_url": emu.base_url(entry["platform"]), **entry}]
    return load_config({"state": {"backend": "memory"}, "pools": {"cloud": {"credentials": creds}},
                        "chain": chain, "routes": {"r": {"chain": [entry["model"]]}}})


def _streamed(path: str) -> str:
    for plain, streamed in _STREAM_PATH.items():
        if path.endswith(":" + plain) or path.endswith("/" + plain):
            return path[: -len(plain)] + streamed
    return path  # Azure: the same path, with "stream": true in the body


@pytest.mark.parametrize("stream", [False, True], ids=["plain", "streamed"])
@pytest.mark.parametrize(("entry", "creds", "path"), HOSTS, ids=["azure-chat", "azure-responses", "bedrock", "vertex"])
def test_each_cloud_host_answers_through_the_gateway(entry: dict[str, Any], creds: list[dict[str, Any]],
                                                     path: str, stream: bool) -> None:
    """The client's request takes the host's own path with the pool's credential; the whole answer arrives."""
    with Emulator("healthy") as emu, served(_config(emu, entry, creds)) as gw:
        text, headers = ask(gw.url, entry["api"], stream=stream)
        (record,) = emu.log
    assert text == FULL
    assert record.path == (_streamed(path) if stream else path) and record.streamed is stream
    assert headers["x-steadyloop-served-by"].startswith(entry["model"])


@pytest.mark.parametrize(("entry", "creds"), [(BEDROCK, [{"kind": "aws"}]),
                                               (VERTEX, [{"kind": "google", "key_env": "VERTEX_TOKEN"}])],
                         ids=["bedrock", "vertex"])
def test_a_cloud_stream_failing_before_content_is_rescued_invisibly(entry: dict[str, Any],
                                                                     creds: list[dict[str, Any]]) -> None:
    """An overloaded error inside the stream (an AWS exception frame on Bedrock) before any content walks the
    ladder: the client sees one clean stream, the upstream saw two calls."""
    rules = [{"respond": "stream_error", "error_type": "overloaded_error", "message": "Overloaded", "times": 1}]
    with Emulator(Scenario.model_validate({"rules": rules})) as emu, served(_config(emu, entry, creds)) as gw:
        text, _ = ask(gw.url, entry["api"], stream=True)
        calls = len(emu.log)
    assert (text, calls) == (FULL, 2)
