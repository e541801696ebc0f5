"""Rebuild ``schema_v1.db``: a store database as Comptoir's schema version 1 left it.

The file is committed: ``test_migrations.py`` copies it and upgrades the copy to head,
the way a till updated from version 1 would. It is built with the repository's own
``0001_catalog.sql``, so until version 1 ships, re-run this script whenever 0001 changes
(``python tests/unit/store/golden/make_golden.py``); after that, 0001 and this file are
frozen. The rows are fixed, so the file is byte-for-byte reproducible.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pos.domain.text_keys import name_key
from pos.store.migrations import migrate

GOLDEN = Path(__file__).with_name("schema_v1.db")
STAMP = "2024-03-01T09:00:00.000Z"

DEPARTMENTS = [("EPI", "Épicerie", 550), ("BOI", "Boissons", 2000), ("BOU", "Boucherie", 550)]
# id, sku, name, department, price_cents, vat_bp, sold_by, plu
PRODUCTS = [
    (1, "CAF-250", "Café moulu 250 g", "EPI", 389, 550, "unit", None),
    (2, "EAU-150", "Eau minérale 1,5 L", "BOI", 65, 550, "unit", None),
    (3, "VIN-075", "Côtes-du-Rhône 75 cl", "BOI", 799, 2000, "unit", None),
    (4, "BOEUF-HA", "Bœuf haché", "BOU", 1890, 550, "weight", "01234"),
]
BARCODES = [("3760000000011", 1), ("3760000000028", 2), ("3760000000035", 2), ("3760000000042", 3)]
STOCK = [(1, 24), (2, 120), (3, 6), (4, 5400)]


def build(path: Path = GOLDEN) -> Path:
    """Write a fresh version-1 database at ``path`` (no WAL: one self-contained file)."""
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        migrate(conn, target=1)
        conn.execute("BEGIN")
        conn.execute("INSERT INTO settings (key, value) VALUES ('store_name', 'Épicerie du Port')")
        conn.executemany("INSERT INTO departments VALUES (?, ?, ?)", DEPARTMENTS)
        conn.executemany(
            "INSERT INTO products (id, sku, name, department, price_cents, vat_bp, sold_by, plu, "
            f"name_key, popularity, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{STAMP}')",
            [(*product, name_key(product[2]), 10 * product[0]) for product in PRODUCTS],
        )
        conn.executemany("INSERT INTO barcodes VALUES (?, ?)", BARCODES)
        conn.executemany("INSERT INTO stock VALUES (?, ?)", STOCK)
        conn.execute("COMMIT")
        conn.execute("VACUUM")
    finally:
        conn.close()
    return path


if __name__ == "__main__":
    print(f"wrote {build()}")
