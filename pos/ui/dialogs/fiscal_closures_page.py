"""The fiscal record desk's closures: the latest day, month and year closures, newest
first, and "Close the month…" for the last ended month not yet closed (or another).

Reading and closing go through ``FiscalRecord`` off the GUI thread (``run_op``); the
service checks the right and refuses a month not over; the refusal is shown here.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from hardware.receipt.formatting import local_time_text
from pos.ui.fiscal_messages import closure_type, failure_text
from pos.ui.i18n import Retranslating
from pos.ui.money import format_money
from pos.ui.ops import run_op_for
from pos.ui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QLocale,
    QMessageBox,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from pos.domain.rights import Actor
    from pos.services.fiscal_record import DeskOverview, FiscalRecord
    from pos.services.period_closures import ClosureMade

COLUMNS = 9
NUMBERS = frozenset({0, 3, 4, 5, 6})  # seq, tickets and amounts: right-aligned
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ClosuresPage(Retranslating, QWidget):
    loaded = Signal(object)  # DeskOverview, once read
    closed = Signal(object)  # list[ClosureMade] a manager's click made

    def __init__(self, record: FiscalRecord, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("fiscalClosuresPage")
        self.record, self.actor = record, actor
        self.overview: DeskOverview | None = None
        self.confirm_box: QMessageBox | None = None
        self._message: tuple[object, ...] = ()  # what the message line says, to reword it
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setObjectName("closuresTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.month_label = QLabel(self)
        self.month_field = QLineEdit(self)
        self.month_field.setObjectName("closeMonthField")
        self.month_field.setMaximumWidth(120)
        self.month_field.setPlaceholderText("2026-11")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("closeMonthButton")
        self.close_button.clicked.connect(self.ask_close)
        self.message = QLabel(self)
        self.message.setObjectName("closuresMessage")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.month_label)
        row.addWidget(self.month_field)
        row.addWidget(self.close_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("No."),
                self.tr("Type"),
                self.tr("Period"),
                self.tr("Tickets"),
                self.tr("Total"),
                self.tr("Grand total"),
                self.tr("Grand total (absolute)"),
                self.tr("Signature"),
                self.tr("Sealed at"),
            ]
        )
        self.month_label.setText(self.tr("Month to close:"))
        self.close_button.setText(self.tr("Close the month…"))
        if self.overview is not None:
            self._fill(self.overview.closures)
        if self._message:
            self._say(*self._message)  # type: ignore[arg-type]

    # -- reading --------------------------------------------------------------------------

    def refresh(self) -> None:
        self.close_button.setEnabled(False)
        run_op_for(self, partial(self.record.overview, self.actor), self._show, self._failed)

    def _show(self, overview: DeskOverview) -> None:
        first = self.overview is None
        self.overview = overview
        self._fill(overview.closures)
        self.close_button.setEnabled(True)
        if first or not self.month_field.text():
            self.month_field.setText(overview.month_to_close or overview.previous_month)
        if first and not overview.month_to_close:
            self._say("all_closed", overview.previous_month)
        self.loaded.emit(overview)

    def _fill(self, closures: list[ClosureMade]) -> None:
        locale = QLocale()
        self.table.setRowCount(len(closures))
        for r, c in enumerate(closures):
            cells = (
                str(c.seq), closure_type(c.type), c.period, locale.toString(c.tickets),
                format_money(c.total_cents), format_money(c.grand_total_cents),
                format_money(c.grand_total_abs_cents), c.excerpt, local_time_text(c.at),
            )  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in NUMBERS:
                    item.setTextAlignment(RIGHT)
                self.table.setItem(r, column, item)

    # -- closing --------------------------------------------------------------------------

    def ask_close(self) -> None:
        """Closing cannot be undone: the manager confirms the month first."""
        label = self.month_field.text().strip()
        box = self.confirm_box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Close the month"),
            self.tr(
                "Close the month %1 now? Every earlier period still open is closed first, "
                "and the fiscal year with its last month. A closure cannot be undone."
            ).replace("%1", label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("closeMonthConfirm")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Close the month"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        box.accepted.connect(partial(self._close, label))
        box.finished.connect(box.deleteLater)
        box.open()

    def _close(self, label: str) -> None:
        self.close_button.setEnabled(False)
        self._say("closing", label)
        job = partial(self.record.close_month, self.actor, label)
        run_op_for(self, job, partial(self._closed, label), self._failed)

    def _closed(self, label: str, made: list[ClosureMade]) -> None:
        if made:
            last = made[-1]
            self._say("closed", str(len(made)), last.type, last.period)
        else:
            self._say("nothing", label)
        self.closed.emit(made)
        self.refresh()

    def _failed(self, exc: Exception) -> None:
        self.close_button.setEnabled(True)
        self._say("failed", exc)

    def _say(self, what: str = "", *args: object) -> None:
        """The message line, kept as (what, args) so a language change rewords it."""
        self._message = (what, *args)
        if what == "closed":
            args = (args[0], closure_type(str(args[1])), args[2])
        elif what == "failed":
            args = (failure_text(args[0]),)  # type: ignore[arg-type]
        texts = {
            "": "",
            "all_closed": self.tr("Every month up to %1 is closed."),
            "closing": self.tr("Closing %1…"),
            "closed": self.tr("%1 closure(s) made; the last: %2 %3."),
            "nothing": self.tr("Nothing to close: %1 and every period before it are closed."),
            "failed": "%1",  # the refusal says what was not done and why
        }
        text = texts[what]
        for n, arg in enumerate(args, start=1):
            text = text.replace(f"%{n}", str(arg))
        self.message.setText(text)
