"""Selling through the real till screen, as a cashier does, for the GUI tests."""

import sqlite3
from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.domain.rights import Actor, Role
from pos.domain.sale import CompletedSale
from pos.services.till_session import TillSessions
from pos.store.local_store import LocalStore
from pos.ui.main_window import MainWindow

#: The terminals the GUI tests sell on (the default one and a settings test's).
SELLING_TERMINALS = ("T01", "T07")
OPENER = Actor("local-Camille", "Camille", Role.CASHIER)
FLOAT = {1000: 10, 200: 10, 100: 10, 50: 10}  # 135 € in the drawer


def open_sessions(db: Path, terminals: tuple[str, ...] = SELLING_TERMINALS) -> None:
    """The day opened on each terminal, as a cashier does on the opening screen: no sale
    outside an open till session."""
    with LocalStore(db) as store:
        for terminal in terminals:
            TillSessions(store, terminal_id=terminal).open(OPENER, FLOAT)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def sign_in(qtbot: QtBot, window: MainWindow, who: str = "camille", pin: str = "1111") -> None:
    """The till opens on the sign-in screen: a demo staff member signs in (real PIN)."""
    with qtbot.waitSignal(window.staff.signed_in, timeout=10_000):
        window.controller.request("sign_in", who, pin)


def rows(data_dir: Path, sql: str) -> list[tuple]:
    """What the till wrote, read as an auditor would: a separate connection."""
    conn = sqlite3.connect(data_dir / "store.db")
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def accented_codes(data_dir: Path, n: int) -> list[str]:
    """Barcodes of unit products with an accent in their name: receipts must print them."""
    conn = sqlite3.connect(data_dir / "store.db")
    rows = conn.execute(
        "SELECT b.code FROM barcodes b JOIN products p ON p.id = b.product_id "
        "WHERE p.sold_by = 'unit' AND p.name LIKE '%é%' ORDER BY p.id LIMIT ?",
        (n,),
    ).fetchall()
    conn.close()
    return [code for (code,) in rows]


def sell(qtbot: QtBot, window: MainWindow, codes: list[str], *, cash: bool) -> CompletedSale:
    screen = window.till_screen
    for code in codes:
        with qtbot.waitSignal(screen.basket_shown, timeout=5000):
            screen.scan(code)
    screen.pay()
    dialog = screen.payment_dialog
    with qtbot.waitSignal(screen.basket_shown, timeout=5000):
        (dialog.quick_buttons[-1] if cash else dialog.card_button).click()
    with qtbot.waitSignal(screen.sale_shown, timeout=5000) as done:
        dialog.complete_button.click()
    return done.args[0]
