"""Seed a fresh Medusa v2 as one Comptoir store sees it, through Medusa's own admin API.

What is created (ids come back in ``Seed``):
- the store in euros with VAT-inclusive prices; region "France" (system payment provider);
  tax region FR: 20 % by default, 5.5 % for the product type "Alimentation";
- sales channels "Web" (the web shop) and "POS" (Comptoir's tills), a publishable key for
  each, and a secret key for Comptoir's sync;
- two stock locations (our store "Paris Rivoli", another "Lyon Bellecour"), each with a
  pickup fulfillment set, a service zone and a free "Retrait en magasin" shipping option;
- products whose variants carry EANs, a UPC, a bare barcode; stock at both locations;
- an active sale price list; a customer; a web cart (not completed); a pickup order at
  Paris Rivoli (stock reserved there).

``place_pickup_order`` and ``open_web_cart`` are reused by the tests to make more.
"""

from __future__ import annotations

import base64
import time
from dataclasses import dataclass, field
from typing import Any

import httpx

ADMIN_EMAIL = "admin@comptoir.test"
ADMIN_PASSWORD = "comptoir-admin-test"  # a throw-away server on 127.0.0.1 only

#: (sku, product title, variant title, codes, price in euros, food?, stock Paris, stock Lyon)
CATALOG: tuple[tuple[str, str, str, dict[str, str], str, bool, int, int], ...] = (
    ("CAFE-250", "Café moulu", "250 g", {"ean": "3017620422003"}, "4.99", True, 40, 10),
    ("THE-VERT-100", "Thé vert", "100 g", {"ean": "3560070976461"}, "3.90", True, 25, 5),
    ("TASSE-BLEUE", "Tasse bleue", "Bleue", {"ean": "4006381333931"}, "12.50", False, 8, 0),
    ("CARNET-A5", "Carnet A5", "A5", {"upc": "036000291452"}, "7.15", False, 30, 30),
    ("STYLO-NOIR", "Stylo noir", "Noir", {"barcode": "20012345"}, "1.99", False, 100, 50),
)
#: The sale price list: variant sku -> price in euros.
SALE_PRICES = {"THE-VERT-100": "2.99"}


class SeedError(RuntimeError):
    """Medusa refused a seeding call; the message carries its answer."""


@dataclass
class Seed:
    """Everything the adapter's settings and the tests need to know about the seeded store."""

    base_url: str
    secret_key: str
    web_publishable_key: str
    pos_publishable_key: str
    region_id: str
    web_sales_channel_id: str
    pos_sales_channel_id: str
    location_id: str  # our store: Paris Rivoli
    other_location_id: str  # Lyon Bellecour
    pickup_option_id: str
    other_pickup_option_id: str
    variants: dict[str, dict[str, Any]] = field(default_factory=dict)  # sku -> admin variant
    inventory_items: dict[str, str] = field(default_factory=dict)  # sku -> inventory item id
    price_list_id: str = ""
    customer_id: str = ""
    web_cart_id: str = ""
    pickup_order_id: str = ""


class MedusaAdmin:
    """A small admin client: JSON in, JSON out, any non-2xx raises ``SeedError``."""

    def __init__(self, base_url: str, *, token: str = "", secret_key: str = "") -> None:
        headers = {}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        elif secret_key:
            basic = base64.b64encode(f"{secret_key}:".encode()).decode()
            headers["Authorization"] = f"Basic {basic}"
        self.http = httpx.Client(base_url=base_url, headers=headers, timeout=60.0)

    @classmethod
    def login(cls, base_url: str, email: str = ADMIN_EMAIL, password: str = ADMIN_PASSWORD):
        response = httpx.post(
            f"{base_url}/auth/user/emailpass",
            json={"email": email, "password": password},
            timeout=30.0,
        )
        _check(response)
        return cls(base_url, token=response.json()["token"])

    def get(self, path: str, **params: Any) -> dict[str, Any]:
        return _check(self.http.get(path, params=params)).json()

    def post(self, path: str, body: dict[str, Any] | None = None, **params: Any) -> Any:
        return _check(self.http.post(path, json=body or {}, params=params)).json()

    def close(self) -> None:
        self.http.close()


class MedusaStore:
    """The store API as a shop front uses it, with one publishable key."""

    def __init__(self, base_url: str, publishable_key: str) -> None:
        self.http = httpx.Client(
            base_url=base_url, headers={"x-publishable-api-key": publishable_key}, timeout=60.0
        )

    def post(self, path: str, body: dict[str, Any] | None = None, **params: Any) -> Any:
        return _check(self.http.post(path, json=body or {}, params=params)).json()

    def get(self, path: str, **params: Any) -> Any:
        return _check(self.http.get(path, params=params)).json()

    def close(self) -> None:
        self.http.close()


