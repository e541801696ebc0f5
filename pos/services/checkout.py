"""The sale use case the till screen (or a script) drives: scan, adjust, pay, complete.

One ``Checkout`` per till and thread. Every refused action raises ``PosError`` with a
clear message and leaves the basket exactly as it was. ``complete`` commits the sale
durably (sale, lines, tenders, journal entry, outbox row in one transaction) before
anything is printed or pushed; if the commit fails the sale stays open with the same
id, so retrying can never record it twice.
"""

from __future__ import annotations

import copy
import logging
import sqlite3
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Protocol

from hardware.barcodes import DEFAULT_LAYOUTS, BarcodeError, CodeKind, MeasureKind, parse_scan
from pos.domain import fiscal_events as fe
from pos.domain.basket import Basket, BasketLine, BasketTotals
from pos.domain.basket_codec import basket_from_dict, basket_to_dict, pricing_keys
from pos.domain.errors import PosError
from pos.domain.money import check_amount
from pos.domain.product import Product, SoldBy
from pos.domain.rights import Actor, Approval, Right
from pos.domain.sale import (
    CompletedSale,
    CustomerOrderRef,
    LinePromotion,
    SaleApproval,
    SaleDraft,
    SaleTender,
)
from pos.domain.tenders import (
    MEAL_VOUCHER_CAP_CENTS,
    Payment,
    TenderKind,
    check_meal_voucher_cap,
    check_meal_voucher_reference,
)
from pos.services import till_acts
from pos.services.approvals import authorize
from pos.services.basket_snapshot import BasketSnapshot, Recovery
from pos.services.checkout_idle import IdleActs
from pos.services.checkout_pricing import PricingActs
from pos.services.checkout_promotions import PromotionActs
from pos.services.checkout_recovery import RecoveryActs
from pos.services.checkout_returns import ReturnActs
from pos.services.checkout_training import TrainingActs
from pos.services.drawer import record_opening
from pos.services.event_journal import EventJournal
from pos.store import cancelled_sales, open_basket, parked
from pos.store.db import write_transaction
from pos.store.errors import StoreError
from pos.store.local_store import LocalStore

log = logging.getLogger(__name__)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True, slots=True)
class PricedItem:
    """A product at a price agreed elsewhere: an online cart's, a pickup order's. The
    line goes in at that price with central's ``promotions`` (if any) fixed on it; the
    till's promotion engine never reprices it (a cart keeps its online price)."""

    product_id: int
    quantity: int  # units, or grams for goods sold by weight
    unit_price_cents: int  # per unit, or per kilogram
    promotions: tuple[LinePromotion, ...] = ()
    customer_order: CustomerOrderRef | None = None  # it pays that order (no stock here)


class SessionGate(Protocol):
    """The till session a payment and a sale need (``TillSessions``): its id, or a
    ``PosError`` (no session open, open too long)."""

    def require_open(self) -> str: ...


