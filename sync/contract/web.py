"""The web shop's channel: availability across stores, and reservations that hold stock."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from sync.contract.scalars import (
    WIRE,
    Quantity,
    ReservationId,
    Sku,
    StockLevel,
    StoreId,
)


class StoreAvailability(BaseModel):
    """``available = on_hand - reserved`` (may be negative when stock ran out)."""

    model_config = WIRE

    store_id: StoreId
    on_hand: StockLevel
    reserved: StockLevel
    available: StockLevel


class AvailabilityResponse(BaseModel):
    model_config = WIRE

    sku: Sku
    stores: Annotated[list[StoreAvailability], Field(max_length=1000)]


class ReservationLine(BaseModel):
    model_config = WIRE

    sku: Sku
    quantity: Quantity


class ReservationRequest(BaseModel):
    """Idempotent by ``reservation_id``: the same request again changes nothing; the same id
    with other lines or another store is a 409 ``conflict``."""

    model_config = WIRE

    reservation_id: ReservationId
    store_id: StoreId
    lines: Annotated[list[ReservationLine], Field(min_length=1, max_length=200)]


class ReservationResponse(BaseModel):
    model_config = WIRE

    reservation_id: ReservationId
    store_id: StoreId
    status: Literal["held", "released"]
    lines: Annotated[list[ReservationLine], Field(max_length=200)]
