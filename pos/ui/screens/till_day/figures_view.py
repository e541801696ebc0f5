"""A report's figures on screen: labels on the left, amounts right-aligned, headings bold,
totals larger, an over in green and a short in red. Read-only, touch-scrollable."""

from __future__ import annotations

from pos.ui.qt import QAbstractItemView, QColor, QHeaderView, Qt, QTableWidget, QTableWidgetItem
from pos.ui.screens.till_day.labels import Row
from pos.ui.zoom import set_font

_COLOURS = {"over": QColor("#1b5e20"), "short": QColor("#b00020")}
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class FiguresView(QTableWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(0, 2, parent)
        self.setObjectName("figuresView")
        self.rows: list[Row] = []
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setWordWrap(False)  # one line a row: a label never makes a row grow
        set_font(self, 1.15, 1.0)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(round(self.fontMetrics().height() * 1.6))

    def show_rows(self, rows: list[Row]) -> None:
        self.rows = list(rows)
        self.setRowCount(len(rows))
        for index, (label, value, style) in enumerate(rows):
            name, amount = QTableWidgetItem(label), QTableWidgetItem(value)
            amount.setTextAlignment(_RIGHT)
            for item in (name, amount):
                font = item.font()
                font.setBold(style in ("heading", "total", "over", "short"))
                if style == "total":
                    font.setPointSizeF(font.pointSizeF() * 1.2)
                item.setFont(font)
                if style in _COLOURS:
                    item.setForeground(_COLOURS[style])
            self.setItem(index, 0, name)
            self.setItem(index, 1, amount)

    def value(self, label: str) -> str:
        """The value shown on the row whose label is ``label`` (for tests and checks)."""
        for name, value, _style in self.rows:
            if name == label:
                return value
        raise KeyError(label)
