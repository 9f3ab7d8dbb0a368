"""The loopback HTTP server: real wire protocols, scripted faults, a request log.

``Emulator`` runs in a background thread (a context manager for tests, drills and the demo);
``steadyloop upstream`` runs it in the foreground. It binds to loopback only.
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import re
import socket
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Final, Literal

from ..._redact import fingerprint
from ..._secret_headers import is_secret_header
from .hostile import HOSTILE, send_hostile
from .platforms import (
    GOOGLE_TOKEN_PATH,
    Route,
    azure_refusal,
    eventstream,
    google_token,
    platform_error,
    platform_key,
    route,
)
from .scenario import Endpoint, Scenario, load_scenario
from .state import Answer, EmulatorState, RequestRecord, planned_status
from .wire import (
    RequestInfo,
    error_envelope,
    frames_through_text,
    items_body,
    items_frames,
    malformed_frame,
    parse_request,
    reply_body,
    reply_frames,
    request_key,
    soft_body,
    stream_error_frame,
)

__all__ = ["Emulator"]

_ROUTES: Final[dict[str, Endpoint]] = {
    "/v1/chat/completions": "chat", "/v1/responses": "responses", "/v1/messages": "messages",
}
_COUNT_TOKENS: Final = "/v1/messages/count_tokens"
_STORED: Final = re.compile(r"^/v1/responses/(?P<id>[A-Za-z0-9_-]+)(?P<tail>/input_items|/cancel)?(?:\?.*)?$")
_HANG_LIMIT: Final = 120.0  # seconds a "hang" may last at most; the server's stop ends it sooner


def _loggable(headers: Mapping[str, str]) -> dict[str, str]:
    """A request's headers as the log keeps them: the value of every header that carries a secret as its fingerprint,
    as keys are logged (one judge of which headers do: ``agent._secret_headers``, so a proxy's ``x-auth-token`` is
    masked as an ``Authorization`` is); a test can still see which secret went out."""
    return {k: fingerprint(v) if is_secret_header(k) else v for k, v in headers.items()}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # many clients connect at once (a gateway bench): the default backlog of 5 refuses them
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], state: EmulatorState, time_scale: float = 1.0) -> None:
        super().__init__(address, _Handler)
        self.state = state
        self.time_scale = time_scale
        self.stopping = threading.Event()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Client disconnects (a dropped or hung request) are expected here: stay quiet."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server
    _route: Route = Route("chat")  # the request being answered

    def setup(self) -> None:
        super().setup()
        # Headers and body leave in separate writes; without NODELAY, Nagle plus the client's
        # delayed ACK stall every response by ~40 ms.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:  # quiet: the emulator keeps its own log
        pass

    # -------------------------------------------------------------- routing

    def do_GET(self) -> None:
        if _STORED.match(self.path):
            self._stored_response("GET")
        elif self.path.startswith("/_emulator/log"):
            self._json(200, [r.to_dict() for r in self.server.state.log()])
        elif self.path.startswith("/v1/models"):
            names = sorted(self.server.state.scenario.models) or ["emulated-model"]
            self._json(200, {"object": "list", "data": [{"id": n, "object": "model", "owned_by": "steadyloop"}
                                                        for n in names]})
        else:
            self._json(404, {"error": {"message": f"no route {self.path}", "type": "not_found_error"}})

    def do_DELETE(self) -> None:
        if _STORED.match(self.path):
            self._stored_response("DELETE")
        else:
            self._json(404, {"error": {"message": f"no route {self.path}", "type": "not_found_error"}})

    def do_POST(self) -> None:
        if _STORED.match(self.path):
            self._read_body()
            self._stored_response("POST")
            return
        if self.path == GOOGLE_TOKEN_PATH:  # form-encoded, not JSON: a service account exchanging its JWT
            self._json(*google_token(self.rfile.read(int(self.headers.get("content-length") or 0))))
            return
        body = self._read_body()
        if self.path.startswith("/_emulator/reset"):
            self.server.state.reset()
            self._json(200, {"reset": True})
            return
        # Anthropic's free counting endpoint answers as /v1/messages would (keys, scripted faults, the log),
        # with the count (4 characters a token, like the context windows here) in place of a reply
        counting = self.path.split("?", 1)[0] == _COUNT_TOKENS and isinstance(body, dict)
        where = route("/v1/messages" if counting else self.path, _ROUTES)
        if where is None or not isinstance(body, dict):
            self._json(404 if where is None else 400,
                       {"error": {"message": f"unsupported request to {self.path}", "type": "invalid_request_error"}})
            return
        endpoint = where.endpoint
        headers = {k.lower(): v for k, v in self.headers.items()}
        info = parse_request(endpoint, headers, body)
        if where.host:  # the path names the model and (Bedrock) the streaming; the key has the host's own header
            info = replace(info, host=where.host, model=where.model or info.model,
                           streamed=info.streamed if where.streamed is None else where.streamed,
                           key=platform_key(where.host, headers) or "")
        self._route = where
        started = time.time()
        state = self.server.state
        seq, answer = state.decide(info)
        refusal = azure_refusal(where, frozenset(state.scenario.models)) if where.host == "azure" else None
        if refusal is not None:  # Azure routes by api-version and deployment before anything else
            answer = Answer("error", "azure_route", status=refusal[0], body=refusal[1])
        if where.host and answer.kind == "error":  # in the host's own shape
            status, error_body, error_headers = platform_error(where.host, answer.cause, answer.status, answer.body,
                                                               answer.headers, info.model, where.api_version)
            answer = replace(answer, status=status, body=error_body, headers=error_headers)
        late = answer.kind == "reply" and answer.delay > 0  # a first byte held back is a fault of its own
        index = state.begin(RequestRecord(
            seq=seq, endpoint=endpoint, model=info.model, key=state.label(info.key), streamed=info.streamed,
            status=planned_status(answer), outcome="late_reply" if late else answer.kind, cause=answer.cause,
            started=started, ended=started, body=body, host=where.host, path=self.path,
            headers=_loggable(headers)))
        try:
            if counting and answer.kind == "reply":
                self._json(200, {"input_tokens": max(1, len(json.dumps(body.get("messages", []))) // 4)})
            else:
                self._answer(info, answer)
        finally:
            state.finish(index, time.time())

    def _stored_response(self, method: str) -> None:
        """A stored Responses answer: retrieved (GET, also its ``input_items``), deleted, or its background job
        cancelled (POST ``/cancel``); only the key that created it finds it. Logged like any call."""
        match = _STORED.match(self.path)
        assert match is not None
        response_id, tail = match["id"], match["tail"] or ""
        headers = {k.lower(): v for k, v in self.headers.items()}
        key = request_key("responses", headers)
        state, started = self.server.state, time.time()
        found = state.stored(response_id, key, forget=method == "DELETE" and not tail)
        allowed = (method == "GET" and tail in ("", "/input_items")) or (method, tail) in (("DELETE", ""),
                                                                                       ("POST", "/cancel"))
        if not allowed:
            status, payload = 405, error_envelope("openai", status=405, type_="invalid_request_error",
                                                  message=f"{method} is not allowed on {self.path}")
        elif found is None:
            status, payload = 404, error_envelope("openai", status=404, type_="invalid_request_error", param="id",
                                                  message=f"Response with id '{response_id}' not found.")
        elif tail == "/input_items":
            status, payload = 200, {"object": "list", "data": [], "first_id": None, "last_id": None, "has_more": False}
        elif method == "DELETE":
            status, payload = 200, {"id": response_id, "object": "response", "deleted": True}
        else:
            status, payload = 200, reply_body(replace(found, max_output=None), state.scenario.reply_text, None)
            payload["status"] = "cancelled" if tail == "/cancel" else payload["status"]
        state.finish(state.begin(RequestRecord(
            seq=0, endpoint="responses", model=found.model if found else "", key=state.label(key), streamed=False,
            status=status, outcome="reply" if status == 200 else "error", cause="stored", started=started,
            ended=started, path=self.path, headers=_loggable(headers))),
            time.time())
        self._json(status, payload)

    def _read_body(self) -> Any:
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            return json.loads(raw or b"null")
        except ValueError:
            return None

    # -------------------------------------------------------------- answers

    def _answer(self, info: RequestInfo, answer: Answer) -> int:
        """Send ``answer``; returns the HTTP status sent (0 when the connection was dropped)."""
        scale = self.server.time_scale
        if answer.delay and self.server.stopping.wait(answer.delay * scale):
            return self._drop()
        if answer.kind == "error":
            return self._error(answer)
        if answer.kind == "drop":
            return self._drop_after(info, answer)
        if answer.kind == "hang":
            self.server.stopping.wait(min(answer.delay or _HANG_LIMIT, _HANG_LIMIT) * self.server.time_scale)
            return self._drop()
        if answer.kind in HOSTILE:
            send_hostile(_Raw(self), answer.kind, info, answer.text, answer.status, answer.interval, answer.size)
            return self._drop()
        if answer.kind == "soft":
            return self._json(200, soft_body(info, answer.soft, answer.error_code, answer.message))
        if info.streamed:
            return self._stream(info, answer)
        if answer.items is not None:
            return self._json(200, items_body(info, answer.items, answer.stop))
        return self._json(200, reply_body(info, answer.text, answer.tool))

    def _error(self, answer: Answer) -> int:
        body = answer.body
        if isinstance(body, str):
            self._send(answer.status, body.encode(), "text/plain" if not body.startswith(("{", "[")) else
                       "application/json", answer.headers)
        else:
            self._send(answer.status, json.dumps(body).encode(), "application/json", answer.headers)
        return answer.status

    def _stream(self, info: RequestInfo, answer: Answer) -> int:
        frames, tail = (reply_frames(info, answer.text, answer.tool, self.server.state.scenario.chunk_words)
                        if answer.items is None else items_frames(info, answer.items, answer.stop))
        self._start_stream()
        if answer.kind == "reply":
            for frame in frames:
                self._frame(frame)
            self._frame(tail)
        else:  # stream_error, stream_cut, stream_stall or stream_malformed after some content
            head = frames_through_text(frames, answer.after_chunks)
            for frame in head:
                self._frame(frame)
            if answer.kind == "stream_error":
                self._frame(stream_error_frame(info, answer.error_type, answer.message))
            elif answer.kind == "stream_malformed":
                self._frame(malformed_frame(info))
            elif answer.kind == "stream_stall":  # silence with the connection open; then the rest, if still there
                if self.server.stopping.wait(answer.stall * self.server.time_scale):
                    return self._drop()
                for frame in [*frames[len(head):], tail]:
                    self._frame(frame)
        self._chunk(b"")  # a clean end of the HTTP body, even when the SSE stream is incomplete
        return 200

    def _drop_after(self, info: RequestInfo, answer: Answer) -> int:
        """Drop the connection: at once, or mid-stream after some frames (no clean end)."""
        if answer.after_chunks and info.streamed:
            frames, _ = reply_frames(info, answer.text, answer.tool, self.server.state.scenario.chunk_words)
            self._start_stream()
            for frame in frames_through_text(frames, answer.after_chunks):
                self._frame(frame)
        return self._drop()

    # -------------------------------------------------------------- HTTP plumbing

    def _json(self, status: int, payload: Any) -> int:
        self._send(status, json.dumps(payload).encode(), "application/json", {})
        return status

    def _send(self, status: int, data: bytes, kind: str, headers: dict[str, str]) -> None:
        self.send_response(status)
        self.send_header("content-type", kind)
        self.send_header("content-length", str(len(data)))
        self.send_header("x-request-id", f"req_emulated_{int(time.time() * 1000)}")
        self.send_header("request-id", f"req_emulated_{int(time.time() * 1000)}")
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _start_stream(self) -> None:
        self.send_response(200)
        bedrock = self._route.host == "bedrock"
        self.send_header("content-type", "application/vnd.amazon.eventstream" if bedrock else "text/event-stream")
        self.send_header("cache-control", "no-cache")
        self.send_header("transfer-encoding", "chunked")
        self.end_headers()

    def _frame(self, sse: bytes) -> None:
        """One or more SSE frames, in the host's stream encoding (Bedrock: AWS event stream messages)."""
        self._chunk(eventstream(sse) if self._route.host == "bedrock" else sse)

    def _chunk(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()

    def _drop(self) -> int:
        self.close_connection = True
        self.wfile.flush()
        with contextlib.suppress(OSError):
            self.connection.shutdown(2)
        return 0


class _Raw:
    """The raw connection of one request, for the hostile answers."""

    def __init__(self, handler: _Handler) -> None:
        self.stopping, self._out = handler.server.stopping, handler.wfile

    def write(self, data: bytes) -> None:
        self._out.write(data)
        self._out.flush()


class Emulator:
    """A scripted provider upstream on 127.0.0.1, started on a free port in a background thread.

    >>> with Emulator("content_policy") as emu:            # doctest: +SKIP
    ...     client = openai.OpenAI(base_url=emu.base_url("openai"), api_key="k", max_retries=0)
    """

    def __init__(self, scenario: Scenario | str | Path | dict[str, Any] = "healthy", *,
                 host: str = "127.0.0.1", port: int = 0, clock: Callable[[], float] = time.time,
                 time_scale: float = 1.0) -> None:
        if not ipaddress.ip_address(host).is_loopback:
            raise ValueError(f"host {host!r}: the emulator binds to loopback only (use 127.0.0.1 or ::1)")
        self.scenario = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
        self.state = EmulatorState(self.scenario, clock)  # clock: quota, rate windows and outages
        # Drills compress time: delays, hangs and stalls last time_scale times their scenario seconds.
        self.time_scale = time_scale
        self._address = (host, port)
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> Emulator:
        self._server = _Server(self._address, self.state, self.time_scale)
        self._thread = threading.Thread(target=self._server.serve_forever, name="steadyloop-emulator",
                                        kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.stopping.set()
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> Emulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the emulator is not running: use it as a context manager or call start()")
        return int(self._server.server_address[1])

    def base_url(self, api: Literal["openai", "anthropic", "azure", "bedrock", "vertex"]) -> str:
        """What to pass as ``base_url`` to the official client of ``api`` (azure: the ``azure_endpoint``)."""
        root = f"http://127.0.0.1:{self.port}"
        return root + "/v1" if api in ("openai", "vertex") else root

    def wait(self, seconds: float | None = None) -> None:
        """Block while serving, for ``seconds`` or until stopped (Ctrl-C raises KeyboardInterrupt)."""
        deadline = None if seconds is None else time.monotonic() + seconds
        while self._server is not None and (deadline is None or time.monotonic() < deadline):
            time.sleep(0.1 if deadline is None else max(0.0, min(0.1, deadline - time.monotonic())))

    @property
    def log(self) -> list[RequestRecord]:
        """Every request so far, oldest first."""
        return self.state.log()

    def wait_for_calls(self, count: int, timeout: float = 5.0) -> bool:
        """Whether at least ``count`` requests are logged within ``timeout`` seconds (no polling: the log notifies).
        A client that abandoned a request (a first-token timeout) can finish before this server reads it."""
        return self.state.wait_for_calls(count, timeout)

    def calls(self, **where: Any) -> int:
        """How many logged requests match all of ``where`` (fields of RequestRecord)."""
        return sum(1 for r in self.log if all(getattr(r, k) == v for k, v in where.items()))

    def reset(self) -> None:
        """Forget the log, counters and windows (quota clocks restart)."""
        self.state.reset()
