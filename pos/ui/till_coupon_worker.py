"""The till worker's coupon requests: a code the customer gives, checked by the
``CouponDesk`` on the worker's thread (a single-use code is reserved centrally, so the
call may wait on the network: never on the GUI thread), then given to the sale's pricing
(``Checkout.add_coupon_token``). Taking a coupon off, or cancelling its sale, gives a
single-use reservation back (``CouponDesk.remove``: queued first, resent by the sync
engine if central does not answer now).

Mixed into ``TillWorker``. The sale's coupon tokens live in its checkout (they survive a
restart and a parked sale); what the desk said of each (its code as typed, its
promotion's name, single-use or not) is kept here for the open sale, to list it and to
release it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from pos.domain.errors import PosError
from pos.domain.promotions import normalise_code
from pos.domain.rights import Approval
from pos.services.basket_view import CouponView
from pos.services.checkout import Checkout
from pos.services.coupons import AppliedCoupon, CouponDesk
from pos.ui.qt import Signal
from pos.ui.till_credit_note_worker import CreditNoteRequests

if TYPE_CHECKING:
    from pos.services.till_services import TillServices

#: Refusals of a scanned text that mean "not a coupon either": the scan's own refusal shows.
_NOT_A_COUPON = frozenset({"coupon_unknown", "coupon_needs_central", "coupon_empty"})


class CouponRequests(CreditNoteRequests):
    coupon_applied = Signal(object)  # CouponView: the coupon just given, and if it applies

    checkout: Checkout
    _applied: list[AppliedCoupon] | None = None
    _applied_sale: str = ""

    def _require_services(self) -> TillServices:  # TillWorker's
        raise NotImplementedError

    def _central_store_id(self) -> str:  # TillWorker's
        return ""

    def _coupon_desk(self) -> CouponDesk:
        calls = cast(Any, self._return_calls())  # HttpCentral or MedusaBackend, or None
        return self._require_services().coupon_desk(self._central_store_id(), calls)

    def _applied_coupons(self) -> list[AppliedCoupon]:
        """The open sale's: a new sale starts with none (a completed sale kept its own)."""
        sale_id = self.checkout.sale_id
        if self._applied is None or self._applied_sale != sale_id:
            self._applied, self._applied_sale = [], sale_id
        return self._applied

    def _do_apply_coupon(self, code: str) -> None:
        self._apply(code)

    def _apply(self, code: str) -> None:
        checkout, desk = self.checkout, self._coupon_desk()
        applied = desk.apply(code, checkout.sale_id)
        try:
            checkout.add_coupon_token(applied.token)
        except PosError:
            desk.remove(applied, checkout.sale_id)  # a reservation the sale cannot use
            raise
        kept = self._applied_coupons()
        kept[:] = [a for a in kept if a.code != applied.code] + [applied]
        self.coupon_applied.emit(self._coupon_view(applied))
        self._changed()

    def _scan_or_coupon(self, code: str, scan_error: PosError) -> None:
        """A scanned text that is no article may be a coupon's code (letters in it)."""
        if not any(char.isalpha() for char in code):
            raise scan_error
        try:
            self._apply(code)
        except PosError as exc:
            if exc.code in _NOT_A_COUPON:
                raise scan_error from None
            raise

    def _do_remove_coupon(self, code: str) -> None:
        """Take coupon ``code`` off the open sale; a single-use one is given back."""
        checkout, kept = self.checkout, self._applied_coupons()
        applied = next((a for a in kept if a.code == code), None)
        token = applied.token if applied is not None else code
        checkout.remove_coupon_token(token)
        if applied is not None:
            kept.remove(applied)
            self._coupon_desk().remove(applied, checkout.sale_id)
        self._changed()

    def _cancel_sale(self, approval: Approval | None) -> None:
        """The sale's single-use coupons are given back once it is cancelled."""
        sale_id, applied = self.checkout.sale_id, list(self._applied_coupons())
        super()._cancel_sale(approval)
        self._applied = None
        if applied:
            desk = self._coupon_desk()
            for coupon in applied:
                desk.remove(coupon, sale_id)

    def _coupon_views(self) -> tuple[CouponView, ...]:
        """The sale's coupons, from its checkout's tokens (a resumed sale's too)."""
        checkout = self.checkout
        by_token = {normalise_code(a.token): a for a in self._applied_coupons()}
        views = []
        for token in sorted(checkout.coupon_tokens):
            applied = by_token.get(token)
            views.append(self._coupon_view(applied) if applied else CouponView(token, token, True))
        return tuple(views)

    def _coupon_view(self, applied: AppliedCoupon) -> CouponView:
        basket = self.checkout.basket
        applies = any(
            promotion.promotion_id == applied.promotion_id
            for line in basket.active_lines()
            for promotion in basket.line_promotions(line.line_id)
        )
        return CouponView(applied.code, applied.name, applies)
