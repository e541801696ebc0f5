"""A till brought into what a restart and a refusing central server leave for staff:
a sale committed but never shown, a basket left open, an outbox with refusals, a warning,
a set-aside operation and an unanswered claim release — each the way the till gets there
(``comptoir screenshots`` shows them; the UI gets them from here, never from the store).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from pos.services.basket_snapshot import RecoveryView
from pos.services.checkout import Checkout
from pos.services.demo_store import DEMO_STAFF, build_demo_store
from pos.store import claim_releases, outbox, push_queue, set_asides
from pos.store.local_store import LocalStore
from pos.store.push_queue import Rejection
from pos.store.sync_attention import OpWarning

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


def lay_attention_scene(db: Path) -> tuple[RecoveryView, RecoveryView]:
    """A small demo store in that state; the sale never shown and the basket left open,
    as the recovery dialog gets them at the next start."""
    with LocalStore(db) as store:
        build_demo_store(store, products=300, days=1, today=date.today())
        recoveries = _recoveries(store)
        _refusals(store)
    return recoveries
