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
        half = box.height() // 2
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        text = item.palette.highlightedText() if selected else item.palette.text()
        painter.save()
        painter.setFont(item.font)
        painter.setPen(text.color())
        top = QRect(box.left(), box.top(), box.width(), half)
        painter.drawText(top, LEFT, QFontMetrics(item.font).elidedText(
            name, Qt.TextElideMode.ElideRight, box.width()))  # fmt: skip
        small = QFont(item.font)
        if item.font.pointSizeF() > 0:
            small.setPointSizeF(item.font.pointSizeF() * 0.8)
        painter.setFont(small)
        colour = PROMOTION_COLOR if index.data(NOTE_KIND_ROLE) == PROMOTION_NOTE else NOTE_COLOR
        painter.setPen(text.color() if selected else colour)
        bottom = QRect(box.left(), box.top() + half, box.width(), box.height() - half)
        painter.drawText(bottom, LEFT, QFontMetrics(small).elidedText(
            str(note), Qt.TextElideMode.ElideRight, box.width()))  # fmt: skip
        painter.restore()
