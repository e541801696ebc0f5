"""Checking a downloaded page set before anything of it reaches the store.

A page set (``sync.contract.page_set``) is a whole SQLite file from the network: until
checked it is hostile input. It is opened alone, read-only, with ``trusted_schema``
off, and must hold exactly the contract's objects with the contract's SQL text (no
trigger, no view, no index or column more or less: the caller passes what SQLite
records for the contract's DDL), pass ``PRAGMA quick_check`` (a page overwritten
mid-file fails here), be of this format and page size, be for this store, and every
value must be one the feeds' item models allow, counted in one pass per table. The
first failure refuses the file with a sentence that says what was wrong.

Not checked: that ``name_key`` is the key of ``name`` and that the search index
matches the products (recomputing them costs what the page set saves). A wrong
value there gives wrong search results, nothing a hostile central could not do with
the feeds' names; SQLite treats a malformed index record as corruption, not as code.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from urllib.request import pathname2url

from pos.store.errors import StoreError
from pos.store.feed_checks import MAX_HELD_BEYOND_ON_HAND, MAX_ON_HAND, MIN_ON_HAND

FORMAT = 1
PAGE_SIZE = 4096
_MAGIC = b"SQLite format 3\x00"

Objects = Collection[tuple[str, str, str, str | None]]


class PageSetRefused(StoreError):
    """The page set is not one this till can take; nothing of it reached the store."""

    code = "page_set_refused"


@dataclass(frozen=True, slots=True)
class Manifest:
    seq: int
    catalog_cursor: str
    stock_cursor: str


# Each query counts the rows breaking each rule in one pass: (rule, SQL expression).
_ID = "typeof({0}) <> 'integer' OR {0} NOT BETWEEN 1 AND 4294967295"
_SKU = (
    "typeof(sku) <> 'text' OR length(sku) > 64 OR sku NOT GLOB '[A-Za-z0-9]*' "
    "OR sku GLOB '*[^A-Za-z0-9_.-]*'"
)
_PLU = (
    "plu IS NOT NULL AND (typeof(plu) <> 'text' OR NOT (plu GLOB '[0-9][0-9][0-9][0-9]' "
    "OR plu GLOB '[0-9][0-9][0-9][0-9][0-9]'))"
)
_TEXT = "typeof({0}) <> 'text' OR length({0}) NOT BETWEEN {1} AND {2}"
_INT = "typeof({0}) <> 'integer' OR {0} NOT BETWEEN {1} AND {2}"
_HELD = "NOT EXISTS (SELECT 1 FROM products AS p WHERE p.id = product_id{0})"
# Read in this order: the barcodes by product, so the product lookups walk the table once.
_SOURCES = {"barcodes": "(SELECT * FROM barcodes ORDER BY product_id)"}
_RULES: dict[str, tuple[tuple[str, str], ...]] = {
    "products": (
        ("an id outside 1..4294967295", _ID.format("id")),
        ("a malformed SKU", _SKU),
        ("an empty or overlong name", _TEXT.format("name", 1, 200)),
        ("a malformed brand", _TEXT.format("brand", 0, 200)),
        ("a malformed department",
         f"department IS NOT NULL AND ({_TEXT.format('department', 1, 64)})"),
        ("a department it does not list",
         "department IS NOT NULL AND department NOT IN (SELECT code FROM departments)"),
        ("a price outside 0..100000000 cents", _INT.format("price_cents", 0, 100_000_000)),
        ("a VAT rate outside 0..9999 bp", _INT.format("vat_bp", 0, 9999)),
        ("a sold_by other than unit or weight",
         "typeof(sold_by) <> 'text' OR sold_by NOT IN ('unit', 'weight')"),
        ("a malformed PLU", _PLU),
        ("an active flag other than 0 or 1", _INT.format("active", 0, 1)),
        ("a malformed search key",
         f"{_TEXT.format('name_key', 0, 800)} OR {_TEXT.format('brand_key', 0, 800)}"),
        ("a negative popularity", _INT.format("popularity", 0, 2**63 - 1)),
        ("a malformed updated_at", _TEXT.format("updated_at", 10, 40)),
        ("local sales (a new till has none)", "local_sales IS NOT 0"),
    ),
    "barcodes": (
        ("a malformed barcode", f"{_TEXT.format('code', 8, 14)} OR code GLOB '*[^0-9]*'"),
        ("a barcode of a product it does not hold",
         f"{_ID.format('product_id')} OR {_HELD.format('')}"),
    ),
    "departments": (
        ("a malformed department code", _TEXT.format("code", 1, 64)),
        ("a malformed department name", _TEXT.format("name", 0, 200)),
        ("a department VAT rate outside 0..9999 bp", _INT.format("vat_bp", 0, 9999)),
    ),
    "stock": (
        ("a level of a product it does not hold, or under another SKU",
         f"{_ID.format('product_id')} OR {_HELD.format(' AND p.sku = stock.sku')}"),
        ("an implausible stock level (feed_checks' rules)",
         f"{_INT.format('on_hand', MIN_ON_HAND, MAX_ON_HAND)} OR typeof(reserved) <> 'integer' "
         f"OR reserved < 0 OR reserved > max(on_hand, 0) + {MAX_HELD_BEYOND_ON_HAND}"),
        ("a level's version past the page set's sequence",
         "typeof(version) <> 'integer' OR version NOT BETWEEN 1 AND (SELECT seq FROM manifest)"),
    ),
}  # fmt: skip
_MANIFEST = (
    "SELECT seq, catalog_cursor, stock_cursor, store_id, format FROM manifest "
    "WHERE typeof(seq) = 'integer' AND seq >= 1 AND typeof(catalog_cursor) = 'text' "
    "AND length(catalog_cursor) BETWEEN 1 AND 512 AND typeof(stock_cursor) = 'text' "
    "AND length(stock_cursor) BETWEEN 1 AND 512 AND typeof(store_id) = 'text' "
    "AND typeof(format) = 'integer'"
)


def check(path: Path, store_id: str, expected: Objects) -> Manifest:
    """The page set's manifest if every check passes; ``PageSetRefused`` otherwise."""
    with Checks(path, store_id, expected) as checks:
        return checks.result()


