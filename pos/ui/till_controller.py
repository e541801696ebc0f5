"""The till's worker thread: it owns the store connection and the Checkout.

The screen sends requests (``controller.request("scan", code)``); the worker runs them
one after another on its own thread, then answers through queued signals with a fresh
``BasketView`` or a refusal. So a scan, a search or the durable commit of a sale never
runs on the GUI thread, and requests keep their order (a scan queued behind a payment
waits for it).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from hardware.payment_terminal import TerminalConfig
from pos.config import Settings
from pos.domain.discount import Discount
from pos.domain.errors import PosError
from pos.domain.rights import Actor, Approval
from pos.domain.sale import CompletedSale
from pos.services.basket_snapshot import RecoveryView
from pos.services.basket_view import basket_view
from pos.services.central_link import cart_calls, return_calls
from pos.services.checkout import Checkout, PricedItem, utc_now
from pos.services.event_journal import EventJournal
from pos.services.quick_keys import QuickKeys
from pos.services.receipts import (
    ReceiptHeader,
    duplicate_receipt,
    last_sale,
    receipt_document,
    record_outcome,
    sale_for_receipt,
)
from pos.services.returns import ReturnRules
from pos.services.staff import StaffDirectory
from pos.services.till_events import record_printer_error, record_settings_saved
from pos.services.till_services import TillRules, TillServices, TillStore, open_till
from pos.services.till_session import TillSessions
from pos.ui.qt import QObject, Signal
from pos.ui.till_card_worker import CardRequests
from pos.ui.till_day_requests import TillDayRequests
from pos.ui.till_idle import IdleRequests

if TYPE_CHECKING:
    from pos.services.central_link import CentralLink
    from pos.services.quick_keys import QuickKeys
    from pos.services.return_calls import ReturnCalls
    from sync.contract.network import CustomerOrder
from pos.services.online_cart import OnlineCarts
from pos.ui.till_customer_worker import CustomerRequests
from pos.ui.till_loyalty_worker import LoyaltyRequests
from pos.ui.till_price_worker import PriceRequests
from pos.ui.till_return_worker import ReturnRequests
from pos.ui.till_staff_worker import approvable
from pos.ui.worker_thread import WorkerThread


@dataclass(frozen=True, slots=True)
class TillOptions:
    data_dir: Path
    # Who the till acts as (a staff id or name) before anyone signs in; a store without
    # staff acts as the "first start" administrator (pos.services.staff).
    cashier: str = ""
    demo_if_empty: bool = True
    receipt_header: ReceiptHeader | None = None  # None: the store's name from its database
    terminal_id: str | None = None  # None: the one recorded in the store's database
    session_max_hours: int = 24  # [till] session_max_hours
    close_difference_limit_cents: int = 500  # [till] close_difference_limit_cents
    meal_voucher_cap_cents: int = 2500  # [till] meal_voucher_cap_cents (0: no cap)
    fiscal_year_start_month: int = 1  # [fiscal] year_start_month
    return_rules: ReturnRules = field(default_factory=ReturnRules)  # [till] return limits
    payment_terminal: TerminalConfig = field(default_factory=TerminalConfig)
    loyalty_offline_cap_points: int = 500  # [loyalty] offline_cap_points (0: none offline)


class TillWorker(
    TillDayRequests, CardRequests, ReturnRequests, LoyaltyRequests, PriceRequests,
    CustomerRequests, IdleRequests,
):  # fmt: skip
    opened = Signal(object)  # StoreSummary
    changed = Signal(object)  # BasketView
    completed = Signal(object)  # CompletedSale
    searched = Signal(str, object)  # query, list[Product]
    parked_listed = Signal(object)  # list of parked sales
    receipt_ready = Signal(object, str)  # ReceiptDocument, "print" or "preview"
    cart_loaded = Signal(object)  # LoadedCart
    sale_set_aside = Signal()  # the open sale was cancelled or parked, not completed
    recovery_found = Signal(object)  # RecoveryView: settle it before selling (at start)
    quick_keys_listed = Signal(object)  # list[QuickPage]
    # The till day (see ``TillDayRequests``): answers to its requests, refusals apart so a
    # dialog shows its own and the sale screen stays quiet.
    session_state = Signal(object)  # SessionState: open and fresh, too old, or none
    day_refused = Signal(str, str, object)  # code, English message, params
    moved = Signal(object)  # CashMovement
    x_ready = Signal(object)  # DayFigures
    z_ready = Signal()  # nothing stops a closing count (no open basket)
    z_compared = Signal(object)  # ZComparison: counted vs expected, before closing
    z_closed = Signal(object)  # the Z report (dict), recorded
    report_ready = Signal(object, str)  # SlipDocument of an X or Z, "print" or "preview"
    drawer_recorded = Signal(str)  # reason: a drawer opened without a sale, recorded
    training_changed = Signal(bool)  # training mode on or off (at open, then each switch)

    def __init__(self, options: TillOptions) -> None:
        super().__init__()
        self._options = options
        self._loyalty_cap = options.loyalty_offline_cap_points
        self._sessions: TillSessions | None = None
        self._services: TillServices | None = None  # opened on this thread (``_do_open``)
        self._checkout: Checkout | None = None
        self._carts: OnlineCarts | None = None  # on the first web cart
        self._central: CentralLink | None = None
        self._calls: ReturnCalls | None = None  # on the first return or credit note
        self._calls_made = False
        self._journal: EventJournal | None = None  # the JET, on this thread's connection

    @property
    def checkout(self) -> Checkout:
        if self._checkout is None:
            raise PosError("The till is still opening: wait a moment.", code="not_ready")
        return self._checkout

    def _return_rules(self) -> ReturnRules:
        return self._options.return_rules

    def _return_calls(self) -> ReturnCalls | None:
        """Central's return and credit note calls, made once on first use (httpx loads
        then, not at start-up); None for a till with no central server (offline rules)."""
        if not self._calls_made:
            self._calls = return_calls(self._options.data_dir, self._central)
            self._calls_made = True
        return self._calls

    def _central_store_id(self) -> str:
        return self._central.store_id if self._central is not None else ""

    def _changed(self, last_line_id: int | None = None) -> None:
        sold_at = self._desk.sold_at() if self._desk is not None else None
        coupons = self._coupon_views()
        self.changed.emit(basket_view(self.checkout, last_line_id, sold_at, coupons))
        self._show_customer()  # the sale's customer, when it changed
        self._offer_points()  # their points, for the payment dialog
        self._idle_soon()  # the collector and the memos, after the queued requests

    def _do_open(self) -> None:
        options = self._options
        rules = TillRules(
            cashier=options.cashier, demo_if_empty=options.demo_if_empty,
            terminal_id=options.terminal_id, session_max_hours=options.session_max_hours,
            close_difference_limit_cents=options.close_difference_limit_cents,
            meal_voucher_cap_cents=options.meal_voucher_cap_cents,
            fiscal_year_start_month=options.fiscal_year_start_month,
        )  # fmt: skip
        services = self._services = open_till(options.data_dir, rules)
        summary = services.summary
        self._journal, self._sessions = services.journal, services.sessions
        self._checkout = services.checkout
        self._central = summary.central
        recovery = self._checkout.recover()  # a kill's leftovers: before the first scan
        self.opened.emit(summary)
        self._card_at_start()  # a card exchange the kill cut short
        self.training_changed.emit(self._checkout.training)
        self._do_session_check()
        self._do_list_quick_keys()
        if recovery.pending:
            self.recovery_found.emit(RecoveryView.of(recovery))
        self._changed()

    def _do_list_quick_keys(self) -> None:
        self.quick_keys_listed.emit(QuickKeys(self._require_store()).pages())

    # -- after a restart (see ``Checkout.recover``) -----------------------------------------

    def _do_mark_shown(self, sale_id: str) -> None:
        """The screen showed the completed sale: a restart will not announce it again."""
        self.checkout.mark_shown(sale_id)

    def _do_acknowledge_unshown(self) -> None:
        self.checkout.acknowledge_unshown()
        if self.checkout.recovery.pending:  # a basket left open too: offered next
            self.recovery_found.emit(RecoveryView.of(self.checkout.recovery))

    def _do_resume_open_basket(self) -> None:
        self.checkout.resume_open_basket()
        self._card_after_resume()  # a card the terminal approved joins its basket
        self._customer_resumed()  # erased meanwhile: detached, and said
        self._changed()

    def _do_set_aside_open_basket(self) -> None:
        if self._card_holds_approval():
            raise PosError(
                "The payment terminal approved a card for this sale: resume it.",
                code="payments_taken",
            )
        self.checkout.set_aside_open_basket()
        self._changed()

    def _do_add_priced(self, items: list[PricedItem]) -> None:
        """A pickup order paid in store: its lines at the order's prices."""
        lines = self.checkout.add_priced(items)
        self._changed(lines[-1].line_id if lines else None)

    def _do_load_cart(self, text: str) -> None:
        """A web cart's code or QR: its lines join the sale at the online prices."""
        if self._carts is None:  # first cart: httpx and pydantic load now, not at start-up
            from pos.services.online_cart import OnlineCarts

            self._carts = OnlineCarts(cart_calls(self._options.data_dir, self._central))
        loaded = self._carts.load(self.checkout, text)
        self.cart_loaded.emit(loaded)
        self._changed()

    def _do_take_customer_order(self, order: CustomerOrder) -> None:
        """ "Pay here" on an order just placed for the customer: it joins the sale, its
        customer attached, at central's prices (``customer_order_payment``)."""
        from pos.services.customer_order_payment import take

        taken = take(self.checkout, order)
        self._changed(taken.lines[-1].line_id if taken.lines else None)

    def _do_set_header(self, header: ReceiptHeader) -> None:
        """New store settings: the next receipt (and duplicate) carries the new header."""
        self._options = replace(self._options, receipt_header=header)

    def _do_receipt(self, sale_id: str, choice: str) -> None:
        """The cashier's choice for a sale's receipt: "print", "preview" or "decline"."""
        store, sale = self._store_and_sale(sale_id)
        if sale.training:  # practice: no receipt events (there is no sale to attach them to)
            if choice != "decline":
                document = receipt_document(sale, self._header(), loyalty=self.loyalty_lines(sale))
                self.receipt_ready.emit(document, choice)
            return
        if choice == "decline":
            record_outcome(store, sale_id, "declined", utc_now())
            return
        if choice == "print":
            record_outcome(store, sale_id, "printed", utc_now())
        balances = self.credit_note_balances(sale_id)  # "Solde de l'avoir", as central said
        document = receipt_document(
            sale, self._header(), credit_note_balances=balances, loyalty=self.loyalty_lines(sale)
        )
        self.receipt_ready.emit(document, choice)

    def _do_reprint_last(self) -> None:
        """DUPLICATA n°k of this till's last sale, signed into the duplicates chain before
        it is sent to the printer (in training mode: the last practice ticket again)."""
        store, checkout = self._require_store(), self.checkout
        sale = last_sale(store, checkout.terminal_id, training=checkout.training)
        if sale is None:
            raise PosError("No sale to reprint yet on this till.", code="nothing_to_reprint")
        document = duplicate_receipt(
            store, sale, self._header(), actor=checkout.actor,
            terminal_id=checkout.terminal_id, at=utc_now(),
        )  # fmt: skip
        self.receipt_ready.emit(replace(document, loyalty=self.loyalty_lines(sale)), "print")

    def _do_training(self, on: bool) -> None:
        """A manager switches training mode (refused with a sale open, or to others)."""
        self.training_changed.emit(self.checkout.set_training(on))

    def _do_print_failed(self, sale_id: str, detail: str) -> None:
        """A receipt the printer refused (``detail`` its result code): in the sale's
        receipt log and the JET together."""
        record_printer_error(self._require_journal(), detail, sale_id=sale_id, actor=self._actor())

    def _do_printer_error(self, code: str, job: str) -> None:
        """Another print job failed (a slip, a report, the drawer kick)."""
        record_printer_error(self._require_journal(), code, job=job, actor=self._actor())

    def _do_settings_saved(self, old: Settings, new: Settings) -> None:
        """The settings dialog wrote its file: each changed key goes to the JET."""
        record_settings_saved(self._require_journal(), self._actor(), old, new)

    def _actor(self) -> Actor | None:
        return self._checkout.actor if self._checkout is not None else None

    def _require_journal(self) -> EventJournal:
        if self._journal is None:
            raise PosError("The till is still opening: wait a moment.", code="not_ready")
        return self._journal

    def _directory(self) -> StaffDirectory:
        return self._require_services().directory()

    @approvable("drawer")
    def _do_drawer(self, reason: str, sale_id: str, approval: Approval | None = None) -> None:
        """Recorded by the service, which refuses a drawer without a sale to a cashier."""
        self.checkout.open_drawer(reason, sale_id, approval)
        if not sale_id:
            self.drawer_recorded.emit(reason)

    def _header(self) -> ReceiptHeader:
        if self._options.receipt_header is not None:
            return self._options.receipt_header
        return ReceiptHeader(lines=(self._require_services().store_name(),))

    def _require_services(self) -> TillServices:
        if self._services is None:
            raise PosError("The till is still opening: wait a moment.", code="not_ready")
        return self._services

    def _require_store(self) -> TillStore:
        """The connection, handed on to the services that take it (never queried here)."""
        return self._require_services().store

    def _store_and_sale(self, sale_id: str) -> tuple[TillStore, CompletedSale]:
        store = self._require_store()
        sale = sale_for_receipt(store, sale_id)
        if sale is None:
            raise PosError("This sale is not on this till.", code="unknown_sale")
        return store, sale

    def _do_close(self) -> None:
        calls, self._calls = self._calls, None
        if calls is not None:
            calls.close()
        services, self._services = self._services, None
        if services is not None:  # the stop in the JET, the checkout, then the file
            services.close()
            self._checkout = self._sessions = self._journal = None

    def _do_scan(self, code: str) -> None:
        try:
            line = self.checkout.scan(code)
        except PosError as exc:  # no article: perhaps a coupon's or a receipt's code
            self._not_an_article(code, exc)
            return
        self._changed(line.line_id)

    def _do_add_product(self, product_id: int, quantity: int) -> None:
        self._changed(self.checkout.add_product(product_id, quantity).line_id)

    def _do_set_quantity(self, line_id: int, quantity: int) -> None:
        self._changed(self.checkout.set_quantity(line_id, quantity).line_id)

    @approvable("line_discount")
    def _do_line_discount(
        self, line_id: int, percent_bp: int, amount_cents: int, approval: Approval | None = None
    ) -> None:
        discount = Discount.percent(percent_bp) if percent_bp else Discount.amount(amount_cents)
        self._changed(self.checkout.set_line_discount(line_id, discount, approval).line_id)

    @approvable("void")
    def _do_void(self, line_id: int, approval: Approval | None = None) -> None:
        self._changed(self.checkout.void_line(line_id, approval).line_id)

    def _do_search(self, query: str) -> None:
        self.searched.emit(query, self.checkout.search(query, 20))

    def _do_add_tender(self, kind: str, amount_cents: int, reference: str) -> None:
        self.checkout.add_tender(kind, amount_cents, reference)
        self._changed()

    def _do_remove_tender(self, index: int) -> None:
        self._remove_tender(index)  # a credit note's debit is reversed
        self._changed()

    def _do_complete(self) -> None:
        sale = self.checkout.complete()
        self.completed.emit(sale)
        self._changed()

    @approvable("cancel")
    def _do_cancel(self, approval: Approval | None = None) -> None:
        self._cancel_sale(approval)  # credit notes credited back, a return claim released
        self.sale_set_aside.emit()
        self._changed()

    def _do_park(self, label: str) -> None:
        self.checkout.park(label)
        self.sale_set_aside.emit()
        self._changed()

    def _do_list_parked(self) -> None:
        self.parked_listed.emit(self.checkout.list_parked())

    def _do_resume(self, parked_id: str) -> None:
        self.checkout.resume(parked_id)
        self._customer_resumed()
        self._changed()


class TillController(WorkerThread):
    """The till worker's handle; ``start()`` opens the store on the worker."""

    worker: TillWorker

    def __init__(self, options: TillOptions, parent: QObject | None = None) -> None:
        super().__init__(TillWorker(options), "till-worker", parent)

    def start(self) -> None:
        """Start the worker and open the store; connect to the worker's signals first."""
        super().start()
        self.request("open")
