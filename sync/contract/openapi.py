"""Render the OpenAPI 3.1 document of API v1 from the endpoint table and the models.

``python -m sync.contract.openapi > resources/api/central-v1.openapi.json`` regenerates
the committed file; a test fails when the two differ.
"""

from __future__ import annotations

import json
import sys
import types
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode, models_json_schema

from sync.contract.endpoints import ENDPOINTS, PATH_PARAMS, Endpoint, FileBody
from sync.contract.errors import ErrorResponse
from sync.contract.operations import PAYLOAD_MODELS

API_TITLE = "Comptoir central commerce API"
API_VERSION = "1.0.0"
_REF = "#/components/schemas/{model}"
_ERROR_STATUSES = {
    "400": "Malformed request (bad_request, bad_cursor)",
    "401": "Missing or wrong token (unauthorized)",
    "403": "Token of another store or terminal (forbidden_store)",
    "404": "Unknown resource (not_found)",
    "409": "Conflicting state (conflict, cart_converted)",
    "410": "Gone: the cart expired or became a sale (cart_expired, cart_converted)",
    "413": "Body over the limit (payload_too_large)",
    "500": "Server fault (internal)",
}
_SECURITY = {"terminal": "terminalToken", "web": "webToken", "admin": "adminToken"}


def _members(annotation: object) -> list[type[BaseModel]]:
    """The models of ``A | B`` (or of a single model)."""
    if get_origin(annotation) in (Union, types.UnionType):
        return [arg for arg in get_args(annotation) if isinstance(arg, type)]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    raise TypeError(f"not a model or a union of models: {annotation!r}")


def _schema_ref(annotation: object, refs: dict[Any, Any], mode: JsonSchemaMode) -> dict:
    members = [refs[(model, mode)] for model in _members(annotation)]
    return members[0] if len(members) == 1 else {"oneOf": members}


def _all_models() -> list[tuple[type[BaseModel], JsonSchemaMode]]:
    wanted: dict[tuple[type[BaseModel], JsonSchemaMode], None] = {
        (ErrorResponse, "serialization"): None
    }
    for model in PAYLOAD_MODELS.values():  # inside Operation.payload, named by its kind
        wanted[(model, "validation")] = None
    for endpoint in ENDPOINTS:
        if endpoint.request is not None:
            for model in _members(endpoint.request):
                wanted[(model, "validation")] = None
        for response in endpoint.responses.values():
            if isinstance(response, FileBody):
                continue
            for model in _members(response):
                wanted[(model, "serialization")] = None
    return list(wanted)


def _operation(endpoint: Endpoint, refs: dict[Any, Any]) -> dict[str, Any]:
    params = [
        {"name": name, "in": "path", "required": True, "schema": PATH_PARAMS[name]}
        for name in _path_names(endpoint.path)
    ]
    params += [
        {"name": q.name, "in": "query", "required": q.required, "schema": q.schema}
        | ({"description": q.description} if q.description else {})
        for q in endpoint.query
    ]
    operation: dict[str, Any] = {"operationId": endpoint.operation_id, "summary": endpoint.summary}
    if params:
        operation["parameters"] = params
    if endpoint.request is not None:
        schema = _schema_ref(endpoint.request, refs, "validation")
        operation["requestBody"] = {
            "required": endpoint.body_required,
            "content": {"application/json": {"schema": schema}},
        }
    responses: dict[str, Any] = {
        str(status): {"description": "OK", "content": _content(model, refs)}
        for status, model in sorted(endpoint.responses.items())
    }
    error = {"application/json": {"schema": refs[(ErrorResponse, "serialization")]}}
    for status, description in _ERROR_STATUSES.items():
        responses[status] = {"description": description, "content": error}
    operation["responses"] = responses
    if endpoint.auth != "none":
        operation["security"] = [{_SECURITY[endpoint.auth]: []}]
    return operation


def _content(model: object, refs: dict[Any, Any]) -> dict[str, Any]:
    if isinstance(model, FileBody):
        return {model.media_type: {"schema": {"type": "string", "format": "binary"}}}
    return {"application/json": {"schema": _schema_ref(model, refs, "serialization")}}


def _path_names(path: str) -> list[str]:
    return [part[1:-1] for part in path.split("/") if part.startswith("{")]


def render() -> dict[str, Any]:
    """The whole document as a JSON-ready dict, deterministic for a given contract."""
    refs, top = models_json_schema(_all_models(), ref_template=_REF)
    paths: dict[str, dict[str, Any]] = {}
    for endpoint in ENDPOINTS:
        paths.setdefault(endpoint.path, {})[endpoint.method.lower()] = _operation(endpoint, refs)
    bearer = {"type": "http", "scheme": "bearer"}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": API_TITLE,
            "version": API_VERSION,
            "description": "Rules the schemas cannot say are in sync/CONTRACT.md.",
        },
        "paths": paths,
        "components": {
            "schemas": top.get("$defs", {}),
            "securitySchemes": {name: bearer for name in _SECURITY.values()},
        },
    }


def render_text() -> str:
    """The document as committed: sorted keys, two-space indent, UTF-8, final newline."""
    return json.dumps(render(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> int:
    sys.stdout.write(render_text())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
