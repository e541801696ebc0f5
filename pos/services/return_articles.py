"""Articles taken back without a receipt: found by their barcode, SKU or name, and priced
at what the return gives back, the lowest price this till sold them at over the last
``LOWEST_PRICE_DAYS`` days (the catalogue's price when lower, or when never sold), so a
customer cannot get more back than the article was ever worth here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from pos.domain.product import Product
from pos.services.checkout import Checkout
from pos.store import returns as local_returns

#: What a return without receipt is priced at: the lowest price of these last days.
LOWEST_PRICE_DAYS = 30


@dataclass(frozen=True, slots=True)
class ReturnArticle:
    """A product as a return without receipt would take it back: ``price_cents`` per unit
    (per kilogram for goods sold by weight)."""

    product: Product
    price_cents: int


def no_receipt_price(checkout: Checkout, product: Product, now: datetime) -> int:
    """The unit price a return without receipt gives back for ``product``."""
    since = (
        (now - timedelta(days=LOWEST_PRICE_DAYS))
        .isoformat(timespec="milliseconds")
        .replace("+00:00", "Z")
    )
    lowest = local_returns.lowest_recent_price(checkout.store.conn, product.id, since=since)
    return product.price_cents if lowest is None else min(lowest, product.price_cents)


def find_articles(
    checkout: Checkout, text: str, now: datetime, limit: int = 20
) -> list[ReturnArticle]:
    """The products ``text`` names: the one whose barcode or SKU it is (a scan), else
    those the till's product search finds; each with its no-receipt price."""
    text = text.strip()
    catalog = checkout.store.catalog
    exact = catalog.by_barcode(text) or catalog.by_sku(text) if text else None
    products = [exact] if exact is not None else checkout.search(text, limit) if text else []
    return [ReturnArticle(p, no_receipt_price(checkout, p, now)) for p in products]
