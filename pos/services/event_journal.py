"""The technical event journal (JET) as the till's services write it.

One ``EventJournal`` per thread and store (it uses the store's connection and the
terminal's key): ``record_in`` inside the act's own write transaction, so the act and
its trace commit together (a refused act leaves no event), ``record`` for an event with
no act of its own (start, stop, a voided line, a printer error). Before each event it
checks the clock: a time earlier than the last entry of any chain (beyond a tolerance)
adds a ``clock_back`` entry, a wall clock that ran ahead of the monotonic clock by more
than an hour since the previous act adds ``clock_changed``. Entries stay ordered by their
sequence number whatever the clock says: the chain never sorts by time.

Signing happens here, on the thread that runs the act (the till's worker), never on the
GUI thread.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, datetime

from pos.domain import fiscal_events as fe
from pos.domain.chain_entry import CHAINS, ChainEntry
from pos.domain.rights import Actor
from pos.services.software import software_version
from pos.store import chains, events
from pos.store.db import write_transaction
from pos.store.local_store import LocalStore, put_setting, read_setting
from pos.store.sale_codec import utc_now

VERSION_SETTING = "software_version"


def _ms(stamp: str) -> int:
    return int(datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp() * 1000)


def last_recorded_at(conn: sqlite3.Connection) -> str | None:
    """The latest ``at`` among the heads of every chain (one indexed read per chain)."""
    found = [head.at for chain in CHAINS if (head := chains.head(conn, chain)) is not None]
    return max(found, key=_ms) if found else None


class EventJournal:
    """The JET of one terminal over one ``LocalStore`` (the calling thread's)."""

    def __init__(
        self,
        store: LocalStore,
        *,
        terminal_id: str,
        clock: Callable[[], str] = utc_now,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.terminal_id = terminal_id
        self._clock = clock
        self._monotonic = monotonic
        self._last_act: tuple[int, float] | None = None  # (wall ms, monotonic s)

    @classmethod
    def for_store(
        cls,
        store: LocalStore,
        terminal_id: str | None = None,
        *,
        clock: Callable[[], str] = utc_now,
    ) -> EventJournal:
        """The store's own terminal (as the till summary resolves it) when none is named."""
        terminal = terminal_id or store.setting("terminal_id", "T01")
        return cls(store, terminal_id=terminal, clock=clock)

    def now(self) -> str:
        return self._clock()

    # -- recording -------------------------------------------------------------------------

    def record_in(
        self,
        kind: str,
        detail: dict[str, object],
        *,
        actor: Actor | None = None,
        at: str | None = None,
        ref: str = "",
    ) -> ChainEntry:
        """Inside the act's write transaction on ``store.conn``; ``at`` is the act's time
        (the journal's clock when the act has none)."""
        if kind not in fe.KINDS:
            raise ValueError(f"unknown event kind {kind!r}")
        at = at or self._clock()
        self._check_clock_in(at)
        return events.record_in(
            self.store.conn, self.store.signing_key(), kind, detail,
            terminal_id=self.terminal_id, actor=fe.actor_ref(actor), at=at, ref=ref,
        )  # fmt: skip

    def record(
        self,
        kind: str,
        detail: dict[str, object],
        *,
        actor: Actor | None = None,
        at: str | None = None,
        ref: str = "",
    ) -> ChainEntry:
        """In a write transaction of its own: an event with no act to share one with."""
        with write_transaction(self.store.conn):
            return self.record_in(kind, detail, actor=actor, at=at, ref=ref)

    def check_clock(self, at: str | None = None) -> None:
        """The clock checks alone, in their own transaction when they find something (the
        sale's commit calls this first: its ticket entry stays the sale's own)."""
        at = at or self._clock()
        if self._clock_events(at):
            with write_transaction(self.store.conn):
                self._check_clock_in(at)
        else:
            self._remember(at)

    # -- start and stop ----------------------------------------------------------------------

    def started(self, version: str | None = None) -> None:
        """At start-up (the till worker's open): the clock against the chains, a new
        software version (then kept in the setting ``software_version``), the start."""
        version = version or software_version()
        conn = self.store.conn
        with write_transaction(conn):
            at = self._clock()
            self._check_clock_in(at)
            old = read_setting(conn, VERSION_SETTING)
            if old != version:
                self.record_in(fe.VERSION_CHANGED, {"old": old, "new": version}, at=at)
                put_setting(conn, VERSION_SETTING, version)
            self.record_in(fe.APP_STARTED, {"version": version, "pid": os.getpid()}, at=at)

    def stopped(self, version: str | None = None) -> None:
        """At a clean shutdown (the till worker's close)."""
        detail = {"version": version or software_version(), "pid": os.getpid()}
        self.record(fe.APP_STOPPED, detail)

    # -- the clock -----------------------------------------------------------------------

    def _clock_events(self, at: str) -> list[tuple[str, dict[str, object]]]:
        now_ms, found = _ms(at), []
        last = last_recorded_at(self.store.conn)
        if last is not None and (back := fe.clock_back_ms(now_ms, _ms(last))) is not None:
            found.append((fe.CLOCK_BACK, {"now": at, "last_at": last, "back_ms": back}))
        if self._last_act is not None:
            wall_ms, mono = self._last_act
            elapsed_ms = int((self._monotonic() - mono) * 1000)
            jump = fe.clock_jump_ms(now_ms - wall_ms, elapsed_ms)
            if jump is not None:
                previous = _stamp(wall_ms)
                detail = {"now": at, "previous": previous, "elapsed_ms": elapsed_ms}
                found.append((fe.CLOCK_CHANGED, {**detail, "jump_ms": jump}))
        return found

    def _check_clock_in(self, at: str) -> None:
        for kind, detail in self._clock_events(at):
            events.record_in(
                self.store.conn, self.store.signing_key(), kind, detail,
                terminal_id=self.terminal_id, at=at,
            )  # fmt: skip
        self._remember(at)

    def _remember(self, at: str) -> None:
        self._last_act = (_ms(at), self._monotonic())


def _stamp(ms: int) -> str:
    moment = datetime.fromtimestamp(ms / 1000, UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def record_key_changed(
    journal: EventJournal, old_key_id: str, new_key_id: str, *, actor: Actor | None = None
) -> ChainEntry:
    """``key_changed`` inside the caller's transaction (part F calls it where the key is
    rotated or re-enrolled, beside ``chains.introduce_key``)."""
    detail: dict[str, object] = {"old_key_id": old_key_id, "new_key_id": new_key_id}
    return journal.record_in(fe.KEY_CHANGED, detail, actor=actor)
