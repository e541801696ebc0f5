"""What a restart found, settled before the till sells again (issue 10).

Either the last sale was committed but the till died before showing it ("Ticket 42,
12,80 €, terminé à 10:41 — paiement reçu", its tenders, the receipt offer and an
acknowledgement), or a basket was left open ("Reprendre la vente en cours ?": resume it
or set it aside as a parked sale). The worker refuses every sale action until this is
settled, so a scan behind this window-modal dialog is refused, never rung up twice.
"""

from __future__ import annotations

from datetime import datetime

from hardware.receipt.formatting import SHOP_TIME_ZONE
from pos.services.basket_snapshot import RecoveryView
from pos.ui.i18n import Retranslating
from pos.ui.money import format_money
from pos.ui.qt import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)
from pos.ui.till_controller import TillController


def local_time(stamp: str) -> str:
    """``2026-11-25T09:41:00.000Z`` → ``10:41``: the shop's time, as on its receipts."""
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return moment.astimezone(SHOP_TIME_ZONE).strftime("%H:%M")


class RecoveryDialog(Retranslating, QDialog):
    def __init__(
        self, view: RecoveryView, controller: TillController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.view = view
        self._controller = controller
        self._named: dict[str, QPushButton] = {}
        self.title = QLabel(self)
        self.title.setObjectName("recoveryTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.details = QLabel(self)
        self.details.setObjectName("recoveryDetails")
        self.details.setWordWrap(True)
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addStretch(1)
        layout.addLayout(self.buttons)
        if view.unshown is not None:
            self._unshown_sale()
        else:
            self._open_basket()
        self.retranslate_ui()
        self.resize(560, 300)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("After the restart"))
        if self.view.unshown is not None:
            self._word_unshown_sale()
        else:
            self._word_open_basket()

    def _button(self, name: str, slot) -> QPushButton:
        button = QPushButton(self)
        self._named[name] = button
        button.setObjectName(name)
        button.setMinimumHeight(52)
        button.clicked.connect(slot)
        self.buttons.addWidget(button)
        return button

    def _unshown_sale(self) -> None:
        self._button("recoveryPrint", lambda: self._receipt("print"))
        self._button("recoveryShow", lambda: self._receipt("preview"))
        ok = self._button("recoveryAcknowledge", self.acknowledge)
        ok.setDefault(True)

    def _word_unshown_sale(self) -> None:
        sale = self.view.unshown
        assert sale is not None
        self.title.setText(
            self.tr("Ticket %1, %2, completed at %3 — payment received")
            .replace("%1", str(sale.ticket_no))
            .replace("%2", format_money(sale.draft.total_cents))
            .replace("%3", local_time(sale.completed_at))
        )
        names = {
            "cash": self.tr("Cash"),
            "card": self.tr("Card"),
            "voucher": self.tr("Voucher"),
            "gift_card": self.tr("Gift card"),
        }
        tenders = [
            f"{names.get(t.kind, t.kind)} {format_money(t.amount_cents)} {t.reference}".strip()
            for t in sale.draft.tenders
        ]
        text = self.tr("This sale was recorded before the restart: do not ring it up again.")
        text += "\n" + " · ".join(tenders)
        if sale.draft.change_cents:
            text += "\n" + self.tr("Change due: %1").replace(
                "%1", format_money(sale.draft.change_cents)
            )
        self.details.setText(text)
        self._named["recoveryPrint"].setText(self.tr("Print the receipt"))
        self._named["recoveryShow"].setText(self.tr("Show the receipt"))
        self._named["recoveryAcknowledge"].setText(self.tr("OK"))

    def _open_basket(self) -> None:
        aside = self._button("recoverySetAside", self.set_aside)
        aside.setEnabled(not self.view.basket_paid_cents)
        resume = self._button("recoveryResume", self.resume)
        resume.setDefault(True)

    def _word_open_basket(self) -> None:
        view = self.view
        self.title.setText(self.tr("Resume the sale in progress?"))
        text = (
            self.tr("%1 lines, %2")
            .replace("%1", str(view.basket_lines))
            .replace("%2", format_money(view.basket_total_cents))
        )
        if view.basket_paid_cents:
            text += "\n" + self.tr(
                "Payments already taken: %1. Resume the sale to finish it or remove them."
            ).replace("%1", format_money(view.basket_paid_cents))
        self.details.setText(text)
        self._named["recoverySetAside"].setText(self.tr("Set aside (park)"))
        self._named["recoveryResume"].setText(self.tr("Resume"))

    def _receipt(self, choice: str) -> None:
        sale = self.view.unshown
        assert sale is not None
        self._controller.request("receipt", sale.sale_id, choice)
        self.acknowledge()

    def acknowledge(self) -> None:
        self._controller.request("acknowledge_unshown")
        self.accept()

    def resume(self) -> None:
        self._controller.request("resume_open_basket")
        self.accept()

    def set_aside(self) -> None:
        self._controller.request("set_aside_open_basket")
        self.accept()

    def reject(self) -> None:
        """Escape closes nothing: what the restart found must be settled."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)
