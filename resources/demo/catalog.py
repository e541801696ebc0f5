"""A deterministic French demo catalog: realistic names, prices, VAT, barcodes and PLUs.

Demos, screenshots and benchmarks need a store that looks real — accents, « œ »,
apostrophes, weighed goods, products with two barcodes, every French VAT rate — and that
is the same on every machine, from 3,000 products to 1,000,000 and more. So everything
derives from the product's index and ``random.Random(seed)`` (never the global random
generator, never ``hash()``), and the only I/O is reading the word lists in
``resources/demo/catalog_words.json``.

Names are composed from those lists (type × variety × qualifier × format, sometimes an
extra such as « lot de 2 ») with invented brands: about 57,000 distinct names in 1,000,000
products. Uniqueness does not rely on luck: SKUs and EAN-13s are bijections of the index,
and PLUs are numbered in order (at most 99,999, after which weighed goods stop being drawn).
"""

from __future__ import annotations

import json
import random
from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

__all__ = [
    "DEPARTMENTS",
    "DemoCustomer",
    "DemoDepartment",
    "DemoProduct",
    "demo_customers",
    "demo_products",
]


@dataclass(frozen=True, slots=True)
class DemoDepartment:
    """A shelf of the demo store; every product in it takes its VAT rate."""

    code: str
    name: str  # French, as the shop reads it
    vat_bp: int  # 2000 = 20 %, 1000 = 10 %, 550 = 5.5 %, 210 = 2.1 %
    name_en: str = ""  # English, for a till or a picking list in English


@dataclass(frozen=True, slots=True)
class DemoProduct:
    """One catalog entry, shaped like the ``products``/``barcodes``/``stock`` tables."""

    sku: str
    name: str
    brand: str
    department: str  # a DemoDepartment code
    price_cents: int  # VAT-inclusive; per kilogram when sold_by == "weight"
    vat_bp: int
    sold_by: str  # "unit" or "weight"
    barcodes: tuple[str, ...]  # valid, unique EAN-13s; empty for weighed goods
    plu: str | None  # 5-digit item code of GS1 variable-measure labels; weighed goods only
    stock: int  # units, or grams for weighed goods
    popularity: int  # 0–1000: a few best sellers, a long tail


@dataclass(frozen=True, slots=True)
class DemoCustomer:
    """A loyalty-card customer with invented, undeliverable contact details."""

    customer_id: str
    name: str
    email: str
    phone: str
    loyalty_points: int


DEPARTMENTS: tuple[DemoDepartment, ...] = (
    DemoDepartment("epicerie", "Épicerie", 550, "Grocery"),
    DemoDepartment("boissons", "Boissons sans alcool", 550, "Soft drinks"),
    DemoDepartment("cave", "Cave — vins et spiritueux", 2000, "Wine and spirits"),
    DemoDepartment(
        "coupe",
        "Frais à la coupe — fromages et charcuterie",
        550,
        "Deli counter — cheese and cooked meats",
    ),
    DemoDepartment("fruits_legumes", "Fruits et légumes", 550, "Fruit and vegetables"),
    DemoDepartment(
        "cremerie", "Crèmerie et frais libre-service", 550, "Dairy and chilled self-service"
    ),
    DemoDepartment("boulangerie", "Boulangerie — viennoiserie", 550, "Bakery and pastries"),
    DemoDepartment("traiteur", "Traiteur — snacking chaud", 1000, "Delicatessen — hot snacks"),
    DemoDepartment("hygiene", "Hygiène et beauté", 2000, "Health and beauty"),
    DemoDepartment("maison", "Maison et entretien", 2000, "Household and cleaning"),
    DemoDepartment("textile", "Textile", 2000, "Clothing and textiles"),
    DemoDepartment("presse", "Presse", 210, "Newspapers and magazines"),
    DemoDepartment("parapharmacie", "Parapharmacie", 2000, "Pharmacy and wellbeing"),
)

