"""The central witness, end to end: a real till enrols (its key registered and served),
sells and pushes to a real central server on 127.0.0.1; then its data is tampered with
the sqlite3 shell, the way someone holding the machine would, and central flags it.

Each test fails if the check it names is removed from ``sync/central/chain_witness.py``.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from itertools import count
from pathlib import Path

import pytest

from pos.services.central_link import enrol_terminal, read_link, sync_engine
from pos.store import chains, sync_attention
from pos.store.local_store import LocalStore
from pos.store.signing_key import FILE_NAME, SigningKey
from tests.support.central_server import CentralServer
from tests.sync.conftest import STORE
from tests.sync.sales_factory import make_sales
from tests.sync.terminals import Terminal

_TERMINALS = count(1)


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    """One server for the module (a few hundred products); each test its own terminal."""
    with CentralServer(tmp_path_factory.mktemp("central") / "central.db", products=300) as server:
        yield server


@pytest.fixture
def till(tmp_path: Path, central: CentralServer) -> Iterator[Terminal]:
    """A till enrolled through ``comptoir enrol``'s own service, its catalog pulled."""
    folder = tmp_path / "till"
    folder.mkdir()
    terminal_id = f"W{next(_TERMINALS)}"
    with LocalStore(folder / "store.db") as store:
        enrol_terminal(store, folder, central.url, STORE, terminal_id, f"demo-{STORE}")
        link = read_link(store)
    assert link is not None
    engine = sync_engine(folder, link, lambda _status: None)
    terminal = Terminal(folder / "store.db", engine)
    assert terminal.sync().state == "idle"
    yield terminal
    terminal.close()


def _terminal_id(till: Terminal) -> str:
    with till.store() as store:
        return store.setting("central_terminal_id")


def _sell(till: Terminal, n: int, seed: int) -> list[str]:
    return make_sales(till.path, n, seed=seed, terminal_id=_terminal_id(till))


def _shell(db: Path, sql: str) -> None:
    """The sqlite3 command-line shell, as an attacker would use it."""
    subprocess.run(["sqlite3", str(db), sql], check=True, capture_output=True, timeout=30)


def _warnings(till: Terminal) -> dict[str, list[str]]:
    with till.store() as store:
        found: dict[str, list[str]] = {}
        for w in sync_attention.warnings(store.conn):
            found.setdefault(w.op_id, []).append(w.code)
        return found


def _flags(central: CentralServer, terminal_id: str) -> list[tuple[str, str, int]]:
    witness = central.witness(STORE, terminal_id)
    return [(f["kind"], f["chain"], f["seq"]) for f in witness["flags"]]


def test_an_enrolled_till_is_witnessed_clean(till: Terminal, central: CentralServer) -> None:
    terminal_id = _terminal_id(till)
    with till.store() as store:
        key = store.signing_key()
        assert store.setting("registered_key_id") == key.key_id
        ticket_head_before = chains.head(store.conn, "ticket")
    [served] = central.terminal_keys(STORE, terminal_id)
    assert (served["key_id"], served["public_pem"]) == (key.key_id, key.public_pem)
    assert served["accepted_by"] == "enrolment" and ticket_head_before is None

    _sell(till, 5, seed=1)
    status = till.sync()
    assert (status.state, status.pending, status.rejected) == ("idle", 0, 0)
    assert _warnings(till) == {}
    with till.store() as store:
        ticket = chains.head(store.conn, "ticket")
        event = chains.head(store.conn, "event")  # the key_changed event of the enrolment
    assert ticket is not None and event is not None
    witness = central.witness(STORE, terminal_id)
    heads = {h["chain"]: (h["head_seq"], h["head_sig"]) for h in witness["heads"]}
    assert heads == {"ticket": (ticket.seq, ticket.sig), "event": (event.seq, event.sig)}
    assert (witness["keys"], witness["flags"]) == (1, [])


def test_a_ticket_chain_rolled_back_and_signed_again_is_a_chain_rewrite(
    till: Terminal, central: CentralServer
) -> None:
    _sell(till, 3, seed=2)
    assert till.sync().state == "idle"
    # The last ticket entry is deleted (triggers dropped): the next sale is signed, with
    # the same key, at the same number, over another sale.
    _shell(till.path, "DROP TRIGGER chain_entries_no_delete; DELETE FROM chain_entries "
           "WHERE chain = 'ticket' AND seq = (SELECT max(seq) FROM chain_entries "
           "WHERE chain = 'ticket');")  # fmt: skip
    [again] = _sell(till, 1, seed=3)
    assert till.sync().state == "idle"
    assert _warnings(till) == {again: ["chain_rewrite"]}
    assert _flags(central, _terminal_id(till)) == [("chain_rewrite", "ticket", 3)]


def test_a_chain_signed_with_a_fresh_key_is_an_unknown_key(
    till: Terminal, central: CentralServer
) -> None:
    _sell(till, 2, seed=4)
    assert till.sync().state == "idle"
    # Someone who rebuilds the record signs it with a key of their own.
    fresh = SigningKey.generate()
    (till.path.parent / FILE_NAME).write_text(fresh.private_pem(), encoding="ascii")
    [forged] = _sell(till, 1, seed=5)
    assert till.sync().state == "idle"
    assert _warnings(till) == {forged: ["unknown_key"]}
    assert _flags(central, _terminal_id(till)) == [("unknown_key", "ticket", 3)]


def test_a_sale_edited_in_the_outbox_after_signing_is_a_bad_signature(
    till: Terminal, central: CentralServer
) -> None:
    [sale] = _sell(till, 1, seed=6)
    # Offline, before it is sent: the sale's record in the outbox is changed.
    _shell(till.path, "UPDATE outbox SET payload = replace(payload, '\"cashier\":\"Camille\"', "
           f"'\"cashier\":\"Julien\"') WHERE op_id = '{sale}';")  # fmt: skip
    assert till.sync().state == "idle"
    assert _warnings(till) == {sale: ["bad_signature"]}
    assert _flags(central, _terminal_id(till)) == [("bad_signature", "ticket", 1)]


def test_a_sale_deleted_before_it_was_sent_is_a_chain_break(
    till: Terminal, central: CentralServer
) -> None:
    first, second = _sell(till, 2, seed=7)
    _shell(till.path, f"DELETE FROM outbox WHERE op_id = '{first}';")
    assert till.sync().state == "idle"
    assert _warnings(till) == {second: ["chain_break"]}
    assert _flags(central, _terminal_id(till)) == [("chain_break", "ticket", 2)]
