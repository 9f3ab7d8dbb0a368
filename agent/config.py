"""Typed configuration, usable from Python and from a TOML file.

The core never reads the environment; this module does, in one place (``load_config``,
``resolve_pool``, ``default_state_path``). Every validation error names the field and the fix::

    [state]
    backend = "sqlite"                   # memory | sqlite (default) | redis
    # path = "/var/lib/steadyloop/state.db"   # default: $STEADYLOOP_STATE_DIR, $XDG_STATE_HOME/steadyloop
    # url_env = "STEADYLOOP_REDIS_URL"   # redis: the URL (it may hold a password) from this variable
    # lease_ttl_seconds = 15             # a killed worker's slot frees within this; renewed while held

    [pools.anthropic]
    strategy = "fill_first"              # fill_first | round_robin | least_used | random

    [[pools.anthropic.credentials]]
    id = "work"
    key_env = "ANTHROPIC_API_KEY"        # or key = "..." or key_file = "~/.secrets/anthropic"

Any string value may reference the environment as ``"${NAME}"`` (see ``agent._envref``).
"""

from __future__ import annotations

import difflib
import os
import time
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator, model_validator

from ._config_file import ConfigError, read_config
from ._keys import check_key, read_key
from ._state_open import default_state_path, open_store, redis_url_problem
from .chain import ChainEntry, check_base_url
from .cooldown import CooldownPolicy
from .credential_pool import (
    DEFAULT_LEASE_TTL,
    MAX_LEASE_TTL,
    Credential,
    CredentialKind,
    CredentialPool,
    Strategy,
)
from .ladder import LadderPolicy
from .platforms import KINDS, AwsAuth, CloudAuth, EntraAuth, GoogleAuth, missing_extra
from .serve.settings import RouteConfig, ServeConfig
from .stores import DEFAULT_BUSY_TIMEOUT, StateStore

if TYPE_CHECKING:  # the loop (and through it the SDKs) loads only when build_loop runs
    from ._rules import Rule  # the classifier too: `pool list` never classifies
    from .conversation_loop import ConversationLoop
    from .events import Hook
    from .tools import ToolBox

