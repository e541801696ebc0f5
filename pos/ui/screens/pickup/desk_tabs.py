"""The desk's four lists as big segmented buttons, each with its count as a badge."""

from __future__ import annotations

from pos.services.pickup_desk import DeskCounts
from pos.ui.i18n import Retranslating
from pos.ui.pickup_controller import TABS
from pos.ui.qt import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    Qt,
    QWidget,
    Signal,
)
from pos.ui.zoom import set_font

_BADGE = "border-radius: 11px; padding: 1px 9px; color: white; background: %s;"
_QUIET, _LOUD = "#5f6b7a", "#b00020"


class DeskTabs(Retranslating, QWidget):
    chosen = Signal(str)  # one of TABS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskTabs")
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        self.badges: dict[str, QLabel] = {}
        self._titles: dict[str, QLabel] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for tab in TABS:
            layout.addWidget(self._button(tab), 1)
        self.buttons[TABS[0]].setChecked(True)
        self.retranslate_ui()

    def _button(self, tab: str) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(f"tab_{tab}")
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setStyleSheet(
            "QPushButton { text-align: left; padding: 6px 12px; }"
            "QPushButton:checked { background: #1d4f91; color: white; }"
        )
        title, badge = QLabel(button), QLabel("0", button)
        for label in (title, badge):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        badge.setObjectName(f"badge_{tab}")
        badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row = QHBoxLayout(button)
        row.setContentsMargins(12, 4, 12, 4)
        row.addWidget(title, 1)
        row.addWidget(badge)
        button.toggled.connect(lambda on, tab=tab: self._toggled(tab, on))
        self.group.addButton(button)
        self.buttons[tab], self.badges[tab], self._titles[tab] = button, badge, title
        return button

    def retranslate_ui(self) -> None:
        titles = {
            "to_prepare": self.tr("To prepare"),
            "ready": self.tr("Ready"),
            "due_today": self.tr("Today"),
            "overdue": self.tr("Overdue"),
        }
        for tab, label in self._titles.items():
            label.setText(titles[tab])

    def current(self) -> str:
        return next(tab for tab, button in self.buttons.items() if button.isChecked())

    def choose(self, tab: str) -> None:
        self.buttons[tab].setChecked(True)

    def show_counts(self, counts: DeskCounts) -> None:
        values = {
            "to_prepare": counts.to_prepare,
            "ready": counts.ready,
            "due_today": counts.due_today,
            "overdue": counts.overdue,
        }
        for tab, badge in self.badges.items():
            badge.setText(str(values[tab]))
            loud = tab == "overdue" and values[tab] > 0
            badge.setStyleSheet(_BADGE % (_LOUD if loud else _QUIET))

    def apply_zoom(self, zoom: float) -> None:
        for tab, button in self.buttons.items():
            set_font(self._titles[tab], 1.25, zoom, bold=True)
            set_font(self.badges[tab], 1.15, zoom, bold=True)
            button.setFixedHeight(round(52 * zoom))

    def _toggled(self, tab: str, on: bool) -> None:
        color = "white" if on else ""
        self._titles[tab].setStyleSheet(f"color: {color};" if color else "")
        if on:
            self.chosen.emit(tab)
