"""Product search: relevance order, accents, multi-word, SKU, garbage input, search keys."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from catalog_items import Dept, Item
from hypothesis import given
from hypothesis import strategies as st

from pos.domain.text_keys import name_key, query_words
from pos.store import search as search_module
from pos.store.catalog import Catalog
from pos.store.catalog_loader import load_catalog, set_active
from pos.store.db import connect
from pos.store.migrations import migrate
from pos.store.search import fts_query

STORE = [
    Item("CAM-01", "Camembert de Normandie", popularity=10),
    Item("SAL-01", "Salade au camembert", popularity=1000),
    Item("BRI-01", "Brie de Meaux", brand="Camembert & Cie", popularity=5000),
    Item("CAM-02", "Camembert bio", popularity=50),
    Item("LAI-01", "Lait demi-écrémé", popularity=300),
    Item("LAI-02", "Lait", popularity=300),
    Item("CRE-01", "Crème fraîche épaisse", popularity=20),
    Item("BOE-01", "Bœuf haché 5 %", popularity=20),
    Item("BOE-02", "Boeuf bourguignon", popularity=10),
    Item("OEU-01", "ŒUFS frais × 6", popularity=30),
    Item("POM-01", "Pommes Golden", popularity=10),
    Item("POM-02", "Jus de pomme golden", popularity=500),
    Item("POM-03", "Pommes Gala", popularity=900),
    Item("COC-01", "Coca-Cola 33 cl", brand="Coca-Cola", popularity=800),
    Item("COC-02", "Coca-Cola zéro 33 cl", brand="Coca-Cola", popularity=700),
    Item("COC-03", "Coca-Cola 1,5 L", brand="Coca-Cola", popularity=900),
    Item("AB1234", "Piles alcalines AA", popularity=1, barcodes=("3017620422003",)),
    Item("AB1299", "Piles alcalines AAA", popularity=2),
    Item("NUT-01", "Pâte à tartiner", brand="Ferrero", popularity=400),
    Item("NUT-02", "Kinder bueno", brand="Ferrero", popularity=600),
]


def skus(products: list) -> list[str]:
    return [p.sku for p in products]


def open_store(path: Path, products: list[Item]) -> sqlite3.Connection:
    conn = connect(path)
    migrate(conn, path)
    load_catalog(conn, [Dept("EPI", "Épicerie", 550)], products)
    return conn


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Catalog]:
    conn = open_store(tmp_path_factory.mktemp("search") / "store.db", STORE)
    yield Catalog(conn)
    conn.close()


# --- relevance ----------------------------------------------------------------------------


def test_name_starts_first_then_mid_name_then_brand(catalog: Catalog) -> None:
    # Name starts by popularity, whatever the popularity of the mid-name or brand match.
    assert skus(catalog.search("camem")) == ["CAM-02", "CAM-01", "SAL-01", "BRI-01"]


def test_equally_popular_shorter_names_first(catalog: Catalog) -> None:
    assert skus(catalog.search("lait")) == ["LAI-02", "LAI-01"]


@pytest.mark.parametrize("query", ["creme", "CRÈME", "crème", "Creme Fraiche", "fraîch"])
def test_accents_and_case_do_not_matter(catalog: Catalog, query: str) -> None:
    assert skus(catalog.search(query)) == ["CRE-01"]


@pytest.mark.parametrize("query", ["boeuf", "bœuf", "BŒUF", "Boe"])
def test_ligatures_are_spelled_out(catalog: Catalog, query: str) -> None:
    assert skus(catalog.search(query)) == ["BOE-01", "BOE-02"]


def test_oe_at_the_start_of_a_name(catalog: Catalog) -> None:
    assert skus(catalog.search("oeufs")) == ["OEU-01"]
    assert skus(catalog.search("œuf")) == ["OEU-01"]


def test_every_word_must_match_and_the_first_word_starting_the_name_wins(
    catalog: Catalog,
) -> None:
    assert skus(catalog.search("pom gol")) == ["POM-01", "POM-02"]  # not "Pommes Gala"
    assert skus(catalog.search("gol pom")) == ["POM-02", "POM-01"]  # no name starts: popularity


def test_words_with_digits(catalog: Catalog) -> None:
    assert skus(catalog.search("coca 33")) == ["COC-01", "COC-02"]
    assert skus(catalog.search("coca 1 5")) == ["COC-03"]


def test_a_multi_word_name_start(catalog: Catalog) -> None:
    assert skus(catalog.search("coca cola z")) == ["COC-02"]
    assert skus(catalog.search("coca-cola 3")) == ["COC-01", "COC-02"]


def test_brand_matches(catalog: Catalog) -> None:
    assert skus(catalog.search("ferrero")) == ["NUT-02", "NUT-01"]
    assert skus(catalog.search("ferr pât")) == ["NUT-01"]  # brand and name words mixed


def test_sku_exact_then_prefix_any_case(catalog: Catalog) -> None:
    assert skus(catalog.search("AB1299")) == ["AB1299"]
    assert skus(catalog.search("ab12")) == ["AB1299", "AB1234"]
    assert skus(catalog.search("ab1299")) == ["AB1299"]
    assert skus(catalog.search("cam-0")) == ["CAM-02", "CAM-01"]


def test_an_exact_barcode_comes_first(catalog: Catalog) -> None:
    assert skus(catalog.search(" 3017620422003 ")) == ["AB1234"]


def test_limit(catalog: Catalog) -> None:
    assert skus(catalog.search("camem", limit=2)) == ["CAM-02", "CAM-01"]
    assert catalog.search("camem", limit=0) == []


@pytest.mark.parametrize("query", ["", "   ", "\t\n", "zzz", "pom zzz"])
def test_nothing_to_find(catalog: Catalog, query: str) -> None:
    assert catalog.search(query) == []


def test_inactive_products_are_not_found(tmp_path: Path) -> None:
    conn = open_store(tmp_path / "store.db", STORE)
    try:
        catalog = Catalog(conn)
        set_active(conn, 4, False)  # CAM-02
        assert skus(catalog.search("camem")) == ["CAM-01", "SAL-01", "BRI-01"]
        assert skus(catalog.search("camembert bio")) == []
        assert skus(catalog.search("CAM-0")) == ["CAM-01"]
    finally:
        conn.close()


# --- bounded candidate sets ---------------------------------------------------------------


def test_name_starts_survive_many_more_popular_mid_name_matches(tmp_path: Path) -> None:
    crowd = [Item(f"S{n:03d}", f"Salade au camembert {n}", popularity=900) for n in range(300)]
    rare = [Item(f"C{n}", f"Camembert {n}", popularity=n) for n in range(5)]
    conn = open_store(tmp_path / "store.db", crowd + rare)
    try:
        found = skus(Catalog(conn).search("camem", limit=8))
        assert found[:5] == ["C4", "C3", "C2", "C1", "C0"]
        assert all(sku.startswith("S") for sku in found[5:])
    finally:
        conn.close()


def test_a_big_brand_does_not_crowd_out_name_matches(tmp_path: Path) -> None:
    brand = [
        Item(f"B{n:03d}", f"Confiture {n}", brand="Saveurs d'Antan", popularity=1000)
        for n in range(300)
    ]
    names = [Item(f"N{n}", f"Chips saveur barbecue {n}", popularity=10) for n in range(25)]
    conn = open_store(tmp_path / "store.db", brand + names)
    try:
        found = skus(Catalog(conn).search("save", limit=30))
        assert found[:25] == sorted(found[:25], key=lambda sku: int(sku[1:]))
        assert {sku[0] for sku in found[:25]} == {"N"}
        assert {sku[0] for sku in found[25:]} == {"B"}
    finally:
        conn.close()


_WORDS = (
    "pomme", "poire", "crème", "fraîche", "lait", "bœuf", "café", "moulu", "thé", "vert",
    "pâte", "tartiner", "coca", "cola", "eau", "gazeuse", "bio", "nature", "jambon", "blanc",
)  # fmt: skip
_SIZES = ("33 cl", "1 L", "1,5 L", "250 g", "500 g", "× 6", "")
_BRANDS = ("Bonne Mère", "Président", "Saveurs", "", "")


def generated(count: int) -> list[Item]:
    rng = random.Random(3)
    return [
        Item(
            f"G{n:05d}",
            " ".join(rng.sample(_WORDS, rng.randint(1, 4))) + " " + rng.choice(_SIZES),
            brand=rng.choice(_BRANDS),
            barcodes=(f"37{n:011d}",),
            popularity=int(1000 * rng.random() ** 4),
        )
        for n in range(count)
    ]


def brute_force(conn: sqlite3.Connection, query: str, limit: int = 20) -> list[tuple]:
    """The relevance order applied to every active product: what search must return."""
    words = query_words(query)
    rows = conn.execute(
        "SELECT id, name_key, popularity, brand_key FROM products WHERE active = 1"
    ).fetchall()
    keys = (search_module._sort_key(row, words) for row in rows)
    return sorted(key for key in keys if key is not None)[:limit]


@pytest.mark.parametrize(
    "query",
    ["p", "po", "pom", "crem fr", "lait bio", "ca mo", "coca 33", "bio 1", "bonne", "sav",
     "the vert", "eau gaz 1 5", "pate tartiner bio", "b", "jambon blanc 250"],
)  # fmt: skip
def test_a_3000_product_catalog_ranks_like_brute_force(
    generated_store: sqlite3.Connection, query: str
) -> None:
    words = query_words(query)
    rank_sql = "SELECT id, name_key, popularity, brand_key FROM products WHERE id = ?"
    found = [
        search_module._sort_key(generated_store.execute(rank_sql, (p.id,)).fetchone(), words)
        for p in Catalog(generated_store).search(query)
    ]
    assert found == brute_force(generated_store, query)


@pytest.fixture(scope="module")
def generated_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    conn = open_store(tmp_path_factory.mktemp("generated") / "store.db", generated(3000))
    yield conn
    conn.close()


# --- hostile input ------------------------------------------------------------------------

GARBAGE = [
    '"', '""', "'", "*", "-", ":", "^", "(", ")", "()", "AND", "OR", "NOT", "NEAR",
    "NEAR(a b)", "a AND", "OR b", "NOT NOT", "name:camem", "{name}: x", "camem*", "-camem",
    "+", '"camem', 'camem"', "a OR b", "\x00", "\ue000", "\ue001camem", "\ue000cam",
    "%", "_", "\\", "😀", "ß" * 50, "a" * 5000, "1 2 3 4 5 6 7 8 9 10 11 12",
]  # fmt: skip


@pytest.mark.parametrize("query", GARBAGE)
def test_garbage_never_raises(catalog: Catalog, query: str) -> None:
    assert isinstance(catalog.search(query), list)


def test_marks_cannot_be_typed(catalog: Catalog) -> None:
    """Private-use marks are separators: "\\ue000cam" is just "cam"."""
    assert skus(catalog.search("\ue000cam")) == skus(catalog.search("cam"))


@given(st.text(max_size=40))
def test_any_text_never_raises(catalog: Catalog, query: str) -> None:
    found = catalog.search(query)
    assert len(found) <= 20
    assert all(p.sku in _ACTIVE_SKUS for p in found)


_FTS_ALPHABET = st.sampled_from(
    ['"', "*", "-", ":", "^", "(", ")", "+", " ", "AND", "OR", "NOT", "NEAR", "a", "cam", "é"]
)


@given(st.lists(_FTS_ALPHABET, max_size=12).map("".join))
def test_fts_syntax_soup_never_raises(catalog: Catalog, query: str) -> None:
    assert isinstance(catalog.search(query, limit=5), list)


_ACTIVE_SKUS = {item.sku for item in STORE}


# --- the FTS expression -------------------------------------------------------------------


def test_fts_query_quotes_cuts_and_chooses_words() -> None:
    assert fts_query(["pom", "gol"]) == '"pom"* AND "gol"*'
    assert fts_query(["fraiche"]) == '"fraich"*'
    assert fts_query(["a", "bb", "c", "dddd"]) == '"dddd"* AND "bb"*'
    assert fts_query(["a", "b", "c"]) == '"a"* AND "b"*'
    assert fts_query(["camembert", "x"], "head") == '"\ue000camem"*'
    assert fts_query(["ab"], "brand") == '("\ue001ab"* OR "ab"*)'
    assert fts_query([]) == ""


# --- search keys --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Crème Fraîche", "creme fraiche"),
        ("  Coca-Cola   33cl ", "coca cola 33cl"),
        ("ŒUFS × 6", "oeufs 6"),
        ("Bœuf, cœur & ÆGIR", "boeuf coeur aegir"),
        ("Straße", "strasse"),
        ("L'Oréal", "l oreal"),
        ("ﬁlet ½", "filet 1 2"),
        ("", ""),
        ("---", ""),
        ("Ελληνικό", "ελληνικο"),
    ],
)
def test_name_key(text: str, key: str) -> None:
    assert name_key(text) == key


@given(st.text(max_size=30))
def test_name_key_is_idempotent(text: str) -> None:
    key = name_key(text)
    assert name_key(key) == key
    assert "  " not in key and key == key.strip()


_LATIN = st.text(
    alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x24F, exclude_categories=["Cs"]),
    max_size=30,
)


@given(_LATIN)
def test_name_key_words_are_the_fts_tokens(text: str) -> None:
    """The Python side and SQLite's unicode61 tokenizer agree on what a word is."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2')")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, row)")
    key = name_key(text)
    conn.execute("INSERT INTO t (x) VALUES (?)", (key,))
    tokens = {row[0] for row in conn.execute("SELECT term FROM v")}
    assert tokens == set(key.split())
    conn.close()
