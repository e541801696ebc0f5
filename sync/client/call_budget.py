"""One deadline for a whole HTTP exchange, and a way to abort it from another thread.

httpx has no total timeout: its read timeout restarts with every byte, so headers or a
body trickled one byte a second never trip it. ``BoundedTransport`` plugs a network
backend into httpcore's connection pool whose every socket operation waits at most the
time left before the calling thread's deadline (set by ``CallBudget.opened``), and reads
in short slices that check ``CallBudget.interrupt`` so ``SyncEngine.stop`` never waits
on a request in flight. Past the deadline a read raises ``httpcore.ReadTimeout``; once
interrupted it raises ``Interrupted`` (a ``httpcore.ReadError``).
"""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import httpcore
import httpx

SLICE_S = 0.2  # how soon a blocked read notices an interruption


class Interrupted(httpcore.ReadError):
    """The exchange was aborted by ``CallBudget.interrupt`` (the engine is stopping)."""


class CallBudget:
    """The calling thread's deadline (monotonic seconds) and a shared interruption."""

    def __init__(self) -> None:
        self._local = threading.local()
        self._interrupted = threading.Event()

    @contextmanager
    def opened(self, seconds: float) -> Iterator[None]:
        """Everything the calling thread sends or reads inside must end within ``seconds``."""
        self._local.deadline = time.monotonic() + seconds
        try:
            yield
        finally:
            self._local.deadline = None

    def interrupt(self) -> None:
        self._interrupted.set()

    def resume(self) -> None:
        self._interrupted.clear()

    @property
    def interrupted(self) -> bool:
        return self._interrupted.is_set()

    def expired(self) -> bool:
        deadline = getattr(self._local, "deadline", None)
        return deadline is not None and time.monotonic() >= deadline

    def left(self, timeout: float | None, error: type[Exception]) -> float | None:
        """``timeout`` cut to the time left; ``error`` (or Interrupted) if none is left."""
        if self._interrupted.is_set():
            raise Interrupted("The request was interrupted.")
        deadline = getattr(self._local, "deadline", None)
        if deadline is None:
            return timeout
        left = deadline - time.monotonic()
        if left <= 0:
            raise error("The whole-request deadline has passed.")
        return left if timeout is None else min(timeout, left)


class _BoundedStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, budget: CallBudget) -> None:
        self._inner, self._budget = inner, budget

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        started = time.monotonic()
        while True:
            wait = self._budget.left(timeout, httpcore.ReadTimeout)
            waited = time.monotonic() - started
            if wait is not None and timeout is not None:
                wait = min(wait, timeout - waited)
                if wait <= 0:
                    raise httpcore.ReadTimeout("No byte arrived within the read timeout.")
            try:
                return self._inner.read(max_bytes, SLICE_S if wait is None else min(wait, SLICE_S))
            except httpcore.ReadTimeout:
                continue  # a slice ended: check the interruption, the deadline, the timeout

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._budget.left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        wait = self._budget.left(timeout, httpcore.ConnectTimeout)
        return _BoundedStream(
            self._inner.start_tls(ssl_context, server_hostname, wait), self._budget
        )

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _BoundedBackend(httpcore.SyncBackend):
    def __init__(self, budget: CallBudget) -> None:
        self._budget = budget

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        wait = self._budget.left(timeout, httpcore.ConnectTimeout)
        stream = super().connect_tcp(host, port, wait, local_address, socket_options)
        return _BoundedStream(stream, self._budget)


class BoundedTransport(httpx.HTTPTransport):
    """httpx's own transport over a connection pool whose sockets obey ``budget``."""

    def __init__(self, budget: CallBudget, *, verify: ssl.SSLContext | bool = True) -> None:
        super().__init__(verify=verify, trust_env=False)
        limits = httpx.Limits()
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(verify=verify, trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_BoundedBackend(budget),
        )
