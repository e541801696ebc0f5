"""Fault injection for the reference server (``--faults``): what a flaky network does.

Rates are basis points (10000 = every request), drawn from ``random.Random(seed)`` so a
test run is reproducible. Faults apply to terminal and web calls, never to admin calls or
to this switch itself, so a test can always look and turn them off.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field, StrictInt, model_validator

from sync.contract.scalars import WIRE, RateBp

Millis = Annotated[StrictInt, Field(ge=0, le=60_000)]


class FaultSettings(BaseModel):
    """All zero (the default) means no faults."""

    model_config = WIRE

    seed: Annotated[StrictInt, Field(ge=0, le=2**63 - 1)] = 0
    latency_ms: Millis = 0  # added before every request is handled
    error_rate: RateBp = 0  # a 500 before doing anything
    reset_before_rate: RateBp = 0  # the connection cut before the work
    reset_after_rate: RateBp = 0  # the connection cut after the work committed
    slow_body_ms: Millis = 0  # the response body trickled, waiting this long before each piece

    @model_validator(mode="after")
    def _one_draw(self) -> FaultSettings:
        """One draw per request picks at most one fault: the rates share 100 %."""
        if self.error_rate + self.reset_before_rate + self.reset_after_rate > 10_000:
            raise ValueError("error_rate + reset_before_rate + reset_after_rate exceed 10000")
        return self
