"""The basket table stays cheap during a scan burst (issue 18.2): structure, not timing.

A scan inserts one row (never a model reset), no column measures its rows, painting asks
Python nothing, and a row appended repaints that row, not the rows already shown.
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from pos.services.basket_view import BasketView, LineView
from pos.ui.models.basket_model import BasketModel
from pos.ui.money import format_money
from pos.ui.qt import (
    QApplication,
    QEvent,
    QHeaderView,
    QObject,
    QStandardItemModel,
    Qt,
    QVBoxLayout,
    QWidget,
)
from pos.ui.screens.till.basket_table import basket_table, size_columns
from pos.ui.widgets.line_note_delegate import NOTE_ROLE


def line(line_id: int, quantity: int = 1, *, voided: bool = False) -> LineView:
    cents = 129 * quantity
    promotions = (("3 pour 2", 40),) if line_id % 4 == 0 else ()
    return LineView(line_id, f"Yaourt nature n°{line_id}", str(quantity), quantity, "unit",
                    129, 0, cents, voided, promotions=promotions)  # fmt: skip


def basket(*lines: LineView) -> BasketView:
    last = lines[-1].line_id if lines else None
    return BasketView("sale-1", lines, 0, 0, 0, (), len(lines), 0, 0, 0, last)


class Signals:
    """What the model told its views."""

    def __init__(self, model: BasketModel) -> None:
        self.seen: list[tuple] = []
        model.modelReset.connect(lambda: self.seen.append(("reset",)))
        model.rowsInserted.connect(lambda _p, first, last: self.seen.append(("rows", first, last)))
        model.rowsRemoved.connect(lambda _p, top, end: self.seen.append(("removed", top, end)))
        model.dataChanged.connect(
            lambda top, bottom, _roles: self.seen.append(("data", top.row(), bottom.row()))
        )


def test_a_scan_inserts_its_row_and_a_change_words_only_its_row(qtbot: QtBot) -> None:
    model = BasketModel()
    signals = Signals(model)
    lines = [line(1), line(2)]
    model.set_view(basket(*lines))
    assert signals.seen == [("rows", 0, 0), ("rows", 1, 1)]
    signals.seen.clear()
    model.set_view(basket(*lines, line(3)))  # a scan
    assert signals.seen == [("rows", 2, 2)]
    signals.seen.clear()
    model.set_view(basket(line(1), line(2, 2), line(3)))  # the same article again
    assert {event[0] for event in signals.seen} == {"data"}
    assert {event[1] for event in signals.seen} == {1}
    assert len(signals.seen) == 2  # its quantity and total; its name and prices stay
    assert model.index(1, BasketModel.QUANTITY).data() == "2"
    assert ("reset",) not in signals.seen
    signals.seen.clear()
    model.set_view(basket())  # the next sale: the rows go, no reset either
    assert signals.seen == [("removed", 0, 2)] and model.rowCount() == 0


def test_cells_are_qt_items_worded_once(qtbot: QtBot) -> None:
    """Painting reads Qt's cells: no Python ``data()`` is called per cell per repaint."""
    assert BasketModel.data is QStandardItemModel.data
    model = BasketModel()
    model.set_view(basket(line(1), line(4), line(5, voided=True)))
    assert model.index(1, BasketModel.NAME).data(NOTE_ROLE) == f"3 pour 2 −{format_money(40)}"
    assert model.index(0, BasketModel.NAME).data(NOTE_ROLE) == ""
    struck = model.index(2, BasketModel.TOTAL).data(Qt.ItemDataRole.FontRole)
    assert struck is not None and struck.strikeOut()


def test_no_column_is_sized_to_its_contents(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    table = basket_table(BasketModel(parent), parent)
    header = table.horizontalHeader()
    modes = [header.sectionResizeMode(column) for column in range(5)]
    assert QHeaderView.ResizeMode.ResizeToContents not in modes
    assert modes[BasketModel.NAME] == QHeaderView.ResizeMode.Stretch


class Paints(QObject):
    """The height of each region painted on the table's viewport."""

    def __init__(self) -> None:
        super().__init__()
        self.heights: list[int] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.heights.append(event.region().boundingRect().height())
        return False


def test_rows_appended_repaint_themselves_not_the_rows_shown(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    model = BasketModel(window)
    table = basket_table(model, window)
    QVBoxLayout(window).addWidget(table)
    size_columns(table, 1.0)
    window.resize(700, 900)
    window.show()
    qtbot.waitExposed(window)
    paints = Paints()
    table.viewport().installEventFilter(paints)
    lines = [line(n) for n in range(1, 6)]
    model.set_view(basket(*lines))
    qtbot.waitUntil(lambda: bool(paints.heights), timeout=2000)  # the first rows, shown
    paints.heights.clear()
    row = table.rowHeight(0)
    for n in (6, 7):  # two scans answered in one event-loop turn
        lines.append(line(n))
        model.set_view(basket(*lines))
        table.selectRow(n - 1)
        table.scrollTo(model.index(n - 1, 0))
    qtbot.waitUntil(lambda: bool(paints.heights), timeout=2000)
    QApplication.processEvents()  # the turn after: nothing more to paint
    assert len(paints.heights) == 1, paints.heights  # one paint for the turn
    assert paints.heights[0] <= 3 * row < table.viewport().height()  # not the rows shown
    paints.heights.clear()
    model.set_view(basket(*lines[:3]))  # lines removed: everything below moved
    qtbot.waitUntil(lambda: bool(paints.heights), timeout=2000)
    assert max(paints.heights) >= table.viewport().height() - 1
