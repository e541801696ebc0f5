"""A period of the store's days as the buckets the sales sums use (migration 0031).

Tickets are summed per UTC hour (``YYYY-MM-DDTHH`` of their ``completed_at``); the
breakdowns per day (``day_bounds``). Europe/Paris
is always a whole number of hours from UTC, so each UTC hour is exactly one local hour:
a local day is the UTC hours from its local midnight to the next, and a UTC hour's local
hour is its hour plus the offset in force then. The offset changes only at the
daylight-saving switches, so a period's offsets are a few spans (``offset_spans``) that a
query can apply with one ``CASE``, never a conversion per row.

Pure: arithmetic on dates and instants only.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from pos.domain.archive_period import STORE_ZONE, ArchivePeriod

_HOUR = timedelta(hours=1)


def hour_key(moment: datetime) -> str:
    """The UTC hour key of an aware instant: ``2026-12-06T21``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H")


def period_of(first: date, last: date) -> ArchivePeriod:
    """The local days ``first`` … ``last`` (both included); ValueError if reversed."""
    if last < first:
        raise ValueError("the period ends before it starts")
    label = first.isoformat() if first == last else f"{first.isoformat()}..{last.isoformat()}"
    return ArchivePeriod(label, first, last)


def hour_bounds(period: ArchivePeriod) -> tuple[str, str]:
    """The period's first UTC hour key (included) and the one after its end (excluded)."""
    return hour_key(period.start_utc), hour_key(period.end_utc)


def _offset(moment: datetime) -> int:
    delta = moment.astimezone(STORE_ZONE).utcoffset()
    return int(delta.total_seconds()) // 3600 if delta is not None else 0


def offset_spans(period: ArchivePeriod) -> tuple[tuple[str, int], ...]:
    """``(until, offset)`` pairs in order: UTC hour keys before ``until`` (excluded) have
    local hour = UTC hour + ``offset``. The last span's ``until`` is the period's end."""
    start, end = period.start_utc, period.end_utc
    spans: list[tuple[str, int]] = []
    current = _offset(start)
    day = start
    while day < end:
        following = min(day + timedelta(days=1), end)
        if _offset(following - _HOUR) != current:  # a switch this day: find its hour
            moment = day
            while _offset(moment) == current:
                moment += _HOUR
            spans.append((hour_key(moment), current))
            current = _offset(moment)
        day = following
    spans.append((hour_key(end), current))
    return tuple(spans)


def day_bounds(period: ArchivePeriod) -> tuple[str, str]:
    """The day buckets of the period, both included (migration 0031): ``YYYY-MM-DD`` is
    a store date for every UTC hour but 22:00-22:59, kept as ``YYYY-MM-DDT22`` (UTC date)
    since it is 23:xx that day in winter and 00:xx the next in summer. So the period takes
    the 22:00 hour before its first day when that is summer (its first local hour), and
    leaves its last day's 22:00 hour out when that is summer (the next day's)."""
    before = datetime.combine(period.first - timedelta(days=1), time(22, 30), UTC)
    last = datetime.combine(period.last, time(22, 30), UTC)
    lo = f"{before.date().isoformat()}T22" if _offset(before) == 2 else period.first.isoformat()
    hi = f"{period.last.isoformat()}T22" if _offset(last) == 1 else period.last.isoformat()
    return lo, hi
