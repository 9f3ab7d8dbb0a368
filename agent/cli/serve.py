"""``steadyloop serve``: the OpenAI- and Anthropic-compatible gateway (``agent.serve``)."""

from __future__ import annotations

import argparse
import importlib.util
from typing import Any, TextIO

from ._common import CONFIG_HELP, UsageError, load_config_arg

__all__ = ["add"]


def _missing_extra() -> str | None:
    """The first module of the ``serve`` extra that cannot be imported, or None."""
    for module in ("starlette", "uvicorn"):
        try:
            importlib.import_module(module)
        except ImportError:
            return module
    return None


def _hash_key(out: TextIO) -> int:
    from ..serve.auth import hash_key, new_key

    key = new_key()
    out.write(f"client key (give it to the client; it is not stored): {key}\n"
              f"for steadyloop.toml:\n[[serve.keys]]\nid = \"client-1\"\nhash = \"{hash_key(key)}\"\n")
    return 0


def _cmd_serve(args: argparse.Namespace, out: TextIO) -> int:
    if args.hash_key:
        return _hash_key(out)
    missing = _missing_extra()
    if missing:
        raise UsageError(f"steadyloop serve needs the 'serve' extra ({missing} is not installed): "
                         "pip install 'steadyloop[serve]'")
    config = load_config_arg(args)
    host = args.host or config.serve.host
    port = config.serve.port if args.port is None else args.port
    from ..serve.auth import is_loopback

    if not config.serve.keys and not is_loopback(host) and host != "localhost":
        raise UsageError(f"--host {host}: no client keys are configured, so steadyloop serve listens on loopback "
                         "only; add [[serve.keys]] (steadyloop serve --hash-key prints one) or use 127.0.0.1")
    if not config.routes:
        raise UsageError("no [routes.NAME] sections: add one per model name clients send, e.g. "
                         "[routes.claude-sonnet] chain = [\"claude-sonnet-4-5\"]")
    return _run(config, host, port, out)


def _run(config: Any, host: str, port: int, out: TextIO) -> int:
    from ..config import ConfigError
    from ..events import log_event
    from ..serve.app import create_app
    from ..serve.gateway import Gateway

    hooks: list[Any] = [log_event]
    metrics = None
    if importlib.util.find_spec("prometheus_client") is not None:
        from ..observability.metrics import Metrics

        metrics = Metrics()
        hooks.append(metrics)
    try:
        gateway = Gateway(config, hooks=hooks)
    except ConfigError as err:
        raise UsageError(str(err)) from err
    app = create_app(gateway)
    app.state.metrics = metrics
    from ..serve.listen import listening_socket

    try:
        sock = listening_socket(host, port)
    except OSError as err:
        raise UsageError(f"--port {port}: cannot listen on {host}:{port} ({err.strerror}); pick another port") from err
    bound = sock.getsockname()[1]
    out.write(f"steadyloop serve: listening on http://{host}:{bound}  (routes: {', '.join(sorted(config.routes))})\n"
              f"  ANTHROPIC_BASE_URL=http://{host}:{bound}   OPENAI_BASE_URL=http://{host}:{bound}/v1\n")
    out.flush()
    from ..serve.protocol import uvicorn_server

    server = uvicorn_server(app, config.serve.idle_timeout_seconds)
    server.run(sockets=[sock])
    # uvicorn re-raises the signal that stopped it (Ctrl-C: KeyboardInterrupt, 130); when that re-raise is lost
    # (asyncio's own SIGINT handling can absorb it), the exit code still says a signal ended the server
    stopped_by = getattr(server, "_captured_signals", None) or []
    return 128 + int(stopped_by[0]) if stopped_by else 0


def add(sub: Any) -> None:
    """Register ``serve``."""
    p = sub.add_parser("serve", help="an OpenAI- and Anthropic-compatible gateway with the same pools and ladder")
    p.add_argument("--config", help=CONFIG_HELP)
    p.add_argument("--host", default=None, help="listen address (default: [serve] host, 127.0.0.1)")
    p.add_argument("--port", type=int, default=None, help="listen port (default: [serve] port, 8788; 0: a free one)")
    p.add_argument("--hash-key", action="store_true", help="print a new client key and its hash for [[serve.keys]]")
    p.set_defaults(func=_cmd_serve)
