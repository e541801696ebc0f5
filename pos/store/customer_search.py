"""Finding a customer at the till among a million: phone, email, name or a scanned card.

What the cashier types or scans is read every way it can be at once, and the answers
ranked, best first (ties: the name, then the id):
  0 a loyalty card / app QR (``pos.domain.customer_card``) or a customer id, exactly;
  1 the phone number, whatever its spacing or country-code form (``phone_key``);
  2 the email address, in any case;
  3 the name starts with the typed words ("élodie dup" → "Élodie Dupont");
  4 every typed word starts a word of the name ("dup" → "Élodie Dupont");
  5 the email starts with the text; 6 the phone number starts with the digits.
Every lookup is a range of the ``customer_keys`` B-tree read with a LIMIT, so a search
costs a few index pages whatever the size of the file, and a common prefix ("ma") yields
its first matches alphabetically rather than a scan. A multi-word query scans at most
``WORD_WINDOW`` entries of its longest word, checking the other words on the index row's
label; beyond that window class 4 may miss members (class 3 stays exact).

Typed text is only ever a bound parameter and a query is cut into letters and digits
(``text_keys.query_words``): quotes, ``%``, ``*`` or SQL give an empty answer, not an error.
Erased (inactive) customers have no keys and the card lookup asks ``active = 1``.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from pos.domain.customer_card import CUSTOMER_ID, parse_card
from pos.domain.text_keys import name_key, query_words
from pos.store.customer_index import (
    EMAIL,
    NAME_START,
    NAME_WORD,
    PHONE,
    PHONE_DIGITS,
    email_key,
    phone_key,
)

CARD, PHONE_EXACT, EMAIL_EXACT, NAME_STARTS, NAME_WORDS, EMAIL_STARTS, PHONE_STARTS = range(7)
PICK = 50  # entries read per prefix range
WORD_PICK = 200  # matches kept of a multi-word scan
WORD_WINDOW = 4_000  # index entries a multi-word scan reads at most (~1 ms of C)
MAX_WORDS = 8
MIN_PHONE_DIGITS = 4  # fewer typed digits are not worth a phone lookup
_PHONE_TEXT = re.compile(r"\+?[\d\s().\-/]+")
_TOP = "\U0010ffff"  # sorts after any character: key .. key+_TOP means "starts with key"

_EXACT_KEY = "SELECT customer_id FROM customer_keys WHERE key = ? LIMIT ?"
_PREFIX = f"""
SELECT customer_id, label FROM customer_keys
WHERE key >= ?1 AND key < ?1 || '{_TOP}' ORDER BY key LIMIT ?2
"""
_ROWS = "SELECT id, name, email, phone, loyalty_points FROM customers WHERE active = 1 AND id IN "


@dataclass(frozen=True, slots=True)
class CustomerHit:
    """A found customer and why (the class above)."""

    customer_id: str
    name: str
    email: str
    phone: str
    loyalty_points: int
    match: int


def find(conn: sqlite3.Connection, text: str, limit: int = 20) -> list[CustomerHit]:
    """The ``limit`` best active customers for a typed or scanned text (see module doc)."""
    text = text.strip()[:200]
    if limit <= 0 or not text:
        return []
    ranked: dict[str, int] = {}
    _card(conn, text, ranked)
    if _PHONE_TEXT.fullmatch(text):
        _phone(conn, text, ranked)
    if not any(ch.isspace() for ch in text):
        _email(conn, text, ranked)
    labels = _names(conn, query_words(text)[:MAX_WORDS], ranked)
    return _best(conn, ranked, labels, limit)


def _keep(ranked: dict[str, int], customer_id: str, match: int) -> None:
    if match < ranked.get(customer_id, PHONE_STARTS + 1):
        ranked[customer_id] = match


def _card(conn: sqlite3.Connection, text: str, ranked: dict[str, int]) -> None:
    for customer_id in dict.fromkeys((parse_card(text), text)):
        if customer_id and CUSTOMER_ID.fullmatch(customer_id):
            row = conn.execute(
                "SELECT id FROM customers WHERE id = ? AND active = 1", (customer_id,)
            ).fetchone()
            if row:
                _keep(ranked, row[0], CARD)


def _phone(conn: sqlite3.Connection, text: str, ranked: dict[str, int]) -> None:
    digits = phone_key(text)
    if len(digits) < MIN_PHONE_DIGITS:
        return
    if len(digits) == PHONE_DIGITS:
        for (customer_id,) in conn.execute(_EXACT_KEY, (PHONE + digits, PICK)):
            _keep(ranked, customer_id, PHONE_EXACT)
    for customer_id, _label in conn.execute(_PREFIX, (PHONE + digits, PICK)):
        _keep(ranked, customer_id, PHONE_STARTS)


def _email(conn: sqlite3.Connection, text: str, ranked: dict[str, int]) -> None:
    email = email_key(text)
    for (customer_id,) in conn.execute(_EXACT_KEY, (EMAIL + email, PICK)):
        _keep(ranked, customer_id, EMAIL_EXACT)
    for customer_id, _label in conn.execute(_PREFIX, (EMAIL + email, PICK)):
        _keep(ranked, customer_id, EMAIL_STARTS)


def _names(conn: sqlite3.Connection, words: list[str], ranked: dict[str, int]) -> dict[str, str]:
    """Classes 3 and 4; returns the name keys read on the way (for the tie-break)."""
    labels: dict[str, str] = {}
    if not words:
        return labels
    whole = " ".join(words)
    for customer_id, _label in conn.execute(_PREFIX, (NAME_START + whole, PICK)):
        _keep(ranked, customer_id, NAME_STARTS)
    longest = max(words, key=len)
    others = [word for word in words if word != longest]
    where = "".join(" AND instr(' ' || label, ?) > 0" for _ in others)
    sql = f"""
    SELECT customer_id, label FROM (
        SELECT customer_id, label FROM customer_keys
        WHERE key >= ?1 AND key < ?1 || '{_TOP}' ORDER BY key LIMIT {WORD_WINDOW}
    ) WHERE 1 {where} LIMIT {WORD_PICK}
    """
    rows = conn.execute(sql, (NAME_WORD + longest, *(" " + word for word in others)))
    for customer_id, label in rows:
        spaced = " " + label
        if all(" " + word in spaced for word in words):
            labels[customer_id] = label
            _keep(ranked, customer_id, NAME_STARTS if label.startswith(whole) else NAME_WORDS)
    return labels


def _best(
    conn: sqlite3.Connection, ranked: dict[str, int], labels: dict[str, str], limit: int
) -> list[CustomerHit]:
    if not ranked:
        return []
    ids = list(ranked)
    marks = ",".join("?" * len(ids))
    rows = conn.execute(f"{_ROWS}({marks})", ids).fetchall()
    hits = [CustomerHit(*row, ranked[row[0]]) for row in rows]

    def order(hit: CustomerHit) -> tuple:
        label = labels.get(hit.customer_id)
        return (hit.match, label if label is not None else name_key(hit.name), hit.customer_id)

    return sorted(hits, key=order)[:limit]
