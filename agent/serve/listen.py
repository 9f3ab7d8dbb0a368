"""The gateway's listening socket, bound before uvicorn starts (so the bound port is known at once)."""

from __future__ import annotations

import socket

__all__ = ["listening_socket"]


def listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket listening on ``host:port`` (0: a free port), with ``TCP_NODELAY`` and, where the
    system has it, ``SO_REUSEPORT`` set: several ``steadyloop serve`` processes started on one port
    share it, the kernel spreading connections between them (the way to run several workers).

    Accepted connections inherit ``TCP_NODELAY``. Without it, uvicorn's separate writes of the
    status line and the body meet Nagle's algorithm and the client's delayed ACK: every answer
    waited about 40 ms on loopback (measured: 44 ms per request, 1 ms with it).
    """
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if hasattr(socket, "SO_REUSEPORT"):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
        sock.listen(256)
    except OSError:
        sock.close()
        raise
    return sock
