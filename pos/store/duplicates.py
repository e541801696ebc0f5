"""The duplicates chain: every reprint of a ticket, numbered per ticket, signed first.

A copy is recorded before it is printed, in a transaction of its own: whether the paper
comes out or the printer is out of paper, the copy exists in the chain, so a ticket can
never be reprinted unseen. ``copy_no`` counts that ticket's earlier copies inside the
same transaction, so two copies of one ticket can never both be n°2.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from pos.domain.chain_entry import DUPLICATE, ChainEntry
from pos.domain.sale import CompletedSale
from pos.store import chains
from pos.store.db import write_transaction
from pos.store.receipts import insert_receipt
from pos.store.sale_codec import canonical_json
from pos.store.signing_key import SigningKey

KIND = "duplicate"
_COPIES = "SELECT count(*) FROM chain_entries WHERE ref = ? AND chain = 'duplicate'"


@dataclass(frozen=True, slots=True)
class Duplicate:
    """One recorded copy: its number among the ticket's copies, and its signed entry."""

    copy_no: int
    entry: ChainEntry


def record(
    conn: sqlite3.Connection,
    key: SigningKey,
    sale: CompletedSale,
    *,
    terminal_id: str,
    actor: dict[str, str],
    at: str,
) -> Duplicate:
    """Append the copy's entry (ref = the sale id) and its receipt event, in one commit.

    ``actor`` is who asked for it (``{"staff_id": .., "name": ..}``); the body names the
    ticket by its number and its ticket-chain entry."""
    with write_transaction(conn):
        copy_no = conn.execute(_COPIES, (sale.sale_id,)).fetchone()[0] + 1
        body = canonical_json(
            {
                "actor": actor,
                "copy_no": copy_no,
                "terminal_id": terminal_id,
                "ticket_no": sale.ticket_no,
                "ticket_seq": sale.chain_seq,
            }
        )
        entry = chains.append(
            conn, key, chain=DUPLICATE, kind=KIND, body=body, terminal_id=terminal_id,
            at=at, ref=sale.sale_id,
        )  # fmt: skip
        insert_receipt(conn, sale.sale_id, "duplicate", at, f"copy {copy_no}")
    return Duplicate(copy_no, entry)


def copies(conn: sqlite3.Connection, sale_id: str) -> list[ChainEntry]:
    """The ticket's copies, first to last."""
    return chains.by_ref(conn, sale_id, DUPLICATE)
