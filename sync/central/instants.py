"""Times the server computes with, kept in the house format so they compare as text.

Clients may give any offset (the contract's ``Instant``); the server stores and serves
UTC to the millisecond (``db.utc_now``'s format), so an SQL ``expires_at <= ?`` is a
plain, indexed text comparison.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


def parse(text: str) -> datetime:
    """An ISO 8601 time with an offset (the contract checked it), as aware UTC."""
    return datetime.fromisoformat(text).astimezone(UTC)


def house(moment: datetime) -> str:
    """``2025-11-25T08:30:00.000Z``."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def normalize(text: str) -> str:
    return house(parse(text))


def normalize_or(text: str, fallback: str) -> str:
    """A loosely typed time (a sale's ``completed_at``) in the house format: no offset
    means UTC; one that does not parse gives ``fallback`` (the batch's time)."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return fallback
    return house(moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC))


def later(text: str, *, days: float = 0, hours: float = 0) -> str:
    return house(parse(text) + timedelta(days=days, hours=hours))
