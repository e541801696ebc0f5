"""Measure the catalog at store scale: load time, scan look-up, search (not a test).

    .venv/bin/python tests/benchmarks/search_probe.py /tmp/bench.db [--products 1000000]

Builds the catalog if the file is missing (``resources.demo.catalog`` when it can be
imported, else the synthetic French-ish generator below), then prints:
* the load time (generation included, and the loader alone);
* ``Catalog.by_barcode`` p50/p99 next to a bare prepared ``SELECT`` on ``barcodes``;
* ``Catalog.search`` p50/p99/max over 2-5-letter prefixes of real name words and brands,
  two-word queries ("pom gol"), SKU prefixes and accented spellings, each group beside
  its floor (``search_floor``): one unranked ``LIMIT 20`` FTS5 query on the same prefix
  index with the same prefix terms (words cut to the index's 6 characters), the minimal
  version of the same work; the share of queries where the floor was the slower.
Targets: search p99 <= 15 ms, by_barcode well inside the 250 µs scan-to-line budget,
load < 90 s for 1M products on a 2-core machine.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from pos.domain.text_keys import query_words
from pos.store.catalog import Catalog
from pos.store.catalog_loader import load_catalog
from pos.store.db import connect
from pos.store.migrations import migrate
from pos.store.search import EXACT_SKU_SQL, MAX_QUERY_WORDS, _sort_key, fts_query

# --- a synthetic catalog: French-ish names, zipf-like popularity ------------------------

_BASES = (
    "pomme", "poire", "banane", "camembert", "comté", "emmental", "yaourt", "crème fraîche",
    "beurre", "lait", "jambon", "saucisson", "pâté", "coca-cola", "eau minérale",
    "jus d'orange", "café", "thé", "chocolat", "biscuits", "céréales", "pâtes", "riz",
    "farine", "sucre", "sel", "huile d'olive", "vinaigre", "moutarde", "ketchup",
    "mayonnaise", "pain de mie", "baguette", "croissant", "brioche", "confiture", "miel",
    "œufs", "poulet", "bœuf haché", "steak", "saumon", "thon", "sardines", "carottes",
    "pommes de terre", "tomates", "salade", "courgettes", "oignons", "ail", "champignons",
    "haricots verts", "petits pois", "lessive", "liquide vaisselle", "papier toilette",
    "shampooing", "gel douche", "dentifrice", "bière", "vin rouge", "vin blanc", "champagne",
    "cidre", "limonade", "sirop", "glace", "pizza", "quiche", "soupe", "compote",
    "fromage blanc", "roquefort", "brie", "chèvre", "mozzarella", "gruyère", "raclette",
    "madeleines", "galettes", "crêpes", "gaufres", "chips", "cacahuètes", "olives",
    "cornichons", "moules", "crevettes", "cabillaud", "lardons", "saucisses", "rillettes",
    "foie gras", "escargots", "quenelles", "cassoulet", "choucroute", "ratatouille",
)  # fmt: skip
_VARIETIES = (
    "golden", "gala", "bio", "nature", "allégé", "entier", "demi-écrémé", "aux fruits",
    "vanille", "fraise", "framboise", "citron", "pêche", "abricot", "noisette", "caramel",
    "à l'ancienne", "de campagne", "fermier", "label rouge", "extra", "fin", "doux", "fort",
    "fumé", "au lait cru", "AOP", "IGP", "sans sucre", "zéro", "light", "classique",
    "premium", "tradition", "épicé", "provençal", "bretonne", "normande", "savoyard",
    "basque", "cœur de", "mini", "maxi", "familial", "tranché", "râpé", "en dés", "surgelé",
)  # fmt: skip
_BRANDS = (
    "Président", "Danone", "Bonne Maman", "Lu", "Reflets de France", "Fleury Michon",
    "Herta", "Coca-Cola", "Evian", "Vittel", "Perrier", "Nestlé", "Panzani", "Lustucru",
    "Amora", "Maille", "Lesieur", "Puget", "St Michel", "Harrys", "Jacquet", "Andros",
    "Yoplait", "Elle & Vire", "Paysan Breton", "Bel", "Société", "Papillon", "Cochonou",
    "Père Dodu", "Loué", "Le Gaulois", "Findus", "Bonduelle", "D'aucy", "Cassegrain",
    "Géant Vert", "Saupiquet", "Petit Navire", "Connétable", "Ariel", "Le Chat", "Mir",
    "Colgate", "Signal", "Dop", "Kronenbourg", "Leffe", "Orangina", "Oasis", "Teisseire",
    "Haribo", "Milka", "Côte d'Or", "Poulain", "Banania", "Ricoré", "Carte Noire", "Lipton",
)  # fmt: skip
_SYLLABLES = (
    "ka", "mor", "li", "ne", "ber", "to", "va", "lun", "ché", "ro", "ga", "ti", "pa", "don",
    "sel", "vi", "ra", "mé", "quin", "ou", "bré", "gan", "dé", "lis", "fon", "ta", "sau",
)  # fmt: skip
_SIZES = (
    "33cl", "50cl", "1l", "1,5l", "2l", "125g", "250g", "500g", "1kg", "x4", "x6", "x12",
    "200g", "400g", "750ml", "6x33cl", "150g", "300g", "2kg", "25cl",
)  # fmt: skip
_DEPARTMENTS = (
    ("EPI", "Épicerie", 550), ("FRA", "Frais", 550), ("FRU", "Fruits et légumes", 550),
    ("BOU", "Boucherie", 550), ("BOI", "Boissons", 550), ("ALC", "Alcools", 2000),
    ("DRO", "Droguerie", 2000), ("HYG", "Hygiène", 2000), ("SUR", "Surgelés", 550),
    ("BOUL", "Boulangerie", 550), ("RES", "Restauration", 1000),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class SynthDepartment:
    code: str
    name: str
    vat_bp: int


@dataclass(frozen=True, slots=True)
class SynthProduct:
    sku: str
    name: str
    brand: str
    department: str
    price_cents: int
    vat_bp: int
    sold_by: str
    barcodes: tuple[str, ...]
    plu: str | None
    stock: int
    popularity: int


def ean13(body12: str) -> str:
    """Append the EAN-13 check digit."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body12))
    return body12 + str((10 - total % 10) % 10)


