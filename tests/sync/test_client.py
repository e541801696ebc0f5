"""The HTTP client against the real server and against a hostile middlebox."""

from __future__ import annotations

import logging
import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import keyring.backend
import keyring.errors
import pytest
from keyring.backends import fail

from sync.client import HttpCentral, TokenStore, enrol
from sync.client.http_central import envelope
from sync.ports import (
    BadCursor,
    CentralRejected,
    CentralUnavailable,
    NotAuthorised,
    OutgoingOperation,
    UnsendableOperation,
)
from tests.support.central_server import CentralServer
from tests.support.keyrings import MemoryKeyring
from tests.sync.conftest import STORE
from tests.sync.hostile_proxy import HostileProxy


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with CentralServer(tmp_path_factory.mktemp("central") / "central.db", products=300) as s:
        yield s


@pytest.fixture(scope="module")
def token(server: CentralServer) -> str:
    return server.enrol(STORE, "T09")


@pytest.fixture(scope="module")
def proxy(server: CentralServer) -> Iterator[HostileProxy]:
    with HostileProxy(server.url) as hostile:
        yield hostile


@pytest.fixture
def hostile(proxy: HostileProxy) -> Iterator[HostileProxy]:
    yield proxy
    proxy.mode, proxy.only = "forward", ""


def client(url: str, token: str, **options: object) -> HttpCentral:
    return HttpCentral(url, STORE, "T09", token, **options)  # type: ignore[arg-type]


def test_enrolment_returns_a_token_that_pulls(server: CentralServer) -> None:
    enrolment = enrol(server.url, STORE, "T10", f"demo-{STORE}")
    assert enrolment.store_name and enrolment.token not in repr(enrolment)
    with HttpCentral(server.url, STORE, "T10", enrolment.token) as central:
        page = central.pull("catalog", None, 10)
    assert len(page.items) == 10 and page.has_more and page.items[0].id == 1


def test_a_wrong_enrolment_code_or_malformed_details_are_refused(server: CentralServer) -> None:
    with pytest.raises(NotAuthorised, match="Unknown store or wrong enrolment code"):
        enrol(server.url, STORE, "T10", "guess")
    with pytest.raises(ValueError, match="store_id"):
        enrol(server.url, "Not A Store!", "T10", "x")


def test_a_refused_token_says_enrol_again_and_never_shows_the_token(
    server: CentralServer, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "not-a-real-token-5f1e2d"
    caplog.set_level(logging.DEBUG)
    with client(server.url, secret) as central, pytest.raises(NotAuthorised) as raised:
        central.pull("catalog", None, 10)
    assert "Enrol this till again" in raised.value.message
    assert secret not in str(raised.value) and secret not in repr(central)
    assert secret not in caplog.text


@pytest.mark.parametrize(
    ("mode", "error", "says"),
    [
        ("html_502", CentralUnavailable, "HTTP 502"),
        ("empty_200", CentralRejected, "empty reply"),
        ("not_json", CentralRejected, "cannot read"),
        ("wrong_types", CentralRejected, "items.0"),
        ("huge", CentralRejected, "larger than"),
        ("huge_declared", CentralRejected, "larger than"),
        ("truncated", CentralUnavailable, "broke off"),
        ("bad_cursor", BadCursor, "cursor"),
    ],
)
def test_hostile_replies_become_one_clear_error(
    hostile: HostileProxy, token: str, mode: str, error: type[Exception], says: str
) -> None:
    hostile.mode = mode
    with client(hostile.url, token) as central, pytest.raises(error) as raised:
        central.pull("catalog", None, 100)
    assert type(raised.value) is error
    assert says in str(raised.value) and token not in str(raised.value)


def test_an_html_error_page_is_named_as_such(hostile: HostileProxy, token: str) -> None:
    hostile.mode = "html_502"
    with client(hostile.url, token) as central, pytest.raises(CentralUnavailable) as raised:
        central.pull("stock", None, 100)
    assert "HTML page" in str(raised.value)


def test_a_body_trickled_past_the_deadline_is_given_up(hostile: HostileProxy, token: str) -> None:
    hostile.mode = "slow"
    with (
        client(hostile.url, token, deadline_s=0.5) as central,
        pytest.raises(CentralUnavailable, match="took over"),
    ):
        central.pull("catalog", None, 100)


def test_a_push_reply_with_wrong_types_is_refused(hostile: HostileProxy, token: str) -> None:
    hostile.mode = "wrong_types"
    payload = '{"delta":1,"product_id":1,"reason":"count","sku":"SKU0000001"}'
    op = OutgoingOperation("mv-1", 1, "stock_movement", payload)
    with client(hostile.url, token) as central, pytest.raises(CentralRejected, match=r"results\.0"):
        central.push([op])


def test_a_push_reply_must_answer_every_operation_in_order() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"results": [{"op_id": "b", "status": "accepted"}]})

    ops = [OutgoingOperation("a", 1, "sale", "{}"), OutgoingOperation("b", 2, "sale", "{}")]
    transport = httpx.MockTransport(answer)
    with (
        HttpCentral("http://127.0.0.1:9", STORE, "T1", "t", transport=transport) as central,
        pytest.raises(CentralRejected, match="1 results for 2 operations"),
    ):
        central.push(ops)


