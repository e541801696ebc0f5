"""How long the engine waits after failed rounds: exponential, capped, jittered.

"Equal jitter" (half the step fixed, half random) keeps the wait growing with each
failure while tills that lost the network together do not all come back in the same
second. A refusal (a 4xx, an unreadable reply) cannot be cured by insisting, so it
waits at least ``rejected_floor_s``. A sale still wakes the engine at once (``wake``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    base_s: float = 1.0
    cap_s: float = 120.0
    rejected_floor_s: float = 30.0
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, failures: int, *, rejected: bool = False) -> float:
        """Seconds to wait after ``failures`` (>= 1) consecutive failed rounds."""
        exponent = min(max(failures, 1) - 1, 32)  # 2**32 s is far past any cap
        step = min(self.cap_s, self.base_s * 2**exponent)
        if rejected:
            step = min(self.cap_s, max(step, self.rejected_floor_s))
        return step / 2 + self.rng.uniform(0, step / 2)