def _check(response: httpx.Response) -> httpx.Response:
    if response.is_success:
        return response
    raise SeedError(
        f"{response.request.method} {response.request.url.path} -> "
        f"{response.status_code}: {response.text[:500]}"
    )


# -- the store's structure ------------------------------------------------------------


def seed(base_url: str) -> Seed:
    """Seed an empty, migrated Medusa with an admin user; return ids and keys."""
    admin = MedusaAdmin.login(base_url)
    try:
        return _seed(admin, base_url)
    finally:
        admin.close()


def _seed(admin: MedusaAdmin, base_url: str) -> Seed:
    store = admin.get("/admin/stores")["stores"][0]
    admin.post(
        f"/admin/stores/{store['id']}",
        {
            "name": "Comptoir Test",
            "supported_currencies": [
                {"currency_code": "eur", "is_default": True, "is_tax_inclusive": True}
            ],
        },
    )
    web = admin.post("/admin/sales-channels", {"name": "Web"})["sales_channel"]["id"]
    pos = admin.post("/admin/sales-channels", {"name": "POS"})["sales_channel"]["id"]
    region = admin.post(
        "/admin/regions",
        {
            "name": "France",
            "currency_code": "eur",
            "countries": ["fr"],
            "payment_providers": ["pp_system_default"],
            "automatic_taxes": True,
            "is_tax_inclusive": True,
        },
    )["region"]["id"]
    food_type = _taxes(admin)
    profile = admin.get("/admin/shipping-profiles")["shipping_profiles"][0]["id"]
    paris, paris_option = _location(admin, "Paris Rivoli", "75001", [web, pos], profile)
    lyon, lyon_option = _location(admin, "Lyon Bellecour", "69002", [web, pos], profile)
    secret = admin.post("/admin/api-keys", {"title": "Comptoir sync", "type": "secret"})
    seeded = Seed(
        base_url=base_url,
        secret_key=secret["api_key"]["token"],
        web_publishable_key=_publishable_key(admin, "Web shop", web),
        pos_publishable_key=_publishable_key(admin, "Comptoir tills", pos),
        region_id=region,
        web_sales_channel_id=web,
        pos_sales_channel_id=pos,
        location_id=paris,
        other_location_id=lyon,
        pickup_option_id=paris_option,
        other_pickup_option_id=lyon_option,
    )
    _catalog(admin, seeded, profile, food_type)
    seeded.price_list_id = _price_list(admin, seeded)
    seeded.customer_id = admin.post(
        "/admin/customers",
        {
            "email": "claire.martin@example.test",
            "first_name": "Claire",
            "last_name": "Martin",
            "phone": "+33612345678",
        },
    )["customer"]["id"]
    seeded.web_cart_id = open_web_cart(seeded, {"THE-VERT-100": 2, "CAFE-250": 1})
    seeded.pickup_order_id = place_pickup_order(seeded, {"TASSE-BLEUE": 1, "CAFE-250": 2})
    return seeded


def _taxes(admin: MedusaAdmin) -> str:
    """FR: 20 % by default, 5.5 % for the product type "Alimentation" (returned)."""
    food = admin.post("/admin/product-types", {"value": "Alimentation"})["product_type"]["id"]
    region = admin.post(
        "/admin/tax-regions",
        {
            "country_code": "fr",
            "provider_id": "tp_system",
            "default_tax_rate": {"rate": 20, "code": "FR20", "name": "TVA 20 %"},
        },
    )["tax_region"]["id"]
    admin.post(
        "/admin/tax-rates",
        {
            "tax_region_id": region,
            "rate": 5.5,
            "code": "FR055",
            "name": "TVA 5,5 %",
            "rules": [{"reference": "product_type", "reference_id": food}],
        },
    )
    return food


