"""Till sales built with the till's own domain code (``pos.domain``), and what Medusa made
of them, for the exact-order tests (``tests/integration/medusa/test_medusa_exact_sales.py``).
"""

from __future__ import annotations

import dataclasses
import random
import uuid
from collections import defaultdict
from decimal import Decimal
from typing import Any

from pos.domain.basket import Basket
from pos.domain.chain_entry import GENESIS, TICKET, ChainEntry
from pos.domain.discount import Discount
from pos.domain.product import Product, SoldBy
from pos.domain.tenders import Payment, TenderKind
from pos.store.sale_codec import canonical_json
from pos.store.signing_key import SigningKey
from sync.medusa.money import decimal_of, to_cents
from sync.medusa.sales import payload_text
from sync.ports import OutgoingOperation
from tests.medusa.seed import MedusaAdmin, Seed
from tests.support.sale_ops import GENESIS_HASH, chain_hash

WEIGHED_SKU = "COMTE-AOP"


def product_of(item: Any) -> Product:
    """The till's product for a catalog item pulled from Medusa."""
    return Product(
        id=item.id,
        sku=item.sku,
        name=item.name,
        price_cents=item.price_cents,
        vat_bp=item.vat_bp,
        sold_by=SoldBy(item.sold_by),
    )


#: This module's own goods (sku, title, price in euros, food?, sold by weight?), stocked
#: apart from the seeded ones so that thousands of sales leave the other tests' stock be.
PRODUCTS = (
    ("EXACT-CONFITURE", "Confiture abricot", 4.35, True, False),
    ("EXACT-BISCUITS", "Biscuits sablés", 2.89, True, False),
    ("EXACT-BOUGIE", "Bougie parfumée", 14.9, False, False),
    ("EXACT-TORCHON", "Torchon lin", 6.5, False, False),
    (WEIGHED_SKU, "Comté AOP 18 mois", 28.9, True, True),
)
PARIS_STOCK = 1_000_000  # units, or grams for the cheese
LYON_STOCK = 50


def add_products(admin: MedusaAdmin, seed: Seed) -> None:
    """``PRODUCTS`` in both channels, stocked at both locations (Lyon: a little)."""
    if admin.get("/admin/product-variants", sku=WEIGHED_SKU)["variants"]:
        return
    profile = admin.get("/admin/shipping-profiles")["shipping_profiles"][0]["id"]
    food = admin.get("/admin/product-types", value="Alimentation")["product_types"][0]["id"]
    for sku, title, price, is_food, weighed in PRODUCTS:
        body: dict[str, Any] = {
            "title": title,
            "status": "published",
            "shipping_profile_id": profile,
            "sales_channels": [
                {"id": seed.web_sales_channel_id},
                {"id": seed.pos_sales_channel_id},
            ],
            "options": [{"title": "Format", "values": ["Standard"]}],
            "variants": [
                {
                    "title": "Standard",
                    "sku": sku,
                    "manage_inventory": True,
                    "metadata": {"comptoir_sold_by": "weight"} if weighed else {},
                    "prices": [{"currency_code": "eur", "amount": price}],
                    "options": {"Format": "Standard"},
                }
            ],
        }
        if is_food:
            body["type_id"] = food
        variant = admin.post("/admin/products", body)["product"]["variants"][0]["id"]
        found = admin.get(
            "/admin/product-variants", id=variant, fields="id,inventory_items.inventory_item_id"
        )["variants"]
        item = found[0]["inventory_items"][0]["inventory_item_id"]
        for location, stock in (
            (seed.location_id, PARIS_STOCK),
            (seed.other_location_id, LYON_STOCK),
        ):
            admin.post(
                f"/admin/inventory-items/{item}/location-levels",
                {"location_id": location, "stocked_quantity": stock},
            )
        seed.inventory_items[sku] = item


def _fresh_terminal() -> str:
    return f"TX-{uuid.uuid4().hex[:8]}"


