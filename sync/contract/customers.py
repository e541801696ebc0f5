"""Customers created at a till, with their consent (issue 15, GDPR), found centrally, and
their history across channels.

A till creates a customer with only what is needed: a name and at least one of an email
or a phone number. Marketing consent is a separate choice, off unless the customer says
yes; when and where it was given (``consent_source`` "store:<store_id>") is kept beside
it. The till makes the id (``cl-`` + a uuid) so a creation made offline is the same
creation when it reaches central: ``POST /v1/stores/{store}/customers`` is idempotent by
``customer_id`` (the same body again: the same answer; another body: 409 ``conflict``).
An email or phone that already belongs to an active customer is refused with 409
``customer_exists`` naming that customer (``error.customer_id``): the till offers them.

Email and phone are checked and normalised here, the one reading for till, central and
the Medusa adapter: an email in lower case, a French number as ``+33`` and nine digits.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StrictBool, StrictStr, field_validator, model_validator

from sync.contract.sales import SignedCents
from sync.contract.scalars import (
    WIRE,
    Count,
    CustomerId,
    Email,
    Flag,
    NonEmptyName,
    Phone,
    Seq,
    StoreId,
    Timestamp,
)

CUSTOMER_EXISTS = "customer_exists"  # 409: the email or phone is an active customer's
MAX_SEARCH_RESULTS = 20
MAX_HISTORY = 50
DEFAULT_HISTORY = 20

_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+$")
_NOT_DIGIT = re.compile(r"\D")
_PHONE_TEXT = re.compile(r"^\+?[\d\s().\-/]{6,40}$")


def normalise_email(text: str) -> str:
    """An email in lower case without surrounding space; ValueError if it cannot be one."""
    email = text.strip().lower()
    if len(email) > 254 or not _EMAIL.fullmatch(email):
        raise ValueError(f"{text!r} is not an email address.")
    return email


def normalise_phone(text: str) -> str:
    """A phone number as ``+`` and digits: French national numbers ("06 12 34 56 78",
    "0033 6…") become ``+33612345678``; ValueError for anything else than a number."""
    if not _PHONE_TEXT.fullmatch(text.strip()):
        raise ValueError(f"{text!r} is not a phone number.")
    digits = _NOT_DIGIT.sub("", text)
    if text.strip().startswith("+"):
        pass
    elif digits.startswith("00"):
        digits = digits[2:]
    elif len(digits) == 10 and digits.startswith("0"):
        digits = "33" + digits[1:]
    else:
        raise ValueError(f"{text!r} is not a French number (0X XX XX XX XX) nor +<country>…")
    if digits.startswith("33") and len(digits) != 11:
        raise ValueError(f"{text!r} is not a French number: nine digits after +33.")
    if not 8 <= len(digits) <= 15 or digits.startswith("0"):
        raise ValueError(f"{text!r} is not a phone number.")
    return "+" + digits


class CustomerCreate(BaseModel):
    """``POST /v1/stores/{store_id}/customers``: a customer the till made, with consent.

    ``loyalty_card``: the customer wants a loyalty card (its code is ``CMPT-CL:<id>``)."""

    model_config = WIRE

    customer_id: CustomerId
    name: NonEmptyName
    email: Email | None = None
    phone: Phone | None = None
    marketing_consent: Flag = False
    loyalty_card: Flag = False

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("a name is needed")
        return value.strip()

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        return None if value is None or not value.strip() else normalise_email(value)

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str | None) -> str | None:
        return None if value is None or not value.strip() else normalise_phone(value)

    @model_validator(mode="after")
    def _contact(self) -> CustomerCreate:
        if self.email is None and self.phone is None:
            raise ValueError("an email or a phone number is needed")
        return self


class ConsentChange(BaseModel):
    """``POST …/customers/{id}/consent``: the customer's marketing choice (withdrawn: false)."""

    model_config = WIRE

    marketing_consent: StrictBool


class CustomerRecord(BaseModel):
    """A customer as central holds it (created, found, or after a consent change)."""

    model_config = WIRE

    id: CustomerId
    name: Annotated[StrictStr, Field(max_length=200)]
    email: Email
    phone: Phone
    loyalty_points: Count
    marketing_consent: Flag
    consent_at: Timestamp | None
    consent_source: Annotated[StrictStr, Field(max_length=80)] | None
    active: Flag
    version: Seq


class CustomerSearchResult(BaseModel):
    """``GET …/customers?q=``: at most 20 active customers, best first."""

    model_config = WIRE

    customers: Annotated[list[CustomerRecord], Field(max_length=MAX_SEARCH_RESULTS)]


class HistoryEntry(BaseModel):
    """One purchase: a store ticket (``store_id``, ``ticket_no``, ``points``) or a web
    order (``code``, ``state``). ``total_cents`` is what was paid (< 0: a return)."""

    model_config = WIRE

    kind: Literal["ticket", "web_order"]
    at: Timestamp
    total_cents: SignedCents
    store_id: StoreId | None = None
    ticket_no: Seq | None = None
    points: Annotated[int, Field(ge=-(10**12), le=10**12)] | None = None
    code: Annotated[StrictStr, Field(max_length=32)] | None = None
    state: Annotated[StrictStr, Field(max_length=32)] | None = None


class CustomerHistory(BaseModel):
    """``GET …/customers/{id}/history?limit=``: newest first, across channels."""

    model_config = WIRE

    customer_id: CustomerId
    entries: Annotated[list[HistoryEntry], Field(max_length=MAX_HISTORY)]


__all__ = [
    "CUSTOMER_EXISTS",
    "ConsentChange",
    "CustomerCreate",
    "CustomerHistory",
    "CustomerRecord",
    "CustomerSearchResult",
    "HistoryEntry",
    "normalise_email",
    "normalise_phone",
]
