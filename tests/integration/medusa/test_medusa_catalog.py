"""Catalog, stock and customers pulled from a real Medusa, mapped to the contract."""

from __future__ import annotations

import pytest

from sync.contract import CatalogItem
from sync.contract.feeds import PromotionItem
from tests.medusa.helpers import catalog_by_sku, pull_all
from tests.medusa.seed import CATALOG

pytestmark = pytest.mark.medusa


def scan(items: list[CatalogItem], code: str) -> CatalogItem:
    """What the till does with a scanned code: the active product carrying it."""
    latest = {item.id: item for item in items}  # a feed may repeat an item: last wins
    found = [item for item in latest.values() if item.active and code in item.barcodes]
    assert len(found) == 1, f"{code} matches {len(found)} products"
    return found[0]


def test_catalog_pull_maps_every_seeded_variant(backend):
    catalog = catalog_by_sku(backend)

    assert set(catalog) >= {sku for sku, *_ in CATALOG}
    cafe = catalog["CAFE-250"]
    assert (cafe.name, cafe.price_cents, cafe.vat_bp, cafe.active) == (
        "Café moulu 250 g",
        499,
        550,  # the "Alimentation" product type's rate
        True,
    )
    assert cafe.department == "Alimentation"
    assert catalog["TASSE-BLEUE"].vat_bp == 2000  # the country's default rate
    assert catalog["THE-VERT-100"].price_cents == 299  # the active sale price list
    assert 1 <= cafe.id < 2**32


def test_scanning_a_seeded_ean_finds_its_product(backend):
    items, _ = pull_all(backend, "catalog")

    assert scan(items, "3017620422003").sku == "CAFE-250"
    assert scan(items, "036000291452").sku == "CARNET-A5"  # UPC-A as printed
    assert scan(items, "0036000291452").sku == "CARNET-A5"  # UPC-A read as EAN-13
    assert scan(items, "20012345").sku == "STYLO-NOIR"  # a bare barcode (EAN-8)


def test_product_ids_stay_put_across_pulls(backend, make_backend, tmp_path):
    first = {item.sku: item.id for item in pull_all(backend, "catalog")[0]}
    again = {item.sku: item.id for item in pull_all(backend, "catalog")[0]}

    assert first == again
    assert len(set(first.values())) == len(first)


def test_a_price_change_comes_with_the_next_incremental_pull(backend, admin, seed):
    _, cursor = pull_all(backend, "catalog")
    variant = seed.variants["STYLO-NOIR"]
    prices = admin.get("/admin/product-variants", id=variant["id"], fields="id,product_id,*prices")[
        "variants"
    ][0]
    admin.post(
        f"/admin/products/{prices['product_id']}/variants/{variant['id']}",
        {"prices": [{"id": prices["prices"][0]["id"], "currency_code": "eur", "amount": 2.05}]},
    )
    try:
        changed, _ = pull_all(backend, "catalog", cursor)
        stylo = [item for item in changed if item.sku == "STYLO-NOIR"]
        assert stylo and stylo[-1].price_cents == 205
        assert len(changed) < len(CATALOG) + 2  # incremental, not the whole catalog again
    finally:
        admin.post(
            f"/admin/products/{prices['product_id']}/variants/{variant['id']}",
            {"prices": [{"id": prices["prices"][0]["id"], "currency_code": "eur", "amount": 1.99}]},
        )


def test_a_product_title_change_reaches_its_variants(backend, admin, seed):
    _, cursor = pull_all(backend, "catalog")
    product = seed.variants["CARNET-A5"]["product_id"]
    admin.post(f"/admin/products/{product}", {"title": "Carnet ligné"})
    try:
        changed, _ = pull_all(backend, "catalog", cursor)
        assert "Carnet ligné A5" in {item.name for item in changed}
    finally:
        admin.post(f"/admin/products/{product}", {"title": "Carnet A5"})


def test_stock_feed_is_this_locations_levels(backend):
    stock = {item.sku: item for item in pull_all(backend, "stock", limit=2)[0]}

    assert set(stock) >= {sku for sku, *_ in CATALOG}
    # Paris Rivoli's counts, not Lyon's (TASSE-BLEUE: 8 here, 0 there)
    assert stock["TASSE-BLEUE"].on_hand >= 7
    assert stock["CARNET-A5"].on_hand == 30


def test_customers_feed(backend):
    customers, _ = pull_all(backend, "customers")

    claire = [c for c in customers if c.email == "claire.martin@example.test"]
    assert claire and claire[0].name == "Claire Martin"
    assert claire[0].phone == "+33612345678"
    assert claire[0].loyalty_points == 0 and claire[0].active


def test_promotions_feed_is_well_formed(backend):
    """The seed has no promotion of its own; other files' tests may have left some (a web
    cart's code): whatever is there comes as contract v2 items, on one page."""
    page = backend.pull("promotions", None, 100)

    assert page.has_more is False
    assert all(isinstance(item, PromotionItem) for item in page.items)
    assert len({item.id for item in page.items}) == len(page.items)
