"""The dashboard's three charts (QtCharts, from pyside6-addons): turnover by hour, by
department, and the share of each tender.

QtCharts is imported here only, so the till starts without it; the dashboard loads it
when it is first shown. Chart values are euros as floats for drawing only: every figure
and label comes from integer cents. Animations are off: a chart redrawn on a period
change must paint at once (and offscreen grabs must not catch it half-way).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QValueAxis,
)

from pos.services.sales_glance import Share
from pos.ui.qt import QColor, QPainter, Qt, QWidget

#: Departments drawn one by one; the rest are summed in one bar.
TOP_DEPARTMENTS = 7
#: The hours always on the axis (a store's usual day), widened to any hour with sales.
DAY_HOURS = range(8, 21)
_BLUE = QColor("#2f6db5")
_PIE = ("#2f6db5", "#e0812b", "#3a9a5b", "#b23b3b", "#7a52a8", "#8c6d3f", "#c75d9b", "#6b7b8c")


def _euros(cents: int) -> float:
    return cents / 100  # drawing only


class SalesChart(QChartView):
    """One chart whose series are replaced on each update."""

    def __init__(self, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundRoundness(0)
        chart.layout().setContentsMargins(0, 0, 0, 0)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(180)

    def clear(self) -> QChart:
        chart = self.chart()
        chart.legend().setVisible(False)
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        return chart


def _value_axis(top_cents: int) -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, max(_euros(top_cents) * 1.1, 1.0))
    axis.setLabelFormat("%.0f")  # printf-style: ASCII only (a € here shows as "?")
    axis.setTickCount(5)
    axis.applyNiceNumbers()
    axis.setTitleText("€")
    return axis


def show_hours(
    view: SalesChart, hours: Sequence[Share], title: str, hour_label: Callable[[int], str]
) -> None:
    """Turnover per local hour; the store's day always shown, so two periods compare."""
    chart = view.clear()
    chart.setTitle(title)
    cents = {int(s.key): s.cents for s in hours}
    span = sorted(set(DAY_HOURS) | set(cents))
    bars = QBarSet(title)
    bars.setColor(_BLUE)
    bars.append([_euros(max(cents.get(h, 0), 0)) for h in span])
    series = QBarSeries()
    series.append(bars)
    series.setBarWidth(0.8)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([hour_label(h) for h in span])
    chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
    values = _value_axis(max(cents.values(), default=0))
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    series.attachAxis(values)


def show_departments(view: SalesChart, shares: Sequence[Share], title: str, others: str) -> None:
    """The largest departments, biggest on top, the rest as ``others``."""
    chart = view.clear()
    chart.setTitle(title)
    top = list(shares[:TOP_DEPARTMENTS])
    rest = sum(s.cents for s in shares[TOP_DEPARTMENTS:])
    rows = [(s.label, s.cents) for s in top] + ([(others, rest)] if rest else [])
    rows.reverse()  # a horizontal bar chart draws its first category at the bottom
    bars = QBarSet(title)
    bars.setColor(_BLUE)
    bars.append([_euros(max(cents, 0)) for _, cents in rows])
    series = QHorizontalBarSeries()
    series.append(bars)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([_short(label) for label, _ in rows] or [""])
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    values = _value_axis(max((c for _, c in rows), default=0))
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    series.attachAxis(values)


def show_tenders(
    view: SalesChart, shares: Sequence[Share], title: str, percent: Callable[[int], str]
) -> None:
    """Each tender's share of what was paid (refunds netted), labelled with its amount."""
    chart = view.clear()
    chart.setTitle(title)
    series = QPieSeries()
    paid = [s for s in shares if s.cents > 0]
    whole = sum(s.cents for s in paid) or 1
    for index, share in enumerate(paid):
        rounded = (200 * share.cents + whole) // (2 * whole)
        piece = series.append(f"{share.label} {percent(rounded)}", _euros(share.cents))
        piece.setColor(QColor(_PIE[index % len(_PIE)]))
    series.setPieSize(0.8)
    chart.addSeries(series)
    chart.legend().setVisible(True)  # the legend, not slice labels: long names never cut
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)


def _short(label: str, limit: int = 24) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"
