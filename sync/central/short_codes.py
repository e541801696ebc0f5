"""Minting pickup and cart codes: random, so a code cannot be derived from an order id.

40 bits from ``secrets``; a clash with a code already in use is redrawn, so the code
alone finds one order in a store (one cart everywhere). The format and the reading of
typed codes are the contract's (``sync.contract.codes``).
"""

from __future__ import annotations

import secrets
import sqlite3

from sync.contract.codes import CODE_ALPHABET, CODE_LENGTH

_TRIES = 20


def draw() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def mint(conn: sqlite3.Connection, taken_sql: str, scope: tuple[object, ...] = ()) -> str:
    """A code ``taken_sql`` (parameters: ``scope`` then the code) finds no row for."""
    for _ in range(_TRIES):
        code = draw()
        if conn.execute(taken_sql, (*scope, code)).fetchone() is None:
            return code
    raise RuntimeError("No free code after 20 draws: the code space is exhausted.")
