"""Configuration values that name an environment variable: ``"${NAME}"`` (and LiteLLM's ``"os.environ/NAME"``).

Every string value of a configuration may hold ``${NAME}`` references, replaced by the variable's
value when the file is read; ``$${`` writes a literal ``${``. A whole value of the form
``os.environ/NAME`` (LiteLLM's spelling) is read the same way, with a warning that points to ours.
An unset variable is a configuration error naming the field and the variable, never a literal
``${NAME}`` sent as a key.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any, Final

__all__ = ["UnsetVariableError", "expand"]

log = logging.getLogger("steadyloop.config")

_REF: Final = re.compile(r"\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_LITELLM: Final = re.compile(r"os\.environ/([A-Za-z_][A-Za-z0-9_]*)")


class UnsetVariableError(ValueError):
    """A referenced environment variable is not set (or empty); the message names the field and the fix."""


def _one(value: str, where: str, env: Mapping[str, str]) -> str:
    litellm = _LITELLM.fullmatch(value.strip())
    if litellm is not None:
        name = litellm.group(1)
        log.warning("steadyloop: %s: %r is LiteLLM's form; steadyloop reads it, and its own is \"${%s}\"",
                    where, value, name)
        return _lookup(name, where, env)

    def sub(match: re.Match[str]) -> str:
        return "${" if match.group(1) is None else _lookup(match.group(1), where, env)

    return _REF.sub(sub, value)


def _lookup(name: str, where: str, env: Mapping[str, str]) -> str:
    found = env.get(name, "")
    if not found:
        raise UnsetVariableError(f"{where}: environment variable {name} is not set or empty; export {name}=<value> "
                            "or write the value itself")
    return found


def expand(data: Any, env: Mapping[str, str], where: str = "") -> Any:
    """``data`` with every string's references replaced; raises UnsetVariableError naming the dotted field."""
    if isinstance(data, str):
        return _one(data, where or "(top level)", env) if ("${" in data or "os.environ/" in data) else data
    if isinstance(data, Mapping):
        return {k: expand(v, env, f"{where}.{k}" if where else str(k)) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [expand(v, env, f"{where}.{i}") for i, v in enumerate(data)]
    return data
