"""``MedusaBackend``: the sync engine's ``CentralPort`` and the desk's ``OrderDeskPort``
over a Medusa v2 server, one store (a stock location) and its tills (a POS sales channel).

=====================  ================================================================
Comptoir               Medusa
=====================  ================================================================
store                  stock location (+ its pickup fulfillment set and option)
till sales channel     sales channel "POS" (publishable key linked to it)
product (``id``)       product variant (integer id: ``state.py``)
barcodes               variant ``ean``, ``upc``, ``barcode``
price (cents, TTC)     variant calculated price in the POS channel and region
VAT (bp)               tax rates of the country: product rule, type rule, default
stock on hand/held     inventory level at the location: stocked / reserved quantity
customer               customer (loyalty points: ``metadata.loyalty_points``; created
                       with consent in ``metadata``, searched, history = its orders:
                       ``customers.py``)
web cart               store cart (``GET /store/carts/{id}``)
pickup order           order whose shipping method is the location's pickup option
pickup states/version  order metadata, fulfillment, delivery, completion, cancel
pickup_transition op   the same moves, checked against the state and version seen
                       (through Comptoir's plugin when installed: partial pickup,
                       expiry, random pickup code, stock at the pickup location)
sale (pushed once)     with Comptoir's plugin: an order made exactly as the till sold it
                       (``plugin_sales.py``; the plugin's ledger is the idempotency key);
                       without: cart of the POS channel completed into an order, then
                       fulfilled at the location; cart id kept with the sale = key
chain_entry op         with Comptoir's plugin: kept, its signature checked against the
(and a sale's seal)    terminal's keys registered at link time, witnessed per chain
                       (``plugin_chains.py``); without it: refused ``not_supported``
stock_movement op      with Comptoir's plugin: the delta applied to the variant's levels
                       at the location, exactly once (``plugin_stock.py``); without it:
                       refused (Medusa keeps absolute counts)
stock_count op         with the plugin: one ``count`` movement per line with a variance,
                       the till's delta (``plugin_counts.py``: not judged against Medusa's
                       level at the counted instant); without it: refused
delivery_received op   with the plugin: each article's received units a ``receipt``
transfer_sent op       movement, its units sent a ``transfer`` one, at the location
                       (``plugin_deliveries.py``); Medusa keeps no expected list nor
                       transfer; without the plugin: refused
other stores' stock    live only: the article's levels at every stock location, each
                       named as a store (``network_stock.py``); no feed to keep
order for a customer   a draft order converted, customer attached, pickup option of that
                       store's location or the warehouse's delivery option, idempotent by
                       ``metadata.comptoir_order_id`` (``customer_orders.py``)
till day ops           with Comptoir's plugin: each terminal's sessions, cash movements,
approval op            Z reports, managers' approvals, cancelled sales and drawer
till act ops           openings kept in Medusa (``plugin_till_days.py``; an approval by
                       someone not a manager in the plugin's staff:
                       ``approver_lacks_right``); without it (or an older one): refused
                       ``not_supported``, so they are set aside and listed at the till
returns, credit notes  with Comptoir's plugin: the sale found by code (a till sale's order or
                       a web order), claims, Medusa's own return and card refund for a
                       pushed return ticket, the credit note ledger (``returns.py``)
promotions feed        Medusa's promotions the engine prices as Medusa does, mapped to
                       contract v2 (``promotions.py``: item % or tax-inclusive amount,
                       order-level %/amount, buy-get on one article, codes, campaign
                       windows); the rest is sent switched off and listed with its reason
                       (``promotions_not_mapped()``); price lists are in the catalog's prices
coupons                shared codes only; reserving a single-use code: refused
                       ``not_supported`` (``coupons.py``)
=====================  ================================================================

Settings are checked against the server on first use (``verify()``): a wrong one is a
``SettingsError`` naming it; the engine sees it as a ``CentralRejected`` (code
``bad_settings``) so it backs off instead of hammering.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from typing import Any

import httpx

from sync.medusa import cursors
from sync.medusa.carts import fetch_cart
from sync.medusa.catalog import CatalogFeed
from sync.medusa.checks import Resolved, verify_settings
from sync.medusa.coupons import MedusaCouponCalls
from sync.medusa.customer_orders import MedusaCustomerOrderCalls
from sync.medusa.customers import MedusaCustomerCalls
from sync.medusa.delta import (
    PluginCatalogFeed,
    PluginCustomersFeed,
    PluginPickupsFeed,
    PluginStaffFeed,
    PluginStockFeed,
    rest_state,
)
from sync.medusa.feeds import CustomersFeed, PickupsFeed, StockFeed
from sync.medusa.http import CALL_DEADLINE_S, TIMEOUT, MedusaHttp
from sync.medusa.lanes import lanes
from sync.medusa.loyalty import MedusaLoyaltyCalls
from sync.medusa.network_stock import MedusaNetworkCalls
from sync.medusa.pickups import PickupDesk
from sync.medusa.plugin_chains import (
    CHAIN_ENTRY,
    not_witnessed_here,
    register_keys,
    ticket_breaks,
    translate_chain_entry,
)
from sync.medusa.plugin_deliveries import AS_MOVEMENTS
from sync.medusa.plugin_movements import push_as_movements
from sync.medusa.plugin_pickups import move_directly, translate_transition
from sync.medusa.plugin_push import Scope, Translator, push_batch
from sync.medusa.plugin_sales import sale_translator
from sync.medusa.plugin_stock import movement_translator
from sync.medusa.plugin_till_days import KEPT_KINDS, not_kept_here, translate_till_day
from sync.medusa.promotion_feed import PromotionsFeed
from sync.medusa.promotions import NotMapped
from sync.medusa.returns import MedusaReturnCalls
from sync.medusa.sales import SalePusher
from sync.medusa.settings import MedusaSettings, SettingsError
from sync.medusa.state import AdapterState
from sync.medusa.transitions import push_transition
from sync.ports import (
    CentralRejected,
    FeedPage,
    OperationOutcome,
    OutgoingOperation,
)

#: The feeds this backend serves. `staff` comes from Comptoir's plugin; a Medusa without
#: it serves no staff (each till keeps its own: `comptoir staff add`).
FEEDS = ("catalog", "promotions", "stock", "customers", "pickups", "staff")
MAX_OPERATIONS = 500
PUSH_WORKERS = 4
PLUGIN_CHUNK = 20
#: Calls to the plugin in flight at once (see ``_via_plugin``).
PLUGIN_CALLS = 2


class MedusaBackend(
    MedusaReturnCalls, MedusaCouponCalls, MedusaCustomerCalls, MedusaLoyaltyCalls,
    MedusaNetworkCalls, MedusaCustomerOrderCalls,
):  # fmt: skip
    #: The feeds Medusa serves; the engine asks for no other (network stock, deliveries).
    feeds_served = FEEDS

    def __init__(
        self,
        settings: MedusaSettings,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: httpx.Timeout = TIMEOUT,
        deadline_s: float = CALL_DEADLINE_S,
        terminal_id: str = "",
    ) -> None:
        self.settings = settings
        self.terminal_id = terminal_id  # named in the plugin's ledger with each operation
        self.http = MedusaHttp.linked(
            settings, timeout=timeout, deadline_s=deadline_s, transport=transport
        )
        self.state = AdapterState(settings.state_path)
        self.catalog = CatalogFeed(self.http, settings, self.state)
        self._resolved: Resolved | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"MedusaBackend({self.settings!r})"

    def close(self) -> None:
        self.http.close()
        self.state.close()

    def interrupt(self) -> None:
        """``sync.ports.Interruptible``: the engine's ``stop`` aborts the calls in flight
        (a push's workers too) and further calls fail fast until ``resume``."""
        self.http.interrupt()

    def resume(self) -> None:
        self.http.resume()

    def __enter__(self) -> MedusaBackend:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def verify(self) -> Resolved:
        """Check the settings against the server (once); ``SettingsError`` if one is wrong."""
        with self._lock:
            if self._resolved is None:
                self._resolved = verify_settings(self.http, self.settings)
            return self._resolved

    def _ready(self) -> Resolved:
        try:
            return self.verify()
        except SettingsError as exc:
            raise CentralRejected(str(exc), code="bad_settings") from None

    # -- CentralPort --------------------------------------------------------------------

    def pull(self, feed: str, cursor: str | None, limit: int) -> FeedPage:
        if feed not in FEEDS:
            raise ValueError(f"unknown feed {feed!r}")
        resolved = self._ready()
        state = cursors.decode(feed, cursor)
        limit = max(1, min(int(limit), 1000))
        items: Sequence[Any]
        served = resolved.plugin is not None and resolved.plugin.serves(feed)
        if feed == "catalog" and served:
            items, state, more = PluginCatalogFeed(self.catalog).page(state, limit)
        elif feed == "catalog":
            items, state, more = self.catalog.page(rest_state(feed, state), limit)
        elif feed == "stock" and resolved.plugin is not None and resolved.plugin.serves(feed):
            stock = PluginStockFeed(self.http, self.settings.stock_location_id, self.state)
            items, state, more = stock.page(state, limit)
        elif feed == "stock":
            stock_ = StockFeed(self.http, self.settings, self.state)
            items, state, more = stock_.page(rest_state(feed, state), limit)
        elif feed == "customers" and resolved.plugin is not None and resolved.plugin.serves(feed):
            items, state, more = PluginCustomersFeed(self.http).page(state, limit)
        elif feed == "customers":
            items, state, more = CustomersFeed(self.http).page(rest_state(feed, state), limit)
        elif feed == "pickups":
            feed_ = PickupsFeed(
                self.http, self.state, resolved.store_id, resolved.pickup_option_ids
            )
            if served:
                location = self.settings.stock_location_id
                items, state, more = PluginPickupsFeed(feed_, location).page(state, limit)
            else:
                items, state, more = feed_.page(rest_state(feed, state), limit)
        elif feed == "promotions":
            promotions = PromotionsFeed(self.http, self.settings.sales_channel_id)
            items, state, more = promotions.page(state, limit)
        elif feed == "staff" and served:
            staff = PluginStaffFeed(self.http, self.settings.stock_location_id)
            items, state, more = staff.page(state, limit)
        else:
            items, state, more = [], {}, False
        return FeedPage(feed, items, cursors.encode(feed, state), more)

    def promotions_not_mapped(self) -> list[NotMapped]:
        """Medusa's promotions the till does not apply, each with the reason (a full pass)."""
        self._ready()
        return PromotionsFeed(self.http, self.settings.sales_channel_id).not_mapped_now()

    def push(self, operations: Sequence[OutgoingOperation]) -> list[OperationOutcome]:
        """Independent operations go to Medusa side by side (``PUSH_WORKERS`` at a time);
        one pickup order's moves, and a handover after the sale that paid for it, go one
        after the other in batch order (``lanes``). Outcomes come back in the batch's
        order. A network failure fails the batch (``CentralUnavailable``) and stops its
        lane there, so a later move is never tried on a state the failed one did not
        leave; the ones already recorded answer ``duplicate`` when it is sent again."""
        if not 1 <= len(operations) <= MAX_OPERATIONS:
            raise ValueError(f"a push carries 1 to {MAX_OPERATIONS} operations")
        if any(_pays_an_order(op) for op in operations):  # refused alone, the rest goes on
            refused = {
                op.op_id: _order_payment_refused(op) for op in operations if _pays_an_order(op)
            }
            rest = [op for op in operations if op.op_id not in refused]
            found = {**refused, **{o.op_id: o for o in (self.push(rest) if rest else [])}}
            return [found[op.op_id] for op in operations]
        resolved = self._ready()
        translators = self._translators(resolved)
        if "stock_movement" in translators and any(op.kind in AS_MOVEMENTS for op in operations):
            return push_as_movements(operations, self.push, AS_MOVEMENTS)  # per article
        if translators and all(op.kind in translators for op in operations):
            return self._via_plugin(operations, translators)
        if any(op.kind in translators for op in operations):  # the rest the old way
            by_plugin = [op for op in operations if op.kind in translators]
            others = [op for op in operations if op.kind not in translators]
            done = self._via_plugin(by_plugin, translators)
            found = {o.op_id: o for o in [*done, *self.push(others)]}
            return [found[op.op_id] for op in operations]
        pusher = self._pusher()

        def one(op: OutgoingOperation) -> OperationOutcome:
            if op.kind == "sale":
                return pusher.push(op)
            if op.kind == "pickup_transition":
                return push_transition(op, pusher.desk, self.state)
            if op.kind in KEPT_KINDS:
                return not_kept_here(op)
            if op.kind == CHAIN_ENTRY:
                return not_witnessed_here(op)
            return OperationOutcome(
                op.op_id,
                "rejected",
                code="not_supported",
                reason=(
                    f"{op.kind} operations are not sent to Medusa: it keeps stock as "
                    "absolute counts; record the movement in Medusa's admin."
                ),
            )

        outcomes: list[OperationOutcome | None] = [None] * len(operations)

        def run(lane: list[int]) -> None:
            for index in lane:
                outcomes[index] = one(operations[index])

        groups = lanes(operations)
        if len(groups) == 1:
            run(groups[0])
        else:
            with ThreadPoolExecutor(min(PUSH_WORKERS, len(groups))) as pool:
                futures = [pool.submit(run, lane) for lane in groups]
                wait(futures)
            failed = next((f.exception() for f in futures if f.exception() is not None), None)
            if failed is not None:
                raise failed
        return [outcome for outcome in outcomes if outcome is not None]

    def _via_plugin(
        self, operations: Sequence[OutgoingOperation], translators: dict[str, Translator]
    ) -> list[OperationOutcome]:
        """Through the plugin, in ``PLUGIN_CALLS`` streams of calls side by side, each call
        ``PLUGIN_CHUNK`` operations (a sale takes Medusa ~0.4 s: the engine's 250 in one
        call would outlast its deadline). A stream holds whole lanes, so one pickup
        order's moves still go in batch order; a Medusa run as several processes
        (``medusa start --cluster``) gets a call in each. A chunk with an operation to
        retry stops its stream there (it raises): the later ones, maybe of the same lane,
        are not sent before it."""
        streams: list[list[int]] = [[] for _ in range(PLUGIN_CALLS)]
        for lane in sorted(lanes(operations), key=len, reverse=True):
            min(streams, key=len).extend(lane)
        outcomes: dict[int, OperationOutcome] = {}

        def send(stream: list[int]) -> None:
            stream.sort()  # batch order: each lane's own order kept
            for start in range(0, len(stream), PLUGIN_CHUNK):
                chunk = stream[start : start + PLUGIN_CHUNK]
                done = push_batch(
                    self.http, self._scope(), [operations[i] for i in chunk], translators
                )
                outcomes.update(zip(chunk, done, strict=True))

        busy = [stream for stream in streams if stream]
        if len(busy) == 1:
            send(busy[0])
        else:
            with ThreadPoolExecutor(len(busy)) as pool:
                futures = [pool.submit(send, stream) for stream in busy]
                wait(futures)
            failed = next((f.exception() for f in futures if f.exception() is not None), None)
            if failed is not None:
                raise failed
        done = [outcomes[index] for index in range(len(operations))]
        if any(op.kind == "sale" for op in operations) and CHAIN_ENTRY in translators:
            done = ticket_breaks(self.http, operations, done)  # the plugin witnesses chains
        return done

    def _translators(self, resolved: Resolved) -> dict[str, Translator]:
        """The operation kinds sent through Comptoir's plugin (when it is installed and
        applies them), each with its payload translator."""
        if resolved.plugin is None:
            return {}
        mine: dict[str, Translator] = {
            "sale": sale_translator(self.state),
            "pickup_transition": translate_transition,
            "stock_movement": movement_translator(self.state),
            **dict.fromkeys(KEPT_KINDS, translate_till_day),
            CHAIN_ENTRY: translate_chain_entry,
        }
        return {kind: t for kind, t in mine.items() if resolved.plugin.applies(kind)}

    def register_keys(self, keys: Sequence[dict[str, str]]) -> str:
        """Register this terminal's signing keys with Comptoir's plugin (``link-medusa``);
        the key id it acknowledged. ``CentralRejected`` when the plugin cannot keep them."""
        resolved = self._ready()
        if resolved.plugin is None or not resolved.plugin.applies(CHAIN_ENTRY):
            raise CentralRejected(
                "This Medusa has no Comptoir plugin witnessing the till's chains: the "
                "terminal's key is not registered there.",
                code="not_supported",
            )
        return register_keys(self.http, self.terminal_id, keys)

    def _scope(self) -> Scope:
        return Scope(
            terminal_id=self.terminal_id or "unnamed",
            sales_channel_id=self.settings.sales_channel_id,
            stock_location_id=self.settings.stock_location_id,
            region_id=self.settings.region_id,
        )

    def _pusher(self) -> SalePusher:
        resolved = self._ready()
        return SalePusher(
            self.http,
            self.settings,
            self.state,
            self._desk(resolved),
            resolved.pickup_option_id,
            resolved.address,
        )

    def _desk(self, resolved: Resolved) -> PickupDesk:
        return PickupDesk(self.http, self.settings.stock_location_id, resolved.pickup_option_ids)

    # -- OrderDeskPort ------------------------------------------------------------------

    def fetch_cart(self, cart_id: str) -> dict[str, Any]:
        self._ready()
        return fetch_cart(self.http, self.state, cart_id)

    def move_pickup(self, pickup_id: str, status: str, *, op_id: str) -> None:
        """Move at once (the desk's direct call; pushed ``pickup_transition`` operations
        go through ``push`` with the version check); through the plugin when installed."""
        resolved = self._ready()
        if resolved.plugin is not None and resolved.plugin.applies("pickup_transition"):
            move_directly(self.http, self._scope(), pickup_id, status, op_id)
            return
        self._desk(resolved).move(pickup_id, status, op_id)

    def pickup_order(self, pickup_id: str) -> dict[str, Any]:
        """The Medusa order behind a pickup (for the desk's detail view)."""
        return self._desk(self._ready()).order(pickup_id)


def _pays_an_order(op: OutgoingOperation) -> bool:
    """A till sale paying a customer order delivered elsewhere (``customer_order_id`` on
    a line): Medusa would take its stock at this store and never mark the order paid."""
    return op.kind == "sale" and '"customer_order_id":' in op.payload_json  # compact JSON


def _order_payment_refused(op: OutgoingOperation) -> OperationOutcome:
    return OperationOutcome(
        op.op_id, "rejected", code="not_supported",
        reason="Medusa cannot take a customer order's payment in a till sale: the sale is "
        "kept at the till; take the payment at the pickup store or online.",
    )  # fmt: skip
