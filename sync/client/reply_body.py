"""Reading a reply body with its size bounded after decompression, as it streams.

httpx decodes ``Content-Encoding`` with no limit on what a few compressed bytes inflate
to (a 1.8 KB reply gzipped twice took a till to 2.1 GB). Here the raw bytes are decoded
by us, one ``zlib`` step at a time with ``max_length``, so no more than ``limit + 1``
decoded bytes ever exist; stacked or unknown encodings are refused with a reason.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable

import httpx

from sync.ports import CentralRejected

ACCEPT_ENCODING = "gzip, deflate"
_STEP = 1024 * 1024  # decoded bytes produced per zlib call


class _Identity:
    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        return data

    unconsumed_tail = b""

    def flush(self) -> bytes:
        return b""


class _Deflate:
    """``deflate`` as servers send it: zlib-wrapped, or (wrongly but commonly) raw."""

    def __init__(self) -> None:
        self._inner = zlib.decompressobj()
        self._started = False

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        if not self._started:
            self._started = True
            try:
                return self._inner.decompress(data, max_length)
            except zlib.error:
                self._inner = zlib.decompressobj(-zlib.MAX_WBITS)
        return self._inner.decompress(data, max_length)

    @property
    def unconsumed_tail(self) -> bytes:
        return self._inner.unconsumed_tail

    def flush(self) -> bytes:
        return self._inner.flush()


def _decoder(encoding: str, sender: str) -> _Identity | _Deflate | zlib._Decompress:
    names = [part.strip().lower() for part in encoding.split(",") if part.strip()]
    names = [name for name in names if name != "identity"]
    if not names:
        return _Identity()
    if len(names) == 1 and names[0] in ("gzip", "x-gzip"):
        return zlib.decompressobj(zlib.MAX_WBITS | 16)
    if names == ["deflate"]:
        return _Deflate()
    raise CentralRejected(
        f"{sender} sent a reply encoded as {encoding[:60]!r}, which this till does "
        f"not accept (only {ACCEPT_ENCODING}, once).",
        code="bad_encoding",
    )


def read_bounded(
    raw: Iterable[bytes],
    encoding: str,
    limit: int,
    too_large: Callable[[], Exception],
    check: Callable[[], None] = lambda: None,
    sender: str = "The central API",
) -> bytes:
    """The decoded body of ``raw``; ``too_large()`` is raised past ``limit`` bytes
    (raw or decoded), ``check()`` is called between chunks (deadline, interruption).
    ``sender`` names the server in the messages ("Medusa" for that adapter)."""
    decoder = _decoder(encoding, sender)
    chunks: list[bytes] = []
    size = raw_size = 0
    try:
        for chunk in raw:
            raw_size += len(chunk)
            if raw_size > limit:
                raise too_large()
            while chunk:
                out = decoder.decompress(chunk, min(_STEP, limit + 1 - size))
                size += len(out)
                if size > limit:
                    raise too_large()
                chunks.append(out)
                chunk = decoder.unconsumed_tail
            check()
        flush = getattr(decoder, "flush", None)
        rest = flush() if flush is not None else b""  # at most one window (32 KiB)
        if size + len(rest) > limit:
            raise too_large()
        chunks.append(rest)
    except zlib.error:
        raise CentralRejected(
            f"{sender} sent a reply its {encoding[:60]!r} encoding does not decode.",
            code="bad_encoding",
        ) from None
    return b"".join(chunks)


def read_response(
    response: httpx.Response,
    limit: int,
    too_large: Callable[[], Exception],
    check: Callable[[], None],
    sender: str = "The central API",
) -> bytes:
    """The decoded body of a streamed ``response`` (see ``read_bounded``): a declared
    length over ``limit`` is refused before anything is read. A reply already in memory
    (``httpx.MockTransport`` in tests) is only measured."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large()
    if response.is_stream_consumed:
        if len(response.content) > limit:
            raise too_large()
        return response.content
    encoding = response.headers.get("content-encoding", "")
    return read_bounded(response.iter_raw(), encoding, limit, too_large, check, sender)


def size_text(count: int) -> str:
    """A byte cap as a message says it: ``20 MiB``, ``464 KiB``."""
    mib = count / (1024 * 1024)
    return f"{mib:.0f} MiB" if mib >= 1 else f"{count // 1024} KiB"