class Checks:
    """The checks of one page set, the long ones running on helper threads.

    The header and the schema are checked on creation (a file that fails them is never
    read further); then ``PRAGMA quick_check`` and the value checks run on two helper
    threads, each on a connection of its own. ``pages_ok`` waits for the first (the
    copy may then copy records as they are: its pages are sound), ``result`` for both.
    So on two cores both checks of 1,000,000 products run beside the copy into the
    store, whose transaction commits only once ``result`` returned. Leaving the ``with`` block
    early interrupts the checks still running."""

    def __init__(self, path: Path, store_id: str, expected: Objects) -> None:
        _check_header(path)
        with closing(_open(path)) as conn:
            try:
                _check_objects(conn, expected)
            except sqlite3.Error as exc:
                raise _refused(f"reading it failed ({exc})") from None
        self._pages_conn, self._values_conn = _open(path), _open(path)
        self._pool = ThreadPoolExecutor(2, thread_name_prefix="comptoir-page-set")
        self._pages = self._pool.submit(_quick_check, self._pages_conn)
        self._values = self._pool.submit(_check_content, self._values_conn, store_id)

    def __enter__(self) -> Checks:
        return self

    def __exit__(self, *exc: object) -> None:
        for conn in (self._pages_conn, self._values_conn):
            conn.interrupt()  # a no-op for a check that has finished
        self._pool.shutdown(wait=True)
        self._pages_conn.close()
        self._values_conn.close()

    def pages_ok(self) -> None:
        """Wait for ``quick_check``; ``PageSetRefused`` if the file is damaged."""
        self._pages.result()

    def result(self) -> Manifest:
        """Wait for every check; the manifest, or ``PageSetRefused`` (a damaged file is
        said to be damaged, whatever the value checks made of it)."""
        try:
            manifest = self._values.result()
        except (PageSetRefused, sqlite3.Error) as exc:
            self._pages.result()
            if isinstance(exc, sqlite3.Error):
                raise _refused(f"reading it failed ({exc})") from None
            raise
        self._pages.result()
        return manifest


