"""The settings dialog: shows the settings, saves through the file's validation, and prints
a test page off the GUI thread with a real file printer and a real closed port."""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hardware.printer.connections import PrinterConfig
from hardware.printer.ports import PrintResult
from hardware.scanners import KeyboardFix, ScannerSettings
from pos.config import Settings, StoreSettings, TillSettings, load_settings
from pos.ui.dialogs.settings_dialog import SettingsDialog

os.environ.setdefault(  # python-escpos caches its printer database here, not in $HOME
    "ESCPOS_CAPABILITIES_PICKLE_DIR", str(Path(tempfile.gettempdir()) / "comptoir-escpos-cache")
)

CUSTOM = Settings(
    store=StoreSettings(name="Chez Zoé", address_lines=("1 rue Neuve", "69001 Lyon")),
    till=TillSettings(terminal_id="T07", language="en", receipt_default="none"),
    printer=PrinterConfig(kind="network", host="10.0.0.9", port=9101, timeout_s=2.5, columns=32),
    scanner=ScannerSettings(
        min_length=8, prefix="~", keyboard_fix=KeyboardFix.AZERTY_SCANNER_ON_US
    ),
)


def open_dialog(qtbot: QtBot, settings: Settings, path: Path, **kwargs: object) -> SettingsDialog:
    dialog = SettingsDialog(settings, path, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def field(dialog: SettingsDialog, key: str) -> QWidget:
    widget = dialog.findChild(QWidget, key)
    assert widget is not None, key
    return widget


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Replace the field's text as a person would; accents go as QKeyEvents (not keyClicks)."""
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    for char in text:
        if char.isascii():
            qtbot.keyClicks(edit, char)
        else:
            press = QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(edit, press)


def choose(combo: QWidget, value: object) -> None:
    assert isinstance(combo, QComboBox)
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_fields_show_the_given_settings(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, CUSTOM, tmp_path / "settings.toml")
    assert field(dialog, "store.name").text() == "Chez Zoé"
    address = field(dialog, "store.address_lines")
    assert isinstance(address, QPlainTextEdit)
    assert address.toPlainText() == "1 rue Neuve\n69001 Lyon"
    assert field(dialog, "till.terminal_id").text() == "T07"
    assert field(dialog, "till.language").currentData() == "en"
    assert field(dialog, "till.receipt_default").currentData() == "none"
    assert field(dialog, "printer.kind").currentData() == "network"
    assert (field(dialog, "printer.host").text(), field(dialog, "printer.port").text()) == (
        "10.0.0.9",
        "9101",
    )
    assert field(dialog, "printer.timeout_s").text() == "2.5"
    assert field(dialog, "printer.columns").currentData() == 32
    assert field(dialog, "scanner.min_length").text() == "8"
    assert field(dialog, "scanner.keyboard_fix").currentData() == "azerty_scanner_on_us"
    assert field(dialog, "printer.host").isEnabled()
    assert not field(dialog, "printer.file_path").isEnabled()


def test_the_printer_kind_enables_its_own_fields(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, Settings(), tmp_path / "settings.toml")
    assert not field(dialog, "printer.host").isEnabled()
    choose(field(dialog, "printer.kind"), "file")
    assert field(dialog, "printer.file_path").isEnabled()
    assert not field(dialog, "printer.port").isEnabled()


def test_save_writes_the_file_and_announces_the_settings(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    kept = replace(CUSTOM, printer=replace(CUSTOM.printer, qr_native=False))
    dialog = open_dialog(qtbot, kept, path)
    type_into(qtbot, field(dialog, "printer.port"), "9200")
    type_into(qtbot, field(dialog, "store.name"), "Épicerie Léa")
    field(dialog, "till.drawer_on_cash").setChecked(False)
    with qtbot.waitSignal(dialog.saved, timeout=2000) as signal:
        qtbot.mouseClick(field(dialog, "saveButton"), Qt.MouseButton.LeftButton)
    saved = signal.args[0]
    assert saved.printer.port == 9200 and saved.store.name == "Épicerie Léa"
    assert saved.till.drawer_on_cash is False
    assert saved.printer.qr_native is False  # a setting the form does not show is kept
    assert load_settings(path) == saved
    assert dialog.result() == SettingsDialog.DialogCode.Accepted and not dialog.isVisible()


def test_a_bad_port_is_shown_and_nothing_is_written(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    dialog = open_dialog(qtbot, CUSTOM, path)
    announced: list[Settings] = []
    dialog.saved.connect(announced.append)
    dialog.tabs.setCurrentIndex(0)
    type_into(qtbot, field(dialog, "printer.port"), "abc")
    qtbot.mouseClick(field(dialog, "saveButton"), Qt.MouseButton.LeftButton)
    message = dialog.error_label.text()
    assert "'abc'" in message and "65535" in message and "printer.port" not in message
    assert dialog.error_label.isVisible() and dialog.isVisible()
    assert dialog.tabs.currentWidget().objectName() == "printerTab"  # shows the field
    assert announced == [] and not path.exists()


def test_a_failed_write_is_shown_not_raised(qtbot: QtBot, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    dialog = open_dialog(qtbot, Settings(), blocker / "settings.toml")
    qtbot.mouseClick(field(dialog, "saveButton"), Qt.MouseButton.LeftButton)
    assert str(blocker) in dialog.error_label.text() and dialog.isVisible()


def test_test_page_prints_the_form_values_to_a_file(qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "lp0"
    settings = replace(CUSTOM, printer=PrinterConfig(kind="file", file_path=str(target)))
    path = tmp_path / "settings.toml"
    dialog = open_dialog(qtbot, settings, path)
    choose(field(dialog, "printer.columns"), 32)  # unsaved form values are what print
    choose(field(dialog, "printer.codepage"), "CP1252")
    qtbot.mouseClick(field(dialog, "printTestPage"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.test_result is not None, timeout=5000)
    data = target.read_bytes()
    assert data.startswith(b"\x1b@")  # ESC @: printer initialised
    assert "Comptoir — ".encode("cp1252") in data and "é".encode("cp1252") in data
    assert b"12345678901234567890123456789012\n" in data  # a 32-column ruler
    assert dialog.test_result == PrintResult.success("Test page printed.")
    assert dialog.test_label.text() == "Test page printed."
    assert not path.exists()  # testing is not saving


def test_test_page_on_a_closed_port_says_offline_quickly(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, CUSTOM, tmp_path / "settings.toml")
    type_into(qtbot, field(dialog, "printer.host"), "127.0.0.1")
    type_into(qtbot, field(dialog, "printer.port"), str(closed_port()))
    type_into(qtbot, field(dialog, "printer.timeout_s"), "1")
    started = time.monotonic()
    qtbot.mouseClick(field(dialog, "printTestPage"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.test_result is not None, timeout=3000)
    assert time.monotonic() - started < 3
    result = dialog.test_result
    assert result is not None and (result.ok, result.code) == (False, "offline")
    assert dialog.test_label.text() == result.message and "127.0.0.1" in result.message
    button = field(dialog, "printTestPage")
    assert isinstance(button, QPushButton) and button.isEnabled()


class SlowPrinter:
    """Holds its test page until released, and notes the thread it ran on."""

    def __init__(self, config: PrinterConfig) -> None:
        self.release = threading.Event()
        self.thread: int | None = None
        self.closed = False

    def print_test_page(self, words: object = None) -> PrintResult:
        self.thread = threading.get_ident()
        self.release.wait(5)
        return PrintResult.failure("paper_out", "Out of paper.", retryable=True)

    def close(self) -> None:
        self.closed = True


def test_test_page_never_blocks_the_gui_thread(qtbot: QtBot, tmp_path: Path) -> None:
    devices: list[SlowPrinter] = []

    def factory(config: PrinterConfig) -> SlowPrinter:
        devices.append(SlowPrinter(config))
        return devices[-1]

    dialog = open_dialog(qtbot, Settings(), tmp_path / "s.toml", device_factory=factory)
    started = time.monotonic()
    qtbot.mouseClick(field(dialog, "printTestPage"), Qt.MouseButton.LeftButton)
    assert time.monotonic() - started < 1  # the click returned while the printer works
    assert not field(dialog, "printTestPage").isEnabled() and dialog.test_result is None
    devices[0].release.set()
    qtbot.waitUntil(lambda: dialog.test_result is not None, timeout=5000)
    assert devices[0].thread != threading.get_ident() and devices[0].closed
    assert dialog.test_label.text() == "Out of paper."


@pytest.mark.parametrize("checkbox", ["till.drawer_on_cash", "scanner.enabled"])
def test_checkboxes_carry_their_label(qtbot: QtBot, tmp_path: Path, checkbox: str) -> None:
    dialog = open_dialog(qtbot, Settings(), tmp_path / "settings.toml")
    box = field(dialog, checkbox)
    assert isinstance(box, QCheckBox) and box.text() and box.isChecked()


def test_the_card_terminal_tab_saves_the_terminal(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    dialog = open_dialog(qtbot, CUSTOM, path)
    driver = field(dialog, "payment_terminal.driver")
    driver.setCurrentIndex(driver.findData("concert"))
    type_into(qtbot, field(dialog, "payment_terminal.address"), "192.168.1.60:8888")
    with qtbot.waitSignal(dialog.saved, timeout=2000) as signal:
        qtbot.mouseClick(field(dialog, "saveButton"), Qt.MouseButton.LeftButton)
    terminal = signal.args[0].payment_terminal
    assert (terminal.driver, terminal.address, terminal.timeout_s) == (
        "concert", "192.168.1.60:8888", 90.0,
    )  # fmt: skip
    assert load_settings(path).payment_terminal == terminal
