"""Helpers for the Medusa integration tests and benchmark: settings for the seeded store,
whole-feed pulls, stock levels, sale payloads, and a transport that drops connections."""

from __future__ import annotations

import contextlib
import hashlib
import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import tomli_w

from pos.cli import run_link_medusa
from pos.domain.chain_entry import GENESIS, TICKET, ChainEntry
from pos.store.sale_codec import canonical_json
from pos.store.signing_key import SigningKey
from sync.medusa import MedusaBackend
from sync.medusa.sales import payload_text
from sync.ports import OutgoingOperation
from tests.medusa.seed import MedusaAdmin, Seed
from tests.support.medusa_peer import MedusaPeer, missing_prerequisites, postgres_bindir


def settings_values(seed: Seed, **overrides: Any) -> dict[str, Any]:
    values = {
        "url": seed.base_url,
        "secret_api_key": seed.secret_key,
        "publishable_api_key": seed.pos_publishable_key,
        "sales_channel_id": seed.pos_sales_channel_id,
        "stock_location_id": seed.location_id,
        "region_id": seed.region_id,
    }
    values.update(overrides)
    return values


def pull_all(backend: MedusaBackend, feed: str, cursor: str | None = None, limit: int = 500):
    """Every item of ``feed`` after ``cursor``: (items, last cursor)."""
    items: list[Any] = []
    for _ in range(10_000):
        page = backend.pull(feed, cursor, limit)
        items.extend(page.items)
        cursor = page.next_cursor
        if not page.has_more:
            return items, cursor
    raise AssertionError(f"the {feed} feed never ends")


def level_at(admin: MedusaAdmin, seed: Seed, sku: str, location: str = "") -> dict[str, int]:
    """stocked/reserved/available of ``sku`` at a location (ours by default)."""
    location = location or seed.location_id
    item = seed.inventory_items[sku]
    levels = admin.get(f"/admin/inventory-items/{item}/location-levels", location_id=location)
    level = next(lv for lv in levels["inventory_levels"] if lv["location_id"] == location)
    return {
        "stocked": level["stocked_quantity"],
        "reserved": level["reserved_quantity"],
        "available": level["available_quantity"],
    }


def sale_operation(
    sale_id: str,
    lines: list[tuple[Any, int]],
    *,
    terminal_id: str = "T01",
    ticket_no: int = 1,
    seq: int = 1,
    prev_hash: str = "0" * 64,
    legacy: bool = False,
) -> OutgoingOperation:
    """A ``sale`` outbox operation for (catalog item, quantity) lines, paid by card,
    sealed by its ticket-chain entry (``legacy``: by an older till's hash journal)."""
    sale_lines = []
    total = 0
    for line_no, (item, quantity) in enumerate(lines, start=1):
        amount = item.price_cents * quantity
        total += amount
        sale_lines.append(
            {
                "line_no": line_no,
                "product_id": item.id,
                "sku": item.sku,
                "name": item.name,
                "barcode": item.barcodes[0] if item.barcodes else None,
                "sold_by": item.sold_by,
                "quantity": quantity,
                "unit_price_cents": item.price_cents,
                "vat_bp": item.vat_bp,
                "gross_cents": amount,
                "line_discount_cents": 0,
                "ticket_discount_cents": 0,
                "total_cents": amount,
            }
        )
    sale = {
        "v": 1,
        "id": sale_id,
        "terminal_id": terminal_id,
        "ticket_no": ticket_no,
        "cashier": "Alice",
        "started_at": "2026-11-25T10:00:00.000Z",
        "completed_at": "2026-11-25T10:01:00.000Z",
        "total_cents": total,
        "change_cents": 0,
        "lines": sale_lines,
        "tenders": [{"seq": 1, "kind": "card", "amount_cents": total, "reference": ""}],
        "vat": [],
    }
    payload: dict[str, Any] = {"sale": sale}
    if legacy:  # an older till's outbox: the hash journal seal
        digest = hashlib.sha256(f"{prev_hash}\n{sale_id}".encode()).hexdigest()
        journal = {"seq": seq, "hash": digest, "prev_hash": prev_hash, "grand_total_cents": total}
        payload["journal"] = journal
    else:  # the sale's signed ticket entry, by a key of the tests' own (not registered)
        prev = GENESIS if seq == 1 else _TEST_KEY.sign(prev_hash.encode())
        entry = ChainEntry(terminal_id, TICKET, seq, "sale", sale_id, sale["completed_at"],
                           _TEST_KEY.key_id, prev, canonical_json(sale))  # fmt: skip
        entry = entry.signed(_TEST_KEY.sign(entry.signed_bytes()))
        seal = {name: getattr(entry, name) for name in ChainEntry.__slots__ if name != "body"}
        payload["seal"] = seal
    return OutgoingOperation(sale_id, seq, "sale", payload_text(payload))


_TEST_KEY = SigningKey.generate()


