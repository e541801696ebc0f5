"""The sync engine: push the outbox, then pull the feeds, on its own thread, forever.

One round (``sync_once``) sends the return claim releases queued by cancelled returns
(``claim_releases``), the credit note reversals queued by removed tenders
(``credit_note_reversals``), the single-use coupons taken off sales
(``coupon_releases``), the customers created here and the consent choices made
offline (``customer_creations``: before the sales, so central knows a customer before a
sale naming it earns points), sends the loyalty redemptions owed (``loyalty_owed``),
drains the outbox in seq order, caches central's loyalty rule, loads the first-sync
snapshot on a new till (``snapshot``), then pulls each feed from its stored cursor.
Pulls run only after a complete push, so a central stock level never arrives while
one of our sales it already includes is still unacknowledged here (see
``pos.store.stock_levels``). A round never raises: its outcome is a ``SyncStatus``,
handed to ``on_status`` (called on the engine's thread).

``run`` repeats rounds until ``stop``: after a good round it waits ``poll_interval_s``,
after a failed one the backoff delay, or what a 429/503's ``Retry-After`` asks (at most
``RETRY_AFTER_CAP_S``); ``wake`` (e.g. right after a sale) cuts any wait short. A feed
that does not settle (``FeedStalled``) ends its own pull only: the other feeds are
pulled and the next round pushes as usual. ``stop`` interrupts a request in flight.

The engine opens its own SQLite connection on the thread that runs it (a
connection never crosses threads) with ``synchronous=NORMAL``: everything it writes can
be had again (a lost page is pulled again, a lost acknowledgement comes back as
``duplicate``), and WAL keeps the file consistent through a power cut either way.
"""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
import threading
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path

from pos.store import owed_calls, push_queue, snapshot_load
from pos.store.db import connect
from pos.store.errors import StoreError
from pos.store.feed_cursors import PageRefused
from pos.store.migrations import migrate
from pos.store.sale_codec import utc_now
from sync.engine import (
    claim_releases,
    coupon_releases,
    credit_note_reversals,
    customer_creations,
    loyalty_owed,
    puller,
    pusher,
    snapshot,
)
from sync.engine.backoff import Backoff
from sync.engine.feeds import APPLIERS, DEFAULT_FEEDS
from sync.engine.status import State, SyncStatus, SyncTotals
from sync.ports import (
    CentralPort,
    CentralRejected,
    CentralUnavailable,
    ClaimReleasing,
    CouponReleasing,
    DebitReversing,
    FeedStalled,
    Interruptible,
    LoyaltyOwing,
)

log = logging.getLogger(__name__)

RETRY_AFTER_CAP_S = 15 * 60.0  # the longest a server's Retry-After holds the engine back

ENGINE_CACHE_KIB = 64 * 1024  # page cache of the engine's connection (catalog upserts)

StatusCallback = Callable[[SyncStatus], None]


