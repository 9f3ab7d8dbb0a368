"""``steadyloop pool list|reset``: inspect or clear shared credential state."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from ._common import CONFIG_HELP, UsageError, load_config_arg

__all__ = ["add"]


def _open_store(config: Any) -> Any:
    """The configured state store; a bad state section (unset url_env, bad URL, unsafe path) is a usage error."""
    from ..config import ConfigError, open_state

    try:
        return open_state(config.state)
    except ConfigError as err:
        raise UsageError(str(err)) from err


def _report(args: argparse.Namespace) -> dict[str, Any]:
    """The store's description, one row per credential and one per (endpoint, model) circuit."""
    import time

    from ..pool_report import pool_report

    config = load_config_arg(args)
    if args.pool and args.pool not in config.pools:
        raise UsageError(f"--pool {args.pool}: no such pool; configured: {', '.join(sorted(config.pools)) or 'none'}")
    return pool_report(config, _open_store(config), time.time(), only=args.pool)


def _table(description: str, rows: list[dict[str, Any]], out: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    from .._human import duration

    console = Console(file=out, highlight=False, markup=False, width=None if out.isatty() else 160)
    table = Table(title=f"credential state ({description})", title_justify="left")
    for column in ("pool", "key", "status", "available in", "reason", "suspended models"):
        table.add_column(column)
    for column in ("uses", "ok", "failed", "in flight"):
        table.add_column(column, justify="right")
    colours = {"available": "green", "cooling": "yellow", "exhausted": "red", "dead": "bold red"}
    for row in rows:
        left = "never (reset needed)" if row["available_in"] is None else duration(row["available_in"])
        suspended = ", ".join(f"{m} ({duration(s['left'])}, {s['reason']})" for m, s in row["suspensions"].items())
        table.add_row(row["pool"], row["id"], row["status"], left, row["reason"] or "-", suspended or "-",
                      str(row["uses"]), str(row["successes"]), str(row["failures"]), str(row["in_flight"]),
                      style=colours.get(row["status"]))
    console.print(table)
    if not rows:
        console.print("no credentials configured: add [pools.NAME] sections with [[pools.NAME.credentials]]")


def _prometheus(args: argparse.Namespace, out: TextIO) -> int:
    """``steadyloop_credential_state{pool,credential,model}`` for a node-exporter textfile (cron)."""
    from ..config import credential_ids

    try:
        from ..observability.metrics import CredentialStates, exposition, load_prometheus_client

        load_prometheus_client()
    except ImportError as err:
        raise UsageError(f"--prometheus: {err}") from err
    config = load_config_arg(args)
    if args.pool and args.pool not in config.pools:
        raise UsageError(f"--pool {args.pool}: no such pool; configured: {', '.join(sorted(config.pools)) or 'none'}")
    pools = {name: (credential_ids(name, pool), sorted({e.model for e in config.chain if e.pool == name}) or [""])
             for name, pool in config.pools.items() if not args.pool or name == args.pool}
    out.write(exposition(CredentialStates.of_store(_open_store(config), pools)))
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
    from ..config import credential_ids

    config = load_config_arg(args)
    store = _open_store(config)
    pools = [p for p in config.pools if not args.pool or p == args.pool]
    if args.pool and not pools:
        raise UsageError(f"--pool {args.pool}: no such pool; configured: {sorted(config.pools)}")
    ids = {name: credential_ids(name, config.pools[name]) for name in pools}
    if args.id is not None and not any(args.id in known for known in ids.values()):
        configured = ", ".join(i for known in ids.values() for i in known) or "none"
        raise UsageError(f"credential {args.id!r} is not configured in {', '.join(pools) or 'any pool'}; "
                         f"configured: {configured}")
    total = sum(store.reset(name, args.id, args.model) for name in pools if args.id is None or args.id in ids[name])
    out.write(f"reset {total} credential state(s){' for model ' + args.model if args.model else ''}\n")
    return 0


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
