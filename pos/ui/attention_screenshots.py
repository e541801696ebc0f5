"""What a restart and a refusing central server put in front of staff, as PNG files:
the sale committed but never shown, the basket left open, the attention list (what waits,
what central refused, what a manager set aside with a note).

A throwaway demo store is brought into each state the way the till gets there (a sale
completed and never marked shown, a basket scanned and left, an outbox answer with a
refusal and a chain warning); the real dialogs then show it.
"""

from __future__ import annotations

import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from pos.services.basket_snapshot import RecoveryView
from pos.services.checkout import Checkout
from pos.services.demo_store import DEMO_STAFF, build_demo_store
from pos.services.outbox_review import OutboxReview
from pos.store import claim_releases, outbox, push_queue, set_asides
from pos.store.local_store import LocalStore
from pos.store.push_queue import Rejection
from pos.store.sync_attention import OpWarning
from pos.ui.dialogs.outbox_dialog import OutboxDialog
from pos.ui.dialogs.recovery_dialog import RecoveryDialog
from pos.ui.grab import save_grab
from pos.ui.i18n import install_translations
from pos.ui.qt import QApplication
from pos.ui.till_controller import TillController, TillOptions

CAMILLE = DEMO_STAFF[0][0]
INES = DEMO_STAFF[2][0]

_CODES = (
    "SELECT b.code FROM barcodes b JOIN products p ON p.id = b.product_id "
    "WHERE p.sold_by = 'unit' ORDER BY p.popularity DESC, p.id LIMIT 5"
)


def _recoveries(store: LocalStore) -> tuple[RecoveryView, RecoveryView]:
    codes = [code for (code,) in store.conn.execute(_CODES)]
    sold = Checkout(store, terminal_id="T01", actor=CAMILLE)
    for code in codes[:3]:
        sold.scan(code)
    total = sold.totals().total_cents
    card = total // 2
    sold.add_tender("card", card)
    sold.add_tender("cash", (total - card) // 500 * 500 + 500)  # a note: change is due
    sold.complete()  # and the till dies before showing it
    left = Checkout(store, terminal_id="T02", actor=CAMILLE)
    for code in codes:
        left.scan(code)
    unshown = Checkout(store, terminal_id="T01", actor=CAMILLE).recover()
    basket = Checkout(store, terminal_id="T02", actor=CAMILLE).recover()
    return RecoveryView.of(unshown), RecoveryView.of(basket)


def _refusals(store: LocalStore) -> None:
    """A sale refused by name and a warned one; a stock movement central does not know,
    an absurd count set aside by the manager with a note, a claim release unanswered."""
    conn = store.conn
    pid, sku = conn.execute(
        "SELECT id, sku FROM products WHERE sold_by = 'unit' ORDER BY popularity DESC LIMIT 1"
    ).fetchone()
    ops = [op.op_id for op in push_queue.next_batch(conn, 3)]
    for op_id, delta in (("mv-shot-1", -2), ("mv-shot-2", -99_999)):
        outbox.enqueue(conn, op_id, "stock_movement",
                       {"product_id": pid, "sku": sku, "delta": delta, "reason": "damage",
                        "ref": None})  # fmt: skip
    push_queue.settle(
        conn,
        ops[1:],
        [Rejection(ops[0], "wrong_terminal", "The sale names terminal T09, not T01."),
         Rejection("mv-shot-1", "unknown_product", f"Central knows no product {pid}."),
         Rejection("mv-shot-2", "implausible_quantity", "A movement of -99,999 units.")],
        [OpWarning(ops[1], "chain_break", "")],
    )  # fmt: skip
    author = set_asides.Author(INES.staff_id, INES.display_name)
    set_asides.set_aside_operation(conn, "mv-shot-2", "Saisie erronée : recompté à la main, "
                                   "écart corrigé par un nouveau mouvement.", author)  # fmt: skip
    three_hours_ago = (datetime.now(UTC) - timedelta(hours=3)).isoformat(timespec="seconds")
    claim_releases.queue(conn, "r-shot", now=three_hours_ago)
    claim_releases.failed(conn, "r-shot", "HTML 502", "unreachable")


def _settled(dialog: OutboxDialog, timeout_s: float = 10.0) -> None:
    ends = time.monotonic() + timeout_s
    while dialog.last is None and time.monotonic() < ends:
        QApplication.processEvents()
        time.sleep(0.01)


def attention_screenshots(out: Path, language: str) -> list[Path]:
    app = QApplication.instance() or QApplication([])
    install_translations(app, language)
    saved = []
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        with LocalStore(data_dir / "store.db") as store:
            build_demo_store(store, products=300, days=1, today=date.today())
            unshown, basket = _recoveries(store)
            _refusals(store)
        controller = TillController(TillOptions(data_dir, cashier="camille"))
        for name, view in (("unshown_sale", unshown), ("open_basket", basket)):
            dialog = RecoveryDialog(view, controller)
            saved.append(save_grab(dialog, out / f"recovery_{name}_{language}.png"))
            dialog.deleteLater()
        dialog = OutboxDialog(OutboxReview(data_dir, "T01"), actor=lambda: INES)
        dialog.resize(1100, 640)
        _settled(dialog)
        _choose(dialog, "mv-shot-1")
        saved.append(save_grab(dialog, out / f"outbox_{language}.png"))
        dialog.show_filter("set_aside")
        _choose(dialog, "mv-shot-2")
        saved.append(save_grab(dialog, out / f"outbox_set_aside_{language}.png"))
        dialog.deleteLater()
    return saved


def _choose(dialog: OutboxDialog, key: str) -> None:
    rows = [i for i, item in enumerate(dialog.model.rows) if item.key == key]
    if rows:
        dialog.table.selectRow(rows[0])
        dialog.table.scrollTo(dialog.model.index(rows[0], 0))
