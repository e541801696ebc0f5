"""Sales at a glance (Ctrl+4), the manager's screen: a period's turnover by hour,
department, tender, cashier and channel, the pickup backlog and the state of sync.

Every query runs off the GUI thread (``run_op_for``) from the till's own file, so the
screen works offline; the CSV is written off the GUI thread too. The service checks the
right (``VIEW_SALES``): a cashier who opens the screen reads its refusal here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path

from pos.domain.archive_period import STORE_ZONE
from pos.domain.errors import PosError
from pos.domain.rights import Actor
from pos.services.sales_csv import write_breakdown
from pos.services.sales_glance import (
    PICKUP_AT_TILL,
    PICKUP_ONLINE,
    STORE,
    WEB_CART_AT_TILL,
    SalesFigures,
    SalesGlance,
    Share,
    store_today,
)
from pos.ui.i18n import Retranslating, current_language
from pos.ui.messages import paris_time, user_message
from pos.ui.money import format_money
from pos.ui.ops import run_op_for
from pos.ui.qt import (
    QComboBox,
    QDate,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLocale,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from pos.ui.screens.till_day.labels import tender_name
from pos.ui.widgets.sales_charts import SalesChart, show_departments, show_hours, show_tenders

BREAKDOWNS = ("by_hour", "by_department", "by_tender", "by_cashier", "by_channel")


def _kpi(parent: QWidget) -> tuple[QFrame, QLabel, QLabel]:
    card = QFrame(parent)
    card.setFrameShape(QFrame.Shape.StyledPanel)
    column = QVBoxLayout(card)
    title, value = QLabel(card), QLabel(card)
    value.setStyleSheet("font-size: 20pt; font-weight: 600;")
    column.addWidget(title)
    column.addWidget(value)
    return card, title, value


def _table(parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, 3, parent)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
    return table


def _fill(table: QTableWidget, shares: tuple[Share, ...]) -> None:
    table.setRowCount(len(shares))
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    for row, share in enumerate(shares):
        cells = (share.label, QLocale().toString(share.count), format_money(share.cents))
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column:
                item.setTextAlignment(right)
            table.setItem(row, column, item)


class SalesDashboard(Retranslating, QWidget):
    figures_shown = Signal(object)  # SalesFigures
    refused = Signal(str)  # the message shown
    exported = Signal(str)  # the CSV file written

    def __init__(
        self,
        glance: SalesGlance,
        actor: Callable[[], Actor | None],
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("salesDashboard")
        self.glance = glance
        self._actor = actor
        self._today = today or store_today
        self.figures: SalesFigures | None = None
        self._build()
        self.retranslate_ui()
        self.show_period(self._today(), self._today())

    # -- building -------------------------------------------------------------------------

    def _build(self) -> None:
        page = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.from_label, self.to_label = QLabel(self), QLabel(self)
        self.from_edit, self.to_edit = QDateEdit(self), QDateEdit(self)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.today_button, self.week_button = QPushButton(self), QPushButton(self)
        self.month_button, self.refresh_button = QPushButton(self), QPushButton(self)
        self.export_choice, self.export_button = QComboBox(self), QPushButton(self)
        self.export_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.export_choice.setMinimumContentsLength(12)
        self.today_button.clicked.connect(lambda: self._days_back(0))
        self.week_button.clicked.connect(lambda: self._days_back(6))
        self.month_button.clicked.connect(self._this_month)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.ask_export)
        for widget in (self.from_label, self.from_edit, self.to_label, self.to_edit,
                       self.today_button, self.week_button, self.month_button,
                       self.refresh_button):  # fmt: skip
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.export_choice)
        bar.addWidget(self.export_button)
        page.addLayout(bar)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a12;")
        self.message.hide()
        page.addWidget(self.message)
        self.body = QWidget(self)  # hidden when the reader may not see the figures
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(self._build_kpis())
        page.addWidget(self.body, 1)
        grid = QGridLayout()
        self.hour_chart, self.tender_chart = SalesChart(self), SalesChart(self)
        self.department_chart = SalesChart(self)
        grid.addWidget(self.hour_chart, 0, 0)
        grid.addWidget(self.tender_chart, 0, 1, 1, 2)
        grid.addWidget(self.department_chart, 1, 0)
        tables = QVBoxLayout()
        self.cashier_table, self.channel_table = _table(self), _table(self)
        tables.addWidget(self.cashier_table)
        tables.addWidget(self.channel_table)
        grid.addLayout(tables, 1, 1)
        self.panel = QLabel(self)
        self.panel.setObjectName("salesPanel")
        self.panel.setTextFormat(Qt.TextFormat.RichText)
        self.panel.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.panel.setWordWrap(True)
        grid.addWidget(self.panel, 1, 2)
        for column, stretch in enumerate((3, 2, 2)):
            grid.setColumnStretch(column, stretch)
        body.addLayout(grid, 1)
        self.note = QLabel(self.body)  # what these figures are not: said on screen
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        body.addWidget(self.note)

    def _build_kpis(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.kpis: dict[str, tuple[QLabel, QLabel]] = {}
        for name in ("turnover", "tickets", "basket", "returns"):
            card, title, value = _kpi(self)
            self.kpis[name] = (title, value)
            row.addWidget(card)
        return row

    def retranslate_ui(self) -> None:
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        self.today_button.setText(self.tr("Today"))
        self.week_button.setText(self.tr("Last 7 days"))
        self.month_button.setText(self.tr("This month"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.note.setText(
            self.tr(
                "This till's own sales, read from its file (offline too); training sales are "
                "never counted. Tickets include returns. A web cart paid at the till has its "
                "own channel and counts in the turnover."
            )
        )
        current = max(self.export_choice.currentIndex(), 0)
        self.export_choice.clear()
        self.export_choice.addItems([self._breakdown_title(name) for name in BREAKDOWNS])
        self.export_choice.setCurrentIndex(current)
        for name, text in (
            ("turnover", self.tr("Turnover incl. VAT (net of returns)")),
            ("tickets", self.tr("Sales")),
            ("basket", self.tr("Average basket")),
            ("returns", self.tr("Returns")),
        ):
            self.kpis[name][0].setText(text)
        for table, first in ((self.cashier_table, self.tr("Cashier")),
                             (self.channel_table, self.tr("Channel"))):  # fmt: skip
            table.setHorizontalHeaderLabels([first, self.tr("Tickets"), self.tr("Amount")])
        if self.figures is not None:
            self._show(self.figures)

    def _breakdown_title(self, name: str) -> str:
        return {
            "by_hour": self.tr("Turnover by hour"),
            "by_department": self.tr("Turnover by department"),
            "by_tender": self.tr("Payments by tender"),
            "by_cashier": self.tr("Sales by cashier"),
            "by_channel": self.tr("Sales by channel"),
        }[name]

    # -- the period -------------------------------------------------------------------------

    def show_period(self, first: date, last: date) -> None:
        self.from_edit.setDate(QDate(first.year, first.month, first.day))
        self.to_edit.setDate(QDate(last.year, last.month, last.day))
        self.refresh()

    def _days_back(self, days: int) -> None:
        today = self._today()
        self.show_period(today - timedelta(days=days), today)

    def _this_month(self) -> None:
        today = self._today()
        self.show_period(today.replace(day=1), today)

    def refresh(self) -> None:
        """Read the figures of the chosen days on a worker thread."""
        actor = self._actor()
        if actor is None:
            self._hide_figures()
            self._refuse(self.tr("Sign in to see the sales."))
            return
        first, last = self.from_edit.date().toPython(), self.to_edit.date().toPython()
        run_op_for(self, partial(self.glance.figures, actor, first, last, current_language()),
                   self._show, self._failed)  # fmt: skip

    # -- showing ----------------------------------------------------------------------------

    def _show(self, figures: SalesFigures) -> None:
        self.figures = figures
        self.message.hide()
        self.body.show()
        kpi = {
            "turnover": format_money(figures.turnover_cents),
            "tickets": QLocale().toString(figures.sales_count),
            "basket": format_money(figures.average_basket_cents),
            "returns": f"{QLocale().toString(figures.returns_count)} · "
            f"{format_money(figures.returns_cents)}",
        }
        for name, text in kpi.items():
            self.kpis[name][1].setText(text)
        shown = self.labelled(figures)
        show_hours(self.hour_chart, shown["by_hour"], self.tr("Turnover by hour"), str)
        show_departments(self.department_chart, shown["by_department"],
                         self.tr("Turnover by department"), self.tr("Others"))  # fmt: skip
        show_tenders(self.tender_chart, shown["by_tender"], self.tr("Payments by tender"),
                     self._percent)  # fmt: skip
        _fill(self.cashier_table, shown["by_cashier"])
        _fill(self.channel_table, shown["by_channel"])
        self.panel.setText(self._panel_text(figures))
        self.figures_shown.emit(figures)

    def labelled(self, figures: SalesFigures) -> dict[str, tuple[Share, ...]]:
        """Each breakdown with the labels people read in their language."""
        channels = {
            STORE: self.tr("Store sales"),
            WEB_CART_AT_TILL: self.tr("Web carts paid at the till"),
            PICKUP_AT_TILL: self.tr("Pickups paid at the till"),
            PICKUP_ONLINE: self.tr("Pickups paid online (not in turnover)"),
        }
        hour = self.tr("%1h")

        def renamed(shares: tuple[Share, ...], name: Callable[[Share], str]) -> tuple[Share, ...]:
            return tuple(Share(s.key, name(s), s.count, s.cents) for s in shares)

        return {
            "by_hour": renamed(figures.by_hour, lambda s: hour.replace("%1", s.label)),
            "by_department": renamed(figures.by_department, lambda s: s.label or self.tr("None")),
            "by_tender": renamed(figures.by_tender, lambda s: self._tender(s.key)),
            "by_cashier": figures.by_cashier,
            "by_channel": renamed(figures.by_channel, lambda s: channels.get(s.key, s.key)),
        }

    def _tender(self, kind: str) -> str:
        return self.tr("Credit note") if kind == "credit_note" else tender_name(kind)

    def _percent(self, value: int) -> str:
        french = QLocale().language() == QLocale.Language.French
        return f"{value}\u00a0%" if french else f"{value}%"

    def _panel_text(self, figures: SalesFigures) -> str:
        backlog, health = figures.backlog, figures.health

        def when(stamp: str | None) -> str:
            if stamp is None:
                return self.tr("never")
            moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(STORE_ZONE)
            return (
                QLocale().toString(moment.date(), QLocale.FormatType.ShortFormat)
                + " "
                + (paris_time(stamp))
            )

        overdue = backlog.overdue
        late = f"<b style='color:#a12'>{overdue}</b>" if overdue else "0"
        rows = (
            ("h3", self.tr("Pickup orders"), ""),
            ("", self.tr("To prepare"), f"<b>{backlog.to_prepare}</b>"),
            ("", self.tr("Ready"), f"<b>{backlog.ready}</b>"),
            ("", self.tr("Overdue"), late),
            ("h3", self.tr("Sync"), ""),
            ("", self.tr("Waiting to be sent"), f"<b>{health.pending}</b>"),
            ("", self.tr("Set aside"), f"<b>{health.set_aside}</b>"),
            ("", self.tr("Last sent"), when(health.last_push)),
            ("", self.tr("Last received"), when(health.last_pull)),
        )
        return "".join(
            f"<h3>{label}</h3>"
            if tag
            else f"{label}\u00a0: {value}<br>"
            if QLocale().language() == QLocale.Language.French
            else f"{label}: {value}<br>"
            for tag, label, value in rows
        )

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, PosError):
            texts = {
                "period_reversed": self.tr("The period ends before it starts: change a date."),
                "period_too_long": self.tr("Choose a period of ten years at most."),
                "right_refused": self.tr(
                    "The sales figures are for managers: ask a manager to sign in."
                ),
            }
            text = texts.get(exc.code) or user_message(exc.code, exc.message, dict(exc.params))
        else:
            text = self.tr("The figures could not be read: %1").replace("%1", str(exc))
        if isinstance(exc, PosError) and exc.code == "right_refused":
            self._hide_figures()  # a manager's figures never stay before a cashier
        self._refuse(text)

    def _hide_figures(self) -> None:
        self.figures = None
        self.body.hide()

    def _refuse(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.refused.emit(text)

    # -- CSV ----------------------------------------------------------------------------

    def ask_export(self) -> None:
        if self.figures is None:
            return
        name = BREAKDOWNS[self.export_choice.currentIndex()]
        suggested = f"{name.removeprefix('by_')}_{self.figures.period.file_label}.csv"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export CSV"), suggested, self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_to(name, Path(path))

    def export_to(self, name: str, path: Path) -> None:
        """Write one breakdown of the figures shown, off the GUI thread."""
        if self.figures is None:
            return
        shares = self.labelled(self.figures)[name]
        header = (self._breakdown_title(name), self.tr("Count"), self.tr("Amount (€)"))
        french = QLocale().language() == QLocale.Language.French
        run_op_for(self, partial(write_breakdown, path, header, shares, french=french),
                   lambda written: self.exported.emit(str(written)), self._failed)  # fmt: skip
