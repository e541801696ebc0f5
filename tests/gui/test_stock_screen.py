"""The stock screen in the running till, offscreen, over a real store file and its own
worker thread: a scan finds the article, a cashier's adjustment needs a manager's PIN
(refused without it, nothing written), bad input says why and loses nothing."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.ui.qt import QKeySequence
from tests.gui.selling import rows
from tests.gui.test_till_day import _manager_approves, _nobody_approves

WAIT = 10_000


def _stock_screen(qtbot: QtBot, app):
    """Ctrl+3 builds the screen the first time (nothing of it exists before)."""
    assert app.stock.screen is None
    assert app.window.stock_action.shortcut() == QKeySequence("Ctrl+3")
    app.window.stock_action.trigger()
    screen = app.stock.screen
    assert screen is not None and app.window.on_stock_screen
    qtbot.waitUntil(lambda: screen.controller.worker._desk is not None, timeout=WAIT)
    return screen


def _a_unit_barcode(data_dir: Path) -> tuple[int, str, str]:
    ((product_id, code, name),) = rows(
        data_dir,
        "SELECT p.id, b.code, p.name FROM barcodes b JOIN products p ON p.id = b.product_id "
        "WHERE p.sold_by = 'unit' AND p.active = 1 ORDER BY p.id LIMIT 1",
    )
    return product_id, code, name


def _adjustments(data_dir: Path) -> list[tuple]:
    return rows(
        data_dir,
        "SELECT product_id, delta, reason, staff_id, approved_by, note FROM stock_movements "
        "WHERE staff_id IS NOT NULL",
    )


def test_a_scan_finds_the_article_and_a_cashier_adjusts_with_approval(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    app = make_app(None)  # Camille, a cashier
    screen = _stock_screen(qtbot, app)
    product_id, code, name = _a_unit_barcode(data_dir)
    app.route_scan(code)  # the wedge scanner's code goes to the stock screen
    qtbot.waitUntil(lambda: screen.panel.detail is not None, timeout=WAIT)
    detail = screen.panel.detail
    assert detail.product.id == product_id and name in screen.panel.title.text()
    before = detail.level.on_hand
    assert screen.panel.values["incoming"].text() == "—"
    assert screen.adjust_button.isEnabled() and screen.adjust_button.toolTip()  # asks a manager
    assert screen.other_button.isEnabled()  # the till app wires it to "Other stores"

    screen.adjust_button.click()
    dialog = screen.adjust_dialog
    dialog.set_values("", 2)  # no reason: said, nothing asked of a manager, nothing written
    dialog.send()
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=WAIT)
    assert "pourquoi" in dialog.message.text() and _adjustments(data_dir) == []

    dialog.set_values("damage", 2, "pot cassé en rayon")
    _nobody_approves(app.window)
    dialog.message.clear()
    dialog.send()
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=WAIT)
    assert "responsable" in dialog.message.text() and _adjustments(data_dir) == []

    _manager_approves(app.window)
    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        dialog.send()
    assert _adjustments(data_dir) == [
        (product_id, -2, "damage", "camille", "ines", "pot cassé en rayon")
    ]
    qtbot.waitUntil(lambda: screen.panel.detail.level.on_hand == before - 2, timeout=WAIT)
    first = [screen.panel.history.item(0, c).text() for c in range(5)]
    assert first[1] == "-2" and "Camille" in first[3] and "Inès" in first[3]
    assert first[4] == "pot cassé en rayon"
    ((kind,),) = rows(data_dir, "SELECT kind FROM outbox ORDER BY seq DESC LIMIT 1")
    assert kind == "stock_movement"


def test_typing_a_name_lists_articles_and_the_negative_filter(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    app = make_app(None, sign_in_as=("ines", "3333"))  # a manager adjusts without approval
    screen = _stock_screen(qtbot, app)
    product_id, _code, name = _a_unit_barcode(data_dir)
    qtbot.keyClicks(screen.search_field, name.split()[0][:4].encode("ascii", "ignore").decode())
    qtbot.waitUntil(lambda: screen.results.rowCount() > 0, timeout=WAIT)
    screen.search_field.setText(name)
    screen.search_now()
    qtbot.waitUntil(lambda: screen.panel.detail is not None, timeout=WAIT)
    on_hand = screen.panel.detail.level.on_hand
    screen.adjust_button.click()
    dialog = screen.adjust_dialog
    dialog.set_values("theft", on_hand + 1)
    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        dialog.send()
    assert _adjustments(data_dir)[0][:5] == (product_id, -(on_hand + 1), "theft", "ines", None)
    screen.search_field.clear()
    asked = screen._asked
    screen.filter_box.setCurrentIndex(screen.filter_box.findData("negative"))
    assert screen._asked == asked + 1  # the filter searched at once

    def negatives_listed() -> bool:
        ids = {row.product.id for row in screen.rows}
        return product_id in ids and all(row.level.on_hand < 0 for row in screen.rows)

    qtbot.waitUntil(negatives_listed, timeout=WAIT)
    assert screen.results.rowCount() == len(screen.rows)


def test_other_stores_opens_on_the_article_shown_once_connected(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    app = make_app(None)
    screen = _stock_screen(qtbot, app)
    product_id, code, name = _a_unit_barcode(data_dir)
    app.route_scan(code)
    qtbot.waitUntil(lambda: screen.panel.detail is not None, timeout=WAIT)
    opened: list[tuple[int, str, str]] = []
    app.stock.connect_other_stores(lambda *args: opened.append(args))
    assert screen.other_button.isEnabled() and not screen.other_button.toolTip()
    screen.other_button.click()
    assert opened == [(product_id, screen.panel.detail.product.sku, name)]
