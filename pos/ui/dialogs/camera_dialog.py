"""A camera window beside the till: codes read from it go where a hand scanner's go.

Non-modal, so the cashier keeps working behind it; the camera runs only while it is
shown. QtMultimedia is imported on first use: a till without the system's libpulse (or
without QtMultimedia) still starts, and the action says why the camera is missing.
"""

from __future__ import annotations

from pos.ui.i18n import Retranslating
from pos.ui.qt import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget, Signal


class CameraDialog(Retranslating, QDialog):
    code_scanned = Signal(str, str)  # text, kind ("ean13", "ean8", "qr")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraDialog")
        self.setModal(False)
        layout = QVBoxLayout(self)
        self.view: QWidget | None = None
        self.problem: QLabel | None = None
        try:
            from pos.ui.camera import CameraView
        except ImportError as exc:  # no libpulse or no QtMultimedia on this till
            self._import_error = str(exc)
            self.problem = QLabel(self)
            self.problem.setWordWrap(True)
            layout.addWidget(self.problem)
        else:
            view = CameraView(parent=self)
            view.code_scanned.connect(self.code_scanned)
            layout.addWidget(view, 1)
            self.view = view
        close = self.close_button = QPushButton(self)
        close.clicked.connect(self.close)
        layout.addWidget(close)
        self.resize(680, 560)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Camera scanning"))
        self.close_button.setText(self.tr("Close"))
        if self.problem is not None:
            self.problem.setText(
                self.tr("The camera cannot be used on this till (%1).").replace(
                    "%1", self._import_error
                )
            )

    def shutdown(self) -> None:
        if self.view is not None:
            self.view.shutdown()  # type: ignore[attr-defined]
