"""What a camera decode yields: small immutable values that cross threads safely."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SymbolKind(StrEnum):
    """The symbologies the shop reads with a camera; the value is what the UI receives."""

    EAN13 = "ean13"  # products (UPC-A labels come back as EAN-13 with a leading 0)
    EAN8 = "ean8"  # small products
    UPCA = "upca"  # only when asked for explicitly; normally read as EAN-13
    CODE128 = "code128"  # the shop's internal references
    QR = "qr"  # pickup codes and online-cart codes

    @property
    def linear(self) -> bool:
        """A 1-D code: protected by one check digit at most, so it gets extra scrutiny."""
        return self is not SymbolKind.QR


#: What the till and the pickup desk look for. Asking for fewer symbologies roughly halves
#: decode time (LIBRARIES.md), so Code 128 is left to callers who print such labels.
DEFAULT_SYMBOLS: tuple[SymbolKind, ...] = (SymbolKind.EAN13, SymbolKind.EAN8, SymbolKind.QR)


@dataclass(frozen=True, slots=True)
class Rect:
    """Where a code was seen, in frame pixels (for drawing a box over the preview)."""

    left: int
    top: int
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class Decoded:
    """One code read from one frame; ``text`` is normalised once validated (EAN-13 form)."""

    kind: SymbolKind
    text: str
    rect: Rect | None = None


@dataclass(frozen=True, slots=True)
class GrayFrame:
    """A tightly packed 8-bit grayscale frame: ``width * height`` bytes, row after row."""

    pixels: bytes
    width: int
    height: int

    def __post_init__(self) -> None:
        if self.width <= 0 or self.height <= 0:
            raise ValueError(f"empty frame {self.width}x{self.height}")
        if len(self.pixels) != self.width * self.height:
            raise ValueError(
                f"{len(self.pixels)} bytes for a {self.width}x{self.height} grayscale frame "
                f"(expected {self.width * self.height}): strip the row padding first"
            )

    @classmethod
    def from_buffer(
        cls,
        data: bytes | bytearray | memoryview,
        width: int,
        height: int,
        stride: int,
        *,
        first: int = 0,
        step: int = 1,
    ) -> GrayFrame:
        """Copy the luma out of a padded buffer: row ``r`` starts at ``r * stride``; its
        pixels are the bytes at ``first``, ``first + step``… (``step`` 2 picks Y out of
        YUYV, or the high byte of 16-bit samples). Copies, so ``data`` may be unmapped
        right after."""
        row_bytes = first + (width - 1) * step + 1
        if width <= 0 or height <= 0 or stride < row_bytes:
            raise ValueError(f"bad layout: {width}x{height}, stride {stride}, step {step}")
        view = memoryview(data).cast("B")
        if len(view) < stride * (height - 1) + row_bytes:
            raise ValueError(f"{len(view)} bytes cannot hold {width}x{height} at stride {stride}")
        if step == 1 and first == 0 and stride == width:
            return cls(view[: width * height].tobytes(), width, height)
        end = first + width * step
        rows = (view[r * stride + first : r * stride + end : step] for r in range(height))
        return cls(b"".join(row.tobytes() for row in rows), width, height)
