"""200 realistic promotions in the benchmark store, for the scan benchmark priced by them
(beside the demo store's own 20, which price the plain scan benchmark too).

``promotions_probe.promotions`` makes the shapes (170 item promotions on one to four
SKUs, 22 on a department or a brand, a few on everything, a few at basket level); here
they are laid over the store's real articles: the SKUs of a third of the articles the
benchmark scans, its real departments and brands, and written into the till's
``promotions`` table through the feed (``promotion_feed.apply_page``), as a sync would.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, datetime, timedelta

from promotions_probe import promotions

from pos.domain.promotions import Promotion
from pos.store import promotion_feed
from sync.contract.feeds import PromotionItem

FEED_CURSOR = "bench"
FIRST_ID = 100_000  # above the demo store's own promotions, which stay as they are


def load_promotions(conn: sqlite3.Connection, codes: list[str], rng: random.Random) -> int:
    """Write 200 promotions over the articles of ``codes``; how many the till holds."""
    articles = conn.execute(
        f"SELECT DISTINCT p.sku FROM barcodes b JOIN products p ON p.id = b.product_id "
        f"WHERE b.code IN ({','.join('?' * len(codes))})",
        codes,
    ).fetchall()
    skus = [sku for (sku,) in articles]
    promoted = rng.sample(skus, len(skus) // 3)
    departments = [d for (d,) in conn.execute("SELECT code FROM departments ORDER BY code")]
    brands = [b for (b,) in conn.execute(
        "SELECT brand FROM products WHERE brand != '' GROUP BY brand ORDER BY count(*) DESC "
        "LIMIT 115")]  # fmt: skip
    items = [_item(p, departments, brands) for p in promotions(rng, promoted, dense=False)]
    promotion_feed.apply_page(conn, items, FEED_CURSOR)
    return conn.execute(
        "SELECT count(*) FROM promotions WHERE active = 1 AND id >= ?", (FIRST_ID,)
    ).fetchone()[0]


def clear_promotions(conn: sqlite3.Connection) -> None:
    """The other benchmarks run on the store as it was (its demo promotions)."""
    with conn:
        conn.execute("DELETE FROM promotions WHERE id >= ?", (FIRST_ID,))


def _item(promotion: Promotion, departments: list[str], brands: list[str]) -> PromotionItem:
    """The probe's "rayon-i" and "marque-j" become the store's i-th department and j-th
    brand; the window spans the benchmark's run."""
    target = promotion.target
    now = datetime.now(UTC)
    return PromotionItem(
        id=FIRST_ID + promotion.id, name=promotion.name, kind=promotion.kind.value,
        value=promotion.value,
        skus=sorted(target.skus),
        departments=[departments[_index(d) % len(departments)] for d in target.departments],
        brands=[brands[_index(b) % len(brands)] for b in target.brands],
        everything=target.everything, priority=promotion.priority,
        exclusive=promotion.exclusive, stackable=promotion.stackable,
        channels=["store"], customer_only=promotion.customer_only,
        coupon_code=promotion.coupon_code, n=promotion.n, m=promotion.m,
        threshold_cents=promotion.threshold_cents,
        starts_at=_stamp(now - timedelta(days=1)), ends_at=_stamp(now + timedelta(days=30)),
        active=True, version=1,
    )  # fmt: skip


def _index(name: str) -> int:
    return int(name.rsplit("-", 1)[1])


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")
