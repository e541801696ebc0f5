"""The fiscal record desk's service on a real store file: the month due named by the
shop's calendar (a year's turn included), closed once, and each verification run
recorded in the JET with its source and its author; a cashier is refused."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from test_period_closures import CAMILLE, NADIA, Clock, Till

from pos.domain.rights import RightRefused
from pos.services.fiscal_record import FiscalRecord
from pos.store.local_store import LocalStore
from resources.demo.catalog import DemoProduct


@pytest.fixture
def october(store: LocalStore, demo_items: list[DemoProduct]) -> Iterator[Till]:
    """The period closures' test till (card sales, sessions gated by closures)."""
    made = Till(store, [i for i in demo_items if i.sold_by == "unit" and i.barcodes][:5])
    yield made
    made.checkout.close()


def _runs(store: LocalStore) -> list[dict]:
    rows = store.conn.execute(
        "SELECT body FROM chain_entries WHERE kind = 'verification_run' ORDER BY seq"
    )
    return [json.loads(body) for (body,) in rows]


def test_the_month_due_is_the_last_ended_one_until_it_is_closed(october: Till, tmp_path) -> None:
    till = october
    till.open("2026-10-05T07:00:00.000Z")
    till.sell("2026-10-05T08:00:00.000Z", 0)
    till.close("2026-10-05T17:00:00.000Z")
    clock = Clock()
    clock.set("2026-10-31T22:30:00.000Z")  # 23:30 in Paris: October still runs
    desk = FiscalRecord(tmp_path, "T01", clock=clock)
    overview = desk.overview(NADIA)
    assert (overview.previous_month, overview.month_to_close) == ("2026-09", "")  # no sale
    clock.set("2026-10-31T23:00:00.000Z")  # midnight in Paris: October is over
    assert desk.overview(NADIA).month_to_close == "2026-10"
    [made] = desk.close_month(NADIA, "2026-10")
    assert (made.type, made.period, made.tickets) == ("month", "2026-10", 1)
    overview = desk.overview(NADIA)
    assert overview.month_to_close == "" and overview.closures[0].period == "2026-10"
    clock.set("2027-01-01T10:00:00.000Z")
    assert desk.previous_month() == "2026-12"


def test_each_run_is_recorded_with_its_source_and_author_and_a_cashier_is_refused(
    store: LocalStore, tmp_path
) -> None:
    desk = FiscalRecord(tmp_path, "T01")
    cli = desk.verify(None, source="cli")
    assert cli.report.ok and cli.not_recorded == ""
    assert desk.verify(NADIA).report.ok
    first, second = _runs(store)
    assert first["detail"]["source"] == "cli" and "by" not in first["detail"]
    assert second["detail"]["source"] == "till"
    assert second["detail"]["by"] == {"staff_id": "s-nad", "name": "Nadia"}
    assert second["actor"] == "s-nad"
    for refused in (
        lambda: desk.verify(CAMILLE),
        lambda: desk.overview(CAMILLE),
        lambda: desk.close_month(CAMILLE, "2026-10"),
    ):
        with pytest.raises(RightRefused):
            refused()
    assert len(_runs(store)) == 2
