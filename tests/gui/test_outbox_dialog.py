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
