"""``GET /v1/stores/{store}/page-set``: a store's first-sync page set, built ahead and
served as a file (``sync.contract.page_set``, ``sync.central.page_set``).

A page set is built when a store's first till asks for it (that request waits for the
build: ~20 s at 1,000,000 products) and kept in ``<central db>.pagesets/``. Once older
than ``max_age_s`` and behind the central's change sequence, the next request starts a
rebuild in the background and is answered the current file meanwhile. So the file a
till gets can be minutes old, which is safe: its manifest carries the sequence it
reflects and the two feeds' cursors at that sequence, and the till pulls every change
after it (those made while the file was built, waited or travelled) right after the
copy, the way it does after the chunked snapshot.

Served with ``Accept-Ranges: bytes`` and an ``ETag`` naming its sequence and build, so
a till resumes an interrupted download with ``Range`` and ``If-Range``; once the file
was rebuilt its ETag differs and the till is sent the whole new file (200), not a piece
of another one. The file replaced is kept until the next rebuild, so a download begun
on it is not cut by the rebuild.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from sync.central import auth, page_set
from sync.central.db import CHANGE_SEQ, Database, counter
from sync.contract.page_set import MEDIA_TYPE

log = logging.getLogger(__name__)

PAGE_SET_MAX_AGE_S = 600.0


@dataclass(frozen=True, slots=True)
class Built:
    path: Path
    seq: int
    etag: str
    built_at: float  # time.monotonic()


class PageSets:
    """The page set files of every store, built once and refreshed in the background."""

    def __init__(self, db: Database, max_age_s: float = PAGE_SET_MAX_AGE_S) -> None:
        self.db, self.max_age_s = db, max_age_s
        self._built: dict[str, Built] = {}
        self._lock = threading.Lock()  # one build at a time (one writer of files)
        self._refreshing: set[str] = set()
        self._refreshing_lock = threading.Lock()

    @property
    def folder(self) -> Path:
        """Beside the central's database: ``<db>.pagesets/``."""
        return Path(self.db.path + ".pagesets")

    def current(self, store_id: str) -> Built:
        """The store's page set, built now if there is none (the caller waits)."""
        built = self._built.get(store_id)
        if built is None:
            with self._lock:
                built = self._built.get(store_id) or self._build(store_id)
        elif self._stale(built) and self._mark_refreshing(store_id):
            threading.Thread(
                target=self._refresh, args=(store_id,), name="page-set-build", daemon=True
            ).start()
        return built

    def _mark_refreshing(self, store_id: str) -> bool:
        """True for the one caller that is to start the store's rebuild."""
        with self._refreshing_lock:
            if store_id in self._refreshing:
                return False
            self._refreshing.add(store_id)
            return True

    def _stale(self, built: Built) -> bool:
        if time.monotonic() - built.built_at < self.max_age_s:
            return False
        with self.db.read() as conn:
            return counter(conn, CHANGE_SEQ) > built.seq

    def _refresh(self, store_id: str) -> None:
        try:
            with self._lock:
                self._build(store_id)
        except Exception:  # the current file keeps being served; the next ask retries
            log.exception("page set rebuild for %s failed", store_id)
        finally:
            with self._refreshing_lock:
                self._refreshing.discard(store_id)

    def _build(self, store_id: str) -> Built:
        """Build into a new file; the previous one stays until the next build (a
        download begun on it goes on), the one before is deleted."""
        self.folder.mkdir(exist_ok=True)
        build_id = secrets.token_hex(6)
        target = self.folder / f"{_safe(store_id)}-{build_id}.sqlite"
        seq = page_set.build(self.db, store_id, target)
        keep = {target.name}
        old = self._built.get(store_id)
        if old is not None:
            keep.add(old.path.name)
        for file in self.folder.glob(f"{_safe(store_id)}-*.sqlite"):
            if file.name not in keep:
                file.unlink(missing_ok=True)
        built = Built(target, seq, f'"{seq}-{build_id}"', time.monotonic())
        self._built[store_id] = built
        return built


class _PageSetFile(FileResponse):
    """The file in 1 MiB pieces (Starlette's 64 KiB: ~5,400 reads and sends for a
    355 MB page set, each a thread hop and an ASGI message)."""

    chunk_size = 1024 * 1024


def _safe(store_id: str) -> str:
    """A file name part for a store id (the contract's ids are letters, digits, '-')."""
    return "".join(ch if ch.isalnum() or ch == "-" else "_" for ch in store_id)


class PageSetApi:
    def __init__(self, db: Database, page_sets: PageSets | None = None) -> None:
        self.db = db
        self.page_sets = page_sets or PageSets(db)

    async def page_set(self, request: Request) -> Response:
        """The file, whole or the ``Range`` asked (206); ``If-Range`` with another
        ETag gets the whole current file (Starlette's ``FileResponse`` rules)."""
        store_id = str(request.path_params["store_id"])
        auth.terminal(self.db, request, store_id, None)
        built = await run_in_threadpool(self.page_sets.current, store_id)
        return _PageSetFile(
            built.path,
            media_type=MEDIA_TYPE,
            headers={"ETag": built.etag, "Cache-Control": "no-store"},
        )

    def routes(self) -> list[Route]:
        return [Route("/v1/stores/{store_id}/page-set", self.page_set, methods=["GET"])]
