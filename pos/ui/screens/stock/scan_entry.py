"""What the receiving and transfer dialogs share: the scan line (a quantity for the next
scan and a field a wedge scanner types into; the quantity goes back to 1 after each code,
as a till's quantity key does, so one slip never repeats), the lines' table, and the
bookkeeping of requests sent to the stock worker."""

from __future__ import annotations

from typing import Any

from pos.domain.receiving import MAX_SCAN_UNITS
from pos.ui.i18n import Retranslating
from pos.ui.qt import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
    Signal,
)
from pos.ui.zoom import set_font


class ScanEntry(Retranslating, QWidget):
    scanned = Signal(str, int)  # code, quantity

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.quantity_label = QLabel(self)
        self.quantity = QSpinBox(self)
        self.quantity.setObjectName("scanQuantity")
        self.quantity.setRange(1, MAX_SCAN_UNITS)
        self.field = QLineEdit(self)
        self.field.setObjectName("scanField")
        self.field.setClearButtonEnabled(True)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("scanAdd")
        for widget in (self.quantity, self.field, self.add_button):
            widget.setMinimumHeight(44)
            set_font(widget, 1.15, 1.0)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.quantity_label)
        row.addWidget(self.quantity)
        row.addWidget(self.field, 1)
        row.addWidget(self.add_button)
        self.field.returnPressed.connect(self.submit)
        self.add_button.clicked.connect(self.submit)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.quantity_label.setText(self.tr("Quantity"))
        self.field.setPlaceholderText(self.tr("Scan or type a barcode or SKU"))
        self.add_button.setText(self.tr("Add"))

    def scan(self, code: str) -> None:
        """A scanner's code routed here by the screen (the app-wide scanner filter)."""
        self.field.setText(code)
        self.submit()

    def submit(self) -> None:
        code = self.field.text().strip()
        if not code:
            return
        quantity = self.quantity.value()
        self.field.clear()
        self.quantity.setValue(1)
        self.field.setFocus()
        self.scanned.emit(code, quantity)


class WorkerRequests:
    """A dialog's requests to the stock worker: ``_pending`` counts those sent and not yet
    answered (a fast scanner sends several before the first answer), so a refusal is this
    dialog's exactly when one is pending. ``_links`` are disconnected when it closes."""

    controller: Any
    _links: tuple[tuple[Any, Any], ...] = ()
    _pending = 0

    def _connect(self, *links: tuple[Any, Any]) -> None:
        self._links = links
        for signal, slot in links:
            signal.connect(slot)

    def _disconnect(self, _result: int) -> None:
        for signal, slot in self._links:
            signal.disconnect(slot)

    def _ask(self, name: str, *args: object) -> None:
        self._pending += 1
        self.controller.request(name, *args)

    def _answered(self) -> None:
        self._pending = max(self._pending - 1, 0)
