"""Count the stock ("Inventaire"): choose what is counted, scan and type blind, then read
the variances and have a manager approve them.

Three pages. The counting page never shows what the till expects (the counter types what
the shelf holds, not what the screen says); the variances page shows counted − expected
per article and its value, largest first. An article typed twice asks: add it (a second
place holds more) or replace the first figure; nothing is lost either way. Approval is a
manager's: a cashier's "Approve" goes to the manager's PIN (``RequestApproval``) and the
stock worker applies the count only then. Everything runs on the stock worker.
"""

from __future__ import annotations

from functools import partial

from pos.domain.rights import Approval, Right
from pos.domain.stock_count import MAX_COUNT_GRAMS, CountScope, EntryMode
from pos.services.stock_count import CountSheet, CountVariances
from pos.ui.i18n import Retranslating
from pos.ui.messages import user_message
from pos.ui.money import format_money
from pos.ui.qt import (
    QApplication,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
)
from pos.ui.screens.stock.detail_panel import quantity_text
from pos.ui.screens.till_day.approval import RequestApproval
from pos.ui.stock_controller import StockController
from pos.ui.widgets.message_line import MessageLine
from pos.ui.widgets.tables import fill_rows, text_table
from pos.ui.zoom import set_font


class CountDialog(Retranslating, QDialog):
    def __init__(
        self,
        controller: StockController,
        request_approval: RequestApproval | None,
        parent: QWidget | None = None,
        *,
        needs_approval: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stockCountDialog")
        self.controller = controller
        self.request_approval = request_approval
        self.needs_approval = needs_approval
        self.sheet: CountSheet | None = None
        self.result: CountVariances | None = None
        self.applied: CountVariances | None = None
        self._sent: tuple | None = None  # the entry or approval waiting for its answer
        self._departments: list[tuple[str, str]] = []
        self._build()
        worker = controller.worker
        self._links = (
            (worker.count_sheet, self._sheet_loaded),
            (worker.count_departments, self._departments_loaded),
            (worker.count_variances, self._variances_loaded),
            (worker.count_applied, self._applied),
            (worker.refused, self._refused),
        )
        for signal, slot in self._links:
            signal.connect(slot)
        self.finished.connect(self._disconnect)
        self.retranslate_ui()
        controller.request("count_current")

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLabel(self)
        set_font(self.title, 1.3, 1.0, bold=True)
        self.pages = QStackedWidget(self)
        self.message = MessageLine(self)
        self.message.setObjectName("countMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.pages.addWidget(self._scope_page())
        self.pages.addWidget(self._counting_page())
        self.pages.addWidget(self._variances_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        self.resize(860, 620)

    def _buttons(self, *buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        for button in buttons:
            button.setAutoDefault(False)  # Enter after a scan never approves nor abandons
            button.setMinimumHeight(44)
            set_font(button, 1.1, 1.0)
            row.addWidget(button)
        return row

    def _scope_page(self) -> QWidget:
        page = QWidget(self)
        self.scope_box = QComboBox(page)
        self.scope_box.setObjectName("countScope")
        for scope in CountScope:
            self.scope_box.addItem("", scope.value)
        self.department_box = QComboBox(page)
        self.department_box.setObjectName("countDepartment")
        self.shelf_field = QLineEdit(page)
        self.shelf_field.setObjectName("countShelf")
        self.scope_help = QLabel(page)
        self.scope_help.setWordWrap(True)
        for widget in (self.scope_box, self.department_box, self.shelf_field):
            widget.setMinimumHeight(44)
            set_font(widget, 1.15, 1.0)
        self.start_button, self.close_button = QPushButton(page), QPushButton(page)
        self.start_button.setObjectName("countStart")
        self.start_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)
        self.scope_box.currentIndexChanged.connect(self._scope_changed)
        column = QVBoxLayout(page)
        for widget in (self.scope_help, self.scope_box, self.department_box, self.shelf_field):
            column.addWidget(widget)
        column.addStretch(1)
        column.addLayout(self._buttons(self.close_button, self.start_button))
        self._scope_changed()
        return page

    def _counting_page(self) -> QWidget:
        page = QWidget(self)
        self.count_info = QLabel(page)
        self.count_info.setWordWrap(True)
        self.code_field = QLineEdit(page)
        self.code_field.setObjectName("countCode")
        self.quantity = QSpinBox(page)
        self.quantity.setObjectName("countQuantity")
        self.quantity.setRange(0, MAX_COUNT_GRAMS)  # the service bounds units at 10,000
        self.record_button = QPushButton(page)
        self.record_button.setObjectName("countRecord")
        self.record_button.setAutoDefault(False)
        for widget in (self.code_field, self.quantity, self.record_button):
            widget.setMinimumHeight(44)
            set_font(widget, 1.15, 1.0)
        self.counted_table = text_table(page, 3, "countLines")
        self.finish_button, self.abandon_button = QPushButton(page), QPushButton(page)
        self.finish_button.setObjectName("countFinish")
        self.code_field.returnPressed.connect(self.quantity.setFocus)
        self.record_button.clicked.connect(lambda: self.enter())
        self.finish_button.clicked.connect(self.finish)
        self.abandon_button.clicked.connect(self.abandon)
        entry = QHBoxLayout()
        entry.addWidget(self.code_field, 3)
        entry.addWidget(self.quantity, 1)
        entry.addWidget(self.record_button)
        column = QVBoxLayout(page)
        column.addWidget(self.count_info)
        column.addLayout(entry)
        column.addWidget(self.counted_table, 1)
        column.addLayout(self._buttons(self.abandon_button, self.finish_button))
        return page

    def _variances_page(self) -> QWidget:
        page = QWidget(self)
        self.summary = QLabel(page)
        self.summary.setObjectName("countSummary")
        self.summary.setWordWrap(True)
        set_font(self.summary, 1.1, 1.0, bold=True)
        self.variance_table = text_table(page, 6, "countVariances")
        self.back_button, self.approve_button = QPushButton(page), QPushButton(page)
        self.approve_button.setObjectName("countApprove")
        self.back_button.clicked.connect(lambda: self.pages.setCurrentIndex(1))
        self.approve_button.clicked.connect(lambda: self.approve())
        column = QVBoxLayout(page)
        column.addWidget(self.summary)
        column.addWidget(self.variance_table, 1)
        column.addLayout(self._buttons(self.back_button, self.approve_button))
        return page

    def _disconnect(self, _result: int) -> None:
        for signal, slot in self._links:
            signal.disconnect(slot)

    # -- words -----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Stock count"))
        names = {
            CountScope.FULL: self.tr("The whole store"),
            CountScope.DEPARTMENT: self.tr("One department"),
            CountScope.SHELF: self.tr("One shelf or area"),
        }
        for index in range(self.scope_box.count()):
            self.scope_box.setItemText(index, names[CountScope(self.scope_box.itemData(index))])
        self.scope_help.setText(
            self.tr("What do you count? Nothing changes in the stock until a manager approves "
                    "the variances at the end.")
        )  # fmt: skip
        self.shelf_field.setPlaceholderText(self.tr("Shelf or area, e.g. Aisle 3, bay B"))
        self.start_button.setText(self.tr("Start counting"))
        self.close_button.setText(self.tr("Close"))
        self.code_field.setPlaceholderText(self.tr("Scan the article, or type its SKU"))
        self.record_button.setText(self.tr("Record"))
        self.counted_table.setHorizontalHeaderLabels(
            [self.tr("Article"), self.tr("SKU"), self.tr("Counted")]
        )
        self.finish_button.setText(self.tr("Finish counting"))
        self.abandon_button.setText(self.tr("Abandon the count"))
        self.variance_table.setHorizontalHeaderLabels(
            [self.tr("Article"), self.tr("SKU"), self.tr("Expected"), self.tr("Counted"),
             self.tr("Variance"), self.tr("Value")]
        )  # fmt: skip
        self.back_button.setText(self.tr("Back to counting"))
        self.approve_button.setText(
            self.tr("Ask a manager to approve") if self.needs_approval
            else self.tr("Approve and apply")
        )  # fmt: skip
        self._show_title()
        if self.sheet is not None:
            self._sheet_loaded(self.sheet)
        if self.result is not None:
            self._variances_loaded(self.result)

    def _show_title(self) -> None:
        if self.sheet is None:
            self.title.setText(self.tr("Count the stock"))
            return
        count = self.sheet.count
        if count.scope == CountScope.FULL:
            what = self.tr("Count of the whole store")
        elif count.scope == CountScope.DEPARTMENT:
            name = dict(self._departments).get(count.label, count.label)
            what = self.tr("Count of the department %1").replace("%1", name)
        else:
            what = self.tr("Count of the shelf %1").replace("%1", count.label)
        self.title.setText(what)

    def _scope_changed(self) -> None:
        scope = CountScope(self.scope_box.currentData())
        self.department_box.setVisible(scope is CountScope.DEPARTMENT)
        self.shelf_field.setVisible(scope is CountScope.SHELF)

    # -- acts ------------------------------------------------------------------------------

    def _departments_loaded(self, departments: list) -> None:
        self._departments = list(departments)
        self.department_box.clear()
        for code, name in self._departments:
            self.department_box.addItem(name, code)

    def scan(self, code: str) -> None:
        """A scanner's code (the app's scanner filter keeps it out of the line edits):
        while counting, the article to count, the quantity next; elsewhere a beep."""
        if self.pages.currentIndex() != 1:
            QApplication.beep()
            return
        self.code_field.setText(code)
        self.quantity.setFocus()
        self.quantity.selectAll()

    def start(self) -> None:
        scope = str(self.scope_box.currentData())
        label = (
            str(self.department_box.currentData() or "") if scope == CountScope.DEPARTMENT
            else self.shelf_field.text()
        )  # fmt: skip
        self._send(("count_start", scope, label))

    def enter(self, mode: EntryMode = EntryMode.NEW) -> None:
        if self.sheet is None:
            return
        self._send(("count_enter", self.sheet.count.id, self.code_field.text(),
                    self.quantity.value(), mode.value))  # fmt: skip

    def finish(self) -> None:
        if self.sheet is not None:
            self._send(("count_variances", self.sheet.count.id))

    def abandon(self) -> None:
        if self.sheet is None:
            return
        asked = QMessageBox.question(
            self, self.tr("Abandon the count"),
            self.tr("Abandon this count? Nothing changes in the stock; its figures stay "
                    "recorded at the till."),
        )  # fmt: skip
        if asked == QMessageBox.StandardButton.Yes:
            self._send(("count_abandon", self.sheet.count.id))

    def approve(self, approval: Approval | None = None) -> None:
        if self.sheet is not None:
            self._send(("count_approve", self.sheet.count.id, approval))

    def _send(self, request: tuple) -> None:
        self._sent = request
        self.message.clear()
        self.controller.request(*request)

    # -- answers ---------------------------------------------------------------------------

    def _sheet_loaded(self, sheet: CountSheet | None) -> None:
        entered = self._sent is not None and self._sent[0] == "count_enter"
        self._sent = None
        self.sheet = sheet
        self._show_title()
        if sheet is None:
            self.pages.setCurrentIndex(0)
            return
        self.count_info.setText(
            self.tr("Type what the shelf holds, article by article. %1 article(s) counted.")
            .replace("%1", str(len(sheet.lines)))
        )  # fmt: skip
        fill_rows(self.counted_table, [
            (line.product.name, line.product.sku,
             quantity_text(line.counted, line.product.sold_by)) for line in sheet.lines
        ], 2)  # fmt: skip
        if self.pages.currentIndex() == 0:
            self.pages.setCurrentIndex(1)
        if entered:
            self.code_field.clear()
            self.quantity.setValue(0)
        self.code_field.setFocus()

    def _variances_loaded(self, result: CountVariances) -> None:
        self._sent = None
        self.result = result
        rows = []
        shown = (*result.lines, *result.uncounted)
        for index, line in enumerate(shown):
            sold_by = line.product.sold_by
            sign = "+" if line.variance > 0 else ""
            counted = quantity_text(line.counted, sold_by)
            if index >= len(result.lines):
                counted = self.tr("not counted: %1").replace("%1", counted)
            rows.append((
                line.product.name, line.product.sku, quantity_text(line.expected, sold_by),
                counted, sign + quantity_text(line.variance, sold_by) if line.variance else "0",
                format_money(line.value_cents) if line.variance else "—",
            ))  # fmt: skip
        fill_rows(self.variance_table, rows, 2)
        for row, line in enumerate(shown):
            if line.variance:
                for column in (4, 5):
                    item = self.variance_table.item(row, column)
                    item.setForeground(Qt.GlobalColor.darkRed if line.variance < 0
                                       else Qt.GlobalColor.darkGreen)  # fmt: skip
        self.summary.setText(
            self.tr("%1 article(s) counted, %2 with a variance: %3 in all (selling prices).")
            .replace("%1", str(len(result.lines)))
            .replace("%2", str(result.differing - result.uncounted_articles))
            .replace("%3", format_money(result.value_cents - result.uncounted_value_cents))
        )  # fmt: skip
        if result.uncounted_articles:
            self.summary.setText(self.summary.text() + "\n" + self._uncounted_text(result))
        self.pages.setCurrentIndex(2)

    def _uncounted_text(self, result: CountVariances) -> str:
        """What the count zeroes, said before a manager approves it."""
        text = self.tr(
            "%1 article(s) with stock were not counted: approving counts them as 0 (%2)."
        ).replace("%1", str(result.uncounted_articles))
        text = text.replace("%2", format_money(result.uncounted_value_cents))
        hidden = result.uncounted_articles - len(result.uncounted)
        if hidden > 0:
            text += " " + self.tr("The %1 largest are listed.").replace(
                "%1", str(len(result.uncounted))
            )
        return text

    def _applied(self, result: CountVariances) -> None:
        self._sent = None
        self.applied = result
        self.accept()

    def _refused(self, code: str, message: str, params: dict) -> None:
        sent, self._sent = self._sent, None
        if sent is None:
            return  # not this dialog's request
        if code == "count_entered_twice":
            mode = self._add_or_replace(params)
            if mode is not None:
                self.enter(mode)
            return
        if code == "right_refused" and params.get("approvable") and sent[0] == "count_approve":
            approval = self._approval()
            if approval is not None:
                self.approve(approval)
                return
            code, message, params = "count_not_approved", "Not approved.", {}
        self.message.say(partial(user_message, code, message, params))

    def _add_or_replace(self, params: dict) -> EntryMode | None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Already counted"))
        box.setText(
            self.tr("%1 was already counted in this count: %2. Add %3 to it (it was in "
                    "another place), or replace the first figure?")
            .replace("%1", str(params.get("name", ""))).replace("%2", str(params.get("counted")))
            .replace("%3", str(params.get("quantity")))
        )  # fmt: skip
        add = box.addButton(self.tr("Add"), QMessageBox.ButtonRole.AcceptRole)
        replace = box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        chosen = box.clickedButton()
        return EntryMode.ADD if chosen is add else EntryMode.REPLACE if chosen is replace else None

    def _approval(self) -> Approval | None:
        if self.request_approval is None or self.result is None:
            return None
        what = (
            self.tr("Stock count: %1 variance(s), %2")
            .replace("%1", str(self.result.differing))
            .replace("%2", format_money(self.result.value_cents))
        )
        return self.request_approval(Right.ADJUST_STOCK, what, None)
