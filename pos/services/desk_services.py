"""The stock screen's and the pickup desk's services, each opened from the data folder.

Like the till (``till_services``), each of these screens runs on a worker thread that
owns its own store connection; the opener here builds the desk over it and ``close``
releases both, so the UI never names the store. Open and close on that worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from pos.config import DATABASE_FILE
from pos.domain.rights import Actor
from pos.services.central_link import read_link
from pos.services.deliveries import DeliveryDesk
from pos.services.pickup_desk import PickupDesk
from pos.services.staff import StaffDirectory, provisional_actor
from pos.services.stock_count import StockCounts
from pos.services.stock_desk import StockDesk
from pos.store.local_store import LocalStore


@dataclass(slots=True)
class StockServices:
    """The stock screen's desks: stock, deliveries and transfers, counts."""

    desk: StockDesk
    deliveries: DeliveryDesk
    counts: StockCounts
    _store: LocalStore

    def close(self) -> None:
        self._store.close()


def open_stock(data_dir: Path) -> StockServices:
    """The stock screen's desks over the data folder's store (one new connection)."""
    store = LocalStore(data_dir / DATABASE_FILE)
    deliveries = DeliveryDesk.for_store(store)
    return StockServices(
        StockDesk(store, incoming=deliveries), deliveries, StockCounts(store), store
    )


@dataclass(slots=True)
class PickupServices:
    """The pickup desk over its own connection, and who acts at it."""

    desk: PickupDesk
    _store: LocalStore

    def actor(self, staff: str) -> Actor:
        """Who acts for ``staff`` (an id or a name) until someone signs in."""
        return provisional_actor(StaffDirectory(self._store), staff)

    def close(self) -> None:
        self._store.close()


def open_pickup_desk(
    data_dir: Path,
    *,
    store_id: str | None,
    tz: tzinfo | None,
    clock: Callable[[], datetime] | None = None,
) -> PickupServices:
    """The pickup desk over the data folder's store: the orders of ``store_id``, else of
    the store this till is enrolled in, else every order (a till not enrolled)."""
    store = LocalStore(data_dir / DATABASE_FILE)
    if store_id is None:
        link = read_link(store)
        store_id = link.store_id if link is not None else None
    extra: dict[str, Any] = {"clock": clock} if clock is not None else {}
    return PickupServices(PickupDesk(store, store_id=store_id, tz=tz, **extra), store)
