"""What a till's worker thread works with, opened together from its data folder.

The till's screen runs on a worker thread that owns one store connection (SQLite
connections never cross threads). ``open_till`` is the one place that opens it and builds
the services over it — the checkout, the till day, the event journal — so the UI never
names the store; ``TillServices.close`` releases them in the order they must go. Call
both on the worker thread that will use them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeAlias

from pos.config import DATABASE_FILE
from pos.services.central_link import read_link
from pos.services.checkout import Checkout
from pos.services.coupons import CouponCalls, CouponDesk
from pos.services.demo_store import build_demo_store
from pos.services.errors import StoreError
from pos.services.event_journal import EventJournal
from pos.services.period_closures import PeriodClosures
from pos.services.staff import StaffDirectory, provisional_actor
from pos.services.store_summary import StoreSummary, summarize
from pos.services.till_session import TillSessions
from pos.store.local_store import LocalStore

log = logging.getLogger(__name__)

#: The connection the till's services share, handed on to the services that take it
#: (customers, coupons, staff); the UI passes it along and never queries it.
TillStore: TypeAlias = LocalStore


@dataclass(frozen=True, slots=True)
class TillRules:
    """The settings the till's services are built with (``[till]`` and ``[fiscal]``)."""

    cashier: str = ""  # who acts before anyone signs in (a staff id or name)
    demo_if_empty: bool = True
    terminal_id: str | None = None  # None: the one recorded in the store's database
    session_max_hours: int = 24
    close_difference_limit_cents: int = 500
    meal_voucher_cap_cents: int = 2500
    fiscal_year_start_month: int = 1


@dataclass(slots=True)
class TillServices:
    """The till's services over one connection, owned by the thread that opened them."""

    store: TillStore
    summary: StoreSummary
    journal: EventJournal
    sessions: TillSessions
    checkout: Checkout

    def directory(self) -> StaffDirectory:
        """The store's staff, their sign-ins and approvals recorded in the JET."""
        return StaffDirectory(self.store, journal=self.journal)

    def coupon_desk(self, central_store_id: str, calls: CouponCalls | None) -> CouponDesk:
        """The coupon desk over this connection (single-use codes reserved at central's
        ``calls``; None: a till with no central server, its own promotions only)."""
        return CouponDesk(self.store.conn, central_store_id, calls)

    def store_name(self) -> str:
        """The receipt's header when the settings give none."""
        return self.store.setting("store_name", "Comptoir")

    def close(self) -> None:
        """A clean stop in the JET (a crash leaves none), then the checkout, then the file."""
        try:
            self.journal.stopped()
        except StoreError:
            log.warning("the till's stop could not be recorded", exc_info=True)
        self.checkout.close()
        self.store.close()


def open_till(data_dir: Path, rules: TillRules) -> TillServices:
    """Open the data folder's store (an empty one becomes the demo store when the rules
    say so and no central server is linked) and build the till's services over it.

    The start is signed in the JET here; a store that cannot write now still opens, to
    sell what it can."""
    store = LocalStore(data_dir / DATABASE_FILE)
    empty = not store.catalog.count() and not store.sales.count()
    if rules.demo_if_empty and empty and read_link(store) is None:
        build_demo_store(store, today=date.today())
    # Who acts until someone signs in: the checkout's actor is the one place it lives.
    actor = provisional_actor(StaffDirectory(store), rules.cashier)
    summary = summarize(store, data_dir, actor.display_name, rules.terminal_id)
    journal = EventJournal(store, terminal_id=summary.terminal_id)
    try:  # the clock, a new version, the start: signed here, never on the GUI thread
        journal.started()
    except StoreError:  # a store that cannot write now still sells what it can
        log.warning("the till's start could not be recorded", exc_info=True)
    sessions = TillSessions(
        store,
        terminal_id=summary.terminal_id,
        max_session_hours=rules.session_max_hours,
        difference_limit_cents=rules.close_difference_limit_cents,
        journal=journal,
        closures=PeriodClosures(
            store, terminal_id=summary.terminal_id, year_start_month=rules.fiscal_year_start_month
        ),
    )
    checkout = Checkout(
        store, terminal_id=summary.terminal_id, actor=actor, session_gate=sessions,
        meal_voucher_cap_cents=rules.meal_voucher_cap_cents, journal=journal,
    )  # fmt: skip
    return TillServices(store, summary, journal, sessions, checkout)
