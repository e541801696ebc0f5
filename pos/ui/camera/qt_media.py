"""The camera's Qt names, in one place.

QtMultimedia comes from pyside6-addons and needs libpulse at import time; keeping it out
of ``pos.ui.qt`` means only the camera screens need it, not the till's start-up.
"""

from PySide6.QtCore import QSize
from PySide6.QtGui import QHideEvent, QImage, QShowEvent
from PySide6.QtMultimedia import (
    QCamera,
    QCameraDevice,
    QCameraFormat,
    QMediaCaptureSession,
    QMediaDevices,
    QVideoFrame,
    QVideoFrameFormat,
    QVideoSink,
)
from PySide6.QtMultimediaWidgets import QVideoWidget

__all__ = [
    "QCamera",
    "QCameraDevice",
    "QCameraFormat",
    "QHideEvent",
    "QImage",
    "QMediaCaptureSession",
    "QMediaDevices",
    "QShowEvent",
    "QSize",
    "QVideoFrame",
    "QVideoFrameFormat",
    "QVideoSink",
    "QVideoWidget",
]
