"""Feed items shaped like the contract's models, for store-side tests without a server."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Product:
    id: int
    sku: str
    name: str
    brand: str = ""
    department: str | None = "epicerie"
    price_cents: int = 199
    vat_bp: int = 550
    sold_by: str = "unit"
    plu: str | None = None
    barcodes: tuple[str, ...] = ()
    active: bool = True
    version: int = 1
    popularity: int = 0


@dataclass(frozen=True)
class Stock:
    product_id: int
    sku: str
    on_hand: int
    reserved: int = 0
    version: int = 1


@dataclass(frozen=True)
class Customer:
    id: str
    name: str
    email: str = ""
    phone: str = ""
    loyalty_points: int = 0
    active: bool = True
    version: int = 1


@dataclass(frozen=True)
class Promotion:
    id: int
    name: str
    kind: str = "percent"
    value: int = 1000
    skus: tuple[str, ...] = ()
    starts_at: str = "2025-01-01T00:00:00.000Z"
    ends_at: str = "2035-01-01T00:00:00.000Z"
    active: bool = True
    version: int = 1


def products(first: int, count: int, *, price: int = 199) -> list[Product]:
    """``count`` products from id ``first``, each with one barcode."""
    return [
        Product(i, f"SKU{i:07d}", f"Produit numéro {i}", "Marque", price_cents=price,
                barcodes=(f"{3760000000000 + i}",))
        for i in range(first, first + count)
    ]  # fmt: skip