class SyncEngine:
    """Keeps one terminal's store in sync with the central platform behind ``central``."""

    def __init__(
        self,
        db_path: str | Path,
        central: CentralPort,
        *,
        on_status: StatusCallback | None = None,
        feeds: Sequence[str] = DEFAULT_FEEDS,
        batch_size: int = pusher.DEFAULT_BATCH,
        page_limit: int = puller.DEFAULT_PAGE_LIMIT,
        page_budget: int | None = None,
        snapshot_rows: int = snapshot.DEFAULT_CHUNK_ROWS,
        use_snapshot: bool = True,
        poll_interval_s: float = 30.0,
        backoff: Backoff | None = None,
        clock: Callable[[], str] = utc_now,
    ) -> None:
        unknown = [feed for feed in feeds if feed not in APPLIERS]
        if unknown:
            raise ValueError(f"no store repository applies these feeds: {unknown}")
        self.db_path = Path(db_path)
        self.central = central
        # A platform that serves only some feeds says which (``feeds_served``: Medusa has
        # no network stock nor deliveries); the others are not asked for, never an error.
        served = getattr(central, "feeds_served", None)
        self.feeds = tuple(f for f in feeds if served is None or f in served)
        self.batch_size, self.page_limit = batch_size, page_limit
        self.page_budget = page_budget  # None: puller.default_page_budget(page_limit)
        self.snapshot_rows = snapshot_rows
        self.use_snapshot = use_snapshot  # False: a first sync pulls the feeds' pages too
        self.poll_interval_s = poll_interval_s
        self.backoff = backoff or Backoff()
        self.totals = SyncTotals()
        self._on_status = on_status
        self._clock = clock
        self._status = SyncStatus()
        self._failures = 0
        self._conn: sqlite3.Connection | None = None
        self._conn_thread = 0  # the thread that opened _conn: the only one that may use it
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- what the app calls ---------------------------------------------------------------

    @property
    def status(self) -> SyncStatus:
        return self._status

    def start(self) -> threading.Thread:
        """Run the engine on a daemon thread of its own; return that thread."""
        if self._thread is not None and self._thread.is_alive():
            raise RuntimeError("the sync engine is already running")
        self._stop.clear()
        if isinstance(self.central, Interruptible):
            self.central.resume()  # after a stop that interrupted it
        self.close()  # a connection opened by the caller's thread cannot follow us
        self._thread = threading.Thread(target=self.run, name="comptoir-sync", daemon=True)
        self._thread.start()
        return self._thread

    def wake(self) -> None:
        """Sync now (after a sale, a reconnection, a button): cuts any wait short."""
        self._wake.set()

    def stop(self, timeout: float | None = 30.0) -> None:
        """Stop: a request in flight is aborted (when the port can), the page being
        written is finished, and the connection is closed. Thread-safe."""
        self._stop.set()
        self._wake.set()
        if isinstance(self.central, Interruptible):
            self.central.interrupt()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def run(self, wait: Callable[[float], None] | None = None) -> None:
        """Rounds until ``stop``. ``wait(seconds)`` replaces the interruptible wait (tests)."""
        try:
            while not self._stop.is_set():
                status = self.sync_once()
                if self._stop.is_set():
                    break
                delay = status.retry_in_s if status.retry_in_s is not None else self.poll_interval_s
                (wait or self._wait)(delay)
        finally:
            self.close()
            self._publish(dataclasses.replace(self._status, state="stopped", phase="", feed=""))

    def close(self) -> None:
        """Close the engine's connection; from another thread than the one that opened
        it, only let it go (sqlite3 refuses cross-thread use; garbage collection closes it)."""
        conn, self._conn = self._conn, None
        if conn is not None and self._conn_thread == threading.get_ident():
            conn.close()

    # -- one round ------------------------------------------------------------------------

    def sync_once(self) -> SyncStatus:
        """Push everything pending, then pull every feed; never raises."""
        self.totals.rounds += 1
        try:
            conn = self._connection()
            self._update(state="syncing", phase="pushing", feed="", applied=0)
            if isinstance(self.central, ClaimReleasing):  # abandoned returns' claims
                claim_releases.release_due(conn, self.central)
            if isinstance(self.central, DebitReversing):  # removed credit note tenders
                credit_note_reversals.reverse_due(conn, self.central)
            if isinstance(self.central, CouponReleasing):  # single-use coupons taken off
                coupon_releases.release_due(conn, self.central)
            if isinstance(self.central, customer_creations.CustomerCreating):  # made offline
                customer_creations.create_due(conn, self.central)
                customer_creations.send_consents(conn, self.central)
            if isinstance(self.central, LoyaltyOwing):  # points spent or given back offline
                loyalty_owed.send_due(conn, self.central)
            pusher.drain(
                conn, self.central, self.totals,
                batch_size=self.batch_size, after_batch=lambda: self._publish_counts(conn),
            )  # fmt: skip
            self._update(online=True)
            if isinstance(self.central, LoyaltyOwing):  # the rule, for offline points
                loyalty_owed.pull_rule(conn, self.central)
            # a new till (module doc): the catalog and stock levels in bulk
            if self.use_snapshot and snapshot.wanted(conn, self.central, self.feeds):
                self._load_snapshot(conn)
            stalled = [self._pull(conn, feed) for feed in self.feeds if not self._stop.is_set()]
            if any(stalled):  # the other feeds were pulled; the pushes go on next round
                message = " ".join(text for text in stalled if text)
                return self._failed(message, "error", online=True, refused=True)
        except CentralUnavailable as exc:
            if exc.retry_after_s is not None:
                return self._asked_to_wait(exc)
            return self._failed(exc.message, "offline", online=False)
        except CentralRejected as exc:
            return self._failed(exc.message, "error", online=True, refused=True)
        except StoreError as exc:  # says nothing about the network: online stays as it was
            message = f"The local database: {exc.message}"
            refused = isinstance(exc, PageRefused)  # the same page will be refused again
            return self._failed(message, "error", online=self._status.online, refused=refused)
        except Exception as exc:  # a bug must not kill the engine: report it, keep going
            log.exception("sync round failed")
            message = f"Sync failed unexpectedly ({type(exc).__name__})."
            return self._failed(message, "error", online=self._status.online, refused=True)
        return self._succeeded()

    def _pull(self, conn: sqlite3.Connection, feed: str) -> str:
        """Pull one feed; what to report if it stalled (it then keeps its cursor), else ""."""
        applied = 0

        def progress(name: str, so_far: int) -> None:
            nonlocal applied
            applied = so_far
            self._update(phase="pulling", feed=name, applied=so_far)

        try:
            puller.pull(
                conn, self.central, feed,
                limit=self.page_limit, page_budget=self.page_budget, after_page=progress,
            )  # fmt: skip
            return ""
        except FeedStalled as exc:
            log.warning("feed %s stalled: %s", feed, exc.message)
            return exc.message
        finally:
            self.totals.pulled[feed] = self.totals.pulled.get(feed, 0) + applied

    def _load_snapshot(self, conn: sqlite3.Connection) -> None:
        """The catalog and stock levels from the snapshot; the feeds then continue."""
        staged = 0

        def progress(so_far: int) -> None:
            nonlocal staged
            staged = so_far
            self._update(phase="pulling", feed="snapshot", applied=so_far)

        try:
            snapshot.load(conn, self.central, rows=self.snapshot_rows, after_chunk=progress)  # type: ignore[arg-type]
        finally:
            self.totals.pulled["snapshot"] = self.totals.pulled.get("snapshot", 0) + staged
        stalled = self._pull(conn, "catalog")  # what changed while it was read
        if not stalled:  # those products' levels came before them
            snapshot_load.fill_missing_stock(conn)

    def _asked_to_wait(self, exc: CentralUnavailable) -> SyncStatus:
        """A 429/503 with Retry-After: wait what the server asks (capped), not the backoff."""
        self._failures += 1
        self.totals.failed_rounds += 1
        delay = min(max(exc.retry_after_s or 0.0, 1.0), RETRY_AFTER_CAP_S)
        at = (datetime.now() + timedelta(seconds=delay)).strftime("%H:%M:%S")
        message = f"{exc.message} Next attempt at {at} (in {_duration(delay)})."
        log.warning("sync round: %s", message)
        return self._finish(state="error", online=True, last_error=message, retry_in_s=delay)

    def _succeeded(self) -> SyncStatus:
        self._failures = 0
        return self._finish(
            state="idle", online=True, last_success_at=self._clock(), last_error=None,
            retry_in_s=None,
        )  # fmt: skip

    def _failed(
        self, message: str, state: State, *, online: bool, refused: bool = False
    ) -> SyncStatus:
        """A failed round: back off (longer when insisting cannot help) and say why."""
        self._failures += 1
        self.totals.failed_rounds += 1
        delay = self.backoff.delay(self._failures, rejected=refused)
        log.warning("sync round failed (%s); next attempt in %.1f s", message, delay)
        return self._finish(state=state, online=online, last_error=message, retry_in_s=delay)

    def _finish(self, **changes: object) -> SyncStatus:
        counts = self._counts()
        if counts is not None:
            changes.update(pending=counts.pending, rejected=counts.rejected)
        self._update(phase="", feed="", applied=0, **changes)
        return self._status

    # -- plumbing -------------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._conn is not None and self._conn_thread != threading.get_ident():
            self.close()  # opened by another thread (sync_once there, run here)
        if self._conn is None:
            conn = connect(self.db_path)
            try:
                migrate(conn, self.db_path)
                conn.execute("PRAGMA synchronous = NORMAL")  # see the module docstring
                conn.execute(f"PRAGMA cache_size = -{ENGINE_CACHE_KIB}")
            except BaseException:
                conn.close()
                raise
            self._conn, self._conn_thread = conn, threading.get_ident()
        return self._conn

    def _counts(self) -> push_queue.QueueCounts | None:
        try:
            return self._queue_counts(self._connection())
        except (StoreError, sqlite3.Error):
            return None

    def _queue_counts(self, conn: sqlite3.Connection) -> push_queue.QueueCounts:
        """``rejected`` counts what a manager must check: the operations set aside and
        the undo calls central refused or has not answered for long (``owed_calls``)."""
        counts = push_queue.counts(conn)
        stuck = len(owed_calls.needing_attention(conn, self._clock()))
        return dataclasses.replace(counts, rejected=counts.rejected + stuck)

    def _publish_counts(self, conn: sqlite3.Connection) -> None:
        counts = self._queue_counts(conn)
        self._update(pending=counts.pending, rejected=counts.rejected)

    def _update(self, **changes: object) -> None:
        self._publish(dataclasses.replace(self._status, **changes))  # type: ignore[arg-type]

    def _publish(self, status: SyncStatus) -> None:
        self._status = status
        if self._on_status is None:
            return
        try:
            self._on_status(status)
        except Exception:
            log.exception("the sync status callback failed")

    def _wait(self, seconds: float) -> None:
        self._wake.wait(max(seconds, 0.0))
        self._wake.clear()


def _duration(seconds: float) -> str:
    return f"{seconds / 60:.0f} min" if seconds >= 120 else f"{seconds:.0f} s"
