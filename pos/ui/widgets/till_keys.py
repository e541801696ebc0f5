"""The till's function keys as big touch buttons: F2…F12 from the keyboard or a finger
do the same thing, each key showing its name and its F-key."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from pos.ui.i18n import Retranslating
from pos.ui.qt import QGridLayout, QKeySequence, QPushButton, QShortcut, Qt, QWidget, Signal
from pos.ui.zoom import set_font

#: A key's height at zoom 1.0: a finger's press, two lines of text (52 leaves room for
#: the quick keys at 1024×768); the pay key is taller.
KEY_HEIGHT = 52
PAY_KEY_HEIGHT = 64
#: Three keys a row: at 1024×768 the column also holds the total, the change, the
#: receipt offer and the quick keys (two columns made the window taller than the screen).
COLUMNS = 3
#: The primary action stands out: a whole row, in colour.
PAY_KEY = "F12"
PAY_KEY_STYLE = (
    "QPushButton { background: #1d5fa8; color: white; border-radius: 6px; }"
    " QPushButton:pressed { background: #154a85; }"
    " QPushButton:disabled { background: #9bb3cf; }"
)


class TillKeys(Retranslating, QWidget):
    pressed = Signal(str)  # the F-key, before its slot runs (pressed or touched)

    def __init__(self, actions: Sequence[tuple[str, Callable[[], None]]], screen: QWidget) -> None:
        """``actions``: (F-key, slot) in the grid's order; the shortcuts belong to
        ``screen``, so they work wherever the focus is on it."""
        super().__init__(screen)
        self.setObjectName("tillKeys")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        plain = [key for key, _action in actions if key != PAY_KEY]
        for key, action in actions:
            slot = partial(self._press, key, action)
            button = QPushButton(self)
            button.setObjectName(f"action{key.replace('+', '')}")
            button.setMinimumHeight(KEY_HEIGHT)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            QShortcut(QKeySequence(key), screen, activated=slot)
            if key == PAY_KEY:  # a row of its own, below the others
                button.setStyleSheet(PAY_KEY_STYLE)
                grid.addWidget(button, -(-len(plain) // COLUMNS), 0, 1, COLUMNS)
            else:
                grid.addWidget(button, *divmod(plain.index(key), COLUMNS))
            self.buttons[key] = button
        self.retranslate_ui()

    def _press(self, key: str, action: Callable[[], None], *_clicked: object) -> None:
        self.pressed.emit(key)
        action()

    def retranslate_ui(self) -> None:
        labels = {
            "F2": self.tr("Search"),
            "F3": self.tr("Quantity"),
            "F4": self.tr("Discount"),
            "F5": self.tr("Web cart"),
            "F6": self.tr("Void line"),
            "F7": self.tr("Park"),
            "F8": self.tr("Recall"),
            "F9": self.tr("Cancel sale"),
            "F10": self.tr("Open drawer"),
            "F11": self.tr("Reprint last (duplicate)"),
            "F12": self.tr("Pay"),
            "Shift+F1": self.tr("Return"),
            "Ctrl+B": self.tr("Promo code"),
            "Shift+F2": self.tr("Customer"),
        }
        for key, button in self.buttons.items():
            button.setText(f"{labels.get(key, key)}\n{key}")

    def apply_zoom(self, zoom: float) -> None:
        for key, button in self.buttons.items():
            if key == PAY_KEY:
                set_font(button, 1.5, zoom, bold=True)
                button.setMinimumHeight(round(PAY_KEY_HEIGHT * zoom))
            else:
                button.setMinimumHeight(round(KEY_HEIGHT * zoom))
