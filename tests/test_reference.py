"""docs/configuration.md and docs/api.md are generated from the code and must be current."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_reference", ROOT / "scripts" / "gen_reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("doc", "render"), [("configuration.md", "configuration"), ("api.md", "api")])
def test_reference_is_current(doc: str, render: str) -> None:
    """The committed reference equals what the generator writes now (run: python3 scripts/gen_reference.py)."""
    assert (ROOT / "docs" / doc).read_text(encoding="utf-8") == getattr(_generator(), render)(), \
        "stale: run python3 scripts/gen_reference.py"


def test_configuration_reference_lists_every_field() -> None:
    """Every field of every configuration model has a row with a meaning (no '-' placeholders)."""
    gen = _generator()
    text = gen.configuration()
    for _, _, path in gen.SECTIONS:
        for name in gen._load(path).model_fields:
            row = next(line for line in text.splitlines() if line.startswith(f"| `{name}` |"))
            assert not row.endswith("| - |"), f"{path}.{name} has no description"
