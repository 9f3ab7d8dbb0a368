"""Which platform needs which optional install, and which credential kinds it can use."""

from __future__ import annotations

import importlib.util
import sys
from typing import Final, Literal

__all__ = ["EXTRAS", "KINDS", "PLATFORMS", "Platform", "missing_extra"]

Platform = Literal["azure", "bedrock", "vertex"]
PLATFORMS: Final[tuple[Platform, ...]] = ("azure", "bedrock", "vertex")

# platform -> (extra name, the modules it installs); Azure needs only the openai SDK itself
EXTRAS: Final[dict[Platform, tuple[str, tuple[str, ...]]]] = {
    "bedrock": ("bedrock", ("boto3", "botocore")),  # SigV4 signing and the AWS credential chain
    "vertex": ("vertex", ("google.auth", "requests")),  # credentials files, ADC; google-auth refreshes over requests
}

# the credential kinds each host accepts (None: the maker's own API)
KINDS: Final[dict[Platform | None, tuple[str, ...]]] = {
    None: ("api_key", "oauth"),
    "azure": ("api_key", "entra"),
    "bedrock": ("aws", "api_key"),  # api_key: a Bedrock API key, sent as a bearer token
    "vertex": ("google",),
}


def _installed(module: str) -> bool:
    """Whether ``module`` can be imported, without importing it (so ``import agent`` stays light)."""
    if module in sys.modules:
        return sys.modules[module] is not None  # None: imports of it are blocked
    top = module.split(".", 1)[0]
    if top in sys.modules and sys.modules[top] is None:
        return False
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def missing_extra(platform: Platform | None) -> str | None:
    """What to install for ``platform`` when a module it needs is absent, else None."""
    need = EXTRAS.get(platform) if platform is not None else None
    if need is None:
        return None
    extra, modules = need
    absent = [m for m in modules if not _installed(m)]
    if not absent:
        return None
    return (f"platform {platform!r} needs the {extra} extra ({', '.join(absent)} is not installed): "
            f"pip install 'steadyloop[{extra}]'")
