"""Click-and-collect end to end: the web shop, the reference central server (a real
process on 127.0.0.1), and desks with their own SQLite files and sync engines."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from pos.domain.errors import PosError
from pos.domain.pickup import PickupState
from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout, PricedItem
from pos.services.pickup_desk import PickupDesk
from pos.store import stock_levels
from pos.store.local_store import LocalStore
from sync.client import HttpCentral
from sync.engine import DEFAULT_FEEDS, SyncEngine, SyncStatus
from tests.support.central_server import CentralServer
from tests.support.staff import a_cashier, a_manager

STORE, OTHER_STORE = "lyon-part-dieu", "paris-rivoli"
FEEDS = DEFAULT_FEEDS


@pytest.fixture
def central(tmp_path: Path) -> Iterator[CentralServer]:
    with CentralServer(tmp_path / "central.db", products=300) as server:
        yield server


@dataclass
class Desk:
    """One desk terminal: its data folder's store, engine and pickup use cases."""

    store: LocalStore
    engine: SyncEngine
    desk: PickupDesk

    def sync(self) -> SyncStatus:
        return self.engine.sync_once()

    def close(self) -> None:
        self.engine.close()
        self.engine.central.close()
        self.store.close()


@pytest.fixture
def open_desk(tmp_path: Path, central: CentralServer) -> Iterator[Any]:
    opened: list[Desk] = []

    def open_one(terminal_id: str = "T01") -> Desk:
        folder = tmp_path / terminal_id
        folder.mkdir()
        token = central.enrol(STORE, terminal_id)
        port = HttpCentral(central.url, STORE, terminal_id, token)
        engine = SyncEngine(folder / "store.db", port, feeds=FEEDS)
        store = LocalStore(folder / "store.db")
        desk = Desk(store, engine, PickupDesk(store, store_id=STORE))
        opened.append(desk)
        assert desk.sync().state == "idle"
        return desk

    yield open_one
    for desk in opened:
        desk.close()


def stocked_products(central: CentralServer, desk: Desk, n: int = 3) -> list[tuple[Any, ...]]:
    """(id, sku, barcode) of unit products with a barcode, 10 of each on hand centrally."""
    rows = desk.store.conn.execute(
        "SELECT p.id, p.sku, min(b.code) FROM products AS p JOIN barcodes AS b "
        "ON b.product_id = p.id WHERE p.sold_by = 'unit' AND p.active = 1 "
        "GROUP BY p.id ORDER BY p.id LIMIT ?",
        (n,),
    ).fetchall()
    for _, sku, _ in rows:
        central.count_stock(STORE, sku, 10)
    return rows


def refused(call: Any, *args: Any) -> PosError:
    with pytest.raises(PosError) as error:
        call(*args)
    return error.value


def test_the_whole_journey_with_an_offline_stretch(central: CentralServer, open_desk) -> None:
    t01 = open_desk("T01")
    (id_a, sku_a, code_a), (id_b, sku_b, code_b), (id_c, sku_c, _) = stocked_products(central, t01)
    placed = central.place_pickup_order("web-100", {sku_a: 2, sku_b: 1, sku_c: 1})

    # The web order reserves its lines; the desk pulls it with the stock feed.
    assert t01.sync().state == "idle"
    assert stock_levels.level(t01.store.conn, id_a).reserved == 2
    desk = t01.desk
    assert [o.id for o in desk.to_prepare()] == ["web-100"]
    order = desk.find(placed["qr_text"])
    assert order.pickup_code == placed["pickup_code"] and order.total_cents == placed["total_cents"]

    desk.start_preparing("web-100", a_manager("Inès"))
    assert t01.sync().state == "idle" and central.pickup_order("web-100")["state"] == "preparing"

    # Scan-to-pick: a wrong item and one too many are refused; C cannot be found.
    picking = desk.start_picking("web-100")
    wrong = t01.store.conn.execute(
        "SELECT code FROM barcodes WHERE product_id NOT IN (?, ?, ?) LIMIT 1", (id_a, id_b, id_c)
    ).fetchone()[0]
    assert refused(desk.scan_pick, picking, wrong).code == "pick_wrong_item"
    for code in (code_a, code_a, code_b):
        picking = desk.scan_pick(picking, code).picking
    assert refused(desk.scan_pick, picking, code_a).code == "pick_too_many"

    # The server goes away: the desk goes on, and its moves wait in the outbox.
    central.stop()
    assert desk.mark_ready("web-100", a_manager("Inès"), picking).partial
    assert t01.sync().state == "offline"
    slip = desk.hand_over("web-100", a_manager("Inès"))
    assert slip.state is PickupState.COLLECTED
    assert [(line.sku, line.quantity) for line in slip.lines] == [(sku_a, 2), (sku_b, 1)]
    assert [(line.sku, line.quantity) for line in slip.short] == [(sku_c, 1)]
    assert desk.order("web-100").unsynced == 2 and desk.ready() == []

    central.start()  # same port, same database
    status = t01.sync()
    assert (status.state, status.pending, status.rejected) == ("idle", 0, 0)
    final = central.pickup_order("web-100")
    assert (final["state"], final["version"], final["partial"]) == ("collected", 4, True)
    assert [ln["collected_quantity"] for ln in final["lines"]] == [2, 1, 0]
    assert [(e["state"], e["terminal_id"], e["staff"]) for e in final["history"][2:]] == [
        ("ready", "T01", "Inès"),
        ("collected", "T01", "Inès"),
    ]
    assert final["history"][-1]["at"] == slip.at  # the desk's clock, not the push time
    # The reservation is consumed: A and B leave the shelf, C was released when ready.
    for product_id, on_hand in ((id_a, 8), (id_b, 9), (id_c, 10)):
        level = stock_levels.level(t01.store.conn, product_id)
        assert (level.on_hand, level.reserved) == (on_hand, 0)
    order = desk.order("web-100")
    assert (order.state, order.central_version, order.unsynced) == (PickupState.COLLECTED, 4, 0)

    # The same code scanned again finds the order, but nothing more can be handed over.
    assert desk.find(placed["pickup_code"]).state is PickupState.COLLECTED
    assert refused(desk.hand_over, "web-100", a_manager("Inès")).code == "pickup_closed"


