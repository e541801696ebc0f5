"""The attention list's service over a real demo store file: a sale set aside only with a
note and never lost, each bad act refused with its code, owed calls of every kind in
words, and an owed call set aside out of the count until it is sent again."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from pos.domain.errors import PosError
from pos.services.demo_store import build_demo_store
from pos.services.outbox_review import OutboxReview
from pos.store import coupon_releases, loyalty_owed, outbox, owed_calls, push_queue
from pos.store.local_store import LocalStore
from pos.store.loyalty_owed import OwedCall as LoyaltyCall
from pos.store.push_queue import Rejection
from pos.store.sync_attention import OpWarning
from pos.ui.dialogs import attention_texts as texts
from pos.ui.i18n import install_translations
from tests.support.staff import INES


@pytest.fixture(autouse=True)
def french(qapp) -> None:
    """The till's default language (the GUI tests' session language too)."""
    install_translations(qapp, "fr")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    with LocalStore(tmp_path / "store.db") as store:
        build_demo_store(store, products=200, days=1, today=date(2026, 11, 25))
    return tmp_path


def _first_sale(review: OutboxReview):
    return next(i for i in review.list().items if i.kind == "sale" and i.state == "pending")


def test_a_sale_set_aside_keeps_its_record_and_comes_back_when_sent_again(data_dir: Path):
    review = OutboxReview(data_dir, "T01")
    sale = _first_sale(review)
    with pytest.raises(PosError) as no_note:
        review.set_aside(sale, " \n ", actor=INES)
    assert no_note.value.code == "note_required"
    review.set_aside(sale, "Client rappelé, vérifier le paiement", actor=INES)
    with LocalStore(data_dir / "store.db") as store:
        conn = store.conn
        in_sales = conn.execute("SELECT count(*) FROM sales WHERE id = ?", (sale.key,)).fetchone()
        row = conn.execute(
            "SELECT acked_at, rejected_code FROM outbox WHERE op_id = ?", (sale.key,)
        ).fetchone()
        assert push_queue.counts(conn).rejected == 0  # set aside with a note: not "to check"
    assert in_sales == (1,) and row == (None, "set_aside")
    [kept] = [i for i in review.list().items if i.key == sale.key]
    assert kept.state == "set_aside" and kept.set_aside.note.startswith("Client rappelé")
    assert kept.can_requeue and not kept.can_set_aside

    with pytest.raises(PosError) as twice:  # the same sale set aside again
        review.set_aside(sale, "encore", actor=INES)
    assert twice.value.code == "no_longer_open"
    assert review.requeue([sale.key], source="app", actor=INES) == [sale.key]
    back = next(i for i in review.list().items if i.key == sale.key)
    assert back.state == "pending" and back.set_aside is None


def test_bad_acts_are_refused_with_their_code(data_dir: Path) -> None:
    review = OutboxReview(data_dir, "T01")
    sale = _first_sale(review)
    with LocalStore(data_dir / "store.db") as store:
        push_queue.settle(store.conn, [sale.key], [], [OpWarning(sale.key, "chain_break", "")])
    with pytest.raises(PosError) as acked:  # central took it meanwhile
        review.set_aside(sale, "trop tard", actor=INES)
    assert acked.value.code == "no_longer_open"
    warning = next(i for i in review.list().items if i.state == "warning")
    with pytest.raises(PosError) as not_sent:
        review.set_aside(warning, "rien à envoyer", actor=INES)
    assert not_sent.value.code == "not_set_aside"
    with pytest.raises(PosError) as nobody:
        review.requeue(None, source="app")
    assert nobody.value.code == "no_actor"
    assert review.requeue(None, source="cli") == []  # the operator's command needs no one


def test_an_unreadable_payload_is_still_listed_by_its_kind(data_dir: Path) -> None:
    with LocalStore(data_dir / "store.db") as store:
        outbox.enqueue(store.conn, "odd-1", "sale", {"v": 9})
        push_queue.settle(store.conn, [], [Rejection("odd-1", "invalid_payload", "Bad sale.")])
    [odd] = [i for i in OutboxReview(data_dir, "T01").list().items if i.key == "odd-1"]
    assert (odd.state, texts.what(odd)) == ("to_check", "Vente")
    assert texts.reason(odd).startswith("Le serveur central n’a pas pu lire cette opération")


def test_owed_calls_of_every_kind_are_worded_and_one_set_aside_leaves_the_count(data_dir):
    long_ago = (datetime.now(UTC) - timedelta(hours=5)).isoformat(timespec="seconds")
    with LocalStore(data_dir / "store.db") as store:
        conn = store.conn
        coupon_releases.queue(conn, "sale-9", "BIENVENUE10", now=long_ago)
        coupon_releases.failed(conn, "sale-9", "BIENVENUE10", "Unknown code.", "unknown_code")
        loyalty_owed.queue(conn, LoyaltyCall("s8:loyalty:1", "redeem", "CLI-0001", "s8", 300))
        loyalty_owed.refuse(conn, "s8:loyalty:1", "loyalty_balance", "Only 120 points left.")
    review = OutboxReview(data_dir, "T01")
    owed = {i.kind: i for i in review.list().items if i.source == "owed"}
    coupon, points = owed["coupon_release"], owed["loyalty"]
    assert (texts.what(coupon), coupon.state) == ("Bon BIENVENUE10 à libérer", "to_check")
    assert (texts.what(points), points.state) == ("Fidélité : 300 points à débiter", "to_check")
    assert texts.reason(points).endswith(" : Only 120 points left.")  # central's own words
    with LocalStore(data_dir / "store.db") as store:
        assert len(owed_calls.needing_attention(store.conn)) == 2

    review.set_aside(coupon, "Bon déjà utilisé en ligne", actor=INES)
    with LocalStore(data_dir / "store.db") as store:
        assert [c.kind for c in owed_calls.needing_attention(store.conn)] == ["loyalty"]
    assert review.retry_owed(points, actor=INES) is True  # after a fix: sent again
    with LocalStore(data_dir / "store.db") as store:
        assert [c.op_id for c in loyalty_owed.due(store.conn)] == ["s8:loyalty:1"]
    listed = {i.kind: i.state for i in review.list().items if i.source == "owed"}
    assert listed == {"coupon_release": "set_aside", "loyalty": "pending"}
