"""Receiving a delivery from the stock screen, offscreen, in the running till over a real
store file and the stock worker: the wedge scanner counts into the dialog, bad input
(an unknown delivery note, an unknown article, an article not on the delivery, nothing
counted) says why and loses nothing, and validating writes the receipt once."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.services.delivery_scene import lay_delivery_scene
from tests.gui.selling import rows
from tests.gui.test_stock_screen import WAIT, _stock_screen
from tests.gui.test_till_day import _manager_approves, _nobody_approves


def test_a_cashier_receives_a_delivery_scanned_line_by_line(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    scene = lay_delivery_scene(data_dir / "store.db")
    app = make_app(None)  # Camille, a cashier: receiving is hers to do
    screen = _stock_screen(qtbot, app)
    assert screen.receive_button.isEnabled()
    screen.receive_button.click()
    dialog = screen.moves_dialog
    qtbot.waitUntil(lambda: dialog.choice.count() == 2, timeout=WAIT)
    assert not dialog.ok_button.isEnabled()  # nothing to validate before a delivery

    app.route_scan("BL-NOWHERE")  # a delivery note this store does not expect
    qtbot.waitUntil(lambda: "BL-NOWHERE" in dialog.message.text(), timeout=WAIT)
    assert "Aucune livraison" in dialog.message.text() and dialog.sheet is None

    app.route_scan(scene.delivery_id)  # its delivery note opens it
    qtbot.waitUntil(lambda: dialog.sheet is not None, timeout=WAIT)
    assert [x.expected for x in dialog.sheet.lines] == [q for _p, _c, q in scene.expected]
    assert dialog.table.item(0, 2).text() == "12"  # not blind: the expected figure shows

    dialog.validate()  # nothing counted yet
    assert "Rien n’a été compté" in dialog.message.text()

    (p1, c1, q1), (p2, c2, q2), (_p3, _c3, _q3) = scene.expected
    for code, quantity in ((c1, q1), (c2, q2 - 1), (scene.extra_code, 1), ("0000000000000", 1)):
        dialog.entry.quantity.setValue(quantity)
        app.route_scan(code)  # the wedge scanner, through the app: no wait between scans
    qtbot.waitUntil(lambda: "Aucun article" in dialog.message.text(), timeout=WAIT)
    states = {x.product_id: x.state.value for x in dialog.sheet.lines}
    assert states[p1] == "ok" and states[p2] == "missing" and list(states.values())[-1] == "extra"
    assert dialog.entry.quantity.value() == 1  # the quantity key is for one scan only

    dialog.table.clearSelection()
    dialog.damaged_button.click()  # no line chosen: said, nothing changes
    assert "Sélectionnez" in dialog.message.text()
    dialog.table.selectRow(0)
    dialog.damaged_button.click()
    assert dialog.sheet.line(p1).damaged == 1 and dialog.sheet.line(p1).received == q1 - 1

    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        dialog.validate()
    moves = rows(
        data_dir,
        "SELECT product_id, delta, staff_id FROM stock_movements WHERE reason = 'receipt' "
        "ORDER BY product_id",
    )
    extra_id = list(states)[-1]
    assert sorted(moves) == sorted(
        [(p1, q1 - 1, "camille"), (p2, q2 - 1, "camille"), (extra_id, 1, "camille")]
    )
    ((payload,),) = rows(data_dir, "SELECT payload FROM outbox WHERE kind = 'delivery_received'")
    sent = json.loads(payload)
    assert sent["delivery_id"] == scene.delivery_id and len(sent["lines"]) == 4
    qtbot.waitUntil(lambda: "Livraison réceptionnée" in screen.message.text(), timeout=WAIT)

    screen.receive_button.click()  # received: no longer offered
    again = screen.moves_dialog
    qtbot.waitUntil(lambda: "Aucune livraison n’est attendue" in again.message.text(),
                    timeout=WAIT)  # fmt: skip
    again.reject()


def test_a_cashiers_transfer_needs_a_managers_pin_and_leaves_the_stock_once(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    scene = lay_delivery_scene(data_dir / "store.db")  # Paris is a store this till knows
    product_id, code, _quantity = scene.expected[0]
    app = make_app(None)  # Camille, a cashier
    screen = _stock_screen(qtbot, app)
    screen.transfer_button.click()
    dialog = screen.moves_dialog
    qtbot.waitUntil(lambda: dialog.store_box.count() == 1, timeout=WAIT)
    assert "responsable" in dialog.info.text()  # said before she tries

    dialog.send()  # nothing scanned
    qtbot.waitUntil(lambda: "Scannez d’abord" in dialog.message.text(), timeout=WAIT)
    dialog.entry.quantity.setValue(3)
    app.route_scan(code)
    qtbot.waitUntil(lambda: bool(dialog.sheet.lines), timeout=WAIT)

    _nobody_approves(app.window)
    dialog.send()
    qtbot.waitUntil(lambda: "Non autorisé" in dialog.message.text(), timeout=WAIT)
    assert _transfers(data_dir) == []

    _manager_approves(app.window)
    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        dialog.send()
    assert _transfers(data_dir) == [(product_id, -3, "camille")]
    ((payload,),) = rows(data_dir, "SELECT payload FROM outbox WHERE kind = 'transfer_sent'")
    sent = json.loads(payload)
    assert sent["to_store_id"] == "paris-rivoli" and sent["lines"][0]["quantity"] == 3


def _transfers(data_dir: Path) -> list[tuple]:
    return rows(
        data_dir,
        "SELECT product_id, delta, staff_id FROM stock_movements WHERE reason = 'transfer'",
    )
