"""The operator's reads and stock counts (catalog writes live in ``catalog``)."""

from __future__ import annotations

from sync.central.db import Database, counter, utc_now
from sync.central.errors import not_found
from sync.central.stock import StockChanges, item, level
from sync.contract.admin import (
    ChainFlag,
    ChainView,
    Stats,
    StockCount,
    WitnessFlag,
    WitnessHead,
    WitnessView,
)
from sync.contract.feeds import StockItem
from sync.contract.sales import GENESIS_HASH

_MAX_FLAGS = 1000


def stock_count(db: Database, store_id: str, count: StockCount) -> StockItem:
    """Set the counted level; the difference is recorded as a ``count`` movement."""
    with db.write() as conn:
        if conn.execute("SELECT 1 FROM stores WHERE id = ?", (store_id,)).fetchone() is None:
            raise not_found(f"There is no store {store_id!r}.")
        row = conn.execute("SELECT id FROM products WHERE sku = ?", (count.sku,)).fetchone()
        if row is None:
            raise not_found(f"There is no product {count.sku!r}.")
        product_id = int(row[0])
        on_hand, _reserved = level(conn, store_id, product_id) or (0, 0)
        changes = StockChanges(store_id, utc_now())
        changes.move(product_id, count.sku, count.on_hand - on_hand, "count", None, None)
        changes.flush(conn)
        return StockItem.model_validate(item(conn, store_id, product_id))


def chain(db: Database, store_id: str, terminal_id: str) -> ChainView:
    with db.read() as conn:
        head = conn.execute(
            "SELECT head_seq, head_hash, entries, grand_total_cents FROM chain_heads "
            "WHERE store_id = ? AND terminal_id = ?",
            (store_id, terminal_id),
        ).fetchone()
        flags = conn.execute(
            "SELECT kind, seq, op_id, detail, at FROM chain_flags "
            "WHERE store_id = ? AND terminal_id = ? ORDER BY id LIMIT ?",
            (store_id, terminal_id, _MAX_FLAGS),
        ).fetchall()
        known = conn.execute(
            "SELECT 1 FROM terminals WHERE store_id = ? AND terminal_id = ?",
            (store_id, terminal_id),
        ).fetchone()
    if head is None and known is None:
        raise not_found(f"There is no terminal {terminal_id!r} in store {store_id!r}.")
    head_seq, head_hash, entries, grand_total = head or (0, GENESIS_HASH, 0, 0)
    return ChainView(
        store_id=store_id,
        terminal_id=terminal_id,
        entries=entries,
        head_seq=head_seq,
        head_hash=head_hash,
        grand_total_cents=grand_total,
        flags=[
            ChainFlag(kind=kind, seq=seq, op_id=op_id, detail=detail, at=at)
            for kind, seq, op_id, detail, at in flags
        ],
    )


def witness(db: Database, store_id: str, terminal_id: str) -> WitnessView:
    """A terminal's signed chains as witnessed: each chain's head, and every flag."""
    with db.read() as conn:
        known = conn.execute(
            "SELECT 1 FROM terminals WHERE store_id = ? AND terminal_id = ?",
            (store_id, terminal_id),
        ).fetchone()
        if known is None:
            raise not_found(f"There is no terminal {terminal_id!r} in store {store_id!r}.")
        where = (store_id, terminal_id)
        keys = conn.execute(
            "SELECT count(*) FROM terminal_keys WHERE store_id = ? AND terminal_id = ?", where
        ).fetchone()[0]
        heads = conn.execute(
            "SELECT chain, head_seq, head_sig, key_id, at, entries FROM signed_heads "
            "WHERE store_id = ? AND terminal_id = ? ORDER BY chain",
            where,
        ).fetchall()
        flags = conn.execute(
            "SELECT chain, kind, seq, op_id, detail, at FROM signed_flags "
            "WHERE store_id = ? AND terminal_id = ? ORDER BY id LIMIT ?",
            (*where, _MAX_FLAGS),
        ).fetchall()
    head_fields = ("chain", "head_seq", "head_sig", "key_id", "at", "entries")
    flag_fields = ("chain", "kind", "seq", "op_id", "detail", "at")
    return WitnessView(
        store_id=store_id,
        terminal_id=terminal_id,
        keys=keys,
        heads=[WitnessHead(**dict(zip(head_fields, row, strict=True))) for row in heads],
        flags=[WitnessFlag(**dict(zip(flag_fields, row, strict=True))) for row in flags],
    )


def stats(db: Database) -> Stats:
    with db.read() as conn:
        products = conn.execute("SELECT count(*) FROM products").fetchone()[0]
        return Stats(
            operations_accepted=counter(conn, "operations_accepted"),
            operations_duplicate=counter(conn, "operations_duplicate"),
            operations_rejected=counter(conn, "operations_rejected"),
            sales=counter(conn, "sales"),
            products=products,
            terminals=conn.execute("SELECT count(*) FROM terminals").fetchone()[0],
        )
