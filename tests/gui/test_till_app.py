"""The till as started by ``comptoir``: its settings file decides the printer, the receipt
policy, the scanner and the language; saved settings take effect without a restart."""

from dataclasses import replace
from pathlib import Path

from pytestqt.qtbot import QtBot

from hardware.printer.connections import PrinterConfig
from pos.config import Settings, StoreSettings, TillSettings, load_settings
from pos.store.local_store import LocalStore
from pos.ui.qt import QApplication, QMessageBox
from tests.gui.selling import accented_codes, rows, sell


def _file_printer(paper: Path) -> PrinterConfig:
    return PrinterConfig(kind="file", file_path=str(paper), codepage="CP858", columns=32)


def test_the_settings_file_chooses_printer_policy_and_header(
    qtbot: QtBot, make_app, data_dir: Path, tmp_path: Path
) -> None:
    paper = tmp_path / "paper.bin"
    store = StoreSettings(name="L'Épicerie de Léonie", address_lines=("3 place Bellecour",))
    till = TillSettings(terminal_id="T07", receipt_default="print", drawer_on_cash=True)
    app = make_app(Settings(store=store, till=till, printer=_file_printer(paper)))
    screen = app.window.till_screen
    with qtbot.waitSignal(screen.receipts.print_finished, timeout=10_000) as printed:
        sale = sell(qtbot, app.window, accented_codes(data_dir, 2), cash=True)
    assert printed.args[0].ok  # printed without asking: the store chose "print"
    assert not screen.receipt_offer.isVisible()
    data = paper.read_bytes()
    text = data.decode("cp858")
    assert "L'Épicerie de Léonie" in text and "SIRET 123 456 789 00012" in text
    assert b"\x1bp\x00" in data  # the drawer kick: paid in cash
    assert sale.draft.terminal_id == "T07"
    assert "=" * 32 + "\n" in text and "=" * 33 not in text  # laid out for 58 mm paper
    assert rows(data_dir, "SELECT kind FROM receipt_events") == [("printed",)]
    assert app.window.printer_status.property("state") == "ok"


def test_no_receipt_by_default_records_the_choice(qtbot: QtBot, make_app, data_dir: Path) -> None:
    app = make_app(Settings(till=TillSettings(receipt_default="none")))
    sell(qtbot, app.window, accented_codes(data_dir, 1), cash=False)
    qtbot.waitUntil(lambda: rows(data_dir, "SELECT kind FROM receipt_events") == [("declined",)])
    assert not app.window.till_screen.receipt_offer.isVisible()
    assert app.printer is None
    assert app.window.printer_status.property("state") == "none"


