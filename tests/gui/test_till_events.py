"""The running till writes its JET on the worker thread: the start (with the software
version the first time), each sign-in and sign-out (F1, idle), saved settings, the clean
stop. Real app, real worker, real store file."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.config import Settings
from pos.domain import fiscal_events as fe
from pos.services.event_journal import software_version
from tests.gui.test_sign_in import sign_in_by_touch

WAIT = 10_000


def events(data_dir: Path) -> list[tuple[str, dict]]:
    with sqlite3.connect(data_dir / "store.db") as conn:
        rows = conn.execute(
            "SELECT kind, body FROM chain_entries WHERE chain = 'event' ORDER BY seq"
        ).fetchall()
    return [(kind, json.loads(body)["detail"]) for kind, body in rows]


def kinds(data_dir: Path) -> list[str]:
    return [kind for kind, _ in events(data_dir)]


def test_the_till_records_its_start_sign_ins_outs_settings_and_stop(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    app = make_app(Settings())  # Camille signs in
    gate = app.window.staff
    gate.lock_action.trigger()  # F1
    sign_in_by_touch(qtbot, app, "julien", "2222")
    gate.idle_timer.timeout.emit()  # quiet minutes, without waiting them
    qtbot.waitUntil(lambda: kinds(data_dir)[-1] == fe.SIGNED_OUT, timeout=WAIT)
    changed = replace(app.settings, till=replace(app.settings.till, receipt_default="none"))
    app.apply_settings(changed)  # what the settings dialog's ``saved`` does
    qtbot.waitUntil(lambda: kinds(data_dir)[-1] == fe.SETTING_CHANGED, timeout=WAIT)
    app.shutdown()
    found = events(data_dir)
    start = kinds(data_dir).index(fe.VERSION_CHANGED)  # the day's opening came before
    found = found[start:]
    version = software_version()
    assert found[0] == (fe.VERSION_CHANGED, {"old": "", "new": version})
    assert [kind for kind, _ in found[1:]] == [
        fe.APP_STARTED, fe.SIGNED_IN, fe.SIGNED_OUT, fe.SIGNED_IN, fe.SIGNED_OUT,
        fe.SETTING_CHANGED, fe.APP_STOPPED,
    ]  # fmt: skip
    outs = [detail for kind, detail in found if kind == fe.SIGNED_OUT]
    assert outs == [
        {"staff_id": "camille", "reason": "lock"},
        {"staff_id": "julien", "reason": "idle"},
    ]
    [setting] = [detail for kind, detail in found if kind == fe.SETTING_CHANGED]
    assert setting == {"key": "till.receipt_default", "old": "ask", "new": "none"}
    assert found[1][1]["version"] == found[-1][1]["version"] == version
