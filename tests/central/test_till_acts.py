"""The reference server keeps each terminal's cancelled sales (with their lines) and drawer
openings without a sale: stored once, from their own terminal, served to the operator.

The operations are a real till's outbox rows (``Checkout`` on a store file)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from pos.domain.rights import Actor, Role
from pos.services.checkout import Checkout
from pos.store import outbox
from pos.store.catalog_loader import load_catalog
from pos.store.local_store import LocalStore
from resources.demo.catalog import DEPARTMENTS, demo_products
from tests.central.conftest import LYON, push
from tests.support.central_server import CentralServer

TERMINAL = "A1"
INES = Actor("ines", "Inès", Role.MANAGER)
ACTS = f"/v1/admin/terminals/{LYON}/{TERMINAL}/till-acts"


@pytest.fixture(scope="module")
def till(central: CentralServer) -> Iterator[httpx.Client]:
    with central.client(central.enrol(LYON, TERMINAL)) as client:
        yield client


def the_acts(path: Path) -> list[dict]:
    """Inès cancels a basket of two lines, then opens the drawer for change."""
    items = list(demo_products(50, seed=7))
    with LocalStore(path) as store:
        load_catalog(store.conn, DEPARTMENTS, items)
        checkout = Checkout(store, terminal_id=TERMINAL, actor=INES)
        for item in [i for i in items if i.sold_by == "unit" and i.barcodes][:2]:
            checkout.scan(item.barcodes[0])
        checkout.cancel()
        checkout.open_drawer("change for the baker")
        return [
            {"op_id": item.op_id, "seq": item.seq, "kind": item.kind, "payload": item.payload}
            for item in outbox.pending(store.conn)
            if item.kind != "chain_entry"  # the JET's entries: the central witness's
        ]


def test_cancelled_sales_and_drawer_openings_are_kept_once_and_served(
    central: CentralServer, till: httpx.Client, tmp_path: Path
) -> None:
    ops = the_acts(tmp_path / "store.db")
    assert [op["kind"] for op in ops] == ["sale_cancelled", "drawer_opened"]
    assert [r["status"] for r in push(till, LYON, TERMINAL, ops)] == ["accepted"] * 2
    assert [r["status"] for r in push(till, LYON, TERMINAL, ops)] == ["duplicate"] * 2

    served = central.admin("GET", ACTS).json()
    assert served["cancelled_sales"] == [ops[0]["payload"]]  # with its two lines
    assert served["drawer_openings"] == [ops[1]["payload"]]
    assert len(served["cancelled_sales"][0]["lines"]) == 2

    stolen = copy.deepcopy(ops[1])
    stolen["op_id"] = "drawer-other"
    stolen["payload"]["opening_id"], stolen["payload"]["terminal_id"] = "other", "T99"
    renamed = copy.deepcopy(ops[0])
    renamed["op_id"] = "not-its-id"
    refused = push(till, LYON, TERMINAL, [stolen, renamed])
    assert [(r["status"], r["code"]) for r in refused] == [
        ("rejected", "wrong_terminal"),
        ("rejected", "invalid_payload"),
    ]
    assert central.admin("GET", ACTS).json() == served  # nothing of T99's, nothing twice
    missing = central.admin("GET", f"/v1/admin/terminals/{LYON}/NEVER/till-acts")
    assert missing.status_code == 404
