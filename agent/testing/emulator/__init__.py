"""A loopback provider emulator: OpenAI Chat Completions, OpenAI Responses and Anthropic Messages
wire protocols on 127.0.0.1, with scripted faults and a request log."""

from .scenario import KeySpec, Match, ModelSpec, Rule, Scenario, ScenarioError, list_scenarios, load_scenario
from .server import Emulator
from .state import RequestRecord

__all__ = [
    "Emulator",
    "KeySpec",
    "Match",
    "ModelSpec",
    "RequestRecord",
    "Rule",
    "Scenario",
    "ScenarioError",
    "list_scenarios",
    "load_scenario",
]
