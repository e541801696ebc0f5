"""The attention list as a Qt table: state, what it is, why it waits, its age.

Rows are ``AttentionItem``s filtered by state (``FILTERS``); texts come from
``attention_texts`` in the till's language, so a language switch only needs ``reword``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pos.services.attention_items import AttentionItem
from pos.ui.dialogs import attention_texts as texts
from pos.ui.qt import QAbstractTableModel, QColor, QCoreApplication, QModelIndex, Qt

#: Filter key -> the states it shows. "open": everything but what a person set aside.
FILTERS: dict[str, frozenset[str]] = {
    "open": frozenset({"to_check", "pending", "warning"}),
    "to_check": frozenset({"to_check"}),
    "pending": frozenset({"pending"}),
    "set_aside": frozenset({"set_aside"}),
    "warning": frozenset({"warning"}),
    "all": frozenset({"to_check", "pending", "warning", "set_aside"}),
}
#: A row needing a person stands out; one set aside is greyed.
_BACKGROUNDS = {"to_check": "#fdecea", "set_aside": "#eeeeee", "warning": "#fff8e1"}
STATE, WHAT, REASON, AGE = range(4)


def filter_names() -> list[tuple[str, str]]:
    """(key, label) for the filter box, in its order."""
    return [
        ("open", QCoreApplication.translate("AttentionModel", "To check and waiting")),
        ("to_check", QCoreApplication.translate("AttentionModel", "To check")),
        ("pending", QCoreApplication.translate("AttentionModel", "Waiting to be sent")),
        ("set_aside", QCoreApplication.translate("AttentionModel", "Set aside, with a note")),
        ("warning", QCoreApplication.translate("AttentionModel", "Warnings")),
        ("all", QCoreApplication.translate("AttentionModel", "All")),
    ]


class AttentionModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.everything: tuple[AttentionItem, ...] = ()
        self.rows: list[AttentionItem] = []
        self.filter = "open"

    def show(self, items: Sequence[AttentionItem], filter_key: str | None = None) -> None:
        self.beginResetModel()
        self.everything = tuple(items)
        self.filter = filter_key or self.filter
        states = FILTERS[self.filter]
        self.rows = [item for item in self.everything if item.state in states]
        self.endResetModel()

    def reword(self) -> None:
        """The language changed: every text again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 3))

    def item(self, row: int) -> AttentionItem | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            QCoreApplication.translate("AttentionModel", "State"),
            QCoreApplication.translate("AttentionModel", "What"),
            QCoreApplication.translate("AttentionModel", "Why, and what to do"),
            QCoreApplication.translate("AttentionModel", "Waiting"),
        )
        return titles[section]

    def data(self, index: QModelIndex, role: int = 0) -> Any:
        item = self.item(index.row())
        if item is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(item, index.column())
        if role == Qt.ItemDataRole.BackgroundRole and item.state in _BACKGROUNDS:
            return QColor(_BACKGROUNDS[item.state])
        if role == Qt.ItemDataRole.ForegroundRole and item.state in _BACKGROUNDS:
            return QColor("#212121")  # dark on the light row colours, whatever the theme
        return None

    @staticmethod
    def _text(item: AttentionItem, column: int) -> str:
        if column == STATE:
            return texts.state(item.state)
        if column == WHAT:
            return texts.what(item)
        if column == REASON:
            return texts.reason(item)
        return texts.age(item.since)
