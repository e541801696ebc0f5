"""The pickup desk's worker thread: it owns its own store connection and the PickupDesk.

The desk screen sends requests (``controller.request("scan_pick", order_id, code)``); the
worker runs them one after another on its thread and answers through queued signals, so
a lookup, a search or a move committed with its outbox row never runs on the GUI thread.
The scan-to-pick sessions live here too (one per order being prepared): the screen only
ever sees immutable snapshots of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path

from pos.domain.errors import PosError
from pos.domain.pickup import Picking, PickOutcome, PickupLine, PickupState
from pos.domain.rights import Approval
from pos.services.desk_services import PickupServices, open_pickup_desk
from pos.services.pickup_desk import DeskCounts, DeskOrder, PickingList, PickupDesk
from pos.services.staff import FIRST_START
from pos.ui.i18n import current_language
from pos.ui.qt import QObject, Signal
from pos.ui.worker_thread import RequestWorker, WorkerThread

#: The desk's lists, in the order the screen shows their buttons.
TABS = ("to_prepare", "ready", "due_today", "overdue")


@dataclass(frozen=True, slots=True)
class PickupOptions:
    data_dir: Path
    # Who the desk acts as (a staff id or name) until the sign-in screen exists.
    staff: str = ""
    store_id: str | None = None  # None: the enrolled store's, or every order (not enrolled)
    tz: tzinfo | None = None  # the store's time for "today" and the times shown; None: local
    clock: Callable[[], datetime] | None = None  # None: the real clock (tests fix it)


@dataclass(frozen=True, slots=True)
class DeskPage:
    """One list of the desk with the badges: what the screen repaints at once."""

    tab: str
    orders: tuple[DeskOrder, ...]
    overdue_ids: frozenset[str]
    counts: DeskCounts


@dataclass(frozen=True, slots=True)
class PickingSession:
    """An order being picked: what to fetch, what is counted so far, what the last
    scan did (``outcome``/``sku`` are None after a hand count or on opening)."""

    order: DeskOrder
    listing: PickingList
    picking: Picking
    outcome: PickOutcome | None = None
    sku: str | None = None


class PickupWorker(RequestWorker):
    page_listed = Signal(object)  # DeskPage
    searched = Signal(str, object)  # query, tuple[DeskOrder, ...]
    found = Signal(object)  # DeskOrder for a typed or scanned code
    order_loaded = Signal(object)  # DeskOrder, read again (``show``)
    moved = Signal(object)  # DeskOrder after a move made here
    picking_changed = Signal(object)  # PickingSession
    slip_ready = Signal(object)  # HandoverSlip
    sale_lines_ready = Signal(str, object)  # order id, tuple[OrderSaleLine, ...]
    conflicts_listed = Signal(object)  # list[DeskConflict]

    def __init__(self, options: PickupOptions) -> None:
        super().__init__()
        self._options = options
        self._staff = FIRST_START  # resolved against the store's staff when it opens
        self._codes: dict[str, str] = {}  # order id: the pickup code that found it here
        self._services: PickupServices | None = None  # opened on this thread
        self._desk: PickupDesk | None = None
        self._pickings: dict[str, Picking] = {}

    @property
    def desk(self) -> PickupDesk:
        if self._desk is None:
            raise PosError(
                "The pickup desk is still opening: wait a moment.", code="desk_not_ready"
            )
        return self._desk

    def _do_open(self) -> None:
        options = self._options
        services = self._services = open_pickup_desk(
            options.data_dir, store_id=options.store_id, tz=options.tz, clock=options.clock
        )
        self._desk = services.desk
        self._staff = services.actor(options.staff)
        self._do_refresh(TABS[0])

    def _do_close(self) -> None:
        if self._services is not None:
            self._services.close()
            self._services = self._desk = None

    def _do_set_staff(self, staff: str) -> None:
        if self._services is not None:
            self._staff = self._services.actor(staff)

    # -- lists and lookups ----------------------------------------------------------------

    def _do_refresh(self, tab: str) -> None:
        """The list ``tab``, the badges and the conflicts, read in one go."""
        desk = self.desk
        lists = {"to_prepare": desk.to_prepare, "ready": desk.ready, "due_today": desk.due_today}
        overdue = desk.overdue()
        orders = overdue if tab == "overdue" else lists[tab]()
        ids = frozenset(order.id for order in overdue)
        self.page_listed.emit(DeskPage(tab, tuple(orders), ids, desk.counts()))
        self.conflicts_listed.emit(desk.conflicts())

    def _do_search(self, query: str) -> None:
        self.searched.emit(query, tuple(self.desk.search(query)))

    def _do_find(self, text: str) -> None:
        order = self.desk.find(text)
        if order.pickup_code and text.strip() != order.id:  # a code, not the order number
            self._codes[order.id] = text
        self.found.emit(order)

    def _do_show(self, order_id: str) -> None:
        self.order_loaded.emit(self.desk.order(order_id))

    def _do_dismiss(self, order_id: str) -> None:
        self.desk.dismiss_conflicts(order_id)
        self.conflicts_listed.emit(self.desk.conflicts())

    # -- preparing and picking ------------------------------------------------------------

    def _do_prepare(self, order_id: str) -> None:
        """Take the order into preparation if it is not yet, then open (or go back to)
        its picking: counts already made survive a trip back to the desk."""
        desk = self.desk
        order = desk.order(order_id)
        if order.state is PickupState.RECEIVED:
            order = desk.start_preparing(order_id, self._staff)
            self.moved.emit(order)
        picking = self._pickings.get(order_id)
        if picking is None or sorted(ln.sku for ln in picking.lines) != sorted(
            ln.sku for ln in order.lines
        ):
            picking = self._pickings[order_id] = desk.start_picking(order_id)
        self._emit_picking(order, picking)

    def _do_scan_pick(self, order_id: str, code: str) -> None:
        result = self.desk.scan_pick(self._picking(order_id), code)
        self._pickings[order_id] = result.picking
        self._emit_picking(self.desk.order(order_id), result.picking, result.outcome, result.line)

    def _do_set_picked(self, order_id: str, sku: str, quantity: int) -> None:
        picking = self.desk.set_picked(self._picking(order_id), sku, quantity)
        self._pickings[order_id] = picking
        self._emit_picking(self.desk.order(order_id), picking)

    def _do_mark_ready(self, order_id: str) -> None:
        order = self.desk.mark_ready(order_id, self._staff, self._picking(order_id))
        del self._pickings[order_id]
        self.moved.emit(order)

    def _picking(self, order_id: str) -> Picking:
        picking = self._pickings.get(order_id)
        if picking is None:
            raise PosError("Start preparing the order first.", code="pickup_not_picking")
        return picking

    def _emit_picking(
        self,
        order: DeskOrder,
        picking: Picking,
        outcome: PickOutcome | None = None,
        line: PickupLine | None = None,
    ) -> None:
        listing = self.desk.picking_list(order.id, current_language())  # shown as printed
        sku = line.sku if line is not None else None
        self.picking_changed.emit(PickingSession(order, listing, picking, outcome, sku))

    # -- handing over and cancelling ------------------------------------------------------

    def _do_hand_over(self, order_id: str, approval: Approval | None = None) -> None:
        """``approval``: a manager's, when the customer has no code to show."""
        code = self._codes.get(order_id, "")
        slip = self.desk.hand_over(order_id, self._staff, code=code, approval=approval)
        self.slip_ready.emit(slip)
        self.moved.emit(self.desk.order(order_id))

    def _do_sale_lines(self, order_id: str) -> None:
        self.sale_lines_ready.emit(order_id, self.desk.sale_lines_for(order_id))

    def _do_paid_in_store(
        self, order_id: str, sale_id: str, approval: Approval | None = None
    ) -> None:
        code = self._codes.get(order_id, "")
        slip = self.desk.hand_over_paid_in_store(
            order_id, self._staff, sale_id, code=code, approval=approval
        )
        self.slip_ready.emit(slip)
        self.moved.emit(self.desk.order(order_id))

    def _do_cancel(self, order_id: str, reason: str) -> None:
        order = self.desk.cancel(order_id, self._staff, reason)
        self._pickings.pop(order_id, None)
        self.moved.emit(order)


class PickupController(WorkerThread):
    """The pickup worker's handle; ``start()`` opens the store on the worker. Start it
    after the till's worker has opened the store (it runs the migrations)."""

    worker: PickupWorker

    def __init__(self, options: PickupOptions, parent: QObject | None = None) -> None:
        super().__init__(PickupWorker(options), "pickup-worker", parent)
        self.options = options

    def start(self) -> None:
        """Start the worker and open the store; connect to the worker's signals first."""
        super().start()
        self.request("open")