def test_a_broken_settings_file_starts_on_defaults_and_says_so(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    broken = "[printer]\nport = 'neuf-mille'\n"
    app = make_app(None, text=broken)
    assert app.settings == Settings()
    box = app.message_box
    assert box.isVisible() and box.icon() == QMessageBox.Icon.Warning
    assert "printer.port" in box.text() and "par défaut" in box.text()
    assert (data_dir / "settings.toml").read_text(encoding="utf-8") == broken  # left as it was
    sell(qtbot, app.window, accented_codes(data_dir, 1), cash=False)  # and the till sells


def test_the_language_comes_from_the_settings(qtbot: QtBot, make_app) -> None:
    app = make_app(Settings(till=TillSettings(language="en")), sign_in_as=None)
    assert app.language == "en"  # until someone signs in with their own
    assert app.window.windowTitle() == "Comptoir — point of sale"
    assert app.window.staff.screen.title.text() == "Who is at the till?"
    assert "Pay" in app.window.till_screen.buttons["F12"].text()


def test_saved_settings_apply_at_once(
    qtbot: QtBot, make_app, data_dir: Path, tmp_path: Path
) -> None:
    app = make_app(Settings(), sign_in_as=("ines", "3333"))  # settings: a manager's
    assert app.printer is None
    app.window.settings_action.trigger()
    dialog = app.settings_dialog
    assert dialog is not None and dialog.isVisible()
    paper = tmp_path / "paper.bin"
    wanted = Settings(
        store=StoreSettings(name="Comptoir Vaise"),
        till=TillSettings(receipt_default="print", language="en"),
        printer=_file_printer(paper),
        scanner=replace(app.settings.scanner, prefix="]C"),
    )
    dialog.show_settings(wanted)
    dialog.save_button.click()
    assert load_settings(data_dir / "settings.toml") == wanted
    assert app.scanner.settings.prefix == "]C"
    assert app.printer is not None
    assert app.language == "en" and app.window.windowTitle() == "Comptoir — point of sale"
    assert not hasattr(app, "message_box")  # nothing waits for a restart: the language is live
    with qtbot.waitSignal(app.window.till_screen.receipts.print_finished, timeout=10_000) as done:
        sell(qtbot, app.window, accented_codes(data_dir, 1), cash=False)
    assert done.args[0].ok
    assert "Comptoir Vaise" in paper.read_bytes().decode("cp858")


def test_changing_the_printer_again_retires_the_old_one(
    qtbot: QtBot, make_app, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.bin", tmp_path / "second.bin"
    app = make_app(Settings(printer=_file_printer(first)))
    old = app.printer
    app.apply_settings(replace(app.settings, printer=_file_printer(second)))
    assert app.printer is not old and app.printer is not None
    qtbot.waitUntil(lambda: not old._thread.isRunning(), timeout=5000)
    app.apply_settings(replace(app.settings, printer=PrinterConfig()))
    assert app.printer is None
    assert app.window.printer_status.property("state") == "none"


def test_codes_read_by_the_camera_reach_the_basket(qtbot: QtBot, make_app, data_dir: Path) -> None:
    """The real frame path (sink → grey → zbar on its thread) into the till's scan."""
    from hardware.camera import ZbarDecoder
    from pos.ui.camera import CameraScanner
    from pos.ui.camera.qt_media import QVideoFrame, QVideoSink
    from tests.camera.draw import busy_background, ean13_image, place

    app = make_app(Settings())
    app.window.camera_action.trigger()
    dialog = app.camera_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.view is not None and dialog.view.state == "no_camera"  # none on this machine
    code = accented_codes(data_dir, 1)[0]
    scanner = CameraScanner(ZbarDecoder())
    sink = QVideoSink()
    assert scanner.start()
    scanner.attach(sink)
    scanner.code_scanned.connect(app.route_code)
    try:
        frame = place(ean13_image(code), busy_background(640, 480))
        with qtbot.waitSignal(app.window.till_screen.basket_shown, timeout=10_000) as shown:
            for _ in range(3):  # a linear code is confirmed on two frames
                sink.setVideoFrame(QVideoFrame(frame))
                qtbot.wait(30)
        (name,) = rows(
            data_dir,
            f"SELECT p.name FROM products p JOIN barcodes b ON b.product_id = p.id "
            f"WHERE b.code = '{code}'",
        )[0]
        assert [line.name for line in shown.args[0].lines] == [name]  # once, over 3 frames
    finally:
        scanner.shutdown()


def test_an_order_paid_in_store_goes_from_the_desk_to_the_till_and_back(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    """Desk → "take payment at the till" → the sale at the order's prices → handed over."""
    from pos.services.pickup_scene import catalog_items, feed_order, pull

    with LocalStore(data_dir / "store.db") as store:
        a, b = catalog_items(store, 2)
        pull(
            store,
            feed_order("web-9", "GH67-JK89", ("Jean-Pierre Martin", "jp@example.org", "0712"),
                       [(a, 2), (b, 1)], state="ready", version=3, paid=False),
        )  # fmt: skip
    app = make_app(Settings())
    app.window.pickup_action.trigger()  # Ctrl+2 builds the desk the first time
    qtbot.waitUntil(lambda: app.window.on_pickup_desk, timeout=10_000)  # a piece per turn
    desk = app.pickup_screen
    assert app.window.on_pickup_desk
    with qtbot.waitSignal(desk.order_shown, timeout=10_000):
        app.route_scan("GH67-JK89")  # the hand scanner, while the desk shows
    with qtbot.waitSignal(app.window.till_screen.basket_shown, timeout=10_000) as shown:
        desk.handover.pay_button.click()
    assert not app.window.on_pickup_desk  # the till shows, with the order's lines
    order = desk.handover.order
    assert shown.args[0].total_cents == order.total_cents
    with qtbot.waitSignal(desk.slip_ready, timeout=10_000) as slip:
        sale = sell(qtbot, app.window, [], cash=False)
    assert slip.args[0].sale_id == sale.sale_id and not slip.args[0].paid_online
    preview = app.slip_preview  # no printer here: the slip shows on screen
    assert preview.isVisible() and "Jean-Pierre Martin" in preview.text.toPlainText()
    assert "BON DE RETRAIT" in preview.text.toPlainText()


def test_a_picking_list_prints_on_the_receipt_printer(
    qtbot: QtBot, make_app, data_dir: Path, tmp_path: Path
) -> None:
    from pos.services.pickup_scene import catalog_items, feed_order, pull

    with LocalStore(data_dir / "store.db") as store:
        a, b = catalog_items(store, 2)
        pull(store, feed_order("web-8", "AB12-CD34", ("Karim Benali", "k@example.org", "07"),
                               [(a, 2), (b, 1)]))  # fmt: skip
    paper = tmp_path / "paper.bin"
    app = make_app(Settings(printer=_file_printer(paper)))
    app.window.pickup_action.trigger()  # Ctrl+2 builds the desk the first time
    qtbot.waitUntil(lambda: app.window.on_pickup_desk, timeout=10_000)  # a piece per turn
    desk = app.pickup_screen
    with qtbot.waitSignal(desk.order_shown, timeout=10_000):
        app.route_scan("AB12-CD34")
    with qtbot.waitSignal(desk.picking_shown, timeout=10_000):
        desk.desk.detail.prepare_button.click()
    with qtbot.waitSignal(app.printer.worker.slip_printed, timeout=10_000) as printed:
        desk.picking.print_button.click()
    assert printed.args[1].ok
    text = paper.read_bytes().decode("cp858")
    assert "LISTE DE PR" in text and "AB12-CD34" in text


def test_the_customer_display_follows_the_sale_and_keeps_the_change_until_the_next_scan(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    store = StoreSettings(name="L'Épicerie de Léonie")
    app = make_app(Settings(store=store, till=TillSettings(customer_display="window")))
    display = app.customer_display
    assert display is not None and display.isVisible()
    assert display.greeting.text() == "Bienvenue chez L'Épicerie de Léonie"
    codes = accented_codes(data_dir, 3)
    screen = app.window.till_screen
    with qtbot.waitSignal(screen.basket_shown, timeout=5000):
        screen.scan(codes[0])
    total = screen.total_label.text()
    qtbot.waitUntil(lambda: display.total.text() == f"Total {total}")
    sale = sell(qtbot, app.window, codes[1:], cash=True)
    change = sale.draft.change_cents
    assert change > 0  # the largest note: change is given
    euros = f"{change // 100},{change % 100:02d}\u00a0€"
    qtbot.waitUntil(lambda: display.change.text() == f"Votre monnaie : {euros}")
    assert display.greeting.text() == "Merci, à bientôt !"
    screen.scan(codes[0])  # the next customer's first article
    # The change is gone; what promotions save on this article shows in its place. The
    # empty basket that followed the sale may still be on its way to the screen: wait for
    # the scanned line itself, not for the next basket signal.
    qtbot.waitUntil(lambda: len(screen.view.lines) == 1, timeout=5000)
    saved = screen.view.discount_cents
    euros = f"{saved // 100},{saved % 100:02d}\u00a0€"
    qtbot.waitUntil(lambda: display.change.text() == (f"Vous économisez {euros}" if saved else ""))
    assert "Total" in display.total.text() and display.lines.text().count("<tr>") == 1


def test_no_customer_display_on_a_single_screen_or_when_off(
    qtbot: QtBot, make_app, qapp: QApplication
) -> None:
    assert len(qapp.screens()) == 1  # the offscreen platform has one screen
    app = make_app(Settings(till=TillSettings(customer_display="auto")))
    assert app.customer_display is None
    app.apply_settings(replace(app.settings, till=TillSettings(customer_display="window")))
    assert app.customer_display is not None and app.customer_display.isVisible()
    app.apply_settings(replace(app.settings, till=TillSettings(customer_display="off")))
    assert app.customer_display is None


def test_a_cashier_is_told_settings_are_for_managers(qtbot: QtBot, make_app) -> None:
    """``SETTINGS`` is a manager's right: the menu refuses Camille, with who can."""
    app = make_app(Settings())  # Camille, cashier
    app.window.settings_action.trigger()
    assert app.settings_dialog is None
    assert app.window.till_screen.message_label.text() == (
        "Les réglages sont réservés aux responsables : un responsable se connecte (F1) "
        "pour les modifier."
    )
