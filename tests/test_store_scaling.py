"""State stores that stay cheap and bounded: affinity table size, big pools, checkpoints, round trips."""

from __future__ import annotations

import pytest

from agent.stores import MemoryStore
from agent.stores.memory import DEFAULT_AFFINITY_LIMIT


def test_memory_affinity_table_forgets_the_least_recently_used_session() -> None:
    """The memory store keeps at most affinity_limit sessions, dropping the one used longest ago."""
    store = MemoryStore(affinity_limit=3)
    for n in range(3):
        store.set_affinity("p", f"s{n}", f"k{n}", now=0.0, ttl=60)
    assert store.get_affinity("p", "s0", 1.0) == "k0"  # s0 is now the most recently used
    store.set_affinity("p", "s3", "k3", now=1.0, ttl=60)
    remembered = {s: store.get_affinity("p", s, 2.0) for s in ("s0", "s1", "s2", "s3")}
    assert remembered == {"s0": "k0", "s1": None, "s2": "k2", "s3": "k3"}


def test_memory_affinity_limit_is_documented_and_validated() -> None:
    """The default bound is 10,000 sessions; a limit below one session is refused, naming the field."""
    assert MemoryStore().affinity_limit == DEFAULT_AFFINITY_LIMIT == 10_000
    with pytest.raises(ValueError, match="affinity_limit"):
        MemoryStore(affinity_limit=0)