SALE_KEY = "comptoir_sale_id"
Match = Callable[[httpx.Request], bool]


class DroppingTransport(httpx.BaseTransport):
    """A real HTTP transport that cuts chosen exchanges, as a flaky network would.

    ``after``: the request reaches Medusa and is carried out, then the connection drops
    before the client reads the answer (``httpx.ReadError``). ``before``: the connection
    fails before anything is sent (``httpx.ConnectError``). Each rule fires ``times``
    times on matching requests, then lets them through. ``log`` lists what was cut.
    """

    def __init__(self, inner: httpx.BaseTransport | None = None) -> None:
        self.inner = inner or httpx.HTTPTransport()
        self.rules: list[list[Any]] = []
        self.log: list[str] = []

    def drop(self, match: Match, *, after: bool = True, times: int = 1) -> DroppingTransport:
        self.rules.append([match, after, times])
        return self

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        for rule in self.rules:
            match, after, times = rule
            if times > 0 and match(request):
                rule[2] -= 1
                where = f"{request.method} {request.url.path}"
                if not after:
                    self.log.append(f"before {where}")
                    raise httpx.ConnectError("injected: connection refused", request=request)
                response = self.inner.handle_request(request)
                response.read()
                response.close()
                self.log.append(f"after {where} ({response.status_code})")
                raise httpx.ReadError("injected: connection dropped", request=request)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def path_is(method: str, suffix: str) -> Match:
    def match(request: httpx.Request) -> bool:
        return request.method == method and request.url.path.endswith(suffix)

    return match


def orders_of_sale(admin: MedusaAdmin, sale_id: str) -> list[dict[str, Any]]:
    """Every Medusa order recorded for one till sale (by ``metadata.comptoir_sale_id``)."""
    found, offset = [], 0
    while True:
        page = admin.get(
            "/admin/orders", limit=200, offset=offset, fields="id,status,total,metadata"
        )["orders"]
        found.extend(
            o for o in page if (o.get("metadata") or {}).get("comptoir_sale_id") == sale_id
        )
        if len(page) < 200:
            return found
        offset += len(page)


def catalog_by_sku(backend: MedusaBackend) -> dict[str, Any]:
    items, _ = pull_all(backend, "catalog")
    return {item.sku: item for item in items}


def ensure_stock(
    admin: MedusaAdmin, seed: Seed, sku: str, available: int, location: str = ""
) -> None:
    """At least ``available`` of ``sku`` free at a location (ours by default), whatever
    tests ran before (the seeded store is shared by the session)."""
    location = location or seed.location_id
    level = level_at(admin, seed, sku, location)
    if level["available"] < available:
        item = seed.inventory_items[sku]
        admin.post(
            f"/admin/inventory-items/{item}/location-levels/{location}",
            {"stocked_quantity": level["stocked"] + available - level["available"]},
        )


class NoPluginTransport(httpx.HTTPTransport):
    """The real network to a Medusa whose Comptoir plugin routes answer 404, as in a store
    without the plugin: the adapter then takes its old paths (e.g. sales as store carts)."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.startswith("/admin/comptoir/"):
            return httpx.Response(404, json={"message": "Not found"}, request=request)
        return super().handle_request(request)


def psql(peer: MedusaPeer, sql: str) -> list[list[str]]:
    """Rows of ``sql`` run on the peer's own PostgreSQL: what a test reads or breaks
    beneath Medusa (a crash's half-written state)."""
    bindir = postgres_bindir()
    assert bindir is not None
    out = subprocess.run(
        [str(bindir / "psql"), peer.database_url, "-At", "-F", "\t", "-c", sql],
        check=True, capture_output=True, text=True, timeout=60,
    ).stdout  # fmt: skip
    return [line.split("\t") for line in out.splitlines() if line]


@contextlib.contextmanager
def separate_peer(**options: Any) -> Iterator[MedusaPeer]:
    """A Medusa of a test module's own, set up otherwise than the session's (``options``
    for ``MedusaPeer``): skipped as the session's is when Medusa cannot run, failed in CI."""
    reason = "COMPTOIR_MEDUSA=0" if os.environ.get("COMPTOIR_MEDUSA") == "0" else None
    reason = reason or missing_prerequisites()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the Medusa integration tests, but {reason}")
        pytest.skip(f"Medusa integration tests skipped: {reason}")
    with MedusaPeer(**options) as peer:
        yield peer


def linked_till(seed: Seed, root: Path, terminal: str = "T01") -> Path:
    """A till data folder under ``root`` linked to the Medusa of ``seed`` by the real
    ``comptoir link-medusa`` (its settings file beside it)."""
    till = root / "till"
    till.mkdir()
    settings = root / "medusa.toml"
    table = {"sync": {"backend": "medusa", "medusa": settings_values(seed)}}
    settings.write_text(tomli_w.dumps(table), encoding="utf-8")
    assert run_link_medusa(till, settings, terminal) == 0
    return till
