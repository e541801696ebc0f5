"""Other stores and the web warehouse at the till (issue 16, item 2): what they hold of a
product, and ordering it for the customer there (the endless aisle).

* ``cached``: the figures this till holds (the ``network_stock`` feed, earlier lookups)
  with their age; works offline, indefinitely.
* ``lookup``: central's figures now, kept in the cache; central unreachable, the cached
  ones with ``offline`` (never an error: the figures' age says how old they are).
* ``prepare_order`` then ``place``: an order for the attached customer, pickup at another
  store or home delivery from the web warehouse, left to pay (at that store's desk, or
  online). The request is kept here with its order id before it is sent, so a retry
  (the same id) after a lost reply or an outage gets the same order, never a second.
  Central must be reachable to place it: offline, ``ORDER_NEEDS_NETWORK`` and the order
  stays kept for a retry.

Medusa (``medusa=True``): the live lookup only (``MedusaBackend.network_stock``): no
feed of the figures, so offline the till has those of its own earlier lookups
(``lookup_only``), which the screen says. An order for a customer is placed there too,
as a Medusa order (``sync.medusa.customer_orders``), through the same port and with the
same kept request. No Qt: these run on a worker thread; each call opens the store on the
calling thread and closes it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol, runtime_checkable

from pydantic import ValidationError

from pos.domain.errors import PosError
from pos.domain.rights import Actor, Right, require
from pos.store import network_stock
from pos.store.local_store import LocalStore
from pos.store.network_stock import LocationLevel
from pos.store.sale_codec import utc_now
from sync.contract.network import CustomerOrder, CustomerOrderRequest, NetworkStock
from sync.ports import CentralRejected, CentralUnavailable

__all__ = [
    "Address",
    "LocationLevel",
    "NetworkCalls",
    "OrderDraft",
    "OtherStores",
    "OtherStoresView",
    "for_till",
]  # fmt: skip

ORDER_NEEDS_NETWORK = "order_needs_network"  # central unreachable: kept, retry later
ORDER_REFUSED = "order_refused"  # params: reason (central's words)
ORDER_INVALID = "order_invalid"  # no customer, a bad quantity or address; params: field
#: params field of ORDER_INVALID: central does not know the customer yet (one created at
#: this till offline reaches it with the next sync); the order is kept for a retry.
CUSTOMER_UNKNOWN = "customer_unknown"
NETWORK_UNSUPPORTED = "network_unsupported"  # the platform (Medusa) cannot do it
MAX_ORDER_QUANTITY = 999


@runtime_checkable
class NetworkCalls(Protocol):
    """Central's calls (``sync.client.network_calls.HttpNetworkCalls``)."""

    def network_stock(self, product_id: int) -> NetworkStock: ...
    def place_customer_order(self, request: CustomerOrderRequest) -> CustomerOrder: ...


@dataclass(frozen=True, slots=True)
class OtherStoresView:
    """Other locations' stock of one product; ``as_of`` None: never seen."""

    product_id: int
    locations: tuple[LocationLevel, ...]
    as_of: str | None
    live: bool = False  # central answered just now
    offline: bool = False  # central could not be asked: the cached figures
    unsupported: bool = False  # the platform cannot answer: cached figures only
    lookup_only: bool = False  # no feed (Medusa): kept figures are earlier lookups' only
    orders_unavailable: bool = False  # the platform takes no order for a customer


@dataclass(frozen=True, slots=True)
class OrderDraft:
    """An order kept at this till, ready to be sent (again) by ``place``."""

    order_id: str
    fulfilment: Literal["pickup", "delivery"]
    location_id: str | None


@dataclass(frozen=True, slots=True)
class Address:
    line: str
    postcode: str
    city: str


