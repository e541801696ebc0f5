"""The stock screen's worker thread: it owns its own store connection and the StockDesk.

A search over a million articles, an article's history and an adjustment committed with
its outbox row all run here, never on the GUI thread; the screen gets immutable answers
through queued signals. Who acts is the signed-in person the screen tells the worker
(``set_actor``); the service checks their right again.
"""

from __future__ import annotations

from pathlib import Path

from pos.domain.errors import PosError
from pos.domain.receiving import SheetLine, TransferLine
from pos.domain.rights import Actor, Approval
from pos.domain.stock_count import EntryMode
from pos.services.deliveries import DeliveryDesk
from pos.services.desk_services import StockServices, open_stock
from pos.services.stock_count import StockCounts
from pos.services.stock_desk import StockDesk, StockFilter
from pos.ui.i18n import current_language
from pos.ui.qt import QObject, Signal
from pos.ui.worker_thread import RequestWorker, WorkerThread


class StockWorker(RequestWorker):
    searched = Signal(int, object)  # request number, list[StockRow]
    detail_loaded = Signal(object)  # StockDetail
    adjusted = Signal(object)  # StockDetail after the adjustment
    deliveries_listed = Signal(object, bool)  # list[Delivery] expected here, no lists (Medusa)
    delivery_opened = Signal(object)  # Delivery, with its lines
    article_found = Signal(str, object, int)  # purpose ("receive", "transfer"), Product, qty
    delivery_received = Signal(object)  # Delivery as it now stands
    destinations_listed = Signal(object, bool)  # list[Destination], Medusa (nothing announced)
    transfer_sent = Signal(object)  # Sent
    sent_transfers_listed = Signal(object)  # list[TransferOutcome], newest first
    count_sheet = Signal(object)  # CountSheet, or None: no count under way
    count_departments = Signal(list)  # [(code, name)]
    count_variances = Signal(object)  # CountVariances (after counting)
    count_applied = Signal(object)  # CountVariances of the count just applied

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self._data_dir = data_dir
        self._services: StockServices | None = None  # opened on this thread
        self._desk: StockDesk | None = None
        self._deliveries: DeliveryDesk | None = None
        self._counts: StockCounts | None = None
        self._actor: Actor | None = None

    @property
    def desk(self) -> StockDesk:
        if self._desk is None:
            raise PosError("The stock screen is still opening: wait a moment.",
                           code="stock_not_ready")  # fmt: skip
        return self._desk

    @property
    def deliveries(self) -> DeliveryDesk:
        if self._deliveries is None:
            raise PosError("The stock screen is still opening: wait a moment.",
                           code="stock_not_ready")  # fmt: skip
        return self._deliveries

    def _do_open(self) -> None:
        services = self._services = open_stock(self._data_dir)
        self._deliveries, self._desk = services.deliveries, services.desk
        self._counts = services.counts

    def _do_close(self) -> None:
        if self._services is not None:
            self._services.close()
            self._services = self._desk = self._deliveries = self._counts = None

    def _do_set_actor(self, actor: Actor | None) -> None:
        self._actor = actor

    def _do_search(self, number: int, query: str, which: str, threshold: int) -> None:
        self.searched.emit(number, self.desk.search(query, StockFilter(which), threshold))

    def _do_detail(self, product_id: int) -> None:
        self.detail_loaded.emit(self.desk.detail(product_id))

    def _do_adjust(
        self, product_id: int, reason: str, quantity: int, note: str, approval: Approval | None
    ) -> None:
        if self._actor is None:
            raise PosError("Sign in first.", code="stock_not_signed_in")
        detail = self.desk.adjust(self._actor, product_id, reason, quantity, note, approval)
        self.adjusted.emit(detail)

    # -- deliveries and transfers (``pos.services.deliveries``) ----------------------------

    # -- counts ("Inventaire"): the counter's sheet never carries the expected figures ----

    @property
    def counts(self) -> StockCounts:
        if self._counts is None:
            raise PosError("The stock screen is still opening: wait a moment.",
                           code="stock_not_ready")  # fmt: skip
        return self._counts

    def _signed_in(self) -> Actor:
        if self._actor is None:
            raise PosError("Sign in first.", code="stock_not_signed_in")
        return self._actor

    def _do_list_deliveries(self) -> None:
        desk = self.deliveries
        self.deliveries_listed.emit(desk.expected(), desk.medusa)

    def _do_open_delivery(self, delivery_id: str) -> None:
        self.delivery_opened.emit(self.deliveries.open(delivery_id))

    def _do_find_article(self, purpose: str, code: str, quantity: int) -> None:
        self.article_found.emit(purpose, self.deliveries.find(code), quantity)

    def _do_receive(self, delivery_id: str, lines: list[SheetLine], note: str) -> None:
        actor = self._signed_in()
        self.delivery_received.emit(self.deliveries.receive(actor, delivery_id, lines, note))

    def _do_list_destinations(self) -> None:
        desk = self.deliveries
        self.destinations_listed.emit(desk.destinations(), desk.medusa)

    def _do_list_sent_transfers(self) -> None:
        self.sent_transfers_listed.emit(self.deliveries.sent_transfers())

    def _do_send_transfer(
        self, to_store_id: str, lines: list[TransferLine], note: str, approval: Approval | None
    ) -> None:
        actor = self._signed_in()
        sent = self.deliveries.send(actor, to_store_id, lines, note, approval)
        self.transfer_sent.emit(sent)

    def _do_count_current(self) -> None:
        self.count_departments.emit(self.counts.departments(current_language()))
        self.count_sheet.emit(self.counts.current())

    def _do_count_start(self, scope: str, label: str) -> None:
        self.count_sheet.emit(self.counts.start(self._signed_in(), scope, label))

    def _do_count_enter(self, count_id: str, code: str, quantity: int, mode: str) -> None:
        product = self.counts.find(code)
        sheet = self.counts.enter(
            self._signed_in(), count_id, product.id, quantity, EntryMode(mode)
        )
        self.count_sheet.emit(sheet)

    def _do_count_variances(self, count_id: str) -> None:
        self.count_variances.emit(self.counts.variances(count_id))

    def _do_count_approve(self, count_id: str, approval: Approval | None) -> None:
        self.count_applied.emit(self.counts.approve(self._signed_in(), count_id, approval))

    def _do_count_abandon(self, count_id: str) -> None:
        self.counts.abandon(self._signed_in(), count_id)
        self.count_sheet.emit(None)


class StockController(WorkerThread):
    """The stock worker's handle; ``start()`` opens the store on the worker. Start it
    after the till's worker has opened the store (it runs the migrations)."""

    worker: StockWorker

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(StockWorker(data_dir), "stock-worker", parent)

    def start(self) -> None:
        super().start()
        self.request("open")
