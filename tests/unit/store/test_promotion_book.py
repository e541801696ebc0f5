"""The till's promotions from the v2 feed to the engine's book, on a real store file: every
v2 field survives the round trip, a v1 item still prices, a refused row is reported, and
the book is rebuilt only when the table changes."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from pos.domain.promotions import PricingContext, PricingLine
from pos.domain.promotions.fields import granted_coupon
from pos.store import promotion_feed
from pos.store.db import connect
from pos.store.migrations import migrate
from pos.store.promotion_book import BookCache, load_book
from sync.contract.feeds import PromotionItem

NOW = datetime(2026, 12, 6, 10, tzinfo=UTC)


def item(pid: int, version: int, **fields) -> PromotionItem:
    base = {
        "id": pid, "name": f"Promo {pid}", "kind": "percent", "value": 1000,
        "skus": ["A1"], "starts_at": "2026-12-01T00:00:00.000Z",
        "ends_at": "2026-12-31T00:00:00.000Z", "active": True, "version": version,
    }  # fmt: skip
    return PromotionItem.model_validate({**base, **fields})


@pytest.fixture
def conn(tmp_path):
    db = connect(tmp_path / "store.db")
    migrate(db, tmp_path / "store.db")
    yield db
    db.close()


def line(line_id: int, sku: str, cents: int, qty: int = 1, department: str = "") -> PricingLine:
    return PricingLine(line_id, sku, cents, qty, cents * qty, department=department)


def test_v2_fields_reach_the_engine(conn) -> None:
    promotion_feed.apply_page(
        conn,
        [
            item(1, 1, kind="n_for_m", value=1, n=3, m=2, skus=[], departments=["epicerie"]),
            item(
                2,
                2,
                kind="threshold",
                value=1000,
                threshold_cents=4000,
                skus=[],
                everything=True,
                stores=["paris-11"],
                channels=["store"],
            ),
            item(
                3,
                3,
                kind="basket_percent",
                value=500,
                skus=[],
                everything=True,
                single_use_codes=True,
                stackable=True,
            ),
        ],
        "c1",
    )
    loaded = load_book(conn)
    assert [p.id for p in loaded.promotions] == [1, 2, 3] and loaded.skipped == ()
    by_id = {p.id: p for p in loaded.promotions}
    assert by_id[1].target.departments == frozenset({"epicerie"}) and (by_id[1].n, by_id[1].m) == (
        3,
        2,
    )
    assert by_id[2].stores == frozenset({"paris-11"}) and by_id[2].channels == frozenset({"store"})
    assert by_id[3].coupon_code == granted_coupon(3) and by_id[3].stackable
    lines = [line(1, "B1", 2000, 3, "epicerie")]
    here = PricingContext(now=NOW, store_id="paris-11")
    assert (
        loaded.book.evaluate(lines, here).saved_cents == 2000 + 1000
    )  # 3 for 2, then -10 € from 40 €
    elsewhere = PricingContext(now=NOW, store_id="lyon-2")
    assert loaded.book.evaluate(lines, elsewhere).saved_cents == 2000
    coupon = PricingContext(now=NOW, store_id="lyon-2", coupons=frozenset({granted_coupon(3)}))
    assert loaded.book.evaluate(lines, coupon).saved_cents == 2000 + 200  # 5 % of 40 €


def test_a_v1_row_still_prices_and_a_refused_row_is_reported(conn) -> None:
    promotion_feed.apply_page(conn, [item(1, 1, kind="amount_off", value=50)], "c1")
    conn.execute(
        "INSERT INTO promotions (id, name, kind, value, skus, starts_at, ends_at, active, "
        "version, rule) VALUES (9, 'Future kind', 'mystery', 5, '[]', NULL, NULL, 1, 5, ?)",
        (json.dumps({"skus": ["A1"]}),),
    )
    conn.execute(
        "INSERT INTO promotions (id, name, kind, value, skus, starts_at, ends_at, active, "
        "version, rule) VALUES (10, 'Gone', 'percent', 5, '[]', NULL, NULL, 1, 6, '{}')"
    )
    loaded = load_book(conn)
    assert [p.id for p in loaded.promotions] == [1]
    assert [pid for pid, _why in loaded.skipped] == [9]  # 10 targets nothing: not a fault
    result = loaded.book.evaluate([line(1, "A1", 300, 2)], PricingContext(now=NOW, store_id="x"))
    assert result.saved_cents == 100


def test_the_cache_rebuilds_only_on_change(conn) -> None:
    promotion_feed.apply_page(conn, [item(1, 1)], "c1")
    cache = BookCache()
    first = cache.get(conn)
    assert cache.get(conn) is first
    promotion_feed.apply_page(conn, [item(1, 2, active=False)], "c2")
    second = cache.get(conn)
    assert second is not first and second.promotions == ()
