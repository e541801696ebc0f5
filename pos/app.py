"""The composition root: the one module that wires the layers into a running app."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path


def _has_display() -> bool:
    return bool(
        os.environ.get("QT_QPA_PLATFORM")
        or os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or sys.platform in ("win32", "darwin")
    )


def run_app(data_dir: Path, *, config: str | None = None, language: str | None = None) -> int:
    """Start the till on ``data_dir`` with the settings file ``config`` (or the default)."""
    if not _has_display():
        print(
            "comptoir: no display found. Start it from a desktop session, or set "
            "QT_QPA_PLATFORM=offscreen to run without a screen.",
            file=sys.stderr,
        )
        return 2
    from pos.config import Settings, SettingsError, config_path, load_settings
    from pos.ui.qt import QApplication
    from pos.ui.till_app import StartOptions, TillApp

    path = config_path(config)
    try:
        settings, error = load_settings(path), ""
    except SettingsError as exc:
        settings, error = Settings(), exc.message
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Comptoir")
    till = TillApp(app, StartOptions(data_dir, path, language), settings, settings_error=error)
    _freeze_when_ready(till.window)
    if os.environ.get(READY_ENV):
        _quit_when_ready(app, till.window)
    till.start()
    return app.exec()


READY_ENV = "COMPTOIR_EXIT_WHEN_READY"


def _freeze_when_ready(window) -> None:
    """Once the till shows its first basket (store open, catalog and promotions loaded),
    move every tracked object into the collector's permanent generation (``gc.freeze``): the
    start-up objects are never garbage, and a full pass no longer walks them on a scan
    (the scan's p99 was partly those passes). The scan benchmark freezes its till too."""

    def freeze(_view: object) -> None:
        window.till_screen.basket_shown.disconnect(freeze)
        gc.freeze()  # no gc.collect() first: a full pass here would stall the GUI thread

    window.till_screen.basket_shown.connect(freeze)


def _quit_when_ready(app, window) -> None:
    """For the start-up benchmark: print READY once the till takes scans, then quit."""

    from pos.ui.qt import QTimer

    def ready(_view: object) -> None:
        window.till_screen.table.viewport().repaint()
        print("READY", flush=True)
        # From the event loop: the first basket can be shown before ``exec`` runs, and
        # a quit asked then is lost (the benchmark's till never exited)
        QTimer.singleShot(0, lambda: app.exit(0))

    window.till_screen.basket_shown.connect(ready)


def run_screenshots(out: str) -> int:
    """Offscreen unless a display is there: the PNGs are the same either way."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from pos.ui.screenshots import take_screenshots

    for path in take_screenshots(Path(out)):
        print(path)
    return 0
