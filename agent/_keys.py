"""Reading a credential's key from ``key``, ``key_env`` or ``key_file``; no pydantic.

``CredentialConfig.resolve`` and ``steadyloop pool list``'s quick path both read keys here, so a key
that cannot be read is named by the same words on both. Keys travel in HTTP headers: one that
cannot is a configuration error, never sent.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Final

from ._config_file import ConfigError

__all__ = ["check_key", "read_key", "unsendable_key", "variable_name"]

# One word of a variable's name between underscores: upper case (digits anywhere: GPT4O), lower case or capitalised
# (digits only at its end), or digits. A key's random mix of cases and digits is none of these.
_NAME_WORD: Final = re.compile(r"[A-Z0-9]+|[a-z]+[0-9]*|[A-Z][a-z]+[0-9]*")


def unsendable_key(secret: str) -> str | None:
    """Why ``secret`` cannot be sent in an HTTP header (printable ASCII only), or None; never quotes the key."""
    for i, char in enumerate(secret):
        if not " " < char < "\x7f":
            return (f"the key has a character that cannot be sent in an HTTP header at position {i + 1} "
                    f"(U+{ord(char):04X}); keys are printable ASCII: copy it again without spaces, quotes or "
                    "look-alike characters")
    return None


def variable_name(value: str) -> bool:
    """Whether ``value`` reads as an environment variable's name (OPENAI_API_KEY, openai_key, Api_Key), not a key
    pasted in its place (sk-proj-..., 32 hex digits, a mixed-case token): errors name only the former."""
    words = value.split("_")
    return (0 < len(value) <= 64 and value.isascii() and not value[0].isdigit()
            and all(not word or (_NAME_WORD.fullmatch(word) is not None and (len(word) <= 24 or word.isalpha()))
                    for word in words))


def read_key(key: str | None, key_env: str | None, key_file: Path | None, env: Mapping[str, str],
             where: str) -> str:
    """The key (stripped) from the one source given; a ``ConfigError`` names ``where``'s field and the fix."""
    if key is not None:
        secret, field = key, f"{where}.key"
        if not secret.strip():
            raise ConfigError(f"{field}: the key is empty; give the key, or use key_env or key_file")
    elif key_env is not None:
        secret, field = env.get(key_env, ""), f"{where}.key_env"
        if not secret.strip() and not variable_name(key_env):  # a key pasted where its variable's name goes
            raise ConfigError(f"{field}: the value is not the name of an environment variable (it looks like a key, "
                              "so it is not repeated here); key_env names the variable that holds the key: "
                              'key_env = "OPENAI_API_KEY" and export OPENAI_API_KEY=<your key>, or give key_file')
        if not secret.strip():
            raise ConfigError(f"{field}: environment variable {key_env} is not set or empty; "
                              f"export {key_env}=<your key>")
    else:
        field = f"{where}.key_file"
        secret = _read_key_file(Path(str(key_file)).expanduser(), field)
    check_key(secret.strip(), field)
    return secret.strip()


def _read_key_file(path: Path, field: str) -> str:
    try:
        secret = path.read_text(encoding="utf-8")
    except OSError as err:
        raise ConfigError(f"{field}: cannot read {path} ({err.strerror}); check the path and its permissions") from err
    except UnicodeDecodeError as err:
        raise ConfigError(f"{field}: {path} is not UTF-8 text (byte at offset {err.start}); a key is plain ASCII: "
                          "write it again") from err
    if not secret.strip():
        raise ConfigError(f"{field}: {path} is empty; put the key in it")
    return secret


def check_key(secret: str, field: str) -> None:
    """Raise a ``ConfigError`` naming ``field`` when ``secret`` cannot travel in an HTTP header."""
    problem = unsendable_key(secret)
    if problem is not None:
        raise ConfigError(f"{field}: {problem}")
