"""Several credentials per provider: selection, leases, cooldowns, shared state.

>>> pool = CredentialPool("anthropic", [Credential(id="work", secret=SecretStr("sk-ant-..."))])  # doctest: +SKIP
>>> with pool.acquire("claude-sonnet-4-6", session="chat-42") as lease:                          # doctest: +SKIP
...     try:
...         answer = call(lease.credential.secret.get_secret_value())
...     except Exception as exc:
...         pool.report(lease, classify_api_error(exc))
...     else:
...         pool.report_success(lease)

Exceptions::

    NoCredentialAvailable      no credential can serve the model now; carries when each can
    stores.StoreError          (never raised here: shared stores degrade to memory with a warning)
"""

from __future__ import annotations

import enum
import itertools
import logging
import os
import random
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import TYPE_CHECKING, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, SecretStr, model_validator

from ._keys import unsendable_key
from ._lease_keeper import KEEPER, release_all_leases
from ._redact import fingerprint, register_secret
from ._state_key import state_fingerprint, state_key
from .cooldown import CooldownPolicy, CredentialState, CredentialStatus
from .platforms.auth import AwsAuth, CloudAuth, EntraAuth, GoogleAuth
from .stores import Candidate, CandidateSet, MemoryStore, Order, StateStore

if TYPE_CHECKING:  # the classifier loads only where failures are classified (``import agent.config`` stays fast)
    from .error_classifier import ClassifiedError

__all__ = [
    "Blocked",
    "Credential",
    "CredentialKind",
    "CredentialPool",
    "Lease",
    "NoCredentialAvailable",
    "Strategy",
    "release_all_leases",
    "unsendable_key",
]

log = logging.getLogger("steadyloop.pool")
_LEASE_PREFIX = uuid.uuid4().hex[:12]  # unique per process start; a counter makes each lease id unique
_LEASE_NUMBERS = itertools.count(1)
DEFAULT_LEASE_TTL: Final = 15.0  # seconds; renewed every third of it while held (see _lease_keeper)
MAX_LEASE_TTL: Final = 3600.0
_RANDOM_PROBES: Final = 8  # keys a random acquire offers first; the rest of its shuffle only if none is eligible


class Strategy(enum.StrEnum):
    """Which available credential ``acquire`` picks."""

    fill_first = "fill_first"  # priority order: use the first until it cools, then the next
    round_robin = "round_robin"  # the one unused for longest
    least_used = "least_used"  # the one with fewest uses
    random = "random"


_ORDER = {Strategy.fill_first: Order.given, Strategy.random: Order.given,
          Strategy.round_robin: Order.round_robin, Strategy.least_used: Order.least_used}


CredentialKind = Literal["api_key", "oauth", "aws", "google", "entra"]
_CLOUD_KINDS: Final = {"aws": AwsAuth, "google": GoogleAuth, "entra": EntraAuth}


