"""The attention list ("Operations to check"): every operation waiting to be sent, refused
by central or set aside, the calls owed to central and central's warnings, each with
what it is, why it waits and how long; "Send again" and "Set aside" with a note.

Reading and acting go through ``OutboxReview`` off the GUI thread (``run_op_for``: an
answer after the dialog closed is dropped): the
service checks the right (a manager's; a cashier gets a manager's PIN on the spot
through ``request_approval``) and records the author. Once something is back in the
queue, ``requeued`` tells the till to wake its sync engine; ``changed`` (any act) lets it
refresh the status bar's counts.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from pos.domain.errors import PosError
from pos.domain.rights import Actor, Approval, Right
from pos.ui.dialogs import attention_texts as texts
from pos.ui.dialogs.attention_model import AttentionModel, filter_names
from pos.ui.dialogs.attention_panel import AttentionPanel
from pos.ui.i18n import Retranslating
from pos.ui.ops import run_op_for
from pos.ui.qt import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from pos.services.attention_items import AttentionItem
    from pos.services.outbox_review import AttentionList, OutboxReview
    from pos.ui.screens.till_day.approval import RequestApproval


class OutboxDialog(Retranslating, QDialog):
    requeued = Signal(int)  # how many operations went back in the queue
    listed = Signal()  # the list was read (tests, screenshots)
    changed = Signal()  # something was sent again or set aside: the counts changed

    def __init__(
        self,
        review: OutboxReview,
        parent: QWidget | None = None,
        *,
        actor: Callable[[], Actor | None] = lambda: None,
        request_approval: RequestApproval | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("outboxDialog")
        self.review = review
        self.actor = actor
        self.request_approval = request_approval
        self.last: AttentionList | None = None
        self._failure = ""
        self.summary = QLabel(self)
        self.summary.setObjectName("attentionSummary")
        self.summary.setWordWrap(True)
        self.filter_label = QLabel(self)
        self.filter_box = QComboBox(self)
        self.filter_box.setObjectName("attentionFilter")
        self.model = AttentionModel()
        self.table = self._table()
        self.panel = AttentionPanel(self)
        self.send_all = QPushButton(self)
        self.send_all.setObjectName("sendAllButton")
        self.close_button = QPushButton(self)
        self.filter_box.currentIndexChanged.connect(self._filter_changed)
        self.panel.requeue_asked.connect(self._requeue_item)
        self.panel.set_aside_asked.connect(self._set_aside)
        self.send_all.clicked.connect(self._requeue_refused)
        self.close_button.clicked.connect(self.accept)
        self._lay_out()
        self.resize(1000, 600)
        self.retranslate_ui()
        self.refresh()

    def _table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("attentionTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.selectionModel().currentRowChanged.connect(self._selected)
        return table

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.filter_label)
        top.addWidget(self.filter_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.send_all)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.panel)
        layout.addLayout(buttons)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Operations to check"))
        self.filter_label.setText(self.tr("Show:"))
        self.send_all.setText(self.tr("Send all refused again"))
        self.close_button.setText(self.tr("Close"))
        current = self.filter_box.currentData() or "open"
        self.filter_box.blockSignals(True)
        self.filter_box.clear()
        for key, label in filter_names():
            self.filter_box.addItem(label, key)
        self.filter_box.setCurrentIndex(self.filter_box.findData(current))
        self.filter_box.blockSignals(False)
        self.model.reword()
        if self._failure:
            self._show_failure()
        elif self.last is not None:
            self._summarise(self.last)

    # -- reading -----------------------------------------------------------------------

    def refresh(self) -> None:
        self._busy(True)
        run_op_for(self, self.review.list, self._show, self._failed)

    def show_filter(self, key: str) -> None:
        self.filter_box.setCurrentIndex(self.filter_box.findData(key))

    def _show(self, found: AttentionList) -> None:
        self.last, self._failure = found, ""
        chosen = self.panel.item
        self.model.show(found.items)
        self._summarise(found)
        self._busy(False)
        self._reselect(chosen)
        self.listed.emit()

    def _summarise(self, found: AttentionList) -> None:
        n = {"to_check": found.to_check, "pending": found.pending,
             "set_aside": sum(i.state == "set_aside" for i in found.items),
             "warning": found.warning_total}  # fmt: skip
        parts = [self.tr("%1 to send").replace("%1", str(n["pending"])),
                 self.tr("%1 to check").replace("%1", str(n["to_check"]))]  # fmt: skip
        if n["set_aside"]:
            parts.append(self.tr("set aside: %1").replace("%1", str(n["set_aside"])))
        if n["warning"]:
            parts.append(self.tr("warnings: %1").replace("%1", str(n["warning"])))
        self.summary.setText(" · ".join(parts))

    def _filter_changed(self) -> None:
        chosen = self.panel.item
        self.model.show(self.model.everything, self.filter_box.currentData())
        self._reselect(chosen)

    def _reselect(self, chosen: AttentionItem | None) -> None:
        wanted = None if chosen is None else (chosen.source, chosen.key)
        rows = [i for i, item in enumerate(self.model.rows) if (item.source, item.key) == wanted]
        if rows:
            self.table.selectRow(rows[0])
            self.panel.show_item(self.model.rows[rows[0]])
        else:
            self.table.clearSelection()
            self.panel.show_item(None)

    def _selected(self, current: Any, _previous: Any) -> None:
        self.panel.show_item(self.model.item(current.row()))

    # -- acting ------------------------------------------------------------------------

    def _requeue_refused(self) -> None:
        """Every outbox operation central refused and nobody set aside: those set aside
        with a note stay so until someone sends them one by one."""
        found = self.last.items if self.last is not None else ()
        keys = [i.key for i in found if i.source == "outbox" and i.state == "to_check"]
        if keys:
            self._act("requeue_all", None, ",".join(keys))

    def _requeue_item(self, item: AttentionItem) -> None:
        self._act("requeue", item, "")

    def _set_aside(self, item: AttentionItem, note: str) -> None:
        self._act("set_aside", item, note)

    def _act(self, act: str, item: AttentionItem | None, note: str,
             approval: Approval | None = None) -> None:  # fmt: skip
        self._busy(True)
        job = partial(self._run, act, item, note, self.actor(), approval)
        run_op_for(self, job, self._done, partial(self._refused, act, item, note, approval))

    def _run(self, act: str, item: AttentionItem | None, note: str, actor: Actor | None,
             approval: Approval | None) -> int:  # fmt: skip
        """On a worker: the act through the service; how many went back in the queue."""
        if act == "set_aside" and item is not None:
            if actor is None:
                raise PosError("Sign in first.", code="no_actor")
            self.review.set_aside(item, note, actor=actor, approval=approval)
            return 0
        if item is not None and item.source == "owed":
            if actor is None:
                raise PosError("Sign in first.", code="no_actor")
            return int(self.review.retry_owed(item, actor=actor, approval=approval))
        op_ids = note.split(",") if item is None else [item.key]  # "requeue_all": the ids
        done = self.review.requeue(op_ids, source="app", actor=actor, approval=approval)
        return len(done)

    def _done(self, requeued: int) -> None:
        self.panel.note.clear()
        if requeued:
            self.requeued.emit(requeued)
        self.changed.emit()
        self.refresh()

    def _refused(self, act: str, item: AttentionItem | None, note: str,
                 approval: Approval | None, exc: Exception) -> None:  # fmt: skip
        self._busy(False)
        code = getattr(exc, "code", "")
        params = getattr(exc, "params", {}) or {}
        if code == "right_refused" and params.get("approvable") and approval is None:
            granted = self._ask_manager(act, item)
            if granted is not None:
                self._act(act, item, note, granted)
                return
        self.panel.say(texts.error(code, getattr(exc, "message", str(exc)), params))
        if code == "no_longer_open":
            self.refresh()

    def _ask_manager(self, act: str, item: AttentionItem | None) -> Approval | None:
        if self.request_approval is None:
            return None
        what = texts.what(item) if item is not None else self.tr("every refused operation")
        label = self.tr("Set aside: %1") if act == "set_aside" else self.tr("Send again: %1")
        return self.request_approval(Right.SYNC_ATTENTION, label.replace("%1", what), None)

    def _failed(self, exc: Exception) -> None:
        self._busy(False)
        self._failure = getattr(exc, "message", str(exc))
        self._show_failure()

    def _show_failure(self) -> None:
        self.summary.setText(
            self.tr("The operations could not be read: %1").replace("%1", self._failure)
        )

    def _busy(self, busy: bool) -> None:
        self.send_all.setEnabled(not busy)
        self.panel.set_busy(busy)
