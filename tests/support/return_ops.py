"""Return tickets (sale record v3) shaped like a till's, for tests without a till.

``returned(...)`` is a returned line (negative quantity and amounts, what it takes back);
``ticket(...)`` a v3 record of sold and returned lines with its tenders (refunds < 0);
``SaleChain.seal`` turns any record into the terminal's next sealed ``sale`` operation.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any


def sold(line_no: int, product_id: int, sku: str, quantity: int, unit: int) -> dict[str, Any]:
    gross = quantity * unit
    return {"line_no": line_no, "product_id": product_id, "sku": sku, "name": f"Produit {sku}",
            "barcode": None, "sold_by": "unit", "quantity": quantity, "unit_price_cents": unit,
            "vat_bp": 550, "gross_cents": gross, "line_discount_cents": 0,
            "ticket_discount_cents": 0, "total_cents": gross}  # fmt: skip


def returned(
    line_no: int,
    origin: tuple[str, int],
    product: tuple[int, str],
    quantity: int,
    unit: int,
    *,
    restock: bool = True,
    channel: str = "store",
) -> dict[str, Any]:
    """Line ``line_no`` taking back ``quantity`` of ``origin`` (sale id, line no)."""
    line = sold(line_no, product[0], product[1], quantity, unit)
    gross = -quantity * unit
    line |= {"quantity": -quantity, "gross_cents": gross, "total_cents": gross}
    line["returned"] = {
        "origin_sale_id": origin[0], "origin_line_no": origin[1], "origin_label": "T01 n°1",
        "channel": channel, "reason": "changed_mind", "restock": restock, "approval_id": None,
    }  # fmt: skip
    return line


def ticket(
    sale_id: str,
    terminal_id: str,
    lines: list[dict[str, Any]],
    tenders: list[tuple[str, int, str]],
) -> dict[str, Any]:
    """A v3 record completed now; ``tenders`` are ``(kind, amount_cents, reference)``."""
    total = sum(line["total_cents"] for line in lines)
    now = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    base = total * 10000 // 10550
    return {
        "v": 3,
        "id": sale_id,
        "terminal_id": terminal_id,
        "ticket_no": 1,  # SaleChain.seal numbers it
        "cashier": "Camille",
        "started_at": now,
        "completed_at": now,
        "total_cents": total,
        "change_cents": 0,
        "lines": lines,
        "tenders": [
            {"seq": seq, "kind": kind, "amount_cents": amount, "reference": reference}
            for seq, (kind, amount, reference) in enumerate(tenders, start=1)
        ],
        "vat": [
            {"vat_bp": 550, "base_cents": base, "vat_cents": total - base, "total_cents": total}
        ],
    }
