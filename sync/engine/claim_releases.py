"""Sending the return claim releases the till queued (``pos.store.claim_releases``).

A release is idempotent centrally, so it is simply sent again until central answers:
released, a claim it does not know (never recorded, or already released after its hold)
or one already consumed by its pushed ticket all mean there is nothing left to give back.
A platform without returns (``not_supported``: Medusa without the plugin) cannot have
recorded the claim either. Any other refusal keeps the release with its reason; an
unreachable central stops the round's releases (the push would fail the same way).
"""

from __future__ import annotations

import sqlite3

from pos.store import claim_releases
from sync.contract.returns import CLAIM_CONSUMED, NOT_FOUND, NOT_SUPPORTED
from sync.engine.owed_call import send
from sync.ports import ClaimReleasing

#: Central's refusals that mean the claim holds nothing any more.
SETTLED = frozenset({NOT_FOUND, CLAIM_CONSUMED, NOT_SUPPORTED})


def release(conn: sqlite3.Connection, calls: ClaimReleasing, return_id: str) -> bool:
    """Send one queued release; True once central has settled it (the row is gone).
    ``CentralUnavailable`` and ``NotAuthorised`` go up (the release stays queued)."""
    return send(
        lambda: calls.release_return(return_id),
        SETTLED,
        lambda code, message: claim_releases.failed(conn, return_id, message, code),
        lambda: claim_releases.released(conn, return_id),
    )


def release_due(conn: sqlite3.Connection, calls: ClaimReleasing) -> int:
    """Send every queued release; how many central settled."""
    return sum(release(conn, calls, return_id) for return_id in claim_releases.due(conn))
