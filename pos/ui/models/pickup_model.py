"""The pickup desk as Qt tables: the orders of a list, an order's lines, and the lines
being picked with what is still missing; and how an order reads (state names, times in
the store's time, quantities), so it reads the same in every view.

Each model holds the last snapshot the pickup worker sent (immutable domain objects)
and repaints from it; none of them reads the store or decides anything.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from hardware.receipt.formatting import SHOP_TIME_ZONE
from pos.domain.pickup import Picking, PickupLine, PickupState
from pos.domain.product import SoldBy
from pos.domain.quantity import line_gross
from pos.services.pickup_desk import DeskLine, DeskOrder, PickingLine, PickingList
from pos.ui.money import format_money
from pos.ui.qt import (
    QAbstractTableModel,
    QColor,
    QCoreApplication,
    QDate,
    QFont,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
)

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
MISSING = QColor("#fff1c2")  # amber: still to fetch
DONE = QColor("#e3f4e4")  # green: complete
LATE = QColor("#b00020")
UNSYNCED_MARK = "●"
SHORT_MARK = "⚠"


def state_text(state: PickupState | str) -> str:
    """A state as staff say it; an unknown value is shown as it is."""
    names = {
        "received": QCoreApplication.translate("PickupStates", "Received"),
        "preparing": QCoreApplication.translate("PickupStates", "Preparing"),
        "ready": QCoreApplication.translate("PickupStates", "Ready"),
        "collected": QCoreApplication.translate("PickupStates", "Collected"),
        "partially_collected": QCoreApplication.translate("PickupStates", "Partly collected"),
        "cancelled": QCoreApplication.translate("PickupStates", "Cancelled"),
        "expired": QCoreApplication.translate("PickupStates", "Expired"),
    }
    return names.get(str(state), str(state))


def short_text(line: DeskLine) -> str:
    """What a line lacks at this store: "1 × Tasse bleue" (grams as "0,250 kg")."""
    return f"{quantity_text(line.short_quantity, line.sold_by)} × {line.name}"


def _local(stamp: str | None, tz: tzinfo | None) -> datetime | None:
    try:
        # None: the store's time (Europe/Paris), never the machine's (a UTC server's).
        return datetime.fromisoformat(stamp).astimezone(tz or SHOP_TIME_ZONE) if stamp else None
    except ValueError:
        return None


def day_text(stamp: str | None, tz: tzinfo | None = None) -> str:
    """A central UTC stamp's day in the store's time: "mar. 25 nov." / "Tue 25 Nov"."""
    moment = _local(stamp, tz)
    if moment is None:
        return stamp or ""
    return QLocale().toString(QDate(moment.year, moment.month, moment.day), "ddd d MMM")


def time_text(stamp: str | None, tz: tzinfo | None = None) -> str:
    moment = _local(stamp, tz)
    if moment is None:
        return ""
    return QLocale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)


def moment_text(stamp: str | None, tz: tzinfo | None = None) -> str:
    return f"{day_text(stamp, tz)} {time_text(stamp, tz)}".strip()


def quantity_text(quantity: int | None, sold_by: SoldBy) -> str:
    """ "3", or "0,452 kg" for grams of goods sold by weight (the user's decimal point)."""
    if quantity is None:
        return ""
    if sold_by is SoldBy.WEIGHT:
        kilos, grams = divmod(quantity, 1000)
        return f"{kilos}{QLocale().decimalPoint()}{grams:03d} kg"
    return str(quantity)


class _Table(QAbstractTableModel):
    """Rows from a tuple, headers from ``headers()``: what the three tables share."""

    RIGHT_COLUMNS: frozenset[int] = frozenset()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Any, ...] = ()

    def headers(self) -> list[str]:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def _reset(self, rows: tuple[Any, ...]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not 0 <= index.row() < len(self._rows):
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if index.column() in self.RIGHT_COLUMNS else LEFT
        return self._data(self._rows[index.row()], index.column(), role)

    def _data(self, row: Any, column: int, role: int) -> Any:
        raise NotImplementedError


class PickupOrdersModel(_Table):
    """One order a row, on two lines: code and number, name and phone, pickup day and
    time, total and number of lines, state (● while central has not heard of a move)."""

    ORDER, CUSTOMER, DUE, TOTAL, STATE = range(5)
    RIGHT_COLUMNS = frozenset({TOTAL})

    def __init__(self, tz: tzinfo | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self._overdue: frozenset[str] = frozenset()

    def headers(self) -> list[str]:
        return [
            self.tr("Order"),
            self.tr("Customer"),
            self.tr("Pickup"),
            self.tr("Total"),
            self.tr("State"),
        ]

    def set_orders(self, orders: tuple[DeskOrder, ...], overdue: frozenset[str]) -> None:
        self._overdue = overdue
        self._reset(orders)

    def lines_text(self, count: int) -> str:
        return self.tr("%1 line(s)").replace("%1", str(count))

    def order_at(self, row: int) -> DeskOrder | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, order_id: str) -> int:
        return next((row for row, o in enumerate(self._rows) if o.id == order_id), -1)

    def _data(self, order: DeskOrder, column: int, role: int) -> Any:
        if role == DISPLAY:
            return self._text(order, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.DUE:
            return LATE if order.id in self._overdue else None
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE:
            return LATE if order.is_open and order.short_lines else None
        if role == Qt.ItemDataRole.ToolTipRole and column == self.STATE and order.unsynced:
            return self.tr("Not sent to the central server yet")
        return None

    def _text(self, order: DeskOrder, column: int) -> str:
        if column == self.ORDER:
            return f"{order.pickup_code}\n{order.id}"
        if column == self.CUSTOMER:
            return f"{order.customer_name}\n{order.customer_phone}".strip()
        if column == self.DUE:
            if order.due_at is None:
                return self.tr("any time")
            return f"{day_text(order.due_at, self._tz)}\n{time_text(order.due_at, self._tz)}"
        if column == self.TOTAL:
            return f"{format_money(order.total_cents)}\n{self.lines_text(len(order.lines))}"
        mark = f" {UNSYNCED_MARK}" if order.unsynced else ""
        if order.is_open and order.short_lines:  # still to prepare: the store lacks some
            # One short word: the state column is narrow at 1024×768 (the detail says more).
            short = self.tr("Short")
            return f"{state_text(order.state)}{mark}\n{SHORT_MARK} {short}"
        return state_text(order.state) + mark


class OrderLinesModel(_Table):
    """An order's lines: what was ordered, and once picked, what is to be handed over
    (a line short of its order shows "picked / ordered" and is highlighted)."""

    ITEM, QUANTITY, UNIT_PRICE, TOTAL = range(4)
    RIGHT_COLUMNS = frozenset({QUANTITY, UNIT_PRICE, TOTAL})

    def headers(self) -> list[str]:
        return [self.tr("Item"), self.tr("Qty"), self.tr("Unit price"), self.tr("Total")]

    def set_order(self, order: DeskOrder | None) -> None:
        self._reset(order.lines if order is not None else ())

    def _data(self, line: DeskLine, column: int, role: int) -> Any:
        short = line.picked_quantity is not None and line.picked_quantity < line.quantity
        if role == Qt.ItemDataRole.BackgroundRole:
            return MISSING if short or line.short_quantity else None
        if role == Qt.ItemDataRole.ForegroundRole and column in (self.ITEM, self.QUANTITY):
            return LATE if line.short_quantity else None
        if role == Qt.ItemDataRole.ToolTipRole and line.short_quantity:
            # Placed while the store lacked it: how many are missing here.
            lacking = quantity_text(line.short_quantity, line.sold_by)
            return self.tr("Short of stock: %1 missing").replace("%1", lacking)
        if role != DISPLAY:
            return None
        count = line.quantity if line.picked_quantity is None else line.picked_quantity
        if column == self.ITEM:
            return line.name
        if column == self.QUANTITY:
            text = quantity_text(count, line.sold_by)
            if short:
                text = f"{text} / {quantity_text(line.quantity, line.sold_by)}"
            return f"{SHORT_MARK} {text}" if line.short_quantity else text
        if column == self.UNIT_PRICE:
            return format_money(line.unit_price_cents)
        return format_money(line_gross(line.unit_price_cents, count, line.sold_by))


class PickingLinesModel(_Table):
    """The lines to fetch with their department, ordered, picked and missing counts."""

    ITEM, DEPARTMENT, ORDERED, PICKED, MISSING_COLUMN = range(5)
    RIGHT_COLUMNS = frozenset({ORDERED, PICKED, MISSING_COLUMN})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._picked: dict[str, PickupLine] = {}
        self._last_sku: str | None = None

    def headers(self) -> list[str]:
        return [
            self.tr("Item"),
            self.tr("Department"),
            self.tr("Ordered"),
            self.tr("Picked"),
            self.tr("Missing"),
        ]

    def set_picking(self, listing: PickingList, picking: Picking, last_sku: str | None) -> None:
        self._picked = {line.sku: line for line in picking.lines}
        self._last_sku = last_sku
        self._reset(listing.lines)

    def line_at(self, row: int) -> PickingLine | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, sku: str | None) -> int:
        return next((row for row, ln in enumerate(self._rows) if ln.sku == sku), -1)

    def _data(self, line: PickingLine, column: int, role: int) -> Any:
        picked = self._picked[line.sku].picked if line.sku in self._picked else 0
        missing = max(line.quantity - picked, 0)
        if role == Qt.ItemDataRole.BackgroundRole:
            return MISSING if missing else DONE
        if role == Qt.ItemDataRole.FontRole and line.sku == self._last_sku:
            font = QFont()
            font.setBold(True)
            return font
        if role != DISPLAY:
            return None
        if column == self.ITEM:
            return f"{line.name}\n{line.sku}"
        if column == self.DEPARTMENT:
            return line.department
        counts = {self.ORDERED: line.quantity, self.PICKED: picked, self.MISSING_COLUMN: missing}
        if column == self.MISSING_COLUMN and not missing:
            return "✓"
        return quantity_text(counts[column], line.sold_by)
