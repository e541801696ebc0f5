"""The Z closure: a blind count, then counted vs expected per tender, then the close.

1. The drawer is counted blind (``CashCountForm(blind=True)``) and the card terminal's,
   cheques' and meal vouchers' totals typed: nothing expected is shown yet.
2. Only then the comparison: expected, counted and over/short per tender, in colour.
   Above the limit the closer needs a manager: the approval door is asked first.
3. The worker closes the session (one transaction: ``TillSessions.close``); the Z is
   shown here, and printed (or shown as paper) by the till-day flow.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from pos.domain.cash import DENOMINATIONS, count_cash
from pos.domain.errors import PosError
from pos.domain.money import parse_eur
from pos.domain.rights import Approval, Right
from pos.domain.till_day import COUNTED_TENDERS, ClosingCount
from pos.ui.i18n import Retranslating
from pos.ui.messages import user_message
from pos.ui.money import format_money
from pos.ui.qt import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from pos.ui.screens.till_day.approval import RequestApproval
from pos.ui.screens.till_day.figures_view import FiguresView
from pos.ui.screens.till_day.labels import Row, figure_rows, signed, tender_name
from pos.ui.till_controller import TillController
from pos.ui.till_day_requests import ZComparison
from pos.ui.widgets.cash_count import CashCountForm
from pos.ui.widgets.message_line import MessageLine
from pos.ui.zoom import set_font

OTHER_TENDERS = COUNTED_TENDERS[1:]  # card, cheque, meal voucher: one total each


class ZClosureDialog(Retranslating, QDialog):
    closed = Signal(object)  # the Z report (dict), recorded

    def __init__(
        self,
        controller: TillController,
        request_approval: RequestApproval,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("zClosureDialog")
        self.controller = controller
        self.request_approval = request_approval
        self.comparison: ZComparison | None = None
        self.report: dict[str, Any] | None = None
        self.title = QLabel(self)
        set_font(self.title, 1.5, 1.0, bold=True)
        self.pages = QStackedWidget(self)
        self.count_form = CashCountForm(DENOMINATIONS, blind=True)
        self.other_fields = {tender: QLineEdit("0") for tender in OTHER_TENDERS}
        self.other_labels = {tender: QLabel() for tender in OTHER_TENDERS}
        self.others_title = QLabel(self)
        self.others_title.setWordWrap(True)  # the dialog fits 1024 px in French too
        set_font(self.others_title, 1.2, 1.0, bold=True)
        self.comparison_view, self.report_view = FiguresView(), FiguresView()
        self.verdict = QLabel(self)
        self.verdict.setObjectName("zVerdict")
        self.verdict.setWordWrap(True)
        set_font(self.verdict, 1.2, 1.0, bold=True)
        self.message = MessageLine(self)
        self.message.setObjectName("zMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.cancel_button = QPushButton(self)
        self.compare_button = QPushButton(self)
        self.compare_button.setObjectName("zCompareButton")
        self.recount_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("zCloseButton")
        self.done_button = QPushButton(self)
        self.done_button.setObjectName("zDoneButton")
        self._build()
        worker = controller.worker
        worker.z_compared.connect(self._compared)
        worker.z_closed.connect(self._closed)
        worker.day_refused.connect(self._refused)
        self.finished.connect(partial(self._disconnect, worker))
        self.retranslate_ui()

    def _build(self) -> None:
        count_page = QWidget()
        self.count_form.apply_zoom(0.8)  # the drawer and the other tenders side by side
        others = QVBoxLayout()
        others.addWidget(self.others_title)
        for tender in OTHER_TENDERS:
            field, label = self.other_fields[tender], self.other_labels[tender]
            field.setObjectName(f"counted_{tender}")
            field.setMinimumHeight(44)
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            label.setWordWrap(True)
            set_font(field, 1.2, 1.0)
            others.addWidget(label)
            others.addWidget(field)
        others.addStretch(1)
        count_layout = QHBoxLayout(count_page)
        count_layout.addWidget(self.count_form, 3)
        count_layout.addLayout(others, 1)
        compare_page = QWidget()
        compare_layout = QVBoxLayout(compare_page)
        compare_layout.addWidget(self.comparison_view, 1)
        compare_layout.addWidget(self.verdict)
        report_page = QWidget()
        QVBoxLayout(report_page).addWidget(self.report_view)
        for page in (count_page, compare_page, report_page):
            self.pages.addWidget(page)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.cancel_button, self.recount_button, self.compare_button,
                       self.close_button, self.done_button):  # fmt: skip
            button.setMinimumHeight(56)
            set_font(button, 1.2, 1.0, bold=True)
            buttons.addWidget(button)
        self.cancel_button.clicked.connect(self.reject)
        self.compare_button.clicked.connect(self.compare)
        self.recount_button.clicked.connect(lambda: self._show_page(0))
        self.close_button.clicked.connect(self.close_till)
        self.done_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(1000, 740)
        self._show_page(0)

    def _disconnect(self, worker, _result: int) -> None:
        worker.z_compared.disconnect(self._compared)
        worker.z_closed.disconnect(self._closed)
        worker.day_refused.disconnect(self._refused)

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.message.clear()
        visible = {
            0: (self.cancel_button, self.compare_button),
            1: (self.cancel_button, self.recount_button, self.close_button),
            2: (self.done_button,),
        }[index]
        for button in (self.cancel_button, self.recount_button, self.compare_button,
                       self.close_button, self.done_button):  # fmt: skip
            button.setVisible(button in visible)
            button.setEnabled(True)
        self.retranslate_ui()

    # -- language -----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Z closure"))
        page = self.pages.currentIndex()
        self.title.setText(
            (
                self.tr("Z closure — count the drawer (blind count)"),
                self.tr("Z closure — counted against expected"),
                self.tr("Till closed: Z report"),
            )[page]
        )
        for tender, label in self.other_labels.items():
            label.setText(self.tr("%1 (€)").replace("%1", tender_name(tender)))
        self.others_title.setText(self.tr("Other tenders: day totals"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.compare_button.setText(self.tr("Count done: compare"))
        self.recount_button.setText(self.tr("Count again"))
        needs = self.comparison is not None and self.comparison.needs_approval
        self.close_button.setText(
            self.tr("Ask a manager and close (Z)") if needs else self.tr("Close the till (Z)")
        )
        self.done_button.setText(self.tr("Done: back to the opening"))
        if self.comparison is not None:
            self._show_comparison(self.comparison)
        if self.report is not None:
            self.report_view.show_rows(figure_rows(self.report) + self._counted_rows(self.report))

    # -- 1. the blind count ---------------------------------------------------------------

    def set_others(self, totals: dict[str, int]) -> None:
        for tender, cents in totals.items():
            self.other_fields[tender].setText(format_money(cents).replace("€", "").strip())

    def counted(self) -> ClosingCount | None:
        try:
            others = {
                tender: _signed_eur(field.text() or "0")
                for tender, field in self.other_fields.items()
            }
            return ClosingCount(count_cash(self.count_form.counts()), others)
        except PosError as exc:
            self.message.say(partial(user_message, exc.code, exc.message, exc.params))
            return None

    def compare(self) -> None:
        counted = self.counted()
        if counted is not None:
            self.compare_button.setEnabled(False)
            self.controller.request("z_compare", counted)

    # -- 2. counted against expected ------------------------------------------------------

    def _compared(self, comparison: ZComparison) -> None:
        self.comparison = comparison
        self._show_page(1)

    def _show_comparison(self, comparison: ZComparison) -> None:
        rows: list[Row] = []
        for row in comparison.rows:
            rows += [
                (tender_name(row.tender), "", "heading"),
                (self.tr("Expected"), format_money(row.expected_cents), ""),
                (self.tr("Counted"), format_money(row.counted_cents), ""),
                (self.tr("Over/short"), signed(row.difference_cents), _style(row.difference_cents)),
            ]
        above = comparison.difference_cents > comparison.limit_cents
        total = format_money(comparison.difference_cents)
        rows.append((self.tr("Total difference"), total, "short" if above else "total"))
        self.comparison_view.show_rows(rows)
        limit = format_money(comparison.limit_cents)
        if comparison.needs_approval:
            text = self.tr(
                "The count differs by %1, more than %2: a manager must approve the closing."
            )
        elif comparison.difference_cents > comparison.limit_cents:
            text = self.tr(
                "The count differs by %1, more than %2: you hold the right to close with this "
                "difference; check the count first."
            )
        elif comparison.difference_cents:
            text = self.tr("The count differs by %1, within the limit of %2.")
        else:
            text = self.tr("The count matches what is expected.")
        self.verdict.setText(
            text.replace("%1", format_money(comparison.difference_cents)).replace("%2", limit)
        )

    def close_till(self, _checked: bool = False, approval: Approval | None = None) -> None:
        comparison = self.comparison
        if comparison is None:
            return
        if comparison.needs_approval and approval is None:
            approval = self._ask_approval(comparison.difference_cents)
            if approval is None:
                return
        self.close_button.setEnabled(False)
        self.message.clear()
        self.controller.request("z_close", comparison.counted, approval)

    def _ask_approval(self, difference: int) -> Approval | None:
        what = self.tr("Z closure with a difference of %1").replace("%1", format_money(difference))
        approval = self.request_approval(Right.CLOSE_WITH_DIFFERENCE, what, difference)
        if approval is None:
            self.message.say(
                self.tr(
                    "Not approved: the till stays open. A manager must approve a difference of %1."
                ).replace("%1", format_money(difference))
            )
        return approval

    def _refused(self, code: str, message: str, params: dict) -> None:
        self.compare_button.setEnabled(True)
        self.close_button.setEnabled(True)
        if code == "difference_needs_approval" and self.comparison is not None:
            approval = self._ask_approval(int(params.get("difference", 0)))
            if approval is not None:
                self.close_till(approval=approval)
            return
        self.message.say(partial(user_message, code, message, params))

    # -- 3. closed ------------------------------------------------------------------------

    def _closed(self, report: dict[str, Any]) -> None:
        self.report = report
        self._show_page(2)
        self.closed.emit(report)

    def _counted_rows(self, report: dict[str, Any]) -> list[Row]:
        rows: list[Row] = [(self.tr("Count"), "", "heading")]
        for row in report["counted"]:
            rows.append(
                (
                    self.tr("%1: counted %2, expected %3")
                    .replace("%1", tender_name(row["tender"]))
                    .replace("%2", format_money(row["counted_cents"]))
                    .replace("%3", format_money(row["expected_cents"])),
                    signed(row["difference_cents"]),
                    _style(row["difference_cents"]),
                )
            )
        rows.append(
            (self.tr("Total difference"), format_money(report["difference_cents"]), "total")
        )
        sealed = report.get("sealed")
        if sealed:  # the Z's entry in the signed closures chain
            label = self.tr("Sealed in the fiscal record: closure no. %1, signature")
            rows.append((label.replace("%1", str(sealed["seq"])), sealed["excerpt"], ""))
        return rows


def _style(difference: int) -> str:
    return "over" if difference > 0 else "short" if difference < 0 else ""


def _signed_eur(text: str) -> int:
    """A counted total, "-20,00" too: card refunds can make the card total negative
    (the service refuses it where the expected one is not)."""
    stripped = text.strip()
    if stripped.startswith(("-", "\u2212")):
        return -parse_eur(stripped[1:])
    return parse_eur(stripped)
