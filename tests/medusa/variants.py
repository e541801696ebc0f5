"""Many new variants in the test Medusa, made through its own admin batch routes (fast
enough for a thousand): the delta feeds' tests and the plugin's benchmark."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from tests.medusa.seed import MedusaAdmin, Seed


def create_variants(
    admin: MedusaAdmin,
    seed: Seed,
    count: int,
    *,
    per_product: int,
    prefix: str,
    stocked: bool,
    price: float = 2.5,
) -> str:
    """``count`` variants sold in the POS channel, ``per_product`` a product; their SKUs
    start with the returned tag (``prefix`` + 8 random characters)."""
    tag = f"{prefix}{uuid.uuid4().hex[:8].upper()}"
    channels = [{"id": seed.pos_sales_channel_id}]
    profile = admin.get("/admin/shipping-profiles")["shipping_profiles"][0]["id"]
    products = []
    for number in range(0, count, per_product):
        sizes = [f"T{n:02d}" for n in range(min(per_product, count - number))]
        products.append(
            {
                "title": f"{tag} {number:05d}",
                "status": "published",
                "shipping_profile_id": profile,
                "sales_channels": channels,
                "options": [{"title": "Taille", "values": sizes}],
                "variants": [
                    {
                        "title": size,
                        "sku": f"{tag}-{number:05d}-{size}",
                        "manage_inventory": stocked,
                        "prices": [{"currency_code": "eur", "amount": price}],
                        "options": {"Taille": size},
                    }
                    for size in sizes
                ],
            }
        )
    for first in range(0, len(products), 50):
        admin.post("/admin/products/batch", {"create": products[first : first + 50]})
    return tag


def new_products(
    admin: MedusaAdmin, seed: Seed, count: int, *, per_product: int = 2, price: float = 2.5
) -> dict[str, dict]:
    """``count`` new variants without stock: {sku: {"id", "product_id"}}."""
    tag = create_variants(
        admin, seed, count, per_product=per_product, prefix="C", stocked=False, price=price
    )
    made: dict[str, dict] = {}
    for offset in range(0, count, 500):
        found = admin.get(
            "/admin/product-variants", q=tag, limit=500, offset=offset, fields="id,sku,product_id"
        )["variants"]
        made.update(
            {row["sku"]: {"id": row["id"], "product_id": row["product_id"]} for row in found}
        )
    assert len(made) == count
    return made


def stocked_variants(admin: MedusaAdmin, seed: Seed, count: int, *, per_product: int = 10):
    """``count`` new variants with inventory, 5 stocked at our store: {sku: inventory item}."""
    tag = create_variants(admin, seed, count, per_product=per_product, prefix="D", stocked=True)
    items: dict[str, str] = {}
    for offset in range(0, count, 500):
        found = admin.get(
            "/admin/inventory-items", q=tag, limit=500, offset=offset, fields="id,sku"
        )["inventory_items"]
        items.update({row["sku"]: row["id"] for row in found})
    assert len(items) == count
    set_levels(admin, seed, items.values(), 5, create=True)
    return items


def set_levels(
    admin: MedusaAdmin, seed: Seed, item_ids: Iterable[str], n: int, *, create: bool = False
) -> None:
    """One batch call per 500 levels (Medusa's own admin batch route)."""
    ids = list(item_ids)
    for first in range(0, len(ids), 500):
        levels = [
            {"inventory_item_id": item, "location_id": seed.location_id, "stocked_quantity": n}
            for item in ids[first : first + 500]
        ]
        admin.post(
            "/admin/inventory-items/location-levels/batch",
            {"create" if create else "update": levels},
        )
