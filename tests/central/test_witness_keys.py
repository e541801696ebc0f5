"""Terminal keys at enrolment, and ``chain_entry`` operations witnessed against them."""

from __future__ import annotations

import json
from itertools import count

from pos.domain.chain_entry import GENESIS, ChainEntry, key_introduction_bytes
from pos.store.signing_key import SigningKey
from tests.central.conftest import LYON, push
from tests.support.central_server import CentralServer

_TERMINALS = count(1)


def _key(key: SigningKey, introduced_by: SigningKey | None = None) -> dict[str, str]:
    fields = {"key_id": key.key_id, "public_pem": key.public_pem}
    if introduced_by is not None:
        fields["introduced_by"] = introduced_by.key_id
        fields["introduction"] = introduced_by.sign(
            key_introduction_bytes(key.key_id, key.public_pem)
        )
    return fields


def _event(key: SigningKey, terminal_id: str, seq: int, prev: str, detail: str) -> dict:
    body = json.dumps({"actor": "", "detail": {"what": detail}}, separators=(",", ":"))
    entry = ChainEntry(terminal_id, "event", seq, "app_started", "", "2026-01-05T08:00:00.000Z",
                       key.key_id, prev, body)  # fmt: skip
    entry = entry.signed(key.sign(entry.signed_bytes()))
    record = {name: getattr(entry, name) for name in ChainEntry.__slots__}
    op_id = f"chain:{terminal_id}:event:{seq}"
    return {"op_id": op_id, "seq": seq, "kind": "chain_entry", "payload": {"entry": record}}


def test_a_new_key_is_accepted_when_introduced_else_flagged_key_replaced(
    central: CentralServer,
) -> None:
    terminal_id = f"K{next(_TERMINALS)}"
    first, second, stranger = SigningKey.generate(), SigningKey.generate(), SigningKey.generate()
    central.enrol(LYON, terminal_id, terminal_key=_key(first))
    central.enrol(LYON, terminal_id, terminal_key=_key(second, introduced_by=first))
    assert central.witness(LYON, terminal_id)["flags"] == []
    central.enrol(LYON, terminal_id, terminal_key=_key(stranger))  # the code alone
    keys = central.terminal_keys(LYON, terminal_id)
    assert [(k["key_id"], k["accepted_by"]) for k in keys] == [
        (first.key_id, "enrolment"), (second.key_id, "introduced"),
        (stranger.key_id, "enrolment"),
    ]  # fmt: skip
    assert [f["kind"] for f in central.witness(LYON, terminal_id)["flags"]] == ["key_replaced"]


def test_a_key_whose_id_is_not_its_own_is_refused(central: CentralServer) -> None:
    key = SigningKey.generate()
    with central.client() as client:
        reply = client.post("/v1/enrolments", json={
            "store_id": LYON, "terminal_id": "K99", "enrolment_code": f"demo-{LYON}",
            "terminal_key": {"key_id": "0" * 16, "public_pem": key.public_pem},
        })  # fmt: skip
    assert reply.status_code == 400


def test_a_chain_entry_resent_with_another_entry_is_a_chain_rewrite(
    central: CentralServer,
) -> None:
    terminal_id = f"K{next(_TERMINALS)}"
    key = SigningKey.generate()
    with central.client(central.enrol(LYON, terminal_id, terminal_key=_key(key))) as client:
        first = _event(key, terminal_id, 1, GENESIS, "morning")
        [accepted] = push(client, LYON, terminal_id, [first])
        assert (accepted["status"], accepted["warnings"]) == ("accepted", [])
        [again] = push(client, LYON, terminal_id, [first])
        assert (again["status"], again["warnings"]) == ("duplicate", [])
        # The same op id (same seq), signed over another body: not a silent duplicate.
        [rewritten] = push(client, LYON, terminal_id, [_event(key, terminal_id, 1, GENESIS, "x")])
        assert (rewritten["status"], rewritten["warnings"]) == ("accepted", ["chain_rewrite"])
    witness = central.witness(LYON, terminal_id)
    assert [(f["kind"], f["chain"], f["seq"]) for f in witness["flags"]] == [
        ("chain_rewrite", "event", 1)
    ]
    [head] = witness["heads"]
    assert (head["chain"], head["head_seq"], head["head_sig"]) == (
        "event", 1, first["payload"]["entry"]["sig"]
    )  # fmt: skip
