"""The pickup desk in the running till: built on first use (Ctrl+2, a pickup QR scanned
at the till) once the till opened the store, one piece per event-loop turn so that no
turn of its build holds the GUI thread long (issue 18.2); then wired to the till (an
order paid at the till, slips printed, the desk reloaded after a sync, who acts).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from hardware.receipt.slip import SlipDocument
from pos.domain.sale import CompletedSale
from pos.services.checkout import PricedItem
from pos.ui.dialogs.receipt_preview import slip_preview
from pos.ui.qt import QDialog, QObject, QTimer, isValid

if TYPE_CHECKING:
    from pos.services.pickup_desk import OrderSaleLine
    from pos.services.store_summary import StoreSummary
    from pos.ui.pickup_controller import PickupController
    from pos.ui.screens.pickup_screen import PickupScreen
    from pos.ui.till_app import TillApp
    from pos.ui.till_staff_worker import SignedIn
    from sync.engine import SyncStatus

log = logging.getLogger(__name__)

#: Between two pieces of the build, a timer, not a 0 ms single shot: that one is a posted
#: event, and Qt delivers the events posted while it delivers posted events in the same
#: pass, so the pieces ran back to back (the stall probe saw two or three of them, 20-26 ms,
#: in one gap). A 1 ms timer goes back to the event loop: keys and paints come between.
STEP_MS = 1


class PickupFlow(QObject):
    def __init__(self, app: TillApp) -> None:
        super().__init__(app)
        self.app = app
        self.window = app.window
        self.controller: PickupController | None = None
        self.screen: PickupScreen | None = None
        self.slip_preview: QDialog | None = None
        self._store_open = False
        self._closed = False
        self._building: Iterator[None] | None = None
        self._then: list[Callable[[], None]] = []  # what waits for the desk to exist
        self._paying_order: str | None = None
        worker = app.controller.worker
        worker.opened.connect(self._store_opened)
        worker.completed.connect(self._order_paid)
        worker.sale_set_aside.connect(self._order_payment_abandoned)
        self.window.pickup_action.triggered.connect(self.open)
        self.window.till_screen.pickup_code_scanned.connect(self.open_code)
        self.window.staff.signed_in.connect(self._signed_in)
        app.sync.status_changed.connect(self._reload)

    def _store_opened(self, _summary: StoreSummary) -> None:
        self._store_open = True
        self.window.pickup_action.setEnabled(True)

    # -- opening, built first ------------------------------------------------------------

    def open(self) -> None:
        """Ctrl+2: the desk, once built."""
        self.when_built(self.window.show_pickup)

    def open_code(self, code: str) -> None:
        """A pickup QR scanned at the till: the order opens at the desk (its worker opens
        its store before it looks the code up)."""

        def show() -> None:
            self.window.show_pickup()
            if self.screen is not None:
                self.screen.scan(code)

        self.when_built(show)

    def when_built(self, then: Callable[[], None]) -> None:
        """``then`` now if the desk exists, else once its build ended (never before the
        store is open, nor after shutdown)."""
        if self.screen is not None:
            then()
            return
        if not self._store_open or self._closed:
            return
        self._then.append(then)
        if self._building is None:
            self._building = self._build()
            QTimer.singleShot(STEP_MS, self._build_step)

    def _build_step(self) -> None:
        if self._closed or self._building is None or not isValid(self.window):
            return
        try:
            next(self._building)
        except StopIteration:
            self._building = None
            waiting, self._then = self._then, []
            for then in waiting:
                then()
            return
        except Exception:  # never a build stuck half-way: the next Ctrl+2 starts again
            log.exception("the pickup desk could not be built")
            self._building, self._then = None, []
            if self.controller is not None and self.screen is None:
                self.controller.shutdown()
                self.controller = None
            return
        QTimer.singleShot(STEP_MS, self._build_step)

    def _build(self) -> Iterator[None]:
        """The desk, a piece per turn: its worker, the parts of its views, the screen,
        laid out before it shows."""
        from pos.ui.pickup_controller import PickupController, PickupOptions
        from pos.ui.screens.pickup.conflicts_banner import ConflictsBanner
        from pos.ui.screens.pickup.desk_tabs import DeskTabs
        from pos.ui.screens.pickup.desk_view import DeskView
        from pos.ui.screens.pickup.handover_view import HandoverView
        from pos.ui.screens.pickup.order_detail import OrderDetail
        from pos.ui.screens.pickup.picking_view import PickingView
        from pos.ui.screens.pickup_screen import PickupScreen

        staff = self.window.staff.actor_id or self.app.options.cashier
        controller = self.controller = PickupController(
            PickupOptions(self.app.options.data_dir, staff=staff)
        )
        yield
        tz = controller.options.tz
        tabs, banner = DeskTabs(), ConflictsBanner()
        yield
        detail = OrderDetail(tz)
        yield
        desk = DeskView(tz, parts=(tabs, banner, detail))
        yield
        picking = PickingView(tz)
        yield
        handover = HandoverView(tz)
        yield
        screen = PickupScreen(
            controller, approver=self.window.staff.request_approval,
            views=(desk, picking, handover),
        )  # fmt: skip
        self._wire(screen)
        controller.start()  # once the screen listens: its store opens on its thread
        yield
        screen.ensurePolished()  # laid out hidden, at the size it will show at
        screen.resize(self.window.stack.size())
        screen.layout().activate()
        self.window.add_pickup_screen(screen)
        self.screen = screen

    def _wire(self, screen: PickupScreen) -> None:
        from pos.services.slips import handover_slip, picking_slip

        app = self.app
        screen.desk_changed.connect(app.sync.wake)
        screen.pay_at_till.connect(self._pay_at_till)
        screen.slip_ready.connect(
            lambda slip: self.print_slip(
                handover_slip(slip, app.language, store=app.settings.store)
            )
        )
        screen.print_picking_list.connect(
            lambda picking: self.print_slip(
                picking_slip(picking, app.language, staff=self._staff_name())
            )
        )

    def _staff_name(self) -> str:
        return self.window.staff.actor_name or self.app.options.cashier

    def print_slip(self, doc: SlipDocument) -> None:
        """On the receipt printer, off the GUI thread; on screen when there is none."""
        printer = self.app.printer
        if printer is not None:
            printer.request("print_slip", doc)
            return
        paper = self.app.settings.printer
        dialog = slip_preview(
            doc, columns=paper.columns, codepage=paper.codepage, qr_native=paper.qr_native,
            parent=self.window,
        )  # fmt: skip
        dialog.finished.connect(dialog.deleteLater)
        self.slip_preview = dialog
        dialog.open()

    # -- an order paid at the till ---------------------------------------------------------

    def _pay_at_till(self, order_id: str, lines: tuple[OrderSaleLine, ...]) -> None:
        self._paying_order = order_id
        items = [
            PricedItem(line.product_id, line.quantity, line.unit_price_cents, line.promotions)
            for line in lines
        ]
        self.window.show_till()
        self.app.controller.request("add_priced", items)

    def _order_paid(self, sale: CompletedSale) -> None:
        """The sale that took an order's payment: the order is handed over with it."""
        order_id, self._paying_order = self._paying_order, None
        if order_id is not None and self.screen is not None:
            self.screen.hand_over_paid_in_store(order_id, sale.sale_id)

    def _order_payment_abandoned(self) -> None:
        """The sale ringing up an order was cancelled or parked: the desk may offer
        "Take payment at the till" again."""
        if self._paying_order is not None:
            self._paying_order = None
            if self.screen is not None:
                self.screen.payment_abandoned()

    # -- the rest of the till --------------------------------------------------------------

    def _reload(self, status: SyncStatus) -> None:
        if status.state == "idle" and self.screen is not None:
            self.screen.reload()

    def _signed_in(self, signed: SignedIn) -> None:
        """The desk acts as whoever signed in."""
        if self.controller is not None:
            self.controller.request("set_staff", signed.actor.staff_id)

    def scan(self, code: str) -> bool:
        """Take a scanner's code while the desk shows; False: not for us."""
        if self.screen is None or not self.window.on_pickup_desk:
            return False
        self.screen.scan(code)
        return True

    def shutdown(self) -> None:
        self._closed = True
        self._building = None
        if self.controller is not None:
            self.controller.shutdown()
