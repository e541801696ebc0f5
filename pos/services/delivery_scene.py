"""The receiving dialog's demo scene for ``comptoir screenshots``: a supplier's delivery
of three of the demo's articles, as the ``deliveries`` feed would have brought it,
another store the till knows (for a transfer), and two transfers this store sent there,
one checked with a unit short and one on its way (the transfer dialog's list below).

``linked``: the scene's till is linked to its store (``central_link`` settings, a
placeholder address, for the screens alone: a whole till would sync with it): a till
that was never enrolled has no store, so it lists no transfer sent."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pos.store import deliveries, network_stock
from pos.store.local_store import LocalStore
from pos.store.network_stock import LocationLevel
from pos.store.sale_codec import utc_now
from sync.contract.deliveries import DeliveryItem, ExpectedLine, ReceivedLine

DELIVERY_ID = "BL-2026-0412"
OTHER_STORE = ("paris-rivoli", "Comptoir Démo — Paris Rivoli")
_LINK = {  # what enrolment records (``central_link``); the address is never called
    "central_url": "https://central.invalid",
    "central_terminal_id": "T01",
}
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


def lay_delivery_scene(
    db: Path, store_id: str = "lyon-part-dieu", *, linked: bool = False
) -> DeliveryScene:
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
        sent = _sent_transfers(store_id, rows) if linked else []  # an unlinked till: any store's
        deliveries.apply_page(store.conn, [item, *sent], "scene")
        network_stock.remember(
            store.conn, int(rows[0][0]),
            [LocationLevel(*OTHER_STORE, "store", 8, 0, utc_now())],
        )  # fmt: skip
        for key, value in {**_LINK, "central_store_id": store_id}.items() if linked else ():
            store.set_setting(key, value)
    triples = zip(rows, codes, quantities, strict=False)  # the fourth article: an extra
    expected = tuple((int(pid), str(code), q) for (pid, _s, _n), code, q in triples)
    return DeliveryScene(DELIVERY_ID, expected, str(codes[3]))


def _sent_transfers(store_id: str, rows: list) -> list[DeliveryItem]:
    """Two transfers sent to the other store: one received a unit short, one on its way."""
    (p1, s1, _n1), (p2, s2, _n2) = rows[0], rows[1]
    checked = DeliveryItem(
        id="TR-2026-0031", store_id=OTHER_STORE[0], source_kind="transfer",
        source="Comptoir Démo — Lyon Part-Dieu", from_store_id=store_id,
        transfer_id="TR-2026-0031", state="received",
        lines=[ExpectedLine(product_id=p1, sku=s1, quantity=6),
               ExpectedLine(product_id=p2, sku=s2, quantity=4)],
        received=[ReceivedLine(product_id=p1, sku=s1, expected=6, received=5),
                  ReceivedLine(product_id=p2, sku=s2, expected=4, received=4)],
        received_by="Paul", received_at="2026-12-04T15:20:00.000Z",
        created_at="2026-12-03T09:10:00.000Z", version=2,
    )  # fmt: skip
    on_its_way = DeliveryItem(
        id="TR-2026-0037", store_id=OTHER_STORE[0], source_kind="transfer",
        source="Comptoir Démo — Lyon Part-Dieu", from_store_id=store_id,
        transfer_id="TR-2026-0037", state="expected",
        lines=[ExpectedLine(product_id=p2, sku=s2, quantity=10)],
        created_at="2026-12-05T11:45:00.000Z", version=3,
    )  # fmt: skip
    return [checked, on_its_way]
