"""Hostile upstreams: answers that never finish, or that are far too big.

Each behaviour writes to the raw connection of one request and stops when the client goes away,
the emulator stops, or ``LIMIT`` seconds pass. None holds a large body in memory: huge bodies
are written from one repeated block, and a gzip bomb is compressed once, incrementally, and kept.

| respond          | what the client sees                                                        |
| ---------------- | --------------------------------------------------------------------------- |
| `drip`           | a valid answer, one byte every `interval` seconds                           |
| `sse_comments`   | a 200 event stream of `: keep-alive` comments, one every `interval`, forever |
| `chunks_forever` | streamed: text deltas forever; plain: a chunked body of whitespace forever  |
| `slow_headers`   | the status line, then one header byte every `interval`, forever             |
| `huge_body`      | `status` (default 500) with a JSON error body of `size` bytes               |
| `gzip_bomb`      | `status` (default 500), `content-encoding: gzip`, `size` bytes once decoded |
"""

from __future__ import annotations

import functools
import json
import threading
import time
import zlib
from typing import Any, Final, Protocol

from .wire import RequestInfo, frames_through_text, reply_body, reply_frames

__all__ = ["HOSTILE", "LIMIT", "send_hostile"]

HOSTILE: Final = ("drip", "sse_comments", "chunks_forever", "slow_headers", "huge_body", "gzip_bomb")
LIMIT: Final = 120.0  # seconds any hostile answer lasts at most
_BLOCK: Final = 64 << 10


class Connection(Protocol):
    """What a behaviour needs of the request handler."""

    stopping: threading.Event

    def write(self, data: bytes) -> None: ...


def send_hostile(conn: Connection, kind: str, info: RequestInfo, text: str, status: int, interval: float,
                 size: int) -> int:
    """Answer with hostile behaviour ``kind``; returns the status sent (0 when nothing complete was)."""
    try:
        return _BEHAVIOURS[kind](conn, info, text, status, interval, size)
    except OSError:  # the client gave up (what it should do): stop quietly
        return 0


def _head(status: int, headers: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status} {'OK' if status == 200 else 'Error'}"] + [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def _chunk(data: bytes) -> bytes:
    return f"{len(data):x}\r\n".encode() + data + b"\r\n"


def _ticks(conn: Connection, interval: float) -> Any:
    """Yield every ``interval`` seconds until the emulator stops or LIMIT passes."""
    end = time.monotonic() + LIMIT
    while time.monotonic() < end and not conn.stopping.wait(interval):
        yield


def _drip(conn: Connection, info: RequestInfo, text: str, status: int, interval: float, size: int) -> int:
    if info.streamed:
        frames, tail = reply_frames(info, text, None, 1)
        body = b"".join(frames) + tail
        kind = "text/event-stream"
    else:
        body, kind = json.dumps(reply_body(info, text, None)).encode(), "application/json"
    conn.write(_head(200, {"content-type": kind, "content-length": str(len(body))}))
    for index, _ in zip(range(len(body)), _ticks(conn, interval), strict=False):
        conn.write(body[index:index + 1])
    return 200


def _sse_comments(conn: Connection, info: RequestInfo, text: str, status: int, interval: float, size: int) -> int:
    conn.write(_head(200, {"content-type": "text/event-stream", "transfer-encoding": "chunked"}))
    for _ in _ticks(conn, interval):
        conn.write(_chunk(b": keep-alive\n\n"))
    return 200


def _chunks_forever(conn: Connection, info: RequestInfo, text: str, status: int, interval: float,
                    size: int) -> int:
    if info.streamed:
        frames = frames_through_text(reply_frames(info, "tick ", None, 1)[0], 1)
        head, delta = b"".join(frames[:-1]), frames[-1]
        kind = "text/event-stream"
    else:  # JSON allows any amount of leading whitespace: a body that is valid so far, and never ends
        head, delta, kind = b"", b" " * 16, "application/json"
    conn.write(_head(200, {"content-type": kind, "transfer-encoding": "chunked"}))
    if head:
        conn.write(_chunk(head))
    for _ in _ticks(conn, interval):
        conn.write(_chunk(delta))
    return 200


def _slow_headers(conn: Connection, info: RequestInfo, text: str, status: int, interval: float, size: int) -> int:
    conn.write(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-slow: ")
    for _ in _ticks(conn, interval):
        conn.write(b"a")
    return 0


def _error_parts(size: int) -> tuple[bytes, bytes, int]:
    """Head and tail of a JSON error body whose message pads it to ``size`` bytes; the padding length."""
    head, tail = b'{"error": {"type": "server_error", "message": "', b'"}}'
    return head, tail, max(0, size - len(head) - len(tail))


def _huge_body(conn: Connection, info: RequestInfo, text: str, status: int, interval: float, size: int) -> int:
    head, tail, pad = _error_parts(size)
    conn.write(_head(status, {"content-type": "application/json", "content-length": str(len(head) + pad + len(tail))}))
    conn.write(head)
    block = b"x" * _BLOCK
    for _ in range(pad // _BLOCK):
        conn.write(block)
    conn.write(b"x" * (pad % _BLOCK) + tail)
    return status


@functools.lru_cache(maxsize=4)
def gzip_bomb(size: int) -> bytes:
    """A gzip body of about ``size`` bytes once decoded (a JSON error padded with spaces), built incrementally."""
    head, tail, pad = _error_parts(size)
    packer = zlib.compressobj(1, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts, block = [packer.compress(head)], b" " * (1 << 20)
    for _ in range(pad // len(block)):
        parts.append(packer.compress(block))
    parts += [packer.compress(b" " * (pad % len(block)) + tail), packer.flush()]
    return b"".join(parts)


def _gzip_bomb(conn: Connection, info: RequestInfo, text: str, status: int, interval: float, size: int) -> int:
    body = gzip_bomb(size)
    conn.write(_head(status, {"content-type": "application/json", "content-encoding": "gzip",
                              "content-length": str(len(body))}) + body)
    return status


_BEHAVIOURS: Final = {
    "drip": _drip, "sse_comments": _sse_comments, "chunks_forever": _chunks_forever,
    "slow_headers": _slow_headers, "huge_body": _huge_body, "gzip_bomb": _gzip_bomb,
}
