"""Receipt text drawn as a picture, for printers without a code page that prints French.

A printer whose pages all lack é, € or « (the TM-U220 knows only CP437) would print
boxes; drawn by a font, every character is right, at the cost of more bytes and time.
Each character sits in its own cell (``width_dots // columns`` wide), so the columns of
the layout stay aligned whatever font is found. The picture is black on white, 1 bit
per dot, and goes out with python-escpos ``image(impl="bitImageRaster")`` (``GS v 0``).

Pillow is imported on first use, not at start-up (~30 ms): most tills never need it.

Fonts: DejaVu Sans Mono (Debian's fonts-dejavu-core, which bootstrap installs), found at
its usual paths or by fontconfig; else Pillow's built-in font, which also has é œ € « ».
"""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hardware.receipt.blocks import Text

if TYPE_CHECKING:
    from PIL import Image

_FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
    "/usr/local/share/fonts",
    "/Library/Fonts",
    "C:/Windows/Fonts",
)
_FONT_FILES = {False: "DejaVuSansMono.ttf", True: "DejaVuSansMono-Bold.ttf"}
#: Rows per ``GS v 0`` block: printers buffer a limited picture (Epson: 960 rows safe).
FRAGMENT_ROWS = 960
#: Line height as a multiple of the character cell's width (printer fonts are ~2:1).
_LINE_RATIO = 2.0


@cache
def font_path(bold: bool = False) -> Path | None:
    """DejaVu Sans Mono (bold or not) on this machine, or ``None``."""
    for folder in _FONT_DIRS:
        candidate = Path(folder) / _FONT_FILES[bold]
        if candidate.is_file():
            return candidate
    fc_match = shutil.which("fc-match")
    if fc_match:
        style = "DejaVu Sans Mono:bold" if bold else "DejaVu Sans Mono"
        try:
            found = subprocess.run(
                [fc_match, "-f", "%{file}", style],
                capture_output=True, text=True, timeout=5, check=False,
            ).stdout.strip()  # fmt: skip
        except (OSError, subprocess.SubprocessError):
            return None
        if found.lower().endswith(".ttf") and "mono" in found.lower():
            return Path(found)
    return None


@cache
def _font(cell: int, bold: bool) -> Any:
    """The largest size whose widest glyph fits ``cell`` dots."""
    from PIL import ImageFont

    path = font_path(bold) or font_path(False)
    size = cell * 2
    while size > 6:
        font = (
            ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)
            if path
            else ImageFont.load_default(size)
        )
        if font.getlength("W") <= cell:
            return font
        size -= 1
    return ImageFont.load_default(size)


def text_image(lines: Sequence[Text | str], *, columns: int, width_dots: int) -> Image.Image:
    """``lines`` as a 1-bit picture ``width_dots`` wide, one text cell per character."""
    from PIL import Image

    cell = width_dots // columns
    row = round(cell * _LINE_RATIO)
    pictures = [_line_image(line, cell, row, width_dots) for line in lines]
    sheet = Image.new("1", (width_dots, sum(p.height for p in pictures) or 1), 1)
    top = 0
    for picture in pictures:
        sheet.paste(picture, (0, top))
        top += picture.height
    return sheet


def _line_image(line: Text | str, cell: int, row: int, width_dots: int) -> Image.Image:
    from PIL import Image, ImageDraw

    text = line.text if isinstance(line, Text) else line
    bold = isinstance(line, Text) and line.bold
    wide = isinstance(line, Text) and line.double_width
    tall = isinstance(line, Text) and line.double_height
    picture = Image.new("1", (width_dots // (2 if wide else 1), row), 1)
    draw = ImageDraw.Draw(picture)
    font = _font(cell, bold)
    for index, char in enumerate(text.rstrip()):
        if not char.isspace():
            draw.text((index * cell, row // 2), char, font=font, fill=0, anchor="lm")
    if wide or tall:
        picture = picture.resize((width_dots, row * (2 if tall else 1)), Image.Resampling.NEAREST)
    return picture


def print_text_image(
    printer: Any,
    lines: Sequence[Text | str],
    *,
    columns: int,
    width_dots: int,
    impl: str = "bitImageRaster",
) -> None:
    """Send ``lines`` as one picture, left-aligned (what a text line would be); ``impl``
    is the model's image command (``GS v 0``, or ``ESC *`` for older printers)."""
    if not lines:
        return
    picture = text_image(lines, columns=columns, width_dots=width_dots)
    # With a profile of unknown width, python-escpos prints a notice on stdout: not ours.
    with contextlib.redirect_stdout(io.StringIO()):
        printer.image(picture, impl=impl, fragment_height=FRAGMENT_ROWS, center=False)
