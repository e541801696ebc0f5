"""The till opens on the sign-in screen: a name (or a badge), then the PIN on the pad;
refusals on the pad; each person's language live; switch and lock keep the basket with
its author; the idle lock. Real store, real worker, real argon2 PINs."""

import sqlite3
import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.config import Settings
from pos.config.model import TillSettings
from pos.ui.qt import Qt
from pos.ui.till_app import TillApp
from tests.gui.selling import accented_codes, rows

WAIT = 10_000


def type_pin(qtbot: QtBot, app: TillApp, pin: str, signal=None):
    """Digits on the pad, then OK; waits for the worker's answer."""
    gate = app.window.staff
    for digit in pin:
        gate.screen.pad.press(digit)
    wanted = signal or gate.screen.refusal_shown
    with qtbot.waitSignal(wanted, timeout=WAIT) as answer:
        gate.screen.pad.press("ok")
    return answer


def touch_name(qtbot: QtBot, app: TillApp, staff_id: str) -> None:
    screen = app.window.staff.screen
    qtbot.waitUntil(lambda: staff_id in screen.name_buttons, timeout=WAIT)
    screen.name_buttons[staff_id].click()


def sign_in_by_touch(qtbot: QtBot, app: TillApp, staff_id: str, pin: str) -> None:
    touch_name(qtbot, app, staff_id)
    type_pin(qtbot, app, pin, app.window.staff.signed_in)


def test_the_till_opens_on_the_sign_in_screen_and_refuses_wrong_pins_then_locks(
    qtbot: QtBot, make_app
) -> None:
    app = make_app(Settings(), sign_in_as=None)
    window, gate = app.window, app.window.staff
    assert window.stack.currentWidget() is gate.screen and gate.locked
    window.show_till()  # Ctrl+1 cannot get round it
    assert window.stack.currentWidget() is gate.screen
    touch_name(qtbot, app, "camille")
    assert set(gate.screen.name_buttons) == {"camille", "julien", "ines", "admin"}
    assert gate.screen.pad.prompt.text() == "Camille — saisissez votre code"
    refused = type_pin(qtbot, app, "9999")
    assert refused.args == ["wrong_pin"]
    assert gate.screen.pad.message.text() == (
        "Code erroné : encore 4 essai(s) avant le verrouillage."
    )
    for _ in range(3):
        type_pin(qtbot, app, "9999")
    locked = type_pin(qtbot, app, "9999")
    assert locked.args == ["account_locked"]
    pad = gate.screen.pad
    assert pad.locked and not pad.keys["5"].isEnabled()
    assert pad.message.text().startswith("Trop de codes erronés : verrouillé jusqu’à ")
    pad.press("1")
    assert pad.length == 0  # a locked pad takes no key
    assert window.stack.currentWidget() is gate.screen


def test_the_right_pin_opens_the_sale_and_the_status_bar_names_the_cashier(
    qtbot: QtBot, make_app
) -> None:
    app = make_app(Settings(), sign_in_as=None)
    sign_in_by_touch(qtbot, app, "camille", "1111")
    window = app.window
    assert window.stack.currentWidget() is window.till_screen and not window.staff.locked
    assert window.cashier_status.text() == "À la caisse : Camille"


