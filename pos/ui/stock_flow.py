"""The stock screen in the running till: built on first use (Ctrl+3) once the till
opened the store, never on the GUI thread while the till sells (issue 18.2); told who
is signed in and whether central answers, and given the scanner while it shows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pos.ui.qt import QObject, isValid

if TYPE_CHECKING:
    from pos.services.store_summary import StoreSummary
    from pos.ui.main_window import MainWindow
    from pos.ui.screens.stock_screen import StockScreen
    from pos.ui.stock_controller import StockController
    from pos.ui.sync_bridge import SyncBridge
    from pos.ui.till_staff_worker import SignedIn
    from sync.engine import SyncStatus

#: Opens other stores' figures for an article: (product_id, sku, name).
OpenOtherStores = Callable[[int, str, str], Any]


class StockFlow(QObject):
    def __init__(self, window: MainWindow, data_dir: Path, sync: SyncBridge) -> None:
        super().__init__(window)
        self.window = window
        self.data_dir = data_dir
        self.controller: StockController | None = None
        self.screen: StockScreen | None = None
        self._online: bool | None = None
        self._closed = False
        self._other_stores: OpenOtherStores | None = None
        self._store_open = False
        window.controller.worker.opened.connect(self._store_opened)
        window.stock_action.triggered.connect(self.open)
        window.staff.signed_in.connect(self._signed_in)
        sync.status_changed.connect(self._sync_changed)

    def _store_opened(self, summary: StoreSummary) -> None:
        if summary.central is not None:
            self._online = False  # until the engine's first answer
        self._store_open = True
        self.window.stock_action.setEnabled(True)

    def open(self) -> None:
        """Ctrl+3: the stock screen, built the first time."""
        if self.screen is None:
            self._build()
            self.window.show_stock()

    def _build(self) -> None:
        from pos.ui.screens.stock_screen import StockScreen
        from pos.ui.stock_controller import StockController

        if self.screen is not None or not self._store_open or self._closed:
            return
        if not isValid(self.window):
            return
        self.controller = StockController(self.data_dir)
        screen = self.screen = StockScreen(self.controller, self.window.staff.request_approval)
        self.window.add_stock_screen(screen)
        self.controller.start()
        screen.set_actor(self.window.staff.actor)
        screen.set_online(self._online)
        screen.other_stores_requested.connect(self._open_other_stores)
        screen.set_other_stores(self._other_stores is not None)

    def connect_other_stores(self, open_for: OpenOtherStores) -> None:
        """ "Other stores" on the stock screen opens ``open_for`` on the article shown."""
        self._other_stores = open_for
        if self.screen is not None:
            self.screen.set_other_stores(True)

    def _open_other_stores(self, product_id: int) -> None:
        detail = self.screen.panel.detail if self.screen is not None else None
        if self._other_stores is None or detail is None or detail.product.id != product_id:
            return
        self._other_stores(product_id, detail.product.sku, detail.product.name)

    def _signed_in(self, signed: SignedIn) -> None:
        if self.screen is not None:
            self.screen.set_actor(signed.actor)

    def _sync_changed(self, status: SyncStatus) -> None:
        self._online = status.online
        if self.screen is not None:
            self.screen.set_online(status.online)

    def scan(self, code: str) -> bool:
        """Take a scanner's code while the stock screen shows; False: not for us."""
        if self.screen is None or not self.window.on_stock_screen:
            return False
        self.screen.scan(code)
        return True

    def shutdown(self) -> None:
        self._closed = True
        if self.controller is not None:
            self.controller.shutdown()
