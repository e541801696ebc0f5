"""The desk: the four lists with their badges, what central refused, a code field and
a live search, the orders of the chosen list, and the chosen order beside them.

It only shows what it is given and says what was asked (signals); the screen turns
those into requests to the pickup worker.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from functools import partial

from pos.domain.pickup import OPEN_STATES
from pos.services.pickup_desk import DeskOrder
from pos.ui.i18n import Retranslating, retranslate_model
from pos.ui.models.pickup_model import UNSYNCED_MARK, PickupOrdersModel, day_text, state_text
from pos.ui.pickup_controller import DeskPage
from pos.ui.qt import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QModelIndex,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from pos.ui.screens.pickup.conflicts_banner import ConflictsBanner
from pos.ui.screens.pickup.desk_tabs import DeskTabs
from pos.ui.screens.pickup.order_detail import OrderDetail
from pos.ui.widgets.tables import row_table
from pos.ui.zoom import set_font

SEARCH_DEBOUNCE_MS = 150


DeskParts = tuple[DeskTabs, ConflictsBanner, OrderDetail]


def desk_parts(tz: tzinfo | None, parent: QWidget | None = None) -> DeskParts:
    return DeskTabs(parent), ConflictsBanner(parent), OrderDetail(tz, parent)


class DeskView(Retranslating, QWidget):
    search_requested = Signal(str)  # debounced; "" when the field was emptied
    code_entered = Signal(str)  # a typed or scanned pickup code, QR text or order number

    def __init__(
        self, tz: tzinfo | None = None, parent: QWidget | None = None, *,
        parts: DeskParts | None = None,
    ) -> None:  # fmt: skip
        """``parts``: the tabs, the banner and the order's detail, built beforehand (the
        till builds the desk a piece per event-loop turn), else built here."""
        super().__init__(parent)
        self.setObjectName("deskView")
        self.tabs, self.banner, self.detail = parts or desk_parts(tz, self)
        for part in (self.tabs, self.banner, self.detail):
            part.setParent(self)
        self.model = PickupOrdersModel(tz, self)
        self.searching = False  # the table shows search results, not a list
        self._title: Callable[[], str] = str  # the list's title, worded again on demand
        self._build()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.code_field.setPlaceholderText(self.tr("Scan or type the pickup code, then Enter"))
        self.search_field.setPlaceholderText(self.tr("Search: number, code, name, e-mail, phone"))
        self.empty_label.setText(self.tr("No order here."))
        self.list_title.setText(self._title())
        retranslate_model(self.model)

    def _build(self) -> None:
        self.code_field = QLineEdit(self)
        self.code_field.setObjectName("pickupCodeField")
        self.code_field.returnPressed.connect(self._submit_code)
        self.search_field = QLineEdit(self)
        self.search_field.setObjectName("pickupSearchField")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.textChanged.connect(self._schedule_search)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.timeout.connect(self._run_search)
        self.list_title = QLabel(self)
        self.list_title.setObjectName("listTitle")
        self.list_title.setStyleSheet("color: #444;")
        self.table = row_table(self.model, "pickupOrders", self)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setSectionResizeMode(
            PickupOrdersModel.CUSTOMER, QHeaderView.ResizeMode.Stretch
        )
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("emptyList")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #666;")
        self.empty_label.hide()

        fields = QHBoxLayout()
        fields.addWidget(self.code_field, 1)
        fields.addWidget(self.search_field, 1)
        left = QVBoxLayout()
        left.addWidget(self.list_title)
        left.addWidget(self.table, 1)
        left.addWidget(self.empty_label, 1)
        body = QHBoxLayout()
        body.addLayout(left, 5)
        body.addWidget(self.detail, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        layout.addWidget(self.banner)
        layout.addLayout(fields)
        layout.addLayout(body, 1)

    def apply_zoom(self, zoom: float) -> None:
        self.tabs.apply_zoom(zoom)
        self.detail.apply_zoom(zoom)
        set_font(self.code_field, 1.35, zoom)
        set_font(self.search_field, 1.15, zoom)
        set_font(self.table, 1.1, zoom)
        set_font(self.list_title, 1.0, zoom)
        set_font(self.empty_label, 1.2, zoom)
        self.banner.apply_zoom(zoom)
        for field in (self.code_field, self.search_field):
            field.setMinimumHeight(round(44 * zoom))
        metrics = self.table.fontMetrics()
        self.table.verticalHeader().setDefaultSectionSize(metrics.lineSpacing() * 2 + 14)
        header = self.table.horizontalHeader()
        states = [state_text(state) + f" {UNSYNCED_MARK}" for state in OPEN_STATES]
        for column, samples in (
            (PickupOrdersModel.ORDER, ["WX23-YZ45", "web-00000"]),
            (PickupOrdersModel.DUE, [day_text("2025-09-24T12:00:00Z"), self.tr("any time")]),
            (PickupOrdersModel.TOTAL, ["000,00 €", self.model.lines_text(10)]),
            (PickupOrdersModel.STATE, states),
        ):
            header.resizeSection(column, max(map(metrics.horizontalAdvance, samples)) + 16)

    # -- what the worker says -------------------------------------------------------------

    def show_page(self, page: DeskPage) -> None:
        self.tabs.show_counts(page.counts)
        if self.searching or page.tab != self.tabs.current():
            return  # the badges still count; the table keeps what the staff look at
        self._show_orders(page.orders, page.overdue_ids, partial(self._list_title, page.tab))

    def _list_title(self, tab: str) -> str:
        titles = {
            "to_prepare": self.tr("Received or being prepared, soonest pickup first"),
            "ready": self.tr("Ready, waiting for the customer"),
            "due_today": self.tr("To be picked up today"),
            "overdue": self.tr("Still open after their pickup day"),
        }
        return titles[tab]

    def _results_title(self, query: str, count: int) -> str:
        title = self.tr("Search “%1”: %2 order(s)").replace("%1", query)
        return title.replace("%2", str(count))

    def show_results(self, query: str, orders: tuple[DeskOrder, ...]) -> bool:
        """Search results, unless the field changed since (an older search answering)."""
        if not self.searching or query != self.search_field.text().strip():
            return False
        title = partial(self._results_title, query, len(orders))
        self._show_orders(orders, frozenset(), title)
        return True

    def _show_orders(
        self, orders: tuple[DeskOrder, ...], overdue: frozenset[str], title: Callable[[], str]
    ) -> None:
        chosen = self.detail.order.id if self.detail.order is not None else None
        self.model.set_orders(orders, overdue)
        self._title = title
        self.list_title.setText(title())
        self.table.setVisible(bool(orders))
        self.empty_label.setVisible(not orders)
        row = self.model.row_of(chosen) if chosen else -1
        if row >= 0:
            self.table.selectRow(row)
        elif chosen is not None:
            self.table.clearSelection()

    def show_order(self, order: DeskOrder | None) -> None:
        """The chosen order, fresh from the worker (a scan, a move, a reload)."""
        self.detail.show_order(order)
        row = self.model.row_of(order.id) if order is not None else -1
        if row >= 0 and self.table.currentIndex().row() != row:
            self.table.selectRow(row)

    # -- what the staff do ----------------------------------------------------------------

    def _submit_code(self) -> None:
        text = self.code_field.text().strip()
        self.code_field.clear()
        if text:
            self.code_entered.emit(text)

    def _schedule_search(self) -> None:
        self._search_timer.start(SEARCH_DEBOUNCE_MS)

    def _run_search(self) -> None:
        query = self.search_field.text().strip()
        self.searching = len(query) >= 2
        self.search_requested.emit(query if self.searching else "")

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        order = self.model.order_at(current.row())
        if order is not None and order is not self.detail.order:
            self.detail.show_order(order)
