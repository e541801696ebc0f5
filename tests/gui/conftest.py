"""A real demo store file and a real till worker thread for the GUI tests."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos.config import Settings, load_settings, save_settings
from pos.services.demo_store import build_demo_store
from pos.store.local_store import LocalStore
from pos.ui.i18n import install_translations
from pos.ui.main_window import MainWindow
from pos.ui.qt import QApplication
from pos.ui.till_app import StartOptions, TillApp
from pos.ui.till_controller import TillController, TillOptions
from tests.gui.selling import open_sessions, sign_in


@pytest.fixture(autouse=True, scope="session")
def french(qapp: QApplication) -> None:
    """The till's default language, as a store starts it."""
    install_translations(qapp, "fr")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    with LocalStore(folder / "store.db") as store:
        build_demo_store(store, products=800, days=1, today=date(2026, 11, 25))
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return folder / "store.db"


@pytest.fixture(scope="session")
def open_template(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> Path:
    """The demo store with the day opened: the tills sell at once (the gate is on)."""
    path = tmp_path_factory.mktemp("open") / "store.db"
    path.write_bytes(demo_template.read_bytes())
    open_sessions(path)
    return path


@pytest.fixture
def data_dir(tmp_path: Path, open_template: Path) -> Path:
    (tmp_path / "store.db").write_bytes(open_template.read_bytes())
    return tmp_path


@pytest.fixture
def unopened_dir(tmp_path: Path, demo_template: Path) -> Path:
    """The demo store before anyone opened the till today."""
    (tmp_path / "store.db").write_bytes(demo_template.read_bytes())
    return tmp_path


@pytest.fixture
def till(qtbot: QtBot, data_dir: Path) -> Iterator[MainWindow]:
    controller = TillController(TillOptions(data_dir, cashier="Camille", demo_if_empty=False))
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.till_screen.basket_shown, timeout=10_000):
        controller.start()
    sign_in(qtbot, window)
    yield window
    controller.shutdown()


@pytest.fixture
def make_app(qtbot: QtBot, qapp: QApplication, data_dir: Path) -> Iterator:
    apps: list[TillApp] = []

    def make(
        settings: Settings | None,
        *,
        text: str | None = None,
        sign_in_as: tuple[str, str] | None = ("camille", "1111"),
    ) -> TillApp:
        path = data_dir / "settings.toml"
        if settings is not None:
            save_settings(path, settings)
        if text is not None:
            path.write_text(text, encoding="utf-8")
        try:
            loaded, error = load_settings(path), ""
        except Exception as exc:  # what run_app does with a SettingsError
            loaded, error = Settings(), str(exc)
        app = TillApp(
            qapp,
            StartOptions(data_dir, path, demo_if_empty=False),
            loaded,
            settings_error=error,
        )
        qtbot.addWidget(app.window)
        apps.append(app)
        with qtbot.waitSignal(app.window.till_screen.basket_shown, timeout=10_000):
            app.start()
        if sign_in_as:
            sign_in(qtbot, app.window, *sign_in_as)
        return app

    yield make
    for app in apps:
        app.shutdown()
        qapp.removeEventFilter(app.scanner)
    install_translations(qapp, "fr")  # the session's language for the other tests
