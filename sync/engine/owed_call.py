"""Sending one undo call the till owes central (a claim release, a credit note reversal)
and reading central's answer the same way for each.

The call is idempotent centrally, so it is sent again until central answers. Done: it
answered, or refused with one of the ``settled`` codes (nothing left to undo there).
Any other refusal is kept with its reason (``failed``) and the call stays queued; an
unreachable central or a refused token is kept too and goes up, ending the round (the
push would fail the same way).
"""

from __future__ import annotations

from collections.abc import Callable

from pos.store.credit_note_reversals import UNREACHABLE
from sync.ports import CentralRejected, CentralUnavailable, NotAuthorised


def send(
    call: Callable[[], object],
    settled: frozenset[str],
    failed: Callable[[str, str], None],
    done: Callable[[], None],
) -> bool:
    """Make ``call``; True once central has settled it (``done`` ran). ``failed(code,
    message)`` records a failure."""
    try:
        call()
    except CentralUnavailable as exc:
        failed(UNREACHABLE, exc.message)
        raise
    except CentralRejected as exc:
        if isinstance(exc, NotAuthorised) or exc.code not in settled:
            failed(exc.code or "refused", exc.message)
            if isinstance(exc, NotAuthorised):
                raise
            return False
    done()
    return True
