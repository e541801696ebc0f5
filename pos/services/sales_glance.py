"""Sales at a glance for managers: a period's totals and breakdowns, the pickup backlog and
the state of sync, all from the till's own file (works offline, indefinitely).

Figures come from the sums the sales write in their own transaction (migration 0031:
tickets per hour, breakdowns per day), so a year reads a few thousand rows. Integer
cents throughout.

* Returns are **netted**: ``turnover_cents`` and every breakdown are sold less given back
  (a return ticket is negative, a refund tender negative). They are also **shown apart**:
  ``returns_count`` tickets with a returned line gave back ``returns_cents`` (>= 0), and
  ``sold_cents`` = turnover + returns is what the sold lines came to.
* ``sales_count`` is the tickets without a returned line; the average basket is
  ``sold_cents / sales_count`` rounded to the cent.
* Cash is net of the change given back, so the tenders add up to the turnover.
* Training sales are never counted: a training sale writes no ``sales`` row.
* Channels: store sales, web carts paid at the till, pickup orders paid at the till when
  handed over (their sale), and pickup orders paid online handed over here (not in the
  turnover: no till sale). A web cart paid here is a till sale (turnover, tenders) but
  not a plain store sale: the web brought that customer, and a manager weighing the web
  shop against the store wants to see it (schema 37 marks the sale when the cart is
  claimed). A ticket that took in a cart counts whole as a web cart, extra items too.

No Qt. Each call opens the store on the calling thread (a worker's) and closes it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from pos.domain.archive_period import STORE_ZONE, ArchivePeriod
from pos.domain.errors import PosError
from pos.domain.rights import Actor, Right, require
from pos.domain.sales_hours import day_bounds, hour_bounds, offset_spans, period_of
from pos.services.central_link import read_link
from pos.services.pickup_desk import PickupDesk
from pos.services.pickup_views import DeskCounts
from pos.store import push_queue, sales_glance
from pos.store.local_store import LocalStore

#: The longest period a manager can ask for, in days (ten years).
MAX_DAYS = 3660
STORE = "store"  # channels
WEB_CART_AT_TILL = "web_cart_at_till"
PICKUP_AT_TILL = "pickup_at_till"
PICKUP_ONLINE = "pickup_online"


@dataclass(frozen=True, slots=True)
class Share:
    """One row of a breakdown: ``key`` (department code, tender kind, cashier, channel, or
    the local hour as text), what people read (``label``), how many, how much."""

    key: str
    label: str
    count: int
    cents: int


@dataclass(frozen=True, slots=True)
class SyncHealth:
    pending: int  # operations waiting to be sent
    set_aside: int  # refused by central, waiting for a person
    last_push: str | None  # UTC stamp of the last batch central acknowledged
    last_pull: str | None  # UTC stamp of the last feed page pulled


@dataclass(frozen=True, slots=True)
class SalesFigures:
    period: ArchivePeriod
    tickets: int
    sales_count: int
    turnover_cents: int  # net of returns
    sold_cents: int
    returns_count: int
    returns_cents: int
    average_basket_cents: int
    by_hour: tuple[Share, ...]  # local hours with sales, in order
    by_department: tuple[Share, ...]
    by_tender: tuple[Share, ...]
    by_cashier: tuple[Share, ...]
    by_channel: tuple[Share, ...]
    backlog: DeskCounts
    health: SyncHealth


def store_today() -> date:
    """Today in the store (Europe/Paris), whatever the machine's time zone."""
    return datetime.now(UTC).astimezone(STORE_ZONE).date()


def _rounded_ratio(amount: int, count: int) -> int:
    return (2 * amount + count) // (2 * count) if count > 0 else 0