def synthetic_departments() -> list[SynthDepartment]:
    return [SynthDepartment(code, name, vat) for code, name, vat in _DEPARTMENTS]


def synthetic_products(count: int, seed: int = 7) -> Iterator[SynthProduct]:
    """Deterministic French-ish products: ~5 % with two barcodes, ~2 % weighed with a PLU."""
    rng = random.Random(seed)
    ranges = [rng.choice(_SYLLABLES) + rng.choice(_SYLLABLES) + rng.choice(("", *_SYLLABLES))
              for _ in range(6000)]  # fmt: skip
    brands = [*_BRANDS, *(w.capitalize() for w in ranges[:1500])]
    plu = 20000
    for n in range(1, count + 1):
        parts = [rng.choice(_BASES)]
        if rng.random() < 0.6:
            parts.append(rng.choice(ranges))
        parts.extend(rng.sample(_VARIETIES, rng.choice((0, 1, 1, 2))))
        parts.append(rng.choice(_SIZES))
        department, _label, vat = _DEPARTMENTS[n % len(_DEPARTMENTS)]
        weighed = rng.random() < 0.02
        codes = [ean13(f"3{n:011d}")]
        if rng.random() < 0.05:
            codes.append(ean13(f"4{n:011d}"))
        if weighed:
            plu += 1
        yield SynthProduct(
            sku=f"P{n:07d}",
            name=" ".join(parts).capitalize(),
            brand=rng.choice(brands) if rng.random() < 0.8 else "",
            department=department,
            price_cents=rng.randrange(50, 5000),
            vat_bp=vat,
            sold_by="weight" if weighed else "unit",
            barcodes=tuple(codes),
            plu=str(plu) if weighed else None,
            stock=rng.randrange(0, 200),
            popularity=int(10 ** (6 * rng.random() ** 3)),
        )


def catalog_source(count: int, synthetic: bool = False) -> tuple[str, list, Iterator]:
    """The demo generator when another module provides it, else the synthetic one."""
    if not synthetic:
        try:
            from resources.demo import catalog as demo_catalog

            departments = list(demo_catalog.DEPARTMENTS)
            return "demo_catalog", departments, demo_catalog.demo_products(count)
        except (ImportError, AttributeError):
            pass
    return "synthetic", synthetic_departments(), synthetic_products(count)


# --- measuring ----------------------------------------------------------------------------


def build(path: Path, count: int, synthetic: bool) -> None:
    conn = connect(path)
    migrate(conn, path)
    source, departments, products = catalog_source(count, synthetic)
    started = time.perf_counter()
    materialised = list(products)
    generated = time.perf_counter()
    load_catalog(conn, departments, materialised)
    loaded = time.perf_counter()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    done = time.perf_counter()
    print(f"catalog source: {source}, {len(materialised):,} products")
    print(f"generation {generated - started:6.1f} s")
    print(f"load       {loaded - generated:6.1f} s   (checkpoint {done - loaded:.1f} s)")
    print(f"file       {path.stat().st_size / 1e6:6.0f} MB")
    conn.close()


