"""One real central server per test module (seeded demo, faults enabled), and helpers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.support.central_server import CentralServer

LYON, PARIS = "lyon-part-dieu", "paris-rivoli"


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with CentralServer(tmp_path_factory.mktemp("central") / "central.db") as server:
        yield server


def ops_path(store_id: str, terminal_id: str) -> str:
    return f"/v1/stores/{store_id}/terminals/{terminal_id}/operations"


def push(
    client: httpx.Client, store_id: str, terminal_id: str, operations: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Push and return the per-operation results (asserting a 200)."""
    response = client.post(ops_path(store_id, terminal_id), json={"operations": operations})
    assert response.status_code == 200, response.text
    return list(response.json()["results"])


def pull_all(
    client: httpx.Client, store_id: str, feed: str, *, cursor: str | None = None, limit: int = 5000
) -> tuple[list[dict[str, Any]], str]:
    """Every item from ``cursor`` on, and the last cursor."""
    items: list[dict[str, Any]] = []
    while True:
        params: dict[str, Any] = {"limit": limit}
        if cursor is not None:
            params["cursor"] = cursor
        response = client.get(f"/v1/stores/{store_id}/feeds/{feed}", params=params)
        assert response.status_code == 200, response.text
        page = response.json()
        items.extend(page["items"])
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return items, cursor


def stock_level(client: httpx.Client, store_id: str, product_id: int) -> dict[str, Any]:
    """The latest stock item of one product, read through the feed."""
    items, _cursor = pull_all(client, store_id, "stock")
    return [item for item in items if item["product_id"] == product_id][-1]
