"""The cents rules of ``sync.medusa.money`` and the tie-safe cursors (no server needed)."""

from __future__ import annotations

import pytest

from sync.medusa import cursors
from sync.medusa.money import BadAmount, field_cents, rate_to_bp, to_cents, to_major
from sync.ports import BadCursor


@pytest.mark.parametrize(
    ("amount", "cents"),
    [
        (4.99, 499),
        (45.132, 4513),
        (0.125, 13),  # half up, not banker's rounding
        (2.345, 235),  # binary 2.345 is 2.34499...: read as the decimal it was written
        (1.6633333333333333, 166),
        (10, 1000),
        ("7.15", 715),
        (0, 0),
    ],
)
def test_amounts_become_cents_half_up(amount, cents):
    assert to_cents(amount) == cents


def test_the_exact_raw_text_wins_over_the_float():
    record = {"total": 0.30000000000000004, "raw_total": {"value": "0.295", "precision": 20}}

    assert field_cents(record, "total") == 30  # 0.295 -> 29.5 -> 30


@pytest.mark.parametrize("bad", [-0.01, float("nan"), float("inf"), True, None, "abc", 1e9])
def test_what_cannot_be_money_is_refused(bad):
    with pytest.raises(BadAmount):
        to_cents(bad)


def test_vat_rates_and_the_way_back():
    assert (rate_to_bp(20), rate_to_bp(5.5), rate_to_bp(2.1), rate_to_bp(0)) == (2000, 550, 210, 0)
    assert to_major(499) == 4.99 and to_major(0) == 0
    with pytest.raises(BadAmount):
        rate_to_bp(100)


def stamp(name: str) -> str:
    """``t1``, ``t2``… as PostgreSQL times: ``t2`` is 2 ms after the epoch."""
    return f"2026-12-01T10:00:00.{int(name[1:]):03d}000"


def rows(*stamps: str) -> list[dict]:
    return [{"id": f"r{n:03d}", "stored": stamp(s)} for n, s in enumerate(stamps)]


class FakeList:
    """A Medusa list over fixed rows as PostgreSQL holds them: ``stored`` to the
    microsecond, shown to the millisecond; updated_at filters, one sort field, offset."""

    def __init__(self, data: list[dict]) -> None:
        self.data = data

    def __call__(self, params: dict, limit: int) -> list[dict]:
        found = list(self.data)
        for key, value in params.items():
            if key.startswith("updated_at["):
                op = key[len("updated_at[") : -1]
                bound = value.rstrip("Z").ljust(26, "0")  # ISO, to the microsecond
                test = {"$gte": str.__ge__, "$gt": str.__gt__, "$lt": str.__lt__}[op]
                found = [row for row in found if test(row["stored"], bound)]
        order = params.get("order", "updated_at")
        found.sort(key=lambda row: row["stored" if order == "updated_at" else order])
        offset = int(params.get("offset", 0))
        shown = [{**row, "updated_at": row["stored"][:23] + "Z"} for row in found]
        return shown[offset : offset + limit]


def drain(fetch: FakeList, cursor: cursors.TimeCursor, limit: int):
    seen: list[str] = []
    for _ in range(100):
        page, cursor, more = cursors.changed_since(fetch, cursor, limit)
        seen.extend(row["id"] for row in page)
        if not more:
            return seen, cursor
    raise AssertionError("never caught up")


def test_a_tie_group_larger_than_a_page_is_paged_by_id():
    data = rows("t1", *["t2"] * 7, "t3")
    seen, cursor = drain(FakeList(data), cursors.TimeCursor(), limit=3)

    assert set(seen) == {row["id"] for row in data}
    assert cursor.t == stamp("t3")[:23] + "Z"


def test_a_group_sharing_one_transactions_microseconds_is_paged_not_stalled():
    """A bulk import in one transaction: 7 rows at .002345 (shown .002), pages of 3. An
    ``$eq`` on the shown time matches none of them and ``$gt`` all of them again."""
    data = rows("t1", "t3")
    data[1:1] = [{"id": f"bulk{n}", "stored": "2026-12-01T10:00:00.002345"} for n in range(7)]

    seen, _ = drain(FakeList(data), cursors.TimeCursor(), limit=3)

    assert sorted(seen) == sorted(row["id"] for row in data)


def test_rows_written_later_come_with_the_next_pull():
    data = rows("t1", "t2")
    fetch = FakeList(data)
    _, cursor = drain(fetch, cursors.TimeCursor(), limit=10)
    data.append({"id": "late", "stored": stamp("t2")[:23] + "999"})  # same millisecond
    data.append({"id": "new", "stored": stamp("t4")})

    seen, _ = drain(fetch, cursor, limit=10)

    assert {"late", "new"} <= set(seen)


def test_cursors_are_opaque_and_tagged_with_their_feed():
    text = cursors.encode("stock", {"offset": 40})

    assert cursors.decode("stock", text) == {"offset": 40}
    with pytest.raises(BadCursor):
        cursors.decode("catalog", text)
    with pytest.raises(BadCursor):
        cursors.decode("stock", "not-a-cursor!")
