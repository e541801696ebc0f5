"""How a stock count is cut into per-line movements for Medusa and folded back into one
outcome: the real expansion and folding, over a push that answers as the plugin does
(Medusa itself runs in tests/integration/medusa/test_medusa_stock_counts.py)."""

from __future__ import annotations

import json

from pos.store.sale_codec import canonical_json
from sync.medusa.plugin_counts import push_counts
from sync.ports import OperationOutcome, OutgoingOperation


def _count(op_id: str, variances: list[int]) -> OutgoingOperation:
    lines = [
        {"product_id": n + 1, "sku": f"SKU{n + 1}", "counted": 5 + v, "expected": 5,
         "counted_at": "2026-12-06T10:05:00.000Z", "staff_id": "camille"}
        for n, v in enumerate(variances)
    ]  # fmt: skip
    payload = {"count_id": op_id, "scope": "full", "approved_by": "ines",
               "approved_at": "2026-12-06T10:30:00.000Z", "lines": lines}  # fmt: skip
    return OutgoingOperation(op_id, 1, "stock_count", canonical_json(payload))


class Ledger:
    """A plugin's ledger: an op id applied once, then duplicate; SKU3 is unknown."""

    def __init__(self) -> None:
        self.applied: dict[str, int] = {}

    def __call__(self, ops) -> list[OperationOutcome]:
        done = []
        for op in ops:
            payload = json.loads(op.payload_json)
            if payload.get("sku") == "SKU3":
                done.append(OperationOutcome(op.op_id, "rejected", "unknown_product", "no SKU3"))
            elif op.op_id in self.applied:
                done.append(OperationOutcome(op.op_id, "duplicate"))
            else:
                self.applied[op.op_id] = payload.get("delta", 0)
                done.append(OperationOutcome(op.op_id, "accepted"))
        return done


def test_a_count_goes_as_its_variances_and_comes_back_as_one_outcome() -> None:
    ledger = Ledger()
    sale = OutgoingOperation("sale-1", 1, "sale", "{}")
    outcomes = push_counts([sale, _count("c1", [-2, 0])], ledger)
    assert [(o.op_id, o.status) for o in outcomes] == [("sale-1", "accepted"), ("c1", "accepted")]
    assert ledger.applied == {"sale-1": 0, "c1.p1": -2}  # no movement for no variance
    again = push_counts([_count("c1", [-2, 0])], ledger)
    assert [o.status for o in again] == ["duplicate"]
    assert ledger.applied == {"sale-1": 0, "c1.p1": -2}


def test_a_refused_line_refuses_the_count_and_a_resend_applies_the_rest_once() -> None:
    ledger = Ledger()
    [refused] = push_counts([_count("c2", [1, 0, 4])], ledger)
    assert (refused.status, refused.code) == ("rejected", "unknown_product")
    assert "c2.p3" in refused.reason
    [garbled] = push_counts([OutgoingOperation("c3", 1, "stock_count", '{"lines": []}')], ledger)
    assert (garbled.status, garbled.code) == ("rejected", "invalid_payload")
