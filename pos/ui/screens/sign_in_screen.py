"""Who is at the till: the active staff as big name buttons (or a scanned badge), then
their PIN on the keypad; a store with no staff at all shows the first-start form.

The PIN is checked on the till worker (argon2 costs ~0.1 s): the screen sends
``sign_in`` and shows the answer, ``signed_in`` or a refusal worded from its code on
the pad (tries left; locked until HH:MM Paris time, with the pad locked and a countdown;
deactivated). A locked name is greyed with its time on the list.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial

from pos.services.demo_store import demo_staff_pins
from pos.services.staff import StaffMember
from pos.ui.i18n import Retranslating
from pos.ui.messages import paris_time, user_message
from pos.ui.qt import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from pos.ui.till_controller import TillController
from pos.ui.widgets.pin_pad import PinPad
from pos.ui.zoom import set_font

NAME_COLUMNS = 3


class SignInScreen(Retranslating, QWidget):
    refusal_shown = Signal(str)  # code, once worded on the pad or the form
    staff_shown = Signal(int)  # how many names are listed

    def __init__(self, controller: TillController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInScreen")
        self.controller = controller
        self.members: list[StaffMember] = []
        self.locks: dict[str, str | None] = {}
        self.who = ""  # the staff id or badge the PIN is for
        self.who_name = ""  # "" for a badge
        self._locked_until: str | None = None
        self._refusal: tuple[str, str, dict] | None = None
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._names_page())
        self.pages.addWidget(self._pin_page())
        self.pages.addWidget(self._first_start_page())
        QVBoxLayout(self).addWidget(self.pages)
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)
        worker = controller.worker
        worker.staff_listed.connect(self.show_staff)
        worker.sign_in_refused.connect(self.show_refusal)
        # A bound slot, not a lambda: a lambda would run on the worker's thread and touch
        # this screen's widgets and timers from there.
        worker.signed_in.connect(self._signed_in)
        self.retranslate_ui()

    # -- pages ------------------------------------------------------------------------------

    def _names_page(self) -> QWidget:
        page = QWidget(self)
        self.title = QLabel(page)
        self.title.setObjectName("signInTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_font(self.title, 2.0, 1.0, bold=True)
        self.hint = QLabel(page)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        set_font(self.hint, 1.2, 1.0)
        self.demo_hint = QLabel(page)  # a demo store only: its staff's published PINs
        self.demo_hint.setObjectName("demoStaffPins")
        self.demo_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_hint.setWordWrap(True)
        self.demo_hint.hide()
        self.names = QGridLayout()
        self.names.setSpacing(12)
        self.name_buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(page)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.demo_hint)
        layout.addLayout(self.names)
        layout.addStretch(1)
        return page

    def _pin_page(self) -> QWidget:
        page = QWidget(self)
        self.pad = PinPad(parent=page)
        self.pad.submitted.connect(self._submit_pin)
        self.back_button = QPushButton(page)
        self.back_button.setObjectName("signInBack")
        self.back_button.setMinimumHeight(56)
        set_font(self.back_button, 1.2, 1.0)
        self.back_button.clicked.connect(self.reset)
        column = QVBoxLayout()
        column.addWidget(self.pad, 1)
        column.addWidget(self.back_button)
        layout = QHBoxLayout(page)
        layout.addStretch(1)
        layout.addLayout(column, 2)
        layout.addStretch(1)
        return page

    def _first_start_page(self) -> QWidget:
        page = QWidget(self)
        self.first_title = QLabel(page)
        self.first_title.setWordWrap(True)
        set_font(self.first_title, 1.4, 1.0, bold=True)
        self.admin_name = QLineEdit(page)
        self.admin_name.setObjectName("firstAdminName")
        self.admin_pin = QLineEdit(page)
        self.admin_pin.setObjectName("firstAdminPin")
        self.admin_pin_again = QLineEdit(page)
        self.admin_pin_again.setObjectName("firstAdminPinAgain")
        for field in (self.admin_name, self.admin_pin, self.admin_pin_again):
            set_font(field, 1.4, 1.0)
        for field in (self.admin_pin, self.admin_pin_again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(8)
        self.first_message = QLabel(page)
        self.first_message.setObjectName("firstAdminMessage")
        self.first_message.setStyleSheet("color: #b00020;")
        self.first_message.setWordWrap(True)
        self.create_button = QPushButton(page)
        self.create_button.setObjectName("firstAdminCreate")
        self.create_button.setMinimumHeight(56)
        self.create_button.clicked.connect(self.create_first_admin)
        self.first_labels = [QLabel(page) for _ in range(3)]
        layout = QVBoxLayout(page)
        layout.addWidget(self.first_title)
        for label, field in zip(
            self.first_labels, (self.admin_name, self.admin_pin, self.admin_pin_again), strict=True
        ):
            layout.addWidget(label)
            layout.addWidget(field)
        layout.addWidget(self.first_message)
        layout.addWidget(self.create_button)
        layout.addStretch(1)
        return page

    # -- language ---------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Who is at the till?"))
        self.hint.setText(self.tr("Touch your name or scan your staff badge."))
        pins = " · ".join(f"{name} {pin}" for name, pin in demo_staff_pins())
        self.demo_hint.setText(self.tr("Demo store: the codes are %1.").replace("%1", pins))
        self.back_button.setText(self.tr("← Not me: back to the names"))
        self.first_title.setText(
            self.tr("First start: create the store's administrator. Keep the code secret.")
        )
        for label, text in zip(
            self.first_labels,
            (self.tr("Name"), self.tr("Code (4 to 8 digits)"), self.tr("The same code again")),
            strict=True,
        ):
            label.setText(text)
        self.create_button.setText(self.tr("Create the administrator and sign in"))
        self._show_names()
        self._show_prompt()
        if self._refusal is not None:
            self.show_refusal(*self._refusal)

    # -- what the worker says -------------------------------------------------------------

    def refresh(self) -> None:
        """Ask the worker for the staff (names, locks) again: each time the screen shows."""
        self.controller.request("list_staff")

    def show_staff(self, members: list, locks: dict, first_start: bool) -> None:
        self.members, self.locks = members, locks
        if first_start:
            self.pages.setCurrentIndex(2)
            self.admin_name.setFocus()
        self._show_names()
        self.staff_shown.emit(len(members))

    def _show_names(self) -> None:
        while self.names.count():
            item = self.names.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.name_buttons = {}
        for index, member in enumerate(self.members):
            button = QPushButton(self)
            button.setObjectName(f"staff_{member.staff_id}")
            button.setMinimumSize(220, 96)
            set_font(button, 1.6, 1.0, bold=True)
            until = self.locks.get(member.staff_id)
            text = member.display_name
            if until:
                text += "\n" + self.tr("locked until %1").replace("%1", paris_time(until))
            button.setText(text)
            button.clicked.connect(partial(self.choose, member.staff_id, member.display_name))
            self.names.addWidget(button, index // NAME_COLUMNS, index % NAME_COLUMNS)
            self.name_buttons[member.staff_id] = button

    def show_refusal(self, code: str, message: str, params: dict) -> None:
        self._refusal = (code, message, params)
        text = user_message(code, message, params)
        if self.pages.currentIndex() == 2:
            self.first_message.setText(text)
        elif code == "account_locked":
            self._locked_until = params.get("until")
            self._tick()
            self._countdown.start()
        else:
            self.pad.show_refusal(text)
        self.refusal_shown.emit(code)

    def _tick(self) -> None:
        """The locked pad's countdown; it unlocks itself when the time is up."""
        until = self._locked_until
        if until is None:
            return
        left = datetime.fromisoformat(until.replace("Z", "+00:00")) - datetime.now(UTC)
        seconds = max(0, int(left.total_seconds()))
        if seconds == 0:
            self._countdown.stop()
            self._locked_until = self._refusal = None
            self.pad.unlock()
            return
        text = self.tr("Too many wrong codes: locked until %1 (%2 min %3 s left).")
        self.pad.lock(
            text.replace("%1", paris_time(until))
            .replace("%2", str(seconds // 60))
            .replace("%3", f"{seconds % 60:02d}")
        )

    # -- what the person does -------------------------------------------------------------

    def choose(self, who: str, name: str = "") -> None:
        """A name touched (its id) or a badge scanned (``name`` empty): then the PIN."""
        self._countdown.stop()
        self._locked_until = self._refusal = None
        self.who, self.who_name = who, name
        self.pad.unlock()
        self.pad.clear_message()
        self._show_prompt()
        self.pages.setCurrentIndex(1)
        self.pad.setFocus()
        until = self.locks.get(who)
        if until:
            self.show_refusal("account_locked", "", {"until": until})

    def scan(self, code: str) -> None:
        """A staff badge read by the scanner while the screen shows."""
        if self.pages.currentIndex() != 2 and code.strip():
            self.choose(code.strip())

    def _show_prompt(self) -> None:
        if self.who_name:
            self.pad.set_prompt(self.tr("%1 — type your code").replace("%1", self.who_name))
        else:
            self.pad.set_prompt(self.tr("Badge read — type your code"))

    def _submit_pin(self, pin: str) -> None:
        self.pad.clear_message()
        self.controller.request("sign_in", self.who, pin)

    def create_first_admin(self) -> None:
        pin, again = self.admin_pin.text(), self.admin_pin_again.text()
        self.admin_pin.clear()
        self.admin_pin_again.clear()
        if pin != again:
            self.show_refusal("pins_differ", "The two codes differ.", {})
            return
        self.first_message.clear()
        self.controller.request("create_first_admin", self.admin_name.text(), pin)

    def show_demo_pins(self, shown: bool) -> None:
        """A demo store says its staff's codes: a first-time user is not left at a lock."""
        self.demo_hint.setVisible(shown)

    def _signed_in(self, _signed: object) -> None:
        self.reset()

    def reset(self) -> None:
        """Back to the names, nothing typed, nothing remembered."""
        self._countdown.stop()
        self._locked_until = self._refusal = None
        self.who = self.who_name = ""
        self.pad.unlock()
        self.pad.clear_message()
        if self.pages.currentIndex() != 2 or not self.members:
            self.pages.setCurrentIndex(0 if self.members else self.pages.currentIndex())
