"""A table whose rows arrive at its end (the basket): a new row repaints that row only.

Qt's item views lay their items out again after any row insertion and then repaint the
whole viewport: at a till every scan repainted every visible line of the basket, several
milliseconds of text shaping on the GUI thread per article (issue 18.2). When the rows
since the last layout were only appended, nothing already shown moved: the geometry is
updated and only the new rows are marked dirty (scrolling to them blits the rest). Any
other change (rows removed or moved, a reset, a new font) lays out and repaints as Qt does.
"""

from __future__ import annotations

from pos.ui.qt import QAbstractItemModel, QEvent, QModelIndex, QTableView, QWidget

_RESHAPING = (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.LayoutDirectionChange)


class GrowingTable(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._appended_from: int | None = None  # first row appended since the last layout
        self._whole = True  # the next layout repaints everything

    def setModel(self, model: QAbstractItemModel | None) -> None:
        old = self.model()
        if old is not None:
            old.rowsInserted.disconnect(self._rows_inserted)
            for signal in self._reshaping_signals(old):
                signal.disconnect(self._reshaped)
        super().setModel(model)
        self._whole = True
        if model is not None:
            model.rowsInserted.connect(self._rows_inserted)
            for signal in self._reshaping_signals(model):
                signal.connect(self._reshaped)

    @staticmethod
    def _reshaping_signals(model: QAbstractItemModel) -> tuple:
        return (model.rowsRemoved, model.rowsMoved, model.modelReset, model.layoutChanged,
                model.columnsInserted, model.columnsRemoved)  # fmt: skip

    def _rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        model = self.model()
        if parent.isValid() or model is None or last != model.rowCount() - 1:
            self._whole = True  # inserted above rows already shown: they moved
        elif self._appended_from is None or first < self._appended_from:
            self._appended_from = first

    def _reshaped(self, *_args: object) -> None:
        self._whole = True

    def doItemsLayout(self) -> None:
        """Qt's layout, without repainting what did not move when rows were appended."""
        first, self._appended_from = self._appended_from, None
        if self._whole or first is None:
            self._whole = False
            super().doItemsLayout()
            return
        self.updateGeometries()
        viewport, last = self.viewport(), self.model().rowCount() - 1
        top = max(self.rowViewportPosition(first), 0)
        bottom = min(self.rowViewportPosition(last) + self.rowHeight(last), viewport.height())
        if top < bottom:  # the new rows that show; the rest of the viewport did not change
            viewport.update(0, top, viewport.width(), bottom - top)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _RESHAPING:  # every row measured and drawn again
            self._whole = True
        super().changeEvent(event)
