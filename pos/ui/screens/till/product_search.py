"""Finding a product without its barcode (F2): a name, brand or SKU typed in, the
matches listed as they come, the first taken on Enter.

The search runs on the till worker (``controller.request("search", …)``), debounced so
each keystroke does not query the catalogue; an answer to an older query is dropped.
"""

from __future__ import annotations

from pos.ui.money import format_money
from pos.ui.qt import (
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QObject,
    Qt,
    QTimer,
    QWidget,
    Signal,
)
from pos.ui.till_controller import TillController

SEARCH_DEBOUNCE_MS = 150


class ProductSearch(QObject):
    """The search field and its results list (laid out by the till screen)."""

    results_shown = Signal(int)  # number of products listed
    product_chosen = Signal()  # a product went to the basket: the scan field's turn

    def __init__(self, controller: TillController, parent: QWidget) -> None:
        super().__init__(parent)
        self.controller = controller
        self.field = QLineEdit(parent)
        self.field.setObjectName("searchField")
        self.field.textEdited.connect(self._schedule)
        self.field.returnPressed.connect(self.add_first_result)
        self.results = QListWidget(parent)
        self.results.setObjectName("searchResults")
        self.results.itemActivated.connect(self.add_result)
        self.results.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._run)
        controller.worker.searched.connect(self.show_results)

    def retranslate_ui(self) -> None:
        self.field.setPlaceholderText(self.tr("Search a product by name, brand or SKU (F2)"))

    def focus(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def show_results(self, query: str, products: list) -> None:
        if query != self.field.text().strip():
            return  # an older search answered late
        self.results.clear()
        for product in products:
            item = QListWidgetItem(f"{product.name} — {format_money(product.price_cents)}")
            item.setData(Qt.ItemDataRole.UserRole, product.id)
            self.results.addItem(item)
        self.results.setVisible(bool(products))
        self.results_shown.emit(len(products))

    def add_result(self, item: QListWidgetItem) -> None:
        self.controller.request("add_product", item.data(Qt.ItemDataRole.UserRole), 1)
        self.field.clear()
        self.results.clear()
        self.results.hide()
        self.product_chosen.emit()

    def add_first_result(self) -> None:
        if self.results.count():
            self.add_result(self.results.item(0))

    def _schedule(self) -> None:
        self._timer.start(SEARCH_DEBOUNCE_MS)

    def _run(self) -> None:
        query = self.field.text().strip()
        if len(query) >= 2:
            self.controller.request("search", query)
        else:
            self.results.clear()
            self.results.hide()
