"""The terminal's signed chains in Medusa, through Comptoir's plugin: its keys registered
at link time, and the entries of every chain but tickets (``chain_entry`` operations).

A sale's own ticket entry rides on its ``sale`` (``plugin_sales.py``: the seal, kept on
the order's metadata). The plugin checks each entry's signature against the keys this
terminal registered (``register_keys``), keeps the entry, and answers the same warnings
as the reference server's witness (``bad_signature``, ``unknown_key``, ``chain_break``,
``chain_rewrite``). A Medusa without the plugin keeps none of it: the entries are set
aside at the till with the reason, as other till records are.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from sync.contract import INVALID_PAYLOAD
from sync.contract.chains import ChainEntryPayload, TerminalKey
from sync.medusa.http import MedusaHttp
from sync.medusa.plugin_push import PayloadRefused
from sync.ports import CentralRejected, OperationOutcome, OutgoingOperation

CHAIN_ENTRY = "chain_entry"
KEYS_PATH = "/admin/comptoir/terminals/{terminal}/keys"


def translate_chain_entry(op: OutgoingOperation) -> dict[str, Any]:
    """The ``Translator`` of ``chain_entry``: the entry, checked, exactly as signed."""
    try:
        ChainEntryPayload.model_validate_json(op.payload_json)
    except ValidationError as exc:
        first = exc.errors(include_url=False, include_input=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        raise PayloadRefused(INVALID_PAYLOAD, f"{where}: {first['msg']}") from None
    payload: dict[str, Any] = json.loads(op.payload_json)
    return payload


def not_witnessed_here(op: OutgoingOperation) -> OperationOutcome:
    """Without the plugin (or with one too old to witness chains): refused by name, so
    the till sets the entry aside and lists it; it stays signed in the till's chain."""
    return OperationOutcome(
        op.op_id,
        "rejected",
        code="not_supported",
        reason=(
            "chain_entry operations (the signed duplicate, closure, event and training "
            "chains) are not kept by this backend: this Medusa has no Comptoir plugin "
            "witnessing the till's chains (install or update it). The entries stay signed "
            "in the till's own chains; re-queue them once it does."
        ),
    )


def register_keys(http: MedusaHttp, terminal_id: str, keys: Sequence[dict[str, str]]) -> str:
    """Register the terminal's keys (each after the one that introduced it) with the
    plugin; the key id it acknowledged. A refusal is a ``CentralRejected`` naming why."""
    checked = [TerminalKey.model_validate(key).model_dump(mode="json") for key in keys]
    path = KEYS_PATH.format(terminal=terminal_id)
    answer = http.admin("POST", path, body={"keys": checked})
    acknowledged = answer.get("key_id")
    if not isinstance(acknowledged, str) or acknowledged != checked[-1]["key_id"]:
        raise CentralRejected(
            f"Comptoir's plugin answered {path} without acknowledging key "
            f"{checked[-1]['key_id']} (it said {acknowledged!r}).",
            code="bad_reply",
        )
    return acknowledged
