"""The running till: its settings, worker, printer, scanner filter and window.

Saved settings take effect at once (scanner, printer, receipt policy, store header, and
the language: the open screens are worded again); the terminal number at the next start,
because a sale in progress is numbered under the old one. A settings file the till
cannot use never stops it: the till starts on the defaults, says why, and leaves the file
as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from hardware.printer.connections import PrinterConfig, PrinterDevice
from hardware.printer.ports import ReceiptPrinter
from pos.config import Settings
from pos.domain.errors import PosError
from pos.domain.rights import Right
from pos.services.central_link import sync_engine
from pos.services.receipts import header_for_store
from pos.services.returns import ReturnRules
from pos.services.store_summary import StoreSummary
from pos.services.witness_alerts import WitnessAlerts
from pos.ui.customer_display import CustomerDisplay, replace_display
from pos.ui.dialogs.camera_dialog import CameraDialog
from pos.ui.dialogs.settings_dialog import SettingsDialog
from pos.ui.fiscal_record_flow import fiscal_record_flow
from pos.ui.i18n import install_translations, switch_language
from pos.ui.main_window import MainWindow
from pos.ui.manager_menu import ManagerMenu
from pos.ui.ops import run_op
from pos.ui.other_stores_flow import OtherStoresFlow
from pos.ui.pickup_flow import PickupFlow
from pos.ui.printer_worker import PrinterThread
from pos.ui.qt import QApplication, QDialog, QMessageBox, QObject
from pos.ui.receipt_flow import ReceiptPolicy
from pos.ui.scanner_filter import ScannerFilter
from pos.ui.stock_flow import StockFlow
from pos.ui.sync_bridge import SyncBridge
from pos.ui.till_controller import TillController, TillOptions
from pos.ui.till_staff_worker import SignedIn
from pos.ui.warm_imports import AfterNextPaint, import_later
from pos.ui.witness_alert import WitnessAlertFlow

if TYPE_CHECKING:  # loaded once the till sells: pydantic, httpx and the desk's screens
    from pos.ui.dialogs.outbox_dialog import OutboxDialog
    from pos.ui.pickup_controller import PickupController
    from pos.ui.screens.pickup_screen import PickupScreen
    from pos.ui.screens.sales_dashboard import SalesDashboard
    from sync.engine import SyncEngine

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
        qr_native=settings.printer.qr_native,
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
        self._app = app
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
                session_max_hours=settings.till.session_max_hours,
                close_difference_limit_cents=settings.till.close_difference_limit_cents,
                meal_voucher_cap_cents=settings.till.meal_voucher_cap_cents,
                fiscal_year_start_month=settings.fiscal.year_start_month,
                return_rules=ReturnRules.of(settings.till),
                payment_terminal=settings.payment_terminal,
                loyalty_offline_cap_points=settings.loyalty.offline_cap_points,
            )
        )
        printer = self._printer_for(settings.printer)
        self.window = MainWindow(self.controller, printer, receipt_policy(settings))
        self.scanner = ScannerFilter(settings.scanner, parent=self)
        app.installEventFilter(self.scanner)  # wedge scanner bursts, wherever the focus is
        self.scanner.barcode_scanned.connect(self.route_scan)
        self.window.settings_requested.connect(self.open_settings)
        self.camera_dialog: CameraDialog | None = None
        self.window.camera_requested.connect(self.open_camera)
        self.other_stores = OtherStoresFlow(self.window, options.data_dir, options.cashier)
        self.window.other_stores_requested.connect(self.other_stores.open_for_line)
        self.sync = SyncBridge(self)
        self.sync.status_changed.connect(self.window.show_sync_status)
        self.sync.status_changed.connect(self.window.till_screen.returns.sync_changed)
        self.sync.status_changed.connect(self.window.till_screen.customers.sync_changed)
        self.controller.worker.opened.connect(self._link_central)
        self.window.till_screen.basket_shown.connect(self._warm_up)
        self.stock = StockFlow(self.window, options.data_dir, self.sync)  # Ctrl+3
        self.stock.connect_other_stores(self.other_stores.open)
        self.menu = ManagerMenu(self.window, options.data_dir,
                                lambda: self.settings.till.terminal_id, self.sync.wake)  # fmt: skip
        self.pickup_flow = PickupFlow(self)  # Ctrl+2, built on first use
        self.open_pickup_desk = self.pickup_flow.open
        self.controller.worker.completed.connect(self.sync.wake)  # push the sale now
        self.customer_display: CustomerDisplay | None = None
        self._set_customer_display(settings.till.customer_display, settings.store.name)
        self.window.staff.set_idle_minutes(settings.till.lock_after_minutes)
        self.window.staff.signed_in.connect(self._signed_in)
        self.witness = WitnessAlertFlow(WitnessAlerts(options.data_dir), self.window)
        self.window.staff.signed_in.connect(self.witness.signed_in)  # central's chain flags
        self.fiscal = fiscal_record_flow(options.data_dir, settings, self.window)  # managers'
        app.aboutToQuit.connect(self.shutdown)

    @property
    def printer(self) -> PrinterThread | None:
        return self.window.till_screen.receipts.printer

    @property
    def pickup(self) -> PickupController | None:
        return self.pickup_flow.controller

    @property
    def pickup_screen(self) -> PickupScreen | None:
        return self.pickup_flow.screen

    @property
    def slip_preview(self) -> QDialog | None:
        return self.pickup_flow.slip_preview

    @property
    def outbox_dialog(self) -> OutboxDialog | None:
        return self.menu.outbox_dialog

    @property
    def sales_dashboard(self) -> SalesDashboard | None:
        return self.menu.sales_dashboard

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
        self._set_customer_display("off", "")
        self.sync.stop()
        self.pickup_flow.shutdown()
        self.stock.shutdown()
        if self.camera_dialog is not None:
            self.camera_dialog.shutdown()
        self.scanner.close()
        self.controller.shutdown()
        if self.printer is not None:
            self.printer.shutdown()

    def _set_customer_display(self, mode: str, store_name: str) -> None:
        self.customer_display = replace_display(
            self.customer_display, mode, store_name, self.controller.worker
        )

    # -- the camera -------------------------------------------------------------------------

    def open_camera(self) -> None:
        if self.camera_dialog is None:
            self.camera_dialog = CameraDialog(self.window)
            self.camera_dialog.code_scanned.connect(self.route_code)
        self.camera_dialog.show()
        self.camera_dialog.raise_()

    def route_code(self, text: str, kind: str) -> None:
        """A code from the camera goes where the hand scanner's would."""
        self.route_scan(text)

    def route_scan(self, code: str) -> None:
        """A scanner's code: a staff badge while signing in or approving, to the pickup
        desk while it shows, else to the sale."""
        if self.window.staff.scan(code) or self.stock.scan(code) or self.pickup_flow.scan(code):
            return
        if self.window.day.showing_opening:
            QApplication.beep()  # no sale before the till is opened
        else:  # the return dialog takes it, or a receipt's QR opens it, else the sale
            self.window.till_screen.returns.route(code)

    def _signed_in(self, signed: SignedIn) -> None:
        """Their language is live (``StaffGate``): receipts and slips follow."""
        self.language = signed.language
        self.controller.request("set_header", header_for_store(self.settings.store, self.language))

    def _warm_up(self, _view: object) -> None:
        """Once the first basket is shown and painted, the modules the start left out are
        imported off the GUI thread (``warm_imports``): the first paint does not share the
        interpreter with them."""
        self.window.till_screen.basket_shown.disconnect(self._warm_up)
        AfterNextPaint(self.window, import_later)

    # -- the central server -----------------------------------------------------------------

    def _link_central(self, summary: StoreSummary) -> None:
        """An enrolled till starts its sync engine; reading the token (the OS keyring)
        and opening the engine happen off the GUI thread."""
        if summary.central is None:
            return
        from sync.engine import SyncStatus

        self.window.show_sync_status(SyncStatus(state="starting"))
        job = partial(sync_engine, self.options.data_dir, summary.central, self.sync.report)
        run_op(job, self._engine_ready, self._engine_failed)

    def _engine_ready(self, engine: SyncEngine) -> None:
        self.sync.attach(engine)
        self.sync.start()

    def _engine_failed(self, exc: Exception) -> None:
        from sync.engine import SyncStatus

        message = exc.message if isinstance(exc, PosError) else str(exc)
        self.window.show_sync_status(SyncStatus(state="error", last_error=message))

    # -- settings -------------------------------------------------------------------------

    def open_settings(self) -> None:
        """For whoever holds ``SETTINGS`` (managers, admins): a cashier is told who can."""
        actor = self.window.staff.actor
        if actor is None or not actor.may(Right.SETTINGS):
            self.window.till_screen.show_refusal(
                "settings_refused",
                self.tr("Settings are for managers: a manager signs in (F1) to change them."),
            )
            return
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
        self.controller.request("settings_saved", old, settings)  # the JET, on the worker
        if settings.till.language != old.till.language:
            self.language = switch_language(self._app, settings.till.language)
        self.scanner.apply_settings(settings.scanner)
        self.window.staff.set_idle_minutes(settings.till.lock_after_minutes)
        self.controller.request("set_header", header_for_store(settings.store, self.language))
        self.controller.request("set_meal_voucher_cap", settings.till.meal_voucher_cap_cents)
        self.controller.request("set_loyalty_cap", settings.loyalty.offline_cap_points)
        self.controller.request("set_payment_terminal", settings.payment_terminal)
        printer = self.printer
        if settings.printer != old.printer:
            if printer is not None:
                printer.retire()  # a slow printer lets go on its own thread
            printer = self._printer_for(settings.printer)
            if printer is not None:
                printer.start()
        self.window.till_screen.receipts.set_printer(printer, receipt_policy(settings))
        if (settings.till.customer_display, settings.store.name) != (
            old.till.customer_display,
            old.store.name,
        ):
            self._set_customer_display(settings.till.customer_display, settings.store.name)
        if settings.till.terminal_id != old.till.terminal_id:
            self._inform(self.tr("Settings saved. The terminal number changes at the next start."))

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
