"""The thin shell: the current screen in a stack, and the status bar.

It shows the start screen while the till worker opens the store (and builds the demo
store on a first start), then the till.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from pos.services.store_summary import StoreSummary
from pos.ui.i18n import Retranslating
from pos.ui.messages import user_message
from pos.ui.printer_worker import PrinterThread
from pos.ui.qt import (
    QAction,
    QKeySequence,
    QMainWindow,
    QResizeEvent,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from pos.ui.receipt_flow import ReceiptPolicy
from pos.ui.screens.start_screen import StartScreen
from pos.ui.screens.till_day.flow import TillDayFlow
from pos.ui.screens.till_screen import TillScreen
from pos.ui.staff_gate import StaffGate
from pos.ui.till_controller import TillController
from pos.ui.widgets.status_bar import TillStatusBar
from pos.ui.widgets.training_banner import TrainingBanner
from pos.ui.zoom import zoom_for

if TYPE_CHECKING:
    from sync.engine import SyncStatus


class MainWindow(Retranslating, QMainWindow):
    settings_requested = Signal()
    camera_requested = Signal()
    outbox_requested = Signal()
    promotions_requested = Signal()
    other_stores_requested = Signal()  # Ctrl+Shift+S: the selected line's product (issue 16)
    sales_requested = Signal()  # Ctrl+4: the till app builds the dashboard on first use

    def __init__(
        self,
        controller: TillController,
        printer: PrinterThread | None = None,
        policy: ReceiptPolicy | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.controller = controller
        self.stack = QStackedWidget(self)
        self.start_screen = StartScreen(self)
        self.till_screen = TillScreen(controller, printer, policy, self)
        self.stack.addWidget(self.start_screen)
        self.stack.addWidget(self.till_screen)
        self.pickup_screen: QWidget | None = None  # added once the store is open
        self.stock_screen: QWidget | None = None  # likewise (``StockFlow``)
        self.staff = StaffGate(self)  # the sign-in screen, F1 and the idle lock
        # The till day: the opening screen while no session is open, cash in/out, X, Z;
        # a manager approves its acts through the staff gate's dialog.
        self.day = TillDayFlow(self, self.stack, controller, self.staff.request_approval)
        self.training_banner = TrainingBanner(self)  # above every screen while practising
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.training_banner)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        bar = self.status_bar = TillStatusBar(self)
        self.setStatusBar(bar)
        self.store_status, self.cashier_status = bar.store_status, bar.cashier_status
        self.network_status, self.printer_status = bar.network_status, bar.printer_status
        bar.show_printer_state("none" if printer is None else "unknown")
        self.till_screen.receipts.printer_state.connect(bar.show_printer_state)
        self._build_menu()
        self.retranslate_ui()
        controller.worker.opened.connect(self.on_opened)
        controller.worker.training_changed.connect(self.show_training)
        controller.worker.refused.connect(self.on_refused_before_open)
        self.resize(1024, 768)

    def _build_menu(self) -> None:
        menu = self.till_menu = self.menuBar().addMenu("")
        self.settings_action = QAction(self)
        self.settings_action.setObjectName("settingsAction")
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.settings_requested)
        self.till_action = QAction(self)
        self.till_action.setShortcut(QKeySequence("Ctrl+1"))
        self.till_action.triggered.connect(self.show_till)
        self.pickup_action = QAction(self)
        self.pickup_action.setObjectName("pickupAction")
        self.pickup_action.setShortcut(QKeySequence("Ctrl+2"))
        self.pickup_action.setEnabled(False)  # until the store is open
        self.pickup_action.triggered.connect(self.show_pickup)
        self.sales_action = QAction(self)
        self.sales_action.setObjectName("salesAction")
        self.sales_action.setShortcut(QKeySequence("Ctrl+4"))
        self.sales_action.triggered.connect(self.sales_requested)
        self.stock_action = QAction(self)
        self.stock_action.setObjectName("stockAction")
        self.stock_action.setShortcut(QKeySequence("Ctrl+3"))
        self.stock_action.setEnabled(False)  # until the store is open
        self.stock_action.triggered.connect(self.show_stock)
        self.camera_action = QAction(self)
        self.camera_action.setObjectName("cameraAction")
        self.camera_action.setShortcut(QKeySequence("Ctrl+K"))
        self.camera_action.triggered.connect(self.camera_requested)
        self.outbox_action = QAction(self)
        self.outbox_action.setObjectName("outboxAction")
        self.outbox_action.setShortcut(QKeySequence("Ctrl+5"))  # the attention list
        self.outbox_action.triggered.connect(self.outbox_requested)
        self.promotions_action = QAction(self)
        self.promotions_action.setObjectName("promotionsAction")
        self.promotions_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.promotions_action.triggered.connect(self.promotions_requested)
        self.other_stores_action = QAction(self)
        self.other_stores_action.setObjectName("otherStoresAction")
        self.other_stores_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.other_stores_action.triggered.connect(self.other_stores_requested)
        self.status_bar.attention_clicked.connect(self.outbox_requested)
        self.fiscal_record_action = QAction(self)  # shown to managers (FiscalRecordFlow)
        self.fiscal_record_action.setObjectName("fiscalRecordAction")
        self.fiscal_record_action.setVisible(False)
        self.training_action = QAction(self)  # a manager's: the service checks the right
        self.training_action.setObjectName("trainingAction")
        self.training_action.setCheckable(True)
        self.training_action.triggered.connect(self.switch_training)
        quit_action = self.quit_action = QAction(self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        menu.addAction(self.till_action)
        menu.addAction(self.pickup_action)
        menu.addAction(self.sales_action)
        menu.addAction(self.stock_action)
        menu.addAction(self.staff.lock_action)
        menu.addSeparator()
        self.day.add_actions(menu)
        menu.addSeparator()
        menu.addAction(self.camera_action)
        menu.addAction(self.other_stores_action)
        menu.addAction(self.outbox_action)
        menu.addAction(self.promotions_action)
        menu.addAction(self.fiscal_record_action)
        menu.addAction(self.training_action)
        menu.addAction(self.settings_action)
        menu.addSeparator()
        menu.addAction(quit_action)

    def retranslate_ui(self) -> None:
        """Title, menu and the status bar in the language just installed."""
        self.setWindowTitle(self.tr("Comptoir — point of sale"))
        self.till_menu.setTitle(self.tr("&Till"))
        for action, text in (
            (self.settings_action, self.tr("&Settings…")),
            (self.till_action, self.tr("&Sale")),
            (self.pickup_action, self.tr("&Pickup desk")),
            (self.sales_action, self.tr("Sales at a &glance")),
            (self.stock_action, self.tr("S&tock")),
            (self.camera_action, self.tr("&Camera scanning…")),
            (self.other_stores_action, self.tr("&Other stores…")),
            (self.outbox_action, self.tr("&Operations to check…")),
            (self.promotions_action, self.tr("P&romotions…")),
            (self.fiscal_record_action, self.tr("&Fiscal record…")),
            (self.training_action, self.tr("Training &mode")),
            (self.quit_action, self.tr("&Quit")),
        ):
            action.setText(text)
        self.day.retranslate_ui()
        self.staff.retranslate_ui()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The status bar's text grows with the screen, as the till's does."""
        super().resizeEvent(event)
        self.status_bar.apply_zoom(zoom_for(event.size().height()))

    def add_pickup_screen(self, screen: QWidget) -> None:
        self.pickup_screen = screen
        self.stack.addWidget(screen)
        self.pickup_action.setEnabled(True)

    def show_till(self) -> None:
        """The sale, once the store is open, someone signed in and a till session open
        (else the sign-in screen stays, or the session's opening shows)."""
        if self.stack.currentWidget() is self.start_screen or self.staff.locked:
            return
        if self.day.state is not None and not self.day.can_sell:
            self.stack.setCurrentWidget(self.day.opening)
            return
        self.stack.setCurrentWidget(self.till_screen)
        self.till_screen.scan_field.setFocus()

    def show_pickup(self) -> None:
        if self.pickup_screen is not None and not self.staff.locked:
            self.stack.setCurrentWidget(self.pickup_screen)

    def show_screen(self, screen: QWidget) -> None:
        """A screen built later (the sales dashboard), once the store is open and someone
        signed in; added to the stack the first time."""
        if self.stack.currentWidget() is self.start_screen or self.staff.locked:
            return
        if self.stack.indexOf(screen) < 0:
            self.stack.addWidget(screen)
        self.stack.setCurrentWidget(screen)

    def add_stock_screen(self, screen: QWidget) -> None:
        self.stock_screen = screen
        self.stack.addWidget(screen)
        self.stock_action.setEnabled(True)

    def show_stock(self) -> None:
        if self.stock_screen is not None and not self.staff.locked:
            self.stack.setCurrentWidget(self.stock_screen)
            self.stock_screen.focus_search()  # type: ignore[attr-defined]

    @property
    def on_stock_screen(self) -> bool:
        return self.stock_screen is not None and self.stack.currentWidget() is self.stock_screen

    @property
    def on_pickup_desk(self) -> bool:
        return self.pickup_screen is not None and self.stack.currentWidget() is self.pickup_screen

    def switch_training(self, on: bool) -> None:
        """Ask the worker; the menu's tick follows its answer, not the click."""
        self.training_action.setChecked(self.training_banner.on)
        self.controller.request("training", on)

    def show_training(self, on: bool) -> None:
        self.training_banner.show_mode(on)
        self.training_action.setChecked(on)

    def show_printer_state(self, code: str) -> None:
        self.status_bar.show_printer_state(code)

    def show_sync_status(self, status: SyncStatus | None) -> None:
        """None: this till has no central server (a demo, or not enrolled yet)."""
        self.status_bar.show_sync_status(status)

    def on_opened(self, summary: StoreSummary) -> None:
        self._show_store(summary)
        self.start_screen.show_summary(summary)
        self.staff.screen.show_demo_pins(summary.demo_staff)
        self.staff.lock()  # the till opens on the sign-in screen

    def _show_store(self, summary: StoreSummary) -> None:
        self.status_bar.show_store(summary)

    def show_cashier(self, name: str) -> None:
        """The status bar names who is signed in (``StaffGate``)."""
        self.status_bar.show_cashier(name)

    def on_refused_before_open(self, code: str, message: str, params: dict) -> None:
        if self.stack.currentWidget() is self.start_screen:
            self.start_screen.show_error(partial(user_message, code, message, params))
