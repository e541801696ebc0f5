"""The basket as a Qt table: one row per line, voided lines struck through.

The model holds the last ``BasketView`` from the worker and repaints from it; it never
computes a price (the domain did).
"""

from __future__ import annotations

from typing import Any

from pos.services.basket_view import BasketView, LineView
from pos.ui.money import format_money
from pos.ui.qt import QAbstractTableModel, QFont, QModelIndex, QPersistentModelIndex, Qt
from pos.ui.return_messages import sale_day
from pos.ui.widgets.line_note_delegate import NOTE_KIND_ROLE, NOTE_ROLE, PROMOTION_NOTE

Index = QModelIndex | QPersistentModelIndex


class BasketModel(QAbstractTableModel):
    NAME, QUANTITY, UNIT_PRICE, DISCOUNT, TOTAL = range(5)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._lines: tuple[LineView, ...] = ()

    def headers(self) -> list[str]:
        return [
            self.tr("Item"),
            self.tr("Qty"),
            self.tr("Unit price"),
            self.tr("Discount"),
            self.tr("Total"),
        ]

    def set_view(self, view: BasketView) -> None:
        """Repaint only what changed: a scan adds or updates one row, not the table."""
        old, new = self._lines, view.lines
        if len(new) < len(old) or any(
            a.line_id != b.line_id for a, b in zip(old, new, strict=False)
        ):
            self.beginResetModel()
            self._lines = new
            self.endResetModel()
            return
        changed = [row for row, (a, b) in enumerate(zip(old, new, strict=False)) if a != b]
        if len(new) > len(old):
            self.beginInsertRows(QModelIndex(), len(old), len(new) - 1)
            self._lines = new
            self.endInsertRows()
        else:
            self._lines = new
        for row in changed:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def line_at(self, row: int) -> LineView | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def row_of(self, line_id: int | None) -> int:
        for row, line in enumerate(self._lines):
            if line.line_id == line_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self.line_at(index.row())
        if line is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, column)
        if role == NOTE_ROLE and column == self.NAME:
            return self.origin_text(line) or self.order_text(line) or self.promotions_text(line)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NAME:  # the note uncut
            return "\n".join(filter(None, (line.name, self.promotions_text(line)))) or None
        if role == NOTE_KIND_ROLE and column == self.NAME:
            return PROMOTION_NOTE if line.origin is None and line.promotions else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and line.voided:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and line.voided:
            return Qt.GlobalColor.gray
        return None

    def origin_text(self, line: LineView) -> str:
        """A returned line's origin under its name: "Retour · T02 n°41 du 03/12", or
        "Retour · sans ticket"; "" for a line sold."""
        origin = line.origin
        if origin is None:
            return ""
        if origin.no_receipt:
            return self.tr("Return · no receipt")
        if not origin.sold_at:
            return self.tr("Return · %1").replace("%1", origin.label)
        return (
            self.tr("Return · %1 from %2")
            .replace("%1", origin.label)
            .replace("%2", sale_day(origin.sold_at, "%d/%m"))
        )

    def order_text(self, line: LineView) -> str:
        """A line paying a customer order: "Commande K7M2-Q9XD · à retirer à Paris
        Rivoli", or "… · livrée à domicile" (the goods are not handed over here)."""
        order = line.customer_order
        if order is None:
            return ""
        if order.fulfilment == "pickup":
            text = self.tr("Order %1 · to collect at %2").replace("%2", order.location_name)
        else:
            text = self.tr("Order %1 · home delivery")
        return text.replace("%1", order.label or order.order_id)

    @staticmethod
    def promotions_text(line: LineView) -> str:
        """The promotions on a line under its name: "3 pour 2 sur les yaourts −1,20 €"
        (their names are the store's, as central wrote them); "" for none."""
        if line.voided:
            return ""
        return "  ·  ".join(f"{name} −{format_money(cents)}" for name, cents in line.promotions)

    def _text(self, line: LineView, column: int) -> str:
        if column == self.NAME:
            return line.name
        if column == self.QUANTITY:
            return line.quantity_text
        if column == self.UNIT_PRICE:
            return format_money(line.unit_price_cents)
        if column == self.DISCOUNT:
            return f"-{format_money(line.discount_cents)}" if line.discount_cents else ""
        return self.tr("voided") if line.voided else format_money(line.total_cents)
