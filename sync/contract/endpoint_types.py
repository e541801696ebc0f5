"""The shape of an endpoint of API v1: what ``endpoints`` lists and ``openapi`` renders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel

Auth = Literal["none", "terminal", "web", "admin"]
Method = Literal["GET", "POST", "PUT", "DELETE"]


@dataclass(frozen=True)
class FileBody:
    """A response that is a file, not JSON (the page set): its media type."""

    media_type: str


@dataclass(frozen=True, slots=True)
class QueryParam:
    name: str
    schema: dict[str, object]
    required: bool = False
    description: str = ""


@dataclass(frozen=True, slots=True)
class Endpoint:
    method: Method
    path: str
    operation_id: str
    summary: str
    auth: Auth
    request: type[BaseModel] | object | None
    responses: dict[int, type[BaseModel] | object]  # or a FileBody
    query: tuple[QueryParam, ...] = field(default=())
    body_required: bool = True  # False: an empty body stands for the model's defaults
