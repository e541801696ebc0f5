"""What is on offer at this till today, and what the central platform offers online that
the till does not apply (issue 15): a cashier asked "online it is −10 %, why not here?"
reads the answer here instead of guessing.

The list is read off the GUI thread (``PromotionList.today``); the dialog only shows it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pos.domain.promotions import Promotion
from pos.services.promotion_list import PromotionList, PromotionsToday
from pos.ui.i18n import Retranslating
from pos.ui.ops import run_op_for
from pos.ui.promotion_texts import why_not_applied
from pos.ui.qt import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLocale,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from pos.ui.widgets.tables import fill_rows, text_table

#: A promotion ending after this year has no end worth printing ("—").
_OPEN_END_YEAR = 9000


class PromotionsDialog(Retranslating, QDialog):
    shown = Signal()  # the list arrived and is on screen (tests, screenshots)

    def __init__(self, promotions: PromotionList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promotionsDialog")
        self.today: PromotionsToday | None = None
        self.intro = QLabel(self)
        self.intro.setObjectName("promotionsIntro")
        self.intro.setWordWrap(True)
        self.in_force = text_table(self, 3, "promotionsInForce")
        self.left_out_title = QLabel(self)
        self.left_out_title.setObjectName("promotionsNotAppliedTitle")
        self.left_out_title.setWordWrap(True)
        self.left_out = text_table(self, 2, "promotionsNotApplied", stretch=1)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("promotionsCloseButton")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.in_force, 4)
        layout.addWidget(self.left_out_title)
        layout.addWidget(self.left_out, 2)
        layout.addLayout(buttons)
        self.resize(860, 560)
        self.retranslate_ui()
        run_op_for(self, promotions.today, self.show_today, self._failed)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Promotions"))
        self.close_button.setText(self.tr("Close"))
        self.in_force.setHorizontalHeaderLabels(
            [self.tr("Promotion"), self.tr("Condition"), self.tr("Until")]
        )
        self.left_out.setHorizontalHeaderLabels([self.tr("Promotion"), self.tr("Why")])
        if self.today is None:
            self.intro.setText(self.tr("Reading the promotions…"))
            self.left_out_title.hide()
            self.left_out.hide()
        else:
            self.show_today(self.today)

    def show_today(self, today: PromotionsToday) -> None:
        self.today = today
        count = len(today.in_force)
        self.intro.setText(
            self.tr("Promotions applied at this till today, on every scan: %1.").replace(
                "%1", QLocale().toString(count)
            )
        )
        fill_rows(self.in_force, [
            (p.name, self._condition(p), self._until(p.ends_at)) for p in today.in_force
        ])  # fmt: skip
        self.in_force.resizeRowsToContents()
        left_out = today.not_applied
        self.left_out_title.setVisible(bool(left_out))
        self.left_out.setVisible(bool(left_out))
        self.left_out_title.setText(
            self.tr(
                "Medusa's promotions not applied at the till: %1. The shared promotion "
                "engine cannot price them as Medusa does: they apply online only."
            ).replace("%1", QLocale().toString(len(left_out)))
        )
        fill_rows(self.left_out, [(found.name, why_not_applied(found)) for found in left_out])
        self.left_out.resizeRowsToContents()
        self.shown.emit()

    def _condition(self, promotion: Promotion) -> str:
        if promotion.coupon_code:
            return self.tr("With the code %1").replace("%1", promotion.coupon_code)
        if promotion.customer_only:
            return self.tr("Customers attached to the sale")
        return self.tr("Everyone")

    def _until(self, ends_at: datetime) -> str:
        if ends_at.year >= _OPEN_END_YEAR:
            return "—"
        local = ends_at.astimezone()
        return QLocale().toString(local.date(), QLocale.FormatType.ShortFormat)

    def _failed(self, exc: Exception) -> None:
        self.intro.setText(self.tr("The promotions cannot be read: %1").replace("%1", str(exc)))


def open_promotions(parent: QWidget, data_dir: Path) -> PromotionsDialog:
    """The till menu's "Promotions…": the dialog deletes itself once closed."""
    dialog = PromotionsDialog(PromotionList(data_dir), parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
