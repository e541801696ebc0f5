"""Product search for the till: name, brand or SKU prefixes over 1,000,000 products.

What a cashier types is the first letters of a word or two ("camem", "coca 33",
"pom gol", "creme" for "Crème fraîche") or the start of a SKU; what she wants on top is
the product whose name STARTS with that, then the products where every typed word
starts a word of the name, best sellers first. Ranking every match with bm25 is both
too slow at this size (a 2-letter prefix hits 10k-500k products: 15-90 ms) and not what
"relevant" means at a till. So the search gathers a BOUNDED set of candidates with
index-ordered queries that stop early, and ranks those few hundred rows in Python.
Measured at 1M demo products (tests/benchmarks/search_probe.py, 2 cores): p50 ~1.2 ms,
p99 ~4 ms over 1,600 typed-like queries, ~10 ms for the worst hostile ones (several
short words that never occur together); the top 20 equals a brute-force ranking of the
whole catalog for 99 of 100 sampled queries (the exception: a whole 9-word name, whose
class 1 is exact and whose class 2 came out incomplete, see below).

Relevance, best first - ties go to the higher popularity, then the shorter name:
  0 the query is exactly a barcode (8-14 digits) or a SKU;
  1 the name starts with the whole query ("camem" → "Camembert…");
  2 every word starts a word of the name, the first one starting the name
    ("pom gol" → "Pommes Golden…");
  3 every word starts a word of the name ("gol" → "Pommes Golden…");
  4 the SKU starts with the query (queries without spaces, as typed or upper-cased);
  5 every word starts a word of the name or of the brand ("président camem").

Where candidates come from:
* ``product_fts``, a contentless FTS5 index of name_key, of the name's first word behind
  a private-use mark (``products.search_head``) and of the brand's words behind another
  (``products.search_brand``), with 1-6 character prefix indexes. Its row ids are
  ``products.search_rank`` - most popular first, then id - and FTS5 returns matches in
  row id order, so an UNRANKED query with a LIMIT (well under 1 ms) yields "the N most
  popular matches". Three such queries: head (classes 1-2, ``HEAD_PICK``), name (1-3,
  ``FTS_PICK``) and, only when those leave fewer than ``limit`` results, brand (5).
* ``products_name_key`` for multi-word queries: a range scan ``key <= name_key <
  key || U+10FFFF`` (class 1 when the FTS picks are saturated by the first word alone).
* ``products_sku``: exact SKU, and a range scan for a SKU prefix; ``barcodes``: exact.
Each class is therefore complete when smaller than the picks, and otherwise holds its
most popular members - what a cashier expects from "co". One exception: the FTS
expressions use at most ``MAX_FTS_WORDS`` words (see ``fts_query``), so for a longer
query whose chosen words match more products than the picks, classes 2-5 may miss
members (class 1 stays exact through ``products_name_key``).

Typed text never reaches FTS5 syntax: it is cut into the words the index holds
(``text_keys.query_words``: letters and digits only) and each is double-quoted, so
quotes, ``AND``/``OR``/``NOT``/``NEAR``, ``*``, ``-``, ``:``, ``^`` and parentheses are
separators or plain words, and a query without a letter or digit finds at most an exact
SKU. The marks are not letters, so no typed word can match a head or brand token.
"""

from __future__ import annotations

import re
import sqlite3

from pos.domain.product import Product, SoldBy
from pos.domain.text_keys import query_words

START_WINDOW = 2000  # name_key index entries read per multi-word query (index only)
START_PICK = 60  # of those, the most popular become candidates
HEAD_PICK = 100  # most popular "first word starts the name" matches
FTS_PICK = 200  # most popular "every word starts a word" matches
MAX_QUERY_WORDS = 16  # a whole product name; bounds the Python checks on absurd input
MAX_FTS_WORDS = 3  # the longest words go to FTS5; every word is checked in Python
FTS_PREFIX_MAX = 6  # the longest prefix index of product_fts (prefix = '1 2 3 4 5 6')
BRAND_PICK = 100  # most popular matches counting brand words, when names are too few
HEAD_MARK = "\ue000"  # the private-use mark of products.search_head
BRAND_MARK = "\ue001"  # the private-use mark of products.search_brand
_TOP = "\U0010ffff"  # sorts after any character: key .. key+_TOP means "starts with key"
_ID_MASK = 0xFFFFFFFF  # the product id inside products.search_rank
_BARCODE = re.compile(r"\d{8,14}")

