"""Medusa as the central witness of a till's signed chains (issue 13), through Comptoir's
plugin: ``link-medusa`` registers the terminal's key; each pushed sale carries its ticket
entry's seal (kept on the order) and every other chain's entries come as ``chain_entry``
operations; the plugin checks each signature against the registered key and each entry
against the ones it witnessed before, and answers the reference server's warnings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pos.cli import run_sync
from pos.domain.chain_entry import EVENT, TICKET, ChainEntry
from pos.domain.tenders import TenderKind
from pos.services.central_link import medusa_settings
from pos.services.checkout import Checkout
from pos.services.terminal_keys import terminal_keys
from pos.store import chains, events
from pos.store.chains import push_payload
from pos.store.local_store import LocalStore
from pos.store.sale_codec import canonical_json
from pos.store.signing_key import SigningKey
from sync.medusa import MedusaBackend
from sync.ports import OutgoingOperation
from tests.medusa.helpers import NoPluginTransport, linked_till, orders_of_sale
from tests.medusa.seed import MedusaAdmin, Seed
from tests.support.staff import a_cashier

pytestmark = pytest.mark.medusa

EAN = "3017620422003"  # a seeded product (CAFE-250)


def sell(till: Path, terminal: str) -> str:
    """One sale rung up at the till (not pushed): its sale id."""
    with LocalStore(till / "store.db") as store:
        checkout = Checkout(store, terminal_id=terminal, actor=a_cashier("Alice"))
        checkout.scan(EAN)
        checkout.add_tender(TenderKind.CARD, checkout.totals().total_cents)
        return checkout.complete().sale_id


def outbox_op(till: Path, op_id: str) -> OutgoingOperation:
    with LocalStore(till / "store.db") as store:
        row = store.conn.execute(
            "SELECT op_id, seq, kind, payload FROM outbox WHERE op_id = ?", (op_id,)
        ).fetchone()
    return OutgoingOperation(*row)


def witnessed(admin: MedusaAdmin, terminal: str, **params: Any) -> dict[str, Any]:
    return admin.get(f"/admin/comptoir/terminals/{terminal}/chains", **params)


def backend_of(till: Path, terminal: str) -> MedusaBackend:
    return MedusaBackend(medusa_settings(till), terminal_id=terminal)


def test_a_linked_till_registers_its_key_and_medusa_witnesses_its_sales(
    seed: Seed, admin: MedusaAdmin, tmp_path: Path
) -> None:
    terminal = "TCH-SELL"
    till = linked_till(seed, tmp_path, terminal)
    with LocalStore(till / "store.db") as store:
        key = store.signing_key()
        assert store.setting("registered_key_id") == key.key_id  # acknowledged by the plugin
        first, new = terminal_keys(store)  # the key made at link time, introduced
        assert (new["key_id"], new["introduced_by"]) == (key.key_id, first["key_id"])
        assert "key_changed" in [e.kind for e in chains.entries(store.conn, EVENT)]
    assert run_sync(till) == 0  # the catalog pulled, the key change (a JET entry) pushed
    sales = [sell(till, terminal), sell(till, terminal)]

    assert run_sync(till) == 0

    with LocalStore(till / "store.db") as store:
        seals = [chains.by_ref(store.conn, sale, TICKET)[0] for sale in sales]
        assert store.conn.execute("SELECT count(*) FROM sync_warnings").fetchone()[0] == 0
    for sale, entry in zip(sales, seals, strict=True):
        [order] = orders_of_sale(admin, sale)
        seal = order["metadata"]["comptoir_seal"]  # the fiscal link, on the order
        assert seal["sig"] == entry.sig and (seal["seq"], seal["prev"]) == (entry.seq, entry.prev)
        assert "comptoir_journal" not in order["metadata"]
    view = witnessed(admin, terminal)
    assert {k["key_id"] for k in view["keys"]} == {first["key_id"], key.key_id}
    by_chain = {c["chain"]: c for c in view["chains"]}
    ticket = by_chain["ticket"]
    assert (ticket["witnessed"], ticket["last_seq"], ticket["last_sig"]) == (
        2, seals[1].seq, seals[1].sig
    )  # fmt: skip
    assert ticket["gaps"] == [] and by_chain["event"]["witnessed"] >= 1
    assert view["flags"] == []


def test_a_forged_signature_or_an_edited_sale_is_flagged_bad_signature(
    seed: Seed, admin: MedusaAdmin, tmp_path: Path
) -> None:
    terminal = "TCH-FORGE"
    till = linked_till(seed, tmp_path, terminal)
    assert run_sync(till) == 0
    sales = [sell(till, terminal) for _ in range(4)]
    genuine, forged, edited, training = (outbox_op(till, sale) for sale in sales)
    # Signed by a key of the attacker's, naming the registered key.
    payload = json.loads(forged.payload_json)
    seal = payload["seal"]
    entry = ChainEntry(**{**seal, "body": canonical_json(payload["sale"])})
    payload["seal"]["sig"] = SigningKey.generate().sign(entry.signed_bytes())
    forged = OutgoingOperation(forged.op_id, forged.seq, "sale", canonical_json(payload))
    # The figures edited after signing, the seal left as it was.
    payload = json.loads(edited.payload_json)
    payload["sale"]["cashier"] = "Mallory"
    edited = OutgoingOperation(edited.op_id, edited.seq, "sale", canonical_json(payload))

    # A sale passed off as a training one (outside the fiscal record): never an order.
    payload = json.loads(training.payload_json)
    payload["seal"]["chain"] = "training"
    training = OutgoingOperation(training.op_id, training.seq, "sale", canonical_json(payload))

    with backend_of(till, terminal) as backend:
        outcomes = backend.push([genuine, forged, edited, training])

    assert [(o.status, o.warnings) for o in outcomes[:3]] == [
        ("accepted", ()),
        ("accepted", ("bad_signature",)),  # the money was taken: recorded, flagged
        ("accepted", ("bad_signature",)),
    ]
    assert (outcomes[3].status, outcomes[3].code) == ("rejected", "invalid_payload")
    assert orders_of_sale(admin, training.op_id) == []
    seqs = [json.loads(op.payload_json)["seal"]["seq"] for op in (forged, edited)]
    flags = [(f["chain"], f["seq"], f["kind"]) for f in witnessed(admin, terminal)["flags"]]
    assert flags == [("ticket", seqs[0], "bad_signature"), ("ticket", seqs[1], "bad_signature")]


def test_a_sale_whose_predecessor_never_came_is_a_chain_break(
    seed: Seed, admin: MedusaAdmin, tmp_path: Path
) -> None:
    """A sale's op dropped from the outbox (its entry kept in the chain): the next one is
    flagged once the push is applied, though sales are witnessed side by side."""
    terminal = "TCH-GAP"
    till = linked_till(seed, tmp_path, terminal)
    assert run_sync(till) == 0
    first, _dropped, third, fourth = (outbox_op(till, sell(till, terminal)) for _ in range(4))

    with backend_of(till, terminal) as backend:
        outcomes = backend.push([first, third, fourth])

    assert [(o.status, o.warnings) for o in outcomes] == [
        ("accepted", ()),
        ("accepted", ("chain_break",)),
        ("accepted", ()),
    ]
    seq = json.loads(third.payload_json)["seal"]["seq"]
    view = witnessed(admin, terminal)
    assert [(f["chain"], f["seq"], f["kind"]) for f in view["flags"]] == [
        ("ticket", seq, "chain_break")
    ]
    [ticket] = [c for c in view["chains"] if c["chain"] == "ticket"]
    assert ticket["gaps"] == [[seq - 1, seq - 1]]


def test_event_entries_are_kept_and_a_rewrite_a_gap_or_a_stranger_key_are_flagged(
    seed: Seed, admin: MedusaAdmin, tmp_path: Path
) -> None:
    terminal = "TCH-JET"
    till = linked_till(seed, tmp_path, terminal)
    with LocalStore(till / "store.db") as store:
        key = store.signing_key()
        drawer = events.record(
            store.conn, key, "drawer_opened", {"reason": "change"}, terminal_id=terminal
        )
    assert run_sync(till) == 0  # key_changed and drawer_opened pushed

    kept = witnessed(admin, terminal, chain=EVENT)["entries"]
    assert [(e["kind"], e["verdict"]) for e in kept][-2:] == [
        ("key_changed", "witnessed"),
        ("drawer_opened", "witnessed"),
    ]
    assert (kept[-1]["seq"], kept[-1]["body"], kept[-1]["sig"]) == (
        drawer.seq,
        drawer.body,
        drawer.sig,
    )  # kept whole

    # The till's own key re-signs the drawer's entry with another body (a rebuilt chain),
    # then skips one; a key nobody registered signs the next.
    rewrite = ChainEntry(**{**_fields(drawer), "body": '{"actor":"","detail":{}}', "sig": ""})
    rewrite = rewrite.signed(key.sign(rewrite.signed_bytes()))
    gap = ChainEntry(**{**_fields(drawer), "seq": drawer.seq + 2, "prev": drawer.sig, "sig": ""})
    gap = gap.signed(key.sign(gap.signed_bytes()))
    stranger_key = SigningKey.generate()
    stranger = ChainEntry(
        **{**_fields(drawer), "seq": drawer.seq + 3, "key_id": stranger_key.key_id}
    )
    stranger = stranger.signed(stranger_key.sign(stranger.signed_bytes()))
    ops = [
        OutgoingOperation(
            f"chain:{terminal}:event:{e.seq}-forged", 100 + e.seq, "chain_entry", push_payload(e)
        )
        for e in (rewrite, gap, stranger)
    ]
    with backend_of(till, terminal) as backend:
        outcomes = backend.push(ops)

    assert [(o.status, o.warnings) for o in outcomes] == [
        ("accepted", ("chain_rewrite",)),
        ("accepted", ("chain_break",)),
        ("accepted", ("unknown_key",)),
    ]
    view = witnessed(admin, terminal, chain=EVENT)
    n = drawer.seq
    assert [(f["seq"], f["kind"]) for f in view["flags"]] == [
        (n, "chain_rewrite"), (n + 2, "chain_break"), (n + 3, "unknown_key")
    ]  # fmt: skip
    [event] = [c for c in view["chains"] if c["chain"] == EVENT]
    assert (event["last_seq"], event["gaps"]) == (n + 2, [[n + 1, n + 1]])
    first_kept = next(e for e in view["entries"] if e["seq"] == n)
    assert first_kept["body"] == drawer.body  # the first one stays


def test_a_terminal_rebuilt_with_a_fresh_key_is_flagged_chain_rewrite(
    seed: Seed, admin: MedusaAdmin, tmp_path: Path
) -> None:
    """The whole till rebuilt consistently (a fresh data folder, a fresh key, linked again
    under the same terminal id): every entry it signs again is caught by the witness."""
    terminal = "TCH-AGAIN"
    for root in ("a", "b"):
        (tmp_path / root).mkdir()
    first = linked_till(seed, tmp_path / "a", terminal)
    assert run_sync(first) == 0
    sell(first, terminal)
    assert run_sync(first) == 0
    rebuilt = linked_till(seed, tmp_path / "b", terminal)
    assert run_sync(rebuilt) == 0
    sale = sell(rebuilt, terminal)

    assert run_sync(rebuilt) == 0  # recorded (the money was taken), flagged

    with LocalStore(rebuilt / "store.db") as store:
        warned = store.conn.execute("SELECT op_id, code FROM sync_warnings").fetchall()
    assert (sale, "chain_rewrite") in warned  # ticket 1 again, another signature
    assert (f"chain:{terminal}:event:1", "chain_rewrite") in warned  # not op_id_reused
    view = witnessed(admin, terminal)
    assert [k["replaced_root"] for k in view["keys"]].count(True) == 1
    assert {(f["chain"], f["seq"], f["kind"]) for f in view["flags"]} >= {
        ("ticket", 1, "chain_rewrite"), ("event", 1, "chain_rewrite")
    }  # fmt: skip


def test_without_the_plugin_a_chain_entry_is_set_aside_saying_why(
    make_backend, tmp_path: Path
) -> None:
    entry = ChainEntry("TCH-BARE", EVENT, 1, "app_started", "", "2026-12-06T10:00:00.000Z",
                       "", "GENESIS", '{"actor":"","detail":{}}')  # fmt: skip
    key = SigningKey.generate()
    entry = ChainEntry(**{**_fields(entry), "key_id": key.key_id})
    entry = entry.signed(key.sign(entry.signed_bytes()))
    op = OutgoingOperation("chain:TCH-BARE:event:1", 1, "chain_entry", push_payload(entry))

    [outcome] = make_backend(transport=NoPluginTransport()).push([op])

    assert (outcome.status, outcome.code) == ("rejected", "not_supported")
    assert "no Comptoir plugin witnessing the till's chains" in outcome.reason


def _fields(entry: ChainEntry) -> dict[str, Any]:
    return {name: getattr(entry, name) for name in ChainEntry.__slots__}
