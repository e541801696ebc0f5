"""The attention list's detail and actions for the selected item: what it is, why, since
when, who set it aside, and "Send again" / "Set aside" with a mandatory note.

The panel only asks (signals); the dialog runs the act through the service, which checks
the right. A note left empty is refused here with a sentence, before anything is asked.
"""

from __future__ import annotations

from hardware.receipt.formatting import local_time_text
from pos.services.attention_items import AttentionItem
from pos.ui.dialogs import attention_texts as texts
from pos.ui.i18n import Retranslating
from pos.ui.qt import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)


class AttentionPanel(Retranslating, QFrame):
    requeue_asked = Signal(object)  # AttentionItem
    set_aside_asked = Signal(object, str)  # AttentionItem, note

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attentionPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.item: AttentionItem | None = None
        self.title = QLabel(self)
        self.title.setObjectName("attentionWhat")
        self.title.setStyleSheet("font-weight: bold;")
        self.reason = self._label("attentionReason")
        self.details = self._label("attentionDetails")
        self.set_aside_note = self._label("attentionSetAside")
        self.note = QLineEdit(self)
        self.note.setObjectName("attentionNote")
        self.note.setMaxLength(500)
        self.requeue_button = QPushButton(self)
        self.requeue_button.setObjectName("requeueButton")
        self.set_aside_button = QPushButton(self)
        self.set_aside_button.setObjectName("setAsideButton")
        self.message = self._label("attentionMessage")
        self.message.setStyleSheet("color: #b00020;")
        self.requeue_button.clicked.connect(self._requeue)
        self.set_aside_button.clicked.connect(self._set_aside)
        self.note.returnPressed.connect(self._set_aside)
        actions = QHBoxLayout()
        actions.addWidget(self.note, 1)
        actions.addWidget(self.set_aside_button)
        actions.addWidget(self.requeue_button)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.reason, self.details, self.set_aside_note):
            layout.addWidget(widget)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        self.retranslate_ui()
        self.show_item(None)

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    def retranslate_ui(self) -> None:
        self.requeue_button.setText(self.tr("Send again"))
        self.set_aside_button.setText(self.tr("Set aside with this note"))
        self.note.setPlaceholderText(self.tr("Note: why it is set aside (required)"))
        self.show_item(self.item)

    def show_item(self, item: AttentionItem | None) -> None:
        self.item = item
        self.message.clear()
        if item is None:
            self.title.setText(self.tr("Select a line to see what to do."))
            for label in (self.reason, self.details, self.set_aside_note):
                label.clear()
        else:
            self.title.setText(texts.what(item))
            self.reason.setText(texts.reason(item))
            self.details.setText(self._details(item))
            self.set_aside_note.setText(texts.set_aside_line(item))
        self.set_aside_note.setVisible(bool(self.set_aside_note.text()))
        self.requeue_button.setEnabled(item is not None and item.can_requeue)
        can_set_aside = item is not None and item.can_set_aside
        self.set_aside_button.setEnabled(can_set_aside)
        self.note.setEnabled(can_set_aside)

    def _details(self, item: AttentionItem) -> str:
        parts = [texts.kind(item.kind), texts.state(item.state)]
        if "seq" in item.facts:
            parts.append(self.tr("no. %1 in the queue").replace("%1", str(item.facts["seq"])))
        parts.append(
            self.tr("since %1 (%2)")
            .replace("%1", local_time_text(item.since))
            .replace("%2", texts.age(item.since))
        )
        if item.attempts:
            parts.append(self.tr("tries: %1").replace("%1", str(item.attempts)))
        if item.code:
            parts.append(item.code)
        return " · ".join(parts) + "\n" + item.key

    def say(self, text: str) -> None:
        self.message.setText(text)

    def set_busy(self, busy: bool) -> None:
        if busy:
            for widget in (self.requeue_button, self.set_aside_button):
                widget.setEnabled(False)
        else:
            self.show_item(self.item)

    def _requeue(self) -> None:
        if self.item is not None and self.item.can_requeue:
            self.requeue_asked.emit(self.item)

    def _set_aside(self) -> None:
        if self.item is None or not self.item.can_set_aside:
            return
        note = " ".join(self.note.text().split())
        if not note:
            self.say(self.tr("Write a note saying why it is set aside: it is kept with it."))
            self.note.setFocus()
            return
        self.set_aside_asked.emit(self.item, note)
