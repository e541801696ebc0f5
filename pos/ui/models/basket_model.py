"""The basket as a Qt table: one row per line, voided lines struck through.

The model holds the last ``BasketView`` from the worker and shows it; it never computes
a price (the domain did). Its cells are Qt's own items (a ``QStandardItemModel``), worded
once when a line changes: painting the table then asks Python nothing, where a Python
``data()`` was called some 500 times per scan, each repaint of the visible rows (issue
18.2). A scan inserts or updates its row; only a new sale or a removed line resets rows.
"""

from __future__ import annotations

from pos.services.basket_view import BasketView, LineView
from pos.ui.money import format_money
from pos.ui.qt import QColor, QFont, QStandardItem, QStandardItemModel, Qt
from pos.ui.return_messages import sale_day
from pos.ui.widgets.line_note_delegate import NOTE_KIND_ROLE, NOTE_ROLE, PROMOTION_NOTE

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_DISPLAY = Qt.ItemDataRole.DisplayRole
_GRAY = QColor(Qt.GlobalColor.gray)  # a voided line's text


class BasketModel(QStandardItemModel):
    NAME, QUANTITY, UNIT_PRICE, DISCOUNT, TOTAL = range(5)

    def __init__(self, parent=None) -> None:
        super().__init__(0, 5, parent)
        self._lines: tuple[LineView, ...] = ()
        self.retranslate_ui()

    def headers(self) -> list[str]:
        return [
            self.tr("Item"),
            self.tr("Qty"),
            self.tr("Unit price"),
            self.tr("Discount"),
            self.tr("Total"),
        ]

    def retranslate_ui(self) -> None:
        """Headers and cells worded again (a voided line, a return's origin)."""
        self.setHorizontalHeaderLabels(self.headers())
        for row, line in enumerate(self._lines):
            self._word_row(row, line)

    def set_view(self, view: BasketView) -> None:
        """Change only what changed: a scan appends one row (``rowsInserted``) or words
        one again (``dataChanged``); the table is never reset for it."""
        old, new = self._lines, view.lines
        if len(new) < len(old) or any(
            a.line_id != b.line_id for a, b in zip(old, new, strict=False)
        ):
            self.removeRows(0, self.rowCount())
            old = ()
        self._lines = new
        for row, (a, b) in enumerate(zip(old, new, strict=False)):
            if a != b:
                self._word_row(row, b)
        for row in range(len(old), len(new)):  # each worded before it shows
            self.insertRow(row, [self._new_cell(new[row], column) for column in range(5)])

    def _new_cell(self, line: LineView, column: int) -> QStandardItem:
        item = QStandardItem()
        item.setEditable(False)
        if column != self.NAME:
            item.setData(_RIGHT, Qt.ItemDataRole.TextAlignmentRole)
        self._word_cell(item, line, column)
        return item

    def _word_row(self, row: int, line: LineView) -> None:
        for column in range(5):
            item = self.item(row, column)
            if item is not None:
                self._word_cell(item, line, column)

    def _word_cell(self, item: QStandardItem, line: LineView, column: int) -> None:
        item.setData(self._text(line, column), _DISPLAY)  # the same text: no repaint
        if line.voided != (item.data(Qt.ItemDataRole.ForegroundRole) is not None):
            font = QFont()
            font.setStrikeOut(True)
            item.setData(font if line.voided else None, Qt.ItemDataRole.FontRole)
            item.setData(_GRAY if line.voided else None, Qt.ItemDataRole.ForegroundRole)
        if column != self.NAME:
            return
        note = self.origin_text(line) or self.order_text(line) or self.promotions_text(line)
        item.setData(note, NOTE_ROLE)
        item.setData(PROMOTION_NOTE if line.origin is None and line.promotions else "",
                     NOTE_KIND_ROLE)  # fmt: skip
        tip = "\n".join(filter(None, (line.name, self.promotions_text(line))))  # the note uncut
        item.setData(tip or None, Qt.ItemDataRole.ToolTipRole)

    def line_at(self, row: int) -> LineView | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def row_of(self, line_id: int | None) -> int:
        for row, line in enumerate(self._lines):
            if line.line_id == line_id:
                return row
        return -1

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
