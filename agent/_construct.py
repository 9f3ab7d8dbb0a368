"""``Model.model_construct(**values)`` for the turn's records, without its per-field walk.

pydantic's ``model_construct`` looks at every field's aliases, pops each value and builds the set of fields
given, one field at a time: about 20 us for a ``TurnResult`` here, twice per turn on the gateway's path
(the attempt's row and the result). The turn gives every field of ``Attempt``, ``Note`` and ``TurnResult``
in field order, so the instance is those values: ``constructed`` builds exactly what ``model_construct``
builds then (the same ``__dict__`` in field order, ``model_fields_set``,
``__pydantic_extra__`` and ``__pydantic_private__``) and leaves every other call (a field left out or an
unknown name, aliases, ``extra="allow"``, private attributes, a post-init) to ``model_construct`` itself.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

__all__ = ["constructed"]

M = TypeVar("M", bound=BaseModel)

_PLANS: dict[type[BaseModel], tuple[str, ...] | None] = {}
_set = object.__setattr__


def _plan(cls: type[BaseModel]) -> tuple[str, ...] | None:
    """The field names in order, where ``model_construct`` with all of them given is just those values."""
    fields = cls.__pydantic_fields__
    plain = (not cls.__pydantic_root_model__ and not cls.__pydantic_post_init__ and not cls.__private_attributes__
             and cls.model_config.get("extra") != "allow"
             and all(f.alias is None and f.validation_alias is None for f in fields.values()))
    return tuple(fields) if plain else None


def constructed(cls: type[M], values: dict[str, Any]) -> M:
    """``cls.model_construct(**values)``: the same instance, built at once when ``values`` names every field of
    ``cls`` in its order (the caller writes them so), else by ``model_construct``."""
    names = _PLANS.get(cls, ())
    if names == ():
        names = _PLANS[cls] = _plan(cls)
    if names is None or tuple(values) != names:
        return cls.model_construct(**values)
    m = cls.__new__(cls)
    _set(m, "__dict__", values)
    _set(m, "__pydantic_fields_set__", set(names))
    _set(m, "__pydantic_extra__", None)
    _set(m, "__pydantic_private__", None)
    return m
