"""The search keys of a customer, written in the transaction that writes the customer.

Keys live in ``customer_keys`` (migration 0021): ``n:`` each word of the name and ``s:``
the whole name, both through ``text_keys.name_key`` like the product search (so "elodie",
"ÉLODIE" and "Élodie" are one key); ``e:`` the email in lower case; ``p:`` the phone's
national digits (``phone_key``). The migration's triggers drop a customer's keys whenever
its row changes and blank an inactive customer's personal fields; this module adds the
keys back for the active ones, so a caller upserts the rows, then calls ``index``.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable

from pos.domain.text_keys import name_key

NAME_WORD, NAME_START, EMAIL, PHONE = "n:", "s:", "e:", "p:"
PHONE_DIGITS = 9  # a French national number without its leading 0; the tail of any other
_NOT_DIGIT = re.compile(r"\D")

_INSERT = "INSERT OR IGNORE INTO customer_keys (key, customer_id, label) VALUES (?, ?, ?)"


def phone_key(text: str) -> str:
    """The digits a phone number is found by: "06 12 34 56 78", "+33 6 12 34 56 78" and
    "0033612345678" all give "612345678". A partial number gives the start of that key.

    The country code is dropped when written as such (``+33``, ``0033``, or 33 in front of
    nine digits), then the trunk 0; of a longer number the last nine digits are kept.
    """
    digits = _NOT_DIGIT.sub("", text)
    if text.lstrip().startswith("+"):
        digits = digits[2:] if digits.startswith("33") else digits
    elif digits.startswith("0033"):
        digits = digits[4:]
    elif digits.startswith("33") and len(digits) == 11:
        digits = digits[2:]
    digits = digits.removeprefix("0")
    return digits[-PHONE_DIGITS:] if len(digits) > PHONE_DIGITS else digits


def email_key(text: str) -> str:
    return text.strip().lower()


def keys_of(customer_id: str, name: str, email: str, phone: str) -> list[tuple[str, str, str]]:
    """The ``customer_keys`` rows of one active customer."""
    label = name_key(name)
    rows = [(NAME_WORD + word, customer_id, label) for word in dict.fromkeys(label.split())]
    if label:
        rows.append((NAME_START + label, customer_id, ""))
    if email := email_key(email):
        rows.append((EMAIL + email, customer_id, ""))
    if phone_digits := phone_key(phone):
        rows.append((PHONE + phone_digits, customer_id, ""))
    return rows


def index(conn: sqlite3.Connection, customers: Iterable[tuple[str, str, str, str, bool]]) -> None:
    """Add the keys of ``(id, name, email, phone, active)`` customers just written.

    Call it inside the transaction that wrote them; inactive ones get no keys.
    """
    rows = [
        key
        for customer_id, name, email, phone, active in customers
        if active
        for key in keys_of(customer_id, name, email, phone)
    ]
    conn.executemany(_INSERT, rows)
