"""isinstance checks against the real SDK classes, without importing any SDK.

An object can only be an instance of an ``openai``, ``anthropic`` or ``httpx2`` class if that
module was imported, so each check looks only at the modules already in ``sys.modules``. Each
name below is a virtual class: ``isinstance(err, SDKStatusError)`` is true exactly when ``err`` is
an ``openai.APIStatusError`` or an ``anthropic.APIStatusError``. Nothing here imports an SDK;
``import agent`` stays fast and a chain that only uses one API never loads the other.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any, ClassVar

__all__ = ["HttpxHeaders", "SDKConnectionError", "SDKError", "SDKStatusError", "SDKTimeoutError"]


class _Loaded(type):
    """Metaclass: ``isinstance`` against the named classes of the modules that are loaded."""

    names: tuple[tuple[str, str], ...]
    _seen: tuple[ModuleType | None, ...] | None
    _classes: tuple[type, ...]
    _all: bool  # every named class was found: the answer can no longer change

    def __instancecheck__(cls, obj: Any) -> bool:
        return isinstance(obj, cls.classes())

    def __subclasscheck__(cls, sub: type) -> bool:
        return issubclass(sub, cls.classes())

    def classes(cls) -> tuple[type, ...]:
        """The named classes of the loaded modules (rebuilt when a module appears)."""
        if cls._all:
            return cls._classes
        modules = tuple(sys.modules.get(module) for module, _ in cls.names)
        if modules != cls._seen:
            found = tuple(getattr(m, attr, None) for m, (_, attr) in zip(modules, cls.names, strict=True)
                          if m is not None)
            classes = tuple(c for c in found if isinstance(c, type))
            # a module still importing may lack the class yet: only remember complete answers
            cls._seen = modules if len(classes) == len(found) else None
            cls._classes = classes
            cls._all = len(classes) == len(cls.names)
        return cls._classes


class _Virtual(metaclass=_Loaded):
    names: ClassVar[tuple[tuple[str, str], ...]] = ()
    _seen = None
    _classes = ()
    _all = False


class SDKError(_Virtual):
    """Any exception of either SDK (their own classes, whose names say nothing about the provider's error)."""

    names = (("openai", "OpenAIError"), ("anthropic", "AnthropicError"))


class SDKStatusError(_Virtual):
    """An HTTP error status raised by either SDK."""

    names = (("openai", "APIStatusError"), ("anthropic", "APIStatusError"))


class SDKTimeoutError(_Virtual):
    """A client-side timeout from either SDK or their HTTP library."""

    names = (("openai", "APITimeoutError"), ("anthropic", "APITimeoutError"), ("httpx2", "TimeoutException"))


class SDKConnectionError(_Virtual):
    """A connection failure from either SDK or their HTTP library."""

    names = (("openai", "APIConnectionError"), ("anthropic", "APIConnectionError"), ("httpx2", "TransportError"))


class HttpxHeaders(_Virtual):
    """The HTTP library's header mapping (it keeps the raw bytes)."""

    names = (("httpx2", "Headers"),)
    raw: list[tuple[bytes, bytes]]  # what an instance offers (declared for the type checker)