@dataclasses.dataclass
class TillChain:
    """One terminal's ticket chain: each sale is signed after the previous one, as the
    till's checkout seals it (``seal``: its ticket-chain entry, without the body, which
    is the sale record). ``legacy``: the hash journal seal of an older till's outbox.
    Each chain is its own terminal unless named: Medusa witnesses a terminal's chain
    once its key is registered (``register``)."""

    terminal_id: str = dataclasses.field(default_factory=_fresh_terminal)
    legacy: bool = False
    key: SigningKey = dataclasses.field(default_factory=SigningKey.generate)
    ticket_no: int = 0
    head: str = GENESIS_HASH
    last_sig: str = GENESIS
    grand_total: int = 0

    def register(self, admin: MedusaAdmin) -> None:
        """Register this terminal's key with Comptoir's plugin, as ``link-medusa`` does."""
        key = {"key_id": self.key.key_id, "public_pem": self.key.public_pem}
        admin.post(f"/admin/comptoir/terminals/{self.terminal_id}/keys", {"keys": [key]})

    def operation(self, sale_id: str, basket: Basket, payment: Payment) -> OutgoingOperation:
        totals = basket.totals()
        self.ticket_no += 1
        lines = []
        for line in basket.sale_lines():
            record = dataclasses.asdict(line)
            record["sold_by"] = str(line.sold_by)
            del record["customer_order"]  # v5's customer_order_id: none paid here
            if not record["promotions"]:  # v4 only: a line some promotion took from
                del record["promotions"]
            lines.append(record)
        sale = {
            "v": 4 if any("promotions" in line for line in lines) else 1,
            "id": sale_id,
            "terminal_id": self.terminal_id,
            "ticket_no": self.ticket_no,
            "cashier": "Camille",
            "started_at": "2026-12-05T09:00:00.000Z",
            "completed_at": "2026-12-05T09:01:00.000Z",
            "total_cents": totals.total_cents,
            "change_cents": payment.change_cents,
            "lines": lines,
            "tenders": [
                {"seq": n, "kind": t.kind, "amount_cents": t.amount_cents, "reference": t.reference}
                for n, t in enumerate(payment.tenders, start=1)
            ],
            "vat": [dataclasses.asdict(v) for v in totals.vat],
        }
        self.grand_total += totals.total_cents
        if self.legacy:
            prev, self.head = self.head, chain_hash(self.head, sale)
            journal = {
                "seq": self.ticket_no,
                "hash": self.head,
                "prev_hash": prev,
                "grand_total_cents": self.grand_total,
            }
            payload: dict[str, Any] = {"journal": journal, "sale": sale}
        else:
            entry = ChainEntry(
                self.terminal_id, TICKET, self.ticket_no, "sale", sale_id,
                sale["completed_at"], self.key.key_id, self.last_sig, canonical_json(sale),
            )  # fmt: skip
            entry = entry.signed(self.key.sign(entry.signed_bytes()))
            self.last_sig = entry.sig
            seal = {name: getattr(entry, name) for name in ChainEntry.__slots__}
            del seal["body"]
            payload = {"sale": sale, "seal": seal}
        return OutgoingOperation(sale_id, self.ticket_no, "sale", payload_text(payload))


def random_basket(rng: random.Random, products: list[Product]) -> tuple[Basket, Payment]:
    """1 to 6 lines, weighed goods, line and ticket discounts, 1 to 3 tenders."""
    basket = Basket()
    for product in rng.sample(products, rng.randint(1, min(6, len(products)))):
        if product.sold_by is SoldBy.WEIGHT:
            line = basket.add(product, rng.randint(5, 2500))
        else:
            line = basket.add(product, rng.randint(1, 4))
        roll = rng.random()
        if roll < 0.25:
            basket.set_line_discount(
                line.line_id, Discount.percent(rng.choice([500, 1000, 1500, 3333]))
            )
        elif roll < 0.35 and line.gross_cents > 10:
            basket.set_line_discount(
                line.line_id, Discount.amount(rng.randint(1, line.gross_cents // 2))
            )
    if rng.random() < 0.3:
        basket.set_ticket_discount(Discount.percent(rng.choice([300, 500, 1000, 1250])))
    elif rng.random() < 0.15:
        basket.set_ticket_discount(Discount.amount(rng.randint(1, 150)))
    return basket, pay(rng, basket.totals().total_cents)


def pay(rng: random.Random, total: int) -> Payment:
    payment = Payment(total)
    if total == 0:
        return payment
    if rng.random() < 0.4 and total > 2:
        payment.add(TenderKind.CARD, rng.randint(1, total - 1))
    if rng.random() < 0.2 and payment.remaining_cents > 1:
        payment.add(TenderKind.VOUCHER, rng.randint(1, payment.remaining_cents - 1))
    if rng.random() < 0.5:
        due = payment.remaining_cents
        payment.add(TenderKind.CASH, due + rng.choice([0, 0, 1, 50, 500, 1000]))
    elif payment.remaining_cents:
        payment.add(TenderKind.CARD, payment.remaining_cents)
    return payment


ORDER_FIELDS = (
    "id,status,total,tax_total,metadata,items.id,items.quantity,items.unit_price,"
    "items.total,items.tax_total,items.tax_lines.rate,items.metadata"
)


def plugin_orders(admin: MedusaAdmin) -> dict[str, dict[str, Any]]:
    """Every order the plugin recorded, by till sale id."""
    found: dict[str, dict[str, Any]] = {}
    offset = 0
    while True:
        page = admin.get("/admin/orders", limit=100, offset=offset, fields=ORDER_FIELDS)["orders"]
        for order in page:
            metadata = order.get("metadata") or {}
            if metadata.get("comptoir_recorded_by") == "plugin":
                assert metadata["comptoir_sale_id"] not in found, "two orders for one sale"
                found[metadata["comptoir_sale_id"]] = order
        if len(page) < 100:
            return found
        offset += len(page)


def tax_by_rate(order: dict[str, Any]) -> dict[int, int]:
    """Medusa's unrounded tax per rate (bp), rounded once to cents."""
    sums: dict[int, Decimal] = defaultdict(Decimal)
    for item in order["items"]:
        [line] = item["tax_lines"]
        bp = int((Decimal(str(line["rate"])) * 100).to_integral_value())
        sums[bp] += decimal_of(item["tax_total"])
    return {bp: to_cents(str(amount)) for bp, amount in sums.items()}
