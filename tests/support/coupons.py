"""Coupon promotions on a real central server, for the coupon tests (issue 15)."""

from __future__ import annotations

import itertools
import json
import sqlite3
from typing import Any

from tests.support.central_server import CentralServer

_IDS = itertools.count(7001)


def coupon_promotion(central: CentralServer, **fields: Any) -> int:
    """A new promotion (10 % off one SKU) with the given v2 fields; its id."""
    promotion_id = next(_IDS)
    body = {
        "name": f"Coupon {promotion_id}", "kind": "percent", "value": 1000,
        "skus": ["SKU0000010"], "starts_at": "2020-01-01T00:00:00.000Z",
        "ends_at": "2040-01-01T00:00:00.000Z", "active": True,
    } | fields  # fmt: skip
    response = central.admin("PUT", f"/v1/admin/promotions/{promotion_id}", json=body)
    assert response.status_code in (200, 201), response.text
    _keep_rule(central, promotion_id, body)
    return promotion_id


def _keep_rule(central: CentralServer, promotion_id: int, body: dict[str, Any]) -> None:
    """Until central stores the v2 fields itself (issue 15 part B: a ``rule`` column
    written by ``PUT /v1/admin/promotions``), put them where it will keep them."""
    with sqlite3.connect(central.db_path) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(promotions)")}
        if "rule" in columns and conn.execute(
            "SELECT rule FROM promotions WHERE id = ?", (promotion_id,)
        ).fetchone()[0] not in (None, "", "{}"):
            return  # central kept them
        if "rule" not in columns:
            conn.execute("ALTER TABLE promotions ADD COLUMN rule TEXT NOT NULL DEFAULT '{}'")
        rule = {
            k: v for k, v in body.items() if k not in ("name", "starts_at", "ends_at", "active")
        }
        conn.execute(
            "UPDATE promotions SET rule = ? WHERE id = ?", (json.dumps(rule), promotion_id)
        )


def issue(central: CentralServer, promotion_id: int, **body: Any) -> list[str]:
    response = central.admin("POST", f"/v1/admin/promotions/{promotion_id}/coupons", json=body)
    assert response.status_code == 200, response.text
    return list(response.json()["codes"])
