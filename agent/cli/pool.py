"""``steadyloop pool list|reset``: inspect or clear shared credential state."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from ._common import CONFIG_HELP, UsageError, load_config_arg

__all__ = ["add"]


def _cmd_pool_list(args: argparse.Namespace, out: TextIO) -> int:
    import time

    from ..config import credential_ids, open_state

    config = load_config_arg(args)
    store, now = open_state(config.state), time.time()
    rows = []
    for name, pool in config.pools.items():
        if args.pool and name != args.pool:
            continue
        for state in store.read(name, credential_ids(name, pool), now).values():
            rows.append({"pool": name, **state.to_dict(), "status": state.status(now).value,
                         "available_in": max(0.0, state.cool_until - now) if not state.dead else None})
    if args.json:
        out.write(json.dumps({"store": store.description, "credentials": rows}) + "\n")
        return 0
    out.write(f"state: {store.description}\n")
    for row in rows:
        wait = "never (reset needed)" if row["available_in"] is None else f"{row['available_in']:.0f} s"
        out.write(f"{row['pool']}/{row['id']}: {row['status']}, available in {wait}, reason {row['reason'] or '-'}, "
                  f"uses {row['uses']}, ok {row['successes']}, failed {row['failures']}, "
                  f"in flight {row['in_flight']}\n")
        for model, suspension in row["suspensions"].items():
            out.write(f"    {model}: suspended {max(0.0, suspension['until'] - now):.0f} s ({suspension['reason']})\n")
    return 0


def _cmd_pool_reset(args: argparse.Namespace, out: TextIO) -> int:
    from ..config import credential_ids, open_state

    config = load_config_arg(args)
    store = open_state(config.state)
    pools = [p for p in config.pools if not args.pool or p == args.pool]
    if args.pool and not pools:
        raise UsageError(f"--pool {args.pool}: no such pool; configured: {sorted(config.pools)}")
    total = 0
    for name in pools:
        if args.id is not None and args.id not in credential_ids(name, config.pools[name]):
            continue
        total += store.reset(name, args.id, args.model)
    if args.id is not None and total == 0:
        raise UsageError(f"credential {args.id!r} has no state in {', '.join(pools)}")
    out.write(f"reset {total} credential state(s){' for model ' + args.model if args.model else ''}\n")
    return 0


def add(sub: Any) -> None:
    """Register ``pool list`` and ``pool reset``."""
    p = sub.add_parser("pool", help="inspect or reset shared credential state")
    pool_sub = p.add_subparsers(dest="pool_command", required=True)
    q = pool_sub.add_parser("list", help="each credential's status, wait, reason, suspensions and counts")
    q.add_argument("--config", help=CONFIG_HELP)
    q.add_argument("--pool", help="only this pool")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=_cmd_pool_list)
    q = pool_sub.add_parser("reset", help="clear cooldowns, deaths and suspensions")
    q.add_argument("id", nargs="?", help="one credential id (default: all)")
    q.add_argument("--model", help="only this model's suspension")
    q.add_argument("--pool", help="only this pool")
    q.add_argument("--config", help=CONFIG_HELP)
    q.set_defaults(func=_cmd_pool_reset)
