"""The till's worker thread: it owns the store connection and the Checkout.

The screen sends requests (``controller.request("scan", code)``); the worker runs them
one after another on its own thread, then answers through queued signals with a fresh
``BasketView`` or a refusal. So a scan, a search or the durable commit of a sale never
runs on the GUI thread, and requests keep their order (a scan queued behind a payment
waits for it).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pos.config import DATABASE_FILE
from pos.domain.discount import Discount
from pos.domain.errors import PosError
from pos.services.basket_view import basket_view
from pos.services.checkout import Checkout
from pos.services.demo_store import build_demo_store
from pos.services.store_summary import summarize
from pos.store.errors import StoreError
from pos.store.local_store import LocalStore
from pos.ui.qt import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class TillOptions:
    data_dir: Path
    cashier: str = "Caisse"
    demo_if_empty: bool = True


class TillWorker(QObject):
    opened = Signal(object)  # StoreSummary
    changed = Signal(object)  # BasketView
    refused = Signal(str, str, object)  # code, English message, params for translation
    completed = Signal(object)  # CompletedSale
    searched = Signal(str, object)  # query, list[Product]
    parked_listed = Signal(object)  # list of parked sales

    def __init__(self, options: TillOptions) -> None:
        super().__init__()
        self._options = options
        self._store: LocalStore | None = None
        self._checkout: Checkout | None = None

    @Slot(str, object)
    def run(self, name: str, args: tuple[Any, ...]) -> None:
        try:
            getattr(self, f"_do_{name}")(*args)
        except PosError as exc:
            self.refused.emit(exc.code, exc.message, dict(exc.params))
        except StoreError as exc:
            self.refused.emit(exc.code, exc.message, {})
        except Exception as exc:  # never lose the worker: report and carry on
            log.exception("till request %s failed", name)
            self.refused.emit("internal", str(exc), {})

    @property
    def checkout(self) -> Checkout:
        if self._checkout is None:
            raise PosError("The till is still opening: wait a moment.", code="not_ready")
        return self._checkout

    def _changed(self, last_line_id: int | None = None) -> None:
        self.changed.emit(basket_view(self.checkout, last_line_id))

    def _do_open(self) -> None:
        data_dir = self._options.data_dir
        store = self._store = LocalStore(data_dir / DATABASE_FILE)
        if self._options.demo_if_empty and not store.catalog.count() and not store.sales.count():
            build_demo_store(store, today=date.today())
        summary = summarize(store, data_dir, self._options.cashier)
        self._checkout = Checkout(
            store, terminal_id=summary.terminal_id, cashier=self._options.cashier
        )
        self.opened.emit(summary)
        self._changed()

    def _do_close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = self._checkout = None

    def _do_scan(self, code: str) -> None:
        self._changed(self.checkout.scan(code).line_id)

    def _do_add_product(self, product_id: int, quantity: int) -> None:
        self._changed(self.checkout.add_product(product_id, quantity).line_id)

    def _do_set_quantity(self, line_id: int, quantity: int) -> None:
        self._changed(self.checkout.set_quantity(line_id, quantity).line_id)

    def _do_line_discount(self, line_id: int, percent_bp: int, amount_cents: int) -> None:
        discount = Discount.percent(percent_bp) if percent_bp else Discount.amount(amount_cents)
        self._changed(self.checkout.set_line_discount(line_id, discount).line_id)

    def _do_void(self, line_id: int) -> None:
        self._changed(self.checkout.void_line(line_id).line_id)

    def _do_search(self, query: str) -> None:
        self.searched.emit(query, self.checkout.search(query, 20))

    def _do_add_tender(self, kind: str, amount_cents: int, reference: str) -> None:
        self.checkout.add_tender(kind, amount_cents, reference)
        self._changed()

    def _do_remove_tender(self, index: int) -> None:
        self.checkout.remove_tender(index)
        self._changed()

    def _do_complete(self) -> None:
        sale = self.checkout.complete()
        self.completed.emit(sale)
        self._changed()

    def _do_cancel(self) -> None:
        self.checkout.cancel()
        self._changed()

    def _do_park(self, label: str) -> None:
        self.checkout.park(label)
        self._changed()

    def _do_list_parked(self) -> None:
        self.parked_listed.emit(self.checkout.list_parked())

    def _do_resume(self, parked_id: str) -> None:
        self.checkout.resume(parked_id)
        self._changed()


class TillController(QObject):
    """GUI-side handle: start the worker thread, send requests, stop it cleanly."""

    _request = Signal(str, object)

    def __init__(self, options: TillOptions, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("till-worker")
        self.worker = TillWorker(options)
        self.worker.moveToThread(self._thread)
        self._request.connect(self.worker.run)

    def start(self) -> None:
        """Start the worker and open the store; connect to the worker's signals first."""
        self._thread.start()
        self.request("open")

    def request(self, name: str, *args: Any) -> None:
        self._request.emit(name, args)

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Finish queued requests (a sale being committed), close the store, stop."""
        if not self._thread.isRunning():
            return
        self.request("close")
        self.worker.deleteLater()
        self._thread.quit()
        self._thread.wait(timeout_ms)
