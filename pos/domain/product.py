"""What the basket needs to know about a product: a snapshot, frozen at the moment of sale.

A line keeps the ``Product`` it was added with, so a catalog change or a central deletion
mid-sale never changes an open basket (the central API is the authority for later sales).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SoldBy(StrEnum):
    """How a quantity is counted: whole units, or grams for weighed goods."""

    UNIT = "unit"
    WEIGHT = "weight"


@dataclass(frozen=True, slots=True)
class Product:
    """A catalog entry as sold. ``price_cents`` is VAT-inclusive, per unit or per kilogram."""

    id: int
    sku: str
    name: str
    price_cents: int
    vat_bp: int  # VAT rate in basis points: 2000 = 20 %, 550 = 5.5 %
    sold_by: SoldBy = SoldBy.UNIT
    brand: str = ""
    department: str = ""
