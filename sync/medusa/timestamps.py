"""Medusa's timestamps (ISO 8601, milliseconds, ``Z``) as cursors and item versions."""

from __future__ import annotations

from datetime import UTC, datetime


def parse(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def to_ms(text: str | None) -> int:
    return int(parse(text).timestamp() * 1000) if text else 0


def version_of(*stamps: str | None) -> int:
    """An item's version: its latest ``updated_at`` in epoch milliseconds (at least 1)."""
    return max([1, *(to_ms(stamp) for stamp in stamps)])


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
