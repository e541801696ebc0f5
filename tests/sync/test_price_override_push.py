"""A price override travels with its sale: pushed by the real engine to the reference
server over HTTP (stored as sealed, its chain witnessed), and, for Medusa, translated for
the plugin with the line's unit price already the price sold at."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.domain.rights import Actor, Role
from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout
from pos.store.catalog_loader import load_catalog
from pos.store.local_store import LocalStore
from resources.demo.catalog import DEPARTMENTS, demo_products
from sync.medusa.plugin_sales import sale_translator
from sync.medusa.state import AdapterState
from sync.ports import OutgoingOperation
from tests.support.central_server import CentralServer
from tests.sync.conftest import STORE
from tests.sync.sales_factory import sellable
from tests.sync.terminals import Terminal, open_terminal

INES = Actor("ines", "Inès", Role.MANAGER)


@pytest.fixture
def till(tmp_path: Path, central: CentralServer) -> Iterator[Terminal]:
    terminal = open_terminal(tmp_path / "T01", central)
    assert terminal.sync().state == "idle"  # the catalog to sell from
    yield terminal
    terminal.close()


def sell_with_override(path: Path, *, override: bool = True) -> tuple[str, int, int]:
    """One sale of two lines, the first at half its catalogue price when asked."""
    with LocalStore(path) as store:
        (pid, _sku, _name, catalog, _vat), (other, *_rest) = sellable(store.conn, 2)
        checkout = Checkout(store, terminal_id="T01", actor=INES)
        first = checkout.add_product(pid)
        checkout.add_product(other)
        if override:
            checkout.override_price(first.line_id, catalog // 2, "price_match")
        checkout.add_tender(TenderKind.CARD, checkout.totals().total_cents)
        sale_id = checkout.complete().sale_id
        checkout.close()
    return sale_id, catalog, catalog // 2


def test_the_override_is_pushed_to_central_and_stored_as_sealed(
    till: Terminal, central: CentralServer
) -> None:
    sale_id, catalog, price = sell_with_override(till.path)
    status = till.sync()
    assert (status.pending, status.rejected, status.last_error) == (0, 0, None)
    assert central.chain(STORE, "T01")["flags"] == []  # its hash checked out
    with sqlite3.connect(f"file:{central.db_path}?mode=ro", uri=True) as conn:
        stored = json.loads(
            conn.execute("SELECT sale_json FROM sales WHERE op_id = ?", (sale_id,)).fetchone()[0]
        )
    assert stored["v"] == 2
    line = stored["lines"][0]
    assert line["unit_price_cents"] == price
    assert line["price_override"] == {
        "catalog_price_cents": catalog, "reason": "price_match", "note": "", "approval_id": None,
    }  # fmt: skip
    assert "price_override" not in stored["lines"][1]


def test_medusa_gets_the_price_sold_at_and_a_plain_sale_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    with LocalStore(path) as store:
        load_catalog(store.conn, DEPARTMENTS, list(demo_products(50, seed=7)))
    overridden, _catalog, price = sell_with_override(path)
    plain, _, _ = sell_with_override(path, override=False)
    state = AdapterState(tmp_path / "medusa.db")
    translate = sale_translator(state)
    with LocalStore(path) as store:
        rows = dict(store.conn.execute("SELECT op_id, payload FROM outbox WHERE kind = 'sale'"))
        state.product_ids(
            [(f"variant_{pid}", sku, pid) for pid, sku, *_ in sellable(store.conn, 2)]
        )
    sent = translate(OutgoingOperation(overridden, 1, "sale", rows[overridden]))
    assert sent["sale"]["lines"][0]["unit_price_cents"] == price
    assert sent["sale"]["lines"][0]["price_override"]["reason"] == "price_match"
    as_sealed = json.loads(rows[plain])["sale"]
    unchanged = translate(OutgoingOperation(plain, 2, "sale", rows[plain]))["sale"]
    assert set(unchanged) == set(as_sealed)  # no null fields added to a v1 sale
    assert all(  # as sealed, each line naming its variant too (the plugin checks the seal)
        {k: v for k, v in line.items() if k != "variant_id"} == sealed and "variant_id" in line
        for line, sealed in zip(unchanged["lines"], as_sealed["lines"], strict=True)
    )
    state.close()