class Credential(BaseModel):
    """One key, OAuth token or cloud credential. ``id`` is what logs, events and metrics show; the secret never is.

    ``api_key`` and ``oauth`` need ``secret``. The cloud kinds (``aws``, ``google``, ``entra``) carry
    their material in ``auth`` (see ``agent.platforms.auth``); their ``secret`` is the one secret
    they hold, if any (an AWS secret access key, a Google access token, a static Entra ID token).

    Shared state is keyed by ``state_key``: the id and a keyed hash of ``identity_material()``
    (see ``agent._state_key``), so a new secret under an old id starts fresh. That material is
    ``state_identity`` when given (a token that rotates, under a stable account), else the cloud
    identity of ``auth`` when it names the credential, else the secret; a subclass whose identity
    comes from elsewhere overrides ``identity_material``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    secret: SecretStr | None = None
    id: str = Field("", description="a stable label; defaults to a fingerprint of the secret, else the identity")
    kind: CredentialKind = "api_key"
    priority: int = Field(0, description="lower is tried first by fill_first")
    base_url: str | None = None
    max_concurrency: int | None = Field(None, ge=1, description="leases at once, across every process")
    auth: CloudAuth | None = Field(None, description="the cloud kinds' material (profile, key id, file, command)")
    state_identity: str | None = Field(None, description="what the state fingerprint hashes instead of the "
                                       "secret: a stable identity for a secret that is minted later or rotates")
    _fingerprint: str = PrivateAttr("")

    @model_validator(mode="after")
    def _default_id(self) -> Credential:
        self._check_kind()
        if self.state_identity is not None and not self.state_identity.strip():
            raise ValueError("state_identity is empty: give a stable identity (such as an account id), or leave "
                             "it out")
        self._fingerprint = state_fingerprint(self.identity_material())
        if self.secret is None:  # a cloud credential without a secret of its own: named by its identity
            object.__setattr__(self, "id", self.id or self.identity)
            return self
        if not self.secret.get_secret_value().strip():
            raise ValueError("secret is empty: give the key, or the environment variable or file that holds it")
        problem = unsendable_key(self.secret.get_secret_value())
        if problem is not None:
            raise ValueError(problem)
        register_secret(self.secret.get_secret_value())  # redacted from every output and store from now on
        if not self.id:
            object.__setattr__(self, "id", self.identity)
        elif self.id == self.secret.get_secret_value():
            raise ValueError("id must be a label, not the key itself")
        return self

    def _check_kind(self) -> None:
        wanted = _CLOUD_KINDS.get(self.kind)
        if wanted is None:
            if self.auth is not None:
                raise ValueError(f"auth is for the cloud kinds (aws, google, entra), not {self.kind!r}")
            if self.secret is None:
                raise ValueError("secret is empty: give the key, or the environment variable or file that holds it")
            return
        if self.kind == "aws":
            if not isinstance(self.auth, AwsAuth):
                raise ValueError("a credential of kind 'aws' needs auth=AwsAuth(profile=...) or "
                                 "AwsAuth(access_key_id=...)")
            if self.secret is None and not self.auth.profile:
                raise ValueError("an AWS access key id needs its secret access key as the secret")
            return
        if self.auth is not None and not isinstance(self.auth, wanted):
            raise ValueError(f"a credential of kind {self.kind!r} takes auth={wanted.__name__}(...)")
        if self.secret is None and self.auth is None:
            raise ValueError(f"a {self.kind} credential needs a token (secret) or auth")

    def _cloud_named(self) -> bool:
        """Whether ``auth`` names this credential (no secret of its own, or an AWS access key id)."""
        return self.auth is not None and (self.secret is None or isinstance(self.auth, AwsAuth))

    @property
    def identity(self) -> str:
        """A stable name of this credential that reveals no secret: its cloud identity, else its fingerprint."""
        if self.auth is not None and self._cloud_named():
            return self.auth.identity()
        return fingerprint(self.secret.get_secret_value()) if self.secret is not None else ""

    def identity_material(self) -> str:
        """What the state fingerprint hashes: ``state_identity``, else ``auth``'s identity when it names the
        credential, else the secret. Override for another source."""
        if self.state_identity is not None:
            return self.state_identity
        if self.auth is not None and self._cloud_named():
            return self.auth.identity()
        return self.secret.get_secret_value() if self.secret is not None else ""

    @property
    def fingerprint(self) -> str:
        """The short keyed hash of ``identity_material()`` that ``pool list`` shows (never the secret)."""
        return self._fingerprint

    @property
    def state_key(self) -> str:
        """This credential's key in the state store: ``"{id}@{fingerprint}"``."""
        return state_key(self.id, self._fingerprint)


@dataclass(frozen=True, slots=True)
class Blocked:
    """Why one credential cannot serve a model now, and when it can (None: only after a reset)."""

    credential_id: str
    status: CredentialStatus
    available_at: float | None
    reason: str


class NoCredentialAvailable(Exception):  # noqa: N818 - the public name other parts and users depend on
    """No credential of the pool can serve the model now."""

    def __init__(self, pool: str, model: str, blocked: Sequence[Blocked], now: float) -> None:
        self.pool, self.model, self.blocked, self.now = pool, model, tuple(blocked), now
        times = [b.available_at for b in self.blocked if b.available_at is not None]
        self.soonest: float | None = min(times) if times else None
        parts = [f"{b.credential_id}: {b.status.value}" + (f" ({b.reason})" if b.reason else "")
                 + (f", back in {max(0.0, b.available_at - now):.0f} s" if b.available_at is not None else "")
                 for b in self.blocked]
        super().__init__(f"no credential of pool {pool!r} can serve {model!r} now: " + "; ".join(parts))


@dataclass(slots=True, eq=False, weakref_slot=True)
class Lease:
    """A credential held for one upstream call; a context manager that releases it.

    While held, the process's lease keeper renews it every ``ttl / 3`` seconds, so it lives as
    long as its call and at most ``ttl`` seconds past its process.
    """

    pool: CredentialPool
    credential: Credential
    model: str
    lease_id: str
    session: str | None = None
    ttl: float = DEFAULT_LEASE_TTL
    released: bool = field(default=False)

    def release(self) -> None:
        if not self.released:
            self.released = True
            KEEPER.discard(self)
            self.pool._release(self)

    def __enter__(self) -> Lease:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.release()

    def __repr__(self) -> str:
        return f"Lease(pool={self.pool.name!r}, credential={self.credential.id!r}, model={self.model!r})"