def test_hostile_codes(central: CentralServer, open_desk) -> None:
    t01 = open_desk("T01")
    (_, sku, _), *_ = stocked_products(central, t01, 1)
    central.count_stock(OTHER_STORE, sku, 5)
    ours = central.place_pickup_order("web-200", {sku: 1})
    theirs = central.place_pickup_order("web-201", {sku: 1}, store_id=OTHER_STORE)
    assert t01.sync().state == "idle"
    desk = t01.desk
    assert desk.find(ours["qr_text"]).id == "web-200"
    assert refused(desk.find, "ZZZZ-ZZZZ").code == "pickup_not_found"
    assert refused(desk.find, theirs["qr_text"]).code == "pickup_not_found"
    assert refused(desk.find, theirs["pickup_code"]).code == "pickup_not_found"
    forged = f"CMPT-PU:web-200:{theirs['pickup_code']}"
    assert refused(desk.find, forged).code == "pickup_code_mismatch"
    assert refused(desk.find, "CMPT-PU:web-200:").code == "pickup_code_unreadable"


def test_two_desks_hand_over_the_same_order_at_once(central: CentralServer, open_desk) -> None:
    t01, t02 = open_desk("T01"), open_desk("T02")
    (_, sku, _), *_ = stocked_products(central, t01, 1)
    central.place_pickup_order("web-300", {sku: 2})
    assert t01.sync().state == "idle"
    t01.desk.start_preparing("web-300", a_manager("Inès"))
    picking = t01.desk.set_picked(t01.desk.start_picking("web-300"), sku, 2)
    t01.desk.mark_ready("web-300", a_manager("Inès"), picking)
    assert t01.sync().state == "idle" and t02.sync().state == "idle"
    assert [o.id for o in t02.desk.ready()] == ["web-300"]

    # Both desks hand it over, then push at the same moment: exactly one wins.
    t01.desk.hand_over("web-300", a_manager("Inès"))
    t02.desk.hand_over("web-300", a_manager("Marc"))
    with ThreadPoolExecutor(2) as pool:
        statuses = list(pool.map(lambda desk: desk.sync(), (t01, t02)))
    assert sorted(status.rejected for status in statuses) == [0, 1]
    winner, loser = (t01, t02) if statuses[1].rejected else (t02, t01)
    winning_terminal = "T01" if winner is t01 else "T02"
    final = central.pickup_order("web-300")
    assert [e["state"] for e in final["history"]].count("collected") == 1
    assert final["history"][-1]["terminal_id"] == winning_terminal

    (conflict,) = loser.desk.conflicts()
    assert conflict.code == "conflict" and conflict.attempted == "collected"
    assert f"collected at terminal {winning_terminal}" in conflict.reason
    assert conflict.advice_code == "pickup_already_handed_over"
    assert conflict.state_now is PickupState.COLLECTED
    assert loser.desk.order("web-300").state is PickupState.COLLECTED
    assert winner.desk.conflicts() == [] and loser.desk.counts().conflicts == 1


def test_an_order_cancelled_online_while_preparing(central: CentralServer, open_desk) -> None:
    t01 = open_desk("T01")
    (id_a, sku, code), *_ = stocked_products(central, t01, 1)
    central.place_pickup_order("web-400", {sku: 1})
    assert t01.sync().state == "idle"
    t01.desk.start_preparing("web-400", a_manager("Inès"))
    assert t01.sync().state == "idle"

    cancelled = central.web("POST", "/v1/web/pickup-orders/web-400/cancel", {"reason": "Trop long"})
    assert cancelled.status_code == 200
    picking = t01.desk.scan_pick(t01.desk.start_picking("web-400"), code).picking
    # locally:
    assert t01.desk.mark_ready("web-400", a_manager("Inès"), picking).state is PickupState.READY
    assert t01.sync().rejected == 1

    (conflict,) = t01.desk.conflicts()
    assert "cancelled online" in conflict.reason and conflict.advice_code == "pickup_restock"
    assert t01.desk.order("web-400").state is PickupState.CANCELLED
    assert t01.desk.ready() == [] and t01.desk.to_prepare() == []
    assert stock_levels.level(t01.store.conn, id_a).reserved == 0


