"""The till menu's "Promotions…" (issue 15): what the till applies today, and Medusa's
promotions it does not apply with why, in French, read off the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.services.promotion_list import PromotionList
from pos.services.screenshot_setup import promotions_left_out
from pos.ui.dialogs.promotions_dialog import PromotionsDialog
from pos.ui.main_window import MainWindow


def test_the_list_says_what_applies_here_and_why_medusas_others_do_not(
    qtbot: QtBot, till: MainWindow, data_dir: Path
) -> None:
    promotions_left_out(data_dir / "store.db")
    threads: list[int] = []
    listing = PromotionList(data_dir)
    today = listing.today

    def read() -> object:
        threads.append(threading.get_ident())
        return today()

    listing.today = read  # type: ignore[method-assign]
    dialog = PromotionsDialog(listing, till)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.shown, timeout=10_000):
        dialog.show()
    assert threads and threads[0] != threading.get_ident()
    assert dialog.intro.text() == (
        "Promotions appliquées à cette caisse aujourd'hui, à chaque article scanné : 17."
    )
    names = [dialog.in_force.item(r, 0).text() for r in range(dialog.in_force.rowCount())]
    assert "3 pour 2 sur les yaourts" in names
    # Of the 20 demo promotions: another store's, last winter's sales and 2030's are not.
    assert not {n for n in names if "Rivoli" in n or "2025" in n or "2030" in n}
    assert dialog.left_out.isVisibleTo(dialog) and dialog.left_out.rowCount() == 2
    why = {dialog.left_out.item(r, 0).text(): dialog.left_out.item(r, 1).text()
           for r in range(2)}  # fmt: skip
    assert why == {
        "LIVRAISON-OFFERTE": "Elle porte sur la livraison ; la caisse ne livre rien.",
        "WEB-10": "Elle a une limite d'utilisation, que Medusa décompte au fil des commandes "
        "en ligne.",
    }
    assert dialog.left_out_title.text().startswith(
        "Promotions de Medusa non appliquées en caisse : 2."
    )


def test_the_menu_opens_it(qtbot: QtBot, make_app) -> None:
    app = make_app(None)
    app.window.promotions_action.trigger()
    dialog = app.window.findChild(PromotionsDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.today is not None, timeout=10_000)
    assert not dialog.left_out.isVisibleTo(dialog)  # a demo till: nothing left out
