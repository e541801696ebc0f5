"""What a till settles after a restart: its last sale unshown, the basket left open.

A mixin of ``Checkout`` (it uses its ``store``, ``terminal_id``, ``snapshot``, basket and
payment, and ``_park_and_clear``); the checkout refuses to sell until this is settled.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from pos.domain.basket import Basket, BasketTotals
from pos.domain.basket_codec import basket_to_dict
from pos.domain.basket_pricing import BasketPricing
from pos.domain.errors import PosError
from pos.domain.tenders import Payment
from pos.services.basket_snapshot import BasketSnapshot, Recovery, recovered_basket
from pos.store import open_basket
from pos.store.db import write_transaction

if TYPE_CHECKING:
    from pos.store.local_store import LocalStore


class RecoveryActs:
    store: LocalStore
    terminal_id: str
    snapshot: BasketSnapshot
    recovery: Recovery
    basket: Basket
    payment: Payment
    sale_id: str
    started_at: str
    _clock: Callable[[], str]

    def _park_and_clear(self, sale_id: str, cashier: str, label: str, payload: dict) -> None: ...

    def _pricing_for(
        self, started_at: str, customer_id: str | None, coupons: frozenset[str]
    ) -> BasketPricing: ...  # provided by PromotionActs

    def recover(self) -> Recovery:
        """At start: what the till must settle before it sells (and it refuses to sell
        until then): its last sale if committed but never shown, a basket left open."""
        self.recovery = self._find_recovery()
        return self.recovery

    def _find_recovery(self) -> Recovery:
        conn = self.store.conn
        unshown_id = open_basket.unshown_sale(conn, self.terminal_id)
        unshown = self.store.sales.get(unshown_id) if unshown_id else None
        saved = open_basket.load(conn, self.terminal_id)
        found = recovered_basket(saved) if saved is not None else None
        if found is not None and found.started_at:  # priced as it was: customer, coupons
            pricing = self._pricing_for(found.started_at, found.customer_id, found.coupons)
            found.basket.set_pricing(pricing)
        if found is not None and found.basket.is_empty() and not found.tenders:
            with write_transaction(conn):  # every line voided: nothing left to sell
                open_basket.clear(conn, self.terminal_id)
            found = None
        return Recovery(unshown, found)

    def _refuse_while_recovering(self) -> None:
        if self.recovery.pending:
            raise PosError(
                "Settle the sale left from before the restart first: acknowledge the last "
                "sale, resume or set aside the open basket.",
                code="recovery_pending",
            )

    def mark_shown(self, sale_id: str) -> None:
        """The screen showed this completed sale: it is no longer "committed, unshown"."""
        open_basket.mark_shown(self.snapshot.saver, self.terminal_id, sale_id, self._clock())

    def acknowledge_unshown(self) -> None:
        """The cashier saw the notice of the last sale, committed before the restart."""
        sale = self.recovery.unshown
        if sale is not None:
            self.mark_shown(sale.sale_id)
            self.recovery = replace(self.recovery, unshown=None)

    def resume_open_basket(self) -> BasketTotals:
        """Take back the basket left open, exactly as it was (prices, tenders taken)."""
        found = self._recovered()
        self.basket, self.payment = found.basket, found.payment()
        self.sale_id, self.started_at = found.sale_id, found.started_at
        self.snapshot.adopt(found.sale_id, found.basket, found.tenders)
        self.recovery = replace(self.recovery, basket=None)
        return self.basket.totals()

    def set_aside_open_basket(self, label: str = "") -> str:
        """Park the basket left open (F8 resumes it later); refused once paid in part."""
        found = self._recovered()
        if found.tenders:
            raise PosError(
                "Payments were taken for this sale: resume it, then finish it or remove them.",
                code="payments_taken",
            )
        payload = {"sale_id": found.sale_id, "started_at": found.started_at}
        payload["basket"] = basket_to_dict(found.basket)
        self._park_and_clear(found.sale_id, found.cashier, label, payload)
        self.recovery = replace(self.recovery, basket=None)
        return found.sale_id

    def _recovered(self):
        if self.recovery.unshown is not None:
            raise PosError("Acknowledge the last sale first.", code="recovery_pending")
        if self.recovery.basket is None:
            raise PosError("No sale was left open.", code="nothing_to_resume")
        return self.recovery.basket
