"""Witnessing each terminal's journal: the server's copy of the hash chain it was sent.

For every sale the server recomputes ``sha256(prev_hash + "\\n" + canonical_json(sale))``
and compares the entry with the last one it witnessed for that terminal. Anomalies are
warnings, never refusals (the money was taken), and are kept in ``chain_flags`` for audit:

* ``hash_mismatch``: the entry's hash is not the hash of its sale;
* ``chain_break``: its seq does not follow the head, or its prev_hash is not the head's hash;
* ``chain_rewrite``: a seq already witnessed comes again with a different hash (the first
  hash seen stays the witnessed one).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from sync.contract.operations import CHAIN_BREAK, CHAIN_REWRITE, HASH_MISMATCH
from sync.contract.sales import GENESIS_HASH

_HEAD = (
    "SELECT head_seq, head_hash, entries, grand_total_cents FROM chain_heads "
    "WHERE store_id = ? AND terminal_id = ?"
)


@dataclass(slots=True)
class ChainWitness:
    """One terminal's chain during one push transaction; ``flush`` writes what it saw."""

    store_id: str
    terminal_id: str
    at: str
    head_seq: int = 0
    head_hash: str = GENESIS_HASH
    entries: int = 0
    grand_total: int = 0
    known: dict[int, str] = field(default_factory=dict)  # seq -> witnessed hash
    new_entries: list[tuple] = field(default_factory=list)
    flags: list[tuple] = field(default_factory=list)

    @classmethod
    def load(
        cls, conn: sqlite3.Connection, store_id: str, terminal_id: str, seqs: list[int], at: str
    ) -> ChainWitness:
        """The head, and the already witnessed hashes of the seqs this batch will bring."""
        witness = cls(store_id, terminal_id, at)
        row = conn.execute(_HEAD, (store_id, terminal_id)).fetchone()
        if row is not None:
            witness.head_seq, witness.head_hash, witness.entries, witness.grand_total = row
        for start in range(0, len(seqs), 500):
            chunk = seqs[start : start + 500]
            marks = ",".join("?" * len(chunk))
            witness.known.update(
                conn.execute(
                    "SELECT seq, hash FROM chain_entries WHERE store_id = ? AND terminal_id = ? "
                    f"AND seq IN ({marks})",
                    (store_id, terminal_id, *chunk),
                ).fetchall()
            )
        return witness

    def witness(
        self, op_id: str, seq: int, prev_hash: str, claimed: str, computed: str, grand_total: int
    ) -> list[str]:
        """Record one sale's journal entry; return its warnings (empty when all is well)."""
        warnings: list[str] = []
        if computed != claimed:
            warnings.append(HASH_MISMATCH)
            self._flag(HASH_MISMATCH, seq, op_id, f"sent {claimed}, the sale hashes to {computed}")
        seen = self.known.get(seq)
        if seen is not None:
            if seen != claimed:
                warnings.append(CHAIN_REWRITE)
                self._flag(CHAIN_REWRITE, seq, op_id, f"seq {seq} was {seen}, now {claimed}")
            return warnings
        if seq != self.head_seq + 1 or prev_hash != self.head_hash:
            warnings.append(CHAIN_BREAK)
            self._flag(CHAIN_BREAK, seq, op_id, self._break_detail(seq, prev_hash))
        self.known[seq] = claimed
        self.new_entries.append((self.store_id, self.terminal_id, seq, claimed, op_id))
        self.entries += 1
        if seq > self.head_seq:
            self.head_seq, self.head_hash, self.grand_total = seq, claimed, grand_total
        return warnings

    def _break_detail(self, seq: int, prev_hash: str) -> str:
        if seq != self.head_seq + 1:
            return f"seq {seq} does not follow the last witnessed seq {self.head_seq}"
        return f"prev_hash {prev_hash} is not the hash of seq {self.head_seq} ({self.head_hash})"

    def _flag(self, kind: str, seq: int, op_id: str, detail: str) -> None:
        self.flags.append((self.store_id, self.terminal_id, seq, kind, op_id, detail, self.at))

    def flush(self, conn: sqlite3.Connection) -> None:
        if not self.new_entries and not self.flags:
            return
        conn.executemany(
            "INSERT INTO chain_entries (store_id, terminal_id, seq, hash, op_id) "
            "VALUES (?, ?, ?, ?, ?)",
            self.new_entries,
        )
        conn.executemany(
            "INSERT INTO chain_flags (store_id, terminal_id, seq, kind, op_id, detail, at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            self.flags,
        )
        conn.execute(
            "INSERT INTO chain_heads (store_id, terminal_id, head_seq, head_hash, entries, "
            "grand_total_cents) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (store_id, terminal_id) "
            "DO UPDATE SET head_seq = excluded.head_seq, head_hash = excluded.head_hash, "
            "entries = excluded.entries, grand_total_cents = excluded.grand_total_cents",
            (
                self.store_id,
                self.terminal_id,
                self.head_seq,
                self.head_hash,
                self.entries,
                self.grand_total,
            ),
        )
