"""The delivery desk without a central server: over Medusa a delivery is received without
a list (its note's number opens it, every article extra, never twice) and a transfer goes
to a store this till saw in its lookups; a till without the feed shows "incoming" as
unknown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pos.domain.errors import PosError
from pos.domain.receiving import SheetLine, TransferLine
from pos.services.deliveries import (
    DELIVERY_ALREADY_RECEIVED,
    DELIVERY_UNKNOWN,
    TRANSFER_UNKNOWN_STORE,
    DeliveryDesk,
)
from pos.store import network_stock
from pos.store.local_store import LocalStore
from pos.store.network_stock import LocationLevel
from tests.support.staff import INES

AT = "2026-12-06T10:00:00.000Z"


def _outbox(store: LocalStore) -> list[tuple[str, dict]]:
    rows = store.conn.execute("SELECT kind, payload FROM outbox ORDER BY seq").fetchall()
    return [(kind, json.loads(payload)) for kind, payload in rows]


def test_over_medusa_a_delivery_note_is_received_without_a_list_once(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "store.db") as store:
        desk = DeliveryDesk(store, "lyon-part-dieu", medusa=True, now=lambda: AT)
        assert desk.expected() == []
        opened = desk.open(" BL-2026-0042 ")
        assert (opened.id, opened.lines, opened.expected) == ("BL-2026-0042", (), True)
        assert [d.id for d in desk.expected()] == ["BL-2026-0042"]
        with pytest.raises(PosError) as garbled:  # not a note's number: not opened
            desk.open("?")
        assert garbled.value.code == DELIVERY_UNKNOWN

        desk.receive(INES, "BL-2026-0042", [SheetLine(7, "CAFE-250", "Café", 0, 12, 1)])

        [(kind, payload)] = _outbox(store)
        assert kind == "delivery_received"
        assert payload["lines"] == [
            {"product_id": 7, "sku": "CAFE-250", "expected": 0, "received": 12, "damaged": 1}
        ]
        assert desk.expected() == []
        with pytest.raises(PosError) as twice:
            desk.open("BL-2026-0042")
        assert twice.value.code == DELIVERY_ALREADY_RECEIVED


def test_over_medusa_a_transfer_goes_to_a_store_seen_in_a_lookup(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "store.db") as store:
        desk = DeliveryDesk(store, "lyon-part-dieu", medusa=True, now=lambda: AT)
        lines = [TransferLine(1, "A", "Bière", 2)]
        with pytest.raises(PosError) as unknown:  # no lookup yet: no store known
            desk.send(INES, "paris-rivoli", lines)
        assert unknown.value.code == TRANSFER_UNKNOWN_STORE
        seen = [LocationLevel("paris-rivoli", "Paris Rivoli", "store", 4, 0, AT),
                LocationLevel("entrepot-web", "Entrepôt web", "warehouse", 9, 0, AT)]  # fmt: skip
        network_stock.remember(store.conn, 1, seen)
        assert [d.store_id for d in desk.destinations()] == ["paris-rivoli"]

        sent = desk.send(INES, "paris-rivoli", lines)

        assert (sent.to.name, sent.units) == ("Paris Rivoli", 2)
        assert [kind for kind, _ in _outbox(store)] == ["transfer_sent"]


def test_incoming_is_unknown_until_the_feed_was_pulled(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "store.db") as store:
        assert DeliveryDesk(store, "lyon-part-dieu").incoming(1) is None
