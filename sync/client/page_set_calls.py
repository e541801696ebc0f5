"""Downloading the first-sync page set (``sync.contract.page_set``) to a file, resumably.

The file is streamed to disk (``<store>.pageset``), never held in memory, with its
``ETag`` and size kept beside it (``.pageset.etag``). Killed mid-download, the next
attempt asks for the rest (``Range: bytes=N-``) on condition the file is the same
(``If-Range: <etag>``): the server answers 206 with the rest, or 200 with the whole new
file when it was rebuilt meanwhile, and the download starts over. The size is bounded
(``MAX_PAGE_SET_BYTES``, announced or counted) and the whole exchange has its own
deadline (a file of hundreds of MB is no 60-second reply); reads still time out
between bytes, and ``interrupt`` aborts it like any call. Nothing here checks the
content: ``pos.store.page_set_load`` does, before anything reaches the store.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from urllib.parse import quote

import httpx

from sync.client.wire import Wire
from sync.ports import CentralRejected, CentralUnavailable, NotAuthorised, PageSetNotServed

MAX_PAGE_SET_BYTES = 4 * 1024**3
DOWNLOAD_DEADLINE_S = 30 * 60.0
# The first request of a store waits for the central's build (~20 s at 1M products).
DOWNLOAD_TIMEOUT = httpx.Timeout(connect=3.0, read=120.0, write=15.0, pool=5.0)
PIECE_BYTES = 1024 * 1024
META_SUFFIX = ".etag"

Progress = Callable[[int], None]


class HttpPageSetCalls:
    """``PageSetServing`` for ``HttpCentral`` (which sets ``_wire`` and ``store_id``)."""

    _wire: Wire  # its httpx client and call budget: one connection pool, one interrupt
    store_id: str

    def download_page_set(
        self,
        target: Path,
        *,
        max_bytes: int = MAX_PAGE_SET_BYTES,
        progress: Progress = lambda written: None,
    ) -> None:
        """Bring the page set whole into ``target``, resuming what is there."""
        path = f"/v1/stores/{quote(self.store_id, safe='')}/page-set"
        client, budget = self._wire._client, self._wire._budget
        if budget.interrupted:
            raise CentralUnavailable("Sync is stopping; the download will resume later.")
        etag, total = _meta(target)
        have = target.stat().st_size if etag and target.exists() else 0
        if etag and total is not None and have == total:
            return  # downloaded whole before a kill: the checks come next
        headers = {"Accept-Encoding": "identity"}
        if have:
            headers |= {"Range": f"bytes={have}-", "If-Range": etag or ""}
        with budget.opened(DOWNLOAD_DEADLINE_S):
            try:
                with client.stream(
                    "GET", path, headers=headers, timeout=DOWNLOAD_TIMEOUT
                ) as response:
                    _receive(response, target, have, max_bytes, progress)
            except httpx.TransportError as exc:
                if budget.interrupted:
                    raise CentralUnavailable("The page set download was interrupted.") from None
                raise CentralUnavailable(
                    f"The page set download broke off ({type(exc).__name__}); it resumes "
                    "where it stopped."
                ) from None


def _receive(
    response: httpx.Response, target: Path, have: int, max_bytes: int, progress: Progress
) -> None:
    status = response.status_code
    if status == 416:  # what is here is longer than the file: start over
        _forget(target)
        raise CentralUnavailable("The page set download starts over.")
    if status not in (200, 206):
        _refuse(response)
    etag = response.headers.get("etag")
    if not etag:  # no file of ours: a platform that does not serve page sets
        raise PageSetNotServed("The central sent no page set file (no ETag).")
    if status == 206:
        start, total = _content_range(response.headers.get("content-range", ""))
        if start != have:
            raise CentralRejected("The central resumed the page set at the wrong place.")
    else:
        have, total = 0, _int(response.headers.get("content-length"))
    if total is None:
        _forget(target)
        raise PageSetNotServed("The central sent no page set file (no size).")
    if total > max_bytes:
        _forget(target)
        raise CentralRejected(
            f"The central's page set is over {max_bytes // 1024**2} MB; it was not downloaded."
        )
    target.with_name(target.name + META_SUFFIX).write_text(json.dumps([etag, total]))
    with open(target, "r+b" if have else "wb") as file:
        file.seek(have)
        written = have
        for piece in response.iter_raw(PIECE_BYTES):
            written += len(piece)
            if written > total:
                raise CentralRejected("The central sent more of the page set than announced.")
            file.write(piece)
            progress(written)
        file.truncate()
    if written != total:
        raise CentralUnavailable("The page set download ended early; it resumes later.")


def _refuse(response: httpx.Response) -> None:
    status = response.status_code
    if status == 404:
        raise PageSetNotServed("The central serves no page set.")
    if status == 401:
        raise NotAuthorised("The terminal's token was refused: enrol this till again.")
    if status in (429, 503) or status >= 500:
        raise CentralUnavailable(f"The central could not serve the page set (HTTP {status}).")
    raise PageSetNotServed(f"The central answered HTTP {status} for the page set.")


def _meta(target: Path) -> tuple[str | None, int | None]:
    try:
        etag, total = json.loads(target.with_name(target.name + META_SUFFIX).read_text())
    except (OSError, ValueError, TypeError):
        return None, None
    if not isinstance(etag, str) or not isinstance(total, int):
        return None, None
    return etag, total


def _forget(target: Path) -> None:
    for file in (target, target.with_name(target.name + META_SUFFIX)):
        with suppress(FileNotFoundError):
            file.unlink()


def _content_range(value: str) -> tuple[int | None, int | None]:
    """``bytes START-END/TOTAL`` → (START, TOTAL)."""
    unit, _, spec = value.partition(" ")
    span, _, total = spec.partition("/")
    if unit != "bytes":
        return None, None
    return _int(span.partition("-")[0]), _int(total)


def _int(text: str | None) -> int | None:
    return int(text) if text and text.isascii() and text.isdigit() else None