def _check_content(conn: sqlite3.Connection, store_id: str) -> Manifest:
    manifest = _check_manifest(conn, store_id)
    for table, rules in _RULES.items():
        _check_values(conn, table, rules)
    return manifest


def _open(path: Path) -> sqlite3.Connection:
    """Read-only, schema untrusted: nothing in the file runs as code of ours."""
    try:
        conn = sqlite3.connect(
            f"file:{pathname2url(str(path))}?mode=ro",
            uri=True,
            isolation_level=None,
            check_same_thread=False,
        )
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA query_only = ON")
    except sqlite3.Error as exc:
        raise _refused(f"it cannot be opened ({exc})") from None
    return conn


def _refused(what: str) -> PageSetRefused:
    return PageSetRefused(
        f"The central's page set was refused: {what}. The catalog is loaded by the chunked "
        "snapshot instead."
    )


def _check_header(path: Path) -> None:
    with open(path, "rb") as file:
        head = file.read(100)
    if len(head) < 100 or head[:16] != _MAGIC:
        raise _refused("it is not an SQLite database")
    page_size = int.from_bytes(head[16:18], "big")
    if page_size != PAGE_SIZE:
        raise _refused(f"its page size is {page_size}, not {PAGE_SIZE}")
    if path.stat().st_size % PAGE_SIZE:
        raise _refused("its size is not a whole number of pages")


def _check_objects(conn: sqlite3.Connection, expected: Objects) -> None:
    found = set(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
    extra = sorted(f"{kind} {name}" for kind, name, _t, _s in found - set(expected))
    missing = sorted(f"{kind} {name}" for kind, name, _t, _s in set(expected) - found)
    if extra or missing:
        said = []
        if extra:
            said.append(f"unexpected or altered: {', '.join(extra[:5])}")
        if missing:
            said.append(f"missing or altered: {', '.join(missing[:5])}")
        raise _refused(f"its schema is not the contract's ({'; '.join(said)})")


def _quick_check(conn: sqlite3.Connection) -> None:
    try:
        result = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as exc:  # too damaged for quick_check to go on
        result = [str(exc)]
    if result != ["ok"]:
        raise _refused(f"it is damaged ({'; '.join(str(line) for line in result)[:300]})")


def _check_manifest(conn: sqlite3.Connection, store_id: str) -> Manifest:
    rows = conn.execute(_MANIFEST).fetchall()
    if len(rows) != 1 or conn.execute("SELECT count(*) FROM manifest").fetchone()[0] != 1:
        raise _refused("its manifest is not one well-formed row")
    seq, catalog_cursor, stock_cursor, owner, version = rows[0]
    if version != FORMAT:
        raise _refused(f"it is of format {version}, this till reads format {FORMAT}")
    if owner != store_id:
        raise _refused(f"it is for store {str(owner)[:64]!r}, not {store_id!r}")
    return Manifest(seq, catalog_cursor, stock_cursor)


def _check_values(conn: sqlite3.Connection, table: str, rules: tuple[tuple[str, str], ...]) -> None:
    """One pass counting the rows that break any rule (an ``OR`` in ``WHERE``: ~25% less
    CPU than a count per rule at 1,000,000 rows); the count per rule only for a table
    that has such rows, to say which rule."""
    source = _SOURCES.get(table, table)
    broken = " OR ".join(f"({expr})" for _what, expr in rules)
    if not conn.execute(f"SELECT count(*) FROM {source} WHERE {broken}").fetchone()[0]:
        return
    counts = ", ".join(f"coalesce(sum({expr}), 0)" for _what, expr in rules)
    found = conn.execute(f"SELECT {counts} FROM {source}").fetchone()
    for (what, _expr), count in zip(rules, found, strict=True):
        if count:
            raise _refused(f"{count} row(s) of its {table} hold {what}")
