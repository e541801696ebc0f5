"""The house table: whole rows, read only, never taking the focus from a scan field."""

from __future__ import annotations

from pos.ui.qt import (
    QAbstractItemModel,
    QAbstractItemView,
    QHeaderView,
    Qt,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)


def row_table(
    model: QAbstractItemModel,
    name: str,
    parent: QWidget,
    *,
    selectable: bool = True,
    view: type[QTableView] = QTableView,
) -> QTableView:
    """A table of whole rows for touch and scanner use: no row numbers, no editing, and
    no focus (the scanner's keys stay in the scan field). ``view``: its class."""
    table = view(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.SingleSelection
        if selectable
        else QAbstractItemView.SelectionMode.NoSelection
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.verticalHeader().hide()
    return table


def stretch_column(table: QTableView, column: int) -> None:
    """Columns sized to their contents, ``column`` (the item's name) taking the rest."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def text_table(
    parent: QWidget, columns: int, name: str, *, stretch: int = 0, selectable: bool = False
) -> QTableWidget:
    """A dialog's read-only table of text rows: no row numbers, no editing, ``stretch``
    taking the room left; ``selectable`` lets one whole row be chosen, else it is a list to
    read that never takes the focus."""
    table = QTableWidget(0, columns, parent)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    if selectable:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    else:
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def fill_rows(
    table: QTableWidget, rows: list[tuple[str, ...]], right_from: int | None = None
) -> None:
    """``rows`` as the table's cells; columns from ``right_from`` on aligned right."""
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if right_from is not None and column >= right_from:
                item.setTextAlignment(_RIGHT)
            table.setItem(row, column, item)