class OtherStores:
    """Other locations seen from one till: its store file, its store id and central."""

    def __init__(
        self,
        store_path: str | Path,
        own_store_id: str,
        calls: NetworkCalls | None,
        *,
        unsupported: bool = False,
        medusa: bool = False,
        clock: Callable[[], str] = utc_now,
        new_id: Callable[[], str] = lambda: f"aisle-{uuid.uuid4()}",
    ) -> None:
        self.store_path = Path(store_path)
        self.own_store_id = own_store_id
        self.calls = None if unsupported else calls
        self.unsupported = unsupported
        self.medusa = medusa
        self._clock, self._new_id = clock, new_id

    # -- figures ------------------------------------------------------------------------

    def cached(self, product_id: int) -> OtherStoresView:
        """The kept figures; ``offline`` when there is no central to ask at all."""
        offline = self.calls is None and not self.unsupported
        with LocalStore(self.store_path) as store:
            return self._cached(store, product_id, offline=offline)

    def _cached(self, store: LocalStore, product_id: int, *, offline: bool) -> OtherStoresView:
        levels = tuple(
            x for x in network_stock.levels(store.conn, product_id)
            if x.store_id != self.own_store_id
        )  # fmt: skip
        ages = [x.seen_at for x in levels]
        pulled = network_stock.pulled_at(store.conn)
        if pulled is not None and levels:
            ages.append(pulled)
        return OtherStoresView(
            product_id, levels, max(ages) if ages else None, offline=offline,
            unsupported=self.unsupported, lookup_only=self.medusa,
            orders_unavailable=self.unsupported,
        )  # fmt: skip

    def lookup(self, product_id: int) -> OtherStoresView:
        """Central's figures now (kept for later); unreachable, the cached ones."""
        with LocalStore(self.store_path) as store:
            if self.calls is None:
                return self._cached(store, product_id, offline=not self.unsupported)
            try:
                found = self.calls.network_stock(product_id)
            except (CentralUnavailable, CentralRejected):
                return self._cached(store, product_id, offline=True)
            now = self._clock()
            levels = [
                LocationLevel(x.store_id, x.name, x.kind, x.on_hand, x.reserved, now)
                for x in found.locations
            ]
            network_stock.remember(store.conn, product_id, levels)
            others = tuple(x for x in levels if x.store_id != self.own_store_id)
            ordered = tuple(sorted(others, key=lambda x: (x.kind, x.name)))
            return OtherStoresView(
                product_id, ordered, now, live=True, lookup_only=self.medusa,
            )  # fmt: skip

    # -- ordering for the customer ------------------------------------------------------

    def prepare_order(
        self,
        actor: Actor,
        *,
        sku: str,
        quantity: int,
        customer_id: str | None,
        pickup_store_id: str | None = None,
        address: Address | None = None,
    ) -> OrderDraft:
        """Check and keep the order (its id fixed from now on); nothing is sent yet."""
        require(actor, Right.SELL)
        if self.unsupported:
            raise PosError(
                "Ordering for a customer is not available with this platform.",
                code=NETWORK_UNSUPPORTED,
            )
        if not customer_id:
            raise PosError(
                "Attach a customer to the sale first: the order is in their name.",
                code=ORDER_INVALID, field="customer",
            )  # fmt: skip
        if not 1 <= quantity <= MAX_ORDER_QUANTITY:
            raise PosError(
                f"Order from 1 to {MAX_ORDER_QUANTITY} units.", code=ORDER_INVALID,
                field="quantity",
            )  # fmt: skip
        fields: dict[str, object] = {
            "order_id": self._new_id(), "customer_id": customer_id,
            "lines": [{"sku": sku, "quantity": quantity}], "staff": actor.staff_id[:64],
        }  # fmt: skip
        if address is None:
            fields |= {"fulfilment": "pickup", "pickup_store_id": pickup_store_id}
        else:
            fields |= {"fulfilment": "delivery", "address": _address(address)}
        try:
            request = CustomerOrderRequest.model_validate(fields)
        except ValidationError as exc:
            field = str(exc.errors()[0]["loc"][0]) if exc.errors() else "order"
            raise PosError(
                "Check the order: the address needs a street, a postcode and a town.",
                code=ORDER_INVALID, field=field,
            ) from None  # fmt: skip
        if request.fulfilment == "pickup" and not request.pickup_store_id:
            raise PosError("Choose the store of the pickup.", code=ORDER_INVALID, field="store")
        with LocalStore(self.store_path) as store:
            network_stock.record_order(store.conn, request.order_id, request.model_dump_json())
        location = request.pickup_store_id if request.fulfilment == "pickup" else None
        return OrderDraft(request.order_id, request.fulfilment, location)

    def place(self, draft: OrderDraft) -> CustomerOrder:
        """Send the kept order; the same draft again is a safe retry (same order id)."""
        with LocalStore(self.store_path) as store:
            kept = network_stock.order_request(store.conn, draft.order_id)
            if kept is None:
                raise PosError("This order was not kept at this till.", code=ORDER_INVALID,
                               field="order")  # fmt: skip
            if self.calls is None:
                raise _needs_network()
            try:
                order = self.calls.place_customer_order(
                    CustomerOrderRequest.model_validate_json(kept)
                )
            except CentralUnavailable:
                raise _needs_network() from None
            except CentralRejected as exc:
                if exc.code == CUSTOMER_UNKNOWN:
                    raise PosError(
                        "Central does not know this customer yet: let the till sync, then "
                        "try again.", code=ORDER_INVALID, field=CUSTOMER_UNKNOWN,
                    ) from None  # fmt: skip
                raise PosError(
                    f"Central refused the order: {exc.message}", code=ORDER_REFUSED,
                    reason=exc.message,
                ) from None  # fmt: skip
            network_stock.order_placed(store.conn, draft.order_id, order.model_dump_json())
            return order


def _address(address: Address) -> dict[str, str]:
    return {
        "line": address.line.strip(),
        "postcode": address.postcode.strip(),
        "city": address.city.strip(),
    }


def _needs_network() -> PosError:
    return PosError(
        "Central cannot be reached: the order needs the network. It is kept; try again "
        "once the till is back online.",
        code=ORDER_NEEDS_NETWORK,
    )


def for_till(data_dir: Path) -> OtherStores:
    """This till's view of the network: its link decides (none: the cache only; Medusa:
    live lookups and orders, no feed). Reads the token: call it off the GUI thread."""
    from pos.config import DATABASE_FILE
    from pos.services.central_link import read_link, return_calls

    path = Path(data_dir) / DATABASE_FILE
    with LocalStore(path) as store:
        link = read_link(store)
    if link is None:
        return OtherStores(path, "", None)
    calls = return_calls(Path(data_dir), link)
    usable = calls if isinstance(calls, NetworkCalls) else None
    return OtherStores(path, link.store_id, usable, medusa=link.backend == "medusa")
