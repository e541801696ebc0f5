"""Online prices: the catalog price, lowered by the best promotion active on the SKU.

The arithmetic is the till's (``pos.domain``), redone here because central never imports
the till: a percent comes off the unit price rounded half up, an amount off is per unit
(per kg by weight) and never below zero, and a line is ``unit * quantity`` (grams:
``/ 1000`` half up). Of several promotions on one SKU the customer gets the largest
discount (the lower id on a tie).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sync.central import instants
from sync.central.errors import bad_request, conflict, not_found
from sync.contract.pricing import AppliedPromotion, LineRequest, PricedLine
from sync.contract.scalars import MAX_CENTS, PromotionKind

_CHUNK = 500


def half_up(amount: int, numerator: int, denominator: int) -> int:
    """``amount * numerator / denominator`` rounded half up, exactly (non-negative input)."""
    quotient, remainder = divmod(amount * numerator, denominator)
    return quotient + (1 if 2 * remainder >= denominator else 0)


def line_total(unit_cents: int, quantity: int, sold_by: str) -> int:
    return half_up(unit_cents, quantity, 1000) if sold_by == "weight" else unit_cents * quantity


@dataclass(frozen=True, slots=True)
class Promotion:
    id: int
    name: str
    kind: PromotionKind
    value: int

    def per_unit(self, list_cents: int) -> int:
        """What comes off one unit (one kg) priced ``list_cents``."""
        if self.kind == "percent":
            return min(half_up(list_cents, self.value, 10_000), list_cents)
        return min(self.value, list_cents)


def merged(lines: Sequence[LineRequest]) -> dict[str, int]:
    """Quantity per SKU, in the order the SKUs first appear."""
    totals: dict[str, int] = {}
    for line in lines:
        totals[line.sku] = totals.get(line.sku, 0) + line.quantity
    return totals


def price_lines(
    conn: sqlite3.Connection, lines: Sequence[LineRequest], at: datetime
) -> list[PricedLine]:
    """Priced lines, one per SKU: 404 for an unknown SKU, 409 for one no longer sold,
    400 for a line or a total over the largest ticket."""
    wanted = merged(lines)
    offers = active_promotions(conn, list(wanted), at)
    priced = [
        _line(conn, line_no, sku, quantity, offers.get(sku, []))
        for line_no, (sku, quantity) in enumerate(wanted.items(), start=1)
    ]
    if sum(line.total_cents for line in priced) > MAX_CENTS:
        raise bad_request(f"The lines add up to more than {MAX_CENTS} cents.")
    return priced


def _line(
    conn: sqlite3.Connection, line_no: int, sku: str, quantity: int, offers: list[Promotion]
) -> PricedLine:
    row = conn.execute(
        "SELECT id, name, price_cents, vat_bp, sold_by, active FROM products WHERE sku = ?",
        (sku,),
    ).fetchone()
    if row is None:
        raise not_found(f"There is no product {sku!r}.")
    product_id, name, list_cents, vat_bp, sold_by, active = row
    if not active:
        raise conflict(f"Product {sku!r} is no longer sold.")
    best = max(offers, key=lambda p: (p.per_unit(list_cents), -p.id), default=None)
    off = best.per_unit(list_cents) if best else 0
    applied = None
    if best is not None and off:
        applied = AppliedPromotion(id=best.id, name=best.name, kind=best.kind, value=best.value)
    unit_cents = list_cents - off
    total = line_total(unit_cents, quantity, sold_by)
    gross = line_total(list_cents, quantity, sold_by)
    if gross > MAX_CENTS:
        raise bad_request(f"{quantity} of {sku!r} cost more than {MAX_CENTS} cents.")
    return PricedLine(
        line_no=line_no, product_id=product_id, sku=sku, name=name, sold_by=sold_by,
        quantity=quantity, list_price_cents=list_cents, unit_price_cents=unit_cents,
        vat_bp=vat_bp, promotion=applied, discount_cents=gross - total, total_cents=total,
    )  # fmt: skip


def active_promotions(
    conn: sqlite3.Connection, skus: list[str], at: datetime
) -> dict[str, list[Promotion]]:
    """The promotions active at ``at`` on each of these SKUs."""
    found: dict[str, list[Promotion]] = {}
    for start in range(0, len(skus), _CHUNK):
        chunk = skus[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            "SELECT p.id, p.name, p.kind, p.value, p.starts_at, p.ends_at, s.value "
            f"FROM promotions AS p, json_each(p.skus) AS s WHERE p.active = 1 "
            f"AND s.value IN ({marks})",
            chunk,
        ).fetchall()
        for pid, name, kind, value, starts_at, ends_at, sku in rows:
            if instants.parse(starts_at) <= at < instants.parse(ends_at):
                found.setdefault(sku, []).append(Promotion(pid, name, kind, value))
    return found
