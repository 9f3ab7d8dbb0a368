"""agent._construct: the turn's records built as pydantic's ``model_construct`` builds them, without its walk."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict, Field

from agent._construct import constructed
from agent.results import Attempt, Note, TurnResult, TurnStatus, now_utc

ATTEMPT = {"api": "openai-chat", "model": "m", "credential_id": "k1", "outcome": "ok", "status_code": None,
           "rule": None, "action": "answered", "wait": 0.0, "duration": 0.25, "message": ""}


def _same(built: BaseModel, expected: BaseModel) -> None:
    assert type(built) is type(expected) and built == expected
    assert list(built.__dict__.items()) == list(expected.__dict__.items())  # the values, in the same order
    assert built.model_fields_set == expected.model_fields_set and built.model_fields_set is not ATTEMPT
    assert built.__pydantic_extra__ == expected.__pydantic_extra__
    assert built.__pydantic_private__ == expected.__pydantic_private__
    assert built.model_dump_json() == expected.model_dump_json() and repr(built) == repr(expected)
    if built.model_config.get("frozen"):
        assert hash(built) == hash(expected)


def _result() -> dict[str, Any]:
    return {"status": TurnStatus.ok, "final_response": "hi", "failure_reason": None, "retry_at": None,
            "provider": "OpenAI", "model": "m", "credential_id": "k1",
            "attempts": (Attempt.model_construct(**ATTEMPT),), "notes": (), "input_tokens": 3, "output_tokens": 5,
            "elapsed": 0.5, "finished_at": now_utc(), "messages": (), "history": (), "partial": False,
            "truncated": False}


@pytest.mark.parametrize("model, values", [
    (Attempt, ATTEMPT), (Note, {"model": "m", "action": "skipped", "reason": "circuit_open", "wait": 0.0}),
    (TurnResult, _result()),
])
def test_every_field_in_order_builds_what_model_construct_builds(model: type[BaseModel],
                                                                 values: dict[str, Any]) -> None:
    _same(constructed(model, dict(values)), model.model_construct(**values))
    first, second = constructed(model, dict(values)), constructed(model, dict(values))
    assert first.model_fields_set is not second.model_fields_set  # each instance its own set, as pydantic's


@pytest.mark.parametrize("values", [
    {k: v for k, v in ATTEMPT.items() if k != "message"},  # a field left out: its default
    dict(reversed(ATTEMPT.items())),  # another order
    {**{k: v for k, v in ATTEMPT.items() if k != "message"}, "unknown": 1},  # an unknown name
])
def test_anything_else_is_model_constructs_own(values: dict[str, Any]) -> None:
    _same(constructed(Attempt, dict(values)), Attempt.model_construct(**values))


class _Aliased(BaseModel):
    a: int = Field(alias="b")


class _Extra(BaseModel):
    model_config = ConfigDict(extra="allow")
    a: int


class _Private(BaseModel):
    a: int
    _p: int = 3


@pytest.mark.parametrize("model, values", [(_Aliased, {"a": 1}), (_Extra, {"a": 1}), (_Private, {"a": 1})])
def test_models_it_does_not_plan_for_go_to_model_construct(model: type[BaseModel], values: dict[str, Any]) -> None:
    _same(constructed(model, dict(values)), model.model_construct(**values))


def test_the_turn_builds_its_records_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The turn gives every field in order: a change to a model's fields that the turn does not follow would
    silently send it back to model_construct, so that fails here."""
    from agent.testing.emulator import Emulator
    from tests.test_conversation_loop import entry, make_loop, pool

    def refused(cls: type[BaseModel], **values: Any) -> BaseModel:
        raise AssertionError(f"{cls.__name__}.model_construct called with {list(values)}")

    for model in (Attempt, TurnResult):
        monkeypatch.setattr(model, "model_construct", classmethod(refused))
    with Emulator("healthy") as emu:
        result = make_loop([entry(emu, "openai-chat", "m")], {"main": pool("main", "k1")}).run("hello")
    assert result.ok and len(result.attempts) == 1
