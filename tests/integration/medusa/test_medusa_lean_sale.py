"""The plugin records a fresh sale in one lean workflow of Medusa's own steps (issue 11,
the drain): the order it leaves must be the one Medusa's own flows make for the same
basket (`createOrderWorkflow`, reservations, payment collection marked paid, fulfilment,
completion: the plugin's ``order-floor.js``), field for field, but for the till's tax
lines (the plugin's own, from the receipt; the floor keeps Medusa's, none in this
region) and what derives from them (subtotals), and the sale's ids.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from sync.medusa.plugin_sales import sale_translator
from tests.medusa.helpers import (
    catalog_by_sku,
    ensure_stock,
    level_at,
    orders_of_sale,
    sale_operation,
)
from tests.medusa.seed import MedusaAdmin, Seed
from tests.support.medusa_peer import CLI, MEDUSA_DIR, MedusaPeer

pytestmark = pytest.mark.medusa

FLOOR_SCRIPT = "node_modules/comptoir-medusa-plugin/.medusa/server/src/scripts/order-floor.js"

ORDER_FIELDS = ",".join(
    [
        "id",
        "status",
        "currency_code",
        "region_id",
        "sales_channel_id",
        "email",
        "customer_id",
        "total",
        "discount_total",
        "item_total",
        "shipping_total",
        "payment_status",
        "fulfillment_status",
        "summary.*",
        "items.*",
        "items.adjustments.*",
        "items.detail.*",
        "payment_collections.*",
        "payment_collections.payments.*",
        "payment_collections.payments.captures.*",
        "fulfillments.*",
        "fulfillments.items.*",
        "transactions.*",
    ]
)

#: Per item: what Medusa's own flows fill in, compared between the two orders.
ITEM_FIELDS = [
    "title",
    "subtitle",
    "thumbnail",
    "product_id",
    "product_title",
    "product_description",
    "product_subtitle",
    "product_type",
    "product_type_id",
    "product_collection",
    "product_handle",
    "variant_id",
    "variant_sku",
    "variant_barcode",
    "variant_title",
    "variant_option_values",
    "is_discountable",
    "is_giftcard",
    "requires_shipping",
    "is_tax_inclusive",
    "is_custom_price",
    "compare_at_unit_price",
    "unit_price",
    "quantity",
    "total",
    "discount_total",
    "original_total",
]


def floor_order(peer: MedusaPeer, seed: Seed, payload: dict[str, Any], folder: Path) -> str:
    """The order Medusa's own workflows make for ``payload`` (``order-floor.ts``)."""
    scope = {
        "terminal_id": "T01",
        "sales_channel_id": seed.pos_sales_channel_id,
        "stock_location_id": seed.location_id,
        "region_id": seed.region_id,
    }
    given, answer = folder / "floor-in.json", folder / "floor-out.json"
    given.write_text(json.dumps({"scope": scope, "sales": [payload]}))
    done = subprocess.run(
        [peer._node, str(CLI), "exec", FLOOR_SCRIPT, str(given), str(answer)],
        cwd=MEDUSA_DIR,
        env=peer._env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0 and answer.exists(), done.stdout[-3000:] + done.stderr[-3000:]
    [order_id] = json.loads(answer.read_text())["orders"]
    return order_id


def shape(admin: MedusaAdmin, order_id: str) -> dict[str, Any]:
    """An order as Medusa's admin API gives it, without what differs by nature (ids,
    times, the sale's metadata, the tax lines) and in a stable order."""
    order = admin.get(f"/admin/orders/{order_id}", fields=ORDER_FIELDS)["order"]
    items = sorted(order["items"], key=lambda i: i["metadata"]["comptoir_line_no"])
    by_item = {item["id"]: n for n, item in enumerate(items)}
    return {
        "order": {
            k: order[k]
            for k in [
                "status",
                "currency_code",
                "region_id",
                "sales_channel_id",
                "email",
                "customer_id",
                "total",
                "discount_total",
                "item_total",
                "shipping_total",
                "payment_status",
                "fulfillment_status",
            ]
        },
        "summary": {
            k: v
            for k, v in order["summary"].items()
            if k
            in (
                "paid_total",
                "refunded_total",
                "pending_difference",
                "current_order_total",
                "original_order_total",
                "transaction_total",
                "accounting_total",
            )
        },
        "items": [
            {
                **{k: item.get(k) for k in ITEM_FIELDS},
                "line_metadata": item["metadata"],
                "fulfilled": item["detail"]["fulfilled_quantity"],
                "adjustments": sorted(
                    (a["description"], a["amount"], a.get("code"), a["is_tax_inclusive"])
                    for a in item["adjustments"]
                ),
            }
            for item in items
        ],
        "payments": sorted(
            (
                c["amount"],
                c["status"],
                c["currency_code"],
                [
                    (p["amount"], p["provider_id"], [x["amount"] for x in p["captures"]])
                    for p in c["payments"]
                ],
            )
            for c in order["payment_collections"]
        ),
        "transactions": sorted((t["amount"], t["reference"]) for t in order["transactions"]),
        "fulfillments": [
            {
                "location_id": f["location_id"],
                "provider_id": f["provider_id"],
                "shipping_option_id": f["shipping_option_id"],
                "requires_shipping": f["requires_shipping"],
                "canceled": f["canceled_at"] is not None,
                "items": sorted(
                    (
                        by_item[i["line_item_id"]],
                        i["title"],
                        i["sku"],
                        i["barcode"],
                        i["quantity"],
                        i["inventory_item_id"],
                    )
                    for i in f["items"]
                ),
            }
            for f in order["fulfillments"]
        ],
    }


def test_a_plugin_sale_is_the_order_medusa_s_own_workflows_make(
    backend, admin: MedusaAdmin, seed: Seed, medusa_peer: MedusaPeer, tmp_path: Path
) -> None:
    items = catalog_by_sku(backend)
    for sku in ("CAFE-250", "CARNET-A5"):
        ensure_stock(admin, seed, sku, 10)
    operation = sale_operation("S-T01-lean-1", [(items["CAFE-250"], 2), (items["CARNET-A5"], 1)])
    before = level_at(admin, seed, "CAFE-250")
    [outcome] = backend.push([operation])
    assert outcome.status == "accepted", outcome
    after = level_at(admin, seed, "CAFE-250")
    assert after["stocked"] == before["stocked"] - 2  # taken at our location, once
    assert after["reserved"] == before["reserved"]  # the sale's reservations consumed

    payload = sale_translator(backend.state)(operation)
    payload["sale"]["id"] = "FLOOR-S-T01-lean-1"
    floor_id = floor_order(medusa_peer, seed, payload, tmp_path)
    [plugin_order] = orders_of_sale(admin, "S-T01-lean-1")
    plugin, floor = shape(admin, plugin_order["id"]), shape(admin, floor_id)
    assert plugin["order"]["status"] == "completed"
    assert plugin["order"]["fulfillment_status"] == "fulfilled"
    assert plugin["order"]["payment_status"] == "captured"
    for part in ("order", "summary", "items", "payments", "transactions", "fulfillments"):
        assert plugin[part] == floor[part], part

    # The tax lines are the till's (the receipt's rates), one per item.
    fields = "items.tax_lines.*,items.metadata"
    order = admin.get(f"/admin/orders/{plugin_order['id']}", fields=fields)
    for item in order["order"]["items"]:
        [tax] = item["tax_lines"]
        assert tax["rate"] == item["metadata"]["comptoir_vat_bp"] / 100
        assert tax["code"] == f"FR{item['metadata']['comptoir_vat_bp']:04d}"
