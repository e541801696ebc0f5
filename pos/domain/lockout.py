"""How long a staff account stays locked after too many wrong PINs.

Five wrong PINs in a row lock the account; each lock lasts longer than the one before
(1 min, 5 min, 15 min, 1 h, then 4 h each time), so guessing a 4-digit PIN at a till
takes months. A right PIN resets the run of failures; the growing delay resets only
when a manager unlocks the account (or a right PIN follows a lock that expired).
"""

from __future__ import annotations

from datetime import timedelta

MAX_FAILURES = 5
LOCK_DELAYS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=15),
    timedelta(hours=1),
    timedelta(hours=4),
)


def lock_delay(previous_lockouts: int) -> timedelta:
    """The length of the next lock, given how many locks came before it."""
    return LOCK_DELAYS[min(max(previous_lockouts, 0), len(LOCK_DELAYS) - 1)]