def _location(
    admin: MedusaAdmin, name: str, postal_code: str, channels: list[str], profile: str
) -> tuple[str, str]:
    """A stock location with a pickup fulfillment set and its free pickup option."""
    location = admin.post(
        "/admin/stock-locations",
        {
            "name": name,
            "address": {
                "address_1": f"Comptoir {name}",
                "city": name.split()[0],
                "country_code": "fr",
                "postal_code": postal_code,
            },
        },
    )["stock_location"]["id"]
    admin.post(f"/admin/stock-locations/{location}/sales-channels", {"add": channels})
    admin.post(
        f"/admin/stock-locations/{location}/fulfillment-providers", {"add": ["manual_manual"]}
    )
    sets = admin.post(
        f"/admin/stock-locations/{location}/fulfillment-sets",
        {"name": f"Retrait {name}", "type": "pickup"},
        fields="id,*fulfillment_sets",
    )["stock_location"]["fulfillment_sets"]
    zones = admin.post(
        f"/admin/fulfillment-sets/{sets[0]['id']}/service-zones",
        {"name": name, "geo_zones": [{"type": "country", "country_code": "fr"}]},
    )["fulfillment_set"]["service_zones"]
    option = admin.post(
        "/admin/shipping-options",
        {
            "name": f"Retrait en magasin {name}",
            "service_zone_id": zones[0]["id"],
            "shipping_profile_id": profile,
            "provider_id": "manual_manual",
            "price_type": "flat",
            "type": {"label": "Retrait", "description": "Click and collect", "code": "pickup"},
            "prices": [{"currency_code": "eur", "amount": 0}],
            "rules": [
                {"attribute": "enabled_in_store", "value": "true", "operator": "eq"},
                {"attribute": "is_return", "value": "false", "operator": "eq"},
            ],
        },
    )["shipping_option"]["id"]
    return location, option


def _publishable_key(admin: MedusaAdmin, title: str, channel: str) -> str:
    key = admin.post("/admin/api-keys", {"title": title, "type": "publishable"})["api_key"]
    admin.post(f"/admin/api-keys/{key['id']}/sales-channels", {"add": [channel]})
    return key["token"]


# -- catalog, stock, prices -------------------------------------------------------------


def _catalog(admin: MedusaAdmin, seeded: Seed, profile: str, food_type: str) -> None:
    channels = [{"id": seeded.web_sales_channel_id}, {"id": seeded.pos_sales_channel_id}]
    for sku, title, variant_title, codes, price, food, _, _ in CATALOG:
        body: dict[str, Any] = {
            "title": title,
            "status": "published",
            "shipping_profile_id": profile,
            "sales_channels": channels,
            "options": [{"title": "Format", "values": [variant_title]}],
            "variants": [
                {
                    "title": variant_title,
                    "sku": sku,
                    **codes,
                    "manage_inventory": True,
                    "prices": [{"currency_code": "eur", "amount": float(price)}],
                    "options": {"Format": variant_title},
                }
            ],
        }
        if food:
            body["type_id"] = food_type
        product = admin.post("/admin/products", body)["product"]
        seeded.variants[sku] = product["variants"][0]
    items = admin.get("/admin/inventory-items", limit=1000, fields="id,sku")["inventory_items"]
    seeded.inventory_items = {item["sku"]: item["id"] for item in items}
    levels = []
    for sku, *_, paris, lyon in CATALOG:
        item = seeded.inventory_items[sku]
        levels.append(
            {
                "inventory_item_id": item,
                "location_id": seeded.location_id,
                "stocked_quantity": paris,
            }
        )
        levels.append(
            {
                "inventory_item_id": item,
                "location_id": seeded.other_location_id,
                "stocked_quantity": lyon,
            }
        )
    admin.post("/admin/inventory-items/location-levels/batch", {"create": levels})


def _price_list(admin: MedusaAdmin, seeded: Seed) -> str:
    prices = [
        {"variant_id": seeded.variants[sku]["id"], "currency_code": "eur", "amount": float(p)}
        for sku, p in SALE_PRICES.items()
    ]
    return admin.post(
        "/admin/price-lists",
        {
            "title": "Soldes",
            "description": "Sale prices for everyone",
            "type": "sale",
            "status": "active",
            "prices": prices,
        },
    )["price_list"]["id"]


# -- web carts and pickup orders, as the web shop makes them ------------------------------


def open_web_cart(seeded: Seed, lines: dict[str, int], email: str = "") -> str:
    """A web cart (not completed) in the Web channel; returns its id."""
    shop = MedusaStore(seeded.base_url, seeded.web_publishable_key)
    try:
        cart = shop.post(
            "/store/carts",
            {
                "region_id": seeded.region_id,
                "email": email or "claire.martin@example.test",
                "items": [
                    {"variant_id": seeded.variants[sku]["id"], "quantity": qty}
                    for sku, qty in lines.items()
                ],
            },
            fields="id",
        )
        return cart["cart"]["id"]
    finally:
        shop.close()


