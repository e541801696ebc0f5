"""Plausibility checks on a pulled page, before any of it is applied.

The contract models check types and shapes; these check that the values could be true
(``sync/CONTRACT.md``, "Plausibility of pulled pages"): a stock level with negative holds
or an absurd count, a SKU that belongs to another product here, the same product twice
in one page. One implausible item refuses the whole page (``PageRefused``, naming the
item and the rule): nothing of it is applied, the cursor stays, and the engine reports
it. Read-only: called by ``sync.engine.feeds`` before the page's write transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from itertools import pairwise
from operator import attrgetter
from typing import Any

from pos.store.errors import translate_errors
from pos.store.feed_cursors import PageRefused

#: Sales beyond stock are accepted (the money was taken), so a central level can go
#: below zero, but not by more than this (units, or grams: 100 kg).
MIN_ON_HAND = -100_000
#: Nothing a store holds comes near this (units, or grams: 100 t).
MAX_ON_HAND = 100_000_000
#: Held units may exceed on_hand (sales beyond stock while units are held), by at most this.
MAX_HELD_BEYOND_ON_HAND = 100_000

_CHUNK = 500


class ImplausiblePage(PageRefused):
    """A pulled page names values that cannot be true; nothing of it was applied."""

    code = "implausible_page"


def check_stock_page(conn: sqlite3.Connection, items: Sequence[Any]) -> None:
    """Refuse a stock page with an implausible level, a SKU of another product, or the
    same product or SKU twice."""
    _unique(items, "stock", key=attrgetter("product_id"), what="product id")
    _unique(items, "stock", key=attrgetter("sku"), what="SKU")
    for item in items:
        _check_level(item)
    _check_sku_owners(conn, "stock", [(item.product_id, item.sku) for item in items])


def check_catalog_page(conn: sqlite3.Connection, items: Sequence[Any]) -> None:
    """Refuse a catalog page naming a product twice or a SKU that belongs to another product."""
    _unique(items, "catalog", key=attrgetter("id"), what="product id")
    _unique(items, "catalog", key=attrgetter("sku"), what="SKU")
    _check_sku_owners(conn, "catalog", [(item.id, item.sku) for item in items])


def check_snapshot_chunk(part: str, columns: Mapping[str, Sequence[Any]], after: int) -> int:
    """Refuse a snapshot chunk (columns, validated by the contract) whose ids do not all
    follow ``after`` in ascending order (a product twice, here or across chunks), naming
    a SKU twice, or with an implausible stock level; return its last id."""
    feed = f"{part} snapshot"
    keys = columns["id" if part == "catalog" else "product_id"]
    if keys and (keys[0] <= after or any(b <= a for a, b in pairwise(keys))):
        raise _refuse(feed, "its product ids are not in ascending order after the last chunk")
    skus = columns["sku"]
    if len(set(skus)) != len(skus):
        _unique(skus, feed, key=lambda sku: sku, what="SKU")
    if part == "stock":
        _check_levels(columns)
    return keys[-1] if keys else after


def _check_levels(columns: Mapping[str, Sequence[Any]]) -> None:
    """The per-level rules of ``_check_level``, at C speed when every level passes."""
    on_hand, reserved = columns["on_hand"], columns["reserved"]
    if not on_hand:
        return
    fine = (
        min(reserved) >= 0
        and min(on_hand) >= MIN_ON_HAND
        and max(on_hand) <= MAX_ON_HAND
        and not any(r > MAX_HELD_BEYOND_ON_HAND and r > o + MAX_HELD_BEYOND_ON_HAND
                    for o, r in zip(on_hand, reserved, strict=True))
    )  # fmt: skip
    if fine:
        return
    for level in zip(columns["product_id"], columns["sku"], on_hand, reserved, strict=True):
        _check_level(_Level(*level))


class _Level:
    __slots__ = ("on_hand", "product_id", "reserved", "sku")

    def __init__(self, product_id: int, sku: str, on_hand: int, reserved: int) -> None:
        self.product_id, self.sku, self.on_hand, self.reserved = product_id, sku, on_hand, reserved


def _refuse(feed: str, what: str) -> ImplausiblePage:
    return ImplausiblePage(
        f"A page of the central {feed} feed was refused: {what}; nothing of it was kept."
    )


def _unique(items: Sequence[Any], feed: str, *, key: Any, what: str) -> None:
    values = list(map(key, items))
    if len(set(values)) == len(values):  # the usual case, at C speed (1M-item first pulls)
        return
    seen: set[Any] = set()
    for value in values:
        if value in seen:
            raise _refuse(feed, f"{what} {value!r} appears twice in one page")
        seen.add(value)


def _check_level(item: Any) -> None:
    name = f"product {item.product_id} ({item.sku!r})"
    if item.reserved < 0:
        raise _refuse("stock", f"{name} has reserved = {item.reserved}, below zero")
    if not MIN_ON_HAND <= item.on_hand <= MAX_ON_HAND:
        raise _refuse(
            "stock",
            f"{name} has on_hand = {item.on_hand}, outside {MIN_ON_HAND:,} to {MAX_ON_HAND:,}",
        )
    if item.reserved > max(item.on_hand, 0) + MAX_HELD_BEYOND_ON_HAND:
        raise _refuse(
            "stock",
            f"{name} has reserved = {item.reserved}, more than on_hand ({item.on_hand}) "
            f"plus {MAX_HELD_BEYOND_ON_HAND:,}",
        )


def _check_sku_owners(conn: sqlite3.Connection, feed: str, pairs: list[tuple[int, str]]) -> None:
    """A SKU belongs to one product id for ever: one held here by another id is refused."""
    for start in range(0, len(pairs), _CHUNK):
        chunk = pairs[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        with translate_errors():
            owners = dict(
                conn.execute(
                    f"SELECT sku, id FROM products WHERE sku IN ({marks})",
                    [sku for _, sku in chunk],
                ).fetchall()
            )
        for product_id, sku in chunk:
            owner = owners.get(sku)
            if owner is not None and owner != product_id:
                raise _refuse(
                    feed,
                    f"product {product_id} has SKU {sku!r}, which belongs to product {owner} here",
                )
