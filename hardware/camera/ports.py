"""What the camera screens may ask of a barcode decoder, and what they get back.

A decoder that cannot work (the zbar library missing) says so through ``availability()``
instead of raising at import time: the camera feature shows why, everything else runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from hardware.camera.symbols import Decoded, GrayFrame

AvailabilityCode = Literal["ok", "no_zbar", "error"]


@dataclass(frozen=True, slots=True)
class Availability:
    """Whether decoding can run; ``message`` is an English sentence for logs and support
    (the UI shows its own translated sentence keyed on ``code``)."""

    ok: bool
    code: AvailabilityCode
    message: str

    @classmethod
    def available(cls) -> Availability:
        return cls(ok=True, code="ok", message="Camera decoding is available.")

    @classmethod
    def unavailable(cls, code: AvailabilityCode, message: str) -> Availability:
        return cls(ok=False, code=code, message=message)


class DecoderUnavailable(RuntimeError):
    """``decode`` was called on a decoder whose ``availability()`` is not ok."""


class CameraDecoder(Protocol):
    """Finds codes in one grayscale frame. Called on a worker thread, one frame at a time;
    a call may take tens of milliseconds, so never on the GUI thread."""

    def availability(self) -> Availability:
        """Checked once before the camera starts; cheap and never raises."""
        ...

    def decode(self, frame: GrayFrame) -> Sequence[Decoded]:
        """Every code of the decoder's symbologies in ``frame``, raw (not yet validated)."""
        ...
