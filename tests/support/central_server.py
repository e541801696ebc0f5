"""A real central server (``python -m sync.central``) in a subprocess, for tests.

Only a real socket can drop a connection after the server committed, so sync tests talk
to this rather than to a mock transport. Typical use, one server per test module::

    @pytest.fixture(scope="module")
    def central(tmp_path_factory):
        with CentralServer(tmp_path_factory.mktemp("central") / "central.db") as server:
            yield server

    def test_push(central):
        token = central.enrol("lyon-part-dieu", "T01")
        with central.client(token) as client:
            client.post(...)

``restart()`` kills the process (SIGKILL by default: a crash, not a polite stop) and
starts it again on the same database and the same port, so a client's URL stays valid.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx

REPO_ROOT = Path(__file__).resolve().parents[2]
ADMIN_TOKEN = "test-admin-token"
WEB_TOKEN = "test-web-token"
_LISTENING = "LISTENING "


class CentralServerError(RuntimeError):
    """The server did not start (its stderr is in the message)."""


class CentralServer:
    """Start, restart and stop one ``comptoir-central`` process on a database file."""

    def __init__(
        self,
        db_path: str | Path,
        *,
        products: int = 3000,
        seed_demo: bool = True,
        faults: bool = True,
        admin_token: str = ADMIN_TOKEN,
        web_token: str = WEB_TOKEN,
        extra_args: tuple[str, ...] = (),
        startup_timeout: float = 60.0,
    ) -> None:
        self.db_path = Path(db_path)
        self.products, self.seed_demo, self.faults = products, seed_demo, faults
        self.admin_token, self.web_token = admin_token, web_token
        self.extra_args, self.startup_timeout = extra_args, startup_timeout
        self.log_path = self.db_path.with_suffix(".log")
        self.url = ""
        self.port = 0
        self._process: subprocess.Popen[str] | None = None
        self._admin_client: httpx.Client | None = None
        self._web_client: httpx.Client | None = None

    # -- lifecycle ----------------------------------------------------------------------

    def start(self) -> CentralServer:
        if self._process is not None:
            raise RuntimeError("The central server is already running.")
        self._process = self._spawn()
        self.url = self._wait_listening(self._process)
        self.port = int(self.url.rsplit(":", 1)[1])
        return self

    def stop(self, *, kill: bool = False) -> None:
        """SIGTERM and wait (SIGKILL if it lingers); ``kill=True`` is an immediate crash."""
        for client in (self._admin_client, self._web_client):
            if client is not None:
                client.close()
        self._admin_client = self._web_client = None
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()

    def restart(self, *, kill: bool = True) -> None:
        """Stop (by default a SIGKILL crash) and start again: same database, same port."""
        port = self.port
        self.stop(kill=kill)
        self.port = port
        self.start()

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def __enter__(self) -> CentralServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def _command(self) -> list[str]:
        command = [
            sys.executable, "-m", "sync.central", "--db", str(self.db_path),
            "--host", "127.0.0.1", "--port", str(self.port),
            "--admin-token", self.admin_token, "--web-token", self.web_token,
            "--products", str(self.products),
        ]  # fmt: skip
        if self.seed_demo:
            command.append("--seed-demo")
        if self.faults:
            command.append("--faults")
        return command + list(self.extra_args)

    def _spawn(self) -> subprocess.Popen[str]:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
        with open(self.log_path, "a", encoding="utf-8") as log:
            return subprocess.Popen(
                self._command(),
                cwd=REPO_ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=log,
                stdin=subprocess.DEVNULL,
                text=True,
            )

    def _wait_listening(self, process: subprocess.Popen[str]) -> str:
        lines: queue.Queue[str] = queue.Queue()
        assert process.stdout is not None
        stdout = process.stdout

        def read() -> None:
            for line in stdout:
                lines.put(line)
            lines.put("")

        threading.Thread(target=read, name="central-stdout", daemon=True).start()
        deadline = time.monotonic() + self.startup_timeout
        while True:
            try:
                line = lines.get(timeout=max(deadline - time.monotonic(), 0.01))
            except queue.Empty:
                self.stop(kill=True)
                raise CentralServerError(self._failure("did not listen in time")) from None
            if line.startswith(_LISTENING):
                return line[len(_LISTENING) :].strip()
            if line == "":
                process.wait(timeout=10)
                self._process = None
                raise CentralServerError(self._failure(f"exited ({process.returncode})"))

    def _failure(self, what: str) -> str:
        try:
            log = self.log_path.read_text(encoding="utf-8")[-4000:]
        except OSError:
            log = ""
        return f"The central server {what}. Its log ({self.log_path}):\n{log}"

    # -- talking to it ------------------------------------------------------------------

    def client(self, token: str | None = None, *, timeout: float = 10.0) -> httpx.Client:
        """An httpx client on the server, with a bearer token when given."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=httpx.Timeout(timeout))

    def admin(
        self, method: str, path: str, json: Any = None, *, content: bytes | None = None
    ) -> httpx.Response:
        """One call with the operator token (faults never apply to admin paths)."""
        if self._admin_client is None:
            self._admin_client = self.client(self.admin_token)
        return self._admin_client.request(method, path, json=json, content=content)

    def enrol(
        self,
        store_id: str = "lyon-part-dieu",
        terminal_id: str = "T01",
        *,
        terminal_key: dict[str, str] | None = None,
    ) -> str:
        """Enrol with the demo code (registering ``terminal_key``, ``{"key_id",
        "public_pem"}``, when given); return the terminal's bearer token."""
        body: dict[str, Any] = {
            "store_id": store_id,
            "terminal_id": terminal_id,
            "enrolment_code": f"demo-{store_id}",
        }
        if terminal_key is not None:
            body["terminal_key"] = terminal_key
        with self.client() as client:
            response = client.post("/v1/enrolments", json=body)
        response.raise_for_status()
        return str(response.json()["token"])

    def witness(self, store_id: str, terminal_id: str) -> dict[str, Any]:
        """The terminal's signed chains as central witnessed them (heads and flags)."""
        path = f"/v1/admin/stores/{store_id}/terminals/{terminal_id}/witness"
        response = self.admin("GET", path)
        response.raise_for_status()
        return dict(response.json())

    def terminal_keys(self, store_id: str, terminal_id: str) -> list[dict[str, Any]]:
        path = f"/v1/admin/stores/{store_id}/terminals/{terminal_id}/keys"
        response = self.admin("GET", path)
        response.raise_for_status()
        return list(response.json()["keys"])

    def set_faults(self, **settings: int) -> None:
        """E.g. ``set_faults(reset_after_rate=10000)``; rates in basis points."""
        self.admin("PUT", "/v1/_faults", json=settings).raise_for_status()

    def clear_faults(self) -> None:
        self.set_faults()

    def stats(self) -> dict[str, int]:
        response = self.admin("GET", "/v1/admin/stats")
        response.raise_for_status()
        return dict(response.json())

    def set_price(self, sku: str, price_cents: int) -> dict[str, Any]:
        response = self.admin("PUT", f"/v1/admin/products/{sku}", json={"price_cents": price_cents})
        response.raise_for_status()
        return dict(response.json())

    def count_stock(self, store_id: str, sku: str, on_hand: int) -> dict[str, Any]:
        response = self.admin(
            "POST", f"/v1/admin/stores/{store_id}/stock", json={"sku": sku, "on_hand": on_hand}
        )
        response.raise_for_status()
        return dict(response.json())

    def chain(self, store_id: str, terminal_id: str) -> dict[str, Any]:
        response = self.admin("GET", f"/v1/admin/terminals/{store_id}/{terminal_id}/chain")
        response.raise_for_status()
        return dict(response.json())

    # -- the web channel and the operator, for click-and-collect and carts ---------------

    def web(self, method: str, path: str, json: Any = None) -> httpx.Response:
        """One call with the web channel's token."""
        if self._web_client is None:
            self._web_client = self.client(self.web_token)
        return self._web_client.request(method, path, json=json)

    def place_pickup_order(
        self,
        order_id: str,
        lines: dict[str, int],
        *,
        store_id: str = "lyon-part-dieu",
        paid: bool = True,
        due_at: str | None = None,
        customer: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        """Place a web order (``{sku: quantity}``); return the order as central answers it."""
        body: dict[str, Any] = {
            "order_id": order_id,
            "store_id": store_id,
            "customer": customer or {"name": "Camille Martin", "email": "camille@example.org"},
            "lines": [{"sku": sku, "quantity": quantity} for sku, quantity in lines.items()],
            "paid": paid,
        }
        if due_at is not None:
            body["due_at"] = due_at
        response = self.web("POST", "/v1/web/pickup-orders", body)
        response.raise_for_status()
        return dict(response.json())

    def pickup_order(self, order_id: str) -> dict[str, Any]:
        response = self.web("GET", f"/v1/web/pickup-orders/{order_id}")
        response.raise_for_status()
        return dict(response.json())

    def expire_pickups(self, now: str | None = None) -> dict[str, Any]:
        response = self.admin("POST", "/v1/admin/pickups/expire", json={"now": now} if now else {})
        response.raise_for_status()
        return dict(response.json())

    def put_promotion(
        self,
        promotion_id: int,
        skus: list[str],
        *,
        kind: str = "percent",
        value: int = 1000,
        starts_at: str = "2020-01-01T00:00:00.000Z",
        ends_at: str = "2040-01-01T00:00:00.000Z",
        active: bool = True,
        name: str = "",
        **rule: Any,
    ) -> dict[str, Any]:
        """``rule``: any other field of the promotion (``n``, ``m``, ``coupon_code``…)."""
        body = {
            "name": name or f"Promo test {promotion_id}", "kind": kind, "value": value,
            "skus": skus, "starts_at": starts_at, "ends_at": ends_at, "active": active, **rule,
        }  # fmt: skip
        response = self.admin("PUT", f"/v1/admin/promotions/{promotion_id}", json=body)
        response.raise_for_status()
        return dict(response.json())

    def put_cart(self, lines: dict[str, int], **fields: Any) -> dict[str, Any]:
        """Make (or, with ``cart_id=``, replace) an online cart; return it."""
        body = {"lines": [{"sku": sku, "quantity": q} for sku, q in lines.items()], **fields}
        response = self.web("POST", "/v1/web/carts", body)
        response.raise_for_status()
        return dict(response.json())


def pickup_move(
    op_id: str,
    seq: int,
    order: dict[str, Any],
    to_state: str,
    *,
    staff: str = "Inès",
    lines: dict[str, int] | None = None,
    sale_id: str | None = None,
    at: str | None = None,
) -> dict[str, Any]:
    """A desk's ``pickup_transition`` operation from the order as the desk last saw it
    (``at``: now by default)."""
    if at is None:
        at = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    payload: dict[str, Any] = {
        "order_id": order["id"],
        "from_state": order["state"],
        "to_state": to_state,
        "expected_version": order["version"],
        "staff": staff,
        "at": at,
    }
    if lines is not None:
        payload["lines"] = [{"sku": sku, "quantity": q} for sku, q in lines.items()]
    if sale_id is not None:
        payload["sale_id"] = sale_id
    return {"op_id": op_id, "seq": seq, "kind": "pickup_transition", "payload": payload}
