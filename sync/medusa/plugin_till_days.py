"""A till day's records (``till_session_opened``, ``cash_movement``, ``till_session_closed``),
managers' approvals (``approval``) and till acts (``sale_cancelled``, ``drawer_opened``) as
the payload of Comptoir's Medusa plugin.

The plugin keeps each terminal's sessions, cash movements and Z reports in Medusa's
database, as the reference server keeps them, and serves them at
``GET /admin/comptoir/terminals/{terminal_id}/sessions``; the approvals (append-only,
refused when the approver is not a manager or admin in its staff) at ``.../approvals``,
each with the records that used it; the cancelled sales and drawer openings at
``.../till-acts``. Nothing in these records names a Medusa object, so the payload goes
as the till wrote it; the adapter only checks it against the contract's model first, so
a malformed record is refused by name here rather than filed half-read there.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from sync.contract import INVALID_PAYLOAD, PAYLOAD_MODELS
from sync.medusa.plugin_push import PayloadRefused
from sync.ports import OperationOutcome, OutgoingOperation

TILL_DAY_KINDS = frozenset({"till_session_opened", "cash_movement", "till_session_closed"})
APPROVAL = "approval"
TILL_ACT_KINDS = frozenset({"sale_cancelled", "drawer_opened"})
#: Every kind this module translates (and parks, without a plugin that keeps it).
KEPT_KINDS = TILL_DAY_KINDS | TILL_ACT_KINDS | {APPROVAL}


def translate_till_day(op: OutgoingOperation) -> dict[str, Any]:
    """The ``Translator`` of the till-day kinds, approvals and till acts: the payload,
    checked, unchanged."""
    try:
        PAYLOAD_MODELS[op.kind].model_validate_json(op.payload_json)
    except ValidationError as exc:
        first = exc.errors(include_url=False, include_input=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        raise PayloadRefused(INVALID_PAYLOAD, f"{where}: {first['msg']}") from None
    payload: dict[str, Any] = json.loads(op.payload_json)
    return payload


def not_kept_here(op: OutgoingOperation) -> OperationOutcome:
    """Without the plugin (or with one too old to keep this kind): refused by name, so
    the till sets the record aside and lists it, to re-queue once the plugin is installed."""
    if op.kind == APPROVAL:
        what, keeping = "managers' approvals", "approvals"
    elif op.kind in TILL_ACT_KINDS:
        what, keeping = "cancelled sales, drawer openings", "till acts"
    else:
        what, keeping = "till sessions, cash movements, Z reports", "till sessions"
    return OperationOutcome(
        op.op_id,
        "rejected",
        code="not_supported",
        reason=(
            f"{op.kind} operations ({what}) are not supported by this backend yet: this "
            f"Medusa has no Comptoir plugin keeping {keeping} (install or update it). They "
            "stay recorded at the till; re-queue them once it does."
        ),
    )
