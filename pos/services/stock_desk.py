"""The stock screen's use cases: find an article, see its figures and history, adjust it.

Anyone signed in may look (a cashier reads stock to answer a customer); adjusting needs
``ADJUST_STOCK`` (managers) or a manager's on-the-spot approval, checked here, not only
on screen. Every figure is the till's own: the last central level plus the movements
central has not seen yet (``pos.store.stock_levels``), so the screen works offline and
says how old the central part is (``figures_at``).

"Incoming" (expected deliveries) has no source yet: ``IncomingStock`` is the seam a
delivery feed plugs into; until then the screen shows "—", never a made-up 0.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from pos.domain.errors import PosError
from pos.domain.product import Product
from pos.domain.rights import Actor, Approval, Right
from pos.domain.stock_adjustment import adjustment_delta, clean_note
from pos.services.approvals import authorize
from pos.store import stock_levels
from pos.store import stock_movements as movements
from pos.store.local_store import LocalStore
from pos.store.sale_codec import utc_now
from pos.store.stock_levels import StockLevel
from pos.store.stock_movements import Adjustment, Movement

#: "Low stock" by default: two units or fewer on hand (settable per screen).
LOW_STOCK_THRESHOLD = 2
RESULT_LIMIT = 50  # the low and negative lists
#: A typed search: the most relevant 25 (the screen shows about 20; typing more narrows).
SEARCH_LIMIT = 25
MOVEMENT_LIMIT = 20
MAX_QUERY_CHARS = 200


class StockFilter(StrEnum):
    ALL = "all"
    LOW = "low"  # at most the threshold on hand (negatives included)
    NEGATIVE = "negative"  # below zero: sold or written off more than was counted


class IncomingStock(Protocol):
    """Units expected from deliveries not yet received; None when nothing says."""

    def incoming(self, product_id: int) -> int | None: ...


class NoDeliveries:
    """Until a delivery feed exists: nothing is known to be coming."""

    def incoming(self, product_id: int) -> int | None:
        return None


@dataclass(frozen=True, slots=True)
class StockRow:
    """One article in the result list."""

    product: Product
    level: StockLevel


@dataclass(frozen=True, slots=True)
class StockDetail:
    product: Product
    level: StockLevel
    incoming: int | None  # None: unknown ("—")
    movements: tuple[Movement, ...]
    figures_at: str | None  # when the stock feed last brought levels; None: never


class StockDesk:
    """Stock over one opened store (so one thread)."""

    def __init__(
        self,
        store: LocalStore,
        *,
        incoming: IncomingStock | None = None,
        new_id: Callable[[], str] = lambda: str(uuid.uuid4()),
        now: Callable[[], str] = utc_now,
    ) -> None:
        self.store = store
        self._incoming = incoming or NoDeliveries()
        self._new_id = new_id
        self._now = now

    def search(
        self,
        query: str,
        which: StockFilter = StockFilter.ALL,
        threshold: int = LOW_STOCK_THRESHOLD,
        limit: int = RESULT_LIMIT,
    ) -> list[StockRow]:
        """By name, SKU or barcode (a scan); no query with a filter lists the lowest."""
        text = query.strip()[:MAX_QUERY_CHARS]
        ceiling = _ceiling(which, threshold)
        conn = self.store.conn
        if not text:
            if ceiling is None:
                return []
            products = movements.at_most(conn, ceiling, limit)
        else:
            products = self.store.catalog.search(text, min(limit, SEARCH_LIMIT))
        shown = stock_levels.levels(conn, [p.id for p in products])
        rows = [StockRow(p, shown[p.id]) for p in products]
        if ceiling is not None:
            rows = [row for row in rows if row.level.on_hand <= ceiling]
        return rows

    def detail(self, product_id: int) -> StockDetail:
        product = self._product(product_id)
        conn = self.store.conn
        return StockDetail(
            product,
            stock_levels.level(conn, product_id),
            self._incoming.incoming(product_id),
            tuple(movements.last_movements(conn, product_id, MOVEMENT_LIMIT)),
            movements.figures_at(conn),
        )

    def adjust(
        self,
        actor: Actor,
        product_id: int,
        reason: str,
        quantity: int,
        note: str = "",
        approval: Approval | None = None,
    ) -> StockDetail:
        """Record an adjustment (local movement + outbox operation, one transaction) and
        return the article's figures after it. Refused before anything is written: a
        missing right (approvable), an unknown article, no reason, a bad quantity."""
        product = self._product(product_id)  # bad input first: no approval asked for it
        delta = adjustment_delta(reason, quantity, product.sold_by)
        authorize(self.store, actor, Right.ADJUST_STOCK, approval)
        approver = approval.approved_by.staff_id if approval and not actor.may(
            Right.ADJUST_STOCK
        ) else None  # fmt: skip
        adjustment = Adjustment(
            self._new_id(), product.id, product.sku, delta, reason, actor.staff_id,
            clean_note(note), self._now(), approver,
        )  # fmt: skip
        movements.record_adjustment(self.store.conn, adjustment)
        return self.detail(product.id)

    def _product(self, product_id: int) -> Product:
        product = self.store.catalog.get(product_id)
        if product is None:
            raise PosError(f"No article {product_id} in this till's catalog.",
                           code="stock_unknown_product", product_id=product_id)  # fmt: skip
        return product


def _ceiling(which: StockFilter, threshold: int) -> int | None:
    if which is StockFilter.NEGATIVE:
        return -1
    if which is StockFilter.LOW:
        return threshold
    return None
