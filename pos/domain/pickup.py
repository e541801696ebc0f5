"""Click-and-collect orders at the store: their states, and checking what is picked.

The central server has the last word on an order's state (it enforces the same machine
with a version check); the desk applies a transition locally at once, so staff never
wait on the network, and pushes it. Picking is checked here, item by item, before an
order may be "ready": a wrong item, one too many, or what is still missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from pos.domain.errors import PosError


class PickupState(StrEnum):
    RECEIVED = "received"
    PREPARING = "preparing"
    READY = "ready"
    COLLECTED = "collected"
    PARTIALLY_COLLECTED = "partially_collected"
    CANCELLED = "cancelled"
    EXPIRED = "expired"


OPEN_STATES = frozenset({PickupState.RECEIVED, PickupState.PREPARING, PickupState.READY})
_NEXT: Mapping[PickupState, frozenset[PickupState]] = {
    PickupState.RECEIVED: frozenset({PickupState.PREPARING, PickupState.CANCELLED}),
    PickupState.PREPARING: frozenset({PickupState.READY, PickupState.CANCELLED}),
    PickupState.READY: frozenset(
        {PickupState.COLLECTED, PickupState.PARTIALLY_COLLECTED, PickupState.CANCELLED}
    ),
}


def can_move(current: PickupState, target: PickupState) -> bool:
    return target in _NEXT.get(current, frozenset())


def check_move(current: PickupState, target: PickupState) -> None:
    """Refuse a transition the machine does not have, in words staff understand."""
    if can_move(current, target):
        return
    if current not in OPEN_STATES:
        raise PosError(
            f"This order is already {current.value}: nothing more can be done with it.",
            code="pickup_closed",
            state=current.value,
        )
    raise PosError(
        f"An order that is {current.value} cannot become {target.value}.",
        code="pickup_illegal_move",
        state=current.value,
        target=target.value,
    )


@dataclass(frozen=True, slots=True)
class PickupLine:
    sku: str
    name: str
    barcodes: tuple[str, ...]
    ordered: int
    unit_price_cents: int
    vat_bp: int
    picked: int = 0


class PickOutcome(StrEnum):
    OK = "ok"  # counted; the line still needs more
    LINE_DONE = "line_done"  # this line is complete
    ALL_DONE = "all_done"  # every line is complete: the order can be ready


@dataclass(frozen=True, slots=True)
class Picking:
    """What has been scanned for one order so far; immutable, one scan at a time."""

    lines: tuple[PickupLine, ...]

    def pick(self, barcode: str) -> tuple[Picking, PickOutcome, PickupLine]:
        """Count one scanned item, or refuse it (wrong item, too many) with a PosError."""
        for index, line in enumerate(self.lines):
            if barcode in line.barcodes:
                if line.picked >= line.ordered:
                    raise PosError(
                        f"Too many: {line.name} — {line.ordered} ordered, all already picked.",
                        code="pick_too_many",
                        name=line.name,
                        ordered=line.ordered,
                    )
                picked = replace(line, picked=line.picked + 1)
                lines = (*self.lines[:index], picked, *self.lines[index + 1 :])
                after = Picking(lines)
                if after.complete:
                    return after, PickOutcome.ALL_DONE, picked
                done = picked.picked == picked.ordered
                return after, PickOutcome.LINE_DONE if done else PickOutcome.OK, picked
        raise PosError(
            f"Wrong item: {barcode} is not in this order.", code="pick_wrong_item", barcode=barcode
        )

    @property
    def complete(self) -> bool:
        return all(line.picked >= line.ordered for line in self.lines)

    @property
    def missing(self) -> tuple[tuple[PickupLine, int], ...]:
        """Lines still short, with how many are missing: a partial preparation."""
        return tuple(
            (line, line.ordered - line.picked) for line in self.lines if line.picked < line.ordered
        )

    @classmethod
    def start(cls, lines: Iterable[PickupLine]) -> Picking:
        return cls(tuple(replace(line, picked=0) for line in lines))
