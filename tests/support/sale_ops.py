"""Sale operations shaped exactly like a till's outbox rows, with a valid hash chain.

``SaleChain`` seals sales the way ``pos.store.journal`` does (sha256 of the previous hash,
a newline and the canonical record), so tests can push thousands of sales without a till,
and break the chain on purpose.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass, field
from typing import Any

GENESIS_HASH = "0" * 64


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def chain_hash(prev_hash: str, sale: dict[str, Any]) -> str:
    return hashlib.sha256(f"{prev_hash}\n{canonical_json(sale)}".encode()).hexdigest()


def sale_record(
    sale_id: str,
    terminal_id: str,
    ticket_no: int,
    lines: list[tuple[int, str, int, int]],
) -> dict[str, Any]:
    """A canonical sale record; ``lines`` are ``(product_id, sku, quantity, unit_cents)``,
    sold by unit at 5.5 % VAT and paid by card."""
    records = []
    for line_no, (product_id, sku, quantity, unit) in enumerate(lines, start=1):
        gross = quantity * unit
        records.append(
            {"line_no": line_no, "product_id": product_id, "sku": sku, "name": f"Produit {sku}",
             "barcode": None, "sold_by": "unit", "quantity": quantity, "unit_price_cents": unit,
             "vat_bp": 550, "gross_cents": gross, "line_discount_cents": 0,
             "ticket_discount_cents": 0, "total_cents": gross}
        )  # fmt: skip
    total = sum(line["total_cents"] for line in records)
    base = total * 10000 // 10550
    return {
        "v": 1,
        "id": sale_id,
        "terminal_id": terminal_id,
        "ticket_no": ticket_no,
        "cashier": "Camille",
        "started_at": "2025-11-25T09:00:00.000Z",
        "completed_at": "2025-11-25T09:01:00.000Z",
        "total_cents": total,
        "change_cents": 0,
        "lines": records,
        "tenders": [{"seq": 1, "kind": "card", "amount_cents": total, "reference": ""}],
        "vat": [
            {"vat_bp": 550, "base_cents": base, "vat_cents": total - base, "total_cents": total}
        ],
    }


@dataclass
class SaleChain:
    """One terminal's journal: each ``sale()`` is the next sealed entry, as an operation."""

    terminal_id: str = "T01"
    seq: int = 0
    head: str = GENESIS_HASH
    grand_total: int = 0
    outbox_seq: int = 0
    sealed: list[dict[str, Any]] = field(default_factory=list)

    def sale(
        self,
        lines: list[tuple[int, str, int, int]] | None = None,
        *,
        sale_id: str | None = None,
        seq: int | None = None,
        prev_hash: str | None = None,
    ) -> dict[str, Any]:
        """The next sale as ``{"op_id", "seq", "kind", "payload"}``. ``seq``/``prev_hash``
        override the chain (to forge a gap or a rewrite); the head still advances."""
        sale_id = sale_id or str(uuid.uuid4())
        entry_seq = self.seq + 1 if seq is None else seq
        prev = self.head if prev_hash is None else prev_hash
        record = sale_record(
            sale_id, self.terminal_id, entry_seq, lines or [(1, "SKU0000001", 1, 349)]
        )
        return self._sealed(record, entry_seq, prev)

    def seal(self, record: dict[str, Any]) -> dict[str, Any]:
        """Any record (a v3 return ticket, say) as the next sealed sale: numbered here."""
        record = record | {"ticket_no": self.seq + 1, "terminal_id": self.terminal_id}
        return self._sealed(record, self.seq + 1, self.head)

    def _sealed(self, record: dict[str, Any], entry_seq: int, prev: str) -> dict[str, Any]:
        sale_id = record["id"]
        digest = chain_hash(prev, record)
        self.grand_total += abs(record["total_cents"])  # perpetual: in absolute value
        self.seq, self.head = entry_seq, digest
        self.outbox_seq += 1
        op = {
            "op_id": sale_id,
            "seq": self.outbox_seq,
            "kind": "sale",
            "payload": {
                "journal": {
                    "seq": entry_seq,
                    "hash": digest,
                    "prev_hash": prev,
                    "grand_total_cents": self.grand_total,
                },
                "sale": record,
            },
        }
        self.sealed.append(op)
        return op
