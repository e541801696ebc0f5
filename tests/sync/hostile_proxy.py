"""A misbehaving middlebox on 127.0.0.1 between a till and the real central server.

``HostileProxy(upstream)`` forwards every request (``mode = "forward"``) or answers the
way broken networks, proxies and servers do: an HTML 502 page, a 200 with no body, a
reply with wrong types, a page of 40 MiB, a body cut in the middle, a body trickled
byte by byte. ``rewrite``, when set, edits the JSON of forwarded 200 replies on paths
containing ``only`` (a central that serves implausible data). ``stall_rate`` makes that
share of forwarded requests reach the server (which commits) and then hold the answer
past the client's timeout. Only a real socket shows a client what these look like, so
this is a real HTTP server (stdlib, threaded).
"""

from __future__ import annotations

import contextlib
import json
import random
import socket
import ssl
import struct
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

HUGE_BYTES = 40 * 1024 * 1024
MODES = (
    "forward", "html_502", "empty_200", "not_json", "wrong_types", "huge", "huge_declared",
    "truncated", "slow", "bad_cursor", "too_large", "too_large_html",
)  # fmt: skip
_HTML = (b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
         b"<body><h1>Bad Gateway</h1><p>nginx</p></body></html>")  # fmt: skip
_HTML_413 = (b"<html><head><title>413 Request Entity Too Large</title></head><body>"
             b"<center><h1>413 Request Entity Too Large</h1></center><hr><center>nginx"
             b"</center></body></html>")  # fmt: skip


class HostileProxy:
    def __init__(
        self, upstream: str, *, seed: int = 0, tls: tuple[Path, Path] | None = None
    ) -> None:
        self.upstream = upstream
        self.mode = "forward"
        self.only = ""  # apply ``mode`` only to paths containing this
        self.rewrite: Callable[[dict[str, Any]], dict[str, Any]] | None = None
        self.max_ops = 0  # too_large*: pushes of at most this many operations go through
        self.too_large = 0  # 413s answered
        self.refuse: dict[str, str] = {}  # op_id: reason; answered "rejected" by name
        self.stall_rate = 0.0
        self.stall_s = 2.0
        self.requests = 0
        self.stalls = 0
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._http = httpx.Client(base_url=upstream, timeout=httpx.Timeout(60.0))
        self._server = _QuietServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        scheme = "http"
        if tls is not None:  # (certificate, key): serve HTTPS
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(*tls)
            self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
            scheme = "https"
        self.url = f"{scheme}://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> HostileProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._http.close()

    def draw_stall(self) -> bool:
        with self._lock:
            self.requests += 1
            stall = self._rng.random() < self.stall_rate
            self.stalls += stall
            return stall


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up (its timeout) and closed: expected here


