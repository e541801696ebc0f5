"""Tiny catalog rows for the store tests: shaped like what ``load_catalog`` accepts."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Dept:
    code: str
    name: str
    vat_bp: int


@dataclass(frozen=True)
class Item:
    sku: str
    name: str
    brand: str = ""
    department: str | None = "EPI"
    price_cents: int = 199
    vat_bp: int = 550
    sold_by: str = "unit"
    barcodes: tuple[str, ...] = ()
    plu: str | None = None
    stock: int = 0
    popularity: int = 0
