"""``steadyloop pool list|reset``: inspect or clear shared credential state."""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Collection
from typing import TYPE_CHECKING, Any, TextIO

from ._common import CONFIG_HELP, UsageError, config_path, load_config_arg

if TYPE_CHECKING:
    from ._listing import Listing, StateSettings

__all__ = ["add"]


def _open_store(state: StateSettings) -> Any:
    """The configured state store; a bad state section (unset url_env, bad URL, unsafe path) is a usage error."""
    from .._config_file import ConfigError

    try:
        return state.open(os.environ)
    except ConfigError as err:
        raise UsageError(str(err)) from err


def _chosen(pools: Collection[str], pool: str | None) -> list[str]:
    """The configured pool names ``--pool`` selects (all without it); an unknown name is a usage error."""
    if pool and pool not in pools:
        raise UsageError(f"--pool {pool}: no such pool; configured: {', '.join(sorted(pools)) or 'none'}")
    return [name for name in pools if not pool or name == pool]


def _listing(args: argparse.Namespace) -> Listing:
    """What ``pool list`` reads of ``--config``: without the models for a file validated unchanged before."""
    from .._config_file import ConfigError
    from ._listing import load_listing

    try:
        return load_listing(config_path(args.config), os.environ)
    except ConfigError as err:
        raise UsageError(str(err)) from err


def _report(args: argparse.Namespace) -> dict[str, Any]:
    """The store's description, one row per credential and one per (endpoint, model) circuit."""
    import time

    from ..pool_report import report

    listing = _listing(args)
    chosen = _chosen(listing.pools, args.pool)
    store = _open_store(listing.state)
    return report({name: listing.pools[name]() for name in chosen}, store, time.time())


def _table(description: str, rows: list[dict[str, Any]], out: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    from .._human import duration

    console = Console(file=out, highlight=False, markup=False, emoji=False, width=None if out.isatty() else 160)
    table = Table(title=f"credential state ({description})", title_justify="left")
    for column in ("pool", "key", "fingerprint", "status", "available in", "reason", "suspended models"):
        table.add_column(column)
    for column in ("uses", "ok", "failed", "in flight"):
        table.add_column(column, justify="right")
    colours = {"available": "green", "cooling": "yellow", "exhausted": "red", "dead": "bold red", "unknown": "dim"}
    for row in rows:
        if row["fingerprint"] is None:  # its key cannot be read here
            table.add_row(row["pool"], row["id"], "-", row["status"], "-", row["reason"], "-", "-", "-", "-", "-",
                          style=colours["unknown"])
            continue
        left = "never (reset needed)" if row["available_in"] is None else duration(row["available_in"])
        suspended = ", ".join(f"{m} ({duration(s['left'])}, {s['reason']})" for m, s in row["suspensions"].items())
        table.add_row(row["pool"], row["id"], row["fingerprint"], row["status"], left, row["reason"] or "-",
                      suspended or "-", str(row["uses"]), str(row["successes"]), str(row["failures"]),
                      str(row["in_flight"]), style=colours.get(row["status"]))
    console.print(table)
    if not rows:
        console.print("no credentials configured: add [pools.NAME] sections with [[pools.NAME.credentials]]")


def _prometheus(args: argparse.Namespace, out: TextIO) -> int:
    """``steadyloop_credential_state{pool,credential,model}`` for a node-exporter textfile (cron); labelled
    by credential id, read by state key (a credential whose key cannot be read here has no gauge)."""
    try:
        from ..observability.metrics import CredentialStates, exposition, load_prometheus_client

        load_prometheus_client()
    except ImportError as err:
        raise UsageError(f"--prometheus: {err}") from err
    listing = _listing(args)
    pools = {name: ({c.state_key: c.id for c in listing.pools[name]()[0]}, listing.models[name])
             for name in _chosen(listing.pools, args.pool)}
    out.write(exposition(CredentialStates.of_store(_open_store(listing.state), pools)))
    return 0


def _cmd_pool_list(args: argparse.Namespace, out: TextIO) -> int:
    if args.prometheus:
        return _prometheus(args, out)
    report = _report(args)
    if args.json:
        out.write(json.dumps(report) + "\n")
        return 0
    _table(report["store"], report["credentials"], out)
    for c in report["circuits"]:  # memory of down endpoints (agent.circuit)
        out.write(f"circuit {c['endpoint']}: {c['state']}, {c['failures']} endpoint failure(s) in a row"
                  + (f", next probe in {c['probe_in']:.0f} s" if c["probe_in"] else "") + "\n")
    return 0


def _cmd_pool_reset(args: argparse.Namespace, out: TextIO) -> int:
    """One credential: its current state key (id and fingerprint). All: every row of the pool, including
    rows keyed by bare id from before state was keyed by fingerprint."""
    from ._listing import StateSettings

    config = load_config_arg(args)
    store = _open_store(StateSettings.of(config.state))
    pools = _chosen(config.pools, args.pool)
    if args.id is None:
        total = sum(store.reset(name, None, args.model) for name in pools)
    else:
        total = sum(store.reset(name, key, args.model) for name, key in _state_keys(config, pools, args.id))
    out.write(f"reset {total} credential state(s){' for model ' + args.model if args.model else ''}\n")
    return 0


def _state_keys(config: Any, pools: list[str], credential_id: str) -> list[tuple[str, str]]:
    """``(pool, state key)`` of each pool that configures ``credential_id``; usage errors say why none."""
    from ..config import readable_credentials

    found, configured, unreadable = [], [], []
    for name in pools:
        creds, problems = readable_credentials(name, config.pools[name])
        configured += [c.id for c in creds] + [i for i, _ in problems]
        found += [(name, c.state_key) for c in creds if c.id == credential_id]
        unreadable += [problem for i, problem in problems if i == credential_id]
    if unreadable:
        raise UsageError(f"credential {credential_id!r}: its key cannot be read here, and its state is keyed by "
                         f"the key's fingerprint: {unreadable[0]}")
    if not found:
        raise UsageError(f"credential {credential_id!r} is not configured in {', '.join(pools) or 'any pool'}; "
                         f"configured: {', '.join(configured) or 'none'}")
    return found


def add(sub: Any) -> None:
    """Register ``pool list`` and ``pool reset``."""
    p = sub.add_parser("pool", help="inspect or reset shared credential state")
    pool_sub = p.add_subparsers(dest="pool_command", required=True)
    q = pool_sub.add_parser("list", help="a table of each credential's status, time left, reason, suspended "
                            "models and counts")
    q.add_argument("--config", help=CONFIG_HELP)
    q.add_argument("--pool", help="only this pool")
    shape = q.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="one JSON object: the store and a row per credential")
    shape.add_argument("--prometheus", action="store_true",
                       help="steadyloop_credential_state{pool,credential,model} gauges (0 ok, 1 cooling, "
                            "2 suspended, 3 dead) in the Prometheus text format, for a node-exporter textfile")
    q.set_defaults(func=_cmd_pool_list)
    q = pool_sub.add_parser("reset", help="clear cooldowns, deaths and suspensions")
    q.add_argument("id", nargs="?", help="one credential id (default: all)")
    q.add_argument("--model", help="only this model's suspension")
    q.add_argument("--pool", help="only this pool")
    q.add_argument("--config", help=CONFIG_HELP)
    q.set_defaults(func=_cmd_pool_reset)
