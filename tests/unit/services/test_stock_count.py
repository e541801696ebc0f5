"""Stock counts on a real store file: blind entry, a count typed twice (add or replace),
bad quantities, the department's bounds, variances, and a manager's approval before one
transaction applies them."""

from __future__ import annotations

import random
from itertools import count

import pytest

from pos.domain.errors import PosError
from pos.domain.rights import Right, RightRefused
from pos.domain.stock_count import EntryMode
from pos.services.stock_count import StockCounts
from pos.store import outbox, stock_levels
from pos.store.db import write_transaction
from pos.store.local_store import LocalStore
from sync.contract import StockCountPayload
from tests.sync.sales_factory import draft, sellable
from tests.unit.services import test_stock_desk

_ids = count(1)
people = test_stock_desk.people  # the same staff: Camille (cashier), Inès (manager)


@pytest.fixture
def counts(store: LocalStore) -> StockCounts:
    minutes = count(0)
    return StockCounts(
        store,
        new_id=lambda: f"count-{next(_ids)}",
        now=lambda: f"2026-12-06T10:{next(minutes) % 60:02d}:00.000Z",
    )


def _count_ops(store: LocalStore) -> list:
    return [op for op in outbox.pending(store.conn) if op.kind == "stock_count"]


def _two_products(store: LocalStore):
    rows = [r for r in sellable(store.conn) if store.catalog.get(r[0]).sold_by == "unit"]
    with write_transaction(store.conn):  # a shelf that holds something
        for row in rows[:2]:
            store.conn.execute(
                "INSERT OR REPLACE INTO stock (product_id, on_hand) VALUES (?, 10)", (row[0],)
            )
    return rows[0], rows[1]


def test_a_count_with_a_sale_after_an_article_was_counted(store, counts, people) -> None:
    camille, ines, _approvals = people
    (a, b) = _two_products(store)
    on_a = stock_levels.level(store.conn, a[0]).on_hand
    on_b = stock_levels.level(store.conn, b[0]).on_hand
    sheet = counts.start(camille, "shelf", "  Allée 3,  gondole B ")
    assert sheet.count.label == "Allée 3, gondole B"
    counts.enter(camille, sheet.count.id, a[0], on_a - 2)  # two missing
    sheet = counts.enter(camille, sheet.count.id, b[0], on_b)  # right
    assert [(line.product.id, line.counted) for line in sheet.lines] == [
        (b[0], on_b), (a[0], on_a - 2),
    ]  # fmt: skip
    assert not hasattr(sheet.lines[0], "expected")  # blind: the counter never sees it
    # A sale of A after A was counted: a sale, not a variance.
    store.sales.commit(draft([a], random.Random(1), quantities=[1]))
    result = counts.variances(sheet.count.id)
    assert {v.product.id: v.variance for v in result.lines} == {a[0]: -2, b[0]: 0}
    assert result.differing == 1 and result.value_cents == -2 * a[3]
    assert result.lines[0].product.id == a[0]  # the largest value first
    done = counts.approve(ines, sheet.count.id)
    assert done.count.id == sheet.count.id
    assert stock_levels.level(store.conn, a[0]).on_hand == on_a - 2 - 1
    assert stock_levels.level(store.conn, b[0]).on_hand == on_b
    [op] = _count_ops(store)
    payload = StockCountPayload.model_validate(op.payload)  # what central validates
    assert payload.approved_by == "ines" and payload.scope == "shelf:Allée 3, gondole B"
    sent = [(ln.product_id, ln.counted, ln.expected, ln.staff_id) for ln in payload.lines]
    assert sent == sorted([(a[0], on_a - 2, on_a, "camille"), (b[0], on_b, on_b, "camille")])
    moves = store.conn.execute(
        "SELECT product_id, delta, staff_id, approved_by, ref FROM stock_movements "
        "WHERE reason = 'count'"
    ).fetchall()
    assert moves == [(a[0], -2, "camille", "ines", op.op_id)]  # no movement for no variance
    with pytest.raises(PosError) as again:
        counts.approve(ines, sheet.count.id)
    assert again.value.code == "count_closed" and len(_count_ops(store)) == 1


