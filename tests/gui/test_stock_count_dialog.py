"""The stock count in the running till, offscreen, over a real store file and the stock
worker: a cashier counts a shelf blind (no expected figure on the counting page), types
an article twice (added, nothing lost), an absurd figure (refused with a sentence), then
the variances; approving needs a manager's PIN (refused without it, nothing applied)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.domain.stock_count import EntryMode
from tests.gui.selling import rows
from tests.gui.test_stock_screen import WAIT, _a_unit_barcode, _stock_screen
from tests.gui.test_till_day import _manager_approves, _nobody_approves


def _count_movements(data_dir: Path) -> list[tuple]:
    return rows(
        data_dir,
        "SELECT product_id, delta, staff_id, approved_by, note FROM stock_movements "
        "WHERE reason = 'count'",
    )


def test_a_cashier_counts_a_shelf_blind_and_a_manager_approves(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    app = make_app(None)  # Camille, a cashier
    screen = _stock_screen(qtbot, app)
    product_id, code, _name = _a_unit_barcode(data_dir)
    assert screen.count_button.isEnabled()
    screen.count_button.click()
    dialog = screen.count_dialog
    qtbot.waitUntil(lambda: dialog.department_box.count() > 0, timeout=WAIT)
    dialog.scope_box.setCurrentIndex(dialog.scope_box.findData("shelf"))
    dialog.start()  # no shelf named: said, nothing started
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=WAIT)
    assert "étagère" in dialog.message.text() and dialog.pages.currentIndex() == 0
    dialog.shelf_field.setText("Allée 3")
    dialog.start()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=WAIT)
    assert "Allée 3" in dialog.title.text()

    app.route_scan(code)  # the wedge scanner's code goes to the count, not the search
    assert dialog.code_field.text() == code and screen.search_field.text() != code
    dialog.quantity.setValue(3)
    dialog.enter()
    qtbot.waitUntil(lambda: dialog.counted_table.rowCount() == 1, timeout=WAIT)
    headers = [dialog.counted_table.horizontalHeaderItem(i).text() for i in range(3)]
    assert not any("ttendu" in h for h in headers)  # blind: no expected figure while counting
    dialog._add_or_replace = lambda params: EntryMode.ADD  # the counter answers "Add"
    dialog.code_field.setText(code)
    dialog.quantity.setValue(2)
    dialog.enter()
    qtbot.waitUntil(lambda: dialog.counted_table.item(0, 2).text() == "5", timeout=WAIT)
    dialog.code_field.setText(code)
    dialog.quantity.setValue(20_000)  # absurd: said, the line keeps its 5
    dialog.enter()
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=WAIT)
    assert "plausible" in dialog.message.text()
    assert dialog.counted_table.item(0, 2).text() == "5"

    dialog.finish()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=WAIT)
    variance = dialog.result.lines[0]
    assert (variance.product.id, variance.counted) == (product_id, 5)

    _nobody_approves(app.window)
    dialog.approve()
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=WAIT)
    assert "responsable" in dialog.message.text() and _count_movements(data_dir) == []

    _manager_approves(app.window)
    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        dialog.approve()
    expected = [(product_id, variance.variance, "camille", "ines", "Allée 3")]
    assert _count_movements(data_dir) == ([] if variance.variance == 0 else expected)
    assert rows(data_dir, "SELECT count(*) FROM outbox WHERE kind = 'stock_count'") == [(1,)]


def test_a_full_count_shows_the_uncounted_only_once_counting_is_over(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    app = make_app(None)
    screen = _stock_screen(qtbot, app)
    _product_id, code, _name = _a_unit_barcode(data_dir)
    screen.count_button.click()
    dialog = screen.count_dialog
    qtbot.waitUntil(lambda: dialog.department_box.count() > 0, timeout=WAIT)
    dialog.scope_box.setCurrentIndex(dialog.scope_box.findData("full"))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=WAIT)
    dialog.code_field.setText(code)
    dialog.quantity.setValue(1)
    dialog.enter()
    qtbot.waitUntil(lambda: dialog.counted_table.rowCount() == 1, timeout=WAIT)  # blind

    dialog.finish()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=WAIT)
    result = dialog.result
    holding = rows(data_dir, "SELECT count(*) FROM stock s JOIN products p ON p.id = "
                   "s.product_id WHERE s.on_hand != 0 AND p.active = 1")[0][0]  # fmt: skip
    assert result.uncounted_articles >= holding - 1 > 0
    shown = len(result.lines) + len(result.uncounted)
    assert dialog.variance_table.rowCount() == shown > 1
    assert "non compté" in dialog.variance_table.item(1, 3).text()
    assert "n’ont pas été comptés" in dialog.summary.text()
    dialog.reject()