# The columns a Product is built from, in constructor order (see product_from_row).
PRODUCT_COLUMNS = (
    "p.id, p.sku, p.name, p.price_cents, p.vat_bp, p.sold_by, p.brand, coalesce(p.department, '')"
)
# What ranking needs; the 20 winners are then read whole (ACTIVE_PRODUCT_SQL).
# Popularity here is the central figure plus this till's sales since (issue 18.1); the
# index-ordered picks (search_rank, products_name_key) use the central figure alone.
_RANK_COLUMNS = "p.id, p.name_key, p.popularity + p.local_sales, p.brand_key"
_ID, _NAME_KEY, _POPULARITY, _BRAND_KEY = 0, 1, 2, 3

# Enum members looked up, not constructed: cheaper on the scan hot path.
SOLD_BY = {member.value: member for member in SoldBy}

ACTIVE_PRODUCT_SQL = f"SELECT {PRODUCT_COLUMNS} FROM products AS p WHERE p.id = ? AND p.active = 1"
EXACT_BARCODE_SQL = f"""
SELECT {_RANK_COLUMNS}
FROM barcodes AS b JOIN products AS p ON p.id = b.product_id
WHERE b.code = ? AND p.active = 1
"""
EXACT_SKU_SQL = f"SELECT {_RANK_COLUMNS} FROM products AS p WHERE p.sku = ? AND p.active = 1"
SKU_PREFIX_SQL = f"""
SELECT {_RANK_COLUMNS} FROM products AS p
WHERE p.sku >= ?1 AND p.sku < ?1 || '{_TOP}' AND p.active = 1
ORDER BY p.sku LIMIT ?2
"""
NAME_START_SQL = f"""
WITH nearby AS (
    SELECT id, popularity FROM products
    WHERE name_key >= ?1 AND name_key < ?1 || '{_TOP}' AND active = 1
    ORDER BY name_key LIMIT ?2
), best AS (
    SELECT id FROM nearby ORDER BY popularity DESC LIMIT ?3
)
SELECT {_RANK_COLUMNS} FROM best JOIN products AS p ON p.id = best.id
"""
WORD_START_SQL = f"""
SELECT {_RANK_COLUMNS}
FROM (SELECT rowid AS rank FROM product_fts WHERE product_fts MATCH ?1 LIMIT ?2) AS hit
JOIN products AS p ON p.id = (hit.rank & {_ID_MASK})
WHERE p.active = 1
"""

_EXACT, _NAME_START, _FIRST_WORD, _ALL_WORDS, _SKU_START, _BRAND = range(6)


def product_from_row(row: tuple) -> Product:
    """Build a Product from a row selected with PRODUCT_COLUMNS."""
    return Product(row[0], row[1], row[2], row[3], row[4], SOLD_BY[row[5]], row[6], row[7])


def search(conn: sqlite3.Connection, query: str, limit: int = 20) -> list[Product]:
    """The ``limit`` most relevant active products for a typed query (see module doc)."""
    text = query.strip()
    if limit <= 0 or not text:
        return []
    words = query_words(text)[:MAX_QUERY_WORDS]
    ranked: dict[int, tuple] = {}
    for row in _exact(conn, text):
        _keep(ranked, row, _key(_EXACT, row))
    if not any(ch.isspace() for ch in text):
        for row in _sku_prefix(conn, text, limit):
            _keep(ranked, row, _sort_key(row, words, _SKU_START))
    for row in _name_candidates(conn, words):
        _keep(ranked, row, _sort_key(row, words))
    if words and len(ranked) < limit:  # brand matches rank last: only to fill the list
        for row in conn.execute(WORD_START_SQL, (fts_query(words, "brand"), BRAND_PICK)):
            _keep(ranked, row, _sort_key(row, words))
    best = sorted(ranked.items(), key=lambda item: item[1])[:limit]
    return [product for product_id, _key in best if (product := _product(conn, product_id))]


