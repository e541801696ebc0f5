"""Central's warnings about the till's signed record reach the manager: shown at a
manager's sign-in (not a cashier's), in French, until one acknowledges them, recorded."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.config import Settings
from pos.store import sync_attention
from pos.store.db import write_transaction
from pos.store.local_store import LocalStore
from pos.store.sync_attention import OpWarning
from sync.engine.pusher import WARNING_TEXTS
from tests.gui.selling import rows, sign_in


def _warned_by_central(data_dir: Path, code: str) -> str:
    """A sale of the till's outbox, flagged by central as the pusher records it."""
    with LocalStore(data_dir / "store.db") as store:
        [op_id] = store.conn.execute(
            "SELECT op_id FROM outbox WHERE kind = 'sale' ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        with write_transaction(store.conn):
            sync_attention.record_warnings(
                store.conn, [OpWarning(op_id, code, WARNING_TEXTS[code])],
                "2025-11-25T10:00:00.000Z",
            )  # fmt: skip
    return str(op_id)


def test_a_chain_rewrite_from_central_waits_for_a_manager_who_acknowledges_it(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    op_id = _warned_by_central(data_dir, "chain_rewrite")
    app = make_app(Settings())  # Camille, a cashier, signs in: the warning is not hers
    assert app.witness.dialog is None
    assert len(app.witness.alerts.pending()) == 1

    sign_in(qtbot, app.window, "ines", "3333")  # Inès, a manager
    qtbot.waitUntil(
        lambda: app.witness.dialog is not None and app.witness.dialog.isVisible(),
        timeout=10_000,
    )
    dialog = app.witness.dialog
    assert dialog is not None
    assert dialog.windowTitle() == "Avertissement du serveur central"
    assert dialog.table.item(0, 1).text() == op_id
    assert "annulé ou réécrit" in dialog.table.item(0, 2).text()

    dialog.read_button.click()
    qtbot.waitUntil(
        lambda: (
            rows(data_dir, "SELECT staff_id, staff_name FROM sync_warning_acks")
            == [("ines", "Inès")]
        ),
        timeout=10_000,
    )
    assert app.witness.alerts.pending() == []  # the next manager is not asked again
