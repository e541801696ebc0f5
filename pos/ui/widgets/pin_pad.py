"""A PIN keypad for a touch screen: ten big digit keys, erase, clear and OK.

The digits typed are shown as dots only: never in clear, never in a log or a repr, and
forgotten as soon as they are submitted or cleared. A hardware keyboard works too
(digits, Backspace, Enter, Escape). Refusals ("Wrong PIN, 3 tries left") and a locked
account's countdown are worded by the caller, who knows the rules; the pad only shows
them and, while locked, takes no key at all.
"""

from __future__ import annotations

from pos.ui.i18n import Retranslating
from pos.ui.qt import (
    QGridLayout,
    QKeyEvent,
    QLabel,
    QPushButton,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from pos.ui.zoom import set_font

#: A key's side at zoom 1.0: a fingertip, with room to spare (touch guidelines: ≥ 9 mm).
KEY_SIZE = 72
DOT = "●"
_DIGIT_KEYS = {getattr(Qt.Key, f"Key_{d}"): str(d) for d in range(10)}
_REFUSAL = "color: #b00020;"
_LOCKED = "color: #8a5a00;"


class PinPad(Retranslating, QWidget):
    submitted = Signal(str)  # the PIN typed; the pad is empty again when this is emitted

    def __init__(self, max_length: int = 8, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinPad")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # keyboard digits come here
        self.max_length = max_length
        self._digits = ""
        self._locked = False
        self.prompt = QLabel(self)
        self.prompt.setObjectName("pinPrompt")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt.setWordWrap(True)
        self.dots = QLabel(self)
        self.dots.setObjectName("pinDots")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel(self)
        self.message.setObjectName("pinMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(8)
        for index, name in enumerate("123456789"):
            grid.addWidget(self._key(name), index // 3, index % 3)
        grid.addWidget(self._key("clear"), 3, 0)
        grid.addWidget(self._key("0"), 3, 1)
        grid.addWidget(self._key("erase"), 3, 2)
        grid.addWidget(self._key("ok"), 4, 0, 1, 3)
        self.keys["ok"].setStyleSheet("background: #1d4f91; color: white; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.dots)
        layout.addWidget(self.message)
        layout.addLayout(grid)
        self.zoom = 0.0
        self.apply_zoom(1.0)
        self.retranslate_ui()
        self._show_dots()

    def _key(self, name: str) -> QPushButton:
        button = QPushButton(name if name.isdigit() else "", self)
        button.setObjectName(f"pinKey_{name}")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoRepeat(name == "erase")
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        button.clicked.connect(lambda: self.press(name))
        self.keys[name] = button
        return button

    def __repr__(self) -> str:  # never the digits
        return f"<PinPad {len(self._digits)}/{self.max_length} digits>"

    # -- language and size ----------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.keys["clear"].setText(self.tr("Clear"))
        self.keys["erase"].setText(self.tr("⌫ Erase"))
        self.keys["ok"].setText(self.tr("OK"))
        for name, text in (
            ("clear", self.tr("Clear the code")),
            ("erase", self.tr("Erase the last digit")),
            ("ok", self.tr("Sign in with this code")),
        ):
            self.keys[name].setAccessibleName(text)

    def apply_zoom(self, zoom: float) -> None:
        """Keys of at least ``KEY_SIZE`` px at zoom 1.0, growing with the screen."""
        if zoom == self.zoom:
            return
        self.zoom = zoom
        side = round(KEY_SIZE * zoom)
        for name, button in self.keys.items():
            button.setMinimumSize(side * 3 if name == "ok" else side, side)
            set_font(button, 1.8 if name.isdigit() else 1.2, zoom, bold=True)
        set_font(self.prompt, 1.4, zoom, bold=True)
        set_font(self.dots, 2.4, zoom, bold=True)
        set_font(self.message, 1.2, zoom, bold=True)
        self.dots.setMinimumHeight(self.dots.fontMetrics().height() + 8)

    # -- what the caller says -------------------------------------------------------------

    def set_prompt(self, text: str) -> None:
        """Above the dots, e.g. "Julien — saisissez votre code"."""
        self.prompt.setText(text)

    def show_refusal(self, text: str) -> None:
        """A refusal worded by the caller ("Wrong PIN, 3 tries left"); the pad is empty
        and ready for another try, the refusal stays in sight while it is typed."""
        self.clear()
        self.message.setStyleSheet(_REFUSAL)
        self.message.setText(text)

    def lock(self, text: str) -> None:
        """No key is taken until ``unlock``; ``text`` says for how long (the caller
        calls this again as its countdown runs)."""
        self._locked = True
        self.clear()
        for button in self.keys.values():
            button.setEnabled(False)
        self.message.setStyleSheet(_LOCKED)
        self.message.setText(text)

    def clear_message(self) -> None:
        self.message.clear()

    def unlock(self) -> None:
        self._locked = False
        for button in self.keys.values():
            button.setEnabled(True)
        self.message.clear()
        self._show_dots()

    @property
    def locked(self) -> bool:
        return self._locked

    @property
    def length(self) -> int:
        """How many digits are typed (the digits themselves never leave the pad but
        through ``submitted``)."""
        return len(self._digits)

    def clear(self) -> None:
        self._digits = ""
        self._show_dots()

    # -- what the cashier does ------------------------------------------------------------

    def press(self, name: str) -> None:
        """A key by name: "0"–"9", "erase", "clear" or "ok"."""
        if self._locked:
            return
        if name.isdigit():
            if len(self._digits) < self.max_length:
                self._digits += name
        elif name == "erase":
            self._digits = self._digits[:-1]
        elif name == "clear":
            self._digits = ""
        elif name == "ok":
            self._submit()
            return
        self._show_dots()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        names = {
            Qt.Key.Key_Backspace: "erase",
            Qt.Key.Key_Delete: "erase",
            Qt.Key.Key_Escape: "clear",
            Qt.Key.Key_Return: "ok",
            Qt.Key.Key_Enter: "ok",
        }
        name = _DIGIT_KEYS.get(key) or names.get(key)
        if name is None:
            super().keyPressEvent(event)
            return
        self.press(name)
        event.accept()

    def _submit(self) -> None:
        if not self._digits:
            return
        pin, self._digits = self._digits, ""
        self._show_dots()
        self.submitted.emit(pin)

    def _show_dots(self) -> None:
        typed = len(self._digits)
        self.dots.setText(" ".join(DOT * typed) if typed else "")
        self.keys["ok"].setEnabled(bool(typed) and not self._locked)
        self.keys["erase"].setEnabled(bool(typed) and not self._locked)
