"""Receiving deliveries and transfers between stores over the real reference server
(issue 16): a supplier's delivery with a missing, an extra and a damaged line, counted
once however often the push is retried; a transfer Lyon → Paris seen at both stores; a
delivery for another store refused, centrally and at the till."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.config import DATABASE_FILE
from pos.domain.errors import PosError
from pos.domain.receiving import ReceivingSheet, SheetLine, TransferLine
from pos.services.deliveries import (
    DELIVERY_ALREADY_RECEIVED,
    DELIVERY_OTHER_STORE,
    DELIVERY_UNKNOWN,
    TRANSFER_UNKNOWN_STORE,
    DeliveryDesk,
)
from pos.services.outbox_review import OutboxReview
from pos.store import stock_levels
from pos.store.local_store import LocalStore
from sync.client import HttpCentral
from sync.engine import SyncEngine
from tests.support.central_server import CentralServer
from tests.support.staff import CAMILLE, INES

LYON, PARIS = "lyon-part-dieu", "paris-rivoli"


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with CentralServer(tmp_path_factory.mktemp("central") / "central.db", products=120) as server:
        yield server


def _sync(central: CentralServer, path: Path, store_id: str, terminal: str) -> None:
    http = HttpCentral(central.url, store_id, terminal, central.enrol(store_id, terminal))
    engine = SyncEngine(path, http)
    try:
        assert engine.sync_once().state == "idle"
    finally:
        engine.close()
        http.close()


def _central_on_hand(central: CentralServer, store_id: str, product_id: int) -> int:
    conn = sqlite3.connect(central.db_path)
    try:
        row = conn.execute(
            "SELECT on_hand FROM stock WHERE store_id = ? AND product_id = ?",
            (store_id, product_id),
        ).fetchone()
    finally:
        conn.close()
    return int(row[0]) if row else 0


def _announce(central: CentralServer, store_id: str, delivery_id: str, lines: dict[int, int]):
    body = {
        "delivery_id": delivery_id,
        "supplier": "Brasserie du Rhône",
        "lines": [{"product_id": p, "sku": f"SKU{p:07d}", "quantity": q} for p, q in lines.items()],
    }
    response = central.admin("POST", f"/v1/admin/stores/{store_id}/deliveries", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def _sheet(desk: DeliveryDesk, delivery_id: str) -> ReceivingSheet:
    delivery = desk.open(delivery_id)
    return ReceivingSheet(
        [SheetLine(x.product_id, x.sku, x.name, x.quantity) for x in delivery.lines]
    )


def _shown(path: Path, product_id: int) -> int:
    with LocalStore(path) as store:
        return stock_levels.level(store.conn, product_id).on_hand


def test_a_delivery_with_a_missing_an_extra_and_a_damaged_line(
    central: CentralServer, tmp_path: Path
) -> None:
    for product_id, level in ((21, 10), (22, 5), (23, 0)):
        central.count_stock(LYON, f"SKU{product_id:07d}", level)
    _announce(central, LYON, "BL-2026-001", {21: 6, 22: 4})
    path = tmp_path / "lyon.db"
    _sync(central, path, LYON, "R01")

    with LocalStore(path) as store:
        desk = DeliveryDesk(store, LYON)
        assert "BL-2026-001" in [d.id for d in desk.expected()]
        assert (desk.incoming(21), desk.incoming(22), desk.incoming(23)) == (6, 4, 0)
        sheet = _sheet(desk, "BL-2026-001")
        sheet.scan(21, "SKU0000021", "", 6)
        sheet.mark_damaged(21, 1)  # arrived broken: reported, not stocked
        sheet.scan(22, "SKU0000022", "", 3)  # one missing
        extra = desk.find("SKU0000023")
        sheet.scan(extra.id, extra.sku, extra.name, 2)  # not on the delivery
        assert [x.state.value for x in sheet.lines] == ["damaged", "missing", "extra"]
        desk.receive(CAMILLE, "BL-2026-001", sheet.counted())  # a cashier may receive
        assert desk.incoming(21) == 0 and "BL-2026-001" not in [d.id for d in desk.expected()]
        with pytest.raises(PosError) as twice:
            desk.receive(CAMILLE, "BL-2026-001", sheet.counted())
        assert twice.value.code == DELIVERY_ALREADY_RECEIVED
        op = store.conn.execute(
            "SELECT op_id, seq, payload FROM outbox WHERE kind = 'delivery_received'"
        ).fetchall()
    assert len(op) == 1  # one operation, whatever the retries
    assert [_shown(path, p) for p in (21, 22, 23)] == [15, 8, 2]  # at once, offline

    _sync(central, path, LYON, "R01")
    assert [_central_on_hand(central, LYON, p) for p in (21, 22, 23)] == [15, 8, 2]
    assert [_shown(path, p) for p in (21, 22, 23)] == [15, 8, 2]  # counted once
    delivery = central.admin("GET", "/v1/admin/deliveries/BL-2026-001").json()
    assert delivery["state"] == "received" and delivery["received_by"] == "camille"
    gaps = {k: [(x["sku"], x["quantity"]) for x in v] for k, v in delivery["differences"].items()}
    assert gaps == {
        "missing": [("SKU0000022", 1)],
        "extra": [("SKU0000023", 2)],
        "damaged": [("SKU0000021", 1)],
    }

    # The push retried (a reply lost): a duplicate, nothing moves again.
    op_id, seq, payload = op[0]
    operation = {"op_id": op_id, "seq": seq, "kind": "delivery_received",
                 "payload": json.loads(payload)}  # fmt: skip
    again = {**operation, "op_id": "another-receipt"}
    with central.client(central.enrol(LYON, "R02")) as till:
        reply = till.post(
            f"/v1/stores/{LYON}/terminals/R02/operations", json={"operations": [operation, again]}
        ).json()
    assert [(r["status"], r["code"]) for r in reply["results"]] == [
        ("duplicate", None),
        ("rejected", "already_received"),
    ]
    assert [_central_on_hand(central, LYON, p) for p in (21, 22, 23)] == [15, 8, 2]


def test_a_transfer_from_lyon_is_seen_at_both_stores(
    central: CentralServer, tmp_path: Path
) -> None:
    central.count_stock(LYON, "SKU0000031", 9)
    central.count_stock(PARIS, "SKU0000031", 1)
    lyon, paris = tmp_path / "lyon.db", tmp_path / "paris.db"
    _sync(central, lyon, LYON, "X01")
    _sync(central, paris, PARIS, "X01")

    with LocalStore(lyon) as store:
        desk = DeliveryDesk(store, LYON)
        assert [d.store_id for d in desk.destinations()] == [PARIS]  # no warehouse, not Lyon
        line = TransferLine(31, "SKU0000031", "", 3)
        with pytest.raises(PosError) as unknown:
            desk.send(INES, "marseille-vieux-port", [line])
        assert unknown.value.code == TRANSFER_UNKNOWN_STORE
        with pytest.raises(PosError) as cashier:
            desk.send(CAMILLE, PARIS, [line])
        assert cashier.value.code == "right_refused"
        sent = desk.send(INES, PARIS, [line])
    assert _shown(lyon, 31) == 6  # gone from Lyon's shelf at once
    _sync(central, lyon, LYON, "X01")
    assert _central_on_hand(central, LYON, 31) == 6

    _sync(central, paris, PARIS, "X01")
    with LocalStore(paris) as store:
        desk = DeliveryDesk(store, PARIS)
        expected = desk.expected()
        transfer = [d for d in expected if d.source_kind == "transfer"]
        assert [d.id for d in transfer] == [f"transfer:{sent.transfer_id}"]
        assert transfer[0].source == "Comptoir Démo — Lyon Part-Dieu"
        assert desk.incoming(31) == 3
        sheet = _sheet(desk, transfer[0].id)
        sheet.scan(31, "SKU0000031", "", 3)
        sheet.mark_damaged(31, 1)
        desk.receive(CAMILLE, transfer[0].id, sheet.counted())
    assert _shown(paris, 31) == 3
    _sync(central, paris, PARIS, "X01")
    assert (_central_on_hand(central, PARIS, 31), _shown(paris, 31)) == (3, 3)
    delivery = central.admin("GET", f"/v1/admin/deliveries/transfer:{sent.transfer_id}").json()
    assert delivery["from_store_id"] == LYON and delivery["state"] == "received"
    assert delivery["differences"]["damaged"] == [
        {"product_id": 31, "sku": "SKU0000031", "quantity": 1}
    ]  # sent 3, 2 arrived sound


def test_a_delivery_for_another_store_is_refused(central: CentralServer, tmp_path: Path) -> None:
    _announce(central, LYON, "BL-LYON-9", {41: 2})
    path = tmp_path / "lyon.db"
    _sync(central, path, LYON, "W01")
    with LocalStore(path) as store:
        with pytest.raises(PosError) as elsewhere:
            DeliveryDesk(store, PARIS).open("BL-LYON-9")  # a till moved to another store
        assert elsewhere.value.code == DELIVERY_OTHER_STORE
        with pytest.raises(PosError) as unknown:
            DeliveryDesk(store, LYON).open("BL-NOWHERE")
        assert unknown.value.code == DELIVERY_UNKNOWN
    payload = {
        "delivery_id": "BL-LYON-9",
        "lines": [{"product_id": 41, "sku": "SKU0000041", "expected": 2, "received": 2}],
        "staff_id": "ines",
        "at": "2026-12-06T10:00:00.000Z",
    }
    with central.client(central.enrol(PARIS, "W02")) as till:
        reply = till.post(
            f"/v1/stores/{PARIS}/terminals/W02/operations",
            json={"operations": [
                {"op_id": "paris-takes-lyon", "seq": 1, "kind": "delivery_received",
                 "payload": payload}
            ]},
        ).json()  # fmt: skip
    result = reply["results"][0]
    assert (result["status"], result["code"]) == ("rejected", "wrong_store")
    assert "lyon-part-dieu" in result["reason"]
    assert central.admin("GET", "/v1/admin/deliveries/BL-LYON-9").json()["state"] == "expected"


def test_a_transfer_received_short_is_seen_at_the_sender(
    central: CentralServer, tmp_path: Path
) -> None:
    central.count_stock(LYON, "SKU0000051", 12)
    central.count_stock(LYON, "SKU0000052", 4)
    lyon, paris = tmp_path / "lyon" / DATABASE_FILE, tmp_path / "paris.db"
    lyon.parent.mkdir()
    _sync(central, lyon, LYON, "D01")
    _sync(central, paris, PARIS, "D01")
    with LocalStore(lyon) as store:
        store.set_setting("central_store_id", LYON)
        lines = [TransferLine(51, "SKU0000051", "", 5), TransferLine(52, "SKU0000052", "", 2)]
        sent = DeliveryDesk(store, LYON).send(INES, PARIS, lines)
    _sync(central, lyon, LYON, "D01")
    _sync(central, paris, PARIS, "D01")
    with LocalStore(paris) as store:
        desk = DeliveryDesk(store, PARIS)
        delivery_id = f"transfer:{sent.transfer_id}"
        sheet = _sheet(desk, delivery_id)
        sheet.scan(51, "SKU0000051", "", 4)  # one lost on the way
        sheet.scan(52, "SKU0000052", "", 2)
        desk.receive(CAMILLE, delivery_id, sheet.counted())
        assert [t.delivery_id for t in desk.sent_transfers()] == []  # Paris sent nothing
    _sync(central, paris, PARIS, "D01")

    with LocalStore(lyon) as store:  # before Lyon syncs: sent, not received yet
        [before] = [t for t in DeliveryDesk(store, LYON).sent_transfers()
                    if t.transfer_id == sent.transfer_id]  # fmt: skip
        assert (before.received, before.units_sent, before.differing) == (False, 7, False)
        assert DeliveryDesk(store, LYON).incoming(51) == 0  # on its way to Paris, not here
    _sync(central, lyon, LYON, "D01")
    with LocalStore(lyon) as store:
        desk = DeliveryDesk(store, LYON)
        after = desk.sent_transfers()[0]  # the newest
        assert after.transfer_id == sent.transfer_id
        assert (after.to_store_id, after.units_sent, after.units_received) == (PARIS, 7, 6)
        assert [(x.sku, x.sent, x.received, x.difference) for x in after.lines] == [
            ("SKU0000051", 5, 4, -1), ("SKU0000052", 2, 2, 0),
        ]  # fmt: skip
        assert after.received_by == "camille" and after.differing
        assert f"transfer:{sent.transfer_id}" not in [d.id for d in desk.expected()]
    assert _shown(lyon, 51) == 7  # Lyon's stock is what it sent, not what arrived

    review = OutboxReview(lyon.parent, "D01")
    key = f"transfer:{sent.transfer_id}"
    [item] = [i for i in review.list().items if (i.source, i.key) == ("difference", key)]
    assert (item.state, item.key, item.facts["sent"], item.facts["received"]) == (
        "to_check", f"transfer:{sent.transfer_id}", 7, 6,
    )  # fmt: skip
    assert [line[1:] for line in item.facts["lines"]] == [(5, 4, 0)]  # only the one short
    with pytest.raises(PosError):
        review.set_aside(item, "Paris a retrouvé l'unité", actor=CAMILLE)  # a manager's
    review.set_aside(item, "Paris a retrouvé l'unité", actor=INES)
    [settled] = [i for i in review.list().items if (i.source, i.key) == ("difference", key)]
    assert settled.state == "set_aside" and settled.set_aside.note == "Paris a retrouvé l'unité"
