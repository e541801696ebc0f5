"""The attention list over the real reference server on 127.0.0.1 (issue 16, item 4).

A till queues three operations while central is unreachable (a stock movement for an
article central does not know, a breakage, a sale); each is listed in the staff's words
with its reason and age. Online, central refuses the unknown article: it is "to check"
with a French sentence saying what to do, while a new sale waits. Once the article is
created centrally a manager sends it again (a cashier cannot) and central applies it; an
absurd movement is set aside with a note: out of the count, kept, listed under its filter.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos.domain.errors import PosError
from pos.services.attention_items import AttentionItem
from pos.services.checkout import Checkout
from pos.services.outbox_review import OutboxReview
from pos.store import outbox, push_queue
from pos.store.local_store import LocalStore
from pos.ui.dialogs import attention_texts as texts
from pos.ui.dialogs.outbox_dialog import OutboxDialog
from pos.ui.i18n import install_translations
from pos.ui.qt import QApplication
from tests.central.conftest import LYON, stock_level
from tests.support.central_server import CentralServer
from tests.support.staff import CAMILLE, INES
from tests.sync.terminals import Terminal, open_terminal

DOWN = "http://127.0.0.1:9"  # nothing listens there
NEW_ID, NEW_SKU = 900_041, "ATT-NEW-41"


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with CentralServer(tmp_path_factory.mktemp("central") / "central.db", products=300) as server:
        yield server


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    install_translations(qapp, "fr")
    yield
    install_translations(qapp, "en")


def _movement(conn, op_id: str, product_id: int, sku: str, delta: int, reason: str) -> None:
    payload = {"product_id": product_id, "sku": sku, "delta": delta, "reason": reason, "ref": None}
    outbox.enqueue(conn, op_id, "stock_movement", payload)


def _sale(path: Path) -> tuple[int, int]:
    """A real sale at the till: (ticket number, total in cents)."""
    with LocalStore(path) as store:
        code = store.conn.execute(
            "SELECT b.code FROM barcodes b JOIN products p ON p.id = b.product_id "
            "WHERE p.sold_by = 'unit' AND p.active = 1 ORDER BY p.id LIMIT 1"
        ).fetchone()[0]
        checkout = Checkout(store, terminal_id="T41", actor=CAMILLE)
        checkout.scan(code)
        checkout.add_tender("card", checkout.totals().total_cents)
        sale = checkout.complete()
    return sale.ticket_no, sale.draft.total_cents


def _by_key(review: OutboxReview) -> dict[str, AttentionItem]:
    return {item.key: item for item in review.list().items if item.source == "outbox"}


def test_queued_refused_requeued_and_set_aside_over_the_reference_server(
    tmp_path: Path, central: CentralServer, french: None, qtbot: QtBot
) -> None:
    folder = tmp_path / "T41"
    token = central.enrol(LYON, "T41")
    online: Terminal = open_terminal(folder, central, "T41", token=token, store_id=LYON)
    offline = open_terminal(folder, central, "T41", url=DOWN, token=token, store_id=LYON)
    try:
        assert online.sync().state == "idle"  # the catalog, once
        with LocalStore(online.path) as store:
            known_id, known_sku = store.conn.execute(
                "SELECT id, sku FROM products ORDER BY id LIMIT 1"
            ).fetchone()
            _movement(store.conn, "mv-new", NEW_ID, NEW_SKU, -2, "damage")
            _movement(store.conn, "mv-broken", known_id, known_sku, -1, "breakage")
        ticket, total = _sale(online.path)
        assert offline.sync().state == "offline"
        review = OutboxReview(folder, "T41")

        # Offline: all three wait, each in words, with the failed try.
        waiting = _by_key(review)
        assert {i.state for i in waiting.values()} == {"pending"}
        assert texts.what(waiting["mv-new"]) == f"Mouvement de stock : −2 × {NEW_SKU}"
        sale_item = next(i for i in waiting.values() if i.kind == "sale")
        assert texts.what(sale_item) == f"Vente n° {ticket} — {_euros(total)}"
        assert texts.reason(sale_item).startswith(
            "Pas encore envoyée — tentatives : 1. Le serveur central est injoignable"
        )
        later = datetime.now(UTC) + timedelta(hours=3, minutes=1)
        assert texts.age(sale_item.since, later) == "il y a 3 h"

        # Online: central refuses the unknown article by name; the rest is applied.
        status = online.sync()
        assert (status.state, status.pending, status.rejected) == ("idle", 0, 1)
        second_ticket, _ = _sale(online.path)  # and a new sale waits meanwhile
        listed = review.list()
        refused = next(i for i in listed.items if i.key == "mv-new")
        assert (refused.state, refused.code, listed.to_check) == ("to_check", "unknown_product", 1)
        assert texts.reason(refused) == (
            "Le serveur central ne connaît pas cet article : faites-le créer dans le catalogue "
            "central, puis renvoyez."
        )
        pending = [i for i in listed.items if i.state == "pending"]
        assert [texts.what(i).split(" — ")[0] for i in pending] == [f"Vente n° {second_ticket}"]

        # The fix: the article is created centrally; a cashier may not send it again alone.
        product = {"id": NEW_ID, "name": "Yaourt nature test", "price_cents": 120,
                   "vat_bp": 550, "barcodes": []}  # fmt: skip
        assert (
            central.admin("PUT", f"/v1/admin/products/{NEW_SKU}", json=product).status_code == 201
        )
        with pytest.raises(PosError) as refused_right:
            review.requeue(["mv-new"], source="app", actor=CAMILLE)
        assert refused_right.value.code == "right_refused"
        assert review.requeue(["mv-new"], source="app", actor=INES) == ["mv-new"]
        status = online.sync()
        assert (status.pending, status.rejected) == (0, 0)
        with central.client(token) as client:
            assert stock_level(client, LYON, NEW_ID)["on_hand"] == -2

        # An absurd movement is refused, then set aside with a note: kept, out of the count.
        with LocalStore(online.path) as store:
            _movement(store.conn, "mv-absurd", known_id, known_sku, -9_999_999, "count")
        assert online.sync().rejected == 1
        absurd = _by_key(review)["mv-absurd"]
        assert absurd.code == "implausible_quantity"
        with pytest.raises(PosError) as no_note:
            review.set_aside(absurd, "   ", actor=INES)
        assert no_note.value.code == "note_required"
        review.set_aside(absurd, "Saisie erronée, recomptée à la main", actor=INES)
        assert online.sync().rejected == 0
        with LocalStore(online.path) as store:
            counts = push_queue.counts(store.conn)
            kept = store.conn.execute(
                "SELECT acked_at, rejected_at IS NOT NULL FROM outbox WHERE op_id = 'mv-absurd'"
            ).fetchone()
        assert (counts.pending, counts.rejected, kept) == (0, 0, (None, 1))

        # The dialog keeps it under "mis de côté", with who and why.
        dialog = OutboxDialog(review, actor=lambda: INES)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.last is not None, timeout=5000)
        assert dialog.summary.text() == "0 à envoyer · 0 à vérifier · mises de côté : 1"
        assert dialog.model.rows == []
        dialog.show_filter("set_aside")
        [row] = dialog.model.rows
        assert row.key == "mv-absurd" and row.set_aside is not None
        assert texts.set_aside_line(row).endswith(" : Saisie erronée, recomptée à la main")
    finally:
        offline.close()
        online.close()


def _euros(cents: int) -> str:
    from pos.ui.money import format_money

    return format_money(cents)
