"""Request bodies as clients compress them, decoded before they are read, within the body limit.

Codex CLI compresses large ``/v1/responses`` bodies with zstd (level 3, ``Content-Encoding: zstd``) and sometimes
gzip, and a long Codex conversation is megabytes; read as JSON, the compressed bytes are a 400 for every such
request (zyycn/codex-proxy-rs#66, sozercan/vekil#6, james-6-23/codex2api#388 met it in their gateways). The body
is decoded here, every layer in the reverse of the order listed (RFC 9110 8.4), and the upstream gets the JSON:
the SDK sends the decoded bytes and no ``Content-Encoding``.

| coding                      | decoded with                                                        |
| --------------------------- | ------------------------------------------------------------------- |
| ``gzip``, ``x-gzip``        | ``zlib`` (every member)                                             |
| ``deflate``                 | ``zlib``: the zlib format RFC 9110 names, else raw deflate           |
| ``zstd``                    | ``zstandard`` (the ``serve`` extra), every frame                    |
| ``identity``                | nothing                                                             |

A decoded body over the limit is refused (413) as soon as it passes it, never inflated whole first (a small
compressed body can decode to gigabytes); a corrupt or truncated one is a 400; any other coding, more than two
layers, or zstd without ``zstandard`` installed is a 415 that says what to send instead.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from typing import Final

from starlette.types import Receive

from .._http import _ENCODINGS  # the window bits of each coding, as answers are decoded
from .gateway import NotServed
from .sink import ClientGone

__all__ = ["decoded", "read_body"]

_LAYERS: Final = 2
_ZSTD_FEED: Final = 1024
_INSTEAD: Final = "send the body uncompressed, or with gzip, deflate or zstd"


async def read_body(headers: Mapping[str, str], receive: Receive, limit: int) -> bytes:
    """The request's body (``headers`` with lower-case names), decoded: refused (413) as soon as it passes
    ``limit`` bytes, as sent or once decoded, before it is all read."""
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise NotServed(413, f"the request body is {declared} bytes; this gateway takes at most {limit} "
                             "([serve] max_body_bytes)")
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientGone("the client left before its request body was read")
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise NotServed(413, f"the request body is over {limit} bytes ([serve] max_body_bytes)")
        chunks.append(chunk)
        if not message.get("more_body", False):
            return decoded(b"".join(chunks), headers.get("content-encoding"), limit)


def decoded(data: bytes, encoding: str | None, limit: int) -> bytes:
    """``data`` with every coding of ``encoding`` (a ``Content-Encoding`` value) undone, at most ``limit`` bytes."""
    codings = [c.strip().lower() for c in (encoding or "").split(",")]
    codings = [c for c in codings if c and c != "identity"]
    if len(codings) > _LAYERS:
        raise NotServed(415, f"the request body has {len(codings)} content codings; {_INSTEAD}")
    for coding in reversed(codings):
        data = _decode(coding, data, limit)
    return data


def _decode(coding: str, data: bytes, limit: int) -> bytes:
    if coding in ("gzip", "x-gzip"):
        return _zlib(data, _ENCODINGS[coding], limit, coding)
    if coding == "deflate":
        try:
            return _zlib(data, _ENCODINGS[coding], limit, coding)
        except NotServed as err:
            if err.status == 413:
                raise
            return _zlib(data, -zlib.MAX_WBITS, limit, coding)  # raw deflate, as some clients send it
    if coding == "zstd":
        return _zstd(data, limit)
    raise NotServed(415, f"the request body's content coding {coding[:40]!r} is not supported; {_INSTEAD}")


def _too_large(limit: int) -> NotServed:
    return NotServed(413, f"the request body is over {limit} bytes once decompressed ([serve] max_body_bytes)")


def _zlib(data: bytes, wbits: int, limit: int, coding: str) -> bytes:
    out: list[bytes] = []
    size = 0
    while True:  # one member (gzip may hold several, one after the other)
        inflate = zlib.decompressobj(wbits)
        try:
            piece = inflate.decompress(data, limit + 1 - size)
        except zlib.error as err:
            raise NotServed(400, f"the request body is not valid {coding} ({err})") from err
        size += len(piece)
        out.append(piece)
        if size > limit or inflate.unconsumed_tail:
            raise _too_large(limit)
        if not inflate.eof:
            raise NotServed(400, f"the request body's {coding} stream is cut short")
        data = inflate.unused_data
        if not data or coding == "deflate":
            return b"".join(out)


def _zstd(data: bytes, limit: int) -> bytes:
    try:
        import zstandard
    except ImportError:
        raise NotServed(415, "the request body is zstd-compressed and this gateway cannot decode it: install "
                             "steadyloop[serve] (it brings zstandard), or " + _INSTEAD.removeprefix("send ")) from None
    out: list[bytes] = []
    size, rest = 0, data
    try:
        while rest:  # one frame after another
            inflate, at = zstandard.ZstdDecompressor().decompressobj(), 0
            while at < len(rest) and not inflate.eof:
                # fed a KiB at a time: a KiB of zstd decodes to 32 MiB at most, checked before the next
                piece = inflate.decompress(rest[at:at + _ZSTD_FEED])
                at += _ZSTD_FEED
                size += len(piece)
                out.append(piece)
                if size > limit:
                    raise _too_large(limit)
            if not inflate.eof:
                raise NotServed(400, "the request body's zstd stream is cut short")
            rest = inflate.unused_data + rest[at:]
    except zstandard.ZstdError as err:
        raise NotServed(400, f"the request body is not valid zstd ({err})") from err
    return b"".join(out)
