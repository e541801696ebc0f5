"""Which undo calls owed to central a manager must see (``pos.store.owed_calls``): a
refusal at once, an unanswered one after a few rounds or a couple of hours; nothing leaves
the queue but by central's answer. A real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.store import claim_releases, credit_note_reversals, owed_calls
from pos.store.db import connect
from pos.store.migrations import migrate

NOW = "2026-12-06T15:00:00.000Z"
RECENT = "2026-12-06T14:50:00.000Z"  # 10 minutes before NOW
LONG_AGO = "2026-12-06T12:30:00.000Z"  # 2 h 30 before NOW


@pytest.fixture
def conn(tmp_path: Path) -> Iterator:
    path = tmp_path / "store.db"
    connection = connect(path)
    migrate(connection, path)
    yield connection
    connection.close()


def _unanswered(conn, op_id: str, times: int) -> None:
    for _ in range(times):
        credit_note_reversals.failed(conn, op_id, credit_note_reversals.UNREACHABLE, "502")


def test_refused_at_once_unanswered_after_five_rounds_or_two_hours(conn) -> None:
    credit_note_reversals.queue(conn, "AV-1", "s1:t1", now=RECENT)
    _unanswered(conn, "s1:t1", owed_calls.STUCK_ATTEMPTS - 1)  # not yet
    credit_note_reversals.queue(conn, "AV-2", "s2:t1", now=RECENT)
    _unanswered(conn, "s2:t1", owed_calls.STUCK_ATTEMPTS)  # five rounds
    credit_note_reversals.queue(conn, "AV-3", "s3:t1", now=RECENT)
    credit_note_reversals.failed(conn, "s3:t1", "bad_reply", "Unreadable answer.")  # refused
    claim_releases.queue(conn, "r-4", now=RECENT)  # not tried yet
    claim_releases.queue(conn, "r-5", now=LONG_AGO)  # waiting too long
    shown = [(c.kind, c.key) for c in owed_calls.needing_attention(conn, NOW)]
    assert shown == [
        ("claim_release", "r-5"),
        ("credit_note_reversal", "s2:t1"),
        ("credit_note_reversal", "s3:t1"),
    ]
    assert len(owed_calls.queued(conn)) == 5  # shown or not, all still owed


def test_only_centrals_answer_takes_one_off_the_list(conn) -> None:
    credit_note_reversals.queue(conn, "AV-1", "s1:t1", now=LONG_AGO)
    claim_releases.queue(conn, "r-2", now=LONG_AGO)
    assert len(owed_calls.needing_attention(conn, NOW)) == 2
    credit_note_reversals.done(conn, "s1:t1")
    claim_releases.released(conn, "r-2")
    assert owed_calls.needing_attention(conn, NOW) == []
