"""Operator rules: a TOML file of extra rules, in the vocabulary of ``_rules.py``, checked before the built-in table.

    [[rule]]
    name = "acme-gateway-busy"        # required, unique
    reason = "overloaded"             # required: a FailoverReason value
    statuses = [429, 503]             # optional: any of these HTTP statuses ("none" for no status)
    codes = ["gateway_busy"]          # optional: any of these structured codes (case-insensitive)
    phrases = ["gateway is busy"]     # optional: all of these, as whole words, case-insensitive
    provider = "acme"                 # optional: the provider name the loop passes
    scope = "endpoint"                # optional: a Scope value, when it differs from the reason's default

A rule needs at least one condition. Every mistake is reported with the file, the line and the
field, and how to fix it; a file with any mistake is refused as a whole.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from ._facts import ErrorFacts
from ._phrases import normalize
from ._rules import Rule
from ._taxonomy import FailoverReason, Scope

__all__ = ["RulesFileError", "load_rules", "parse_rules"]

_FIELDS: Final = frozenset({"name", "reason", "statuses", "codes", "phrases", "provider", "scope"})


class RulesFileError(ValueError):
    """The rules file cannot be used; the message names the file, line and field."""


def load_rules(path: str | Path) -> tuple[Rule, ...]:
    """Read and validate an operator rules file."""
    where = Path(path).expanduser()
    try:
        text = where.read_text(encoding="utf-8")
    except OSError as err:
        raise RulesFileError(f"{where}: cannot read the rules file ({err.strerror}); check the path") from err
    return parse_rules(text, str(where))


def parse_rules(text: str, name: str = "<rules>") -> tuple[Rule, ...]:
    """Validate TOML ``text`` and turn each ``[[rule]]`` into a ``Rule`` named ``operator:<name>``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise RulesFileError(f"{name}: not valid TOML ({err})") from err
    extra = sorted(set(data) - {"rule"})
    if extra:
        raise RulesFileError(f"{name}: unknown table {extra[0]!r}; write each rule as a [[rule]] table")
    tables = data.get("rule", [])
    if not isinstance(tables, list):
        raise RulesFileError(f"{name}: 'rule' must be an array of tables: write [[rule]], not [rule]")
    headers = [i for i, line in enumerate(text.splitlines(), 1) if line.strip().startswith("[[rule]]")]
    rules: list[Rule] = []
    for index, table in enumerate(tables):
        start = headers[index] if index < len(headers) else 1
        rules.append(_rule(table, _Locator(text, name, start)))
    names = [r.name for r in rules]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        twice = dupes[0].removeprefix("operator:")
        raise RulesFileError(f"{name}: rule name {twice!r} is used twice; names are unique")
    return tuple(rules)


class _Locator:
    """Finds the line of a field inside one ``[[rule]]`` table, for error messages."""

    def __init__(self, text: str, name: str, start: int) -> None:
        self.lines, self.name, self.start = text.splitlines(), name, start

    def error(self, field: str, problem: str) -> RulesFileError:
        line = self.start
        pattern = re.compile(rf"^\s*{re.escape(field)}\s*=")
        for number in range(self.start, len(self.lines) + 1):
            if number > self.start and self.lines[number - 1].strip().startswith("["):
                break
            if pattern.match(self.lines[number - 1]):
                line = number
                break
        return RulesFileError(f"{self.name}:{line}: field {field!r}: {problem}")


def _rule(table: Mapping[str, Any], at: _Locator) -> Rule:
    unknown = sorted(set(table) - _FIELDS)
    if unknown:
        raise at.error(unknown[0], f"unknown field; the fields are {', '.join(sorted(_FIELDS))}")
    name = table.get("name")
    if not isinstance(name, str) or not name.strip():
        raise at.error("name", "every rule needs a name (a non-empty string)")
    reason = _choice(table, "reason", FailoverReason, at, required=True)
    scope = _choice(table, "scope", Scope, at, required=False)
    statuses = _statuses(table.get("statuses"), at)
    codes = _strings(table, "codes", at)
    phrases = tuple(normalize(p)[0] for p in _strings(table, "phrases", at))
    provider = table.get("provider")
    if provider is not None and (not isinstance(provider, str) or not provider.strip()):
        raise at.error("provider", "must be a non-empty string (the provider name of the chain entry)")
    if statuses is None and not codes and not phrases and provider is None:
        raise at.error("name", f"rule {name!r} has no condition: give statuses, codes, phrases or provider")
    wanted = provider.strip().lower() if isinstance(provider, str) else None

    def test(f: ErrorFacts) -> bool:
        return all(p in f.norm for p in phrases) and (wanted is None or f.provider.lower() == wanted)

    return Rule(f"operator:{name.strip()}", reason, statuses, frozenset(c.lower() for c in codes), frozenset(),
                frozenset(), test if phrases or wanted else None, scope)


def _choice(table: Mapping[str, Any], field: str, cls: Any, at: _Locator, *, required: bool) -> Any:
    value = table.get(field)
    if value is None and not required:
        return None
    try:
        return cls(value)
    except ValueError:
        raise at.error(field, f"{value!r} is not one of {', '.join(m.value for m in cls)}") from None


def _statuses(value: object, at: _Locator) -> frozenset[int | None] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not value:
        raise at.error("statuses", 'must be a non-empty list of HTTP statuses (100-599) or "none"')
    found: set[int | None] = set()
    for item in value:
        if item == "none":
            found.add(None)
        elif isinstance(item, int) and not isinstance(item, bool) and 100 <= item <= 599:
            found.add(item)
        else:
            raise at.error("statuses", f'{item!r} is not an HTTP status (100-599) or "none"')
    return frozenset(found)


def _strings(table: Mapping[str, Any], field: str, at: _Locator) -> tuple[str, ...]:
    value = table.get(field)
    if value is None:
        return ()
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise at.error(field, "must be a non-empty list of non-empty strings")
    return tuple(value)
