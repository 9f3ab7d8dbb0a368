"""A field of an SDK answer: ``getattr(value, name, None)``, without pydantic raising for a name the model lacks.

The SDKs' answers are pydantic models. Asked for a name a model does not have (``choices`` of an Anthropic
``Message``, ``type`` of a ``ChatCompletion``), pydantic's ``__getattr__`` raises ``AttributeError`` for ``getattr``
to catch: 6 to 14 us each time, paid on every successful turn the soft-failure check looks at. For a model class
that keeps pydantic's own lookup, a name that no class attribute answers has its value in the instance's
``__dict__`` (a declared field) or in ``__pydantic_extra__`` (an undeclared one) and nowhere else, so ``field``
reads those two and gives the same answer without the exception. Any other object is read with ``getattr``.
"""

from __future__ import annotations

from typing import Any, Final

__all__ = ["field"]

_CACHE_MAX: Final = 1024  # (class, name) pairs remembered; a process meets a few answer classes
_DIRECT: dict[tuple[type, str], bool] = {}
_ABSENT: Final[Any] = object()


def field(value: object, name: str) -> Any:
    """``getattr(value, name, None)``: the same answer for any object, without an exception for a pydantic model."""
    cls = type(value)
    direct = _DIRECT.get((cls, name))
    if direct is None:
        direct = _reads_directly(cls, name)
        if len(_DIRECT) < _CACHE_MAX:
            _DIRECT[(cls, name)] = direct
    if not direct:
        return getattr(value, name, None)
    found = value.__dict__.get(name, _ABSENT)
    if found is not _ABSENT:
        return found
    extra = getattr(value, "__pydantic_extra__", None)
    return extra.get(name) if extra else None


def _reads_directly(cls: type, name: str) -> bool:
    """Whether ``cls`` keeps pydantic's attribute lookup and no class attribute (property, method, private
    attribute) answers ``name``: a pure function of the class and the name, remembered per pair."""
    hook = getattr(cls, "__getattr__", None)
    lookup: object = cls.__getattribute__
    try:
        return (getattr(hook, "__module__", None) == "pydantic.main"
                and getattr(hook, "__qualname__", None) == "BaseModel.__getattr__"
                and lookup is object.__getattribute__
                and not hasattr(cls, name) and name not in getattr(cls, "__private_attributes__", {}))
    except Exception:  # an odd metaclass: the plain getattr decides
        return False
