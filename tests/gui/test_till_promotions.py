"""Promotions and promo codes on the till screen, on the demo store (its demo promotions,
pulled as from central): three yoghurts scanned show "3 pour 2 sur les yaourts −x,xx €"
under the line, the Discount column and "Économies" on the panel; the customer display
shows the saving. A promo code typed after Ctrl+B: refused with its French sentence,
then BIENVENUE applied (on the sale panel with its remove key), removed, and a code
that applies to nothing yet is kept and says so."""

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.config import Settings
from pos.ui.customer_display import CustomerDisplay
from pos.ui.messages import user_message
from pos.ui.money import format_money
from pos.ui.qt import QCoreApplication
from pos.ui.widgets.line_note_delegate import NOTE_ROLE
from tests.gui.selling import rows

WAIT = 10_000


def yoghurt_code(data_dir: Path) -> str:
    """A barcode of an article of the demo's "3 pour 2 sur les yaourts" (promotion 1)."""
    skus = json.loads(rows(data_dir, "SELECT rule FROM promotions WHERE id = 1")[0][0])["skus"]
    found = rows(
        data_dir,
        "SELECT b.code FROM barcodes b JOIN products p ON p.id = b.product_id "
        f"WHERE p.sku IN ({','.join(repr(s) for s in skus)}) AND p.sold_by = 'unit' "
        "ORDER BY p.id LIMIT 1",
    )
    assert found, "the demo store sells a yoghurt of the promotion"
    return found[0][0]


def test_scanning_into_a_promotion_shows_it_on_the_line_and_the_saving(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    app = make_app(Settings())
    screen = app.window.till_screen
    code = yoghurt_code(data_dir)
    for _ in range(3):
        with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
            screen.scan(code)
    line = screen.view.lines[0]
    assert line.quantity == 3 and len(line.promotions) == 1
    name, cents = line.promotions[0]
    assert name == "3 pour 2 sur les yaourts" and cents == line.unit_price_cents
    index = screen.model.index(0, screen.model.NAME)
    assert index.data(NOTE_ROLE) == f"3 pour 2 sur les yaourts −{format_money(cents)}"
    discount = screen.model.index(0, screen.model.DISCOUNT).data()
    assert discount == f"-{format_money(cents)}"
    assert screen.view.promotion_cents == cents
    assert f"Économies : {format_money(cents)}" in screen.details_label.text()
    display = CustomerDisplay("Comptoir")
    qtbot.addWidget(display)
    display.show_basket(screen.view)
    assert display.change.text() == f"Vous économisez {format_money(cents)}"


def test_a_promo_code_refused_applied_and_removed(qtbot: QtBot, make_app, data_dir: Path) -> None:
    app = make_app(Settings())
    screen = app.window.till_screen
    worker = app.controller.worker

    # Typed, then the "Promo code" key: a code this till does not know could be a
    # single-use one, which only central can check, and this demo till has no central.
    screen.scan_field.setText("NOSUCHCODE")
    with qtbot.waitSignal(screen.refusal_shown, timeout=WAIT) as refused:
        screen.buttons["Ctrl+B"].click()
    assert refused.args == ["coupon_needs_central"]
    expected = user_message("coupon_needs_central", "")
    assert screen.message_label.text() == expected
    assert expected.startswith("Ce code doit être vérifié par le serveur central")

    # BIENVENUE (-5 € on the basket) on an empty basket: kept, and it says so.
    screen.buttons["Ctrl+B"].click()
    dialog = screen.coupons.dialog
    assert dialog is not None
    dialog.setTextValue("bienvenue")
    with qtbot.waitSignal(worker.coupon_applied, timeout=WAIT) as applied:
        dialog.accept()
    assert not applied.args[0].applies
    qtbot.waitUntil(lambda: bool(screen.view.coupons), timeout=WAIT)
    assert screen.message_label.text() == "BIENVENUE : aucun article concerné pour l'instant"
    panel = screen.sale_panel.coupons
    assert panel.isVisible() and len(panel.rows) == 1
    assert panel.rows[0][0].text() == "BIENVENUE : aucun article concerné pour l'instant"

    code = yoghurt_code(data_dir)
    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        screen.scan(code)
    assert screen.view.coupons[0].applies  # now it takes 5 € off the basket
    assert panel.rows[0][0].text().startswith("BIENVENUE · Code BIENVENUE")
    before = screen.view.total_cents

    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        panel.rows[0][1].click()  # its remove key
    assert screen.view.coupons == ()
    assert screen.view.total_cents > before
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=WAIT)


def test_a_scanned_promo_code_is_applied(qtbot: QtBot, make_app, data_dir: Path) -> None:
    """A code scanned in the scan field that is no article is tried as a promo code."""
    app = make_app(Settings())
    screen = app.window.till_screen
    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        screen.scan(yoghurt_code(data_dir))
    with qtbot.waitSignal(app.controller.worker.coupon_applied, timeout=WAIT) as applied:
        screen.scan("BIENVENUE")
    assert applied.args[0].applies
    qtbot.waitUntil(lambda: bool(screen.view.coupons), timeout=WAIT)


def test_each_refusal_has_its_french_sentence() -> None:
    codes = (
        "coupon_unknown", "coupon_used", "coupon_expired", "coupon_not_started",
        "coupon_other_store", "coupon_needs_central", "coupon_needs_reference_server",
        "coupon_already_applied", "coupon_empty", "coupon_invalid", "coupon_refused",
    )  # fmt: skip
    english = {code: user_message(code, "ENGLISH", {"reason": "x"}) for code in codes}
    assert all(text != "ENGLISH" for text in english.values())
    assert english["coupon_refused"].endswith("x")
    assert QCoreApplication.instance() is not None