#: Share of the catalog per department. Weighed goods (``coupe`` and most of
#: ``fruits_legumes``) are about 5.6 %: a 1,000,000-product catalog uses ~56,000 PLUs.
_DEPARTMENT_SHARE: Mapping[str, float] = {
    "epicerie": 30,
    "boissons": 9,
    "cave": 6,
    "coupe": 2,
    "fruits_legumes": 5,
    "cremerie": 12,
    "boulangerie": 3,
    "traiteur": 3,
    "hygiene": 9,
    "maison": 9,
    "textile": 6,
    "presse": 2,
    "parapharmacie": 4,
}

#: Cents endings of French shelf prices (…,09 …,49 …,99).
_PRICE_ENDINGS = (9, 19, 29, 49, 59, 79, 90, 95, 99)
_SECOND_BARCODE_SHARE = 0.05  # a multipack or an old packaging code
_STORE_BRAND_DISCOUNT = 0.85  # store brands sit lower in the family's price range
_MAX_PLU = 99_999  # five digits in "2x IIIII VVVVV C"

# EAN-13 bodies are "3" + 11 digits below 8·10¹⁰, i.e. GS1 France prefixes 300–379. Keys
# 2i (main code) and 2i + 1 (second code) go through a permutation of that space: an affine
# map (multiplier coprime to 8·10¹⁰ = 2¹³·5¹⁰), a swap of the high and low digits (a
# mixed-radix bijection), another affine map. So codes are distinct by construction and
# consecutive products do not get visibly consecutive codes.
_EAN_BASE = 300_000_000_000
_EAN_SPACE = 80_000_000_000
_EAN_LOW = 100_000  # body = high · 10⁵ + low; swapped = low · 8·10⁵ + high
_EAN_HIGH = _EAN_SPACE // _EAN_LOW
_EAN_ROUNDS = ((7_368_787_373, 4_151_379_113), (2_718_281_829, 1_414_213_561))

_WORDS_PACKAGE = "resources.demo"
_WORDS_FILE = "catalog_words.json"