def timed(fn: Callable[[str], object], inputs: list[str]) -> list[float]:
    """Per-call durations in microseconds."""
    out = []
    for item in inputs:
        start = time.perf_counter_ns()
        fn(item)
        out.append((time.perf_counter_ns() - start) / 1000)
    return out


def report(label: str, micros: list[float]) -> None:
    ordered = sorted(micros)
    p50 = statistics.median(ordered)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    print(f"{label:<34} n={len(ordered):>6}  p50 {_fmt(p50)}  p99 {_fmt(p99)}  "
          f"max {_fmt(ordered[-1])}")  # fmt: skip


def _fmt(micros: float) -> str:
    return f"{micros:8.1f} µs" if micros < 1000 else f"{micros / 1000:8.2f} ms"


def barcode_probe(conn: sqlite3.Connection, catalog: Catalog, rng: random.Random) -> None:
    codes = _sample_codes(conn, rng, 20000)
    bare_sql = "SELECT product_id FROM barcodes WHERE code = ?"
    timed(catalog.by_barcode, codes[:2000])  # warm the page cache and the statement cache
    report("bare prepared barcode SELECT", timed(
        lambda code: conn.execute(bare_sql, (code,)).fetchone(), codes))  # fmt: skip
    report("Catalog.by_barcode", timed(catalog.by_barcode, codes))
    report("Catalog.by_barcode (unknown code)", timed(
        catalog.by_barcode, [f"99{n:011d}" for n in range(5000)]))  # fmt: skip


def _sample_codes(conn: sqlite3.Connection, rng: random.Random, n: int) -> list[str]:
    top = conn.execute("SELECT max(id) FROM products").fetchone()[0]
    ids = [rng.randrange(1, top + 1) for _ in range(n)]
    sql = "SELECT code FROM barcodes WHERE product_id = ? LIMIT 1"
    return [row[0] for pid in ids if (row := conn.execute(sql, (pid,)).fetchone())]


def search_queries(conn: sqlite3.Connection, rng: random.Random) -> dict[str, list[str]]:
    """Queries a cashier types, drawn from the catalog's own words."""
    names = [row[0] for row in conn.execute(
        "SELECT name FROM products WHERE id % 997 = 0")]  # fmt: skip
    brands = [row[0] for row in conn.execute(
        "SELECT DISTINCT brand FROM products WHERE id % 991 = 0 AND brand <> ''")]  # fmt: skip
    skus = [row[0] for row in conn.execute("SELECT sku FROM products WHERE id % 9973 = 0")]
    words = [w for name in names for w in name.split() if len(w) >= 2 and w.isalpha()]
    prefixes = [w[: rng.randint(2, 5)] for w in rng.choices(words, k=600)]
    two_words = []
    for name in rng.choices(names, k=400):
        parts = [w for w in name.split() if w.isalpha()]
        if len(parts) >= 2:
            a, b = rng.sample(parts, 2)
            two_words.append(f"{a[: rng.randint(2, 5)]} {b[: rng.randint(2, 4)]}")
    letters = "abcdefghijklmnopqrstuvwxyz0123456789"
    return {
        "prefix 2-5 letters": prefixes,
        "two words": two_words,
        "whole names": rng.choices(names, k=100),
        "brand prefix": [b[: rng.randint(2, 6)] for b in rng.choices(brands, k=200)],
        "SKU prefix / exact": [sku[: rng.randint(4, len(sku))] for sku in rng.choices(skus, k=100)],
        "1-letter pairs (adversarial)": [f"{rng.choice(letters)} {rng.choice(letters)}"
                                         for _ in range(200)],
        "fixed (see below)": list(FIXED) * 5,
    }  # fmt: skip


FIXED = (
    "coca 33", "cola 33", "pom gol", "camem", "creme", "CRÈME", "bœuf", "co", "pa", "de",
    "creme fraiche liquide entiere 20 cl", "b l p 55", "1 2 3 4 5 6 7 8", '"NEAR(*',
)  # fmt: skip


FLOOR_SQL = "SELECT rowid FROM product_fts WHERE product_fts MATCH ? LIMIT 20"


def search_floor(conn: sqlite3.Connection, query: str) -> list[tuple]:
    """The least work a search of ``query`` can do: the till's own prefix terms
    (``fts_query``: typed words cut to the index's 6-character prefixes, at most three)
    in ONE unranked FTS5 query, ``LIMIT 20``, rows not even read. A query without a
    letter or digit is, for the till too, an exact SKU lookup."""
    words = query_words(query)[:MAX_QUERY_WORDS]
    if not words:
        return conn.execute(EXACT_SKU_SQL, (query.strip(),)).fetchall()
    return conn.execute(FLOOR_SQL, (fts_query(words, "name"),)).fetchall()


