"""Customer search: phone formats, email, accents, name prefixes, card codes, erasure, ranking,
garbage input - on a real store file filled through the customers feed."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.domain.customer_card import card_text, parse_card
from pos.store import customer_feed
from pos.store.customer_index import phone_key
from pos.store.customer_search import (
    CARD,
    EMAIL_EXACT,
    EMAIL_STARTS,
    NAME_STARTS,
    NAME_WORDS,
    PHONE_EXACT,
    find,
)
from pos.store.db import connect
from pos.store.migrations import migrate
from sync.contract.feeds import CustomerItem


def item(
    cid: str, name: str, email: str = "", phone: str = "", *, active: bool = True, version: int = 1
) -> CustomerItem:
    return CustomerItem(
        id=cid,
        name=name,
        email=email,
        phone=phone,
        loyalty_points=12,
        active=active,
        version=version,
    )


PEOPLE = [
    item("C1", "Élodie Dupont", "Elodie.Dupont@Exemple.fr", "06 12 34 56 78"),
    item("C2", "Jean Dupuis", "jdupuis@exemple.fr", "+33 7 11 22 33 44"),
    item("C3", "Marc Durand", "dupont.marc@exemple.fr", "01.45.67.89.10"),
    item("C4", "Zoé Lœuvre-Ménard", "zoe@exemple.fr", "0033 6 98 76 54 32"),
    item("C5", "Dupont Aimé", "aime@exemple.fr", "0698765400"),
    item("C6", "Anne-Sophie O'Brien", "asob@exemple.fr", "+44 7911 123456"),
]


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    path = tmp_path / "store.db"
    db = connect(path)
    migrate(db, path)
    customer_feed.apply_page(db, PEOPLE, "c1")
    yield db
    db.close()


def ids(conn: sqlite3.Connection, text: str) -> list[str]:
    return [hit.customer_id for hit in find(conn, text)]


@pytest.mark.parametrize(
    "typed",
    [
        "06 12 34 56 78",
        "+33612345678",
        "0612345678",
        "+33 (0)6 12 34 56 78",
        "0033612345678",
        "06.12.34.56.78",
        "33612345678",
    ],
)
def test_a_phone_is_found_in_any_format(conn: sqlite3.Connection, typed: str) -> None:
    hits = find(conn, typed)
    assert hits[0].customer_id == "C1" and hits[0].match == PHONE_EXACT


def test_phone_keys_of_each_format() -> None:
    assert phone_key("+33 7 11 22 33 44") == phone_key("07 11 22 33 44") == "711223344"
    assert phone_key("+44 7911 123456") == "911123456"  # a foreign number: its last nine
    assert phone_key("06 12 34") == "61234"  # a partial number: the start of the key


def test_a_partial_phone_finds_by_its_start(conn: sqlite3.Connection) -> None:
    assert ids(conn, "06 98 76") == ["C5", "C4"]  # same class: by name
    assert ids(conn, "06 98 76 54") == ["C5", "C4"] and ids(conn, "06 98 76 54 3") == ["C4"]


def test_email_exact_in_any_case_then_prefix(conn: sqlite3.Connection) -> None:
    hits = find(conn, "ELODIE.DUPONT@exemple.FR")
    assert [(h.customer_id, h.match) for h in hits] == [("C1", EMAIL_EXACT)]
    hits = find(conn, "dupont.m")
    assert [(h.customer_id, h.match) for h in hits] == [("C3", EMAIL_STARTS)]


def test_names_without_accents_or_case_by_any_words_prefix(conn: sqlite3.Connection) -> None:
    assert "C1" in ids(conn, "dup")
    assert ids(conn, "ELODIE") == ["C1"]
    assert ids(conn, "élodie dup") == ["C1"]
    assert ids(conn, "dup elo") == ["C1"]  # words in any order
    assert ids(conn, "loeuvre") == ["C4"]  # the ligature spelled out
    assert ids(conn, "menard zo") == ["C4"]
    assert ids(conn, "o brien") == ["C6"]


def test_ranking_exact_keys_then_name_start_then_word_start(conn: sqlite3.Connection) -> None:
    hits = find(conn, "dupont")
    # "Dupont Aimé" starts with it; "Élodie Dupont" has it as a later word; Marc Durand
    # only by his email's start, ranked last.
    assert [(h.customer_id, h.match) for h in hits] == [
        ("C5", NAME_STARTS),
        ("C1", NAME_WORDS),
        ("C3", EMAIL_STARTS),
    ]
    assert [h.customer_id for h in find(conn, "dup")] == ["C5", "C1", "C2", "C3"]


def test_a_card_or_app_qr_or_the_plain_id(conn: sqlite3.Connection) -> None:
    assert [(h.customer_id, h.match) for h in find(conn, card_text("C2"))] == [("C2", CARD)]
    assert find(conn, "C2")[0].customer_id == "C2"
    assert find(conn, "cmpt-cl:C2:" + card_text("C2")[-2:].lower())[0].match == CARD


def test_a_card_with_a_wrong_check_is_no_card() -> None:
    good = card_text("C2")
    bad = good[:-2] + ("00" if good[-2:] != "00" else "11")
    assert parse_card(good) == "C2" and parse_card(bad) is None
    assert parse_card("CMPT-CL:") is None and parse_card("CMPT-CL::AB") is None


def test_erasure_at_the_next_feed_page_blanks_and_unfinds(conn: sqlite3.Connection) -> None:
    assert ids(conn, "0612345678") == ["C1"]
    customer_feed.apply_page(
        conn,
        [
            item(
                "C1",
                "Élodie Dupont",
                "elodie.dupont@exemple.fr",
                "0612345678",
                active=False,
                version=2,
            )
        ],
        "c2",
    )
    for typed in ("0612345678", "elodie", "Elodie.Dupont@Exemple.fr", "C1", card_text("C1")):
        assert "C1" not in ids(conn, typed), typed
    row = conn.execute("SELECT name, email, phone, active FROM customers WHERE id = 'C1'")
    assert row.fetchone() == ("", "", "", 0)
    assert (
        conn.execute("SELECT count(*) FROM customer_keys WHERE customer_id = 'C1'").fetchone()[0]
        == 0
    )


def test_an_erased_customer_first_seen_is_stored_blank(conn: sqlite3.Connection) -> None:
    customer_feed.apply_page(
        conn, [item("C9", "Paul Gone", "p@g.fr", "0600000009", active=False)], "c2"
    )
    assert conn.execute("SELECT name, email, phone FROM customers WHERE id = 'C9'").fetchone() == (
        "",
        "",
        "",
    )
    assert ids(conn, "paul") == []


def test_a_changed_customer_is_found_by_the_new_fields_only(conn: sqlite3.Connection) -> None:
    customer_feed.apply_page(
        conn, [item("C2", "Jean Martin", "jm@exemple.fr", "0700000001", version=2)], "c2"
    )
    assert ids(conn, "dupuis") == [] and ids(conn, "+33711223344") == []
    assert ids(conn, "martin") == ["C2"] and ids(conn, "07 00 00 00 01") == ["C2"]


def test_one_id_twice_in_a_page_keeps_the_last(conn: sqlite3.Connection) -> None:
    customer_feed.apply_page(
        conn, [item("C7", "Old Name"), item("C7", "New Name", version=2)], "c2"
    )
    assert ids(conn, "old") == [] and ids(conn, "new") == ["C7"]


@pytest.mark.parametrize(
    "garbage",
    [
        "'",
        '"',
        "*",
        "%",
        "_",
        "' OR 1=1 --",
        '"dup" NEAR "elo"',
        "dup*",
        "  ",
        "\x00",
        "CMPT-CL:'; DROP TABLE customers;--:ZZ",
        "😀",
        "a" * 5000,
        "+",
        "()",
    ],
)
def test_garbage_gives_a_clear_empty_or_sane_answer(conn: sqlite3.Connection, garbage: str) -> None:
    hits = find(conn, garbage)
    assert isinstance(hits, list)
    assert all(h.customer_id.startswith("C") for h in hits)
    assert conn.execute("SELECT count(*) FROM customers").fetchone()[0] == 6
    assert ids(conn, "%") == [] and ids(conn, "*") == [] and ids(conn, "'") == []


def test_the_limit_and_an_empty_query(conn: sqlite3.Connection) -> None:
    customer_feed.apply_page(conn, [item(f"M{i}", f"Martin {i}") for i in range(30)], "c2")
    assert len(find(conn, "martin")) == 20
    assert len(find(conn, "martin", limit=5)) == 5
    assert find(conn, "") == [] and find(conn, "martin", limit=0) == []
