"""A raw HTTP/1.1 server on 127.0.0.1 that answers each request with a script's bytes.

``HostileProxy`` speaks through ``http.server``, which cannot trickle a status line's
headers, send stacked encodings or invent feed cursors; here a test's ``answer(request,
conn)`` writes whatever it likes on the socket. One request per connection (``Connection:
close``); every handler is a daemon thread whose writes fail once the client has gone,
and trickles are bounded by the script, so nothing here outlives its test for long.
"""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    body: bytes


Answer = Callable[[Request, socket.socket], None]


class ScriptedServer:
    def __init__(self, answer: Answer) -> None:
        self.answer = answer
        self.requests: list[Request] = []
        self.arrived = threading.Event()  # set at each request
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> ScriptedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(OSError):
            self._sock.close()

    def paths(self, part: str) -> list[Request]:
        return [r for r in self.requests if part in r.path]

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        with conn, contextlib.suppress(OSError):
            conn.settimeout(10)
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(65536)
                if not chunk:
                    return
                data += chunk
            head, _, body = data.partition(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, target, _ = lines[0].split(" ", 2)
            length = next(
                (int(v) for k, _, v in (h.partition(":") for h in lines[1:])
                 if k.strip().lower() == "content-length"), 0,
            )  # fmt: skip
            while len(body) < length:
                body += conn.recv(65536)
            url = urlsplit(target)
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            request = Request(method, url.path, query, body)
            self.requests.append(request)
            self.arrived.set()
            self.answer(request, conn)


def reply(
    conn: socket.socket, status: int, body: bytes, headers: dict[str, str] | None = None
) -> None:
    head = [f"HTTP/1.1 {status} Status", f"Content-Length: {len(body)}", "Connection: close"]
    head += [f"{k}: {v}" for k, v in (headers or {}).items()]
    conn.sendall(("\r\n".join(head) + "\r\n\r\n").encode() + body)


def reply_json(
    conn: socket.socket, status: int, body: Any, headers: dict[str, str] | None = None
) -> None:
    reply(
        conn,
        status,
        json.dumps(body).encode(),
        {"Content-Type": "application/json"} | (headers or {}),
    )


def trickle_headers(conn: socket.socket, every_s: float, for_s: float) -> None:
    """A status line, then header bytes one at a time for ``for_s``, then a tiny reply."""
    conn.sendall(b"HTTP/1.1 200 OK\r\nX-Slow: ")
    until = time.monotonic() + for_s
    while time.monotonic() < until:
        conn.sendall(b"a")
        time.sleep(every_s)
    conn.sendall(b"\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")


def gzip_of_zeros(size: int) -> bytes:
    """gzip of ``size`` zero bytes (a compression bomb), made 1 MiB at a time so that
    what it inflates to is never held here."""
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = bytes(1024 * 1024)
    parts = [packer.compress(block) for _ in range(size // len(block))]
    return b"".join(parts) + packer.flush()


def product(number: int) -> dict[str, Any]:
    """A catalog item as the contract has it."""
    return {
        "id": number, "sku": f"SKU{number}", "name": f"Produit {number}", "brand": "B",
        "department": "epicerie", "price_cents": 199, "vat_bp": 550, "sold_by": "unit",
        "plu": None, "barcodes": [], "active": True, "version": 1,
    }  # fmt: skip


def page(feed: str, items: list[Any], next_cursor: str, has_more: bool) -> dict[str, Any]:
    return {"feed": feed, "items": items, "next_cursor": next_cursor, "has_more": has_more}


#: Python lines a child process ends with to print its own peak RSS in MB. VmHWM is
#: this process image's peak; ``ru_maxrss`` would carry the forking pytest process's
#: peak across exec (Linux keeps it), and that grows with the suite.
PEAK_RSS_LINES = """
with open("/proc/self/status") as _status:
    print(next(int(ln.split()[1]) for ln in _status if ln.startswith("VmHWM:")) // 1024)
"""


def child_peak(code: str, url: str) -> tuple[str, int]:
    """Run ``code`` (ending with ``PEAK_RSS_LINES``) in a fresh Python against ``url``:
    (what it printed before its peak, its peak RSS in MB)."""
    child = subprocess.run(
        [sys.executable, "-c", code, url], capture_output=True, text=True, timeout=60, check=False
    )
    assert child.returncode == 0, child.stderr[-2000:]
    message, peak_mb = child.stdout.strip().rsplit("\n", 1)
    return message, int(peak_mb)


def stop_during_a_call(
    server: ScriptedServer, engine: Any, timeout: float = 2.0
) -> tuple[bool, float]:
    """Start ``engine``, let its first request wait on a trickling ``server``, then
    ``stop(timeout)``: (whether its thread was still alive, how long stop took)."""
    thread = engine.start()
    assert server.arrived.wait(10)
    time.sleep(0.3)  # the request is now waiting on its headers
    started = time.monotonic()
    engine.stop(timeout=timeout)
    stopped_in = time.monotonic() - started
    alive = thread.is_alive()
    thread.join(15)  # a stuck engine: let it finish before the server goes
    return alive, stopped_in
