"""A keypad for an amount, usable by touch: digits, the decimal comma, back and clear,
typing into a ``QLineEdit`` (the physical keyboard still types there too)."""

from __future__ import annotations

from functools import partial

from pos.ui.qt import QGridLayout, QLineEdit, QPushButton, Qt, QWidget
from pos.ui.zoom import set_font

KEYS = ("7", "8", "9", "4", "5", "6", "1", "2", "3", ",", "0", "⌫")
KEY_HEIGHT = 48


class AmountKeypad(QWidget):
    def __init__(self, field: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("amountKeypad")
        self.field = field
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        for index, key in enumerate(KEYS):
            button = QPushButton(key, self)
            button.setObjectName(f"amountKey_{index}")
            button.setMinimumHeight(KEY_HEIGHT)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoDefault(False)
            set_font(button, 1.4, 1.0, bold=True)
            button.clicked.connect(partial(self.press, key))
            grid.addWidget(button, index // 3, index % 3)
            self.buttons[key] = button

    def press(self, key: str) -> None:
        text = self.field.text()
        if key == "⌫":
            self.field.setText(text[:-1])
        elif key == "," and "," in text:
            return
        else:
            self.field.setText(text + key)
