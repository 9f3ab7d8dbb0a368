"""Reading a configuration file into plain data: TOML, UTF-8, ``${NAME}`` references; no pydantic.

``agent.config.load_config`` validates what ``read_config`` returns; ``steadyloop pool list`` reads
the same data here and may skip the validation of a file already validated unchanged (see
``agent._validated``). Both raise the same ``ConfigError`` text for an unreadable file.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ._envref import UnsetVariableError, expand

__all__ = ["ConfigError", "read_config"]


class ConfigError(ValueError):
    """The configuration is invalid; the message names the field and the fix."""


def read_config(source: str | Path | Mapping[str, Any], env: Mapping[str, str] | None = None
                ) -> tuple[dict[str, Any], str]:
    """The data of a TOML file (or a dict) with ``${NAME}`` references replaced, and its origin for messages.

    ``env`` defaults to ``os.environ``; every failure is a ``ConfigError`` naming the file and the fix."""
    if isinstance(source, Mapping):
        data, origin = dict(source), "configuration"
    else:
        origin = str(source)
        try:
            data = tomllib.loads(Path(source).expanduser().read_text(encoding="utf-8"))
        except OSError as err:
            raise ConfigError(f"{origin}: cannot read the configuration file ({err.strerror})") from err
        except UnicodeDecodeError as err:
            raise ConfigError(f"{origin}: not UTF-8 (byte 0x{err.object[err.start]:02x} at offset {err.start}); "
                              "TOML files are UTF-8: save it as UTF-8") from err
        except tomllib.TOMLDecodeError as err:
            raise ConfigError(f"{origin}: not valid TOML: {err}") from err
    try:
        expanded: dict[str, Any] = expand(data, os.environ if env is None else env)
    except UnsetVariableError as err:
        raise ConfigError(f"{origin}: {err}") from err
    return expanded, origin
