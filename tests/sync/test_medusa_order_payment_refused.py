"""A till sale paying a customer order is refused by the Medusa adapter before any call:
Medusa would take the goods from this store's stock and never mark the order paid. The
refusal is final and worded (the till keeps the sale, on its attention list)."""

from __future__ import annotations

import json
from pathlib import Path

from pos.services.central_link import MEDUSA_FILE, medusa_settings
from sync.medusa import MedusaBackend
from sync.ports import OutgoingOperation
from tests.unit.services.test_engine_feeds import MEDUSA_TOML  # Medusa at a closed port


def _sale(op_id: str, line: dict[str, object]) -> OutgoingOperation:
    payload = {"sale_id": op_id, "lines": [line]}
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"))
    return OutgoingOperation(op_id, 1, "sale", text)


def test_a_sale_paying_a_customer_order_is_refused_without_calling_medusa(tmp_path: Path):
    (tmp_path / MEDUSA_FILE).write_text(MEDUSA_TOML, encoding="utf-8")
    backend = MedusaBackend(medusa_settings(tmp_path), terminal_id="T01")
    try:
        op = _sale("s-1", {"sku": "SKU1", "customer_order_id": "co-42"})
        [outcome] = backend.push([op])  # Medusa's port is closed: no call was made
    finally:
        backend.close()
    assert (outcome.op_id, outcome.status, outcome.code) == ("s-1", "rejected", "not_supported")
    assert "customer order" in outcome.reason
