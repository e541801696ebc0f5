"""The scalar types every wire model shares: bounded, strict, integers only.

Strict means a JSON ``1.0`` or ``true`` is never accepted where an integer is meant, and a
number never stands in for a string. Bounds keep one hostile payload from costing the
receiver memory or time, and mirror the till's own limits (``pos.domain.money.MAX_CENTS``,
``pos.store.sales.MAX_QUANTITY``) without importing them: both sides read this contract.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, ConfigDict, Field, StrictBool, StrictInt, StrictStr

#: Every wire model: unknown fields are refused, types are never coerced. Each model's
#: validator is built at its first use (``defer_build``), not as its module is imported:
#: pydantic-core builds it in C holding the interpreter lock, and the till imports these
#: modules on a warm-up thread beside the GUI thread (issue 18.2); the first validation
#: then builds it on the thread that validates (the sync engine's, the central's).
WIRE = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)

#: Largest amount on a ticket: 1,000,000.00 € (the till's MAX_CENTS).
MAX_CENTS = 100_000_000
#: Largest quantity on a line, in units or grams (the till's MAX_QUANTITY).
MAX_QUANTITY = 10_000_000
#: Largest stock level or stock delta: a warehouse-sized number, still far from 2^63.
MAX_STOCK = 10**12
#: Change sequence numbers and versions fit SQLite's signed 64-bit integers.
MAX_SEQ = 2**63 - 1
#: Central product ids: 1..2^32-1, the range the till's products table accepts.
MAX_PRODUCT_ID = 2**32 - 1

#: Operations per push and items per feed page.
MAX_OPERATIONS = 500
MAX_PAGE_ITEMS = 5000
DEFAULT_PAGE_ITEMS = 1000

Flag = StrictBool
Cents = Annotated[StrictInt, Field(ge=0, le=MAX_CENTS)]
Quantity = Annotated[StrictInt, Field(gt=0, le=MAX_QUANTITY)]
StockLevel = Annotated[StrictInt, Field(ge=-MAX_STOCK, le=MAX_STOCK)]
StockDelta = Annotated[StrictInt, Field(ge=-MAX_STOCK, le=MAX_STOCK)]
VatBp = Annotated[StrictInt, Field(ge=0, lt=10_000)]
Seq = Annotated[StrictInt, Field(ge=1, le=MAX_SEQ)]
Count = Annotated[StrictInt, Field(ge=0, le=MAX_SEQ)]
ProductId = Annotated[StrictInt, Field(ge=1, le=MAX_PRODUCT_ID)]
#: A rate in basis points: 10000 = 100 % (used by promotions and fault injection).
RateBp = Annotated[StrictInt, Field(ge=0, le=10_000)]

#: Identifiers that also appear in URL paths: no slash, no space, no surprises.
StoreId = Annotated[StrictStr, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")]
TerminalId = Annotated[StrictStr, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
OpId = Annotated[StrictStr, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$")]
Sku = Annotated[StrictStr, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
ReservationId = Annotated[StrictStr, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$")]
CustomerId = Annotated[StrictStr, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$")]
Barcode = Annotated[StrictStr, Field(pattern=r"^[0-9]{8,14}$")]
Plu = Annotated[StrictStr, Field(pattern=r"^[0-9]{4,5}$")]
Sha256Hex = Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{64}$")]
#: ISO 8601 UTC timestamps as the till writes them ("2025-11-25T08:30:00.000Z").
Timestamp = Annotated[StrictStr, Field(min_length=10, max_length=40)]
#: An opaque feed cursor: pass back exactly what the server gave.
Cursor = Annotated[StrictStr, Field(min_length=1, max_length=512)]
Secret = Annotated[StrictStr, Field(min_length=1, max_length=256)]

#: Ids the web shop makes: its order ids and cart ids.
OrderId = Annotated[StrictStr, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$")]
CartId = Annotated[StrictStr, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$")]
#: A pickup or cart code as the server writes it: 8 Crockford base32 symbols, "K7M2-Q9XD".
ShortCode = Annotated[StrictStr, Field(pattern=r"^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")]
#: What a customer's QR code holds (``sync.contract.codes``).
QrText = Annotated[StrictStr, Field(min_length=1, max_length=200)]

SoldBy = Literal["unit", "weight"]
PromotionKind = Literal["percent", "amount_off"]


def _real_instant(value: str) -> str:
    """The pattern admits "2025-02-30": the calendar must agree too."""
    datetime.fromisoformat(value)
    return value


#: A time a client gives the server to compute with (a due date, "now", a desk's clock):
#: ISO 8601 with seconds and an explicit offset ("2025-11-25T08:30:00.000Z").
Instant = Annotated[
    StrictStr,
    Field(pattern=r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$"),
    AfterValidator(_real_instant),
]

ShortText = Annotated[StrictStr, Field(max_length=64)]
Name = Annotated[StrictStr, Field(max_length=200)]
NonEmptyName = Annotated[StrictStr, Field(min_length=1, max_length=200)]
Message = Annotated[StrictStr, Field(max_length=2000)]
Email = Annotated[StrictStr, Field(max_length=254)]
Phone = Annotated[StrictStr, Field(max_length=32)]
