"""The demo catalog (``resources.demo.catalog``, the till's own), as ready-to-insert rows.

(Running the generator in a child process to overlap it with the inserts was tried: on
two shared cores it made a million-product seed slower, 22 s against 18 s.)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from sync.central.catalog import json_codes

SEED = 42  # the till's default demo seed: both sides must draw the same catalog
_BATCH = 20_000


def generator() -> Any:
    """The demo catalog module (imported on first use: only ``--seed-demo`` needs it)."""
    from resources.demo import catalog

    return catalog


@dataclass(frozen=True, slots=True)
class RowBatch:
    """One batch of products as rows of ``products`` (with the demo's popularity, as if
    sold), ``barcodes`` and one store's ``stock``."""

    products: list[tuple]
    codes: list[tuple[str, int]]
    stock: list[tuple]


def _rows(batch: list[Any], first_id: int, first_seq: int, count: int, store_id: str) -> RowBatch:
    """Ids follow generator order from 1, as the till numbers them; change_seqs are
    ``first_seq + id - 1`` for products, ``count`` further on for the store's stock."""
    products, codes, stock = [], [], []
    for pid, p in enumerate(batch, first_id):
        products.append(
            (pid, p.sku, p.name, p.brand, p.department, p.price_cents, p.vat_bp,
             p.sold_by, p.plu, json_codes(p.barcodes), 1, first_seq + pid - 1, p.popularity)
        )  # fmt: skip
        codes.extend((code, pid) for code in p.barcodes)
        stock.append((store_id, pid, p.sku, p.stock, first_seq + count + pid - 1))
    return RowBatch(products, codes, stock)


def row_batches(count: int, first_seq: int, store_id: str) -> Iterator[RowBatch]:
    """The first ``count`` demo products in batches, ``store_id`` holding the till's levels."""
    iterator: Iterable[Any] = iter(generator().demo_products(count, SEED))
    first_id = 1
    while batch := list(islice(iterator, _BATCH)):
        yield _rows(batch, first_id, first_seq, count, store_id)
        first_id += len(batch)