def place_pickup_order(
    seeded: Seed, lines: dict[str, int], *, option_id: str = "", email: str = ""
) -> str:
    """A web order collected at a store (Paris Rivoli unless ``option_id``): returns its id.

    Completing the cart reserves its stock at the pickup option's location.
    """
    cart_id = open_web_cart(seeded, lines, email)
    shop = MedusaStore(seeded.base_url, seeded.web_publishable_key)
    try:
        shop.post(
            f"/store/carts/{cart_id}",
            {
                "shipping_address": {
                    "first_name": "Claire",
                    "last_name": "Martin",
                    "address_1": "Retrait en magasin",
                    "city": "Paris",
                    "country_code": "fr",
                    "postal_code": "75001",
                    "phone": "+33612345678",
                }
            },
            fields="id",
        )
        shop.post(
            f"/store/carts/{cart_id}/shipping-methods",
            {"option_id": option_id or seeded.pickup_option_id},
            fields="id",
        )
        collection = shop.post("/store/payment-collections", {"cart_id": cart_id})
        shop.post(
            f"/store/payment-collections/{collection['payment_collection']['id']}/payment-sessions",
            {"provider_id": "pp_system_default"},
            fields="id",
        )
        done = shop.post(f"/store/carts/{cart_id}/complete", fields="id")
        if done.get("type") != "order":
            raise SeedError(f"cart {cart_id} did not complete: {done}")
        order_id = done["order"]["id"]
    finally:
        shop.close()
    _wait_until_placed(seeded, order_id)
    return order_id


def _wait_until_placed(seeded: Seed, order_id: str) -> None:
    """Comptoir's plugin places a pickup order (its pickup code, its reservations moved to
    the store, what the store lacks) in an ``order.placed`` subscriber that runs after
    the cart's completion has answered, in one workflow: wait for its code (bounded), so a
    test reads the levels the order leaves, not those of a moment before. Without the
    plugin there is nothing to wait for."""
    admin = MedusaAdmin(seeded.base_url, secret_key=seeded.secret_key)
    try:
        if admin.http.get("/admin/comptoir/version").status_code == 404:
            return  # a Medusa without Comptoir's plugin: nothing will place it
        deadline = time.monotonic() + 30
        while True:
            order = admin.get(f"/admin/orders/{order_id}", fields="id,metadata")["order"]
            if isinstance((order.get("metadata") or {}).get("comptoir_pickup_code"), str):
                return
            if time.monotonic() > deadline:
                raise SeedError(f"order {order_id} was not placed for pickup by the plugin")
            time.sleep(0.1)
    finally:
        admin.close()


# -- a large catalog, for the benchmark -----------------------------------------------------


def ean13(number: int, prefix: str = "370") -> str:
    """A valid EAN-13 (check digit computed) from a running number."""
    body = f"{prefix}{number:09d}"
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


def seed_bulk_catalog(
    seeded: Seed,
    variants: int,
    *,
    per_product: int = 10,
    per_batch: int = 50,
    progress: Any = None,
) -> int:
    """``variants`` more variants (``per_product`` sizes of each product), published in
    both channels, with EANs and prices; no stock tracking (a catalog benchmark)."""
    admin = MedusaAdmin(seeded.base_url, secret_key=seeded.secret_key)
    channels = [{"id": seeded.web_sales_channel_id}, {"id": seeded.pos_sales_channel_id}]
    profile = admin.get("/admin/shipping-profiles")["shipping_profiles"][0]["id"]
    made = 0
    try:
        products = (variants + per_product - 1) // per_product
        for first in range(0, products, per_batch):
            batch = []
            for number in range(first, min(first + per_batch, products)):
                sizes = [f"T{size:02d}" for size in range(per_product)]
                batch.append(
                    {
                        "title": f"Article {number:05d}",
                        "status": "published",
                        "shipping_profile_id": profile,
                        "sales_channels": channels,
                        "options": [{"title": "Taille", "values": sizes}],
                        "variants": [
                            {
                                "title": size,
                                "sku": f"BULK-{number:05d}-{size}",
                                "ean": ean13(number * per_product + index),
                                "manage_inventory": False,
                                "prices": [
                                    {"currency_code": "eur", "amount": 1 + (number % 97) / 4}
                                ],
                                "options": {"Taille": size},
                            }
                            for index, size in enumerate(sizes)
                        ],
                    }
                )
            admin.post("/admin/products/batch", {"create": batch})
            made += per_product * len(batch)
            if progress:
                progress(made)
    finally:
        admin.close()
    return made
