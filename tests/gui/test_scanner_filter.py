import os
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton, QVBoxLayout
from pytestqt.qtbot import QtBot

from hardware.scanners import KeyboardFix, ScannerSettings
from pos.ui.scanner_filter import ScannerFilter
from pos.ui.serial_bridge import SerialBridge

SCANNER_STEP = 0.003  # seconds of the fake clock between a scanner's keys
PERSON_STEP = 0.200


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Dialog(QDialog):
    """A dialog with a focused line edit and a default button, as a till's pop-up has."""

    def __init__(self) -> None:
        super().__init__()
        self.edit = QLineEdit(self)
        self.ok = QPushButton("OK", self)
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.ok)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def dialog(qtbot: QtBot) -> Dialog:
    window = Dialog()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    window.edit.setFocus()
    qtbot.waitUntil(window.edit.hasFocus, timeout=2000)
    return window


@pytest.fixture
def install(clock: FakeClock) -> Iterator[Callable[..., ScannerFilter]]:
    """Install filters on the application; remove them and check nothing is left running."""
    made: list[ScannerFilter] = []

    def make(**settings: Any) -> ScannerFilter:
        scanner_filter = ScannerFilter(ScannerSettings(**settings), clock=clock)
        QApplication.instance().installEventFilter(scanner_filter)
        made.append(scanner_filter)
        return scanner_filter

    yield make
    for scanner_filter in made:
        scanner_filter.close()
        assert not scanner_filter.holding


def key_of(char: str) -> int:
    """Qt's key code for a character (Latin-1 keys are their upper-case code point)."""
    special = {"\r": Qt.Key.Key_Return, "\n": Qt.Key.Key_Return, "\t": Qt.Key.Key_Tab}
    if char in special:
        return special[char]
    return ord(char.upper()) if ord(char.upper()) < 256 else 0


def type_keys(widget: QLineEdit, text: str, clock: FakeClock, step: float) -> None:
    for char in text:
        event = QKeyEvent(QEvent.Type.KeyPress, key_of(char), Qt.KeyboardModifier.NoModifier, char)
        QApplication.sendEvent(widget, event)
        clock.now += step


def scanned_by(scanner_filter: ScannerFilter) -> list[str]:
    codes: list[str] = []
    scanner_filter.barcode_scanned.connect(codes.append)
    return codes


def test_a_burst_is_a_code_and_never_reaches_the_focused_line_edit(
    qtbot: QtBot, dialog: Dialog, clock: FakeClock, install: Callable[..., ScannerFilter]
) -> None:
    scanner_filter = install()
    codes = scanned_by(scanner_filter)
    type_keys(dialog.edit, "3017620422003\r", clock, SCANNER_STEP)
    assert codes == ["3017620422003"]
    assert dialog.edit.text() == ""
    qtbot.wait(60)  # past the gap: nothing held comes back later
    assert dialog.edit.text() == "" and dialog.isVisible()  # the Enter did not accept it


def test_slow_typing_lands_in_order_and_is_no_code(
    qtbot: QtBot, dialog: Dialog, clock: FakeClock, install: Callable[..., ScannerFilter]
) -> None:
    codes = scanned_by(install())
    type_keys(dialog.edit, "Pain 3x", clock, PERSON_STEP)
    qtbot.waitUntil(lambda: dialog.edit.text() == "Pain 3x", timeout=1000)
    assert codes == []


def test_a_person_s_enter_still_reaches_the_dialog(
    qtbot: QtBot, dialog: Dialog, clock: FakeClock, install: Callable[..., ScannerFilter]
) -> None:
    codes = scanned_by(install())
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        type_keys(dialog.edit, "12345678\r", clock, PERSON_STEP)
    assert dialog.edit.text() == "12345678" and codes == []


