"""The period an archive covers, in the store's local time, as UTC bounds.

A period is a month (``2026-11``), a year (``2026``), a day (``2026-11-03``) or a range of
days (``2026-11-01..2026-11-15``, both included). Days are the store's (Europe/Paris):
an entry belongs to the local day of its signed ``at`` instant, so the period runs from
local midnight of its first day (included) to local midnight after its last day
(excluded). Entries signed at 23:59:59.999 and at 00:00:00.000 local time fall on their
own days, whatever the UTC date and the daylight-saving offset of that night.

Pure: parsing and arithmetic only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

STORE_ZONE = ZoneInfo("Europe/Paris")

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


@dataclass(frozen=True, slots=True)
class ArchivePeriod:
    """Local days ``first`` … ``last`` (both included) and their name as typed."""

    label: str
    first: date
    last: date

    @property
    def start_utc(self) -> datetime:
        """Local midnight of the first day, in UTC (included)."""
        return _local_midnight(self.first)

    @property
    def end_utc(self) -> datetime:
        """Local midnight after the last day, in UTC (excluded)."""
        return _local_midnight(self.last + timedelta(days=1))

    def holds(self, at: str) -> bool:
        """Whether a signed ``at`` (ISO 8601 with an offset or ``Z``) falls in the period."""
        return self.start_utc <= parse_instant(at) < self.end_utc

    @property
    def file_label(self) -> str:
        """The period as it appears in a file name (no dots, no slashes)."""
        return self.label.replace("..", "_")


def parse_period(text: str) -> ArchivePeriod:
    """``YYYY-MM``, ``YYYY``, ``YYYY-MM-DD`` or ``YYYY-MM-DD..YYYY-MM-DD``; ValueError else."""
    text = text.strip()
    try:
        if match := _MONTH.match(text):
            year, month = int(match[1]), int(match[2])
            first = date(year, month, 1)
            following = date(year + month // 12, month % 12 + 1, 1)
            return ArchivePeriod(text, first, following - timedelta(days=1))
        if match := _YEAR.match(text):
            year = int(match[1])
            return ArchivePeriod(text, date(year, 1, 1), date(year, 12, 31))
        if match := _DAY.match(text):
            day = date(int(match[1]), int(match[2]), int(match[3]))
            return ArchivePeriod(text, day, day)
        if ".." in text:
            start, _, end = text.partition("..")
            since, until = parse_period(start), parse_period(end)
            if _DAY.match(start.strip()) and _DAY.match(end.strip()) and since.first <= until.last:
                return ArchivePeriod(f"{since.label}..{until.label}", since.first, until.last)
    except ValueError:
        pass
    raise ValueError(
        f"{text!r} is not a period: give a month (2026-11), a year (2026), a day "
        "(2026-11-03) or a range of days (2026-11-01..2026-11-15)."
    )


def previous_month(today: date) -> str:
    """The month before ``today``'s, as ``YYYY-MM`` (what a manager usually archives)."""
    last_day = today.replace(day=1) - timedelta(days=1)
    return f"{last_day.year:04d}-{last_day.month:02d}"


def parse_instant(at: str) -> datetime:
    moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    if moment.tzinfo is None:  # the house writes UTC; a bare time is taken as UTC
        moment = moment.replace(tzinfo=UTC)
    return moment


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=STORE_ZONE).astimezone(UTC)
