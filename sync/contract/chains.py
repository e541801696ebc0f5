"""The terminal's signed chains on the wire: a ticket's seal, any chain's entry, its key.

Mirrors ``pos.domain.chain_entry``: an entry is signed (ECDSA P-256, SHA-256, DER, base64)
over ``ChainEntry.signed_bytes``, which includes the previous entry's signature, so the
server checks each entry against the key the terminal registered at enrolment and keeps
the last one per chain (the witness). A ticket's entry rides on its ``sale`` operation
without its body (the body is the canonical sale record itself); every other chain's
entry is its own ``chain_entry`` operation, op id ``chain:<terminal>:<chain>:<seq>``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, StrictStr

from sync.contract.scalars import WIRE, Seq, ShortText, Timestamp

ChainName = Literal["ticket", "duplicate", "closure", "event", "training"]
KeyId = Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{16}$")]
Signature = Annotated[StrictStr, Field(pattern=r"^[A-Za-z0-9+/=]{16,200}$")]
#: The previous entry's signature, ``GENESIS``, or ``sha256:<hex>`` (the legacy journal).
PrevLink = Annotated[
    StrictStr, Field(pattern=r"^(GENESIS|sha256:[0-9a-f]{64}|[A-Za-z0-9+/=]{16,200})$")
]
PublicKeyPem = Annotated[StrictStr, Field(min_length=100, max_length=400)]


class ChainSeal(BaseModel):
    """Every field of a chain entry but its body: where it sits and its signature."""

    model_config = WIRE

    terminal_id: ShortText
    chain: ChainName
    seq: Seq
    kind: ShortText
    ref: Annotated[StrictStr, Field(max_length=128)]
    at: Timestamp
    key_id: KeyId
    prev: PrevLink
    sig: Signature


class ChainEntryRecord(ChainSeal):
    """A whole entry: its canonical JSON body (one line) too."""

    body: Annotated[StrictStr, Field(min_length=2, max_length=200_000)]


class ChainEntryPayload(BaseModel):
    """``{"entry": ...}``: the ``chain_entry`` operation, as the terminal queued it."""

    model_config = WIRE

    entry: ChainEntryRecord


class TerminalKey(BaseModel):
    """A terminal's public key, sent at enrolment. A key after the first carries the
    previous key's signature over it (``comptoir-key/1`` rendering), so the chains pass
    from one key to the next only with the old key's consent."""

    model_config = WIRE

    key_id: KeyId
    public_pem: PublicKeyPem
    introduced_by: Annotated[StrictStr, Field(pattern=r"^([0-9a-f]{16})?$")] = ""
    introduction: Annotated[StrictStr, Field(pattern=r"^([A-Za-z0-9+/=]{16,200})?$")] = ""
