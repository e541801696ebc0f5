"""The till screen's coupon acts: the "Promo code" key (Ctrl+B) takes the code typed in
the scan field, or asks for it; the till worker checks it (``CouponDesk``, maybe over the
network: on its thread) and gives it to the sale. The sale panel lists the coupons given,
each with a key to take it off; a coupon that takes nothing off yet is kept and says so.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from pos.services.basket_view import CouponView
from pos.ui.qt import QInputDialog, QObject

if TYPE_CHECKING:
    from pos.ui.screens.till_screen import TillScreen

COUPON_SHORTCUT = "Ctrl+B"  # "bon de réduction"; Ctrl+K is the camera


class CouponActs(QObject):
    def __init__(self, screen: TillScreen) -> None:
        super().__init__(screen)
        self.screen = screen
        self.dialog: QInputDialog | None = None
        screen.controller.worker.coupon_applied.connect(self.on_applied)
        screen.sale_panel.coupons.remove_requested.connect(self.remove)

    def ask(self) -> None:
        """The code typed in the scan field, else a question for it."""
        code = self.screen.scan_field.text().strip()
        if code:
            self.screen.scan_field.clear()
            self.apply(code)
            return
        dialog = self.dialog = QInputDialog(self.screen)
        dialog.setObjectName("couponDialog")
        dialog.setWindowTitle(self.tr("Promo code"))
        dialog.setLabelText(self.tr("Type or scan the customer's promo code:"))
        dialog.textValueSelected.connect(self.apply)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def apply(self, code: str) -> None:
        code = code.strip()
        if not code:
            return
        self.screen.message_label.clear()
        self.screen.controller.request("apply_coupon", code)

    def remove(self, code: str) -> None:
        self.screen.controller.request("remove_coupon", code)
        self.screen.show_info(partial(self._removed_text, code))

    def on_applied(self, coupon: CouponView) -> None:
        self.screen.show_info(partial(self.applied_text, coupon))

    def applied_text(self, coupon: CouponView) -> str:
        if not coupon.applies:
            return self.tr("%1: no item concerned yet").replace("%1", coupon.code)
        return self.tr("Code %1 applied: %2").replace("%1", coupon.code).replace("%2", coupon.name)

    def _removed_text(self, code: str) -> str:
        return self.tr("Code %1 removed.").replace("%1", code)