def fts_query(words: list[str], mode: str = "name") -> str:
    """An FTS5 expression that every match of ``words`` satisfies (implicit AND).

    ``mode``: "head" - the first word starts the name, the others start name words;
    "name" - every word starts a name word; "brand" - every word starts a name or a
    brand word. Each word is double-quoted and used as a token prefix.

    The expression is looser than the query, and ``_sort_key`` applies the query exactly
    to the candidates, because FTS5 is fast only on its own terms: words are cut to
    ``FTS_PREFIX_MAX`` characters, marks included (longer prefixes merge doclists: 1-3 ms
    each), and at most ``MAX_FTS_WORDS`` words are used, the longest first, words of one
    or two letters only when nothing longer is left: intersecting very common prefixes
    ("l"*, "3"*, "de"*: up to half the catalog) that rarely occur together costs 5-30 ms,
    checking them on a few hundred candidates costs nothing.
    """
    if not words:
        return ""
    if mode == "head":
        terms = [_quoted(HEAD_MARK + words[0])]
        terms += [_quoted(word) for word in _choose(words[1:], MAX_FTS_WORDS - 1, 0)]
    elif mode == "brand":
        terms = [
            f"({_quoted(BRAND_MARK + word)} OR {_quoted(word)})"
            for word in _choose(words, MAX_FTS_WORDS, 2)
        ]
    else:
        terms = [_quoted(word) for word in _choose(words, MAX_FTS_WORDS, 2)]
    return " AND ".join(terms)


def _choose(words: list[str], budget: int, at_least: int) -> list[str]:
    """Up to ``budget`` words of 3+ letters, longest first; shorter ones to reach ``at_least``."""
    ordered = sorted(words, key=len, reverse=True)
    chosen = [word for word in ordered if len(word) > 2][:budget]
    for size in (2, 1):
        if len(chosen) < at_least:
            chosen += [word for word in ordered if len(word) == size][: at_least - len(chosen)]
    return chosen


def _quoted(term: str) -> str:
    return '"' + term[:FTS_PREFIX_MAX].replace('"', '""') + '"*'


def _exact(conn: sqlite3.Connection, text: str) -> list[tuple]:
    rows = []
    if _BARCODE.fullmatch(text):
        rows += conn.execute(EXACT_BARCODE_SQL, (text,)).fetchall()
    for sku in dict.fromkeys((text, text.upper())):
        rows += conn.execute(EXACT_SKU_SQL, (sku,)).fetchall()
    return rows


def _sku_prefix(conn: sqlite3.Connection, text: str, limit: int) -> list[tuple]:
    rows = []
    for prefix in dict.fromkeys((text, text.upper())):
        rows += conn.execute(SKU_PREFIX_SQL, (prefix, limit)).fetchall()
    return rows


def _name_candidates(conn: sqlite3.Connection, words: list[str]) -> list[tuple]:
    if not words:
        return []
    rows = conn.execute(WORD_START_SQL, (fts_query(words, "head"), HEAD_PICK)).fetchall()
    rows += conn.execute(WORD_START_SQL, (fts_query(words, "name"), FTS_PICK)).fetchall()
    if len(words) > 1:  # one word: "head" already holds the name starts, most popular first
        key = " ".join(words)
        rows += conn.execute(NAME_START_SQL, (key, START_WINDOW, START_PICK)).fetchall()
    return rows


def _sort_key(row: tuple, words: list[str], fallback: int | None = None) -> tuple | None:
    """Relevance class (see module doc) and tie-breakers, or None if the row fails.

    None when the row does not match every word (the FTS expressions are looser than
    the query) and was not found another way (``fallback``: the SKU prefix).
    """
    name = row[_NAME_KEY]
    spaced = " " + name
    if not words:
        tier = fallback
    elif name.startswith(" ".join(words)):
        tier = _NAME_START
    elif all(" " + word in spaced for word in words):
        tier = _FIRST_WORD if name.startswith(words[0]) else _ALL_WORDS
    elif fallback is not None:
        tier = fallback
    elif all(" " + word in spaced or " " + word in " " + row[_BRAND_KEY] for word in words):
        tier = _BRAND
    else:
        tier = None
    return None if tier is None else _key(tier, row)


def _key(tier: int, row: tuple) -> tuple:
    """Class first, then the higher popularity, the shorter name, the name, the id."""
    return (tier, -row[_POPULARITY], len(row[_NAME_KEY]), row[_NAME_KEY], row[_ID])


def _keep(ranked: dict[int, tuple], row: tuple, key: tuple | None) -> None:
    """Remember a candidate under its best (lowest) sort key."""
    if key is None:
        return
    current = ranked.get(row[_ID])
    if current is None or key < current:
        ranked[row[_ID]] = key


def _product(conn: sqlite3.Connection, product_id: int) -> Product | None:
    row = conn.execute(ACTIVE_PRODUCT_SQL, (product_id,)).fetchone()
    return None if row is None else product_from_row(row)
