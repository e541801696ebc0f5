"""Camera scanning for the till and the pickup desk (QtMultimedia side).

``CameraView`` is what a screen embeds; ``CameraScanner`` is the frame → code pipeline
underneath, usable on its own with any ``QVideoSink``. Decoding lives in
``hardware.camera`` (no Qt).
"""

from pos.ui.camera.scanner import CameraScanner
from pos.ui.camera.sources import CameraChoice, CameraSource, QtCameraSource
from pos.ui.camera.view import CameraView

__all__ = ["CameraChoice", "CameraScanner", "CameraSource", "CameraView", "QtCameraSource"]
