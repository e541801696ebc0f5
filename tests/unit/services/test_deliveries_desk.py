"""The delivery desk's refusals that need no central server: Medusa says what it lacks
before anything is counted, and a till without the feed shows "incoming" as unknown."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos.domain.errors import PosError
from pos.domain.receiving import TransferLine
from pos.services.deliveries import DELIVERIES_NEED_CENTRAL, DeliveryDesk
from pos.store.local_store import LocalStore
from tests.support.staff import INES


def test_over_medusa_receiving_and_transfers_say_they_need_central(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "store.db") as store:
        desk = DeliveryDesk(store, "lyon-part-dieu", medusa=True)
        for act in (
            desk.expected,
            lambda: desk.open("BL-1"),
            desk.destinations,
            lambda: desk.send(INES, "paris-rivoli", [TransferLine(1, "A", "Bière", 1)]),
        ):
            with pytest.raises(PosError) as refused:
                act()
            assert refused.value.code == DELIVERIES_NEED_CENTRAL
            assert "Medusa" in refused.value.message
        assert store.conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0


def test_incoming_is_unknown_until_the_feed_was_pulled(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "store.db") as store:
        assert DeliveryDesk(store, "lyon-part-dieu").incoming(1) is None