class SalesGlance:
    """The figures of the store file at ``db_path`` for its managers."""

    def __init__(
        self,
        db_path: Path,
        *,
        store_id: str | None = None,
        today: Callable[[], date] = store_today,
    ) -> None:
        self.db_path = Path(db_path)
        self.store_id = store_id  # the pickup backlog's store (None: the enrolled one)
        self._today = today

    def today(self, actor: Actor, language: str = "fr") -> SalesFigures:
        day = self._today()
        return self.figures(actor, day, day, language)

    def figures(self, actor: Actor, first: date, last: date, language: str = "fr") -> SalesFigures:
        """The local days ``first`` … ``last`` (both included), departments named in
        ``language``. Needs ``VIEW_SALES``."""
        require(actor, Right.VIEW_SALES)
        if last < first:
            raise PosError("The period ends before it starts.", code="period_reversed")
        if last - first > timedelta(days=MAX_DAYS):
            raise PosError(
                "Choose a period of ten years at most.", code="period_too_long", days=MAX_DAYS
            )
        period = period_of(first, last)
        with LocalStore(self.db_path) as store:
            store.conn.execute("BEGIN")  # one snapshot: totals and breakdowns agree while
            try:  # the till goes on selling (WAL readers never wait on its writes)
                return self._read(store, period, language)
            finally:
                store.conn.execute("ROLLBACK")

    def _read(self, store: LocalStore, period: ArchivePeriod, language: str) -> SalesFigures:
        conn = store.conn
        lo, hi = hour_bounds(period)
        first_day, last_day = day_bounds(period)
        tickets, turnover = sales_glance.total(conn, "ticket", lo, hi)
        returns_count, returns_cents = sales_glance.total(conn, "return", lo, hi)
        names = sales_glance.department_names(conn, language)
        hours = sales_glance.by_local_hour(conn, lo, hi, offset_spans(period))
        sales_count = tickets - returns_count
        sold = turnover + returns_cents
        queue = push_queue.counts(conn)
        pushed, pulled = sales_glance.last_contacts(conn)
        return SalesFigures(
            period=period,
            tickets=tickets,
            sales_count=sales_count,
            turnover_cents=turnover,
            sold_cents=sold,
            returns_count=returns_count,
            returns_cents=returns_cents,
            average_basket_cents=_rounded_ratio(sold, sales_count),
            by_hour=tuple(Share(str(h), f"{h:02d}", n, c) for h, n, c in hours),
            by_department=tuple(
                Share(k, names.get(k, k), n, c)
                for k, n, c in sales_glance.by_key(conn, "department", first_day, last_day)
            ),
            by_tender=self._shares(conn, "tender", first_day, last_day),
            by_cashier=self._shares(conn, "cashier", first_day, last_day),
            by_channel=self._channels(conn, period, tickets, turnover),
            backlog=PickupDesk(store, store_id=self._store_id(store), tz=STORE_ZONE).counts(),
            health=SyncHealth(queue.pending, queue.rejected, pushed, pulled),
        )

    def _store_id(self, store: LocalStore) -> str | None:
        """This store's pickups only: the id given, else the enrolled one (as the desk)."""
        if self.store_id is not None:
            return self.store_id
        link = read_link(store)
        return link.store_id if link is not None else None

    @staticmethod
    def _shares(conn, dim: str, lo: str, hi: str) -> tuple[Share, ...]:
        return tuple(Share(k, k, n, c) for k, n, c in sales_glance.by_key(conn, dim, lo, hi))

    @staticmethod
    def _channels(conn, period: ArchivePeriod, tickets: int, turnover: int) -> tuple[Share, ...]:
        lo, hi = hour_bounds(period)
        handed = sales_glance.handovers(conn, lo, hi)
        at_till = handed.get(True, (0, 0))
        online = handed.get(False, (0, 0))
        carts = sales_glance.web_carts(conn, lo, hi)
        store = (tickets - at_till[0] - carts[0], turnover - at_till[1] - carts[1])
        return (
            Share(STORE, STORE, *store),
            Share(WEB_CART_AT_TILL, WEB_CART_AT_TILL, *carts),
            Share(PICKUP_AT_TILL, PICKUP_AT_TILL, *at_till),
            Share(PICKUP_ONLINE, PICKUP_ONLINE, *online),
        )
