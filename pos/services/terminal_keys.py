"""The terminal's signing key at enrolment: a fresh key, handed over by the previous one.

Enrolling with the reference server (``enrol_terminal``) or linking to Medusa
(``link_medusa``) makes the key the central witness registers. The previous key (a demo
store's, or one made on first use) signs the new one in ``terminal_keys``, so the chains
it already signed stay verifiable through the hand-over, and the change is a JET event
(``key_changed``) signed with the new key in the same transaction.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pos.store import chains, events
from pos.store.db import write_transaction
from pos.store.local_store import LocalStore
from pos.store.sale_codec import utc_now
from pos.store.signing_key import SigningKey

KEY_CHANGED = "key_changed"  # pos.domain.fiscal_events.KEY_CHANGED once part B lands
#: The key id the central platform acknowledged at enrolment (reference server or Medusa).
REGISTERED_KEY_SETTING = "registered_key_id"


def rotate_for_enrolment(
    store: LocalStore, *, terminal_id: str = ""
) -> tuple[SigningKey, SigningKey]:
    """(old, new): the new key is the terminal's from now on, introduced by the old one.

    ``terminal_id`` names the terminal in the event (the store's setting when empty)."""
    old, new = store.keys.rotate()
    terminal = terminal_id or store.setting("terminal_id")
    with write_transaction(store.conn, path=str(store.path)):
        # Each key listed strictly after the one introducing it: ``chains.trusted_keys``
        # reads the keys by creation time, and two keys of the same millisecond would
        # sort by id, the new one maybe before its parent (then neither is trusted).
        latest = store.conn.execute("SELECT max(created_at) FROM terminal_keys").fetchone()[0]
        first = max(utc_now(), _just_after(latest) if latest else "")
        chains.record_key(store.conn, old, first)  # a no-op when it already signed
        at = _just_after(max(first, latest or ""))
        chains.introduce_key(store.conn, old, new, at)
        # The fields pos.domain.fiscal_events.DETAIL_FIELDS names for key_changed.
        detail: dict[str, object] = {"new_key_id": new.key_id, "old_key_id": old.key_id}
        events.record_in(store.conn, new, KEY_CHANGED, detail, terminal_id=terminal, at=at)
    return old, new


def _just_after(stamp: str) -> str:
    """One millisecond after an ISO ``...T..:..:..mmmZ`` stamp of ``utc_now``."""
    moment = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ") + timedelta(milliseconds=1)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def terminal_keys(store: LocalStore) -> list[dict[str, str]]:
    """Every key of this terminal as the contract's ``TerminalKey``, each after the key
    that introduced it (the central side checks each introduction against the key before
    it; two keys recorded in the same instant would otherwise sort by id)."""
    pending = chains.keys(store.conn)
    ordered: list[chains.KeyRecord] = []
    while pending:
        done = {record.key_id for record in ordered}
        ready = [r for r in pending if not r.introduced_by or r.introduced_by in done]
        ready = ready or pending  # an introducer never recorded: send as is, refused there
        ordered.extend(ready)
        pending = [r for r in pending if r not in ready]
    return [
        {
            "key_id": record.key_id,
            "public_pem": record.public_pem,
            "introduced_by": record.introduced_by,
            "introduction": record.introduction,
        }
        for record in ordered
    ]