def test_fast_typing_followed_by_backspace_keeps_the_order(
    dialog: Dialog, clock: FakeClock, install: Callable[..., ScannerFilter]
) -> None:
    install()
    type_keys(dialog.edit, "abc", clock, SCANNER_STEP)  # held: could be a scan
    assert dialog.edit.text() == ""
    backspace = QKeyEvent(
        QEvent.Type.KeyPress, Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(dialog.edit, backspace)
    assert dialog.edit.text() == "ab"


def test_a_short_burst_is_delivered_as_typing(
    qtbot: QtBot, dialog: Dialog, clock: FakeClock, install: Callable[..., ScannerFilter]
) -> None:
    codes = scanned_by(install(min_length=6))
    with qtbot.waitSignal(dialog.edit.returnPressed, timeout=1000):
        type_keys(dialog.edit, "12345\r", clock, SCANNER_STEP)
    assert dialog.edit.text() == "12345" and codes == []


def test_azerty_digit_row_from_a_us_scanner_is_fixed(
    dialog: Dialog, clock: FakeClock, install: Callable[..., ScannerFilter]
) -> None:
    codes = scanned_by(install(keyboard_fix=KeyboardFix.US_SCANNER_ON_AZERTY))
    type_keys(dialog.edit, "&é\"'(-è_çà\r", clock, SCANNER_STEP)
    assert codes == ["1234567890"]
    assert dialog.edit.text() == ""


def test_prefixed_scan_is_stripped_and_unprefixed_keys_pass_at_once(
    dialog: Dialog, clock: FakeClock, install: Callable[..., ScannerFilter]
) -> None:
    scanner_filter = install(prefix="§")
    codes = scanned_by(scanner_filter)
    type_keys(dialog.edit, "§3017620422003\r", clock, SCANNER_STEP)
    assert codes == ["3017620422003"]
    type_keys(dialog.edit, "12", clock, SCANNER_STEP)
    assert dialog.edit.text() == "12" and not scanner_filter.holding


def test_a_typed_character_waits_no_longer_than_the_gap(
    qtbot: QtBot, dialog: Dialog, clock: FakeClock, install: Callable[..., ScannerFilter]
) -> None:
    scanner_filter = install(max_gap_ms=35)
    type_keys(dialog.edit, "a", clock, 0)
    assert dialog.edit.text() == "" and scanner_filter.holding
    qtbot.waitUntil(lambda: dialog.edit.text() == "a", timeout=500)
    assert not scanner_filter.holding


def test_a_disabled_filter_lets_everything_through(
    dialog: Dialog, clock: FakeClock, install: Callable[..., ScannerFilter]
) -> None:
    codes = scanned_by(install(enabled=False))
    type_keys(dialog.edit, "3017620422003", clock, SCANNER_STEP)
    assert dialog.edit.text() == "3017620422003" and codes == []


def test_a_scan_s_enter_does_not_fire_an_enter_shortcut(
    qtbot: QtBot, dialog: Dialog, install: Callable[..., ScannerFilter]
) -> None:
    fired: list[bool] = []
    shortcut = QShortcut(QKeySequence(Qt.Key.Key_Return), dialog)
    shortcut.activated.connect(lambda: fired.append(True))
    codes = scanned_by(install())
    qtbot.keyClicks(dialog.edit, "4006381333931")  # QTest sends ShortcutOverride too
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert codes == ["4006381333931"] and fired == []
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)  # a person's Enter, nothing pending
    assert fired == [True]


def test_serial_codes_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    master, slave = os.openpty()
    bridge = SerialBridge(os.ttyname(slave))
    threads: list[int] = []
    bridge.barcode_scanned.connect(lambda _: threads.append(threading.get_ident()))
    try:
        bridge.start()
        assert bridge.scanner.wait_open(3.0)
        with qtbot.waitSignal(bridge.barcode_scanned, timeout=3000) as blocker:
            os.write(master, b"3017620422003\r\n")
        assert blocker.args == ["3017620422003"]
        assert threads == [threading.get_ident()]
    finally:
        bridge.stop()
        os.close(master)
        os.close(slave)


def test_a_serial_port_that_cannot_open_is_an_error_signal(qtbot: QtBot, tmp_path: Any) -> None:
    bridge = SerialBridge(str(tmp_path / "COM9"))
    try:
        with qtbot.waitSignal(bridge.error, timeout=3000) as blocker:
            bridge.start()
        assert "COM9" in blocker.args[0]
    finally:
        bridge.stop()
