"""The terminal's signing key at enrolment: a fresh key, handed over by the previous one.

Enrolling with the reference server (``enrol_terminal``) or linking to Medusa
(``link_medusa``) makes the key the central witness registers, never used before it
knew it. The previous key (a demo store's, or one made on first use) is listed and signs
the new one over (``chains.introduce_key``), so the chains it already signed stay
trusted through the hand-over; the change is a JET event (``key_changed``) signed with
the new key, in the same transaction. The new key is kept (keyring or file) only after
that transaction commits: a crash in between leaves the old key signing, still trusted.
"""

from __future__ import annotations

from pos.domain import fiscal_events as fe
from pos.store import chains, events
from pos.store.chains import KeyRecord
from pos.store.db import write_transaction
from pos.store.local_store import LocalStore
from pos.store.sale_codec import utc_now
from pos.store.signing_key import SigningKey
from pos.store.verification import REGISTERED_KEY_SETTING  # noqa: F401 - the setting's name

#: The enrolment request carries at most this many keys that signed before the new one.
MAX_EARLIER_KEYS = 100


def rotate_for_enrolment(
    store: LocalStore, *, terminal_id: str | None = None
) -> tuple[SigningKey, SigningKey]:
    """(old, new): the new key is the terminal's from now on, introduced by the old one.

    ``terminal_id`` names the terminal in the event (the store's setting when empty)."""
    old, new = store.keys.current(), SigningKey.generate()
    terminal = terminal_id or store.setting("terminal_id") or "T01"
    at = utc_now()
    with write_transaction(store.conn, path=str(store.path)):
        chains.record_key(store.conn, old, at)  # a no-op when it already signed
        chains.introduce_key(store.conn, old, new, at)
        detail: dict[str, object] = {
            "new_key_id": new.key_id,
            "old_key_id": old.key_id,
            "reason": "enrolment",
        }
        events.record_in(store.conn, new, fe.KEY_CHANGED, detail, terminal_id=terminal, at=at)
    store.keys.replace(new)
    return old, new


def terminal_keys(store: LocalStore) -> list[dict[str, str]]:
    """Every key of this terminal as the contract's ``TerminalKey``, each after the key
    that introduced it (the order a central witness checks the introductions in)."""
    return [
        {
            "key_id": record.key_id,
            "public_pem": record.public_pem,
            "introduced_by": record.introduced_by,
            "introduction": record.introduction,
        }
        for record in chains.keys_in_order(store.conn)
    ]


def key_lineage(store: LocalStore, new: SigningKey) -> tuple[KeyRecord, list[KeyRecord]]:
    """(the new key's record, the keys on record before it, in introduction order): what
    the enrolment sends, so central can check entries signed before it enrolled."""
    records = chains.keys_in_order(store.conn)
    mine = next(record for record in records if record.key_id == new.key_id)
    earlier = [record for record in records if record.key_id != new.key_id]
    return mine, earlier[-MAX_EARLIER_KEYS:]
