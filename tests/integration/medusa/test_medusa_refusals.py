"""What Medusa refuses is never lost from sight: ``comptoir sync`` names it and exits
non-zero, and the till's "Operations to check" list holds it with Medusa's reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos.cli import SET_ASIDE_EXIT, run_sync
from pos.services.outbox_review import OutboxReview
from pos.store import outbox
from pos.store.local_store import LocalStore
from tests.medusa.helpers import linked_till
from tests.medusa.seed import Seed

pytestmark = pytest.mark.medusa


def test_a_medusa_refusal_is_reported_and_listed_to_check(
    seed: Seed, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    till = linked_till(seed, tmp_path)
    assert run_sync(till) == 0
    with LocalStore(till / "store.db") as store:
        product = store.conn.execute(
            "SELECT id, sku FROM products WHERE sold_by = 'unit' LIMIT 1"
        ).fetchone()
        # beyond what a till may move in one go: Comptoir's plugin refuses it by name
        movement = {"delta": -10_001, "product_id": product[0], "reason": "count"}
        movement["sku"] = product[1]
        outbox.enqueue(store.conn, "mv-medusa-1", "stock_movement", movement)
    capsys.readouterr()

    assert run_sync(till) == SET_ASIDE_EXIT  # not 0: a manager must look

    out = capsys.readouterr().out
    assert "1 refused, 1 set aside in all" in out
    assert "Refused by the central API (set aside): 1" in out
    assert "stock_movement mv-medusa-1: implausible_quantity:" in out
    found = OutboxReview(till, "T01").list()  # what "Opérations à vérifier…" shows
    assert found.set_aside_total == 1
    [op] = found.set_aside
    assert (op.op_id, op.kind, op.code) == ("mv-medusa-1", "stock_movement", "implausible_quantity")
    assert "beyond 10,000 units" in op.reason
    assert run_sync(till) == SET_ASIDE_EXIT  # still to check on the next round
