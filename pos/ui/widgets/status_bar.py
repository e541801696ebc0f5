"""The till's status bar: who is signed in, the network with what waits to be sent, the
printer, and the store.

At 1024×768 it never cuts the name or the outbox count: those labels keep their whole
text's width, and only the store's line (name · terminal, shown in full in its tooltip)
and the printer's give way with an ellipsis. The network state is a coloured badge in few words
(online green, busy amber, offline red); the full sentence is its tooltip. Times are
the store's (Europe/Paris), never the UTC the sync engine records.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hardware.receipt.formatting import local_time_text
from pos.services.store_summary import StoreSummary
from pos.ui.i18n import Retranslating
from pos.ui.qt import (
    QLabel,
    QLocale,
    QMouseEvent,
    QResizeEvent,
    QSize,
    QSizePolicy,
    QStatusBar,
    Qt,
    QWidget,
    Signal,
)
from pos.ui.zoom import set_font

if TYPE_CHECKING:
    from sync.engine import SyncStatus

#: Badge colours by sync state: red when sales only stay here, amber while busy.
BADGE_COLOURS = {
    "idle": ("#1b5e20", "#ffffff"),
    "starting": ("#f9a825", "#212121"),
    "syncing": ("#f9a825", "#212121"),
    "stopped": ("#f9a825", "#212121"),
    "offline": ("#b00020", "#ffffff"),
    "error": ("#b00020", "#ffffff"),
    "none": ("#616161", "#ffffff"),
}


class ElidingLabel(QLabel):
    """A label that may shrink to nothing, showing "…" for what does not fit; its whole
    text stays in ``full_text``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self.setToolTip(text)
        self.updateGeometry()
        self._elide()

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        width = self.fontMetrics().horizontalAdvance(self.full_text) + 8
        return QSize(width, super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(self.full_text, Qt.TextElideMode.ElideRight, self.width()))


def _whole(label: QLabel) -> None:
    """The label keeps its text's whole width: the status bar squeezes the others."""
    label.setMinimumWidth(label.fontMetrics().horizontalAdvance(label.text()) + 12)


