"""Camera frames drawn in code: EAN-13 and QR codes on a busy scene, degraded on purpose.

Everything is deterministic (seeded) so a decode that passes once passes always, and no
binary fixture has to be kept in git. ``python -m tests.camera.draw OUT_DIR`` writes the
scenarios as PNGs to look at.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import segno
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

# EAN-13 symbol structure (ISO/IEC 15420): each digit is 7 modules.
_L = ("0001101", "0011001", "0010011", "0111101", "0100011",
      "0110001", "0101111", "0111011", "0110111", "0001011")  # fmt: skip
_R = tuple("".join("1" if bit == "0" else "0" for bit in code) for code in _L)
_G = tuple(code[::-1] for code in _R)
#: The first digit is not drawn: it picks which left-half digits use the G set.
_PARITY = ("LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG",
           "LGGLLG", "LGGGLL", "LGLGLG", "LGLGGL", "LGGLGL")  # fmt: skip
QUIET_LEFT, QUIET_RIGHT = 11, 7

SCENARIOS = ("ean13", "qr", "rotated", "blurred", "noisy", "none")
EAN = "3017620422003"  # a valid EAN-13 (check digit 3)
# A click-and-collect QR as sync.contract.codes writes it: CMPT-PU:<order id>:<code>
QR_TEXT = "CMPT-PU:0b6f2a3e-5d1c-4f7a-9e2b-8c4d1a7f3e60:K7M2-Q9XD"


def ean13_modules(code: str) -> str:
    """The 95 modules of ``code`` as '1' (bar) / '0' (space); the check digit is NOT
    verified, so tests can draw a forged code."""
    if len(code) != 13 or not code.isdigit():
        raise ValueError(f"13 digits expected, got {code!r}")
    first, left, right = int(code[0]), code[1:7], code[7:]
    sets = {"L": _L, "G": _G}
    left_bits = "".join(sets[p][int(d)] for p, d in zip(_PARITY[first], left, strict=True))
    right_bits = "".join(_R[int(d)] for d in right)
    return "101" + left_bits + "01010" + right_bits + "101"


def ean13_image(code: str, module_px: int = 3, height_px: int = 120) -> QImage:
    """A white label with the bars and its quiet zones (no digits under the bars)."""
    modules = ean13_modules(code)
    width = (QUIET_LEFT + len(modules) + QUIET_RIGHT) * module_px
    image = QImage(width, height_px + 2 * module_px * 4, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    for index, bit in enumerate(modules):
        if bit == "1":
            x = (QUIET_LEFT + index) * module_px
            painter.fillRect(x, module_px * 4, module_px, height_px, Qt.GlobalColor.black)
    painter.end()
    return image


def qr_image(text: str, module_px: int = 4, border: int = 4) -> QImage:
    """A full QR code (never Micro QR, which zbar cannot read) with its quiet zone."""
    matrix = segno.make_qr(text, error="m").matrix
    size = (len(matrix) + 2 * border) * module_px
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    for row, line in enumerate(matrix):
        for col, dark in enumerate(line):
            if dark:
                x, y = (col + border) * module_px, (row + border) * module_px
                painter.fillRect(x, y, module_px, module_px, Qt.GlobalColor.black)
    painter.end()
    return image


def busy_background(width: int, height: int, seed: int = 7) -> QImage:
    """A cluttered counter: overlapping grey boxes, lines and ellipses, no barcode."""
    rng = random.Random(seed)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(150, 140, 130))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for _ in range(60):
        shade = QColor.fromHsv(rng.randrange(360), rng.randrange(80), rng.randrange(40, 230))
        x, y = rng.randrange(width), rng.randrange(height)
        w, h = rng.randrange(20, width // 3), rng.randrange(20, height // 3)
        match rng.randrange(3):
            case 0:
                painter.fillRect(x, y, w, h, shade)
            case 1:
                painter.setBrush(shade)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawEllipse(QRectF(x, y, w, h))
            case _:
                painter.setPen(shade)
                painter.drawLine(x, y, x + w, y + h)
    painter.end()
    return image


def place(code: QImage, background: QImage, angle: float = 0.0, scale: float = 1.0) -> QImage:
    """``code`` drawn at the centre of a copy of ``background``, turned by ``angle`` degrees."""
    frame = background.copy()
    painter = QPainter(frame)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    transform = QTransform()
    transform.translate(frame.width() / 2, frame.height() / 2)
    transform.rotate(angle)
    transform.scale(scale, scale)
    painter.setTransform(transform)
    painter.drawImage(QPointF(-code.width() / 2, -code.height() / 2), code)
    painter.end()
    return frame


def blur(image: QImage, factor: float = 2.5) -> QImage:
    """Out of focus: scaled down then up again with smooth filtering."""
    small = image.scaled(
        max(1, round(image.width() / factor)),
        max(1, round(image.height() / factor)),
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    return small.scaled(
        image.width(),
        image.height(),
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def add_noise(image: QImage, strength: float = 0.3, seed: int = 11) -> QImage:
    """Sensor noise: a seeded random grey layer blended over the frame at ``strength``."""
    width, height = image.width(), image.height()
    noise = QImage(
        random.Random(seed).randbytes(width * height),
        width,
        height,
        width,
        QImage.Format.Format_Grayscale8,
    ).copy()  # own the bytes: the Python buffer above is temporary
    noisy = image.convertToFormat(QImage.Format.Format_RGB32)
    painter = QPainter(noisy)
    painter.setOpacity(strength)
    painter.drawImage(0, 0, noise)
    painter.end()
    return noisy


def scenario(name: str, width: int = 640, height: int = 480) -> QImage:
    """One of ``SCENARIOS`` in a ``width``×``height`` frame, as a camera would deliver it."""
    background = busy_background(width, height)
    module = 3 if width >= 1280 else 2
    ean, qr = ean13_image(EAN, module_px=module), qr_image(QR_TEXT, module_px=module + 1)
    match name:
        case "ean13":
            return place(ean, background)
        case "qr":
            return place(qr, background)
        case "rotated":
            return place(ean, background, angle=12)
        case "blurred":
            return blur(place(qr, background), factor=1.8)
        case "noisy":
            return add_noise(place(ean, background), strength=0.25)
        case "none":
            return background
    raise ValueError(f"unknown scenario {name!r}")


def main(argv: list[str] | None = None) -> int:
    out = Path((argv if argv is not None else sys.argv[1:] or ["camera-images"])[0])
    out.mkdir(parents=True, exist_ok=True)
    for size in ((640, 480), (1280, 720)):
        for name in SCENARIOS:
            scenario(name, *size).save(str(out / f"{name}_{size[0]}x{size[1]}.png"))
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
