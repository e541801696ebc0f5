"""The basket's item column: a line with a note (a returned line's origin, "Retour · T02
n°41 du 03/12" in amber, or its promotions, "3 pour 2 sur les yaourts −1,20 €" in green)
draws its name on the first half of the row and the note, smaller, on the second, each
elided to the column; lines without a note draw as any cell does (a long name may then
wrap over the row's two lines)."""

from __future__ import annotations

from pos.ui.qt import (
    QColor,
    QFont,
    QFontMetrics,
    QModelIndex,
    QObject,
    QPainter,
    QPersistentModelIndex,
    QRect,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
)

#: The model's role holding a line's note ("" or None: no note).
NOTE_ROLE = int(Qt.ItemDataRole.UserRole) + 1
#: The model's role saying what the note is ("" a return's origin, ``PROMOTION_NOTE``).
NOTE_KIND_ROLE = int(Qt.ItemDataRole.UserRole) + 2
PROMOTION_NOTE = "promotion"
NOTE_COLOR = QColor("#8a4b00")  # the returns' amber: readable on white, not an error's red
PROMOTION_COLOR = QColor("#1b5e20")  # a saving's green, as the sale panel's
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class LineNoteDelegate(QStyledItemDelegate):
    """Paints a basket line's name and note. Each scan repaints every visible row, so what
    does not change between paints is kept: the fonts and their metrics per cell font, and
    each elided text per width (a basket has a few dozen names and notes)."""

    ELIDED_KEPT = 512  # texts kept elided; past it the cache starts over

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fonts: dict[str, tuple[QFontMetrics, QFont, QFontMetrics]] = {}
        self._elided: dict[tuple[str, int, str], str] = {}

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        note = index.data(NOTE_ROLE)
        if not note:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        name, item.text = item.text, ""
        widget = item.widget
        style = widget.style() if widget is not None else None
        if style is not None:  # the background and the selection, without the text
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        box = item.rect.adjusted(4, 1, -4, -1)
        half, width = box.height() // 2, box.width()
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        text = item.palette.highlightedText() if selected else item.palette.text()
        font = item.font
        key = font.key()
        metrics, small, small_metrics = self._fonts.get(key) or self._font_set(font, key)
        painter.save()
        painter.setFont(font)
        painter.setPen(text.color())
        top = QRect(box.left(), box.top(), width, half)
        painter.drawText(top, LEFT, self._elide(metrics, name, width, key))
        painter.setFont(small)
        colour = PROMOTION_COLOR if index.data(NOTE_KIND_ROLE) == PROMOTION_NOTE else NOTE_COLOR
        painter.setPen(text.color() if selected else colour)
        bottom = QRect(box.left(), box.top() + half, width, box.height() - half)
        painter.drawText(bottom, LEFT, self._elide(small_metrics, str(note), width, "s" + key))
        painter.restore()

    def _font_set(self, font: QFont, key: str) -> tuple[QFontMetrics, QFont, QFontMetrics]:
        """The cell's font metrics, and the note's font (four fifths of it) with its own."""
        small = QFont(font)
        if font.pointSizeF() > 0:
            small.setPointSizeF(font.pointSizeF() * 0.8)
        found = self._fonts[key] = (QFontMetrics(font), small, QFontMetrics(small))
        return found

    def _elide(self, metrics: QFontMetrics, text: str, width: int, font_key: str) -> str:
        key = (text, width, font_key)
        elided = self._elided.get(key)
        if elided is None:
            if len(self._elided) >= self.ELIDED_KEPT:
                self._elided.clear()
            elided = self._elided[key] = metrics.elidedText(
                text, Qt.TextElideMode.ElideRight, width
            )
        return elided
