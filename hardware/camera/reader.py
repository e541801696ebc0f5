"""From frames to codes worth delivering: decode, validate, then once per presentation."""

from __future__ import annotations

from dataclasses import dataclass

from hardware.camera.ports import CameraDecoder
from hardware.camera.repeat_guard import RepeatGuard
from hardware.camera.symbols import Decoded, GrayFrame
from hardware.camera.validation import validate


@dataclass(slots=True)
class ReaderStats:
    """Counters for diagnostics and the benchmark; read them on the owning thread."""

    frames: int = 0
    decoded: int = 0  # raw codes found, before validation
    refused: int = 0  # raw codes validation turned down
    delivered: int = 0


class FrameReader:
    """Owned by one decoding thread. Decoder failures propagate: the caller (the camera
    worker) logs them and carries on with the next frame."""

    def __init__(self, decoder: CameraDecoder, guard: RepeatGuard | None = None) -> None:
        self.decoder = decoder
        self.guard = guard or RepeatGuard()
        self.stats = ReaderStats()

    def read(self, frame: GrayFrame) -> list[Decoded]:
        """The codes in ``frame`` that the till or desk should act on now (often none)."""
        raw = self.decoder.decode(frame)
        valid = [code for code in map(validate, raw) if code is not None]
        fresh = self.guard.update(valid)
        stats = self.stats
        stats.frames += 1
        stats.decoded += len(raw)
        stats.refused += len(raw) - len(valid)
        stats.delivered += len(fresh)
        return fresh
