"""The house table: whole rows, read only, never taking the focus from a scan field."""

from __future__ import annotations

from pos.ui.qt import (
    QAbstractItemModel,
    QAbstractItemView,
    QHeaderView,
    Qt,
    QTableView,
    QWidget,
)


def row_table(
    model: QAbstractItemModel, name: str, parent: QWidget, *, selectable: bool = True
) -> QTableView:
    """A table of whole rows for touch and scanner use: no row numbers, no editing, and
    no focus (the scanner's keys stay in the scan field)."""
    table = QTableView(parent)
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
