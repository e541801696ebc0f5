"""Fiscal closures: the daily Z, the month and the (fiscal) year, as sealed in the
``closure`` chain.

Pure arithmetic and calendars. A closure's body is canonical JSON (integer cents)::

    {"type": "day"|"month"|"year", "period": "2026-12-06"|"2026-12"|"2026",
     "from": first ticket seq, "to": last ticket seq, "tickets": n,
     "totals_by_vat": [{"vat_bp", "base_cents", "vat_cents", "total_cents"}],
     "total_cents", "total_abs_cents", "grand_total_cents", "grand_total_abs_cents",
     "previous": seq of the previous closure of this type (0 for the first),
     "session_id": the till session (a day only)}

``from``/``to`` are ticket-chain sequence numbers: a period is a contiguous run of that
chain, so consecutive closures of one type cover it without gap or overlap (an empty
period has ``to = from - 1``). The grand totals are perpetual per type: the previous
closure's plus this period's; the absolute one adds every ticket's total in absolute
value (a return counts positively), so netting sales against returns cannot hide
turnover. Periods are calendar periods of the shop's time zone (Europe/Paris), never the
machine's. A fiscal year starts on the first day of ``year_start_month``; it is labelled
by its first calendar year ("2026"), or "2026-2027" when it does not start in January.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

SHOP_TIME_ZONE = ZoneInfo("Europe/Paris")
DAY, MONTH, YEAR = "day", "month", "year"
TYPES = (DAY, MONTH, YEAR)


@dataclass(frozen=True, slots=True)
class VatRow:
    vat_bp: int
    base_cents: int
    vat_cents: int
    total_cents: int

    def as_dict(self) -> dict[str, int]:
        return {
            "vat_bp": self.vat_bp,
            "base_cents": self.base_cents,
            "vat_cents": self.vat_cents,
            "total_cents": self.total_cents,
        }


@dataclass(frozen=True, slots=True)
class PeriodTotals:
    """A run of tickets ``first_seq..last_seq`` (empty: ``last_seq = first_seq - 1``)."""

    first_seq: int
    last_seq: int
    tickets: int
    by_vat: tuple[VatRow, ...]
    total_cents: int
    total_abs_cents: int


def merge_vat(rows: Iterable[VatRow]) -> tuple[VatRow, ...]:
    """Rows of the same rate added up, highest rate first (the printed order)."""
    sums: dict[int, list[int]] = {}
    for row in rows:
        acc = sums.setdefault(row.vat_bp, [0, 0, 0])
        acc[0] += row.base_cents
        acc[1] += row.vat_cents
        acc[2] += row.total_cents
    return tuple(VatRow(bp, *sums[bp]) for bp in sorted(sums, reverse=True))


def sum_periods(parts: Sequence[PeriodTotals], *, after_seq: int) -> PeriodTotals:
    """Consecutive periods as one (a year from its months). ``after_seq``: the last
    ticket seq before the first part, for an empty result."""
    if not parts:
        return PeriodTotals(after_seq + 1, after_seq, 0, (), 0, 0)
    return PeriodTotals(
        first_seq=parts[0].first_seq,
        last_seq=parts[-1].last_seq,
        tickets=sum(p.tickets for p in parts),
        by_vat=merge_vat(row for p in parts for row in p.by_vat),
        total_cents=sum(p.total_cents for p in parts),
        total_abs_cents=sum(p.total_abs_cents for p in parts),
    )


def closure_body(
    kind: str,
    period: str,
    totals: PeriodTotals,
    previous: Mapping[str, Any] | None,
    previous_seq: int,
    *,
    session_id: str | None = None,
) -> dict[str, Any]:
    """The body of a closure, its grand totals carried on from ``previous`` (the last
    closure of the same type's body, None for the first)."""
    if kind not in TYPES:
        raise ValueError(f"unknown closure type {kind!r}")
    grand = previous["grand_total_cents"] if previous else 0
    grand_abs = previous["grand_total_abs_cents"] if previous else 0
    body: dict[str, Any] = {
        "type": kind,
        "period": period,
        "from": totals.first_seq,
        "to": totals.last_seq,
        "tickets": totals.tickets,
        "totals_by_vat": [row.as_dict() for row in totals.by_vat],
        "total_cents": totals.total_cents,
        "total_abs_cents": totals.total_abs_cents,
        "grand_total_cents": grand + totals.total_cents,
        "grand_total_abs_cents": grand_abs + totals.total_abs_cents,
        "previous": previous_seq,
    }
    if kind == DAY:
        body["session_id"] = session_id or ""
    return body


def totals_of(body: Mapping[str, Any]) -> PeriodTotals:
    """A closure body's own period figures, back as ``PeriodTotals`` (to add months up)."""
    return PeriodTotals(
        first_seq=body["from"],
        last_seq=body["to"],
        tickets=body["tickets"],
        by_vat=tuple(VatRow(**row) for row in body["totals_by_vat"]),
        total_cents=body["total_cents"],
        total_abs_cents=body["total_abs_cents"],
    )


# -- calendars ------------------------------------------------------------------------------


def instant(text: str) -> datetime:
    """A till timestamp (ISO UTC, ``Z``) as an aware datetime."""
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def utc_text(moment: datetime) -> str:
    """The till's timestamp format, so period bounds compare with stored ``at`` as text."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def local_date(at: str) -> date:
    return instant(at).astimezone(SHOP_TIME_ZONE).date()


def day_label(at: str) -> str:
    return local_date(at).isoformat()


def month_label(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def parse_month(label: str) -> date:
    """ "2026-11" → its first day; ValueError with a sentence otherwise."""
    try:
        year, month = label.split("-")
        if len(year) != 4 or len(month) != 2:
            raise ValueError
        return date(int(year), int(month), 1)
    except ValueError:
        raise ValueError(f"“{label}” is not a month: write it as YYYY-MM, e.g. 2026-11.") from None


def next_month(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


def month_end_utc(first: date) -> str:
    """The instant the month starting on ``first`` ends (midnight, shop time), as text."""
    return utc_text(datetime.combine(next_month(first), time(), SHOP_TIME_ZONE))


def fiscal_year_start(day: date, start_month: int) -> date:
    """The first day of the fiscal year ``day`` belongs to."""
    year = day.year if day.month >= start_month else day.year - 1
    return date(year, start_month, 1)


def fiscal_year_label(start: date) -> str:
    return str(start.year) if start.month == 1 else f"{start.year}-{start.year + 1}"


def fiscal_year_months(start: date) -> list[str]:
    months, day = [], start
    for _ in range(12):
        months.append(month_label(day))
        day = next_month(day)
    return months


def is_last_month_of_year(first: date, start_month: int) -> bool:
    return next_month(first).month == start_month
