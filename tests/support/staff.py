"""Actors and staff for tests: the demo's people, with their roles."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pos.domain.rights import Actor, Role

CAMILLE = Actor("camille", "Camille", Role.CASHIER)
JULIEN = Actor("julien", "Julien", Role.CASHIER)
INES = Actor("ines", "Inès", Role.MANAGER)
ADMIN = Actor("admin", "Admin", Role.ADMIN)


def a_cashier(name: str = "Camille") -> Actor:
    return Actor(name.lower(), name, Role.CASHIER)


def a_manager(name: str = "Inès") -> Actor:
    return Actor(name.lower(), name, Role.MANAGER)


class SteppedClock:
    """A clock the test moves by hand (lockout delays), never the wall clock."""

    def __init__(self, start: datetime = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)
