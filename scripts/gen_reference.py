#!/usr/bin/env python3
"""Write docs/configuration.md and docs/api.md from the code (tests/test_reference.py checks they are current).

The configuration reference walks the pydantic models a configuration file is validated with;
the API reference lists every name in the ``__all__`` of the public modules, with its signature
and the first line of its docstring.

    python3 scripts/gen_reference.py
"""

from __future__ import annotations

import enum
import importlib
import inspect
import re
import sys
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SECTIONS = (  # (heading, TOML form, model path)
    ("state", "[state]", "agent.config:StateConfig"),
    ("pools", "[pools.NAME]", "agent.config:PoolConfig"),
    ("credentials", "[[pools.NAME.credentials]]", "agent.config:CredentialConfig"),
    ("cooldown", "[pools.NAME.cooldown]", "agent.cooldown:CooldownPolicy"),
    ("chain", "[[chain]]", "agent.chain:ChainEntry"),
    ("loop", "[loop]", "agent.ladder:LadderPolicy"),
    ("routes", "[routes.NAME]", "agent.serve.settings:RouteConfig"),
    ("serve", "[serve]", "agent.serve.settings:ServeConfig"),
    ("keys", "[[serve.keys]]", "agent.serve.settings:ClientKey"),
    ("management", "[serve.management]", "agent.serve.settings:ManagementConfig"),
)
MODULES = (
    "agent", "agent.config", "agent.conversation_loop", "agent.chain", "agent.conversation", "agent.tools",
    "agent.results", "agent.history", "agent.cron", "agent.events", "agent.ladder", "agent.compress",
    "agent.credential_pool", "agent.cooldown",
    "agent.stores", "agent.chat", "agent.drill", "agent.testing.emulator", "agent.release_notes",
    "agent.passthrough", "agent.pool_report", "agent.serve",
)
_NESTED = {"pools": {"credentials": "[[pools.NAME.credentials]] (at least one)", "cooldown": "[pools.NAME.cooldown]"},
           "serve": {"keys": "[[serve.keys]]", "management": "[serve.management]"}}  # documented in their own section


def _load(path: str) -> Any:
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


def _type(annotation: Any) -> str:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Literal:
        return " \\| ".join(f"`{a}`" for a in args)
    if isinstance(annotation, type) and annotation.__name__ == "FailoverReason":
        return "failure reason (see docs/classifier.md)"
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return " \\| ".join(f"`{m.value}`" for m in annotation)
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        return " or ".join("none" if a is type(None) else _type(a) for a in args)
    if origin in (tuple, frozenset, list, set):
        return f"list of {_type(args[0])}" if args else "list"
    if origin is dict:
        return f"table of {_type(args[1])} by {_type(args[0])}"
    if isinstance(annotation, type):
        return {"str": "string", "int": "integer", "float": "number", "bool": "boolean", "SecretStr": "string (secret)",
                "Path": "path"}.get(annotation.__name__, annotation.__name__)
    return str(annotation)


def _default(field: Any) -> str:
    if field.default_factory is not None:
        value = field.default_factory()
    elif field.default is PydanticUndefined:
        return "required"
    else:
        value = field.default
    if isinstance(value, dict):
        return "`{" + ", ".join(f"{getattr(k, 'value', k)} = {v}" for k, v in value.items()) + "}`" if value else "-"
    if isinstance(value, BaseModel) or value in ((), frozenset()):
        return "-"
    if isinstance(value, enum.Enum):
        value = value.value
    if value is None:
        return "none"
    if value == "":
        return '`""`'
    return f"`{str(value).lower() if isinstance(value, bool) else value}`"


def _limits(field: Any) -> str:
    signs = {"ge": ">=", "gt": ">", "le": "<=", "lt": "<", "min_length": "at least"}
    found = [f"{signs[name]} {getattr(m, name)}" for m in field.metadata for name in signs if hasattr(m, name)]
    return f" ({', '.join(found)})" if found else ""


def configuration() -> str:
    """The whole docs/configuration.md."""
    out = ["# Configuration reference", "",
           "Generated from the pydantic models by `python3 scripts/gen_reference.py`; a test fails when it is",
           "stale. The file is TOML (`steadyloop.toml`, `--config FILE` or `$STEADYLOOP_CONFIG`); unknown",
           "sections and keys are errors that suggest the nearest known name. Durations are in seconds.", ""]
    for heading, form, path in SECTIONS:
        model = _load(path)
        doc = (model.__doc__ or "").strip().splitlines()[0]
        out += [f"## `{form}`", "", f"{doc}", "", "| key | type | default | meaning |", "| --- | --- | --- | --- |"]
        for name, field in model.model_fields.items():
            nested = _NESTED.get(heading, {}).get(name)
            if nested is not None:
                section, _, note = nested.partition(" ")
                out.append(f"| `{name}` | section | - | see `{section}`{' ' + note if note else ''} |")
                continue
            meaning = (field.description or "-") + _limits(field)
            out.append(f"| `{name}` | {_type(field.annotation)} | {_default(field)} | {meaning} |")
        out.append("")
    return "\n".join(out)


def _signature(obj: Any) -> str:
    try:
        text = str(inspect.signature(obj))
    except (TypeError, ValueError):
        return ""
    return re.sub(r"<function (\w+) at 0x[0-9a-f]+>", r"\1", re.sub(r" at 0x[0-9a-f]+", "", text))


def _summary(obj: Any) -> str:
    doc = inspect.getdoc(obj) or ""
    return doc.strip().splitlines()[0] if doc.strip() else "-"


def api() -> str:
    """The whole docs/api.md."""
    out = ["# API reference", "",
           "The public names: everything in the `__all__` of these modules. Generated by",
           "`python3 scripts/gen_reference.py`; a test fails when it is stale. Names starting with `_`",
           "are private and may change.", ""]
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        out += [f"## `{module_name}`", "", _summary(module), ""]
        for name in module.__all__:
            obj = getattr(module, name)
            if typing.get_origin(obj) is typing.Literal:
                out.append(f"- **`{name}`** (type): one of {', '.join(f'`{a}`' for a in typing.get_args(obj))}")
            elif inspect.isclass(obj):
                kind = "exception" if issubclass(obj, BaseException) else "class"
                out.append(f"- **`{name}`** ({kind}): {_summary(obj)}")
                out += [f"  - `.{m}{_signature(f)}`: {_summary(f)}" for m, f in vars(obj).items()
                        if not m.startswith("_") and inspect.isfunction(f)]
            elif callable(obj) and not isinstance(obj, dict):
                out.append(f"- **`{name}{_signature(obj)}`**: {_summary(obj)}")
            else:
                out.append(f"- **`{name}`** (constant)")
        out.append("")
    return "\n".join(out)


def write() -> list[Path]:
    docs = {ROOT / "docs" / "configuration.md": configuration(), ROOT / "docs" / "api.md": api()}
    for path, text in docs.items():
        path.write_text(text, encoding="utf-8")
    return list(docs)


if __name__ == "__main__":
    for written in write():
        print(f"updated {written}")
