"""The manager's "Operations to check" dialog over a real store file, offscreen."""

from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.services.outbox_review import OutboxReview
from pos.store import outbox, push_queue, sync_attention
from pos.store.local_store import LocalStore
from pos.store.push_queue import Rejection
from pos.store.sync_attention import OpWarning
from pos.ui.dialogs.outbox_dialog import OutboxDialog


def _refused_and_warned(path: Path) -> None:
    with LocalStore(path) as store:
        for n in range(3):
            outbox.enqueue(store.conn, f"mv-{n}", "stock_movement", {"n": n})
        push_queue.settle(
            store.conn,
            ["mv-2"],
            [Rejection("mv-0", "unknown_product", "Central knows no product 7."),
             Rejection("mv-1", "invalid_payload", "Bad VAT table.")],
            [OpWarning("mv-2", "chain_break", "A gap.")],
        )  # fmt: skip


def test_the_dialog_lists_set_aside_operations_and_warnings_and_sends_them_again(
    qtbot: QtBot, data_dir: Path
) -> None:
    _refused_and_warned(data_dir / "store.db")
    dialog = OutboxDialog(OutboxReview(data_dir, "T07"))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Opérations à vérifier"
    qtbot.waitUntil(lambda: dialog.set_aside.rowCount() == 2, timeout=5000)
    assert dialog.set_aside.item(0, 3).text() == "unknown_product"
    assert dialog.set_aside.item(1, 4).text() == "Bad VAT table."
    assert dialog.warnings.rowCount() == 1
    assert "journal" in dialog.warnings.item(0, 4).text()  # central's code, in French

    dialog.set_aside.selectRow(1)
    with qtbot.waitSignal(dialog.requeued, timeout=5000) as requeued:
        dialog.send_selected.click()
    assert requeued.args == [1]
    qtbot.waitUntil(lambda: dialog.set_aside.rowCount() == 1, timeout=5000)
    with qtbot.waitSignal(dialog.requeued, timeout=5000):
        dialog.send_all.click()
    qtbot.waitUntil(lambda: dialog.set_aside.rowCount() == 0, timeout=5000)
    qtbot.waitUntil(lambda: dialog.send_all.isEnabled(), timeout=5000)
    with LocalStore(data_dir / "store.db") as store:
        done = [(r.op_id, r.source, r.terminal_id) for r in sync_attention.requeues(store.conn)]
        pending = store.conn.execute(
            "SELECT op_id FROM outbox WHERE op_id LIKE 'mv-%' AND rejected_at IS NULL "
            "AND acked_at IS NULL ORDER BY seq"
        ).fetchall()
    assert done == [("mv-1", "app", "T07"), ("mv-0", "app", "T07")]
    assert pending == [("mv-0",), ("mv-1",)]  # back in the queue, in seq order


def test_the_dialog_shows_undo_calls_refused_or_waiting_long_with_reason_and_age(
    qtbot: QtBot, data_dir: Path
) -> None:
    """A credit note reversal central refused and a claim release unanswered for three
    hours are listed in French with their age; one queued a minute ago is not (yet)."""
    from datetime import UTC, datetime, timedelta

    from pos.store import claim_releases, credit_note_reversals

    def ago(hours: float) -> str:
        return (datetime.now(UTC) - timedelta(hours=hours)).isoformat(timespec="seconds")

    with LocalStore(data_dir / "store.db") as store:
        conn = store.conn
        credit_note_reversals.queue(conn, "AV-AAAA-BBBB", "s1:t1", now=ago(0.1))
        credit_note_reversals.failed(conn, "s1:t1", "unauthorized", "HTTP 401")
        claim_releases.queue(conn, "r-2", now=ago(3))
        claim_releases.failed(conn, "r-2", "HTML 502", "unreachable")
        credit_note_reversals.queue(conn, "AV-CCCC-DDDD", "s3:t2", now=ago(0.01))
        credit_note_reversals.failed(conn, "s3:t2", "unreachable", "HTML 502")
    dialog = OutboxDialog(OutboxReview(data_dir, "T07"))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.owed.rowCount() == 2, timeout=5000)
    rows = [
        [dialog.owed.item(r, c).text() for c in range(6)] for r in range(dialog.owed.rowCount())
    ]
    release, reversal = rows  # oldest first
    assert release[:2] == ["Retour réservé à libérer", "r-2"]
    assert release[4].startswith("Le serveur central n’a pas répondu")
    assert release[5].endswith("(3 h)")
    assert reversal[:4] == ["Débit d’avoir à recréditer", "s1:t1", "AV-AAAA-BBBB", "1"]
    assert reversal[4].startswith("Le serveur central n’accepte plus cette caisse")
    assert reversal[5].endswith("(6 min)")
    assert "à vérifier : 2" in dialog.summary.text()