def test_a_malformed_outbox_row_is_caught_before_sending() -> None:
    with pytest.raises(UnsendableOperation) as raised:
        envelope(OutgoingOperation("bad id with spaces", 1, "sale", "{}"))
    assert raised.value.op_id == "bad id with spaces" and "op_id" in raised.value.reason
    with pytest.raises(UnsendableOperation):
        envelope(OutgoingOperation("ok", 1, "sale", '{"a":1}, "extra": 2'))
    assert envelope(OutgoingOperation("ok", 3, "sale", '{"a":1}')) == (
        '{"op_id":"ok","seq":3,"kind":"sale","payload":{"a":1}}'
    )


def test_nothing_listening_is_unavailable() -> None:
    with (
        HttpCentral("http://127.0.0.1:9", STORE, "T1", "t") as central,
        pytest.raises(CentralUnavailable, match="cannot be reached"),
    ):
        central.pull("catalog", None, 10)


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")
def test_tls_is_verified_and_a_ca_file_can_be_trusted(
    server: CentralServer, token: str, tmp_path: Path
) -> None:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    with HostileProxy(server.url, tls=(cert, key)) as tls:
        assert tls.url.startswith("https://")
        with (
            client(tls.url, token) as central,
            pytest.raises(CentralUnavailable, match="CERTIFICATE_VERIFY_FAILED"),
        ):
            central.pull("catalog", None, 10)
        with client(tls.url, token, ca_file=cert) as central:
            assert len(central.pull("catalog", None, 10).items) == 10


def test_plain_http_is_refused_except_to_this_machine() -> None:
    with pytest.raises(ValueError, match="https://"):
        HttpCentral("http://central.example.com", STORE, "T1", "t")
    HttpCentral("https://central.example.com", STORE, "T1", "t").close()
    HttpCentral("http://localhost:8080", STORE, "T1", "t").close()


# -- the token's home ---------------------------------------------------------------------


def test_the_token_goes_to_the_keyring_when_there_is_one(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    tokens = TokenStore(tmp_path, f"{STORE}/T01", backend=backend)
    assert tokens.keyring_usable and tokens.save("s3cret") == "keyring"
    assert backend.saved == {("comptoir-central", f"{STORE}/T01"): "s3cret"}
    assert not tokens.path.exists() and tokens.load() == "s3cret"
    tokens.delete()
    assert tokens.load() is None and backend.saved == {}


@pytest.mark.parametrize("backend", [fail.Keyring(), MemoryKeyring(broken=True)])
def test_without_a_working_keyring_the_token_goes_to_a_private_file(
    tmp_path: Path, backend: keyring.backend.KeyringBackend
) -> None:
    tokens = TokenStore(tmp_path / "data", f"{STORE}/T01", backend=backend)
    assert tokens.save("s3cret") == "file"
    assert stat.S_IMODE(os.stat(tokens.path).st_mode) == 0o600
    assert tokens.load() == "s3cret" and "s3cret" not in repr(tokens)
    assert tokens.save("n3w") == "file" and tokens.load() == "n3w"  # replaced atomically
    assert [p.name for p in tokens.path.parent.iterdir()] == ["central_token"]
    tokens.delete()
    assert tokens.load() is None


def test_a_file_token_moves_into_the_keyring_when_one_appears(tmp_path: Path) -> None:
    TokenStore(tmp_path, "s/T1", backend=fail.Keyring()).save("old")
    backend = MemoryKeyring()
    tokens = TokenStore(tmp_path, "s/T1", backend=backend)
    assert tokens.load() == "old"  # still readable from the file
    tokens.save("new")
    assert not tokens.path.exists() and tokens.load() == "new"
