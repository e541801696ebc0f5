"""The attention list ("Opérations à vérifier") over a real store file, offscreen: its
words, reasons and ages in French, "Renvoyer" and "Mettre de côté" with a note through
the real service (rights, a manager's PIN for a cashier), and the status bar opening it."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.domain.rights import Right
from pos.services.approvals import Approvals
from pos.services.outbox_review import OutboxReview
from pos.services.staff import StaffDirectory
from pos.store import outbox, push_queue, set_asides, sync_attention
from pos.store.local_store import LocalStore
from pos.store.push_queue import Rejection
from pos.store.sync_attention import OpWarning
from pos.ui.dialogs.outbox_dialog import OutboxDialog
from tests.support.staff import CAMILLE, INES


def _refused_and_warned(path: Path) -> None:
    with LocalStore(path) as store:
        for n in range(3):
            outbox.enqueue(store.conn, f"mv-{n}", "stock_movement",
                           {"product_id": 999_000 + n, "sku": f"X{n}", "delta": -2,
                            "reason": "damage"})  # fmt: skip
        push_queue.settle(
            store.conn,
            ["mv-2"],
            [Rejection("mv-0", "unknown_product", "Central knows no product 999000."),
             Rejection("mv-1", "brand_new_code", "Bad VAT table.")],
            [OpWarning("mv-2", "chain_break", "A gap.")],
        )  # fmt: skip


def _rows(dialog: OutboxDialog) -> list[list[str]]:
    model = dialog.model
    return [[model.data(model.index(r, c)) for c in range(4)] for r in range(model.rowCount())]


def _select(dialog: OutboxDialog, key: str) -> None:
    row = next(i for i, item in enumerate(dialog.model.rows) if item.key == key)
    dialog.table.selectRow(row)
    assert dialog.panel.item is not None and dialog.panel.item.key == key


def _dialog(qtbot: QtBot, data_dir: Path, **options) -> OutboxDialog:
    dialog = OutboxDialog(OutboxReview(data_dir, "T07"), **options)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.last is not None and dialog.send_all.isEnabled(), timeout=5000)
    return dialog


def test_refused_operations_are_worded_sent_again_and_set_aside_with_a_note(
    qtbot: QtBot, data_dir: Path
) -> None:
    _refused_and_warned(data_dir / "store.db")
    dialog = _dialog(qtbot, data_dir, actor=lambda: INES)
    assert dialog.windowTitle() == "Opérations à vérifier"
    rows = {row[1]: row for row in _rows(dialog) if row[1].startswith("Mouvement")}
    known = rows["Mouvement de stock : −2 × X0"]
    assert known[0] == "À vérifier"
    assert known[2].startswith("Le serveur central ne connaît pas cet article")
    assert known[3] == "à l’instant"
    unknown = rows["Mouvement de stock : −2 × X1"]  # a code the till does not know yet
    assert unknown[2] == "Refusée par le serveur central (brand_new_code) : Bad VAT table."
    warned = next(r for r in _rows(dialog) if r[0] == "Avertissement")
    assert "journal" in warned[2]
    waiting = dialog.last.pending  # the demo day's sales, not sent anywhere yet
    assert dialog.summary.text() == f"{waiting} à envoyer · 2 à vérifier · avertissements : 1"
    assert sum(row[0] == "En attente d’envoi" for row in _rows(dialog)) == waiting

    # "Mettre de côté" needs a note: nothing is asked without one.
    _select(dialog, "mv-1")
    dialog.panel.set_aside_button.click()
    assert "Écrivez une note" in dialog.panel.message.text()
    dialog.panel.note.setText("Taux de TVA faux, vu avec le siège")
    dialog.panel.set_aside_button.click()
    qtbot.waitUntil(lambda: "1 à vérifier" in dialog.summary.text(), timeout=5000)
    assert [item.key for item in dialog.model.rows if item.state == "set_aside"] == []
    dialog.show_filter("set_aside")  # nothing disappears: it stays under its filter
    assert [item.key for item in dialog.model.rows] == ["mv-1"]
    assert dialog.model.rows[0].set_aside is not None
    _select(dialog, "mv-1")
    shown = dialog.panel.set_aside_note.text()
    assert shown.startswith("Mise de côté par Inès le ")
    assert shown.endswith(" : Taux de TVA faux, vu avec le siège")

    # "Renvoyer toutes les refusées" puts mv-0 back in the queue and records who; the one
    # set aside with a note stays so.
    dialog.show_filter("open")
    with qtbot.waitSignal(dialog.requeued, timeout=5000) as requeued:
        dialog.send_all.click()
    assert requeued.args == [1]
    again = f"{waiting + 1} à envoyer · 0 à vérifier · mises de côté : 1"
    qtbot.waitUntil(lambda: dialog.summary.text().startswith(again), timeout=5000)
    with LocalStore(data_dir / "store.db") as store:
        done = [(r.op_id, r.source, r.terminal_id) for r in sync_attention.requeues(store.conn)]
        who = store.conn.execute("SELECT staff_id, staff_name FROM outbox_requeues").fetchall()
        kept = set_asides.open_set_asides(store.conn)
        counts = push_queue.counts(store.conn)
    assert done == [("mv-0", "app", "T07")] and who == [("ines", "Inès")]
    assert list(kept) == [("outbox", "mv-1")] and kept["outbox", "mv-1"].staff_id == "ines"
    assert (counts.pending, counts.rejected) == (waiting + 1, 0)  # "0 à vérifier"


def test_a_cashier_acts_only_with_a_managers_pin(qtbot: QtBot, data_dir: Path) -> None:
    """Camille lacks the right: the service refuses, the manager's PIN (checked by the real
    approvals service) stands in, and the approver is recorded with the note."""
    _refused_and_warned(data_dir / "store.db")
    asked: list[tuple[Right, str]] = []

    def manager_pin(right: Right, what: str, _amount: int | None):
        asked.append((right, what))
        with LocalStore(data_dir / "store.db") as store:
            approvals = Approvals(StaffDirectory(store), terminal_id="T07")
            return approvals.approve(CAMILLE, "ines", "3333", right, what)

    dialog = _dialog(qtbot, data_dir, actor=lambda: CAMILLE, request_approval=manager_pin)
    _select(dialog, "mv-0")
    dialog.panel.note.setText("Article retiré du catalogue")
    dialog.panel.set_aside_button.click()
    qtbot.waitUntil(lambda: "1 à vérifier" in dialog.summary.text(), timeout=5000)
    assert asked == [(Right.SYNC_ATTENTION, "Mettre de côté : Mouvement de stock : −2 × X0")]
    with LocalStore(data_dir / "store.db") as store:
        kept = set_asides.open_set_asides(store.conn)["outbox", "mv-0"]
    assert (kept.staff_id, kept.approved_by, kept.note) == (
        "camille", "ines", "Article retiré du catalogue",
    )  # fmt: skip

    refusing = _dialog(qtbot, data_dir, actor=lambda: CAMILLE, request_approval=lambda *a: None)
    _select(refusing, "mv-1")
    refusing.panel.requeue_button.click()
    qtbot.waitUntil(lambda: bool(refusing.panel.message.text()), timeout=5000)
    assert (
        refusing.panel.message.text()
        == "Un responsable doit valider : non validé, rien n’a changé."
    )


def test_owed_calls_show_with_their_reason_and_age(qtbot: QtBot, data_dir: Path) -> None:
    """A credit note reversal central refused and a claim release unanswered for three
    hours are to check, with their age; one queued a minute ago only waits."""
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
    dialog = _dialog(qtbot, data_dir, actor=lambda: INES)
    owed = [row for row in _rows(dialog) if "avoir" in row[1] or "Retour" in row[1]]
    release, reversal, waiting = owed  # to check (oldest first), then waiting
    assert release[:2] == ["À vérifier", "Retour réservé à libérer"]
    assert release[2].startswith("Le serveur central n’a pas répondu")
    assert release[3] == "il y a 3 h"
    assert reversal[:2] == ["À vérifier", "Débit d’avoir à recréditer — AV-AAAA-BBBB"]
    assert reversal[2].startswith("Le serveur central n’accepte plus cette caisse")
    assert reversal[3] == "il y a 6 min"
    assert waiting[0] == "En attente d’envoi"
    assert "2 à vérifier" in dialog.summary.text()
    _select(dialog, "s1:t1")  # a refusal: "Renvoyer" once fixed
    assert dialog.panel.requeue_button.isEnabled()
    dialog.panel.requeue_button.click()
    qtbot.waitUntil(lambda: "1 à vérifier" in dialog.summary.text(), timeout=5000)
    with LocalStore(data_dir / "store.db") as store:
        last = store.conn.execute(
            "SELECT last_code FROM credit_note_reversals WHERE op_id = 's1:t1'"
        ).fetchone()
    assert last == (None,)  # sent again at the next round


def test_the_status_bar_count_and_ctrl_5_open_the_list(qtbot: QtBot, make_app) -> None:
    from pos.ui.qt import Qt

    app = make_app(None)
    badge = app.window.status_bar.network_status
    qtbot.mouseClick(badge, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.outbox_dialog is not None and app.outbox_dialog.isVisible(),
                    timeout=5000)  # fmt: skip
    first = app.outbox_dialog
    first.close()
    assert app.window.outbox_action.shortcut().toString() == "Ctrl+5"
    app.window.outbox_action.trigger()
    qtbot.waitUntil(lambda: app.outbox_dialog is not first and app.outbox_dialog.isVisible(),
                    timeout=5000)  # fmt: skip
    shown = app.outbox_dialog
    with qtbot.waitSignal(shown.listed, timeout=5000):  # again while open: read again,
        app.window.outbox_action.trigger()
    assert app.outbox_dialog is shown and shown.isVisible()  # never a second window
