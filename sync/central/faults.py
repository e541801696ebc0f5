"""Fault injection (``--faults``): an ASGI wrapper that makes the network misbehave.

Per request, one draw from ``random.Random(seed)`` picks at most one of: a 500 before
anything is done, the connection cut before the work, the connection cut after the work
committed (the response is started, half its body sent, then the socket is reset, so the
client sees a transport error for a request that did apply). Latency and a slowly
trickled body apply to every affected request. Admin calls and ``/v1/_faults`` are never
affected, so a test can always inspect the server and switch faults off.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import socket
import struct
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.contract.faults import FaultSettings

_EXEMPT = ("/v1/admin/", "/v1/_faults")
_PIECES = 8  # a slow body is sent in this many pieces
_INTERNAL = (
    b'{"error":{"code":"internal","message":"Injected fault: the server failed before '
    b'doing anything."}}'
)


def _abort(send: Send) -> bool:
    """Reset the TCP connection under this request (RST, not a polite FIN), if uvicorn's
    protocol object is reachable through ``send``; False when it is not."""
    transport: Any = getattr(getattr(send, "__self__", None), "transport", None)
    if transport is None:
        return False
    sock = transport.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort()
    return True


async def _cut(send: Send) -> None:
    """Cut the connection; failing a reset, promise a body and never finish it (uvicorn
    then closes the connection: the client still sees an incomplete response)."""
    if _abort(send):
        return
    await send(
        {"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"64")]}
    )
    await send({"type": "http.response.body", "body": b"{", "more_body": True})


class FaultInjector:
    """Wraps the app; ``settings`` are switched at run time by ``PUT /v1/_faults``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.settings = FaultSettings()
        self._random = random.Random(0)

    def configure(self, settings: FaultSettings) -> None:
        self.settings = settings
        self._random = random.Random(settings.seed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        settings = self.settings
        if scope["type"] != "http" or scope["path"].startswith(_EXEMPT) or not _active(settings):
            await self.app(scope, receive, send)
            return
        if settings.latency_ms:
            await asyncio.sleep(settings.latency_ms / 1000)
        draw = self._random.randrange(10_000)
        if draw < settings.error_rate:
            await _internal_error(send)
            return
        draw -= settings.error_rate
        if draw < settings.reset_before_rate:
            await _cut(send)
            return
        draw -= settings.reset_before_rate
        if settings.slow_body_ms:
            send = _Trickle(send, settings.slow_body_ms / 1000)
        if draw < settings.reset_after_rate:
            await self.app(scope, receive, _CutAfterWork(send))
            return
        await self.app(scope, receive, send)


def _active(settings: FaultSettings) -> bool:
    return any(
        (
            settings.latency_ms,
            settings.error_rate,
            settings.reset_before_rate,
            settings.reset_after_rate,
            settings.slow_body_ms,
        )
    )


async def _internal_error(send: Send) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": 500,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(_INTERNAL)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": _INTERNAL})


class _Trickle:
    """Sends each response body in pieces, pausing before each one."""

    def __init__(self, send: Send, pause: float) -> None:
        self._send, self._pause = send, pause
        self.__self__ = getattr(send, "__self__", None)  # keeps _abort working through us

    async def __call__(self, message: Message) -> None:
        if message["type"] != "http.response.body" or not message.get("body"):
            await self._send(message)
            return
        body: bytes = message["body"]
        size = -(-len(body) // _PIECES)
        pieces = [body[i : i + size] for i in range(0, len(body), size)]
        for index, piece in enumerate(pieces):
            await asyncio.sleep(self._pause)
            last = index == len(pieces) - 1
            await self._send(
                {
                    "type": "http.response.body",
                    "body": piece,
                    "more_body": message.get("more_body", False) if last else True,
                }
            )


class _CutAfterWork:
    """Lets the app finish (its transaction is committed before it answers), forwards the
    response start and half the body, then cuts the connection."""

    def __init__(self, send: Send) -> None:
        self._send = send
        self.__self__ = getattr(send, "__self__", None)
        self._cut = False

    async def __call__(self, message: Message) -> None:
        if self._cut:
            return
        if message["type"] != "http.response.body":
            await self._send(message)
            return
        body: bytes = message.get("body", b"")
        await self._send(
            {"type": "http.response.body", "body": body[: len(body) // 2], "more_body": True}
        )
        await asyncio.sleep(0.01)  # let the half body reach the socket before the reset
        self._cut = True
        if not _abort(self._send):
            return  # the response stays incomplete: uvicorn closes the connection
