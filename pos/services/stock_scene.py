"""The stock screen's demo scene for ``comptoir screenshots``: central levels pulled a few
hours ago, then a morning of this till's own movements (a sale, a breakage, a find, a
sample), so the screen shows every figure, the figures' age and a real history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pos.domain.rights import Actor
from pos.services.checkout import Checkout
from pos.services.stock_count import StockCounts
from pos.services.stock_desk import StockDesk
from pos.store import stock_levels
from pos.store.local_store import LocalStore

_ARTICLE = (
    "SELECT p.id, p.sku, p.name, b.code FROM products p JOIN barcodes b ON b.product_id = p.id "
    "WHERE p.sold_by = 'unit' AND p.active = 1 AND p.name LIKE '% %' "
    "ORDER BY p.popularity DESC, p.id LIMIT 1"
)
_SAME_WORD = "SELECT id, sku FROM products WHERE name_key LIKE ? AND active = 1 LIMIT 12"


@dataclass(frozen=True, slots=True)
class _Level:
    product_id: int
    sku: str
    on_hand: int
    reserved: int
    version: int = 1


@dataclass(frozen=True, slots=True)
class StockScene:
    query: str  # the first word of the article's name: a list of neighbours
    product_id: int


def lay_stock_scene(db: Path, cashier: Actor, manager: Actor) -> StockScene:
    with LocalStore(db) as store:
        conn = store.conn
        product_id, _sku, name, code = conn.execute(_ARTICLE).fetchone()
        word = name.split()[0]
        levels = [
            _Level(pid, sku, on_hand=(pid * 7) % 23 - 2, reserved=pid % 3)
            for pid, sku in conn.execute(_SAME_WORD, (f"{word.lower()[:4]}%",))
        ]
        levels = [lv for lv in levels if lv.product_id != product_id]
        levels.append(_Level(product_id, _sku, on_hand=24, reserved=3))
        stock_levels.apply_page(conn, levels, "demo-stock-1")
        pulled = datetime.now(UTC) - timedelta(hours=3, minutes=10)
        stamp = pulled.isoformat(timespec="milliseconds").replace("+00:00", "Z")
        conn.execute("UPDATE feed_cursors SET updated_at = ? WHERE feed = 'stock'", (stamp,))
        sale = Checkout(store, terminal_id="T01", actor=cashier)
        sale.scan(code)
        sale.scan(code)
        sale.add_tender("card", sale.totals().total_cents)
        sale.complete()
        desk = StockDesk(store)  # after the sale, at the real time, as a till would
        desk.adjust(manager, product_id, "damage", 2, "Bocal tombé en rayon")
        desk.adjust(manager, product_id, "found", 1, "Retrouvé en réserve")
        desk.adjust(manager, product_id, "sample", 1, "Dégustation")
    return StockScene(word, product_id)


def count_a_shelf(db: Path, cashier: Actor, shelf: str) -> None:
    """A cashier's count of one shelf: most lines right, a few short, one found."""
    with LocalStore(db) as store:
        counts = StockCounts(store)
        count_id = counts.start(cashier, "shelf", shelf).count.id
        rows = store.conn.execute(
            "SELECT p.id, s.on_hand FROM products p JOIN stock s ON s.product_id = p.id "
            "WHERE p.sold_by = 'unit' AND s.on_hand > 3 ORDER BY p.id LIMIT 8"
        ).fetchall()
        for n, (product_id, on_hand) in enumerate(rows):
            found = on_hand - (2, 0, 1, 0, 0, -1, 0, 3)[n % 8]
            counts.enter(cashier, count_id, product_id, max(found, 0))