__all__ = [
    "ClassifierConfig",
    "ConfigError",
    "CredentialConfig",
    "PoolConfig",
    "StateConfig",
    "SteadyConfig",
    "build_loop",
    "classifier_rules",
    "default_state_path",
    "load_config",
    "open_state",
    "readable_credentials",
    "redis_url_problem",
    "resolve_pool",
    "validate_config",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class CredentialConfig(_Strict):
    """One credential as configured: exactly one of key, key_env, key_file."""

    id: str = Field("", description="a stable label shown in logs and state (default: a fingerprint)")
    key: SecretStr | None = Field(None, description="the key itself (prefer key_env or key_file)")
    key_env: str | None = Field(None, description="an environment variable that holds the key")
    key_file: Path | None = Field(None, description="a file whose content is the key")
    kind: CredentialKind = Field("api_key", description="api_key | oauth (sent as a bearer token) | aws (Bedrock) | "
                                                        "google (Vertex) | entra (Azure Entra ID)")
    aws_profile: str | None = Field(None, min_length=1, description="aws: a profile of ~/.aws/config (default: "
                                    "$AWS_ACCESS_KEY_ID, $AWS_SECRET_ACCESS_KEY, $AWS_SESSION_TOKEN)")
    credentials_file: Path | None = Field(None, description="google: a service-account or user credentials JSON "
                                          "(default: key/key_env/key_file as an access token, else application "
                                          "default credentials)")
    token_command: tuple[str, ...] = Field((), description="entra: argv that prints an Entra ID access token, e.g. "
                                           "[\"az\", \"account\", \"get-access-token\", \"--resource\", "
                                           "\"https://cognitiveservices.azure.com\", \"--query\", \"accessToken\", "
                                           "\"-o\", \"tsv\"]")
    token_refresh_seconds: float = Field(300.0, ge=1, le=3600, allow_inf_nan=False,
                                         description="entra: run token_command again after this long (>= 1 s)")
    priority: int = Field(0, description="lower is tried first by fill_first")
    base_url: str | None = Field(None, description="this key's endpoint (default: the chain entry's)")
    max_concurrency: int | None = Field(None, ge=1, description="calls in flight at once with this key, across "
                                        "processes sharing the state (none: unlimited)")
    state_identity: str | None = Field(None, description="shared state is keyed by a keyed hash of this instead "
                                       "of the key: a stable identity (such as an account id) for a key that rotates")

    @field_validator("base_url")
    @classmethod
    def _base_url(cls, value: str | None) -> str | None:
        return check_base_url(value)

    @field_validator("state_identity")
    @classmethod
    def _state_identity(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("state_identity is empty: give a stable identity (such as an account id), or leave "
                             "it out")
        return value

    @model_validator(mode="after")
    def _one_source(self) -> CredentialConfig:
        given = [name for name in ("key", "key_env", "key_file") if getattr(self, name) is not None]
        cloud = {"aws_profile": "aws", "credentials_file": "google", "token_command": "entra"}
        for name, kind in cloud.items():
            if getattr(self, name) and self.kind != kind:
                raise ValueError(f"{name} is for kind = \"{kind}\" credentials; set kind or remove {name}")
        if self.kind == "aws":
            if given:
                raise ValueError("kind 'aws' takes its keys from aws_profile or the standard AWS variables, not "
                                 f"{given[0]}; for a Bedrock API key use kind = \"api_key\"")
            return self
        own = [n for n in ("credentials_file", "token_command") if getattr(self, n)]
        if len(given) + len(own) > 1 or (not given and self.kind in ("api_key", "oauth", "entra") and not own):
            choices = {"google": "key, key_env, key_file (an access token), credentials_file or none (application "
                                 "default credentials)",
                       "entra": "key, key_env, key_file (a token) or token_command"}.get(self.kind,
                                                                                          "key, key_env, key_file")
            wanted = "at most one" if self.kind == "google" else "exactly one"
            raise ValueError(f"give {wanted} of {choices} (got {', '.join(given + own) or 'none'})")
        return self

    def resolve(self, env: Mapping[str, str], where: str) -> Credential:
        """The usable credential; errors name ``where`` and the variable or file to fix."""
        cloud = _cloud_credential(self, env, where)
        if cloud is not None:
            return cloud
        key = self.key.get_secret_value() if self.key is not None else None
        secret = read_key(key, self.key_env, self.key_file, env, where)
        return self.credential(where, SecretStr(secret))

    def credential(self, where: str, secret: SecretStr | None, auth: CloudAuth | None = None) -> Credential:
        """The credential with this entry's settings; errors name ``where``."""
        try:
            return Credential(secret=secret, id=self.id, kind=self.kind, priority=self.priority, auth=auth,
                              base_url=self.base_url, max_concurrency=self.max_concurrency,
                              state_identity=self.state_identity)
        except ValidationError as err:
            raise ConfigError(f"{where}: " + "; ".join(e["msg"].removeprefix("Value error, ")
                                                       for e in err.errors())) from err


def _cloud_credential(config: CredentialConfig, env: Mapping[str, str], where: str) -> Credential | None:
    """The aws, google and entra credentials that have no key source of their own (else None)."""
    if config.kind == "aws":
        if config.aws_profile:
            return config.credential(where, None, AwsAuth(profile=config.aws_profile))
        key_id, secret = env.get("AWS_ACCESS_KEY_ID", "").strip(), env.get("AWS_SECRET_ACCESS_KEY", "").strip()
        if not key_id or not secret:
            missing = " and ".join(n for n, v in (("AWS_ACCESS_KEY_ID", key_id), ("AWS_SECRET_ACCESS_KEY", secret))
                                   if not v)
            raise ConfigError(f"{where}: kind 'aws' without aws_profile reads the standard AWS variables, and "
                              f"{missing} is not set; export them, or set aws_profile = \"NAME\"")
        check_key(secret, f"{where} ($AWS_SECRET_ACCESS_KEY)")
        token = env.get("AWS_SESSION_TOKEN", "").strip()
        return config.credential(where, SecretStr(secret), AwsAuth(access_key_id=key_id,
                                                                   session_token=SecretStr(token) if token else None))
    if config.kind == "google" and config.key is None and config.key_env is None and config.key_file is None:
        path = config.credentials_file.expanduser() if config.credentials_file else None
        if path is not None and not path.is_file():
            raise ConfigError(f"{where}.credentials_file: {path} is not a file; give the path of a service-account "
                              "JSON, or remove it to use application default credentials")
        if path is not None:
            from .platforms.clients import google_file_type

            try:
                google_file_type(path)
            except ValueError as err:
                raise ConfigError(f"{where}.credentials_file: {err}") from err
        return config.credential(where, None, GoogleAuth(credentials_file=path))
    if config.kind == "entra" and config.token_command:
        return config.credential(where, None, EntraAuth(command=config.token_command,
                                                        refresh_seconds=config.token_refresh_seconds))
    return None


class PoolConfig(_Strict):
    """A named pool of credentials for one provider."""

    strategy: Strategy = Field(Strategy.fill_first, description="which available key a call gets")
    session_affinity: bool = Field(True, description="a conversation keeps its key while that key stays healthy")
    credentials: tuple[CredentialConfig, ...] = Field(..., min_length=1)
    cooldown: CooldownPolicy = CooldownPolicy()


class StateConfig(_Strict):
    """Where shared credential state lives."""

    backend: Literal["memory", "sqlite", "redis"] = Field(
        "sqlite", description="memory: this process only; sqlite: every process on the host; redis: a fleet")
    path: Path | None = Field(None, description="sqlite file (default: the user's state directory)")
    url: SecretStr | None = Field(None, description="redis:// or rediss:// URL (prefer url_env)")
    url_env: str | None = Field(None, description="environment variable holding the redis URL")
    prefix: str = Field("steadyloop:", description="redis key prefix (several deployments can share a server)")
    lease_ttl_seconds: float = Field(DEFAULT_LEASE_TTL, ge=1.0, le=MAX_LEASE_TTL, allow_inf_nan=False,
                                     description="lease expiry, renewed every third of it while the call runs")
    busy_timeout_seconds: float = Field(DEFAULT_BUSY_TIMEOUT, gt=0.0, le=10.0, allow_inf_nan=False,
                                        description="sqlite: longest wait for another process's write lock")

    @model_validator(mode="after")
    def _redis_needs_url(self) -> StateConfig:
        if self.backend == "redis" and self.url is None and self.url_env is None:
            raise ValueError("backend 'redis' needs url or url_env (for example url_env = \"STEADYLOOP_REDIS_URL\")")
        return self


class ClassifierConfig(_Strict):
    """Operator additions to the error classifier."""

    rules_file: Path | None = Field(None, description="TOML rules checked before the built-in table "
                                                      "(default: $STEADYLOOP_RULES)")


class SteadyConfig(_Strict):
    """The whole configuration file."""

    state: StateConfig = StateConfig()
    pools: dict[str, PoolConfig] = Field(default_factory=dict)
    chain: tuple[ChainEntry, ...] = Field((), description="the ordered model chain: primary first")
    loop: LadderPolicy = LadderPolicy()
    classifier: ClassifierConfig = ClassifierConfig()
    routes: dict[str, RouteConfig] = Field(default_factory=dict, description="steadyloop serve: client model "
                                           "names and the chain entries behind each")
    serve: ServeConfig = ServeConfig()

    @model_validator(mode="after")
    def _chain_pools_exist(self) -> SteadyConfig:
        missing = sorted({e.pool for e in self.chain} - set(self.pools))
        if missing:
            raise ValueError(f"chain names pools with no [pools.NAME] section: {missing}")
        for i, entry in enumerate(self.chain):
            _kinds_fit(i, entry, self.pools[entry.pool])
        return self

    @model_validator(mode="after")
    def _routes_name_chain_entries(self) -> SteadyConfig:
        models = [e.model for e in self.chain]
        for name, route in self.routes.items():
            unknown = [m for m in route.chain if m not in models]
            if unknown:
                raise ValueError(f"routes.{name}.chain: no [[chain]] entry has model {unknown[0]!r}; configured: "
                                 f"{', '.join(models) or 'none (add [[chain]] entries)'}")
        for i, key in enumerate(self.serve.keys):
            unknown = [m for m in key.models if m not in self.routes]
            if unknown:
                raise ValueError(f"serve.keys.{i}.models: no [routes.{unknown[0]}] section; configured routes: "
                                 f"{', '.join(self.routes) or 'none'}")
        return self


def _kinds_fit(index: int, entry: ChainEntry, pool: PoolConfig) -> None:
    """Every credential of an entry's pool is of a kind its host accepts."""
    accepted = KINDS[entry.platform]
    host = f"platform {entry.platform!r}" if entry.platform else f"{entry.api} (no platform)"
    for j, cred in enumerate(pool.credentials):
        if cred.kind not in accepted:
            raise ValueError(f"chain.{index}: pools.{entry.pool}.credentials.{j} is kind {cred.kind!r}, which "
                             f"{host} cannot use; it takes {' or '.join(accepted)} (a pool serves one host)")


def _fields_at(loc: tuple[int | str, ...]) -> list[str]:
    """The field names of the model that holds ``loc``'s last part (dict keys and list indexes skipped)."""
    model: type[BaseModel] = SteadyConfig
    for part in loc[:-1]:
        field = model.model_fields.get(str(part))
        if field is None:
            continue  # a pool name or a list index: stay at the same model
        nested = [t for t in _flatten(field.annotation) if isinstance(t, type) and issubclass(t, BaseModel)]
        if not nested:
            return []
        model = nested[0]
    return list(model.model_fields)


def _flatten(annotation: Any) -> list[Any]:
    args = typing.get_args(annotation)
    return [annotation] if not args else [t for arg in args for t in _flatten(arg)]


def _problem(e: Any) -> str:
    where = ".".join(str(p) for p in e["loc"]) or "(top level)"
    if e["type"] != "extra_forbidden":
        return f"{where}: {e['msg'].removeprefix('Value error, ')}"
    name, known = str(e["loc"][-1]), _fields_at(e["loc"])
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    hint = f"did you mean {close[0]!r}? " if close else ""
    section = "section" if len(e["loc"]) == 1 else "key"
    return f"{where}: unknown {section}; {hint}known: {', '.join(known)}"


def _explain(err: ValidationError, origin: str) -> ConfigError:
    problems = [_problem(e) for e in err.errors()]
    return ConfigError(f"{origin}: invalid configuration: " + "; ".join(problems))


def load_config(source: str | Path | Mapping[str, Any], env: Mapping[str, str] | None = None) -> SteadyConfig:
    """Parse and validate a TOML file (or a dict); raises ConfigError naming each bad field.

    String values may reference the environment (``env``, default ``os.environ``) as ``"${NAME}"``.
    """
    return validate_config(*read_config(source, env))


def validate_config(data: Mapping[str, Any], origin: str) -> SteadyConfig:
    """Validate configuration data already read (a TOML file's tables, ``${NAME}`` references replaced);
    a ConfigError names ``origin`` (the file) and each bad field, as ``load_config`` does."""
    try:
        return SteadyConfig.model_validate(data)
    except ValidationError as err:
        raise _explain(err, origin) from err


def open_state(config: StateConfig, env: Mapping[str, str] | None = None) -> StateStore:
    """The configured store; shared backends degrade to memory (with a warning) instead of failing."""
    return open_store(config.backend, config.path, config.url.get_secret_value() if config.url else None,
                      config.url_env, config.prefix, config.busy_timeout_seconds, os.environ if env is None else env)


def resolve_pool(name: str, config: PoolConfig, store: StateStore, env: Mapping[str, str] | None = None,
                 *, lease_ttl: float = DEFAULT_LEASE_TTL, clock: Callable[[], float] = time.time) -> CredentialPool:
    """A live pool from its configuration (reads keys from the environment or files here); ``clock``: epoch
    seconds, the pool's cooldowns and leases."""
    env = os.environ if env is None else env
    creds = [c.resolve(env, f"pools.{name}.credentials.{i}") for i, c in enumerate(config.credentials)]
    return CredentialPool(name, creds, strategy=config.strategy, store=store, policy=config.cooldown,
                          session_affinity=config.session_affinity, lease_ttl=lease_ttl, clock=clock)


def readable_credentials(name: str, config: PoolConfig, env: Mapping[str, str] | None = None
                         ) -> tuple[list[Credential], list[tuple[str, str]]]:
    """A pool's credentials whose keys can be read here, and ``(id, problem)`` for each that cannot.

    State is keyed by each key's fingerprint, so ``pool list`` and ``pool reset`` need the keys
    (the same environment as the workers); an unlabelled credential that cannot be read is named
    by its position (``credentials.N``).
    """
    env = os.environ if env is None else env
    readable, unreadable = [], []
    for i, cred in enumerate(config.credentials):
        try:
            readable.append(cred.resolve(env, f"pools.{name}.credentials.{i}"))
        except ConfigError as err:
            unreadable.append((cred.id or f"credentials.{i}", str(err)))
    return readable, unreadable


def build_loop(config: SteadyConfig, *, env: Mapping[str, str] | None = None, tools: ToolBox | None = None,
               hooks: tuple[Hook, ...] | None = None) -> ConversationLoop:
    """A ready loop: the configured chain, its pools (keys resolved here) and the shared state store.

    ``hooks`` defaults to the logging hook (``events.log_event``)."""
    from .conversation_loop import ConversationLoop
    from .events import log_event

    if not config.chain:
        raise ConfigError("chain: no models configured; add at least one [[chain]] with api, model and pool")
    environ = os.environ if env is None else env
    for i, entry in enumerate(config.chain):
        problem = missing_extra(entry.platform)
        if problem is not None:
            raise ConfigError(f"chain.{i}: {problem}")
        _no_bearer_conflict(i, entry, config.pools[entry.pool], environ)
    store = open_state(config.state, env)
    rules = classifier_rules(config.classifier, env)
    pools = {name: resolve_pool(name, config.pools[name], store, env, lease_ttl=config.state.lease_ttl_seconds)
             for name in {e.pool for e in config.chain}}
    _register_profiles(pools.values())
    return ConversationLoop(config.chain, pools, tools=tools, policy=config.loop,
                            hooks=(log_event,) if hooks is None else hooks,
                            classifier_rules=rules)


def _no_bearer_conflict(index: int, entry: ChainEntry, pool: PoolConfig, env: Mapping[str, str]) -> None:
    """``AnthropicBedrock`` reads $AWS_BEARER_TOKEN_BEDROCK itself and refuses it next to AWS keys: say so up front."""
    if entry.platform == "bedrock" and env.get("AWS_BEARER_TOKEN_BEDROCK") and any(
            c.kind == "aws" for c in pool.credentials):
        raise ConfigError(f"chain.{index}: $AWS_BEARER_TOKEN_BEDROCK is set, and the Bedrock client would send it "
                          f"instead of signing with the kind 'aws' credentials of pool {entry.pool!r}; unset it, or "
                          "use it as a credential: kind = \"api_key\", key_env = \"AWS_BEARER_TOKEN_BEDROCK\"")


def _register_profiles(pools: typing.Iterable[CredentialPool]) -> None:
    """AWS profiles' keys are redacted from the start, not from their first call (botocore reads them locally)."""
    profiles = {c.auth.profile for p in pools for c in p.credentials if isinstance(c.auth, AwsAuth) and c.auth.profile}
    if profiles:
        from .platforms.clients import register_profile

        for profile in sorted(profiles):
            register_profile(profile)


def classifier_rules(section: ClassifierConfig, env: Mapping[str, str] | None = None) -> tuple[Rule, ...]:
    """The operator rules of ``[classifier] rules_file``, else of ``$STEADYLOOP_RULES``, else none."""
    from ._operator_rules import RulesFileError, load_rules

    environ = os.environ if env is None else env
    path = section.rules_file or environ.get("STEADYLOOP_RULES") or None
    if path is None:
        return ()
    try:
        return load_rules(path)
    except RulesFileError as err:
        raise ConfigError(f"[classifier] rules_file: {err}") from err
