"""A screen's message line that keeps its language: a message given as how to word it
(a callable) is worded again when the language changes, so a cashier signing in in
English does not read the last refusal in French."""

from __future__ import annotations

from collections.abc import Callable

from pos.ui.i18n import is_language_change
from pos.ui.qt import QEvent, QLabel

Message = str | Callable[[], str]


class MessageLine(QLabel):
    _source: Callable[[], str] | None = None

    def say(self, message: Message) -> None:
        """``message``: a sentence as it is, or a callable that words it in the current
        language (then it follows a language change)."""
        self._source = message if callable(message) else None
        self.setText(message() if callable(message) else message)

    def clear(self) -> None:
        self._source = None
        super().clear()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event) and self._source is not None:
            self.setText(self._source())
        super().changeEvent(event)
