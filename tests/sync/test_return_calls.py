"""The till's return and credit note calls (``HttpCentral`` as ``ReturnCalls``) over the
real server, and their failures sorted as the till needs them: a refusal by name (nothing
changed) or central unavailable (the till's offline rules)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from sync.client import HttpCentral
from sync.contract.codes import credit_note_qr_text, new_credit_note_code
from sync.contract.returns import ClaimLine, CreditNoteDebit, ReturnClaim
from sync.ports import CentralRejected, CentralUnavailable
from tests.central.conftest import push
from tests.support.central_server import CentralServer
from tests.support.return_ops import returned, ticket
from tests.support.sale_ops import SaleChain
from tests.sync.conftest import STORE
from tests.sync.hostile_proxy import HostileProxy

TERMINAL = "T07"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with CentralServer(tmp_path_factory.mktemp("central") / "central.db", products=300) as s:
        yield s


@pytest.fixture(scope="module")
def token(server: CentralServer) -> str:
    return server.enrol(STORE, TERMINAL)


@pytest.fixture(scope="module")
def chain() -> SaleChain:
    return SaleChain(terminal_id=TERMINAL)


@pytest.fixture
def central(server: CentralServer, token: str) -> Iterator[HttpCentral]:
    with HttpCentral(server.url, STORE, TERMINAL, token) as calls:
        yield calls


def _sell(server: CentralServer, token: str, chain: SaleChain, quantity: int) -> dict:
    op = chain.sale([(120, "SKU0000120", quantity, 250)])
    with server.client(token) as client:
        assert push(client, STORE, TERMINAL, [op])[0]["status"] == "accepted"
    return dict(op["payload"]["sale"])


def _claim(sale_id: str, quantity: int, return_id: str | None = None) -> ReturnClaim:
    line = ClaimLine(origin_sale_id=sale_id, origin_line_no=1, quantity=quantity)
    return ReturnClaim(return_id=return_id or str(uuid.uuid4()), terminal_id=TERMINAL, lines=[line])


def test_find_claim_and_release_a_sale(
    server: CentralServer, token: str, chain: SaleChain, central: HttpCentral
) -> None:
    sale = _sell(server, token, chain, 3)
    found = central.find_origin(sale["id"])
    assert (found.sale_id, found.lines[0].quantity, found.lines[0].returned_quantity) == (
        sale["id"], 3, 0,
    )  # fmt: skip
    assert central.find_ticket(TERMINAL, sale["ticket_no"]) == found
    claim = _claim(sale["id"], 2)
    assert central.claim_return(claim).lines[0].remaining_after == 1
    assert central.claim_return(claim).lines[0].remaining_after == 1  # idempotent
    assert central.find_origin(sale["id"]).lines[0].returned_quantity == 2
    central.release_return(claim.return_id)
    assert central.find_origin(sale["id"]).lines[0].returned_quantity == 0


def test_refusals_carry_the_apis_code(
    server: CentralServer, token: str, chain: SaleChain, central: HttpCentral
) -> None:
    sale = _sell(server, token, chain, 1)
    central.claim_return(_claim(sale["id"], 1))
    cases = [
        (lambda: central.find_origin("no-such-sale"), "not_found", 404),
        (lambda: central.find_ticket(TERMINAL, 99_999), "not_found", 404),
        (lambda: central.claim_return(_claim(sale["id"], 1)), "not_returnable", 409),
        (lambda: central.release_return("never-claimed"), "not_found", 404),
        (lambda: central.credit_note(new_credit_note_code()), "not_found", 404),
    ]
    for call, code, status in cases:
        with pytest.raises(CentralRejected) as raised:
            call()
        assert (raised.value.code, raised.value.http_status) == (code, status)
    with pytest.raises(CentralRejected) as typo:  # refused before any call
        central.credit_note("AV-1234-5678-9ABC-00")
    assert (typo.value.code, typo.value.http_status) == ("not_found", None)


def test_a_credit_note_is_read_debited_once_and_reversed(
    server: CentralServer, token: str, chain: SaleChain, central: HttpCentral
) -> None:
    sale = _sell(server, token, chain, 2)
    code = new_credit_note_code()
    record = ticket(str(uuid.uuid4()), TERMINAL,
                    [returned(1, (sale["id"], 1), (120, "SKU0000120"), 2, 250)],
                    [("credit_note", -500, code)])  # fmt: skip
    with server.client(token) as client:
        assert push(client, STORE, TERMINAL, [chain.seal(record)])[0]["warnings"] == []
    assert central.credit_note(credit_note_qr_text(code)).balance_cents == 500
    debit = CreditNoteDebit(op_id="s-1:t1", amount_cents=300, channel="store")
    assert central.debit_credit_note(code, debit).balance_cents == 200
    assert central.debit_credit_note(code, debit).balance_cents == 200
    with pytest.raises(CentralRejected) as spent:
        central.debit_credit_note(code, CreditNoteDebit(op_id="s-2:t1", amount_cents=201,
                                                        channel="store"))  # fmt: skip
    assert spent.value.code == "credit_note_spent"
    assert central.reverse_credit_note_debit(code, "s-1:t1").balance_cents == 500
    assert central.reverse_credit_note_debit(code, "s-1:t1").balance_cents == 500


@pytest.mark.parametrize("mode", ["html_502", "truncated"])
def test_a_broken_network_is_unavailable_never_a_refusal(
    server: CentralServer, token: str, mode: str
) -> None:
    with HostileProxy(server.url) as hostile, HttpCentral(hostile.url, STORE, TERMINAL, token) as c:
        hostile.mode = mode
        calls = [
            lambda: c.find_origin("any-sale"),
            lambda: c.claim_return(_claim("any-sale", 1)),
            lambda: c.release_return("any-claim"),
            lambda: c.debit_credit_note(new_credit_note_code(), CreditNoteDebit(
                op_id="x:t1", amount_cents=1, channel="store")),
        ]  # fmt: skip
        for call in calls:
            with pytest.raises(CentralUnavailable):
                call()


def test_a_server_failure_is_unavailable(server: CentralServer, central: HttpCentral) -> None:
    server.set_faults(error_rate=10_000)
    try:
        with pytest.raises(CentralUnavailable) as raised:
            central.find_origin("any-sale")
        assert raised.value.http_status == 500
    finally:
        server.clear_faults()
