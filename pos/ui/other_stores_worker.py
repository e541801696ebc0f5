"""The other stores dialog's worker: figures and orders off the GUI thread (issue 16).

Central is asked here, never on the GUI thread: the cached figures are sent at once,
then central's (or, central unreachable, the cached ones again marked offline). The
service is built on this thread too (reading the till's token may be slow).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pos.services.other_stores import OrderDraft, OtherStores
from pos.ui.qt import Signal
from pos.ui.worker_thread import RequestWorker


class OtherStoresWorker(RequestWorker):
    figures = Signal(object)  # OtherStoresView: cached first, then live (or offline)
    prepared = Signal(object)  # OrderDraft: kept at this till, about to be sent
    placed = Signal(object)  # CustomerOrder

    def __init__(self, make_service: Callable[[], OtherStores]) -> None:
        super().__init__()
        self._make_service = make_service
        self._service: OtherStores | None = None

    def _get(self) -> OtherStores:
        if self._service is None:
            self._service = self._make_service()
        return self._service

    def _do_show(self, product_id: int) -> None:
        service = self._get()
        self.figures.emit(service.cached(product_id))
        if service.calls is not None:
            self.figures.emit(service.lookup(product_id))

    def _do_refresh(self, product_id: int) -> None:
        """Central's figures again (after an order): no flash of the cached ones first."""
        service = self._get()
        self.figures.emit(service.lookup(product_id))

    def _do_order(self, order: dict[str, Any]) -> None:
        service = self._get()
        draft = service.prepare_order(**order)
        self.prepared.emit(draft)
        self.placed.emit(service.place(draft))

    def _do_retry(self, draft: OrderDraft) -> None:
        self.placed.emit(self._get().place(draft))
