"""The till worker's idle moment: ``Checkout.idle`` once its queue of requests is empty.

A scan's request ends by showing the basket (``TillWorker._changed``), which asks for an
idle moment: a zero-delay single shot on the worker's thread, queued behind the requests
already waiting (a wedge burst runs all its scans first). There the collector's passes
and the pricing memos' trims run between two scans, never inside one
(``pos.services.checkout_idle``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pos.ui.qt import QTimer

if TYPE_CHECKING:
    from pos.services.checkout import Checkout


class IdleRequests:
    """A mixin of ``TillWorker`` (a QObject living on the worker's thread)."""

    _checkout: Checkout | None
    _idle_asked = False

    def _idle_soon(self) -> None:
        """One idle moment after the requests queued now, however many ask for it."""
        if not self._idle_asked:
            self._idle_asked = True
            QTimer.singleShot(0, self, self._idle)  # type: ignore[call-overload]

    def _idle(self) -> None:
        self._idle_asked = False
        if self._checkout is not None:  # not closed meanwhile
            self._checkout.idle()
