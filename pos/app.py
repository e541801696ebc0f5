"""The composition root: the one module that wires the layers into a running app."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from pos.services.store_summary import open_store_summary
from pos.store.errors import StoreError


def _has_display() -> bool:
    return bool(
        os.environ.get("QT_QPA_PLATFORM")
        or os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or sys.platform in ("win32", "darwin")
    )


def run_app(data_dir: Path, *, language: str = "fr") -> int:
    if not _has_display():
        print(
            "comptoir: no display found. Start it from a desktop session, or set "
            "QT_QPA_PLATFORM=offscreen to run without a screen.",
            file=sys.stderr,
        )
        return 2
    from pos.ui.i18n import install_translations
    from pos.ui.main_window import MainWindow
    from pos.ui.ops import run_op
    from pos.ui.qt import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Comptoir")
    install_translations(app, language)
    window = MainWindow()
    window.show()
    run_op(
        lambda: open_store_summary(data_dir),
        window.start_screen.show_summary,
        lambda exc: window.start_screen.show_error(
            exc.message if isinstance(exc, StoreError) else str(exc)
        ),
    )
    return app.exec()
