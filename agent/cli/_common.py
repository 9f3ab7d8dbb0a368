"""What every sub-command shares: the usage error and the configuration lookup."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..config import SteadyConfig

__all__ = ["CONFIG_HELP", "UsageError", "config_path", "load_config_arg"]

CONFIG_HELP = "configuration file (default: $STEADYLOOP_CONFIG or ./steadyloop.toml)"


class UsageError(Exception):
    """A bad command-line value; the message names the option and the fix."""


def config_path(given: str | None) -> str:
    """The configuration file to read: --config, else $STEADYLOOP_CONFIG, else ./steadyloop.toml."""
    path = given or os.environ.get("STEADYLOOP_CONFIG") or "steadyloop.toml"
    if not os.path.exists(path):
        raise UsageError(f"--config {path}: no such file; pass --config FILE or set STEADYLOOP_CONFIG")
    return path


def load_config_arg(args: argparse.Namespace) -> SteadyConfig:
    """The validated configuration named by ``args.config``; errors become usage errors."""
    from ..config import ConfigError, load_config

    try:
        return load_config(config_path(args.config))
    except ConfigError as err:
        raise UsageError(str(err)) from err
