"""The thin shell: the current screen in a stack, and the status bar.

It shows the start screen while the till worker opens the store (and builds the demo
store on a first start), then the till.
"""

from __future__ import annotations

from pos.services.store_summary import StoreSummary
from pos.ui.messages import user_message
from pos.ui.printer_worker import PrinterThread
from pos.ui.qt import QAction, QKeySequence, QLabel, QMainWindow, QStackedWidget, QWidget, Signal
from pos.ui.receipt_flow import ReceiptPolicy
from pos.ui.screens.start_screen import StartScreen
from pos.ui.screens.till_screen import TillScreen
from pos.ui.till_controller import TillController


class MainWindow(QMainWindow):
    settings_requested = Signal()

    def __init__(
        self,
        controller: TillController,
        printer: PrinterThread | None = None,
        policy: ReceiptPolicy | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Comptoir — point of sale"))
        self.controller = controller
        self.stack = QStackedWidget(self)
        self.start_screen = StartScreen(self)
        self.till_screen = TillScreen(controller, printer, policy, self)
        self.stack.addWidget(self.start_screen)
        self.stack.addWidget(self.till_screen)
        self.setCentralWidget(self.stack)
        self.store_status = QLabel(self)
        self.printer_status = QLabel(self)
        self.show_printer_state("none" if printer is None else "unknown")
        self.till_screen.receipts.printer_state.connect(self.show_printer_state)
        self.network_status = QLabel(self.tr("Network: offline, sales kept on this till"), self)
        for label in (self.store_status, self.printer_status, self.network_status):
            self.statusBar().addPermanentWidget(label)
        self._build_menu()
        controller.worker.opened.connect(self.on_opened)
        controller.worker.refused.connect(self.on_refused_before_open)
        self.resize(1024, 768)

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Till"))
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setObjectName("settingsAction")
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.settings_requested)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        menu.addAction(self.settings_action)
        menu.addSeparator()
        menu.addAction(quit_action)

    def show_printer_state(self, code: str) -> None:
        states = {
            "none": self.tr("Printer: none (receipts on screen)"),
            "unknown": self.tr("Printer: not used yet"),
            "ok": self.tr("Printer: ready"),
            "offline": self.tr("Printer: offline"),
            "paper_out": self.tr("Printer: out of paper"),
            "cover_open": self.tr("Printer: cover open"),
            "timeout": self.tr("Printer: not answering"),
        }
        self.printer_status.setText(states.get(code, self.tr("Printer: error")))
        self.printer_status.setProperty("state", code)

    def on_opened(self, summary: StoreSummary) -> None:
        self.store_status.setText(
            self.tr("%1 · terminal %2 · cashier %3")
            .replace("%1", summary.store_name)
            .replace("%2", summary.terminal_id)
            .replace("%3", summary.cashier)
        )
        self.start_screen.show_summary(summary)
        self.stack.setCurrentWidget(self.till_screen)
        self.till_screen.scan_field.setFocus()

    def on_refused_before_open(self, code: str, message: str, params: dict) -> None:
        if self.stack.currentWidget() is self.start_screen:
            self.start_screen.show_error(user_message(code, message, params))