def _blocked(cred: Credential, state: CredentialState, model: str, now: float) -> Blocked:
    status = state.status(now)
    if status is not CredentialStatus.available:
        return Blocked(cred.id, status, state.available_at(model, now), state.reason)
    suspension = state.suspended(model, now)
    if suspension is not None:
        return Blocked(cred.id, CredentialStatus.cooling, suspension.until, f"{model} suspended: {suspension.reason}")
    # Healthy but at its concurrency cap: it frees up whenever a call ends.
    return Blocked(cred.id, status, now, f"busy: {state.in_flight} in flight (max {cred.max_concurrency})")


class CredentialPool:
    """Credentials of one provider, sharing state through a ``StateStore``."""

    def __init__(
        self,
        name: str,
        credentials: Sequence[Credential],
        *,
        strategy: Strategy = Strategy.fill_first,
        store: StateStore | None = None,
        policy: CooldownPolicy | None = None,
        session_affinity: bool = True,
        lease_ttl: float = DEFAULT_LEASE_TTL,
        affinity_ttl: float = 3600.0,
        clock: Callable[[], float] = time.time,
        rng: random.Random | None = None,
    ) -> None:
        if not credentials:
            raise ValueError(f"pool {name!r} has no credentials: add at least one under credentials")
        ids = [c.id for c in credentials]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"pool {name!r}: credential ids must be unique; repeated: {duplicates}")
        if not 0.1 <= lease_ttl <= MAX_LEASE_TTL:  # also rejects NaN
            raise ValueError(f"pool {name!r}: lease_ttl must be between 0.1 and {MAX_LEASE_TTL:.0f} seconds, "
                             f"got {lease_ttl!r}")
        self.name, self.strategy = name, Strategy(strategy)
        self.credentials = tuple(sorted(credentials, key=lambda c: c.priority))
        self._by_id = {c.id: c for c in self.credentials}
        self._by_key = {c.state_key: c for c in self.credentials}  # every store call uses state keys
        self._candidate_set = CandidateSet([Candidate(c.state_key, c.max_concurrency) for c in self.credentials])
        self.store: StateStore = store if store is not None else MemoryStore()
        self.policy = policy or CooldownPolicy()
        self.session_affinity, self.lease_ttl, self.affinity_ttl = session_affinity, lease_ttl, affinity_ttl
        self.clock, self._rng = clock, rng or random.Random()

    # -------------------------------------------------------------- leases

    def acquire(self, model: str, *, session: str | None = None, pinned: bool = False) -> Lease:
        """A lease on an available credential for ``model``; raises NoCredentialAvailable. ``pinned``: when
        the session's key is remembered, only that key may serve (what only it can reach, such as a stored
        Responses answer: another key would be refused), and NoCredentialAvailable names it alone."""
        now = self.clock()
        lease_id = f"{_LEASE_PREFIX}-{os.getpid()}-{next(_LEASE_NUMBERS)}"  # pid: forked workers never collide
        sticky = session if self.session_affinity else None  # its key first while healthy (prompt caching)
        only = self.remembered(session) if pinned and session is not None else None
        picked = None
        for candidates in self._candidates() if only is None else iter(
                [[Candidate(only.state_key, only.max_concurrency)]]):
            picked = self.store.acquire(self.name, candidates, model, now=now, lease_id=lease_id,
                                        lease_ttl=self.lease_ttl, order=_ORDER[self.strategy], session=sticky,
                                        affinity_ttl=self.affinity_ttl)
            if picked is not None:
                break
        else:
            raise self.unavailable(model, only=None if only is None else only.id)
        lease = Lease(self, self._by_key[picked], model, lease_id, session, self.lease_ttl)
        KEEPER.add(lease, now + self.lease_ttl / 3)
        return lease

    def remember(self, session: str, credential_id: str, *, ttl: float | None = None) -> None:
        """Keep ``session`` on credential ``credential_id`` for ``ttl`` seconds (default ``affinity_ttl``), in the
        shared state: its next acquire tries that key first. For what only one key can reach, such as a
        stored Responses answer, which lives with the organisation of the key that created it. An unknown id
        is ignored."""
        credential = self._by_id.get(credential_id)
        if credential is not None:
            self.store.set_affinity(self.name, session, credential.state_key, now=self.clock(),
                                    ttl=self.affinity_ttl if ttl is None else ttl)

    def remembered(self, session: str) -> Credential | None:
        """The credential ``session`` is kept on, if remembered, not expired, and still in this pool."""
        found = self.store.get_affinity(self.name, session, self.clock())
        return None if found is None else self._by_key.get(found)

    def renew(self, lease: Lease) -> bool:
        """Extend a held lease to ``lease_ttl`` from now; False if it was released or had already expired."""
        if lease.released:
            return False
        now = self.clock()
        return self.store.renew(self.name, lease.credential.state_key, lease.lease_id, now=now, lease_ttl=lease.ttl)

    def release_all(self) -> int:
        """Release every lease this process holds on this pool (for shutdown); how many."""
        mine = [lease for lease in KEEPER.live() if lease.pool is self]
        for lease in mine:
            lease.release()
        return len(mine)

    def _candidates(self) -> Iterator[Sequence[Candidate]]:
        """What an acquire offers the store, in turn, until it grants: the set built once (the store keeps an
        ordered index for it), or for ``random`` a fresh uniform shuffle, offered as its first
        ``_RANDOM_PROBES`` keys and then, only if none of those is eligible, the rest: an acquire
        costs the same with 10 keys or 1,000, and picks as a whole shuffle would."""
        every = self._candidate_set
        if self.strategy is not Strategy.random:
            yield every
            return
        if len(every) <= _RANDOM_PROBES:
            shuffled = list(every)
            self._rng.shuffle(shuffled)
            yield shuffled
            return
        first = self._rng.sample(range(len(every)), _RANDOM_PROBES)  # the start of a shuffle, in O(probes)
        yield [every[i] for i in first]
        offered = set(first)
        rest = [c for i, c in enumerate(every) if i not in offered]
        self._rng.shuffle(rest)
        yield rest

    def _release(self, lease: Lease) -> None:
        self.store.release(self.name, lease.credential.state_key, lease.lease_id)

    def unavailable(self, model: str, *, only: str | None = None) -> NoCredentialAvailable:
        """The NoCredentialAvailable describing why nothing can serve ``model`` now (``only``: why that credential
        cannot)."""
        now = self.clock()
        credentials = self.credentials if only is None else tuple(c for c in self.credentials if c.id == only)
        states = self.store.read(self.name, [c.state_key for c in credentials], now)
        blocked = [_blocked(cred, states[cred.state_key], model, now) for cred in credentials]
        return NoCredentialAvailable(self.name, model, blocked, now)

    # -------------------------------------------------------------- outcomes

    @staticmethod
    def _take_release(lease: Lease, release: bool) -> bool:
        """Whether this outcome also releases ``lease`` (marking it released, and no longer renewed)."""
        if not release or lease.released:
            return False
        lease.released = True
        KEEPER.discard(lease)
        return True

    def _apply(self, lease: Lease, change: Callable[[CredentialState], CredentialState],
               release: bool) -> CredentialState:
        if self._take_release(lease, release):  # one atomic step: state change and release together
            return self.store.finish(self.name, lease.credential.state_key, lease.lease_id, change)
        return self.store.update(self.name, lease.credential.state_key, change)

    def _on_success(self, lease: Lease) -> Callable[[CredentialState], CredentialState]:
        model = lease.model
        return lambda state: self.policy.on_success(state, model)

    def report(self, lease: Lease, classified: ClassifiedError, *, release: bool = False) -> CredentialState:
        """Record a failure of ``lease``'s call (and release it, if asked); the cooldown policy decides."""
        now = self.clock()
        state = self._apply(lease, lambda s: self.policy.on_failure(s, classified, lease.model, now), release)
        if state.status(now) is not CredentialStatus.available or state.suspended(lease.model, now):
            log.debug("credential %s of pool %s is %s for %s: %s", lease.credential.id, self.name,
                     state.status(now).value, lease.model, classified.reason.value)
        return state

    def record_success(self, lease: Lease) -> None:
        """A real completion, released: as ``report_success(release=True)``, but the store may apply it
        behind the turn (``StateStore.finish_later``): nothing another process must see before its next pick."""
        if self._take_release(lease, True):
            self.store.finish_later(self.name, lease.credential.state_key, lease.lease_id, self._on_success(lease))
        else:
            self.report_success(lease)

    def report_success(self, lease: Lease, *, release: bool = False) -> CredentialState:
        """Record a real completion (and release, if asked): backoff reset, this model's suspension cleared."""
        return self._apply(lease, self._on_success(lease), release)

    # -------------------------------------------------------------- inspection

    def states(self) -> list[tuple[Credential, CredentialState]]:
        """Each credential with its current shared state, in priority order."""
        states = self.store.read(self.name, [c.state_key for c in self.credentials], self.clock())
        return [(c, states[c.state_key]) for c in self.credentials]

    def reset(self, credential_id: str | None = None, *, model: str | None = None) -> int:
        """Clear cooldowns, deaths and suspensions (one credential, one model, or all).

        One credential: the state of its current key (``state_key``). All: every row of the pool in
        the store, including rows of other secrets once configured under the same ids.
        """
        if credential_id is None:
            return self.store.reset(self.name, None, model)
        if credential_id not in self._by_id:
            raise ValueError(f"pool {self.name!r} has no credential {credential_id!r}; known: {sorted(self._by_id)}")
        return self.store.reset(self.name, self._by_id[credential_id].state_key, model)

    def __repr__(self) -> str:
        return f"CredentialPool({self.name!r}, {[c.id for c in self.credentials]}, strategy={self.strategy.value})"
