"""Moves central refused, each with central's own reason, what to do, and a "Seen" button.

Shown above the desk's lists while any is left, so nobody hands over an order another
desk already handed over; "Seen" stops listing that order's conflicts.
"""

from __future__ import annotations

from html import escape

from pos.services.pickup_desk import CALL_SUPPORT, DeskConflict
from pos.ui.i18n import Retranslating, current_language
from pos.ui.models.pickup_model import state_text
from pos.ui.qt import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from pos.ui.screens.pickup.display import desk_message
from pos.ui.zoom import set_font

#: Conflicts shown at once (a long list must not push the orders off the screen).
VISIBLE_ROWS = 2


class ConflictsBanner(Retranslating, QFrame):
    dismissed = Signal(str)  # order id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsBanner")
        self.setStyleSheet(
            "#conflictsBanner { background: #fdecea; border: 2px solid #b00020;"
            " border-radius: 6px; }"
        )
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.title = QLabel(self)
        self.title.setObjectName("conflictsTitle")
        self.title.setStyleSheet("color: #b00020; font-weight: bold;")
        self.more = QLabel(self)
        self.more.setObjectName("conflictsMore")
        self._rows = QVBoxLayout()
        self._rows.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addLayout(self._rows)
        layout.addWidget(self.more)
        self.labels: list[QLabel] = []
        self.seen_buttons: list[QPushButton] = []
        self._zoom = 1.0
        self._conflicts: list[DeskConflict] = []
        self.hide()

    def retranslate_ui(self) -> None:
        if self._conflicts:
            self.show_conflicts(self._conflicts)

    def apply_zoom(self, zoom: float) -> None:
        """Set on each child: a style sheet stops fonts passing down from the screen."""
        self._zoom = zoom
        set_font(self.title, 1.1, zoom, bold=True)
        set_font(self.more, 1.0, zoom)
        for label in self.labels:
            set_font(label, 1.0, zoom)
        for button in self.seen_buttons:
            set_font(button, 1.1, zoom)
            button.setMinimumSize(round(110 * zoom), round(48 * zoom))

    def show_conflicts(self, conflicts: list[DeskConflict]) -> None:
        self._conflicts = list(conflicts)
        while self._rows.count():
            item = self._rows.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.labels, self.seen_buttons = [], []
        for conflict in conflicts[:VISIBLE_ROWS]:
            self._rows.addWidget(self._row(conflict))
        self.title.setText(
            self.tr("Refused by central: check these orders (%1)").replace(
                "%1", str(len(conflicts))
            )
        )
        hidden = len(conflicts) - VISIBLE_ROWS
        self.more.setText(
            self.tr("… and %1 more: mark these as seen to show them.").replace("%1", str(hidden))
        )
        self.more.setVisible(hidden > 0)
        self.apply_zoom(self._zoom)
        self.setVisible(bool(conflicts))

    def _row(self, conflict: DeskConflict) -> QWidget:
        row = QWidget(self)
        label = QLabel(self._describe(conflict), row)
        label.setObjectName("conflictText")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        seen = QPushButton(self.tr("Seen"), row)
        seen.setObjectName("conflictSeen")
        seen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        seen.clicked.connect(lambda: self.dismissed.emit(conflict.order_id))
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(label, 1)
        layout.addWidget(seen, 0, Qt.AlignmentFlag.AlignVCenter)
        self.labels.append(label)
        self.seen_buttons.append(seen)
        return row

    def _describe(self, conflict: DeskConflict) -> str:
        head = (
            self.tr("%1 · %2: “%3” refused, the order is now %4.")
            .replace("%1", escape(conflict.pickup_code))
            .replace("%2", escape(conflict.customer_name))
            .replace("%3", escape(state_text(conflict.attempted)))
            .replace("%4", escape(state_text(conflict.state_now)))
        )
        params = {"state": conflict.state_now.value}
        advice = desk_message(conflict.advice_code, conflict.advice, params)
        todo = escape(self.tr("What to do:"))
        return f"<b>{head}</b><br>{self._reason(conflict)}<b>{todo}</b> {escape(advice)}"

    def _reason(self, conflict: DeskConflict) -> str:
        """Central's own sentence is English: a French desk reads it only where the advice
        points to it (a refusal the till has no words for), and labelled as central's."""
        if current_language() == "en":
            return f"{escape(conflict.reason)}<br>"
        if conflict.advice_code != CALL_SUPPORT:
            return ""
        label = escape(self.tr("Central server's message:"))
        return f"<i>{label} {escape(conflict.reason)}</i><br>"
