"""One article's stock on the stock screen: the figures, how old central's part is, and
its last movements with who made them and why."""

from __future__ import annotations

from datetime import UTC, datetime

from pos.domain.product import SoldBy
from pos.services.stock_desk import StockDetail
from pos.ui.i18n import Retranslating
from pos.ui.qt import (
    QAbstractItemView,
    QCoreApplication,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLocale,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from pos.ui.zoom import set_font

_COLUMNS = 5  # when, change, reason, by, note


def quantity_text(value: int | None, sold_by: SoldBy) -> str:
    """Units as a whole number, weighed goods in kilograms; None as a dash (unknown)."""
    if value is None:
        return "—"
    locale = QLocale()
    if sold_by is SoldBy.WEIGHT:
        return f"{locale.toString(value / 1000, 'f', 3)} kg"
    return locale.toString(value)


def reason_text(reason: str) -> str:
    """A movement's reason in the staff's words (an unknown one as it came)."""
    words = {
        "sale": QCoreApplication.translate("Stock", "Sale"),
        "return": QCoreApplication.translate("Stock", "Return"),
        "damage": QCoreApplication.translate("Stock", "Damaged / broken"),
        "breakage": QCoreApplication.translate("Stock", "Damaged / broken"),
        "theft": QCoreApplication.translate("Stock", "Theft"),
        "found": QCoreApplication.translate("Stock", "Found"),
        "sample": QCoreApplication.translate("Stock", "Sample"),
        "own_use": QCoreApplication.translate("Stock", "Own use"),
        "receipt": QCoreApplication.translate("Stock", "Delivery"),
        "count": QCoreApplication.translate("Stock", "Count"),
        "transfer": QCoreApplication.translate("Stock", "Transfer"),
        "correction": QCoreApplication.translate("Stock", "Correction"),
    }
    return words.get(reason, reason)


def age_text(figures_at: str | None, online: bool | None, now: datetime | None = None) -> str:
    """How old central's figures are; offline, the sentence says so."""
    if figures_at is None:
        return QCoreApplication.translate(
            "Stock", "No stock figures from the central server yet: local movements only."
        )
    at = datetime.fromisoformat(figures_at.replace("Z", "+00:00"))
    minutes = max(int(((now or datetime.now(UTC)) - at).total_seconds() // 60), 0)
    if minutes < 60:
        ago = QCoreApplication.translate("Stock", "%1 min ago").replace("%1", str(minutes))
    elif minutes < 48 * 60:
        ago = QCoreApplication.translate("Stock", "%1 h ago").replace("%1", str(minutes // 60))
    else:
        days = str(minutes // (24 * 60))
        ago = QCoreApplication.translate("Stock", "%1 days ago").replace("%1", days)
    local = QLocale().toString(at.astimezone(), QLocale.FormatType.ShortFormat)
    text = (
        QCoreApplication.translate("Stock", "Central figures of %1 (%2).")
        .replace("%1", local)
        .replace("%2", ago)
    )
    if online is False:
        text += " " + QCoreApplication.translate(
            "Stock", "Offline: this till's own sales and adjustments are counted since."
        )
    return text


class StockDetailPanel(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: StockDetail | None = None
        self.online: bool | None = None
        self.title = QLabel(self)
        self.title.setObjectName("stockTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.figures = QFormLayout()
        self.values = {
            key: QLabel(self) for key in ("on_hand", "reserved", "available", "incoming")
        }
        self.captions = {key: QLabel(self) for key in self.values}
        for key, value in self.values.items():
            value.setObjectName(f"stock_{key}")
            set_font(value, 1.25, 1.0, bold=True)
            set_font(self.captions[key], 1.1, 1.0)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.figures.addRow(self.captions[key], value)
        self.age = QLabel(self)
        self.age.setObjectName("stockAge")
        self.age.setWordWrap(True)
        self.history_label = QLabel(self)
        self.history = QTableWidget(0, _COLUMNS, self)
        self.history.setObjectName("stockMovements")
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history.verticalHeader().hide()
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.figures)
        layout.addWidget(self.age)
        layout.addWidget(self.history_label)
        layout.addWidget(self.history, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        for key, text in (
            ("on_hand", self.tr("On hand")),
            ("reserved", self.tr("Reserved (pickups, web)")),
            ("available", self.tr("Available")),
            ("incoming", self.tr("Incoming (deliveries)")),
        ):
            self.captions[key].setText(text)
        self.history_label.setText(self.tr("Last movements"))
        self.history.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Change"), self.tr("Reason"), self.tr("By"), self.tr("Note")]
        )
        self.show_detail(self.detail)

    def set_online(self, online: bool | None) -> None:
        self.online = online
        if self.detail is not None:
            self.age.setText(age_text(self.detail.figures_at, online))

    def show_detail(self, detail: StockDetail | None) -> None:
        self.detail = detail
        if detail is None:
            self.title.setText(self.tr("Search an article, or scan it."))
            for value in self.values.values():
                value.clear()
            self.age.clear()
            self.history.setRowCount(0)
            return
        product, level, sold_by = detail.product, detail.level, detail.product.sold_by
        self.title.setText(f"{product.name}\n{product.sku}")
        figures = {
            "on_hand": level.on_hand,
            "reserved": level.reserved,
            "available": level.available,
            "incoming": detail.incoming,
        }
        for key, value in figures.items():
            self.values[key].setText(quantity_text(value, sold_by))
        negative = level.on_hand < 0
        self.values["on_hand"].setStyleSheet(
            "color: #b00020; font-weight: bold;" if negative else ""
        )
        self.age.setText(age_text(detail.figures_at, self.online))
        self._show_movements(detail)

    def _show_movements(self, detail: StockDetail) -> None:
        rows = detail.movements
        self.history.setRowCount(len(rows))
        for row, move in enumerate(rows):
            at = datetime.fromisoformat(move.at.replace("Z", "+00:00")).astimezone()
            who = move.author
            if move.approved_by:
                who = (
                    self.tr("%1 (approved by %2)")
                    .replace("%1", who)
                    .replace("%2", move.approved_by)
                )
            delta = quantity_text(move.delta, detail.product.sold_by)
            cells = (
                QLocale().toString(at, QLocale.FormatType.ShortFormat),
                delta if move.delta < 0 else f"+{delta}",
                reason_text(move.reason),
                who,
                move.note,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.history.setItem(row, column, item)
