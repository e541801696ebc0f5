"""Issue 13, part C, through the real services on a real store file: each reprint is a
numbered, signed copy in the duplicates chain before it prints; every ticket prints its
fiscal footer; training mode keeps its sales out of the fiscal record, in its own chain."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from hardware.printer.connections import PrinterConfig, PrinterDevice
from pos.domain.chain_entry import signature_excerpt
from pos.domain.errors import PosError
from pos.domain.rights import Actor, RightRefused, Role
from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout
from pos.services.receipts import ReceiptHeader, duplicate_receipt, receipt_document
from pos.services.software import software_version
from pos.services.till_session import TillSessions
from pos.store import chains
from pos.store.local_store import LocalStore

INES = Actor("ines", "Inès", Role.MANAGER)
CAMILLE = Actor("camille", "Camille", Role.CASHIER)
FLOAT = {1000: 10, 200: 10}


def sell(checkout: Checkout, barcode: str, kind: TenderKind = TenderKind.CASH):
    checkout.scan(barcode)
    checkout.add_tender(kind, checkout.totals().total_cents)
    return checkout.complete()


def printed(tmp_path: Path, document, columns: int = 48) -> str:
    """The ESC/POS bytes a file printer writes, decoded as the printer reads them."""
    target = tmp_path / f"lp-{columns}.bin"
    config = PrinterConfig(kind="file", file_path=str(target), columns=columns, codepage="CP858")
    assert PrinterDevice(config).print_receipt(document).ok
    return target.read_bytes().decode("cp858")


@pytest.fixture
def barcodes(demo_items) -> list[str]:
    return [item.barcodes[0] for item in demo_items if item.sold_by == "unit"][:3]


def copy(store: LocalStore, sale, actor: Actor = CAMILLE):
    return duplicate_receipt(
        store, sale, ReceiptHeader(), actor=actor, terminal_id="T01", at="2026-11-25T10:00:00Z"
    )


def test_copies_are_numbered_per_ticket_and_signed_in_the_duplicates_chain(
    store: LocalStore, barcodes: list[str], tmp_path: Path
) -> None:
    checkout = Checkout(store, terminal_id="T01", actor=CAMILLE)
    first, second = sell(checkout, barcodes[0]), sell(checkout, barcodes[1])
    documents = [copy(store, sale) for sale in (first, first, second, first, second)]
    assert [(d.ticket_no, d.copy_no, d.copy_seq) for d in documents] == [
        (first.ticket_no, 1, 1), (first.ticket_no, 2, 2), (second.ticket_no, 1, 3),
        (first.ticket_no, 3, 4), (second.ticket_no, 2, 5),
    ]  # fmt: skip
    entries = list(chains.entries(store.conn, "duplicate"))
    assert [(e.ref, e.kind) for e in entries] == [
        (s.sale_id, "duplicate") for s in (first, first, second, first, second)
    ]
    assert json.loads(entries[3].body) == {
        "actor": {"name": "Camille", "staff_id": "camille"},
        "copy_no": 3,
        "terminal_id": "T01",
        "ticket_no": first.ticket_no,
        "ticket_seq": first.chain_seq,
    }
    assert chains.walk(store.conn, "duplicate").problem is None
    paper = printed(tmp_path, documents[3])
    assert paper.count("DUPLICATA n°3") == 2  # at the top and at the bottom
    assert paper.count("Duplicata enreg. n° 4") == 2
    assert f"N° d'enregistrement {first.chain_seq}" in paper  # the original's entry


@pytest.mark.parametrize("columns", [48, 32])
def test_every_ticket_prints_its_record_number_version_and_signature(
    store: LocalStore, barcodes: list[str], tmp_path: Path, columns: int
) -> None:
    sale = sell(Checkout(store, terminal_id="T01", actor=CAMILLE), barcodes[0])
    (entry,) = chains.by_ref(store.conn, sale.sale_id, "ticket")
    paper = printed(tmp_path, receipt_document(sale, ReceiptHeader()), columns)
    assert sale.chain_seq == entry.seq and software_version()
    lines = [line.split("\x1b")[0].rstrip() for line in paper.split("\n")]
    assert f"Signature {signature_excerpt(entry.sig)}" in lines
    assert "Caisse T01" in paper and "DUPLICATA" not in paper and "FORMATION" not in paper
    if columns == 48:
        facts = f"N° d'enregistrement {entry.seq}"
        version = f"Version {software_version()}"
        assert facts.ljust(48 - len(version)) + version in lines  # one line on 80 mm
    else:
        assert f"N° d'enregistrement {entry.seq}" in lines
        assert f"Version {software_version()}" in lines


def _figures(sessions: TillSessions):
    return dataclasses.replace(sessions.x_report(), at="")


def _counts(store: LocalStore) -> dict[str, object]:
    conn = store.conn
    return {
        table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("sales", "sale_lines", "stock_movements", "receipt_events")
    } | {
        "stock": conn.execute("SELECT * FROM stock ORDER BY product_id").fetchall(),
        "outbox": conn.execute("SELECT op_id, kind FROM outbox ORDER BY op_id").fetchall(),
        "counter": conn.execute("SELECT * FROM ticket_counters").fetchall(),
    }


def test_a_training_sale_stays_out_of_sales_stock_outbox_and_the_x(
    store: LocalStore, barcodes: list[str], tmp_path: Path
) -> None:
    sessions = TillSessions(store, terminal_id="T01")
    sessions.open(INES, FLOAT)
    checkout = Checkout(store, terminal_id="T01", actor=INES, session_gate=sessions)
    real = sell(checkout, barcodes[0])
    before, x_before = _counts(store), _figures(sessions)
    assert checkout.set_training(True) is True
    practice = [sell(checkout, barcodes[1]), sell(checkout, barcodes[2], TenderKind.CARD)]
    after = _counts(store)
    outbox_added = sorted(set(after.pop("outbox")) - set(before.pop("outbox")))
    assert after == before and _figures(sessions) == x_before
    assert [kind for _op, kind in outbox_added] == ["chain_entry"] * 3  # the JET + 2 practice
    assert not any(kind == "sale" for _op, kind in outbox_added)
    assert [(s.training, s.ticket_no) for s in practice] == [(True, 1), (True, 2)]
    entries = list(chains.entries(store.conn, "training"))
    assert [(e.kind, e.ref, e.seq) for e in entries] == [
        ("sale", practice[0].sale_id, 1), ("sale", practice[1].sale_id, 2),
    ]  # fmt: skip
    record = json.loads(entries[1].body)
    assert (record["ticket_no"], record["total_cents"]) == (2, practice[1].draft.total_cents)
    assert chains.walk(store.conn, "training").problem is None
    paper = printed(tmp_path, receipt_document(practice[0], ReceiptHeader()), 32)
    assert paper.count("FORMATION - SANS VALEUR FISCALE") == 2  # — folded for CP858
    assert copy(store, practice[0]).training  # printed again as practice, no copy entry
    assert list(chains.entries(store.conn, "duplicate")) == []
    events = [e.kind for e in chains.entries(store.conn, "event")]
    assert [kind for kind in events if kind.startswith("training")] == ["training_started"]

    assert checkout.set_training(False) is False
    assert sell(checkout, barcodes[1]).ticket_no == real.ticket_no + 1  # no gap, no reuse
    assert [e.kind for e in chains.entries(store.conn, "event")][-1] == "training_stopped"


def test_only_a_manager_switches_training_and_it_survives_a_restart(
    store: LocalStore, barcodes: list[str]
) -> None:
    cashier = Checkout(store, terminal_id="T01", actor=CAMILLE)
    with pytest.raises(RightRefused) as refused:
        cashier.set_training(True)
    assert refused.value.params == {"right": "training", "approvable": False}
    manager = Checkout(store, terminal_id="T01", actor=INES)
    manager.scan(barcodes[0])
    with pytest.raises(PosError) as open_sale:
        manager.set_training(True)  # the basket would turn into practice
    assert open_sale.value.code == "training_sale_open"
    manager.cancel()
    manager.set_training(True)
    manager.close()
    cashier.close()
    restarted = Checkout(store, terminal_id="T01", actor=CAMILLE)
    assert restarted.training and not Checkout(store, terminal_id="T02", actor=INES).training
    with pytest.raises(PosError) as parked:
        restarted.scan(barcodes[0]) and restarted.park()
    assert parked.value.code == "training_mode"