def test_a_count_entered_twice_asks_to_add_or_replace(store, counts, people) -> None:
    camille, _ines, _approvals = people
    a, _b = _two_products(store)
    count_id = counts.start(camille, "full").count.id
    counts.enter(camille, count_id, a[0], 4)
    with pytest.raises(PosError) as twice:
        counts.enter(camille, count_id, a[0], 3)
    assert (twice.value.code, twice.value.params["counted"]) == ("count_entered_twice", 4)
    assert counts.sheet(count_id).lines[0].counted == 4  # nothing lost
    sheet = counts.enter(camille, count_id, a[0], 3, EntryMode.ADD)
    assert (sheet.lines[0].counted, sheet.lines[0].entries) == (7, 2)
    sheet = counts.enter(camille, count_id, a[0], 5, EntryMode.REPLACE)
    assert (sheet.lines[0].counted, sheet.lines[0].entries) == (5, 3)


@pytest.mark.parametrize(
    ("quantity", "code"),
    [(-1, "count_negative"), (10_001, "count_absurd"), ("7", "count_bad_quantity")],
)
def test_a_negative_or_absurd_count_is_refused(store, counts, people, quantity, code) -> None:
    camille, _ines, _approvals = people
    a, _b = _two_products(store)
    count_id = counts.start(camille, "full").count.id
    with pytest.raises(PosError) as refused:
        counts.enter(camille, count_id, a[0], quantity)
    assert refused.value.code == code and counts.sheet(count_id).lines == ()


def test_a_department_count_refuses_other_departments(store, counts, people) -> None:
    camille, _ines, _approvals = people
    a, _b = _two_products(store)
    mine = store.catalog.get(a[0]).department
    other = next(r for r in sellable(store.conn) if store.catalog.get(r[0]).department != mine)
    count_id = counts.start(camille, "department", mine).count.id
    with pytest.raises(PosError) as refused:
        counts.enter(camille, count_id, other[0], 1)
    assert refused.value.code == "count_other_department"
    counts.enter(camille, count_id, a[0], 1)
    with pytest.raises(PosError) as unknown:
        counts.start(camille, "department", "Nowhere")
    assert unknown.value.code == "count_unknown_department"
    with pytest.raises(PosError) as busy:
        counts.start(camille, "full")
    assert busy.value.code == "count_under_way"


def test_a_cashier_needs_a_managers_approval(store, counts, people) -> None:
    camille, _ines, approvals = people
    a, _b = _two_products(store)
    on_a = stock_levels.level(store.conn, a[0]).on_hand
    count_id = counts.start(camille, "shelf", "Réserve").count.id
    counts.enter(camille, count_id, a[0], on_a + 3)
    with pytest.raises(RightRefused) as refused:
        counts.approve(camille, count_id)
    assert refused.value.params["approvable"] is True
    assert _count_ops(store) == [] and stock_levels.level(store.conn, a[0]).on_hand == on_a
    other = approvals.approve(camille, "ines", "4321", Right.CANCEL_SALE, "cancel")
    with pytest.raises(RightRefused):
        counts.approve(camille, count_id, other)
    approval = approvals.approve(camille, "ines", "4321", Right.ADJUST_STOCK, "count")
    counts.approve(camille, count_id, approval)
    [op] = _count_ops(store)
    assert op.payload["approved_by"] == "ines" and op.payload["lines"][0]["staff_id"] == "camille"
    assert stock_levels.level(store.conn, a[0]).on_hand == on_a + 3
    assert counts.current() is None


