"""The X and Z figures read one session's sales through the session index, never a scan."""

import pytest

from pos.store.local_store import LocalStore
from pos.store.till_figures import QUERIES


@pytest.mark.parametrize("sql", QUERIES)
def test_each_figures_query_reads_by_the_session_index(tmp_path, sql: str) -> None:
    with LocalStore(tmp_path / "store.db") as store:
        plan = [row[3] for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}", ("s",))]
    driving = plan[0]
    assert "sales_session" in driving or "cash_movement_session" in driving, plan
    assert not any(step.startswith("SCAN") and "USING" not in step for step in plan), plan
