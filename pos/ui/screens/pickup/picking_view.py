"""Scan-to-pick: the order's lines with ordered, picked and missing counts, a scan field
always ready, a hand count for what cannot be scanned, and "Ready".

Each scan is checked by the worker (wrong item, one too many); this view repaints from
the session it answers with. "Ready" with lines missing asks first, naming them, since
the customer will be told the order is incomplete.
"""

from __future__ import annotations

from datetime import tzinfo

from pos.ui.i18n import Retranslating, retranslate_model
from pos.ui.models.pickup_model import PickingLinesModel, moment_text, quantity_text
from pos.ui.pickup_controller import PickingSession
from pos.ui.qt import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from pos.ui.screens.pickup.display import fit_rows, parse_count
from pos.ui.widgets.tables import row_table
from pos.ui.zoom import set_font


class PickingView(Retranslating, QWidget):
    scanned = Signal(str)  # a code typed or scanned into the field
    count_requested = Signal(str, int)  # sku, quantity counted by hand (units or grams)
    ready_confirmed = Signal()  # complete, or partial and confirmed
    print_requested = Signal(object)  # PickingList
    back_requested = Signal()
    problem = Signal(str, str)  # code, message: a hand count that is not a number

    def __init__(self, tz: tzinfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pickingView")
        self.session: PickingSession | None = None
        self._tz = tz
        self.model = PickingLinesModel(self)
        self._build()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.scan_field.setPlaceholderText(self.tr("Scan each item (or type its code), then Enter"))
        self.count_field.setPlaceholderText(self.tr("Count"))
        for button, text in (
            (self.count_button, self.tr("Count the selected line by hand")),
            (self.ready_button, self.tr("Ready")),
            (self.print_button, self.tr("Print the list")),
            (self.back_button, self.tr("Back to the desk")),
            (self.partial_button, self.tr("Ready with items missing")),
            (self.keep_button, self.tr("Keep preparing")),
        ):
            button.setText(text)
        retranslate_model(self.model)
        if self.session is not None:
            self._show_progress(self.session)
            if self.confirm.isVisibleTo(self):
                self._show_missing(self.session)

    def _build(self) -> None:
        self.header = QLabel(self)
        self.header.setObjectName("pickingHeader")
        self.header.setWordWrap(True)
        self.progress = QLabel(self)
        self.progress.setObjectName("pickingProgress")
        self.scan_field = QLineEdit(self)
        self.scan_field.setObjectName("pickScanField")
        self.scan_field.returnPressed.connect(self._submit_scan)
        self.table = row_table(self.model, "pickingLines", self)
        self.table.setStyleSheet(  # the amber / green of each line stays readable
            "QTableView::item:selected { background: #bcd3f2; color: black; }"
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(PickingLinesModel.ITEM, QHeaderView.ResizeMode.Stretch)
        self.count_field = QLineEdit(self)
        self.count_field.setObjectName("countField")
        self.count_field.returnPressed.connect(self.count_selected)
        self.count_button = QPushButton(self)
        self.count_button.setObjectName("countButton")
        self.count_button.clicked.connect(self.count_selected)
        self.confirm = self._confirm_panel()
        self.ready_button = QPushButton(self)
        self.ready_button.setObjectName("readyButton")
        self.ready_button.clicked.connect(self.request_ready)
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("printListButton")
        self.print_button.clicked.connect(self._print)
        self.back_button = QPushButton(self)
        self.back_button.setObjectName("pickingBack")
        self.back_button.clicked.connect(self.back_requested)

        counting = QHBoxLayout()
        counting.addWidget(self.count_field)
        counting.addWidget(self.count_button)
        counting.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.back_button)
        actions.addWidget(self.print_button)
        actions.addStretch(1)
        actions.addWidget(self.ready_button)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.progress)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.scan_field)
        layout.addWidget(self.table, 100)  # as high as its rows, the spacer takes the rest
        layout.addLayout(counting)
        layout.addWidget(self.confirm)
        layout.addStretch(1)
        layout.addLayout(actions)
        self.buttons = (self.count_button, self.ready_button, self.print_button, self.back_button)

    def _confirm_panel(self) -> QFrame:
        panel = QFrame(self)
        panel.setObjectName("partialConfirm")
        panel.setStyleSheet("#partialConfirm { background: #fff1c2; border-radius: 6px; }")
        self.missing_label = QLabel(panel)
        self.missing_label.setObjectName("missingLabel")
        self.missing_label.setWordWrap(True)
        self.partial_button = QPushButton(panel)
        self.partial_button.setObjectName("confirmPartial")
        self.partial_button.clicked.connect(self._confirm_partial)
        self.keep_button = QPushButton(panel)
        self.keep_button.setObjectName("keepPreparing")
        self.keep_button.clicked.connect(panel.hide)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.partial_button)
        layout = QVBoxLayout(panel)
        layout.addWidget(self.missing_label)
        layout.addLayout(buttons)
        panel.hide()
        return panel

    def apply_zoom(self, zoom: float) -> None:
        set_font(self.header, 1.2, zoom, bold=True)
        set_font(self.progress, 1.5, zoom, bold=True)
        set_font(self.scan_field, 1.4, zoom)
        set_font(self.table, 1.2, zoom)
        set_font(self.table.horizontalHeader(), 1.0, zoom, bold=True)
        set_font(self.count_field, 1.2, zoom)
        set_font(self.missing_label, 1.15, zoom, bold=True)
        self.scan_field.setMinimumHeight(round(48 * zoom))
        self.count_field.setFixedWidth(round(120 * zoom))
        self.count_field.setMinimumHeight(round(56 * zoom))
        metrics = self.table.fontMetrics()
        self.table.verticalHeader().setDefaultSectionSize(metrics.lineSpacing() * 2 + 14)
        fit_rows(self.table)
        header = self.table.horizontalHeader()
        header.resizeSection(PickingLinesModel.DEPARTMENT, metrics.horizontalAdvance("W" * 11))
        titles = self.model.headers()
        for column in (
            PickingLinesModel.ORDERED,
            PickingLinesModel.PICKED,
            PickingLinesModel.MISSING_COLUMN,
        ):
            sample = max(titles[column], "00,000 kg", key=metrics.horizontalAdvance)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
        for button in (*self.buttons, self.partial_button, self.keep_button):
            set_font(button, 1.15, zoom, bold=button in (self.ready_button, self.partial_button))
            button.setMinimumHeight(round(56 * zoom))
        self.ready_button.setMinimumWidth(round(200 * zoom))

    # -- what the worker says -------------------------------------------------------------

    def show_session(self, session: PickingSession) -> None:
        same_order = self.session is not None and self.session.order.id == session.order.id
        selected = self._selected_sku() if same_order else None
        self.session = session
        self.confirm.hide()
        order = session.order
        due = moment_text(order.due_at, self._tz) if order.due_at else ""
        self.header.setText(
            " · ".join(p for p in (order.pickup_code, order.customer_name, due) if p)
        )
        self.model.set_picking(session.listing, session.picking, session.sku)
        fit_rows(self.table)
        self._show_progress(session)
        complete = session.picking.complete
        self.progress.setStyleSheet(f"color: {'#1b5e20' if complete else '#8a5a00'};")
        self.ready_button.setStyleSheet(
            "background: #1b5e20; color: white;"
            if complete
            else "background: #1d4f91; color: white;"
        )
        row = self.model.row_of(session.sku or selected)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self.scan_field.setFocus()

    def _show_progress(self, session: PickingSession) -> None:
        lines = session.picking.lines
        done = sum(line.picked >= line.ordered for line in lines)
        self.progress.setText(
            self.tr("%1 / %2 lines").replace("%1", str(done)).replace("%2", str(len(lines)))
        )

    # -- what the staff do ----------------------------------------------------------------

    def _submit_scan(self) -> None:
        code = self.scan_field.text().strip()
        self.scan_field.clear()
        if code:
            self.scanned.emit(code)

    def _selected_sku(self) -> str | None:
        line = self.model.line_at(self.table.currentIndex().row())
        return line.sku if line is not None else None

    def count_selected(self) -> None:
        """The count typed for the selected line: units, or grams / "0,320" kg."""
        line = self.model.line_at(self.table.currentIndex().row())
        if line is None:
            self.problem.emit("usage", self.tr("Select a line, type the count, then Count."))
            return
        quantity = parse_count(self.count_field.text(), line.sold_by)
        if quantity is None:
            self.problem.emit(
                "usage", self.tr("Type the count as a number (grams or kg for goods by weight).")
            )
            return
        self.count_field.clear()
        self.count_requested.emit(line.sku, quantity)

    def request_ready(self) -> None:
        session = self.session
        if session is None:
            return
        if session.picking.complete:
            self.ready_confirmed.emit()
            return
        self._show_missing(session)
        self.confirm.show()

    def _show_missing(self, session: PickingSession) -> None:
        sold_by = {line.sku: line.sold_by for line in session.listing.lines}
        missing = ", ".join(
            f"{quantity_text(count, sold_by[line.sku])} × {line.name}"
            for line, count in session.picking.missing
        )
        self.missing_label.setText(
            self.tr("Still missing: %1. Make it ready anyway? The customer will be told.").replace(
                "%1", missing
            )
        )

    def _confirm_partial(self) -> None:
        self.confirm.hide()
        self.ready_confirmed.emit()

    def _print(self) -> None:
        if self.session is not None:
            self.print_requested.emit(self.session.listing)
