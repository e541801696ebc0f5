"""The desk hands an order over without its code only with a manager's approval, asked
through the staff gate's dialog while the cashier stays signed in; both are recorded."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.services.pickup_desk import PickupDesk
from pos.services.pickup_scene import catalog_items, feed_order, pull
from pos.store.local_store import LocalStore
from tests.gui.selling import rows
from tests.gui.test_till_day import _manager_approves, _nobody_approves

WAIT = 10_000


def _ready_order(data_dir: Path) -> None:
    with LocalStore(data_dir / "store.db") as store:
        a, b = catalog_items(store, 2)
        pull(store, feed_order("web-9", "WX23-YZ45", ("Inès Moreau", "ines@example.org",
             "06 11 22 33 44"), [(a, 1), (b, 2)], state="ready", version=3))  # fmt: skip


def _desk_on(qtbot: QtBot, app, data_dir: Path):
    """The desk of the running till, showing order web-9 opened from the list (no code)."""
    app.open_pickup_desk()  # built on first use, a piece per event-loop turn
    qtbot.waitUntil(lambda: app.window.on_pickup_desk, timeout=WAIT)
    desk = app.pickup_screen
    qtbot.waitUntil(lambda: desk.controller.worker._desk is not None, timeout=WAIT)
    with LocalStore(data_dir / "store.db") as store:
        desk.open_handover(PickupDesk(store).order("web-9"))
    with qtbot.waitSignal(desk.refusal_shown, timeout=WAIT) as refused:
        desk.handover.give_button.click()  # Camille, a cashier, has no code to type
    assert refused.args == ["right_refused"]
    assert "un responsable" in desk.message_label.text()
    assert desk.handover.without_code_button.isVisible()
    return desk


def test_a_manager_approves_a_handover_without_the_code(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    _ready_order(data_dir)
    app = make_app(None)  # Camille signed in
    desk = _desk_on(qtbot, app, data_dir)
    _manager_approves(app.window)
    with qtbot.waitSignal(desk.slip_ready, timeout=WAIT):
        desk.handover.without_code_button.click()
    assert app.window.staff.actor_name == "Camille"  # never signed out
    ((approval_id, asked, approved, what),) = rows(
        data_dir,
        "SELECT approval_id, asked_by, approved_by, what FROM approval "
        "WHERE right_name = 'handover_without_code'",
    )
    assert (asked, approved) == ("camille", "ines") and "WX23-YZ45" in what
    ((to_state, staff, reason),) = rows(
        data_dir,
        "SELECT to_state, staff, reason FROM pickup_moves WHERE order_id = 'web-9'",
    )
    assert to_state == "collected" and staff == "Camille"
    assert approval_id in reason and "Inès" in reason
    (payload,) = rows(data_dir, "SELECT payload FROM outbox WHERE kind = 'pickup_transition'")[0]
    assert approval_id in json.loads(payload)["reason"]  # central's history says so too


def test_no_approval_no_handover(qtbot: QtBot, make_app, data_dir: Path) -> None:
    _ready_order(data_dir)
    app = make_app(None)
    desk = _desk_on(qtbot, app, data_dir)
    _nobody_approves(app.window)
    with qtbot.waitSignal(desk.refusal_shown, timeout=WAIT) as refused:
        desk.handover.without_code_button.click()
    assert refused.args == ["handover_not_approved"]
    assert rows(data_dir, "SELECT count(*) FROM pickup_moves WHERE order_id = 'web-9'") == [(0,)]
    assert rows(data_dir, "SELECT count(*) FROM approval") == [(0,)]