def test_an_empty_count_cannot_be_approved_and_a_count_survives_a_restart(
    store, counts, people
) -> None:
    camille, ines, _approvals = people
    count_id = counts.start(camille, "full").count.id
    with pytest.raises(PosError) as empty:
        counts.approve(ines, count_id)
    assert empty.value.code == "count_empty"
    assert StockCounts(store).current().count.id == count_id
    counts.abandon(camille, count_id)
    assert counts.current() is None and _count_ops(store) == []


def _stock(store: LocalStore, levels: dict[int, int]) -> None:
    with write_transaction(store.conn):
        store.conn.execute("UPDATE stock SET on_hand = 0")
        for product_id, on_hand in levels.items():
            store.conn.execute(
                "INSERT OR REPLACE INTO stock (product_id, on_hand) VALUES (?, ?)",
                (product_id, on_hand),
            )


def test_a_full_count_zeroes_what_was_not_counted_once_closed(store, counts, people) -> None:
    camille, ines, _approvals = people
    rows = [r for r in sellable(store.conn) if store.catalog.get(r[0]).sold_by == "unit"]
    a, b, c = rows[0], rows[1], rows[2]
    _stock(store, {a[0]: 10, b[0]: 4, c[0]: -2})  # c: sold beyond what the till knew
    count_id = counts.start(camille, "full").count.id
    sheet = counts.enter(camille, count_id, a[0], 9)
    assert [line.product.id for line in sheet.lines] == [a[0]]  # blind: b and c not shown
    store.sales.commit(draft([b], random.Random(2), quantities=[1]))  # b sells meanwhile
    result = counts.variances(count_id)
    assert {(v.product.id, v.counted, v.expected) for v in result.uncounted} == {
        (b[0], 0, 3), (c[0], 0, -2),
    }  # fmt: skip
    assert (result.uncounted_articles, result.differing) == (2, 3)
    assert result.uncounted_value_cents == -3 * b[3] + 2 * c[3]
    assert result.value_cents == -a[3] - 3 * b[3] + 2 * c[3]
    done = counts.approve(ines, count_id)
    assert {v.product.id: v.counted for v in done.lines} == {a[0]: 9, b[0]: 0, c[0]: 0}
    assert done.uncounted == () and done.uncounted_articles == 0  # now among the lines
    levels = {p: stock_levels.level(store.conn, p).on_hand for p in (a[0], b[0], c[0])}
    assert levels == {a[0]: 9, b[0]: 0, c[0]: 0}
    payload = StockCountPayload.model_validate(_count_ops(store)[0].payload)
    assert {(ln.product_id, ln.counted, ln.expected) for ln in payload.lines} == {
        (a[0], 9, 10), (b[0], 0, 3), (c[0], 0, -2),
    }  # fmt: skip


def test_a_department_count_zeroes_its_own_a_shelf_count_nothing(store, counts, people) -> None:
    camille, ines, _approvals = people
    rows = [r for r in sellable(store.conn) if store.catalog.get(r[0]).sold_by == "unit"]
    a = rows[0]
    mine = store.catalog.get(a[0]).department
    same = next(r for r in rows[1:] if store.catalog.get(r[0]).department == mine)
    other = next(r for r in rows if store.catalog.get(r[0]).department != mine)
    _stock(store, {a[0]: 5, same[0]: 3, other[0]: 7})
    shelf = counts.start(camille, "shelf", "Allée 1").count.id
    counts.enter(camille, shelf, a[0], 5)
    assert counts.variances(shelf).uncounted_articles == 0
    counts.approve(ines, shelf)
    department = counts.start(camille, "department", mine).count.id
    counts.enter(camille, department, a[0], 5)
    result = counts.variances(department)
    assert [(v.product.id, v.expected) for v in result.uncounted] == [(same[0], 3)]
    counts.approve(ines, department)
    levels = {p: stock_levels.level(store.conn, p).on_hand for p in (a[0], same[0], other[0])}
    assert levels == {a[0]: 5, same[0]: 0, other[0]: 7}
