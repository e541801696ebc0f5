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

from hardware.printer.connections import PrinterConfig, PrinterDevice
from hardware.printer.ports import PrintResult, ReceiptPrinter
from hardware.printer.testpage import PageWords
from pos.config import (
    Settings,
    SettingsError,
    save_settings,
    settings_from_dict,
)
from pos.ui.dialogs.settings_fields import CentsEdit
from pos.ui.dialogs.settings_form import SettingsForm
from pos.ui.dialogs.settings_printer import PrinterTab
from pos.ui.i18n import Retranslating
from pos.ui.money import format_money
from pos.ui.ops import run_op
from pos.ui.qt import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
    isValid,
)

DeviceFactory = Callable[[PrinterConfig], ReceiptPrinter]

_ERROR_STYLE = "color: #b00020;"
_OK_STYLE = "color: #1b5e20;"


class SettingsDialog(Retranslating, PrinterTab, SettingsForm, QDialog):
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
        self._retranslate_printer()

    def _tab_titles(self) -> list[str]:
        return [
            self.tr("Store"), self.tr("Terminal"), self.tr("Printer"), self.tr("Scanner"),
            self.tr("Card terminal"),
        ]  # fmt: skip

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
            "till.meal_voucher_cap_cents": self.tr(
                "Meal vouchers per sale, at most (€; 0: no cap)"
            ),
            "loyalty.offline_cap_points": self.tr(
                "Loyalty points spent offline per sale, at most (0: none)"
            ),
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
            "payment_terminal.driver": self.tr("Payment terminal (TPE)"),
            "payment_terminal.address": self.tr("Address (IP:port)"),
            "payment_terminal.timeout_s": self.tr("Longest wait for the card (seconds)"),
            "payment_terminal.pos_number": self.tr("Till number on the terminal"),
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
            "payment_terminal.driver": [
                self.tr("None (amount keyed on the terminal)"),
                self.tr("Concert protocol (TCP/IP)"),
            ],
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
        self._build_payment_terminal()
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
        self.resize(640, 600)

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
        rule, params = exc.rule, {"field": self._labels.get(exc.key, exc.key), **exc.params}
        if rule == "integer" and isinstance(self._fields.get(exc.key), CentsEdit):
            rule = "cents"  # kept in cents, typed in euros
            params.update({k: format_money(int(params[k])) for k in ("low", "high")})
        template = self._templates().get(rule)
        if template is None:
            return exc.message  # only the file can cause the others; English is the fallback
        return re.sub(r"%(\w+)", lambda m: params.get(m[1], m[0]), template)

    def _templates(self) -> dict[str, str]:
        return {
            "integer": self.tr("%field must be a whole number between %low and %high, not %value."),
            "hexadecimal": self.tr(
                "%field must be a hexadecimal number between %low and %high, not %value."
            ),
            "number": self.tr("%field must be a number between %low and %high, not %value."),
            "cents": self.tr("%field must be an amount between %low and %high, not %value."),
            "empty": self.tr("%field cannot be empty."),
            "required": self.tr("%field is needed for this kind of printer."),
            "siret": self.tr("%field must be the store's 14-digit SIRET number, or nothing."),
            "vat_number": self.tr(
                "%field must be an intra-EU VAT number such as FR32123456789, or nothing."
            ),
            "terminal_id": self.tr("%field must be 1 to 16 letters, digits, - or _."),
            "prefix": self.tr("%field must be at most 4 characters, without Enter or Tab."),
            "model_columns": self.tr("%field: the %model prints at most %most columns."),
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
        words = self.test_page_words()
        run_op(partial(_test_page, device, words), self._on_test_result, self._on_test_failure)

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


def _test_page(device: ReceiptPrinter, words: PageWords) -> PrintResult:
    """Runs on a pool thread: one job, then the connection is released."""
    try:
        return device.print_test_page(words)
    finally:
        device.close()
