"""A whole till enrolled on a central (the reference server, or a proxy in front of it),
its day open, started and synced once: the set-up of the GUI tests over central."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.cli import run_enrol
from pos.config import Settings
from pos.ui.i18n import install_translations
from pos.ui.qt import QApplication
from pos.ui.till_app import StartOptions, TillApp
from tests.gui.selling import open_sessions

WAIT = 20_000


@contextmanager
def enrolled_till(
    qtbot: QtBot, qapp: QApplication, folder: Path, url: str, store: str, terminal: str = "T01"
) -> Iterator[TillApp]:
    """The till of ``store`` at ``url`` in ``folder``, shown once its first sync is idle;
    shut down after, with the scanner filter removed and French back for the next test."""
    folder.mkdir()
    assert run_enrol(folder, url, store, terminal, f"demo-{store}", "") == 0
    open_sessions(folder / "store.db", (terminal,))
    app = TillApp(qapp, StartOptions(folder, folder / "settings.toml"), Settings())
    qtbot.addWidget(app.window)
    with qtbot.waitSignal(app.window.till_screen.basket_shown, timeout=WAIT):
        app.start()
    qtbot.waitUntil(lambda: app.window.network_status.property("state") == "idle", timeout=WAIT)
    try:
        yield app
    finally:
        app.shutdown()
        qapp.removeEventFilter(app.scanner)
        install_translations(qapp, "fr")