def _handler(proxy: HostileProxy) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            self._handle()

        def do_POST(self) -> None:
            self._handle()

        def do_PUT(self) -> None:
            self._handle()

        def do_DELETE(self) -> None:
            self._handle()

        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            mode = proxy.mode if proxy.only in self.path else "forward"
            if mode.startswith("too_large") and _operations(body) <= proxy.max_ops:
                mode = "forward"
            if mode == "forward" and proxy.refuse and _operations(body):
                self._refusing(body)
            elif mode == "forward":
                self._forward(body, wrong_types=False)
            elif mode == "wrong_types":
                self._forward(body, wrong_types=True)
            else:
                getattr(self, f"_{mode}")()

        def _forward(self, body: bytes, *, wrong_types: bool) -> None:
            stall = proxy.draw_stall()
            headers = {k: v for k, v in self.headers.items()
                       if k.lower() in ("authorization", "content-type")}  # fmt: skip
            try:
                reply = proxy._http.request(self.command, self.path, content=body, headers=headers)
            except httpx.HTTPError:
                self._reset()  # the server cut us: cut the client the same way
                return
            if stall:
                time.sleep(proxy.stall_s)
            data = _corrupt(reply.content) if wrong_types else reply.content
            if proxy.rewrite and proxy.only in self.path and reply.status_code == 200:
                data = json.dumps(proxy.rewrite(json.loads(data))).encode()
            self._send(reply.status_code, data, reply.headers.get("content-type", ""))

        def _refusing(self, body: bytes) -> None:
            """A push with the ``refuse`` ops answered "rejected" (as a stricter central
            would), the others forwarded to the real server."""
            ops = json.loads(body)["operations"]
            kept = [op for op in ops if op["op_id"] not in proxy.refuse]
            results: list[dict[str, Any]] = []
            if kept:
                headers = {k: v for k, v in self.headers.items()
                           if k.lower() in ("authorization", "content-type")}  # fmt: skip
                reply = proxy._http.post(self.path, json={"operations": kept}, headers=headers)
                if reply.status_code != 200:
                    self._send(reply.status_code, reply.content)
                    return
                results = reply.json()["results"]
            answered = {r["op_id"]: r for r in results}
            out = [answered.get(op["op_id"]) or {
                "op_id": op["op_id"], "status": "rejected", "code": "invalid_payload",
                "reason": proxy.refuse[op["op_id"]], "warnings": [],
            } for op in ops]  # fmt: skip
            self._send(200, json.dumps({"results": out}).encode())

        def _send(self, status: int, data: bytes, content_type: str = "application/json") -> None:
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _reset(self) -> None:
            with contextlib.suppress(OSError):
                self.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                )
            self.close_connection = True

        def _too_large(self) -> None:
            proxy.too_large += 1
            error = {"error": {"code": "payload_too_large", "message": "The body is too large."}}
            self._send(413, json.dumps(error).encode())

        def _too_large_html(self) -> None:
            proxy.too_large += 1
            self._send(413, _HTML_413, "text/html")

        def _html_502(self) -> None:
            self._send(502, _HTML, "text/html")

        def _empty_200(self) -> None:
            self._send(200, b"")

        def _not_json(self) -> None:
            self._send(200, b"OK", "text/plain")

        def _bad_cursor(self) -> None:
            error = {"error": {"code": "bad_cursor", "message": "The cursor is not ours."}}
            self._send(400, json.dumps(error).encode())

        def _huge(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            item = b'{"id":1,"sku":"X","name":"' + b"x" * 60_000 + b'"},'
            with contextlib.suppress(OSError):
                self._chunk(b'{"feed":"catalog","items":[')
                for _ in range(HUGE_BYTES // len(item) + 1):
                    self._chunk(item)
                self._chunk(b"")
            self.close_connection = True

        def _chunk(self, data: bytes) -> None:
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")

        def _huge_declared(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(HUGE_BYTES))
            self.end_headers()
            with contextlib.suppress(OSError):
                self.wfile.write(b'{"feed":"catalog","items":[')
            self.close_connection = True

        def _truncated(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "500")
            self.end_headers()
            self.wfile.write(b'{"feed":"catalog","items":[{"id":1,')
            self._reset()

        def _slow(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "100")
            self.end_headers()
            with contextlib.suppress(OSError):
                for _ in range(100):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.05)

    return Handler


def _operations(body: bytes) -> int:
    """How many operations a push carries (0 for anything else)."""
    try:
        return len(json.loads(body)["operations"])
    except (ValueError, KeyError, TypeError):
        return 0


def _corrupt(data: bytes) -> bytes:
    """The same reply with one value of the wrong type (a number sent as text)."""
    try:
        body = json.loads(data)
    except ValueError:
        return data
    if isinstance(body, dict) and body.get("items"):
        first = body["items"][0]
        key = next(k for k, v in first.items() if isinstance(v, int) and not isinstance(v, bool))
        first[key] = str(first[key])
    elif isinstance(body, dict) and body.get("results"):
        body["results"][0]["status"] = 42
    return json.dumps(body).encode()
