"""The demo catalog: deterministic, unique codes at scale, valid EAN-13s, French VAT and text."""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from itertools import pairwise
from math import gcd

import pytest

from pos.domain.vat import FRENCH_RATES
from resources.demo import catalog as demo_catalog
from resources.demo.catalog import (
    DEPARTMENTS,
    DemoProduct,
    demo_customers,
    demo_products,
)

BIG = 200_000
SHELF_ENDINGS = {9, 19, 29, 49, 59, 79, 90, 95, 99}
EXPECTED_VAT = {
    "epicerie": 550,
    "boissons": 550,
    "cave": 2000,
    "coupe": 550,
    "fruits_legumes": 550,
    "cremerie": 550,
    "boulangerie": 550,
    "traiteur": 1000,
    "hygiene": 2000,
    "maison": 2000,
    "textile": 2000,
    "presse": 210,
    "parapharmacie": 2000,
}


def ean13_is_valid(code: str) -> bool:
    """Independent of the module: the weighted sum of all 13 digits is a multiple of 10."""
    if len(code) != 13 or not code.isdigit():
        return False
    return sum(int(digit) * (3 if i % 2 else 1) for i, digit in enumerate(code)) % 10 == 0


def search_key(text: str) -> str:
    """Lower case without accents, as a prefix search compares names."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@pytest.fixture(scope="module")
def small() -> list[DemoProduct]:
    return list(demo_products())


@pytest.fixture(scope="module")
def big() -> list[DemoProduct]:
    return list(demo_products(BIG))


# --- Determinism and counts -------------------------------------------------------------


def test_same_seed_gives_the_same_catalog() -> None:
    assert list(demo_products(2000, seed=7)) == list(demo_products(2000, seed=7))


def test_another_seed_gives_another_catalog() -> None:
    first = [p.name for p in demo_products(200, seed=1)]
    second = [p.name for p in demo_products(200, seed=2)]
    assert first != second


def test_a_bigger_catalog_extends_a_smaller_one(small: list[DemoProduct]) -> None:
    assert list(demo_products(500)) == small[:500]


def test_pinned_output_is_the_same_on_every_machine() -> None:
    # Guards against anything platform- or version-dependent (global random, hash(),
    # set order). Editing catalog_words.json legitimately changes these: update them.
    products = list(demo_products(3, seed=42))
    products.append(next(p for p in demo_products(200, seed=42) if p.plu))
    assert [(p.sku, p.name, p.price_cents, p.barcodes, p.plu) for p in products] == [
        (
            "SKU0000001",
            "Quenelles nature lyonnaises × 6",
            349,
            ("3755893808383", "3165143961902"),
            None,
        ),
        ("SKU0000002", "Pâtes linguine complètes 500 g", 190, ("3374394115426",), None),
        ("SKU0000003", "Le Petit Explorateur numéro double", 719, ("3792894422460",), None),
        ("SKU0000038", "Poires Passe-Crassane catégorie 1", 419, (), "00001"),
    ]


@pytest.mark.parametrize("count", [0, 1, 17, 3000])
def test_count(count: int) -> None:
    assert sum(1 for _ in demo_products(count)) == count


def test_default_count_is_3000(small: list[DemoProduct]) -> None:
    assert len(small) == 3000


def test_negative_count_is_refused() -> None:
    with pytest.raises(ValueError, match="count"):
        list(demo_products(-1))


# --- Uniqueness at scale ----------------------------------------------------------------


def test_skus_are_unique(big: list[DemoProduct]) -> None:
    skus = [p.sku for p in big]
    assert len(set(skus)) == BIG
    assert all(re.fullmatch(r"SKU\d{7}", sku) for sku in skus)


def test_barcodes_are_unique_across_the_catalog(big: list[DemoProduct]) -> None:
    codes = [code for p in big for code in p.barcodes]
    assert len(codes) > BIG * 0.9
    assert len(set(codes)) == len(codes)


def test_plus_are_unique_five_digit_codes(big: list[DemoProduct]) -> None:
    plus = [p.plu for p in big if p.plu is not None]
    assert plus, "a catalog this size has weighed goods"
    assert len(set(plus)) == len(plus)
    assert all(re.fullmatch(r"\d{5}", plu) and plu != "00000" for plu in plus)


def test_weighed_goods_stay_few_enough_for_a_million_products(big: list[DemoProduct]) -> None:
    weighed = sum(p.sold_by == "weight" for p in big)
    assert 0.03 * BIG < weighed < 0.07 * BIG  # about 56,000 of 99,999 PLUs at 1,000,000


def test_once_plus_run_out_only_unit_goods_are_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(demo_catalog, "_MAX_PLU", 50)
    products = list(demo_products(5000))
    plus = [p.plu for p in products if p.plu is not None]
    assert sorted(plus) == [f"{n:05d}" for n in range(1, 51)]
    assert all(p.barcodes for p in products if p.plu is None)
    assert len(products) == 5000


# --- Barcodes ---------------------------------------------------------------------------


def test_the_independent_checker_itself() -> None:
    assert ean13_is_valid("4006381333931")
    assert ean13_is_valid("9780306406157")
    assert not ean13_is_valid("4006381333932")
    assert not ean13_is_valid("400638133393")


def test_every_barcode_is_a_valid_gs1_france_ean13(big: list[DemoProduct]) -> None:
    codes = [code for p in big for code in p.barcodes]
    assert all(ean13_is_valid(code) for code in codes)
    assert all(300 <= int(code[:3]) <= 379 for code in codes)


def test_the_barcode_map_is_a_bijection_by_construction() -> None:
    # Collisions of a non-bijective map would only show between keys 4·10¹⁰ apart, far
    # beyond any catalog a test can build: check the arithmetic that rules them out.
    space = demo_catalog._EAN_SPACE
    assert all(gcd(multiplier, space) == 1 for multiplier, _ in demo_catalog._EAN_ROUNDS)
    assert space == demo_catalog._EAN_LOW * demo_catalog._EAN_HIGH
    assert demo_catalog._EAN_BASE + space == 380_000_000_000  # prefixes 300–379


def test_about_five_percent_have_a_second_barcode(big: list[DemoProduct]) -> None:
    unit = [p for p in big if p.sold_by == "unit"]
    counts = Counter(len(p.barcodes) for p in unit)
    assert set(counts) == {1, 2}
    assert 0.04 < counts[2] / len(unit) < 0.06


def test_consecutive_products_do_not_get_consecutive_codes(small: list[DemoProduct]) -> None:
    firsts = [int(p.barcodes[0][:12]) for p in small[:200] if p.barcodes]
    assert all(abs(a - b) > 1000 for a, b in pairwise(firsts))


# --- Departments, VAT, weighed goods ----------------------------------------------------


def test_departments_and_their_vat_rates() -> None:
    assert {d.code: d.vat_bp for d in DEPARTMENTS} == EXPECTED_VAT
    assert len({d.name for d in DEPARTMENTS}) == len(DEPARTMENTS)
    assert {d.vat_bp for d in DEPARTMENTS} == set(FRENCH_RATES)


def test_every_product_takes_its_department_rate(big: list[DemoProduct]) -> None:
    assert all(p.vat_bp == EXPECTED_VAT[p.department] for p in big)


def test_every_department_is_stocked(small: list[DemoProduct]) -> None:
    assert set(Counter(p.department for p in small)) == set(EXPECTED_VAT)


def test_weighed_goods_have_a_plu_and_no_ean(big: list[DemoProduct]) -> None:
    for p in big:
        assert p.sold_by in ("unit", "weight")
        if p.sold_by == "weight":
            assert p.plu is not None and p.barcodes == ()
        else:
            assert p.plu is None and len(p.barcodes) in (1, 2)


def test_the_cut_counter_is_weighed_and_the_produce_shelf_is_mixed(
    small: list[DemoProduct],
) -> None:
    assert {p.sold_by for p in small if p.department == "coupe"} == {"weight"}
    assert {p.sold_by for p in small if p.department == "fruits_legumes"} == {"unit", "weight"}
    weighed_departments = {p.department for p in small if p.sold_by == "weight"}
    assert weighed_departments == {"coupe", "fruits_legumes"}


# --- Prices, stock, popularity ----------------------------------------------------------


def test_prices_are_shelf_prices(big: list[DemoProduct]) -> None:
    for p in big:
        assert type(p.price_cents) is int
        assert 19 <= p.price_cents <= 8900, p
        assert p.price_cents % 100 in SHELF_ENDINGS, p


@pytest.mark.parametrize(
    ("department", "sold_by", "low", "high"),
    [
        ("epicerie", "unit", 59, 1290),
        ("cave", "unit", 350, 8900),
        ("fruits_legumes", "weight", 149, 990),
        ("coupe", "weight", 990, 4990),
        ("presse", "unit", 99, 790),
    ],
)
def test_prices_per_department(
    big: list[DemoProduct], department: str, sold_by: str, low: int, high: int
) -> None:
    prices = [p.price_cents for p in big if p.department == department and p.sold_by == sold_by]
    assert prices
    assert low <= min(prices) and max(prices) <= high


def test_a_bottle_of_wine_is_not_only_for_special_occasions(big: list[DemoProduct]) -> None:
    bottles = [p.price_cents for p in big if p.name.startswith("Vin rouge") and " 75 cl" in p.name]
    assert min(bottles) < 500 and statistics.median(bottles) < 2500


def test_stock_and_popularity(big: list[DemoProduct]) -> None:
    assert all(p.stock >= 0 for p in big)
    assert all(p.stock >= 1000 for p in big if p.sold_by == "weight")  # grams
    popularity = [p.popularity for p in big]
    assert min(popularity) >= 0 and max(popularity) <= 1000
    assert statistics.median(popularity) < 100  # a long tail…
    best_sellers = sum(value >= 900 for value in popularity)
    assert 0 < best_sellers < 0.05 * BIG  # …and a few best sellers


# --- Names ------------------------------------------------------------------------------


def test_names_are_clean(big: list[DemoProduct]) -> None:
    for p in big:
        assert p.name == p.name.strip() and "  " not in p.name, p.name
        assert p.name[0].isupper(), p.name


def test_names_carry_french_characters(small: list[DemoProduct]) -> None:
    text = " ".join(p.name for p in small)
    for needle in ("é", "è", "ê", "à", "ç", "œ", "Œ", "'", "×"):
        assert needle in text, needle
    assert any("'" in p.brand for p in small)


@pytest.mark.parametrize("prefix", ["coc", "pom", "cam", "sha", "eau", "conf"])
def test_prefix_searches_find_real_looking_products(small: list[DemoProduct], prefix: str) -> None:
    assert sum(search_key(p.name).startswith(prefix) for p in small) >= 5


def test_names_are_varied(big: list[DemoProduct]) -> None:
    assert len({p.name for p in big}) > 20_000
    assert len({(p.name, p.brand) for p in big}) > 50_000


def test_the_spec_examples_can_occur(big: list[DemoProduct]) -> None:
    names = {p.name for p in big}
    for name in (
        "Confiture de fraises extra 370 g",
        "Camembert de Normandie AOP 250 g",
        "Eau minérale naturelle 6 × 1,5 L",
        "Pommes Golden",
        "Comté 18 mois",
        "Shampooing doux 250 ml",
        "T-shirt coton bio taille M",
    ):
        assert name in names, name


# --- Customers --------------------------------------------------------------------------


def test_customers() -> None:
    customers = demo_customers()
    assert 8 <= len(customers) <= 12
    assert len({c.customer_id for c in customers}) == len(customers)
    assert len({c.email for c in customers}) == len(customers)
    for c in customers:
        assert re.fullmatch(r"[a-z.]+@example\.(com|fr)", c.email), c.email
        assert re.fullmatch(r"06 39 98 \d\d \d\d", c.phone), c.phone
        assert c.loyalty_points >= 0
    assert any(ch in "éèëœï'" for c in customers for ch in c.name)
    assert demo_customers() == customers