class ClickableLabel(QLabel):
    """The network badge: a click opens the attention list (what waits, what to check)."""

    clicked = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class TillStatusBar(Retranslating, QStatusBar):
    attention_clicked = Signal()  # the badge with "N to send · M to check" was clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tillStatusBar")
        self.setSizeGripEnabled(False)
        self._printer_state = "unknown"
        self._sync: SyncStatus | None = None
        self._summary: StoreSummary | None = None
        self._actor_name = ""
        self.store_status = ElidingLabel(self)
        self.store_status.setObjectName("storeStatus")
        self.cashier_status = QLabel(self)
        self.cashier_status.setObjectName("cashierStatus")
        self.network_status = ClickableLabel(self)
        self.network_status.setObjectName("networkStatus")
        self.network_status.setCursor(Qt.CursorShape.PointingHandCursor)
        self.network_status.clicked.connect(self.attention_clicked)
        self.printer_status = ElidingLabel(self)  # gives way after the store's line
        self.printer_status.setObjectName("printerStatus")
        self.addWidget(self.store_status, 1)
        for label in (self.cashier_status, self.network_status, self.printer_status):
            self.addPermanentWidget(label)
        self.zoom = 0.0
        self.apply_zoom(1.0)

    def retranslate_ui(self) -> None:
        self.show_printer_state(self._printer_state)
        self.show_sync_status(self._sync)
        self.show_cashier(self._actor_name)
        if self._summary is not None:
            self.show_store(self._summary)

    def apply_zoom(self, zoom: float) -> None:
        if zoom == self.zoom:
            return
        self.zoom = zoom
        for label in (self.store_status, self.cashier_status, self.network_status,
                      self.printer_status):  # fmt: skip
            set_font(label, 1.0, zoom, bold=label is self.network_status)
        self.retranslate_ui()  # the widths follow the fonts

    # -- who, the store ------------------------------------------------------------------

    def show_cashier(self, name: str) -> None:
        self._actor_name = name
        self.cashier_status.setText(
            self.tr("At the till: %1").replace("%1", name) if name else self.tr("Nobody signed in")
        )
        _whole(self.cashier_status)

    def show_store(self, summary: StoreSummary) -> None:
        self._summary = summary
        text = (
            self.tr("%1 · terminal %2")
            .replace("%1", summary.store_name)
            .replace("%2", summary.terminal_id)
        )
        tooltip = text
        if summary.medusa_plugin == "":  # a limit the staff should know before a customer asks
            text += " · " + self.tr("Medusa without Comptoir's plugin")
            tooltip = self.tr(
                "Comptoir's plugin is not installed in Medusa: web carts cannot be rung up "
                "at the till, sales are recorded at Medusa's own prices, and pickup moves, "
                "partial pickups and expiry need it. Ask your administrator to install it."
            )
        self.store_status.set_full_text(text)
        self.store_status.setToolTip(tooltip)  # the whole line, or what the warning means
        self.store_status.setProperty("medusa_plugin", summary.medusa_plugin)

    # -- the printer -----------------------------------------------------------------------

    def show_printer_state(self, code: str) -> None:
        self._printer_state = code
        states = {
            "none": self.tr("Printer: none (receipts on screen)"),
            "unknown": self.tr("Printer: not used yet"),
            "ok": self.tr("Printer: ready"),
            "offline": self.tr("Printer: offline"),
            "paper_out": self.tr("Printer: out of paper"),
            "cover_open": self.tr("Printer: cover open"),
            "timeout": self.tr("Printer: not answering"),
        }
        self.printer_status.set_full_text(states.get(code, self.tr("Printer: error")))
        self.printer_status.setProperty("state", code)

    # -- the network -----------------------------------------------------------------------

    def show_sync_status(self, status: SyncStatus | None) -> None:
        """None: this till has no central server (a demo, or not enrolled yet)."""
        self._sync = status
        state = "none" if status is None else status.state
        if state not in BADGE_COLOURS:
            state = "error"
        text = self._badge_text(state)
        locale = QLocale()
        if status is not None and status.pending:
            text += " · " + self.tr("%1 to send").replace("%1", locale.toString(status.pending))
        if status is not None and status.rejected:
            text += " · " + self.tr("%1 to check").replace("%1", locale.toString(status.rejected))
        background, colour = BADGE_COLOURS[state]
        label = self.network_status
        label.setStyleSheet(
            f"#networkStatus {{ background: {background}; color: {colour};"
            " border-radius: 4px; padding: 1px 8px; }"
        )
        label.setText(text)
        label.setProperty("state", status.state if status is not None else "none")
        label.setToolTip(self._network_tooltip(status))
        _whole(label)

    def _badge_text(self, state: str) -> str:
        return {
            "none": self.tr("No central server"),
            "starting": self.tr("Connecting…"),
            "syncing": self.tr("Syncing…"),
            "idle": self.tr("Online, up to date"),
            "offline": self.tr("Offline"),
            "stopped": self.tr("Sync stopped"),
        }.get(state, self.tr("Refused by the server"))

    def _network_tooltip(self, status: SyncStatus | None) -> str:
        if status is None:
            return self.tr("Sales are kept on this till.")
        lines = [
            {
                "offline": self.tr("Offline: sales are kept on this till and sent later."),
                "error": self.tr("The central server refused the last exchange."),
            }.get(status.state, "")
        ]
        lines.append(status.last_error or "")
        if status.last_success_at:
            lines.append(
                self.tr("Last success: %1").replace("%1", local_time_text(status.last_success_at))
            )
        if status.rejected:
            lines.append(
                self.tr(
                    "Operations to check are listed in Till → Operations to check… (Ctrl+5, or "
                    "a click here), where they can be sent again or set aside with a note."
                )
            )
        return "\n".join(line for line in lines if line)
