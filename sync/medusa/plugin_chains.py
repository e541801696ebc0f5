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

import dataclasses
import json
from collections import defaultdict
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from pydantic import ValidationError

from sync.contract import INVALID_PAYLOAD
from sync.contract.chains import ChainEntryPayload, TerminalKey
from sync.medusa.http import MedusaHttp
from sync.medusa.plugin_push import PayloadRefused
from sync.ports import CentralRejected, OperationOutcome, OutgoingOperation

CHAIN_ENTRY = "chain_entry"
KEYS_PATH = "/admin/comptoir/terminals/{terminal}/keys"
BREAKS_PATH = "/admin/comptoir/terminals/{terminal}/chains/breaks"
CHAIN_BREAK = "chain_break"


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
    path = KEYS_PATH.format(terminal=quote(terminal_id, safe=""))
    answer = http.admin("POST", path, body={"keys": checked})
    acknowledged = answer.get("key_id")
    if not isinstance(acknowledged, str) or acknowledged != checked[-1]["key_id"]:
        raise CentralRejected(
            f"Comptoir's plugin answered {path} without acknowledging key "
            f"{checked[-1]['key_id']} (it said {acknowledged!r}).",
            code="bad_reply",
        )
    return acknowledged


def ticket_breaks(
    http: MedusaHttp,
    operations: Sequence[OutgoingOperation],
    outcomes: list[OperationOutcome],
) -> list[OperationOutcome]:
    """The outcomes, each sale that follows a gap in its terminal's ticket chain warned
    ``chain_break``. Asked once the whole push is applied: the plugin witnesses a batch's
    sales side by side, so only then does a missing predecessor mean one never came."""
    seqs: dict[str, dict[int, int]] = defaultdict(dict)  # terminal -> seq -> index
    for index, (op, outcome) in enumerate(zip(operations, outcomes, strict=True)):
        if op.kind != "sale" or outcome.status not in ("accepted", "duplicate"):
            continue
        seal = json.loads(op.payload_json).get("seal")
        if isinstance(seal, dict) and seal.get("chain") == "ticket":
            seqs[str(seal["terminal_id"])][int(seal["seq"])] = index
    found = list(outcomes)
    for terminal, indexes in seqs.items():
        path = BREAKS_PATH.format(terminal=quote(terminal, safe=""))
        ordered = sorted(indexes)
        for start in range(0, len(ordered), 1000):
            body = {"chain": "ticket", "seqs": ordered[start : start + 1000]}
            for seq in http.admin("POST", path, body=body).get("breaks") or ():
                index = indexes.get(seq) if isinstance(seq, int) else None
                if index is not None and CHAIN_BREAK not in found[index].warnings:
                    outcome = found[index]
                    warnings = (*outcome.warnings, CHAIN_BREAK)
                    found[index] = dataclasses.replace(outcome, warnings=warnings)
    return found
