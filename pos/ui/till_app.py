"""The running till: its settings, worker, printer, scanner filter and window.

Saved settings take effect at once (scanner, printer, receipt policy, store header);
the language and the terminal number at the next start, because a sale in progress is
numbered and worded under the old ones. A settings file the till cannot use never stops
it: the till starts on the defaults, says why, and leaves the file as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from hardware.printer.connections import PrinterConfig, PrinterDevice
from hardware.printer.ports import ReceiptPrinter
from pos.config import Settings
from pos.services.receipts import header_for_store
from pos.ui.dialogs.settings_dialog import SettingsDialog
from pos.ui.i18n import install_translations
from pos.ui.main_window import MainWindow
from pos.ui.printer_worker import PrinterThread
from pos.ui.qt import QApplication, QMessageBox, QObject
from pos.ui.receipt_flow import ReceiptPolicy
from pos.ui.scanner_filter import ScannerFilter
from pos.ui.till_controller import TillController, TillOptions

DeviceFactory = Callable[[PrinterConfig], ReceiptPrinter]


@dataclass(frozen=True, slots=True)
class StartOptions:
    data_dir: Path
    config_path: Path
    language: str | None = None  # ``--lang``: wins over the settings for this run
    cashier: str = "Camille"
    demo_if_empty: bool = True


def receipt_policy(settings: Settings) -> ReceiptPolicy:
    return ReceiptPolicy(
        default=settings.till.receipt_default,
        drawer_on_cash=settings.till.drawer_on_cash,
        columns=settings.printer.columns,
        codepage=settings.printer.codepage,
    )


class TillApp(QObject):
    def __init__(
        self,
        app: QApplication,
        options: StartOptions,
        settings: Settings,
        *,
        settings_error: str = "",
        device_factory: DeviceFactory = PrinterDevice,
    ) -> None:
        super().__init__(app)
        self.options = options
        self.settings = settings
        self.settings_error = settings_error
        self.settings_dialog: SettingsDialog | None = None
        self._device_factory = device_factory
        self.language = install_translations(app, options.language or settings.till.language)
        self.controller = TillController(
            TillOptions(
                options.data_dir,
                cashier=options.cashier,
                demo_if_empty=options.demo_if_empty,
                receipt_header=header_for_store(settings.store, self.language),
                terminal_id=settings.till.terminal_id,
            )
        )
        printer = self._printer_for(settings.printer)
        self.window = MainWindow(self.controller, printer, receipt_policy(settings))
        self.scanner = ScannerFilter(settings.scanner, parent=self)
        app.installEventFilter(self.scanner)  # wedge scanner bursts, wherever the focus is
        self.scanner.barcode_scanned.connect(self.window.till_screen.scan)
        self.window.settings_requested.connect(self.open_settings)
        app.aboutToQuit.connect(self.shutdown)

    @property
    def printer(self) -> PrinterThread | None:
        return self.window.till_screen.receipts.printer

    def start(self) -> None:
        self.window.show()
        self.controller.start()
        if self.printer is not None:
            self.printer.start()
        if self.settings_error:
            self._inform(
                self.tr(
                    "The settings file could not be used:\n%1\n\nThe till runs on the default "
                    "settings; the file was left as it is."
                ).replace("%1", self.settings_error),
                QMessageBox.Icon.Warning,
            )

    def shutdown(self) -> None:
        self.scanner.close()
        self.controller.shutdown()
        if self.printer is not None:
            self.printer.shutdown()

    # -- settings -------------------------------------------------------------------------

    def open_settings(self) -> None:
        dialog = SettingsDialog(
            self.settings,
            self.options.config_path,
            self.window,
            device_factory=self._device_factory,
        )
        dialog.saved.connect(self.apply_settings)
        dialog.finished.connect(dialog.deleteLater)
        self.settings_dialog = dialog
        dialog.open()

    def apply_settings(self, settings: Settings) -> None:
        """Take saved settings now; say what waits for the next start."""
        old, self.settings = self.settings, settings
        self.settings_error = ""
        self.scanner.apply_settings(settings.scanner)
        self.controller.request("set_header", header_for_store(settings.store, self.language))
        printer = self.printer
        if settings.printer != old.printer:
            if printer is not None:
                printer.retire()  # a slow printer lets go on its own thread
            printer = self._printer_for(settings.printer)
            if printer is not None:
                printer.start()
        self.window.till_screen.receipts.set_printer(printer, receipt_policy(settings))
        later = (
            settings.till.language != old.till.language
            or settings.till.terminal_id != old.till.terminal_id
        )
        if later:
            self._inform(
                self.tr(
                    "Settings saved. The language and the terminal number change at the next start."
                )
            )

    def _printer_for(self, config: PrinterConfig) -> PrinterThread | None:
        """No printer for "dummy": receipts are shown on screen instead."""
        if config.kind == "dummy":
            return None
        return PrinterThread(partial(self._device_factory, config), parent=self)

    def _inform(self, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Information) -> None:
        box = QMessageBox(
            icon, self.tr("Comptoir"), text, QMessageBox.StandardButton.Ok, self.window
        )
        box.setObjectName("tillAppMessage")
        box.finished.connect(box.deleteLater)
        self.message_box = box
        box.open()  # never exec(): a scan must still reach the till behind it
