"""Each store's staff, set by the operator and served to its tills by the ``staff``
feed, and the managers' approvals the tills push.

A PIN arrives in clear only in the operator's request and is hashed at once (argon2id,
``sync.contract.pins``); the table and the feed hold the hash. Deactivating a member is
an update (``active: false``) that the feed carries, so a till refuses the member even
offline once it has pulled it.
"""

from __future__ import annotations

import json
import sqlite3

from sync.central.db import Database, next_change_seqs, utc_now
from sync.central.errors import ApiError, not_found
from sync.contract.pins import hash_pin
from sync.contract.staff import ApprovalList, ApprovalPayload, StaffItem, StaffUpsert

_ITEM = (
    "SELECT json_object('id', id, 'display_name', display_name, 'role', role, "
    "'pin_hash', pin_hash, 'badge', badge, 'language', language, "
    "'active', json(CASE active WHEN 1 THEN 'true' ELSE 'false' END), 'version', change_seq) "
    "FROM staff WHERE store_id = ? AND id = ?"
)
FEED_QUERY = (
    "SELECT change_seq, CAST(json_object('id', id, 'display_name', display_name, 'role', role, "
    "'pin_hash', pin_hash, 'badge', badge, 'language', language, "
    "'active', json(CASE active WHEN 1 THEN 'true' ELSE 'false' END), 'version', change_seq) "
    "AS BLOB) FROM staff WHERE store_id = ? AND change_seq > ? ORDER BY change_seq LIMIT ?"
)


def put_staff(
    db: Database, store_id: str, staff_id: str, body: StaffUpsert
) -> tuple[StaffItem, bool]:
    """Create or replace one member; (the member as served, created?)."""
    pin_hash = hash_pin(body.pin) if body.pin is not None else None  # before the write lock
    with db.write() as conn:
        if conn.execute("SELECT 1 FROM stores WHERE id = ?", (store_id,)).fetchone() is None:
            raise not_found(f"There is no store {store_id!r}.")
        row = conn.execute(
            "SELECT pin_hash FROM staff WHERE store_id = ? AND id = ?", (store_id, staff_id)
        ).fetchone()
        if row is None and pin_hash is None:
            raise ApiError(400, "bad_request", "A new staff member needs a PIN (4 to 8 digits).")
        _check_badge(conn, store_id, staff_id, body.badge)
        conn.execute(
            "INSERT INTO staff (store_id, id, display_name, role, pin_hash, badge, language, "
            "active, change_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (store_id, id) DO UPDATE SET display_name = excluded.display_name, "
            "role = excluded.role, pin_hash = excluded.pin_hash, badge = excluded.badge, "
            "language = excluded.language, active = excluded.active, "
            "change_seq = excluded.change_seq",
            (store_id, staff_id, body.display_name, body.role, pin_hash or row[0], body.badge,
             body.language, int(body.active), next_change_seqs(conn, 1)),
        )  # fmt: skip
        item = conn.execute(_ITEM, (store_id, staff_id)).fetchone()[0]
    return StaffItem.model_validate_json(item), row is None


def _check_badge(conn: sqlite3.Connection, store_id: str, staff_id: str, badge: str | None) -> None:
    if badge is None:
        return
    other = conn.execute(
        "SELECT id FROM staff WHERE store_id = ? AND badge = ? AND id <> ?",
        (store_id, badge, staff_id),
    ).fetchone()
    if other is not None:
        raise ApiError(409, "conflict", f"This badge is already {other[0]!r}'s.")


def approval_row(op_id: str, store_id: str, payload: ApprovalPayload, raw: dict) -> tuple:
    """The ``approvals`` row of an accepted approval (the push's idempotency is op_id's)."""
    return (
        op_id, store_id, payload.terminal_id, payload.right, payload.asked_by,
        payload.approved_by, payload.amount_cents, payload.at,
        json.dumps(raw, sort_keys=True, ensure_ascii=False), utc_now(),
    )  # fmt: skip


INSERT_APPROVAL = (
    "INSERT INTO approvals (op_id, store_id, terminal_id, right_name, asked_by, approved_by, "
    "amount_cents, at, payload, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def approvals(db: Database, store_id: str) -> ApprovalList:
    """A store's approvals as pushed, oldest first (the operator's audit)."""
    with db.read() as conn:
        rows = conn.execute(
            "SELECT payload FROM approvals WHERE store_id = ? ORDER BY recorded_at, op_id",
            (store_id,),
        ).fetchall()
    return ApprovalList.model_validate({"approvals": [json.loads(row[0]) for row in rows]})
