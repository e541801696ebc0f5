"""The click-and-collect desk: its lists, picking an order, and handing it over.

Every action is a request to the pickup worker (its own thread and connection); this
screen repaints from what the worker answers and says what the rest of the app must
do: print a picking list or a handover slip, ring an order up at the till, wake the
sync engine after a move. Codes from any scanner arrive through ``scan(code)``: while
an order is being picked they count items, otherwise they open the order.
"""

from __future__ import annotations

from datetime import tzinfo
from functools import partial

from pos.domain.pickup import PickOutcome, PickupState
from pos.services.pickup_desk import DeskOrder, HandoverSlip
from pos.ui.i18n import Retranslating
from pos.ui.models.pickup_model import quantity_text, state_text
from pos.ui.pickup_controller import DeskPage, PickingSession, PickupController
from pos.ui.qt import (
    QApplication,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    Slot,
)
from pos.ui.screens.pickup.desk_view import DeskView
from pos.ui.screens.pickup.display import desk_message
from pos.ui.screens.pickup.handover_view import HandoverView
from pos.ui.screens.pickup.picking_view import PickingView
from pos.ui.screens.pickup.without_code import HandoverWithoutCode
from pos.ui.screens.till_day.approval import RequestApproval
from pos.ui.widgets.message_line import Message, MessageLine
from pos.ui.zoom import set_font, zoom_for

DeskViews = tuple[DeskView, PickingView, HandoverView]


def desk_views(tz: tzinfo | None, parent: QWidget | None = None) -> DeskViews:
    return DeskView(tz, parent), PickingView(tz, parent), HandoverView(tz, parent)


