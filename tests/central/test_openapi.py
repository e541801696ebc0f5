"""The committed OpenAPI document is the generated one, and it matches the server's routes."""

from __future__ import annotations

import json
import re
from pathlib import Path

from starlette.routing import Route

from sync.central.app import CentralApp, Options
from sync.contract.openapi import render, render_text

DOCUMENT = Path(__file__).resolve().parents[2] / "resources" / "api" / "central-v1.openapi.json"


def test_committed_document_is_the_generated_one() -> None:
    assert DOCUMENT.read_text(encoding="utf-8") == render_text(), (
        "Regenerate it: python -m sync.contract.openapi > resources/api/central-v1.openapi.json"
    )


def _server_routes() -> set[tuple[str, str]]:
    central = CentralApp(db=None, options=Options())  # type: ignore[arg-type]  # routes only
    routes = set()
    for route in central.routes():
        assert isinstance(route, Route)
        for method in route.methods or ():
            if method != "HEAD":
                routes.add((method, route.path))
    return routes


def test_every_routed_path_is_documented_and_vice_versa() -> None:
    documented = {
        (method.upper(), path)
        for path, operations in render()["paths"].items()
        for method in operations
    }
    assert _server_routes() == documented


def test_path_parameters_are_declared() -> None:
    for path, operations in render()["paths"].items():
        names = set(re.findall(r"{(\w+)}", path))
        for operation in operations.values():
            declared = {p["name"] for p in operation.get("parameters", []) if p["in"] == "path"}
            assert declared == names, path


def test_the_document_is_plain_json_with_every_schema_resolvable() -> None:
    document = json.loads(DOCUMENT.read_text(encoding="utf-8"))
    schemas = document["components"]["schemas"]
    refs = set(re.findall(r'"\$ref": "#/components/schemas/(\w+)"', json.dumps(document)))
    assert refs <= set(schemas)
    assert {"SalePayload", "StockMovementPayload", "CatalogPage"} <= set(schemas)
    assert {"PickupTransitionPayload", "PickupOrder", "PickupsPage", "Cart"} <= set(schemas)
