"""The open sale's coupons on the sale panel: one row each, "BIENVENUE · Code BIENVENUE :
-5 € sur le panier", with a key to take it off. A coupon whose promotion takes nothing off
the basket yet stays listed and says so: the customer keeps it for the items to come.

The rows are rebuilt from each ``BasketView`` (a coupon is added or removed by the till's
worker, never here); the key only asks, through ``remove_requested(code)``.
"""

from __future__ import annotations

from pos.services.basket_view import CouponView
from pos.ui.i18n import Retranslating
from pos.ui.qt import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget, Signal


class CouponList(Retranslating, QWidget):
    remove_requested = Signal(str)  # the coupon's code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("couponList")
        self._coupons: tuple[CouponView, ...] = ()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.rows: list[tuple[QLabel, QPushButton]] = []
        self.hide()

    def show_coupons(self, coupons: tuple[CouponView, ...]) -> None:
        if coupons == self._coupons:
            return
        self._coupons = coupons
        for label, _button in self.rows:
            label.parentWidget().deleteLater()
        self.rows = [self._row(coupon) for coupon in coupons]
        self.setVisible(bool(coupons))

    def retranslate_ui(self) -> None:
        for (label, button), coupon in zip(self.rows, self._coupons, strict=False):
            label.setText(self.coupon_text(coupon))
            button.setText(self.tr("Remove"))

    def coupon_text(self, coupon: CouponView) -> str:
        """ "BIENVENUE · Code BIENVENUE : -5 € sur le panier", or, while nothing in the
        basket is concerned, "BIENVENUE: no item concerned yet"."""
        if not coupon.applies:
            return self.tr("%1: no item concerned yet").replace("%1", coupon.code)
        return f"{coupon.code} · {coupon.name}"

    def _row(self, coupon: CouponView) -> tuple[QLabel, QPushButton]:
        row = QWidget(self)
        label = QLabel(self.coupon_text(coupon), row)
        label.setObjectName("couponLabel")
        label.setWordWrap(True)
        button = QPushButton(self.tr("Remove"), row)
        button.setObjectName("removeCoupon")
        button.clicked.connect(lambda: self.remove_requested.emit(coupon.code))
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(label, 1)
        line.addWidget(button)
        self._layout.addWidget(row)
        return label, button
