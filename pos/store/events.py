"""The technical event journal (JET): one signed ``event`` chain entry per event.

Start and stop, sign-in and sign-out, session open and close, a cancelled sale with its
lines, voided lines, price overrides and approvals, the drawer opened without a sale, the
clock changed or going back, a new software version, settings changed, sync failures,
printer errors, an archive made, a verification run: each is recorded here, in the
transaction of the act itself when there is one, so the act and its trace commit
together. ``detail`` is the event's own data (ids, amounts in cents, names); the entry
adds who and when.

``actor`` is ``{"staff_id", "name"}`` when someone is known (``fiscal_events.actor_ref``),
"" for an act of the terminal itself (start, stop, clock).
"""

from __future__ import annotations

import sqlite3

from pos.domain.chain_entry import EVENT, ChainEntry
from pos.store import chains
from pos.store.db import write_transaction
from pos.store.sale_codec import canonical_json, utc_now
from pos.store.signing_key import SigningKey


def record_in(
    conn: sqlite3.Connection,
    key: SigningKey,
    kind: str,
    detail: dict[str, object],
    *,
    terminal_id: str,
    actor: dict[str, str] | str = "",
    at: str | None = None,
    ref: str = "",
) -> ChainEntry:
    """Append the event inside the caller's write transaction."""
    body = canonical_json({"actor": actor, "detail": detail})
    return chains.append(
        conn,
        key,
        chain=EVENT,
        kind=kind,
        body=body,
        terminal_id=terminal_id,
        at=at or utc_now(),
        ref=ref,
    )


def record(
    conn: sqlite3.Connection,
    key: SigningKey,
    kind: str,
    detail: dict[str, object],
    *,
    terminal_id: str,
    actor: dict[str, str] | str = "",
    at: str | None = None,
    ref: str = "",
) -> ChainEntry:
    """Append the event in a write transaction of its own (an event with no act)."""
    with write_transaction(conn):
        return record_in(
            conn, key, kind, detail, terminal_id=terminal_id, actor=actor, at=at, ref=ref
        )
