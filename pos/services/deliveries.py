"""Receiving deliveries and sending transfers at the till (issue 16, item 3).

* ``expected`` / ``open``: the deliveries central announced for this store (the
  ``deliveries`` feed, cached: works offline), one with its expected lines.
* ``receive``: what was checked against the list, in ONE local transaction (movements of
  the good units, the delivery marked received here, a ``delivery_received`` operation).
  Damaged units are reported, not stocked: they go back to the sender, never on a shelf.
  Needs ``RECEIVE_DELIVERY``, which cashiers hold (routine work; the differences go to
  central, nothing is hidden).
* ``destinations`` / ``send``: goods sent to another store of the network (the stores
  this till knows from the ``network_stock`` feed), a ``transfer_sent`` operation; a
  manager's act (``TRANSFER_STOCK``), approvable on the spot.
* ``sent_transfers``: what became of them. The feed brings back each transfer once the
  other store received it; one with a difference is on the attention list until a
  person sets it aside with a note (``attention_items``).

Medusa has no expected deliveries and no transfer between stores. Over Medusa a delivery
is received without a list: its delivery note's number opens it here (``open``), every
article scanned counts as extra, and only what went on the shelf reaches Medusa (a
``receipt`` movement at this store's location). A transfer lowers this store's level in
Medusa; the other store sees nothing announced and receives the goods the same way,
without a list. Destinations are the stores this till saw in its lookups.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from pos.domain.errors import PosError
from pos.domain.product import Product
from pos.domain.receiving import (
    MAX_LINE_UNITS,
    NOTHING_COUNTED,
    SheetLine,
    TransferLine,
    check_quantity,
)
from pos.domain.rights import Actor, Approval, Right
from pos.domain.stock_adjustment import clean_note
from pos.services.approvals import authorize
from pos.store import deliveries as store_deliveries
from pos.store import transfer_outcomes
from pos.store.deliveries import Delivery as Delivery  # the UI's, from here
from pos.store.deliveries import Movement
from pos.store.local_store import LocalStore
from pos.store.sale_codec import utc_now
from pos.store.transfer_outcomes import TransferOutcome as TransferOutcome

DELIVERY_UNKNOWN = "delivery_unknown"  # params: delivery
DELIVERY_OTHER_STORE = "delivery_other_store"  # params: delivery, store
DELIVERY_ALREADY_RECEIVED = store_deliveries.ALREADY_RECEIVED
ARTICLE_UNKNOWN = "receiving_unknown_article"  # params: code
TRANSFER_UNKNOWN_STORE = "transfer_unknown_store"  # params: store
TRANSFER_EMPTY = "transfer_empty"
MAX_CODE_CHARS = 64
#: A delivery note's number Medusa's till may receive without a list (``open``).
UNLISTED_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{2,63}$")


@dataclass(frozen=True, slots=True)
class Destination:
    store_id: str
    name: str


@dataclass(frozen=True, slots=True)
class Sent:
    transfer_id: str
    to: Destination
    units: int


class DeliveryDesk:
    """Deliveries and transfers over one opened store (so one thread)."""

    def __init__(
        self,
        store: LocalStore,
        own_store_id: str,
        *,
        medusa: bool = False,
        new_id: Callable[[], str] = lambda: str(uuid.uuid4()),
        now: Callable[[], str] = utc_now,
    ) -> None:
        self.store = store
        self.own_store_id = own_store_id
        self.medusa = medusa
        self._new_id = new_id
        self._now = now

    @classmethod
    def for_store(cls, store: LocalStore) -> DeliveryDesk:
        """This till's desk: its store and platform come from its central link."""
        from pos.services.central_link import read_link

        link = read_link(store)
        if link is None:
            return cls(store, "")
        return cls(store, link.store_id, medusa=link.backend == "medusa")

    # -- reading ---------------------------------------------------------------------------

    def incoming(self, product_id: int) -> int | None:
        """The stock screen's "incoming" (``stock_desk.IncomingStock``)."""
        return store_deliveries.incoming(self.store.conn, product_id, self.own_store_id or None)

    def sent_transfers(self, limit: int = 50) -> list[TransferOutcome]:
        """The transfers this store sent, newest first: each, once the other store has
        checked it, with what arrived there ("sent 5, received 4")."""
        if self.medusa:
            return []  # no transfers over Medusa (``send`` says why)
        return transfer_outcomes.sent(self.store.conn, self.own_store_id, limit)

    def expected(self) -> list[Delivery]:
        """Still to receive here. A till with no link (a demo) has no feed: it lists
        whatever deliveries its file holds."""
        return store_deliveries.expected(self.store.conn, self.own_store_id or None)

    def open(self, delivery_id: str) -> Delivery:
        """A delivery to check, with its lines; refused when it is not this store's to
        receive (unknown here, another store's, received already)."""
        code = delivery_id.strip()[:MAX_CODE_CHARS]
        found = store_deliveries.delivery(self.store.conn, code)
        if found is None and self.medusa and UNLISTED_CODE.match(code):
            store_deliveries.note_unlisted(self.store.conn, code, self.own_store_id, self._now())
            found = store_deliveries.delivery(self.store.conn, code)
        if found is None:
            raise PosError(
                f"No delivery {code!r} is expected at this store: check the delivery note, "
                "or sync the till if it was announced just now.",
                code=DELIVERY_UNKNOWN, delivery=code,
            )  # fmt: skip
        if self.own_store_id and found.store_id != self.own_store_id:
            raise PosError(
                f"Delivery {code!r} is for store {found.store_id}, not this one: do not "
                "receive it here; call the sender.",
                code=DELIVERY_OTHER_STORE, delivery=code, store=found.store_id,
            )  # fmt: skip
        if not found.expected:
            raise PosError(
                f"Delivery {code!r} was already received: nothing was counted twice.",
                code=DELIVERY_ALREADY_RECEIVED, delivery=code,
            )  # fmt: skip
        return found

    def find(self, code: str) -> Product:
        """A scanned barcode, a PLU or a typed SKU."""
        text = code.strip()[:MAX_CODE_CHARS]
        catalog = self.store.catalog
        product = catalog.by_barcode(text) or catalog.by_sku(text) or catalog.by_sku(text.upper())
        if product is None and text.isdigit() and len(text) <= 5:
            product = catalog.by_plu(text)
        if product is None:
            raise PosError(
                f"No article {text!r} in this till's catalog: set it aside and tell the "
                "manager.",
                code=ARTICLE_UNKNOWN, code_text=text,
            )  # fmt: skip
        return product

    # -- receiving ---------------------------------------------------------------------------

    def receive(
        self,
        actor: Actor,
        delivery_id: str,
        lines: list[SheetLine],
        note: str = "",
        approval: Approval | None = None,
    ) -> Delivery:
        """Record the checked delivery; return it as it now stands here."""
        delivery = self.open(delivery_id)
        authorize(self.store, actor, Right.RECEIVE_DELIVERY, approval)
        if not any(x.received or x.damaged for x in lines):
            raise PosError("Nothing was counted on this delivery: scan what arrived first.",
                           code=NOTHING_COUNTED)  # fmt: skip
        for x in lines:
            for value in (x.received, x.damaged):
                if value:
                    check_quantity(value, MAX_LINE_UNITS)
        op_id, at = self._new_id(), self._now()
        payload = {
            "delivery_id": delivery.id,
            "lines": [
                {
                    "product_id": x.product_id,
                    "sku": x.sku,
                    "expected": x.expected,
                    "received": x.received,
                    "damaged": x.damaged,
                }
                for x in lines
                if x.expected or x.received or x.damaged
            ],
            "staff_id": actor.staff_id,
            "at": at,
            "note": clean_note(note),
        }
        moves = [Movement(x.product_id, x.received) for x in lines]
        store_deliveries.record_receipt(
            self.store.conn, op_id, delivery, payload, moves, actor.staff_id, at
        )
        return store_deliveries.delivery(self.store.conn, delivery.id) or delivery

    # -- transfers ---------------------------------------------------------------------------

    def destinations(self) -> list[Destination]:
        """The other stores this till knows (warehouses have no till to receive)."""
        rows = self.store.conn.execute(
            "SELECT DISTINCT store_id, name FROM network_stock WHERE kind = 'store' "
            "AND store_id <> ? ORDER BY name",
            (self.own_store_id,),
        ).fetchall()
        return [Destination(str(a), str(b)) for a, b in rows]

    def send(
        self,
        actor: Actor,
        to_store_id: str,
        lines: list[TransferLine],
        note: str = "",
        approval: Approval | None = None,
    ) -> Sent:
        """Take the goods out of this store's stock and tell central, in one transaction."""
        known = {d.store_id: d for d in self.destinations()}
        target = known.get(to_store_id.strip())
        if target is None:
            raise PosError(
                f"{to_store_id!r} is not a store of the network this till knows: choose one "
                "from the list.",
                code=TRANSFER_UNKNOWN_STORE, store=to_store_id,
            )  # fmt: skip
        if not lines:
            raise PosError("Scan the articles to send first.", code=TRANSFER_EMPTY)
        for x in lines:
            check_quantity(x.quantity, MAX_LINE_UNITS)
        authorize(self.store, actor, Right.TRANSFER_STOCK, approval)
        transfer_id, at = self._new_id(), self._now()
        payload = {
            "transfer_id": transfer_id,
            "to_store_id": target.store_id,
            "lines": [
                {"product_id": x.product_id, "sku": x.sku, "quantity": x.quantity} for x in lines
            ],
            "staff_id": actor.staff_id,
            "at": at,
            "note": clean_note(note),
        }
        moves = [Movement(x.product_id, -x.quantity) for x in lines]
        store_deliveries.record_transfer(
            self.store.conn, transfer_id, payload, moves, actor.staff_id, at, target.name
        )
        return Sent(transfer_id, target, sum(x.quantity for x in lines))