class Paired(NamedTuple):
    """Microseconds per query: wall and this thread's CPU time, search and floor."""

    search: list[float]
    floor: list[float]
    search_cpu: list[float]
    floor_cpu: list[float]


def paired(catalog: Catalog, conn: sqlite3.Connection, queries: list[str]) -> Paired:
    """Search and floor timings of each query, interleaved so load hits both alike; CPU
    time too: on a shared machine, wall time also measures who else had the cores."""
    out = Paired([], [], [], [])
    for query in queries:
        for run, wall, cpu in (
            (lambda q=query: search_floor(conn, q), out.floor, out.floor_cpu),
            (lambda q=query: catalog.search(q), out.search, out.search_cpu),
        ):
            started, used = time.perf_counter_ns(), time.thread_time_ns()
            run()
            cpu.append((time.thread_time_ns() - used) / 1000)
            wall.append((time.perf_counter_ns() - started) / 1000)
    return out


def slower_floor(search: list[float], floor: list[float]) -> str:
    """How often the floor took longer than the search it bounds (should be ~never)."""
    slower = sum(f > s for s, f in zip(search, floor, strict=True))
    return f"floor slower on {slower}/{len(search)} queries"


def search_probe(catalog: Catalog, conn: sqlite3.Connection, rng: random.Random) -> None:
    queries = search_queries(conn, rng)
    everything = [q for group in queries.values() for q in group]
    paired(catalog, conn, everything[:200])  # warm-up
    for label, group in queries.items():
        timings = paired(catalog, conn, group)
        report(f"search: {label}", timings.search)
        report("  floor: same prefix terms", timings.floor)
    timings = paired(catalog, conn, everything)
    report("search: ALL", timings.search)
    report("  floor: same prefix terms", timings.floor)
    report("search: ALL, CPU time", timings.search_cpu)
    report("  floor, CPU time", timings.floor_cpu)
    print(f"  wall: {slower_floor(timings.search, timings.floor)}")
    print(f"  CPU:  {slower_floor(timings.search_cpu, timings.floor_cpu)}")
    for query in FIXED[:8]:
        names = [p.name for p in catalog.search(query, 4)]
        print(f"  {query!r:>10} -> {names}")


def count_probe(catalog: Catalog, conn: sqlite3.Connection) -> None:
    report("Catalog.count (cached)", timed(lambda _: catalog.count(), [""] * 200))
    sql = "SELECT count(*) FROM products WHERE active = 1"
    report(
        "SELECT count(*) (for comparison)", timed(lambda _: conn.execute(sql).fetchone(), [""] * 5)
    )


def verify(conn: sqlite3.Connection, catalog: Catalog, rng: random.Random, n: int) -> None:
    """Compare search's top 20 with a brute-force ranking of every active product."""
    rows = conn.execute(
        "SELECT id, name_key, popularity, brand_key FROM products WHERE active = 1"
    ).fetchall()
    by_id = {row[0]: row for row in rows}
    groups = search_queries(conn, rng)
    sample = [q for label in ("prefix 2-5 letters", "two words", "whole names", "brand prefix")
              for q in rng.sample(groups[label], n)]  # fmt: skip
    differing = []
    for query in sample:
        words = query_words(query)[:MAX_QUERY_WORDS]
        truth = sorted(k for row in rows if (k := _sort_key(row, words)) is not None)[:20]
        found = [_sort_key(by_id[p.id], words) for p in catalog.search(query)]
        if found != truth:
            differing.append(query)
    print(f"verify: {len(sample) - len(differing)}/{len(sample)} queries ranked exactly like "
          f"brute force over {len(rows):,} products; differing: {differing}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--products", type=int, default=1_000_000)
    parser.add_argument(
        "--synthetic", action="store_true", help="use the generator here, not demo_catalog"
    )
    parser.add_argument(
        "--verify", type=int, default=0, metavar="N",
        help="also check N queries per group against a brute-force ranking (slow)",
    )  # fmt: skip
    args = parser.parse_args()
    if not args.path.exists():
        build(args.path, args.products, args.synthetic)
    conn = connect(args.path)
    migrate(conn, args.path)
    catalog = Catalog(conn)
    print(f"active products: {catalog.count():,}")
    rng = random.Random(42)
    barcode_probe(conn, catalog, rng)
    count_probe(catalog, conn)
    search_probe(catalog, conn, rng)
    if args.verify:
        verify(conn, catalog, rng, args.verify)


if __name__ == "__main__":
    main()
