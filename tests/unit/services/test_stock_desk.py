"""The stock screen's service on a real store file: search, figures, history, adjustments
with their right (or a manager's approval), bad input that writes nothing."""

from __future__ import annotations

import random
import sqlite3
from itertools import count

import pytest

from pos.domain.errors import PosError
from pos.domain.rights import Right, RightRefused, Role
from pos.services.approvals import Approvals
from pos.services.staff import StaffDirectory
from pos.services.stock_desk import StockDesk, StockFilter
from pos.store import outbox, stock_levels
from pos.store.local_store import LocalStore
from sync.contract import StockMovementPayload
from tests.support.staff import SteppedClock
from tests.sync.sales_factory import draft, sellable

_ids = count(1)


@pytest.fixture
def people(store: LocalStore):
    directory = StaffDirectory(store, clock=SteppedClock())
    admin = directory.create_first_admin("Nadia", "2468")
    directory.add(admin, "Camille", Role.CASHIER, "1234", staff_id="camille")
    directory.add(admin, "Inès", Role.MANAGER, "4321", staff_id="ines")
    approvals = Approvals(directory, terminal_id="T01", new_id=lambda: f"appr-{next(_ids)}")
    return directory.member("camille").actor, directory.member("ines").actor, approvals


@pytest.fixture
def desk(store: LocalStore) -> StockDesk:
    return StockDesk(
        store, new_id=lambda: f"adj-{next(_ids)}", now=lambda: "2026-12-06T10:00:00.000Z"
    )


def _product(store: LocalStore):
    return store.catalog.get(sellable(store.conn)[0][0])


def _movement_ops(store: LocalStore) -> list:
    return [op for op in outbox.pending(store.conn) if op.kind == "stock_movement"]


def test_a_manager_writes_off_damaged_goods_in_one_operation(store, desk, people) -> None:
    _camille, ines, _approvals = people
    product = _product(store)
    before = stock_levels.level(store.conn, product.id).on_hand
    detail = desk.adjust(ines, product.id, "damage", 3, "  jar  broken\n on shelf ")
    assert detail.level.on_hand == before - 3
    assert store.catalog.stock_on_hand(product.id) == before - 3  # materialised in step
    [op] = _movement_ops(store)
    payload = StockMovementPayload.model_validate(op.payload)  # what central validates
    assert (payload.delta, payload.reason, payload.staff_id) == (-3, "damage", "ines")
    latest = detail.movements[0]
    assert (latest.delta, latest.reason, latest.author, latest.note, latest.ref) == (
        -3, "damage", "Inès", "jar broken on shelf", op.op_id,
    )  # fmt: skip
    assert detail.incoming is None  # no delivery feed yet: "—", not 0


def test_found_goods_come_back_and_sales_show_their_cashier(store, desk, people) -> None:
    _camille, ines, _approvals = people
    product = _product(store)
    row = next(p for p in sellable(store.conn) if p[0] == product.id)
    before = stock_levels.level(store.conn, product.id).on_hand
    store.sales.commit(draft([row], random.Random(3), quantities=[2]))
    detail = desk.adjust(ines, product.id, "found", 5)
    assert [(m.delta, m.reason) for m in detail.movements[:2]] == [(5, "found"), (-2, "sale")]
    assert detail.movements[1].author  # the sale's cashier
    assert detail.level.on_hand == before - 2 + 5  # each counted once


def test_a_cashier_is_refused_then_adjusts_with_a_managers_approval(store, desk, people) -> None:
    camille, _ines, approvals = people
    product = _product(store)
    with pytest.raises(RightRefused) as refused:
        desk.adjust(camille, product.id, "theft", 1)
    assert refused.value.params["approvable"] is True
    assert _movement_ops(store) == []
    approval = approvals.approve(camille, "ines", "4321", Right.ADJUST_STOCK, "theft of 1")
    detail = desk.adjust(camille, product.id, "theft", 1, approval=approval)
    assert (detail.movements[0].author, detail.movements[0].approved_by) == ("Camille", "Inès")
    [op] = _movement_ops(store)
    assert op.payload["staff_id"] == "camille"


def test_an_approval_for_another_right_does_not_cover_an_adjustment(store, desk, people) -> None:
    camille, _ines, approvals = people
    other = approvals.approve(camille, "ines", "4321", Right.CANCEL_SALE, "cancel")
    with pytest.raises(RightRefused):
        desk.adjust(camille, _product(store).id, "theft", 1, approval=other)


@pytest.mark.parametrize(
    ("reason", "quantity", "code"),
    [
        ("", 2, "adjust_no_reason"),
        ("gift", 2, "adjust_bad_reason"),
        ("damage", 0, "adjust_bad_quantity"),
        ("damage", -4, "adjust_bad_quantity"),
        ("damage", 1001, "adjust_absurd_quantity"),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(store, desk, people, reason, quantity, code):
    _camille, ines, _approvals = people
    product = _product(store)
    before = stock_levels.level(store.conn, product.id)
    with pytest.raises(PosError) as refused:
        desk.adjust(ines, product.id, reason, quantity)
    assert refused.value.code == code
    assert stock_levels.level(store.conn, product.id) == before and _movement_ops(store) == []


def test_an_unknown_article_is_refused(desk, people) -> None:
    with pytest.raises(PosError) as refused:
        desk.adjust(people[1], 9_999_999, "damage", 1)
    assert refused.value.code == "stock_unknown_product"


def test_a_failed_write_leaves_neither_movement_nor_operation(store, desk, people) -> None:
    product = _product(store)
    store.conn.execute(
        "CREATE TEMP TRIGGER refuse BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'full'); END"
    )
    with pytest.raises(Exception, match="full"):
        desk.adjust(people[1], product.id, "damage", 1)
    moved = store.conn.execute("SELECT count(*) FROM stock_movements WHERE staff_id IS NOT NULL")
    assert moved.fetchone()[0] == 0


def test_search_by_name_sku_and_barcode_and_the_stock_filters(store, desk, people) -> None:
    product = _product(store)
    code = store.conn.execute(
        "SELECT code FROM barcodes WHERE product_id = ?", (product.id,)
    ).fetchone()[0]
    assert desk.search(code)[0].product.id == product.id
    assert desk.search(product.sku)[0].product.id == product.id
    assert product.id in {row.product.id for row in desk.search(product.name)}
    assert desk.search("   ") == []  # nothing typed, no filter: nothing listed
    on_hand = stock_levels.level(store.conn, product.id).on_hand
    desk.adjust(people[1], product.id, "damage", on_hand + 2)  # now at -2
    negatives = desk.search("", StockFilter.NEGATIVE)
    assert [row.product.id for row in negatives] == [product.id]
    low = desk.search("", StockFilter.LOW, threshold=2)
    assert low[0].product.id == product.id and all(r.level.on_hand <= 2 for r in low)
    assert desk.search(product.sku, StockFilter.NEGATIVE)[0].level.on_hand == -2


def test_the_figures_age_is_when_the_stock_feed_last_brought_levels(store, desk) -> None:
    product = _product(store)
    assert desk.detail(product.id).figures_at is None
    with sqlite3.connect(store.path) as other:
        other.execute(
            "INSERT INTO feed_cursors (feed, cursor, updated_at) "
            "VALUES ('stock', 'c1', '2026-12-05T08:00:00.000Z')"
        )
    assert desk.detail(product.id).figures_at == "2026-12-05T08:00:00.000Z"
