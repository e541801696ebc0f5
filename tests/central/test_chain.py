"""The server witnesses each terminal's journal chain: breaks and rewrites are flagged, kept,
and never refuse the sale (the money was taken)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from itertools import count

import httpx
import pytest

from sync.contract import ChainView
from tests.central.conftest import LYON, push
from tests.support.central_server import CentralServer
from tests.support.sale_ops import GENESIS_HASH, SaleChain

_TERMINALS = count(1)


@pytest.fixture
def terminal(central: CentralServer) -> Iterator[tuple[str, httpx.Client]]:
    """A fresh terminal (its own chain) per test."""
    terminal_id = f"C{next(_TERMINALS)}"
    with central.client(central.enrol(LYON, terminal_id)) as client:
        yield terminal_id, client


def _view(central: CentralServer, terminal_id: str) -> ChainView:
    return ChainView.model_validate(central.chain(LYON, terminal_id))


def test_a_good_chain_has_no_flags(
    central: CentralServer, terminal: tuple[str, httpx.Client]
) -> None:
    terminal_id, client = terminal
    chain = SaleChain(terminal_id)
    results = push(client, LYON, terminal_id, [chain.sale() for _ in range(10)])
    assert all(r["status"] == "accepted" and r["warnings"] == [] for r in results)
    view = _view(central, terminal_id)
    assert (view.head_seq, view.head_hash, view.entries) == (10, chain.head, 10)
    assert view.grand_total_cents == chain.grand_total
    assert view.flags == []


def test_a_gap_is_a_chain_break(central: CentralServer, terminal: tuple[str, httpx.Client]) -> None:
    terminal_id, client = terminal
    chain = SaleChain(terminal_id)
    first = [chain.sale(), chain.sale()]
    chain.sale()  # seq 3 is never pushed
    after_gap = chain.sale()
    results = push(client, LYON, terminal_id, [*first, after_gap, chain.sale()])
    assert [r["status"] for r in results] == ["accepted"] * 4
    assert [r["warnings"] for r in results] == [[], [], ["chain_break"], []]
    view = _view(central, terminal_id)
    assert [(f.kind, f.seq) for f in view.flags] == [("chain_break", 4)]
    assert view.head_seq == 5


def test_a_wrong_prev_hash_is_a_chain_break(
    central: CentralServer, terminal: tuple[str, httpx.Client]
) -> None:
    terminal_id, client = terminal
    chain = SaleChain(terminal_id)
    push(client, LYON, terminal_id, [chain.sale()])
    [result] = push(client, LYON, terminal_id, [chain.sale(prev_hash="ab" * 32)])
    assert result["warnings"] == ["chain_break"]


def test_a_first_sale_not_from_genesis_is_a_chain_break(
    central: CentralServer, terminal: tuple[str, httpx.Client]
) -> None:
    terminal_id, client = terminal
    chain = SaleChain(terminal_id, seq=40, head="cd" * 32)
    [result] = push(client, LYON, terminal_id, [chain.sale()])
    assert result["warnings"] == ["chain_break"]


def test_a_second_hash_for_a_seq_is_a_chain_rewrite(
    central: CentralServer, terminal: tuple[str, httpx.Client]
) -> None:
    terminal_id, client = terminal
    chain = SaleChain(terminal_id)
    original = [chain.sale(), chain.sale()]
    push(client, LYON, terminal_id, original)
    # The till rewrote its journal from seq 2: a different sale sealed at the same seq.
    rewrite = SaleChain(terminal_id, seq=1, head=chain.sealed[0]["payload"]["journal"]["hash"])
    [result] = push(client, LYON, terminal_id, [rewrite.sale([(2, "SKU0000002", 1, 190)])])
    assert (result["status"], result["warnings"]) == ("accepted", ["chain_rewrite"])
    view = _view(central, terminal_id)
    assert view.head_hash == original[1]["payload"]["journal"]["hash"]  # the first one stays
    assert [f.kind for f in view.flags] == ["chain_rewrite"]


def test_a_hash_that_does_not_match_the_sale_is_flagged(
    central: CentralServer, terminal: tuple[str, httpx.Client]
) -> None:
    terminal_id, client = terminal
    chain = SaleChain(terminal_id)
    op = chain.sale()
    tampered = copy.deepcopy(op)
    tampered["payload"]["sale"]["cashier"] = "Quelqu'un d'autre"  # edited after sealing
    [result] = push(client, LYON, terminal_id, [tampered])
    assert (result["status"], result["warnings"]) == ("accepted", ["hash_mismatch"])
    [again] = push(client, LYON, terminal_id, [tampered])
    assert (again["status"], again["warnings"]) == ("duplicate", ["hash_mismatch"])
    assert [f.kind for f in _view(central, terminal_id).flags] == ["hash_mismatch"]


def test_a_terminal_without_sales_has_an_empty_chain(
    central: CentralServer, terminal: tuple[str, httpx.Client]
) -> None:
    terminal_id, _client = terminal
    view = _view(central, terminal_id)
    assert (view.head_seq, view.head_hash, view.entries) == (0, GENESIS_HASH, 0)
    assert central.admin("GET", f"/v1/admin/terminals/{LYON}/nobody/chain").status_code == 404
