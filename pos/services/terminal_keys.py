"""The terminal key at enrolment: a fresh key, handed over by the old one, on record.

Each enrolment (the reference server's ``enrol``, Medusa's ``link-medusa``) gives the
terminal a new signing key, so the key central registers was never used before it knew
it. When the old key is already on record (it signed entries, a demo store's say, or an
earlier enrolment listed it) the old key signs the new one over (``chains.introduce_key``)
and the local walk keeps trusting every entry; otherwise the new key is simply the root.
The change is itself an event of the JET (``key_changed``), signed by the new key, in the
same transaction.
"""

from __future__ import annotations

from pos.domain import fiscal_events as fe
from pos.store import chains, events
from pos.store.chains import KeyRecord
from pos.store.db import write_transaction
from pos.store.local_store import LocalStore
from pos.store.sale_codec import utc_now
from pos.store.signing_key import SigningKey

#: The enrolment request carries at most this many keys that signed before the new one.
MAX_EARLIER_KEYS = 100


def rotate_for_enrolment(
    store: LocalStore, *, terminal_id: str | None = None
) -> tuple[SigningKey, SigningKey]:
    """(old, new): rotate the key (``KeyStore.rotate``), then in one store transaction
    introduce the new key by the old one when the old one is on record (else list the new
    one as the root) and record ``key_changed`` in the JET."""
    old, new = store.keys.rotate()
    terminal = terminal_id or store.setting("terminal_id") or "T01"
    at = utc_now()
    conn = store.conn
    with write_transaction(conn):
        listed = {record.key_id for record in chains.keys(conn)}
        introduced = old.key_id in listed
        if introduced:
            chains.introduce_key(conn, old, new, at)
        else:
            chains.record_key(conn, new, at)
        detail: dict[str, object] = {
            "new_key_id": new.key_id,
            "old_key_id": old.key_id if introduced else "",
            "reason": "enrolment",
        }
        events.record_in(conn, new, fe.KEY_CHANGED, detail, terminal_id=terminal, at=at)
    return old, new


def key_lineage(store: LocalStore, new: SigningKey) -> tuple[KeyRecord, list[KeyRecord]]:
    """(the new key's record, the keys on record before it, oldest first): what the
    enrolment sends, so central can check entries signed before it enrolled."""
    records = chains.keys(store.conn)
    mine = next(record for record in records if record.key_id == new.key_id)
    earlier = [record for record in records if record.key_id != new.key_id]
    return mine, earlier[-MAX_EARLIER_KEYS:]
