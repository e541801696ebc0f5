"""Stock counts ("Inventaire"): the whole store, a department or a shelf, counted blind,
then approved by a manager before anything changes.

The rule for sales during a count (README, "Stock counts"): an article's variance is
judged at the instant it was counted. ``expected`` = the till's shown level at
``counted_at`` (central level as last pulled + local movements until then), kept with
the line and never shown to the counter; the delta written = counted − expected, so a
sale made after the article was counted stays a sale and is not "found" again. Centrally
the ``stock_count`` operation is applied against central's own level at ``counted_at``
(its level now less every movement after that instant), so sales at other tills during
the count are right too; the till's figure is provisional until that level comes back.

Anyone signed in may count (counting is not deciding); applying needs ``ADJUST_STOCK``
(managers), or a manager's on-the-spot approval for a cashier, checked here.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from pos.domain.errors import PosError
from pos.domain.product import Product
from pos.domain.rights import Actor, Approval, Right
from pos.domain.stock_count import (
    CountScope,
    EntryMode,
    Variance,
    counted_quantity,
    scope_label,
)
from pos.services.approvals import authorize
from pos.store import departments, stock_levels
from pos.store import stock_counts as counts
from pos.store.local_store import LocalStore
from pos.store.sale_codec import utc_now
from pos.store.stock_counts import CountLineRecord, CountRecord


@dataclass(frozen=True, slots=True)
class CountedLine:
    """What the counter sees of a line: the article and what they typed, no expected."""

    product: Product
    counted: int
    entries: int


@dataclass(frozen=True, slots=True)
class CountSheet:
    """The count as the counter sees it, newest line first."""

    count: CountRecord
    lines: tuple[CountedLine, ...]


SHOWN_UNCOUNTED = 200  # uncounted articles listed one by one; the rest only in the totals


@dataclass(frozen=True, slots=True)
class CountVariances:
    """After the count: every line with its variance, the largest value first; for a full
    or department count, what was not counted (counted as 0): the first
    ``SHOWN_UNCOUNTED`` by value in ``uncounted``, all of them in the two totals."""

    count: CountRecord
    lines: tuple[Variance, ...]
    uncounted: tuple[Variance, ...] = ()
    uncounted_articles: int = 0
    uncounted_value_cents: int = 0

    @property
    def value_cents(self) -> int:
        return sum(line.value_cents for line in self.lines) + self.uncounted_value_cents

    @property
    def differing(self) -> int:
        return sum(1 for line in self.lines if line.variance) + self.uncounted_articles


class StockCounts:
    """Counts over one opened store (so one thread)."""

    def __init__(
        self,
        store: LocalStore,
        *,
        new_id: Callable[[], str] = lambda: str(uuid.uuid4()),
        now: Callable[[], str] = utc_now,
    ) -> None:
        self.store = store
        self._new_id = new_id
        self._now = now

    def current(self) -> CountSheet | None:
        """The count under way at this till (it survives a restart), if any."""
        found = counts.open_count(self.store.conn)
        return None if found is None else self.sheet(found.id)

    def start(self, actor: Actor, scope: str, label: str = "") -> CountSheet:
        which, text = scope_label(scope, label)
        if which is CountScope.DEPARTMENT:
            names = departments.names(self.store.conn, "fr") | {
                code: name for code, name in departments.names(self.store.conn, "en").items()
            }  # typed in either language
            code = next((c for c, n in names.items() if text in (c, n)), None)
            if code is None:
                raise PosError(f"No department {text!r} in this till's catalog.",
                               code="count_unknown_department", label=text)  # fmt: skip
            text = code
        under_way = counts.open_count(self.store.conn)
        if under_way is not None:
            raise PosError("A count is already under way at this till: finish it first.",
                           code="count_under_way")  # fmt: skip
        record = CountRecord(self._new_id(), which.value, text, actor.staff_id, self._now(), "open")
        counts.start(self.store.conn, record)
        return self.sheet(record.id)

    def enter(
        self,
        actor: Actor,
        count_id: str,
        product_id: int,
        quantity: int,
        mode: EntryMode = EntryMode.NEW,
    ) -> CountSheet:
        """Record what the shelf holds of an article. Typed twice in one count: refused
        (``count_entered_twice``, nothing lost) unless the counter chose to add or replace."""
        record = self._open(count_id)
        product = self._product(product_id)
        quantity = counted_quantity(quantity, product.sold_by)
        if record.scope == CountScope.DEPARTMENT and product.department != record.label:
            raise PosError(
                f"{product.name} is not in the department being counted: nothing recorded.",
                code="count_other_department", name=product.name,
            )  # fmt: skip
        conn = self.store.conn
        before = counts.line(conn, count_id, product.id)
        now = self._now()
        if before is None or mode is EntryMode.REPLACE:
            expected = stock_levels.level(conn, product.id).on_hand  # the shelf now
            entries = 1 if before is None else before.entries + 1
            line = CountLineRecord(product.id, quantity, now, expected, entries)
        elif mode is EntryMode.ADD:  # judged at the first entry's instant
            total = counted_quantity(before.counted + quantity, product.sold_by)
            line = CountLineRecord(product.id, total, before.counted_at, before.expected,
                                   before.entries + 1)  # fmt: skip
        else:
            raise PosError(
                f"{product.name} was already counted in this count ({before.counted}): "
                "add this quantity to it, or replace it?",
                code="count_entered_twice", name=product.name, counted=before.counted,
                quantity=quantity, product_id=product.id,
            )  # fmt: skip
        counts.put_line(conn, count_id, line)
        return self.sheet(count_id)

    def departments(self, language: str = "fr") -> list[tuple[str, str]]:
        """(code, name in ``language``) of the departments a count may cover, by code."""
        return list(departments.names(self.store.conn, language).items())

    def find(self, code: str) -> Product:
        """The article a scan or a typed SKU, PLU or name designates (exactly one)."""
        text = code.strip()[:200]
        catalog = self.store.catalog
        found = text and (catalog.by_barcode(text) or catalog.by_sku(text) or catalog.by_plu(text))
        if found:
            return found
        matches = catalog.search(text, 2) if text else []
        if len(matches) == 1:
            return matches[0]
        raise PosError(
            f"{'Several articles match' if matches else 'No article matches'} {text!r}: "
            "scan its barcode or type its SKU.",
            code="count_ambiguous" if matches else "count_not_found", text=text,
        )  # fmt: skip

    def sheet(self, count_id: str) -> CountSheet:
        record = self._count(count_id)
        found = counts.lines(self.store.conn, count_id)
        lines = [CountedLine(self._product(ln.product_id), ln.counted, ln.entries) for ln in found]
        return CountSheet(record, tuple(reversed(lines)))

    def variances(self, count_id: str) -> CountVariances:
        """Shown once the counting is over (the counter's figures can no longer follow).
        While open, what the count would zero is reckoned now; once applied, it is among
        the lines (``entries`` 0)."""
        record = self._count(count_id)
        lines = [
            Variance(self._product(ln.product_id), ln.counted, ln.expected, ln.counted_at)
            for ln in counts.lines(self.store.conn, count_id)
        ]
        lines.sort(key=lambda v: (-abs(v.value_cents), -abs(v.variance), v.product.name))
        if record.state != "open":
            return CountVariances(record, tuple(lines))
        now = self._now()
        conn = self.store.conn
        uncounted = tuple(
            Variance(self._product(product_id), 0, expected, now)
            for product_id, expected in counts.uncounted(conn, record, SHOWN_UNCOUNTED)
        )
        articles, value = counts.uncounted_total(conn, record)
        return CountVariances(record, tuple(lines), uncounted, articles, value)

    def approve(
        self, actor: Actor, count_id: str, approval: Approval | None = None
    ) -> CountVariances:
        """Apply the count: movements and its outbox operation(s), in one transaction; a
        full or department count zeroes, in it, what was not counted."""
        record = self._open(count_id)
        result = self.variances(count_id)
        if not result.lines:
            raise PosError("Nothing was counted: scan an article and type what the shelf holds.",
                           code="count_empty")  # fmt: skip
        authorize(self.store, actor, Right.ADJUST_STOCK, approval)
        approver = actor.staff_id if actor.may(Right.ADJUST_STOCK) or approval is None else (
            approval.approved_by.staff_id
        )  # fmt: skip
        if not counts.apply(self.store.conn, record, approver, self._now()):
            raise PosError("This count was already closed: nothing was applied twice.",
                           code="count_closed")  # fmt: skip
        return self.variances(count_id)

    def abandon(self, actor: Actor, count_id: str) -> None:
        """Close without applying; the lines stay (nothing is deleted)."""
        self._open(count_id)
        counts.abandon(self.store.conn, count_id, self._now())

    def _count(self, count_id: str) -> CountRecord:
        found = counts.count(self.store.conn, count_id)
        if found is None:
            raise PosError(f"No count {count_id!r} at this till.", code="count_unknown")
        return found

    def _open(self, count_id: str) -> CountRecord:
        found = self._count(count_id)
        if found.state != "open":
            raise PosError("This count was already closed: nothing was applied twice.",
                           code="count_closed")  # fmt: skip
        return found

    def _product(self, product_id: int) -> Product:
        product = self.store.catalog.get(product_id)
        if product is None:
            raise PosError(f"No article {product_id} in this till's catalog.",
                           code="stock_unknown_product", product_id=product_id)  # fmt: skip
        return product