class PickupScreen(Retranslating, QWidget):
    # For the app: act on these.
    desk_changed = Signal()  # a move was recorded: wake the sync engine
    slip_ready = Signal(object)  # HandoverSlip: print it
    pay_at_till = Signal(str, object)  # order id, tuple[OrderSaleLine, ...]: ring them up
    print_picking_list = Signal(object)  # PickingList: print it
    # Emitted on the GUI thread once the screen shows what the worker answered.
    page_shown = Signal(object)  # DeskPage
    results_shown = Signal(int)  # number of orders found
    order_shown = Signal(object)  # DeskOrder opened from a code
    picking_shown = Signal(object)  # PickingSession
    conflicts_shown = Signal(int)
    refusal_shown = Signal(str)  # code

    def __init__(
        self,
        controller: PickupController,
        parent: QWidget | None = None,
        *,
        approver: RequestApproval | None = None,
        views: DeskViews | None = None,
    ) -> None:
        """``approver``: the staff gate's door to a manager's approval (hand-over without
        the code); None: nobody can approve here. ``views``: built beforehand (the till
        builds them one per event-loop turn), else built here."""
        super().__init__(parent)
        self.setObjectName("pickupScreen")
        self.controller = controller
        self.desk, self.picking, self.handover = views or desk_views(controller.options.tz, self)
        self._build()
        self._connect_views()
        self.without_code = HandoverWithoutCode(self, approver)
        worker = controller.worker
        worker.page_listed.connect(self._on_page)
        worker.searched.connect(self._on_searched)
        worker.found.connect(self.open_order)
        worker.order_loaded.connect(self._on_loaded)
        worker.moved.connect(self._on_moved)
        worker.picking_changed.connect(self._on_picking)
        worker.slip_ready.connect(self._on_slip)
        worker.sale_lines_ready.connect(self._on_sale_lines)
        worker.conflicts_listed.connect(self._on_conflicts)
        worker.refused.connect(self.show_refusal)

    def _build(self) -> None:
        self.message_label = MessageLine(self)
        self.message_label.setObjectName("pickupMessage")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.stack = QStackedWidget(self)
        for view in (self.desk, self.picking, self.handover):
            self.stack.addWidget(view)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_label)
        layout.addWidget(self.stack, 1)
        for key, slot in (("F2", self.focus_search), ("F5", self.reload), ("Esc", self.show_desk)):
            shortcut = QShortcut(QKeySequence(key), self, activated=slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.zoom = 0.0
        self.apply_zoom(1.0)

    def _connect_views(self) -> None:
        desk, detail, request = self.desk, self.desk.detail, self.controller.request
        desk.tabs.chosen.connect(self._tab_chosen)
        desk.search_requested.connect(self._search)
        desk.code_entered.connect(self.scan)
        desk.banner.dismissed.connect(lambda order_id: request("dismiss", order_id))
        detail.prepare_requested.connect(lambda order_id: request("prepare", order_id))
        detail.handover_requested.connect(self.open_handover)
        detail.cancel_requested.connect(lambda order_id, why: request("cancel", order_id, why))
        picking = self.picking
        picking.scanned.connect(self.scan)
        picking.count_requested.connect(
            lambda sku, count: request("set_picked", self._picking_id(), sku, count)
        )
        picking.ready_confirmed.connect(lambda: request("mark_ready", self._picking_id()))
        picking.print_requested.connect(self.print_picking_list)
        picking.back_requested.connect(self.show_desk)
        picking.problem.connect(self.show_refusal)
        handover = self.handover
        handover.hand_over_requested.connect(lambda order_id: request("hand_over", order_id))
        handover.pay_requested.connect(lambda order_id: request("sale_lines", order_id))
        handover.cancel_requested.connect(lambda order_id, why: request("cancel", order_id, why))
        handover.reprint_requested.connect(self.slip_ready)
        handover.back_requested.connect(self.show_desk)

    def retranslate_ui(self) -> None:
        """The columns' widths, sized on texts that changed; each view words its own
        texts again, the message line too."""
        for view in (self.desk, self.picking, self.handover):
            view.apply_zoom(self.zoom)

    # -- size -----------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.apply_zoom(zoom_for(event.size().height()))

    def apply_zoom(self, zoom: float) -> None:
        if zoom == self.zoom:
            return
        self.zoom = zoom
        set_font(self, 1.0, zoom)
        set_font(self.message_label, 1.3, zoom, bold=True)
        for view in (self.desk, self.picking, self.handover):
            view.apply_zoom(zoom)

    # -- slots for the app ----------------------------------------------------------------

    @Slot(str)
    def scan(self, code: str) -> None:
        """A code from the scan fields, the wedge scanner or the camera."""
        code = code.strip()
        if not code:
            return
        self.clear_message()
        if self.stack.currentWidget() is self.picking and self.picking.session is not None:
            self.controller.request("scan_pick", self._picking_id(), code)
        else:
            self.controller.request("find", code)

    @Slot()
    def reload(self) -> None:
        """New orders or states pulled by the sync engine: read the lists and the open
        order again."""
        self._refresh()
        shown = self._shown_order()
        if shown is not None:
            self.controller.request("show", shown.id)

    @Slot(str, str)
    def hand_over_paid_in_store(self, order_id: str, sale_id: str) -> None:
        """The till recorded sale ``sale_id`` for the order: record the handover."""
        self.without_code.paid_in_store(order_id, sale_id)
        self.controller.request("paid_in_store", order_id, sale_id)

    @Slot()
    def payment_abandoned(self) -> None:
        """The till cancelled the order's sale: offer "Take payment at the till" again."""
        self.handover.unlock()

    @Slot(str)
    def set_staff(self, staff: str) -> None:
        self.controller.request("set_staff", staff)

    # -- navigation -----------------------------------------------------------------------

    def show_desk(self) -> None:
        self.stack.setCurrentWidget(self.desk)
        self.desk.code_field.setFocus()
        self._refresh()

    def focus_search(self) -> None:
        self.show_desk()
        self.desk.search_field.setFocus()
        self.desk.search_field.selectAll()

    def open_order(self, order: DeskOrder) -> None:
        """An order found by its code: a ready one goes straight to the handover."""
        if order.state is PickupState.READY:
            self.open_handover(order)
        else:
            self.stack.setCurrentWidget(self.desk)
            self.desk.show_order(order)
        self.order_shown.emit(order)

    def open_handover(self, order: DeskOrder) -> None:
        self.handover.show_order(order)
        self.stack.setCurrentWidget(self.handover)

    def _tab_chosen(self, tab: str) -> None:
        if self.desk.search_field.text():
            self.desk.search_field.clear()  # a list, not the search results
            self.desk.searching = False
        self.controller.request("refresh", tab)

    def _search(self, query: str) -> None:
        if query:
            self.controller.request("search", query)
        else:
            self._refresh()

    def _refresh(self) -> None:
        if self.desk.searching:
            self.controller.request("search", self.desk.search_field.text().strip())
        self.controller.request("refresh", self.desk.tabs.current())

    def _picking_id(self) -> str:
        session = self.picking.session
        return session.order.id if session is not None else ""

    def _shown_order(self) -> DeskOrder | None:
        current = self.stack.currentWidget()
        if current is self.handover:
            return self.handover.order
        if current is self.picking:
            return None  # the picking session repaints itself on the next scan
        return self.desk.detail.order

    # -- what the worker says -------------------------------------------------------------

    def _on_page(self, page: DeskPage) -> None:
        self.desk.show_page(page)
        self.page_shown.emit(page)

    def _on_searched(self, query: str, orders: tuple[DeskOrder, ...]) -> None:
        if self.desk.show_results(query, orders):
            self.results_shown.emit(len(orders))

    def _on_loaded(self, order: DeskOrder) -> None:
        if self.handover.order is not None and self.handover.order.id == order.id:
            self.handover.show_order(order)
        if self.desk.detail.order is not None and self.desk.detail.order.id == order.id:
            self.desk.show_order(order)

    def _on_moved(self, order: DeskOrder) -> None:
        self._on_loaded(order)
        code = order.pickup_code
        if order.state is PickupState.READY:
            self.show_info(lambda: self._ready_text(order))
            self.stack.setCurrentWidget(self.desk)
            self.desk.show_order(order)
        elif order.state is PickupState.CANCELLED:
            self.show_info(lambda: self.tr("Order %1 is cancelled.").replace("%1", code))
            self.stack.setCurrentWidget(self.desk)
            self.desk.show_order(order)
        elif order.state is not PickupState.PREPARING:
            self.show_info(
                lambda: (
                    self.tr("Order %1: %2.")
                    .replace("%1", code)
                    .replace("%2", state_text(order.state))
                )
            )
        self._refresh()
        self.desk_changed.emit()

    def _ready_text(self, order: DeskOrder) -> str:
        text = (
            self.tr("Order %1 is ready, with items missing: the customer is told.")
            if order.partial
            else self.tr("Order %1 is ready: the customer is told.")
        )
        return text.replace("%1", order.pickup_code)

    def _on_picking(self, session: PickingSession) -> None:
        self.picking.show_session(session)
        self.stack.setCurrentWidget(self.picking)
        line = next((ln for ln in session.picking.lines if ln.sku == session.sku), None)
        if session.outcome is PickOutcome.ALL_DONE:
            self.show_info(lambda: self.tr("Everything is picked: press Ready."))
        elif line is not None:
            sold_by = {ln.sku: ln.sold_by for ln in session.listing.lines}[line.sku]
            counted = (
                self.tr("✓ %1: complete")
                if session.outcome is PickOutcome.LINE_DONE
                else self.tr("✓ %1: %2 of %3")
            )
            self.show_info(
                counted.replace("%1", line.name)
                .replace("%2", quantity_text(line.picked, sold_by))
                .replace("%3", quantity_text(line.ordered, sold_by))
            )
        self.picking_shown.emit(session)

    def _on_slip(self, slip: HandoverSlip) -> None:
        self.handover.show_slip(slip)
        self.stack.setCurrentWidget(self.handover)
        self.slip_ready.emit(slip)

    def _on_sale_lines(self, order_id: str, lines: tuple) -> None:
        self.handover.show_waiting()
        self.show_info(lambda: self.tr("The order is at the till: take the payment there."))
        self.pay_at_till.emit(order_id, lines)

    def _on_conflicts(self, conflicts: list) -> None:
        self.desk.banner.show_conflicts(conflicts)
        self.conflicts_shown.emit(len(conflicts))

    # -- messages -------------------------------------------------------------------------

    def show_refusal(self, code: str, message: str, params: dict | None = None) -> None:
        self.message_label.setStyleSheet(
            "color: white; background: #b00020; padding: 8px; border-radius: 6px;"
        )
        self.message_label.say(partial(desk_message, code, message, params))
        self.message_label.setProperty("code", code)
        self.message_label.show()
        self.handover.unlock()
        self.without_code.refused(code, params)
        QApplication.beep()
        self.refusal_shown.emit(code)

    def show_info(self, text: Message) -> None:
        """``text``: a sentence, or how to word it (then it follows a language change)."""
        self.message_label.setStyleSheet(
            "color: #1b5e20; background: #e3f4e4; padding: 8px; border-radius: 6px;"
        )
        self.message_label.say(text)
        self.message_label.setProperty("code", "")
        self.message_label.show()

    def clear_message(self) -> None:
        self.message_label.clear()
        self.message_label.setProperty("code", "")
        self.message_label.hide()