def _gs1_check_digit(digits: str) -> int:
    """GS1 mod-10 check digit: weights 3, 1, 3, … from the rightmost data digit."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return -total % 10


@cache
def _block_checks() -> tuple[int, ...]:
    """The check-digit contribution of each 4-digit block (weights 1, 3, 1, 3).

    A 12-digit body is three such blocks, so its check digit is the sum of three table
    entries mod 10: ~0.15 µs instead of ~2 µs digit by digit, 2 s saved at 1M products.
    """
    return tuple(_gs1_check_digit(f"{n:04d}") for n in range(10_000))


def _ean13(key: int, blocks: Sequence[int]) -> str:
    """The EAN-13 for ``key`` (0 ≤ key < 8·10¹⁰); distinct keys give distinct codes."""
    (mul1, add1), (mul2, add2) = _EAN_ROUNDS
    mixed = (key * mul1 + add1) % _EAN_SPACE
    mixed = (mixed % _EAN_LOW) * _EAN_HIGH + mixed // _EAN_LOW
    body = _EAN_BASE + (mixed * mul2 + add2) % _EAN_SPACE
    check = blocks[body // 100_000_000] + blocks[body // 10_000 % 10_000] + blocks[body % 10_000]
    return f"{body}{check % 10}"


def _price_points(low: int, high: int) -> tuple[int, ...]:
    """Every shelf price in [low, high] cents that ends like a real French price."""
    points = tuple(
        euros * 100 + cents
        for euros in range(low // 100, high // 100 + 1)
        for cents in _PRICE_ENDINGS
        if low <= euros * 100 + cents <= high
    )
    if not points:
        raise ValueError(f"No shelf price between {low} and {high} cents.")
    return points


def _price_tables(price: list[Any], formats: int) -> tuple[tuple[int, ...], ...]:
    """Price points per format: given one range per format, or one range cut in slices.

    A single range is cut in ``formats`` consecutive slices, smallest format cheapest.
    """
    if isinstance(price[0], list):
        if len(price) != formats:
            raise ValueError(f"{len(price)} price ranges for {formats} formats.")
        return tuple(_price_points(low, high) for low, high in price)
    points = _price_points(*price)
    n = len(points)
    return tuple(
        points[i * n // formats : max((i + 1) * n // formats, i * n // formats + 1)]
        for i in range(formats)
    )


@dataclass(frozen=True, slots=True)
class _Family:
    """A product family ready to draw from: name parts carry their leading space."""

    department: DemoDepartment
    types: tuple[str, ...]
    varieties: tuple[str, ...]
    qualifiers: tuple[str, ...]
    formats: tuple[str, ...]
    prices: tuple[tuple[int, ...], ...]  # shelf prices, one table per format
    extras: tuple[str, ...]
    extras_share: float  # 0.0 when there are no extras
    weighed: bool
    brands: tuple[str, ...]
    store_brand_share: float


@dataclass(frozen=True, slots=True)
class _Plan:
    """Families with cumulative draw weights: all of them, and unit goods only."""

    families: tuple[_Family, ...]
    cumulative: tuple[float, ...]
    unit_families: tuple[_Family, ...]
    unit_cumulative: tuple[float, ...]
    store_brands: tuple[str, ...]


@cache
def _words() -> dict[str, Any]:
    """The word lists, read once per process."""
    text = (files(_WORDS_PACKAGE) / _WORDS_FILE).read_text(encoding="utf-8")
    return json.loads(text)


def _spaced(parts: Sequence[str]) -> tuple[str, ...]:
    return tuple(f" {part}" if part else "" for part in parts)


def _cumulative(weights: Sequence[float]) -> tuple[float, ...]:
    """Running shares ending at exactly 1.0, so ``bisect_right(c, random())`` is in range."""
    total = sum(weights)
    running, out = 0.0, []
    for weight in weights:
        running += weight
        out.append(running / total)
    out[-1] = 1.0
    return tuple(out)


@cache
def _plan() -> _Plan:
    """Check the word lists against DEPARTMENTS and precompute what the loop needs."""
    words = _words()
    by_code = {department.code: department for department in DEPARTMENTS}
    if set(words["departments"]) != set(by_code) or set(_DEPARTMENT_SHARE) != set(by_code):
        raise ValueError(f"{_WORDS_FILE} and DEPARTMENTS do not name the same departments.")
    families: list[_Family] = []
    weights: list[float] = []
    for code, entry in words["departments"].items():
        raw_families = entry["families"]
        department_weight = sum(raw["weight"] for raw in raw_families)
        for raw in raw_families:
            types = raw["type"] if isinstance(raw["type"], list) else [raw["type"]]
            weighed = raw.get("sold_by", "unit") == "weight"
            if weighed and raw["formats"] != [""]:
                raise ValueError(f"Weighed {types[0]!r} is priced per kg: it has no format.")
            extras = _spaced(raw.get("extras", entry["extras"]))
            families.append(
                _Family(
                    department=by_code[code],
                    types=tuple(types),
                    varieties=_spaced(raw["varieties"]),
                    qualifiers=_spaced(raw["qualifiers"]),
                    formats=_spaced(raw["formats"]),
                    prices=_price_tables(raw["price"], len(raw["formats"])),
                    extras=extras,
                    extras_share=float(entry["extras_share"]) if extras else 0.0,
                    weighed=weighed,
                    brands=tuple(raw.get("brands", entry["brands"])),
                    store_brand_share=float(entry["store_brand_share"]),
                )
            )
            weights.append(_DEPARTMENT_SHARE[code] * raw["weight"] / department_weight)
    unit = [i for i, family in enumerate(families) if not family.weighed]
    return _Plan(
        families=tuple(families),
        cumulative=_cumulative(weights),
        unit_families=tuple(families[i] for i in unit),
        unit_cumulative=_cumulative([weights[i] for i in unit]),
        store_brands=tuple(words["store_brands"]),
    )


def demo_products(count: int = 3000, seed: int = 42) -> Iterator[DemoProduct]:
    """Yield ``count`` products, the same for the same ``seed`` on every run and machine.

    The n first products do not depend on ``count``, so a bigger catalog extends a smaller
    one. Weighed goods (PLU, no EAN) are drawn until the 99,999 PLUs are spent — near
    1.8 million products — and only unit goods after that.
    """
    if count < 0:
        raise ValueError(f"count must be >= 0, not {count}.")
    plan = _plan()
    blocks = _block_checks()
    store_brands = plan.store_brands
    families, cumulative = plan.families, plan.cumulative
    rand = random.Random(seed).random
    next_plu = 1
    for index in range(count):
        family = families[bisect_right(cumulative, rand())]
        if family.weighed and next_plu > _MAX_PLU:
            families, cumulative = plan.unit_families, plan.unit_cumulative
            family = families[bisect_right(cumulative, rand())]

        types, varieties, qualifiers = family.types, family.varieties, family.qualifiers
        formats = family.formats
        format_index = int(rand() * len(formats))
        name = (
            types[int(rand() * len(types))]
            + varieties[int(rand() * len(varieties))]
            + qualifiers[int(rand() * len(qualifiers))]
            + formats[format_index]
        )
        if rand() < family.extras_share:
            extras = family.extras
            name += extras[int(rand() * len(extras))]
        position = rand()
        if rand() < family.store_brand_share:
            brand = store_brands[int(rand() * len(store_brands))]
            position *= _STORE_BRAND_DISCOUNT
        else:
            brand = family.brands[int(rand() * len(family.brands))]
        prices = family.prices[format_index]
        price = prices[int(position * len(prices))]

        if family.weighed:
            sold_by, barcodes, plu = "weight", (), f"{next_plu:05d}"
            next_plu += 1
            stock = 1000 + 10 * int(rand() * 3900)  # 1 to 40 kg, to the 10 g
        else:
            sold_by, plu = "unit", None
            if rand() < _SECOND_BARCODE_SHARE:
                barcodes = (_ean13(2 * index, blocks), _ean13(2 * index + 1, blocks))
            else:
                barcodes = (_ean13(2 * index, blocks),)
            r = rand()
            stock = int(r * r * 240)  # a few out of stock, most shelves half full
        popularity = int(1001 * rand() ** 6)  # median ≈ 15, about 2 % above 900

        yield DemoProduct(
            f"SKU{index + 1:07d}",
            name,
            brand,
            family.department.code,
            price,
            family.department.vat_bp,
            sold_by,
            barcodes,
            plu,
            stock,
            popularity,
        )


#: Phones are in 06 39 98 xx xx, the mobile block ARCEP keeps for fiction; emails use the
#: reserved example.com / example.fr domains.
_CUSTOMERS: tuple[DemoCustomer, ...] = (
    DemoCustomer("CLI-0001", "Aurélie Fabre", "aurelie.fabre@example.fr", "06 39 98 12 34", 1250),
    DemoCustomer("CLI-0002", "Jérôme Lefèvre", "jerome.lefevre@example.com", "06 39 98 20 47", 80),
    DemoCustomer("CLI-0003", "Chloé Benoît", "chloe.benoit@example.fr", "06 39 98 31 09", 455),
    DemoCustomer("CLI-0004", "François Mercier", "f.mercier@example.fr", "06 39 98 44 72", 0),
    DemoCustomer("CLI-0005", "Hélène Dubœuf", "helene.duboeuf@example.com", "06 39 98 52 18", 2310),
    DemoCustomer("CLI-0006", "Maëlle Le Goff", "maelle.legoff@example.fr", "06 39 98 63 90", 640),
    DemoCustomer("CLI-0007", "Noël d'Arcy", "noel.darcy@example.com", "06 39 98 70 05", 35),
    DemoCustomer("CLI-0008", "Zoé Perrin", "zoe.perrin@example.fr", "06 39 98 81 26", 1780),
    DemoCustomer("CLI-0009", "Loïc Marchand", "loic.marchand@example.fr", "06 39 98 93 41", 310),
    DemoCustomer("CLI-0010", "Inès Haddad", "ines.haddad@example.com", "06 39 98 05 63", 975),
)


def demo_customers() -> tuple[DemoCustomer, ...]:
    """Ten loyalty customers with invented French names (accents, « œ », an apostrophe)."""
    return _CUSTOMERS
