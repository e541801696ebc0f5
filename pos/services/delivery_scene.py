"""The receiving dialog's demo scene for ``comptoir screenshots``: a supplier's delivery
of three of the demo's articles, as the ``deliveries`` feed would have brought it, and
another store the till knows (for a transfer)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pos.store import deliveries, network_stock
from pos.store.local_store import LocalStore
from pos.store.network_stock import LocationLevel
from pos.store.sale_codec import utc_now
from sync.contract.deliveries import DeliveryItem, ExpectedLine

DELIVERY_ID = "BL-2026-0412"
_ARTICLES = (
    "SELECT p.id, p.sku, p.name FROM products p JOIN barcodes b ON b.product_id = p.id "
    "WHERE p.sold_by = 'unit' AND p.active = 1 GROUP BY p.id ORDER BY p.popularity DESC, p.id "
    "LIMIT 4"
)
_CODE = "SELECT code FROM barcodes WHERE product_id = ? LIMIT 1"


@dataclass(frozen=True, slots=True)
class DeliveryScene:
    delivery_id: str
    expected: tuple[tuple[int, str, int], ...]  # product_id, barcode, quantity
    extra_code: str  # an article that is not on the delivery


def lay_delivery_scene(db: Path, store_id: str = "lyon-part-dieu") -> DeliveryScene:
    with LocalStore(db) as store:
        rows = store.conn.execute(_ARTICLES).fetchall()
        codes = [store.conn.execute(_CODE, (pid,)).fetchone()[0] for pid, _s, _n in rows]
        quantities = (12, 6, 24)
        item = DeliveryItem(
            id=DELIVERY_ID, store_id=store_id, source_kind="supplier",
            source="Brasserie du Rhône", state="expected",
            lines=[ExpectedLine(product_id=pid, sku=sku, quantity=q)
                   for (pid, sku, _name), q in zip(rows, quantities, strict=False)],
            created_at=utc_now(), version=1,
        )  # fmt: skip
        deliveries.apply_page(store.conn, [item], "scene")
        network_stock.remember(
            store.conn, int(rows[0][0]),
            [LocationLevel("paris-rivoli", "Comptoir Démo — Paris Rivoli", "store", 8, 0,
                           utc_now())],
        )  # fmt: skip
    triples = zip(rows, codes, quantities, strict=False)  # the fourth article: an extra
    expected = tuple((int(pid), str(code), q) for (pid, _s, _n), code, q in triples)
    return DeliveryScene(DELIVERY_ID, expected, str(codes[3]))
