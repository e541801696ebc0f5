"""The open basket kept on disk as it changes, and what a restart finds of it.

The checkout calls ``save`` after every change. Only what changed is written: lines are
immutable objects replaced on change, so comparing them by identity with the ones last
saved finds the changed line in a few microseconds, and a scan writes one small row (see
``pos.store.open_basket`` for why that row survives a kill and what it costs). Prices
travel in the line's product snapshot: a resumed basket is priced as it was, never
re-read from the catalog.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain, compress, repeat
from json.encoder import encode_basestring
from operator import is_not

from pos.domain.basket import Basket, BasketLine
from pos.domain.basket_codec import (
    basket_from_dict,
    discount_to_dict,
    line_to_dict,
    pricing_keys,
    pricing_to_dict,
)
from pos.domain.discount import Discount
from pos.domain.sale import CompletedSale, SaleTender
from pos.domain.tenders import Payment
from pos.store import open_basket
from pos.store.local_store import LocalStore
from pos.store.open_basket import BasketHeader, SavedBasket

#: ``json.dumps(data, separators=(",", ":"), ensure_ascii=False)``, the encoder built once
_compact = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


def line_payload(line: BasketLine) -> str:
    """``_compact(line_to_dict(line))``, the text a scan writes: a plain sold line (no
    discount, override, return, fixed promotions or customer order: every scanned
    line) is formatted directly, the same characters as the encoder gives (the same
    key order and separators, strings escaped by ``json``'s own escaper), at a fifth
    of its cost; any other line goes through ``line_to_dict``."""
    p = line.product
    gross, barcode = line.fixed_gross_cents, line.barcode
    if (
        line.discount is not None
        or line.override is not None
        or line.returned is not None
        or line.fixed_promotions
        or line.customer_order is not None
        or type(p.id) is not int
        or type(p.price_cents) is not int
        or type(p.vat_bp) is not int
        or type(line.quantity) is not int
        or type(line.voided) is not bool
        or not (gross is None or type(gross) is int)
        or not (barcode is None or type(barcode) is str)
        or type(p.sku) is not str
        or type(p.name) is not str
        or type(p.brand) is not str
        or type(p.department) is not str
    ):
        return _compact(line_to_dict(line))
    return (
        f'{{"product":{{"id":{p.id},"sku":{encode_basestring(p.sku)},'
        f'"name":{encode_basestring(p.name)},"price_cents":{p.price_cents},'
        f'"vat_bp":{p.vat_bp},"sold_by":{encode_basestring(p.sold_by.value)},'
        f'"brand":{encode_basestring(p.brand)},'
        f'"department":{encode_basestring(p.department)}}},"quantity":{line.quantity},'
        f'"barcode":{"null" if barcode is None else encode_basestring(barcode)},'
        f'"discount":null,"fixed_gross_cents":{"null" if gross is None else gross},'
        f'"voided":{"true" if line.voided else "false"},"override":null}}'
    )


def _tender_dict(tender: SaleTender) -> dict[str, object]:
    return {"kind": tender.kind, "amount_cents": tender.amount_cents, "reference": tender.reference}


def _same(a: object, b: object) -> bool:
    return a is b or a == b


def _same_on_disk(saved: BasketLine, line: BasketLine) -> bool:
    """Whether ``line`` writes what ``saved`` wrote: the same object, or the same line
    with only the engine's promotions changed (they are not saved: ``basket_codec``).
    A fixed-amount basket promotion reshares every line on a scan: one row, not 50."""
    if saved is line:
        return True
    if line.repriced_from(saved) and not line.fixed_promotions:
        return True
    return (
        saved.line_id == line.line_id
        and not saved.fixed_promotions
        and not line.fixed_promotions
        and saved.product is line.product
        and saved.quantity == line.quantity
        and saved.barcode == line.barcode
        and saved.fixed_gross_cents == line.fixed_gross_cents
        and saved.voided == line.voided
        and _same(saved.discount, line.discount)
        and _same(saved.override, line.override)
        and _same(saved.returned, line.returned)
    )


@dataclass(frozen=True, slots=True)
class RecoveredBasket:
    """A basket left open when the till stopped, as it will be offered back."""

    sale_id: str
    cashier: str
    started_at: str
    saved_at: str
    basket: Basket
    tenders: tuple[SaleTender, ...]
    customer_id: str | None = None  # who it was priced for: priced again on resume
    coupons: frozenset[str] = frozenset()

    @property
    def line_count(self) -> int:
        return len(self.basket.active_lines())

    @property
    def total_cents(self) -> int:
        return self.basket.totals().total_cents

    def payment(self) -> Payment:
        return Payment(self.total_cents, list(self.tenders))


@dataclass(frozen=True, slots=True)
class Recovery:
    """What the till must settle at start before it sells: the last sale if it was
    committed but never shown, then a basket left open (either, both or neither)."""

    unshown: CompletedSale | None = None
    basket: RecoveredBasket | None = None

    @property
    def pending(self) -> bool:
        return self.unshown is not None or self.basket is not None


def recovered_basket(saved: SavedBasket) -> RecoveredBasket:
    basket = basket_from_dict({"lines": saved.lines, "ticket_discount": saved.ticket_discount})
    tenders = tuple(SaleTender(t["kind"], t["amount_cents"], t["reference"]) for t in saved.tenders)
    h = saved.header
    customer_id, coupons = pricing_keys(saved.pricing)
    return RecoveredBasket(
        h.sale_id, h.cashier, h.started_at, h.saved_at, basket, tenders, customer_id, coupons
    )


class BasketSnapshot:
    """Writes one terminal's open basket as it changes (on the checkout's thread)."""

    def __init__(self, store: LocalStore, terminal_id: str) -> None:
        self._conn = store.conn  # inside the caller's transaction (resume)
        self.saver = open_basket.saver(store.path)  # every other save: NORMAL, impatient
        self.terminal_id = terminal_id
        self.forget()

    def close(self) -> None:
        self.saver.close()

    def forget(self) -> None:
        """Nothing of the current sale is on disk (a new sale, or its basket cleared)."""
        self._sale_id: str | None = None
        self._lines: tuple[BasketLine, ...] = ()
        self._discount: Discount | None = None
        self._tenders: tuple[SaleTender, ...] = ()
        self._pricing: dict[str, object] = {}

    def adopt(self, sale_id: str, basket: Basket, tenders: tuple[SaleTender, ...]) -> None:
        """The basket on disk is this one already (just recovered from it)."""
        self._sale_id, self._lines = sale_id, basket.lines
        self._discount, self._tenders = basket.ticket_discount, tenders
        self._pricing = pricing_to_dict(basket)

    def save(
        self, sale_id: str, cashier: str, started_at: str, basket: Basket, payment: Payment,
        clock: Callable[[], str], *, within_transaction: bool = False,
    ) -> None:  # fmt: skip
        """Write what changed since the last save; nothing while the basket is new and
        empty. ``within_transaction``: the caller's transaction is open (resume)."""
        lines, tenders = basket.lines, tuple(payment.tenders)
        if self._sale_id is None and not lines:
            return
        new_sale = sale_id != self._sale_id
        saved = () if new_sale else self._lines
        known = len(saved)  # the lines not the objects saved at their place, then those
        changed = []  # of them that write something else (an identity test for most)
        for i in compress(range(len(lines)), map(is_not, chain(saved, repeat(None)), lines)):
            line = lines[i]
            if i >= known or not _same_on_disk(saved[i], line):
                changed.append((line.line_id, line_payload(line)))
        header = None
        pricing = pricing_to_dict(basket)
        if (
            new_sale
            or basket.ticket_discount is not self._discount
            or tenders != self._tenders
            or pricing != self._pricing
        ):
            discount = discount_to_dict(basket.ticket_discount)
            header = BasketHeader(
                sale_id,
                cashier,
                started_at,
                _compact(discount) if discount else None,
                _compact([_tender_dict(t) for t in tenders]),
                clock(),
                _compact(pricing) if pricing else None,
            )
        if header is None and not changed:
            return
        if within_transaction:
            open_basket.write(self._conn, self.terminal_id, header, changed, replace_all=new_sale)
        else:
            open_basket.save(self.saver, self.terminal_id, header, changed, replace_all=new_sale)
        self.adopt(sale_id, basket, tenders)


@dataclass(frozen=True, slots=True)
class RecoveryView:
    """An immutable picture of what the till must settle at start, for the screen."""

    unshown: CompletedSale | None
    basket_sale_id: str | None
    basket_lines: int
    basket_total_cents: int
    basket_paid_cents: int

    @classmethod
    def of(cls, recovery: Recovery) -> RecoveryView:
        found = recovery.basket
        if found is None:
            return cls(recovery.unshown, None, 0, 0, 0)
        paid = sum(t.amount_cents for t in found.tenders)
        return cls(recovery.unshown, found.sale_id, found.line_count, found.total_cents, paid)
