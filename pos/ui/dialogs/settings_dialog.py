"""The till's settings: store, terminal, printer and scanner, and a printer test page.

The form is a view of the settings file's TOML shape: every field's objectName is its
key ("printer.port"), filling reads ``settings_to_dict`` and saving hands the same shape
back to ``settings_from_dict``. So the dialog and the file share one validation and its
messages; a mistake is shown in red under the form, the field is focused, and nothing is
written. The test page talks to the printer off the GUI thread (``run_op``): a switched
off network printer must never freeze the till.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from hardware.printer.connections import PrinterConfig, PrinterDevice
from hardware.printer.ports import PrintResult, ReceiptPrinter
from pos.config import (
    Settings,
    SettingsError,
    save_settings,
    settings_from_dict,
    settings_to_dict,
)
from pos.ui.dialogs.settings_fields import choice_box, lines_edit, set_value, value_of
from pos.ui.i18n import is_language_change
from pos.ui.ops import run_op
from pos.ui.qt import (
    QCheckBox,
    QDialog,
    QEvent,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
    isValid,
)

DeviceFactory = Callable[[PrinterConfig], ReceiptPrinter]

_ERROR_STYLE = "color: #b00020;"
_OK_STYLE = "color: #1b5e20;"
_HEX_KEYS = frozenset({"printer.usb_vendor_id", "printer.usb_product_id"})
#: Printer fields that only mean something for some kinds; the others are greyed out.
_KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "printer.host": ("network",),
    "printer.port": ("network",),
    "printer.timeout_s": ("network", "usb", "serial"),
    "printer.usb_vendor_id": ("usb",),
    "printer.usb_product_id": ("usb",),
    "printer.serial_device": ("serial",),
    "printer.baudrate": ("serial",),
    "printer.file_path": ("file",),
}


class SettingsDialog(QDialog):
    """Edit ``settings`` and save them to ``path``; ``saved(Settings)`` after a good save."""

    saved = Signal(object)

    def __init__(
        self,
        settings: Settings,
        path: Path,
        parent: QWidget | None = None,
        *,
        device_factory: DeviceFactory = PrinterDevice,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setModal(True)
        self.settings = settings
        self.path = path
        self.test_result: PrintResult | None = None
        self._device_factory = device_factory
        self._fields: dict[str, QWidget] = {}
        self._labels: dict[str, str] = {}
        self._tab_of: dict[str, int] = {}
        self._form_labels: dict[str, QWidget] = {}
        self._build()
        self.retranslate_ui()
        self.show_settings(settings)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Tabs, labels and choices in the new language (the values stay as they are)."""
        self.setWindowTitle(self.tr("Settings"))
        for index, title in enumerate(self._tab_titles()):
            self.tabs.setTabText(index, title)
        self._labels = self._label_texts()
        for key, widget in self._fields.items():
            label = self._form_labels.get(key)
            if isinstance(widget, QCheckBox):
                widget.setText(self._labels[key])
            elif isinstance(label, QLabel):
                label.setText(self._labels[key])
        for key, texts in self._choice_texts().items():
            combo = self._fields[key]
            for index, text in enumerate(texts):
                combo.setItemText(index, text)
        self.cancel_button.setText(self.tr("Cancel"))
        self.save_button.setText(self.tr("Save"))
        self.test_button.setText(self.tr("Print test page"))

    def _tab_titles(self) -> list[str]:
        return [self.tr("Store"), self.tr("Terminal"), self.tr("Printer"), self.tr("Scanner")]

    def _label_texts(self) -> dict[str, str]:
        """Each field's label, by its key: the form shows them, mistakes name them."""
        return {
            "store.name": self.tr("Store name"),
            "store.address_lines": self.tr("Address (one line each)"),
            "store.siret": self.tr("SIRET"),
            "store.vat_number": self.tr("VAT number"),
            "store.receipt_footer": self.tr("Receipt footer (one line each)"),
            "till.terminal_id": self.tr("Terminal number"),
            "till.language": self.tr("Language"),
            "till.receipt_default": self.tr("Receipt"),
            "till.drawer_on_cash": self.tr("Open the cash drawer for cash payments"),
            "till.customer_display": self.tr("Customer display"),
            "printer.kind": self.tr("Connection"),
            "printer.host": self.tr("Address (IP or name)"),
            "printer.port": self.tr("Port"),
            "printer.timeout_s": self.tr("Timeout (seconds)"),
            "printer.usb_vendor_id": self.tr("USB vendor id (hex)"),
            "printer.usb_product_id": self.tr("USB product id (hex)"),
            "printer.serial_device": self.tr("Serial device"),
            "printer.baudrate": self.tr("Baud rate"),
            "printer.file_path": self.tr("File path"),
            "printer.profile": self.tr("Printer model"),
            "printer.codepage": self.tr("Code page"),
            "printer.columns": self.tr("Receipt width"),
            "printer.drawer_pin": self.tr("Cash drawer pin"),
            "printer.check_status": self.tr("Check paper and cover before each receipt"),
            "scanner.enabled": self.tr("Detect the barcode scanner by its typing speed"),
            "scanner.min_length": self.tr("Shortest code (characters)"),
            "scanner.max_gap_ms": self.tr("Longest gap between keys (ms)"),
            "scanner.prefix": self.tr("Prefix sent by the scanner"),
            "scanner.keyboard_fix": self.tr("Keyboard layout fix"),
        }

    def _choice_texts(self) -> dict[str, list[str]]:
        """The translated choices of each list, in the order of their values below."""
        return {
            "till.receipt_default": [
                self.tr("Ask the customer"),
                self.tr("Always print"),
                self.tr("Do not print"),
            ],
            "till.customer_display": [
                self.tr("On a second screen, when one is plugged in"),
                self.tr("In a window"),
                self.tr("Off"),
            ],
            "printer.kind": [
                self.tr("No printer"),
                self.tr("Network"),
                self.tr("USB"),
                self.tr("Serial port"),
                self.tr("File or device"),
            ],
            "printer.columns": [
                self.tr("48 columns (80 mm paper)"),
                self.tr("32 columns (58 mm paper)"),
            ],
            "printer.drawer_pin": [self.tr("Pin 2"), self.tr("Pin 5")],
            "scanner.keyboard_fix": [
                self.tr("None"),
                self.tr("US scanner on a French keyboard"),
                self.tr("French scanner on a US keyboard"),
            ],
        }

    # -- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("settingsTabs")
        self._build_store()
        self._build_till()
        self._build_printer()
        self._build_scanner()
        self.error_label = QLabel(self)
        self.error_label.setObjectName("settingsError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(_ERROR_STYLE)
        self.cancel_button = self._button("cancelButton", self.reject)
        self.save_button = self._button("saveButton", self.save)
        self.save_button.setDefault(True)
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(self.cancel_button)
        footer.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error_label)
        layout.addLayout(footer)
        self.resize(620, 560)

    def _build_store(self) -> None:
        self._tab("store")
        self._add("name", QLineEdit())
        self._add("address_lines", lines_edit())
        self._add("siret", QLineEdit())
        self._add("vat_number", QLineEdit())
        self._add("receipt_footer", lines_edit())

    def _build_till(self) -> None:
        self._tab("till")
        self._add("terminal_id", QLineEdit())
        # Language names are written in their own language, so anyone can find theirs.
        self._add("language", choice_box([("Français", "fr"), ("English", "en")]))
        self._add("receipt_default", choice_box(["ask", "print", "none"]))
        self._add("drawer_on_cash", QCheckBox())
        self._add("customer_display", choice_box(["auto", "window", "off"]))

    def _build_printer(self) -> None:
        self._tab("printer")
        kinds = ["dummy", "network", "usb", "serial", "file"]
        self.kind_combo = self._add("kind", choice_box(kinds))
        self._add("host", QLineEdit())
        self._add("port", QLineEdit())
        self._add("timeout_s", QLineEdit())
        self._add("usb_vendor_id", QLineEdit())
        self._add("usb_product_id", QLineEdit())
        self._add("serial_device", QLineEdit())
        rates = (2400, 4800, 9600, 19200, 38400, 57600, 115200)
        self._add("baudrate", choice_box([(str(r), r) for r in rates]))
        self._add("file_path", QLineEdit())
        self._add("profile", QLineEdit())
        self._add("codepage", choice_box([("CP858", "CP858"), ("CP1252", "CP1252")]))
        self._add("columns", choice_box([48, 32]))
        self._add("drawer_pin", choice_box([2, 5]))
        self._add("check_status", QCheckBox())
        self._build_test_row()
        self.kind_combo.currentIndexChanged.connect(self._enable_kind_fields)

    def _build_test_row(self) -> None:
        self.test_button = self._button("printTestPage", self.print_test_page)
        self.test_label = QLabel(self)
        self.test_label.setObjectName("testPageResult")
        self.test_label.setWordWrap(True)
        self._form.addRow(self.test_button, self.test_label)

    def _build_scanner(self) -> None:
        self._tab("scanner")
        self._add("enabled", QCheckBox())
        self._add("min_length", QLineEdit())
        self._add("max_gap_ms", QLineEdit())
        self._add("prefix", QLineEdit())
        fixes = ["none", "us_scanner_on_azerty", "azerty_scanner_on_us"]
        self._add("keyboard_fix", choice_box(fixes))

    def _tab(self, section: str) -> None:
        page = QWidget(self.tabs)
        page.setObjectName(f"{section}Tab")
        self._form = QFormLayout()
        column = QVBoxLayout(page)
        column.addLayout(self._form)
        column.addStretch(1)  # rows keep their height; the space goes below them
        self._section = section
        self.tabs.addTab(page, "")

    def _add(self, name: str, widget: Any) -> Any:
        """Put ``widget`` on the current tab as the field of key ``section.name``; its
        label comes from ``_label_texts`` (set in ``retranslate_ui``)."""
        key = f"{self._section}.{name}"
        widget.setObjectName(key)
        self._fields[key] = widget
        self._tab_of[key] = self.tabs.count() - 1
        if isinstance(widget, QCheckBox):
            self._form.addRow(widget)
        else:
            self._form.addRow(key, widget)
            self._form_labels[key] = self._form.labelForField(widget)
        return widget

    def _button(self, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # -- form <-> settings ------------------------------------------------------------------

    def show_settings(self, settings: Settings) -> None:
        data = settings_to_dict(settings)
        for key, widget in self._fields.items():
            section, name = key.split(".")
            set_value(widget, data[section][name], hexadecimal=key in _HEX_KEYS)
        self._enable_kind_fields()

    def form_data(self) -> dict[str, dict[str, Any]]:
        """The form in the file's shape; keys the form does not show keep their values."""
        data = settings_to_dict(self.settings)
        for key, widget in self._fields.items():
            section, name = key.split(".")
            data[section][name] = value_of(widget)
        return data

    def _enable_kind_fields(self) -> None:
        kind = self.kind_combo.currentData()
        for key, kinds in _KIND_FIELDS.items():
            widget = self._fields[key]
            widget.setEnabled(kind in kinds)
            label = self._form_labels.get(key)
            if label is not None:
                label.setEnabled(kind in kinds)

    # -- saving -----------------------------------------------------------------------------

    def save(self) -> None:
        """Validate, write the file, then announce; on any mistake stay open and say why."""
        try:
            settings = settings_from_dict(self.form_data())
            save_settings(self.path, settings)
        except SettingsError as exc:
            self._show_error(exc)
            return
        self.error_label.clear()
        self.settings = settings
        self.saved.emit(settings)
        self.accept()

    def _show_error(self, exc: SettingsError) -> None:
        self.error_label.setText(self.explain(exc))
        widget = self._fields.get(exc.key)
        if widget is not None:
            self.tabs.setCurrentIndex(self._tab_of[exc.key])
            widget.setFocus()

    def explain(self, exc: SettingsError) -> str:
        """``exc`` in the interface language, naming the field by its label."""
        template = self._templates().get(exc.rule)
        if template is None:
            return exc.message  # only the file can cause the others; English is the fallback
        params = {"field": self._labels.get(exc.key, exc.key), **exc.params}
        return re.sub(r"%(\w+)", lambda m: params.get(m[1], m[0]), template)

    def _templates(self) -> dict[str, str]:
        return {
            "integer": self.tr("%field must be a whole number between %low and %high, not %value."),
            "hexadecimal": self.tr(
                "%field must be a hexadecimal number between %low and %high, not %value."
            ),
            "number": self.tr("%field must be a number between %low and %high, not %value."),
            "empty": self.tr("%field cannot be empty."),
            "required": self.tr("%field is needed for this kind of printer."),
            "siret": self.tr("%field must be the store's 14-digit SIRET number, or nothing."),
            "vat_number": self.tr(
                "%field must be an intra-EU VAT number such as FR32123456789, or nothing."
            ),
            "terminal_id": self.tr("%field must be 1 to 16 letters, digits, - or _."),
            "prefix": self.tr("%field must be at most 4 characters, without Enter or Tab."),
            "unwritable": self.tr(
                "The settings could not be saved to %path (%detail): check that the folder "
                "exists and can be written to."
            ),
        }

    # -- printer test page --------------------------------------------------------------------

    def print_test_page(self) -> None:
        """Print with the printer values now in the form (saved or not), off the GUI thread."""
        try:
            config = settings_from_dict({"printer": self.form_data()["printer"]}).printer
        except SettingsError as exc:
            self._show_error(exc)
            return
        self.error_label.clear()
        self.test_button.setEnabled(False)
        self.test_result = None
        self._show_test_text(self.tr("Printing the test page…"), "")
        device = self._device_factory(config)
        run_op(partial(_test_page, device), self._on_test_result, self._on_test_failure)

    def _on_test_result(self, result: PrintResult) -> None:
        if not isValid(self):
            return  # the dialog was closed while the printer answered
        self.test_result = result
        self.test_button.setEnabled(True)
        self._show_test_text(result.message, _OK_STYLE if result.ok else _ERROR_STYLE)

    def _on_test_failure(self, exc: Exception) -> None:
        result = PrintResult.failure("error", str(exc), retryable=False)
        if isValid(self):
            self._on_test_result(result)
            self.test_label.setText(
                self.tr("The test page could not be printed: %1").replace("%1", str(exc))
            )

    def _show_test_text(self, text: str, style: str) -> None:
        self.test_label.setStyleSheet(style)
        self.test_label.setText(text)


def _test_page(device: ReceiptPrinter) -> PrintResult:
    """Runs on a pool thread: one job, then the connection is released."""
    try:
        return device.print_test_page()
    finally:
        device.close()
