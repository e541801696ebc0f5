"""The return dialog's "no receipt" page: the article scanned or searched by name, each
listed at what the return gives back (its lowest price on this till these last 30 days,
the service's price), then the quantity, the reason and whether it goes back to stock.
Emits requests; the till worker finds the articles and takes the line back, asking a
manager's approval when the cashier lacks the right."""

from __future__ import annotations

from collections.abc import Callable

from pos.domain.product import SoldBy
from pos.domain.returns import ReturnReason
from pos.services.return_articles import LOWEST_PRICE_DAYS, ReturnArticle
from pos.ui.i18n import Retranslating
from pos.ui.money import format_money
from pos.ui.qt import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)


class NoReceiptPanel(Retranslating, QWidget):
    articles_requested = Signal(str)  # a scanned code or a name typed
    article_chosen = Signal(int, int, str, bool)  # product id, quantity, reason, restock

    def __init__(
        self, reasons: Callable[[], dict[ReturnReason, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("noReceiptPanel")
        self.articles: list[ReturnArticle] = []
        self.field = QLineEdit(self)
        self.field.setObjectName("noReceiptArticleField")
        self.field.returnPressed.connect(self.search)
        self.search_button = QPushButton(self)
        self.search_button.clicked.connect(self.search)
        self.results = QListWidget(self)
        self.results.setObjectName("noReceiptArticles")
        self.results.currentRowChanged.connect(self._chosen)
        self.price_label = QLabel(self)
        self.price_label.setObjectName("noReceiptPrice")
        self.price_label.setWordWrap(True)
        self.quantity = QSpinBox(self)
        self.quantity.setRange(1, 99)
        self.reason = QComboBox(self)
        self.reasons = reasons
        self.restock = QCheckBox(self)
        self.restock.setChecked(True)
        self.reason.currentIndexChanged.connect(
            lambda _i: self.restock.setChecked(self.reason.currentData() != ReturnReason.DEFECTIVE)
        )
        find = QHBoxLayout()
        find.addWidget(self.field, 1)
        find.addWidget(self.search_button)
        self.form = QFormLayout()
        self.quantity_label, self.reason_label = QLabel(self), QLabel(self)
        self.form.addRow(self.quantity_label, self.quantity)
        self.form.addRow(self.reason_label, self.reason)
        self.form.addRow("", self.restock)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(find)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.price_label)
        layout.addLayout(self.form)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.field.setPlaceholderText(self.tr("Scan the article, or type its name"))
        self.search_button.setText(self.tr("Find the article"))
        self.quantity_label.setText(self.tr("Quantity returned"))
        self.reason_label.setText(self.tr("Reason"))
        self.restock.setText(self.tr("Back to stock"))
        current = self.reason.currentData()
        self.reason.clear()
        for reason, label in self.reasons().items():
            self.reason.addItem(label, reason.value)
        if current is not None:
            self.reason.setCurrentIndex(self.reason.findData(current))
        self._chosen(self.results.currentRow())

    def search(self) -> None:
        text = self.field.text().strip()
        if text:
            self.articles_requested.emit(text)

    def show_articles(self, text: str, articles: list[ReturnArticle]) -> None:
        """The worker's answer; an answer to an older text is dropped."""
        if text != self.field.text().strip():
            return
        self.articles = list(articles)
        self.results.clear()
        for article in articles:
            item = QListWidgetItem(f"{article.product.name} — {format_money(article.price_cents)}")
            item.setData(Qt.ItemDataRole.UserRole, article.product.id)
            self.results.addItem(item)
        if articles:
            self.results.setCurrentRow(0)
        else:
            self._chosen(-1)
            self.price_label.setText(self.tr("No article has this code or name."))

    def chosen(self) -> ReturnArticle | None:
        row = self.results.currentRow()
        return self.articles[row] if 0 <= row < len(self.articles) else None

    def _chosen(self, row: int) -> None:
        article = self.articles[row] if 0 <= row < len(self.articles) else None
        if article is None:
            self.price_label.clear()
            return
        weighed = article.product.sold_by is SoldBy.WEIGHT
        self.quantity.setRange(1, 50_000 if weighed else 99)
        self.quantity.setSuffix(" g" if weighed else "")
        self.price_label.setText(
            self.tr("Given back: %1 each, its lowest price at this till over the last %2 days")
            .replace("%1", format_money(article.price_cents))
            .replace("%2", str(LOWEST_PRICE_DAYS))
        )

    def add(self) -> bool:
        """Emit the chosen article's return; False when none is chosen yet."""
        article = self.chosen()
        if article is None:
            self.price_label.setText(self.tr("Scan or find the article first."))
            return False
        self.article_chosen.emit(
            article.product.id, self.quantity.value(), self.reason.currentData(),
            self.restock.isChecked(),
        )  # fmt: skip
        return True