class Checkout(PricingActs, PromotionActs, RecoveryActs, TrainingActs, ReturnActs, IdleActs):
    def __init__(
        self,
        store: LocalStore,
        *,
        terminal_id: str,
        actor: Actor,
        layouts=DEFAULT_LAYOUTS,
        clock: Callable[[], str] = utc_now,
        new_id: Callable[[], str] = lambda: str(uuid.uuid4()),
        session_gate: SessionGate | None = None,
        meal_voucher_cap_cents: int = MEAL_VOUCHER_CAP_CENTS,
        journal: EventJournal | None = None,
    ) -> None:
        self.store = store
        #: The JET: cancels, voids, price overrides, the drawer, the clock at each sale.
        self.journal = journal or EventJournal(store, terminal_id=terminal_id, clock=clock)
        self.session_gate = session_gate  # None: no till sessions (until the opening screen)
        self.terminal_id = terminal_id
        self.meal_voucher_cap_cents = meal_voucher_cap_cents  # per sale; 0: no cap
        self.actor = actor  # who is signed in: the sale's cashier, checked for each right
        self._layouts = layouts
        self._clock = clock
        self._new_id = new_id
        self.snapshot = BasketSnapshot(store, terminal_id)
        self._read_training_mode()  # training mode survives a restart (its JET events)
        self._start_new_sale()
        self.recovery = Recovery()  # see ``recover``: a till calls it once, at start

    @property
    def cashier(self) -> str:
        """The name recorded as the sale's cashier."""
        return self.actor.display_name

    def switch_actor(self, actor: Actor) -> None:
        """Another person signs in at this till; the open basket stays as it is."""
        self.actor = actor

    def close(self) -> None:
        """Let go of the basket saver's connection (the store is the caller's to close)
        and of the collector (``idle``)."""
        self.snapshot.close()
        self._give_back_collector()

    # -- building the basket -------------------------------------------------------------

    def scan(self, raw: str) -> BasketLine:
        """A scanned or typed code → a new or increased line; a clear PosError if not."""
        try:
            code = parse_scan(raw, self._layouts)
        except BarcodeError as exc:
            raise PosError(exc.message, code=exc.code, **exc.params) from exc
        if code.kind is CodeKind.VARIABLE_MEASURE and code.measure is not None:
            return self._add_measured(code.value, code.measure)
        if code.kind is CodeKind.SKU:
            product = self.store.catalog.by_sku(code.value)
        else:
            product = self.store.catalog.by_barcode(code.value)
        if product is None:
            raise PosError(
                f"Unknown code {code.value}: this product is not in the catalog. "
                "Search it by name or set it aside.",
                code="unknown_barcode",
                value=code.value,
            )
        if product.sold_by is SoldBy.WEIGHT:
            raise PosError(
                f"{product.name} is sold by weight: weigh it and scan the scale's label.",
                code="needs_weight",
            )
        return self._mutate(lambda: self.basket.add(product, barcode=code.value))

    def _add_measured(self, raw: str, measure) -> BasketLine:
        product = self.store.catalog.by_plu(measure.item_code)
        if product is None:
            raise PosError(
                f"Unknown item {measure.item_code} on this scale label.",
                code="unknown_barcode",
                value=raw,
            )
        if measure.kind is MeasureKind.WEIGHT:
            if product.sold_by is not SoldBy.WEIGHT:
                raise PosError(f"{product.name} is not sold by weight.", code="label_mismatch")
            return self._mutate(lambda: self.basket.add(product, measure.value, barcode=raw))
        quantity = 1000 if product.sold_by is SoldBy.WEIGHT else 1
        return self._mutate(
            lambda: self.basket.add(product, quantity, barcode=raw, fixed_gross_cents=measure.value)
        )

    def search(self, query: str, limit: int = 20) -> list[Product]:
        return self.store.catalog.search(query, limit)

    def add_product(self, product_id: int, quantity: int = 1) -> BasketLine:
        product = self.store.catalog.get(product_id)
        if product is None:
            raise PosError("This product is no longer in the catalog.", code="unknown_product")
        return self._mutate(lambda: self.basket.add(product, quantity))

    def add_priced(self, items: Sequence[PricedItem]) -> list[BasketLine]:
        """Add lines at the price the customer was shown online, not today's catalog
        price (the line keeps a product snapshot at that price). All or none: a refused
        item leaves the basket as it was. Refused in training mode."""
        self._refuse_in_training()
        products = []
        for item in items:
            product = self.store.catalog.get(item.product_id)
            if product is None:
                raise PosError(
                    "This product is no longer in the catalog.",
                    code="unknown_product",
                    product_id=item.product_id,
                )
            check_amount(item.unit_price_cents, what=f"{product.name} unit price")
            priced = replace(product, price_cents=item.unit_price_cents)
            products.append((priced, item.quantity, item.promotions, item.customer_order))

        def add_all() -> list[BasketLine]:
            trial = copy.copy(self.basket)
            added = [trial.add_priced(*item) for item in products]
            self.basket = trial
            return added

        return self._mutate(add_all)

    def set_quantity(self, line_id: int, quantity: int) -> BasketLine:
        return self._mutate(lambda: self.basket.set_quantity(line_id, quantity))

    def void_line(self, line_id: int, approval: Approval | None = None) -> BasketLine:
        """Strike a line out. Once payment has started it needs ``VOID_AFTER_PAYMENT``
        (or an approval); the tenders taken stay, against the lower total."""
        if not self.payment.tenders:
            line = self._mutate(lambda: self.basket.void(line_id))
            self._record_void(line, False, None)
            return line
        authorize(self.store, self.actor, Right.VOID_AFTER_PAYMENT, approval)
        self._refuse_while_recovering()
        line = self.basket.void(line_id)
        self.payment = Payment(self.basket.totals().total_cents, list(self.payment.tenders))
        self._save()
        self._record_void(line, True, approval)
        return line

    def _record_void(
        self, line: BasketLine, after_payment: bool, approval: Approval | None
    ) -> None:
        """The open basket lives in memory (and its snapshot): the void's trace is an
        event of its own, written once the void is done."""
        detail = {
            "sale_id": self.sale_id, "line_id": line.line_id, "product_id": line.product.id,
            "sku": line.product.sku, "quantity": line.quantity, "net_cents": line.net_cents,
            "after_payment": after_payment,
            "approval_id": approval.approval_id if approval else None,
        }  # fmt: skip
        self.journal.record(fe.LINE_VOIDED, detail, actor=self.actor, at=self._clock())

    def totals(self) -> BasketTotals:
        return self.basket.totals()

    def _mutate(self, change):
        self._refuse_while_recovering()
        if self.payment.tenders:
            raise PosError(
                "Payments are already taken for this sale: remove them before changing it.",
                code="payments_taken",
            )
        result = self._priced_change(change)
        self.payment = Payment(self.basket.totals().total_cents)
        self._save()
        return result

    def _save(self, *, within_transaction: bool = False) -> None:
        """Keep the open basket on disk (crash recovery). A failed write never refuses
        the change: the next save writes everything not saved yet."""
        try:
            self.snapshot.save(
                self.sale_id, self.cashier, self.started_at, self.basket, self.payment,
                self._clock, within_transaction=within_transaction,
            )  # fmt: skip
        except StoreError:
            if within_transaction:
                raise
            log.warning("the open basket could not be saved", exc_info=True)

    # -- paying and completing -----------------------------------------------------------

    def check_tender(self, kind: TenderKind | str, amount_cents: int, reference: str = "") -> None:
        """Every check ``add_tender`` makes, taking nothing: a card terminal is asked
        only for a payment the till will then accept."""
        if self.basket.is_empty():
            raise PosError("The basket is empty: scan an item first.", code="empty_basket")
        self._refuse_while_recovering()
        self._session_id()
        check_meal_voucher_reference(str(getattr(kind, "value", kind)), reference)
        check_meal_voucher_cap(self.payment, kind, amount_cents, self.meal_voucher_cap_cents)
        replace(self.payment, tenders=list(self.payment.tenders)).add(kind, amount_cents, reference)

    def add_tender(self, kind: TenderKind | str, amount_cents: int, reference: str = "") -> Payment:
        self.check_tender(kind, amount_cents, reference)
        self.payment.add(kind, amount_cents, reference)
        self._save()
        return self.payment

    def add_tender_with(
        self, kind: TenderKind | str, amount_cents: int, reference: str,
        also: Callable[[sqlite3.Connection], None],
    ) -> Payment:  # fmt: skip
        """``add_tender`` and ``also`` (what the tender owes central, queued in the till's
        file) in one commit: a kill never leaves one without the other."""
        self.check_tender(kind, amount_cents, reference)
        self.payment.add(kind, amount_cents, reference)
        try:
            with write_transaction(self.store.conn):
                also(self.store.conn)
                self._save(within_transaction=True)
        except BaseException:
            self.payment.remove(len(self.payment.tenders) - 1)
            raise
        return self.payment

    def remove_tender(self, index: int) -> SaleTender:
        removed = self.payment.remove(index)
        self._save()
        return removed

    def complete(self, approval: Approval | None = None) -> CompletedSale:
        """Commit the paid sale durably and start a new one; the sale stays open on error.
        A ticket with returned lines needs ``REFUND`` (or ``approval``)."""
        if self.basket.is_empty():
            raise PosError("The basket is empty: scan an item first.", code="empty_basket")
        if not self.payment.is_covered:
            raise PosError(
                "The sale is not fully paid yet.",
                code="not_paid",
                remaining=self.payment.remaining_cents,
            )
        self._check_refund_right(approval)
        session_id = self._session_id()
        now = self._clock()
        self.journal.check_clock(now)  # a clock gone back is on record before the sale
        totals = self.basket.totals()
        draft = SaleDraft(
            sale_id=self.sale_id,
            terminal_id=self.terminal_id,
            cashier=self.cashier,
            started_at=self.started_at,
            lines=self.basket.sale_lines(),
            tenders=tuple(self.payment.tenders),
            vat=totals.vat,
            total_cents=totals.total_cents,
            change_cents=self.payment.change_cents,
            approvals=self._approvals_of_sale(),
            customer_id=self.customer_id,
        )
        if self.training:  # practice: the training chain only, outside every total
            completed = self._training_sales().commit(
                draft, now=now, open_basket_of=self.terminal_id
            )
        else:
            completed = self.store.sales.commit(
                draft, now=now, open_basket_of=self.terminal_id, session_id=session_id
            )
        self._start_new_sale()
        return completed

    def _session_id(self) -> str | None:
        return self.session_gate.require_open() if self.session_gate is not None else None

    def cancel(self, approval: Approval | None = None) -> None:
        """Abandon the open sale. A basket with lines needs ``CANCEL_SALE`` (or an
        approval) and is recorded with its lines, in the commit that clears it."""
        self._refuse_while_recovering()
        has_lines = bool(self.basket.active_lines())
        if has_lines:
            authorize(self.store, self.actor, Right.CANCEL_SALE, approval)
        conn = self.store.conn
        with write_transaction(conn):
            if has_lines or self.payment.tenders:
                cancelled = self._cancelled(approval)
                cancelled_sales.record(conn, cancelled)
                till_acts.queue_cancelled(conn, cancelled, self.basket, self.actor)
                detail = till_acts.cancelled_detail(cancelled, self.basket)
                self.journal.record_in(
                    fe.SALE_CANCELLED, detail, actor=self.actor, at=cancelled.at,
                    ref=cancelled.sale_id,
                )  # fmt: skip
            open_basket.clear(conn, self.terminal_id)
        self._start_new_sale()

    def _cancelled(self, approval: Approval | None) -> cancelled_sales.CancelledSale:
        tenders = [
            {"kind": t.kind, "amount_cents": t.amount_cents, "reference": t.reference}
            for t in self.payment.tenders
        ]
        return cancelled_sales.CancelledSale(
            self.sale_id, self.terminal_id, self.actor.staff_id, self.cashier,
            approval.approval_id if approval else None, self.basket.totals().total_cents,
            basket_to_dict(self.basket), tenders, self.started_at or self._clock(), self._clock(),
        )  # fmt: skip

    def open_drawer(self, reason: str, sale_id: str = "", approval: Approval | None = None) -> None:
        """See ``pos.services.drawer.record_opening``: the signed-in person opens it."""
        record_opening(
            self.store, self.actor, reason, sale_id, approval, self._clock(),
            terminal_id=self.terminal_id, journal=self.journal,
        )  # fmt: skip

    # -- parking -------------------------------------------------------------------------

    def park(self, label: str = "") -> str:
        """Put the open sale aside (the customer forgot something) and start a new one."""
        if self.basket.is_empty():
            raise PosError("There is nothing to park.", code="empty_basket")
        if self.payment.tenders:
            raise PosError("A sale with payments taken cannot be parked.", code="payments_taken")
        self._refuse_while_recovering()
        self._refuse_in_training()
        payload = {"sale_id": self.sale_id, "started_at": self.started_at}
        payload["basket"] = basket_to_dict(self.basket)
        self._park_and_clear(self.sale_id, self.cashier, label, payload)
        parked_id = self.sale_id
        self._start_new_sale()
        return parked_id

    def list_parked(self):
        return parked.list_parked(self.store.conn, self.terminal_id)

    def resume(self, parked_id: str) -> BasketTotals:
        """Take a parked sale back (exactly once, even across tills)."""
        if not self.basket.is_empty():
            raise PosError(
                "Finish or park the current sale before resuming another.", code="sale_open"
            )
        self._refuse_while_recovering()
        self._refuse_in_training()
        with write_transaction(self.store.conn):  # taken and saved as open in one commit
            payload = parked.take(self.store.conn, parked_id)
            if payload is None:
                raise PosError(
                    "This parked sale was already resumed elsewhere.", code="parked_gone"
                )
            self.basket = basket_from_dict(payload["basket"])
            self.sale_id = payload["sale_id"]
            self.started_at = payload["started_at"]
            self._price_sale(*pricing_keys(payload["basket"]))
            self.payment = Payment(self.basket.totals().total_cents)
            self._save(within_transaction=True)
        return self.basket.totals()

    def _park_and_clear(self, sale_id: str, cashier: str, label: str, payload: dict) -> None:
        """Parked and no longer open, in one commit: never both, never neither."""
        conn = self.store.conn
        with write_transaction(conn):
            parked.park(conn, sale_id, self.terminal_id, cashier, label, payload)
            open_basket.clear(conn, self.terminal_id)

    def _start_new_sale(self) -> None:
        self.snapshot.forget()
        self.basket = Basket()
        self.payment = Payment(0)
        self.sale_id = self._new_id()
        self.started_at = ""  # set by the first line: when the customer's sale began
        self.ticket_approvals: list[SaleApproval] = []  # this ticket's refund (ReturnActs)
