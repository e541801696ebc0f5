"""Enrolment trades a store's code for a terminal token; tokens are per store and terminal."""

from __future__ import annotations

import httpx
import pytest

from sync.contract import EnrolmentResponse, ErrorResponse
from tests.central.conftest import LYON, PARIS, ops_path
from tests.support.central_server import CentralServer
from tests.support.sale_ops import SaleChain


def _error_code(response: httpx.Response) -> str:
    return ErrorResponse.model_validate_json(response.content).error.code


def test_enrolment_returns_a_token_and_the_store_name(central: CentralServer) -> None:
    with central.client() as client:
        response = client.post(
            "/v1/enrolments",
            json={"store_id": LYON, "terminal_id": "E1", "enrolment_code": f"demo-{LYON}"},
        )
    assert response.status_code == 201
    enrolled = EnrolmentResponse.model_validate_json(response.content)
    assert enrolled.store_name == "Comptoir Démo — Lyon Part-Dieu"
    assert (enrolled.store_id, enrolled.terminal_id) == (LYON, "E1")
    assert len(enrolled.token) >= 32


@pytest.mark.parametrize(
    ("store_id", "code"), [(LYON, "demo-paris-rivoli"), (LYON, "wrong"), ("nowhere", "demo-x")]
)
def test_a_wrong_code_or_store_is_refused(central: CentralServer, store_id: str, code: str) -> None:
    with central.client() as client:
        response = client.post(
            "/v1/enrolments",
            json={"store_id": store_id, "terminal_id": "E2", "enrolment_code": code},
        )
    assert response.status_code == 401
    assert _error_code(response) == "unauthorized"


def test_enrolling_again_revokes_the_old_token(central: CentralServer) -> None:
    old = central.enrol(LYON, "E3")
    new = central.enrol(LYON, "E3")
    with central.client(old) as client:
        assert client.get(f"/v1/stores/{LYON}/feeds/pickups").status_code == 401
    with central.client(new) as client:
        assert client.get(f"/v1/stores/{LYON}/feeds/pickups").status_code == 200


@pytest.mark.parametrize("header", [None, "Bearer nope", "Basic abc", "Bearer"])
def test_a_missing_or_unknown_token_is_401(central: CentralServer, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    with central.client() as client:
        response = client.get(f"/v1/stores/{LYON}/feeds/catalog", headers=headers)
    assert response.status_code == 401
    assert _error_code(response) == "unauthorized"


def test_a_token_is_refused_on_another_store(central: CentralServer) -> None:
    token = central.enrol(LYON, "E4")
    with central.client(token) as client:
        feed = client.get(f"/v1/stores/{PARIS}/feeds/stock")
        pushed = client.post(ops_path(PARIS, "E4"), json={"operations": [SaleChain("E4").sale()]})
    for response in (feed, pushed):
        assert response.status_code == 403
        assert _error_code(response) == "forbidden_store"


def test_a_token_is_refused_on_another_terminal_of_its_store(central: CentralServer) -> None:
    token = central.enrol(LYON, "E5")
    with central.client(token) as client:
        response = client.post(ops_path(LYON, "E6"), json={"operations": [SaleChain("E6").sale()]})
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/v1/admin/stats"),
        ("PUT", "/v1/_faults"),
        ("GET", "/v1/web/availability?sku=SKU0000001"),
    ],
)
def test_operator_and_web_calls_need_their_own_token(
    central: CentralServer, method: str, path: str
) -> None:
    terminal_token = central.enrol(LYON, "E7")
    for token in (None, terminal_token, "wrong"):
        with central.client(token) as client:
            assert client.request(method, path, json={}).status_code == 401


def test_the_web_token_is_not_the_operator_token(central: CentralServer) -> None:
    with central.client(central.web_token) as client:
        assert client.get("/v1/admin/stats").status_code == 401
        assert client.get("/v1/web/availability", params={"sku": "SKU0000001"}).status_code == 200
