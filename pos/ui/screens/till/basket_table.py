"""The till's basket table, built for a scan burst (issue 18.2).

Fixed column widths (resizing to contents measures every row on every change), Qt's own
cells (``BasketModel``: painting asks Python nothing) and a view that repaints only the
rows a scan appends (``GrowingTable``). Answers landing in one event-loop turn are painted
once: the model takes each at once (``basket_shown`` keeps its order among the worker's
signals), Qt merges the dirty rows and paints them when the turn ends.
"""

from __future__ import annotations

from pos.ui.models.basket_model import BasketModel
from pos.ui.qt import QHeaderView, QTableView, QWidget
from pos.ui.widgets.growing_table import GrowingTable
from pos.ui.widgets.line_note_delegate import LineNoteDelegate
from pos.ui.widgets.tables import row_table

#: The widest text of each fixed column, measured in the table's font.
_SAMPLES = (
    (BasketModel.QUANTITY, "00,000 kg"),
    (BasketModel.UNIT_PRICE, "0 000,00 €"),
    (BasketModel.DISCOUNT, "-000,00 €"),
    (BasketModel.TOTAL, "00 000,00 €"),
)


def basket_table(model: BasketModel, parent: QWidget) -> QTableView:
    """The item's name takes the room left; the other columns keep a fixed width."""
    table = row_table(model, "basketTable", parent, view=GrowingTable)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header.setSectionResizeMode(BasketModel.NAME, QHeaderView.ResizeMode.Stretch)
    table.setItemDelegateForColumn(BasketModel.NAME, LineNoteDelegate(table))
    return table


def size_columns(table: QTableView, zoom: float) -> None:
    """Rows and fixed columns for the table's font at ``zoom`` (once per zoom, not per scan)."""
    table.verticalHeader().setDefaultSectionSize(round(40 * zoom))
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    for column, sample in _SAMPLES:
        header.resizeSection(column, metrics.horizontalAdvance(sample) + 16)