def test_an_order_paid_in_store(central: CentralServer, open_desk) -> None:
    t01 = open_desk("T01")
    (id_a, sku_a, _), (id_b, sku_b, _) = stocked_products(central, t01, 2)
    central.put_promotion(9001, [sku_a], kind="percent", value=2500)
    placed = central.place_pickup_order("web-500", {sku_a: 3, sku_b: 1}, paid=False)
    assert t01.sync().state == "idle"
    desk = t01.desk
    desk.start_preparing("web-500", a_manager("Inès"))
    picking = desk.start_picking("web-500")
    for line in picking.lines:
        picking = desk.set_picked(picking, line.sku, line.ordered)
    desk.mark_ready("web-500", a_manager("Inès"), picking)

    # The till rings the order up at its prices (the promotion included), then the desk
    # records the handover with the sale that took the money.
    checkout = Checkout(t01.store, terminal_id="T01", actor=a_cashier("Inès"))
    checkout.add_priced([PricedItem(ln.product_id, ln.quantity, ln.unit_price_cents, ln.promotions)
                         for ln in desk.sale_lines_for("web-500")])  # fmt: skip
    assert checkout.totals().total_cents == placed["total_cents"]
    assert checkout.basket.lines[0].product.price_cents == placed["lines"][0]["unit_price_cents"]
    promoted = checkout.basket.line_promotions(checkout.basket.lines[0].line_id)
    assert [(p.promotion_id, p.discount_cents) for p in promoted] == [
        (9001, placed["lines"][0]["discount_cents"])
    ]  # central's promotion, on its line
    checkout.add_tender(TenderKind.CARD, checkout.totals().total_cents)
    sale = checkout.complete()
    slip = desk.hand_over_paid_in_store("web-500", a_manager("Inès"), sale.sale_id)
    assert slip.sale_id == sale.sale_id and slip.total_cents == sale.draft.total_cents

    status = t01.sync()
    assert (status.pending, status.rejected) == (0, 0)
    final = central.pickup_order("web-500")
    assert (final["state"], final["sale_id"]) == ("collected", sale.sale_id)
    # The sale moved the stock once; the handover only released the hold.
    for product_id, on_hand in ((id_a, 7), (id_b, 9)):
        level = stock_levels.level(t01.store.conn, product_id)
        assert (level.on_hand, level.reserved) == (on_hand, 0)


def test_a_partly_picked_order_under_3_for_2_costs_what_central_says(
    central: CentralServer, open_desk
) -> None:
    """Two of a "3 pour 2" line picked: the till rings up its share of the line's total
    (half up, as central prices a partial pickup), the promotion on the line, and the
    slip, the sale and central's picked total agree."""
    t01 = open_desk("T01")
    (_id_a, sku_a, _), (_id_b, sku_b, _) = stocked_products(central, t01, 2)
    central.put_promotion(9002, [sku_a], kind="n_for_m", value=1, n=3, m=2, name="3 pour 2")
    placed = central.place_pickup_order("web-501", {sku_a: 3, sku_b: 1}, paid=False)
    line_a = placed["lines"][0]
    assert line_a["discount_cents"] == line_a["list_price_cents"] > 0  # one of three free
    assert t01.sync().state == "idle"
    desk = t01.desk
    desk.start_preparing("web-501", a_manager("Inès"))
    picking = desk.start_picking("web-501")
    for line in picking.lines:
        picking = desk.set_picked(picking, line.sku, 2 if line.sku == sku_a else line.ordered)
    desk.mark_ready("web-501", a_manager("Inès"), picking)

    sale_lines = desk.sale_lines_for("web-501")
    checkout = Checkout(t01.store, terminal_id="T01", actor=a_cashier("Inès"))
    checkout.add_priced([PricedItem(ln.product_id, ln.quantity, ln.unit_price_cents, ln.promotions)
                         for ln in sale_lines])  # fmt: skip
    two_of_three = (2 * line_a["total_cents"] * 2 + 3) // (2 * 3)  # half up
    line_b_total = placed["lines"][1]["total_cents"]
    assert checkout.totals().total_cents == two_of_three + line_b_total
    promoted = checkout.basket.line_promotions(checkout.basket.lines[0].line_id)
    assert [(p.promotion_id, p.discount_cents) for p in promoted] == [
        (9002, 2 * line_a["list_price_cents"] - two_of_three)
    ]
    checkout.add_tender(TenderKind.CARD, checkout.totals().total_cents)
    sale = checkout.complete()
    slip = desk.hand_over_paid_in_store("web-501", a_manager("Inès"), sale.sale_id)
    assert slip.total_cents == sale.draft.total_cents
    assert (t01.sync().pending, t01.sync().rejected) == (0, 0)
    final = central.pickup_order("web-501")
    assert final["picked_total_cents"] == sale.draft.total_cents