def test_each_cashier_signs_in_in_their_own_language_live(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    with sqlite3.connect(data_dir / "store.db") as conn:
        conn.execute("UPDATE staff SET language = 'en' WHERE staff_id = 'julien'")
    app = make_app(Settings(), sign_in_as=None)
    window = app.window
    assert window.till_screen.buttons["F12"].text().startswith("Encaisser")
    sign_in_by_touch(qtbot, app, "julien", "2222")
    assert app.language == "en"
    assert window.till_menu.title() == "&Till"
    assert "Pay" in window.till_screen.buttons["F12"].text()
    assert window.cashier_status.text() == "At the till: Julien"
    window.staff.lock_action.trigger()  # F1
    assert window.staff.screen.title.text() == "Who is at the till?"
    sign_in_by_touch(qtbot, app, "camille", "1111")
    assert app.language == "fr"
    assert window.till_menu.title() == "&Caisse"
    assert window.cashier_status.text() == "À la caisse : Camille"


def test_switch_parks_the_basket_under_its_author_and_gives_it_back_to_them(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    app = make_app(Settings())  # Camille is signed in
    screen, gate = app.window.till_screen, app.window.staff
    codes = accented_codes(data_dir, 2)
    for code in codes:
        with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
            screen.scan(code)
    assert len(screen.view.lines) == 2
    gate.lock_action.trigger()
    sign_in_by_touch(qtbot, app, "julien", "2222")
    qtbot.waitUntil(lambda: screen.view is not None and not screen.view.lines, timeout=WAIT)
    assert rows(data_dir, "SELECT cashier, label FROM parked_sales") == [("Camille", "")]
    gate.lock_action.trigger()
    sign_in_by_touch(qtbot, app, "camille", "1111")
    qtbot.waitUntil(lambda: len(screen.view.lines) == 2, timeout=WAIT)
    assert rows(data_dir, "SELECT count(*) FROM parked_sales") == [(0,)]
    gate.lock_action.trigger()  # the same person signing back in just continues
    sign_in_by_touch(qtbot, app, "camille", "1111")
    assert len(screen.view.lines) == 2
    assert rows(data_dir, "SELECT count(*) FROM parked_sales") == [(0,)]


def test_the_till_locks_itself_when_idle_and_never_when_set_to_zero(qtbot: QtBot, make_app) -> None:
    app = make_app(Settings(till=TillSettings(lock_after_minutes=3)))
    gate = app.window.staff
    assert gate.idle_timer.isActive() and gate.idle_timer.interval() == 3 * 60_000
    gate.idle_timer.timeout.emit()  # three quiet minutes, without waiting them
    assert gate.locked and app.window.stack.currentWidget() is gate.screen
    assert not gate.idle_timer.isActive()  # locked: nothing more to time
    app.apply_settings(Settings(till=TillSettings(lock_after_minutes=0)))
    sign_in_by_touch(qtbot, app, "camille", "1111")
    assert not gate.idle_timer.isActive()


def test_a_scanned_badge_reaches_the_sign_in_screen(qtbot: QtBot, make_app, data_dir: Path) -> None:
    with sqlite3.connect(data_dir / "store.db") as conn:
        conn.execute("UPDATE staff SET badge = 'STAFF-0042' WHERE staff_id = 'ines'")
    app = make_app(Settings(), sign_in_as=None)
    app.route_scan("STAFF-0042")
    screen = app.window.staff.screen
    assert screen.who == "STAFF-0042" and screen.pad.prompt.text() == (
        "Badge lu — saisissez votre code"
    )
    type_pin(qtbot, app, "3333", app.window.staff.signed_in)
    assert app.window.cashier_status.text() == "À la caisse : Inès"


def test_the_pin_is_checked_on_the_worker_thread_not_the_gui_thread(qtbot: QtBot, make_app) -> None:
    """argon2 costs ~0.1 s: the sign-in (and every act) runs on the till worker's thread."""
    app = make_app(Settings(), sign_in_as=None)
    threads: list[int] = []
    app.controller.worker.signed_in.connect(
        lambda _signed: threads.append(threading.get_ident()), Qt.ConnectionType.DirectConnection
    )
    with qtbot.waitSignal(app.window.staff.signed_in, timeout=WAIT):
        app.controller.request("sign_in", "camille", "1111")
    assert threads and threads[0] != threading.get_ident()


def test_a_demo_store_says_its_staff_codes_and_a_real_store_does_not(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    """A first-time user of the demo is not left at a lock; a store's own staff codes are
    never shown (the marker is the demo builder's, gone once the store is not the demo)."""
    app = make_app(Settings(), sign_in_as=None)
    hint = app.window.staff.screen.demo_hint
    assert hint.isVisible()
    assert hint.text() == (
        "Magasin de démonstration : les codes sont Camille 1111 · Julien 2222 · "
        "Inès 3333 · Admin démo 0000."
    )
    app.shutdown()
    with sqlite3.connect(data_dir / "store.db") as conn:
        conn.execute("DELETE FROM settings WHERE key = 'demo_staff'")
    other = make_app(Settings(), sign_in_as=None)
    assert not other.window.staff.screen.demo_hint.isVisible()
