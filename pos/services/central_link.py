"""This till's link to the central commerce API: enrolment, and the engine that syncs.

The link belongs to the data folder, not to the settings file: the folder's cursors,
outbox and journal are those of one terminal of one store on one central server, so the
same folder pointed at another server or terminal would mix two histories. ``comptoir
enrol`` records the link in the store database and the token in the ``TokenStore``
(the OS keyring, else an owner-only file); the token is never logged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pos.config import DATABASE_FILE
from pos.domain.errors import PosError
from pos.store.local_store import LocalStore
from sync.client import HttpCentral, TokenStore, enrol
from sync.client.carts import HttpCarts
from sync.engine import SyncEngine, SyncStatus

_KEYS = ("central_url", "central_store_id", "central_terminal_id", "central_ca_file")


@dataclass(frozen=True, slots=True)
class CentralLink:
    url: str
    store_id: str
    terminal_id: str
    ca_file: str = ""  # a private CA for a self-signed central server; "" = the system's

    @property
    def account(self) -> str:
        """The token's name in the keyring: one per terminal of one store."""
        return f"{self.store_id}/{self.terminal_id}"


def read_link(store: LocalStore) -> CentralLink | None:
    """The enrolled link, or None for a till that has never been enrolled (demo, offline)."""
    url, store_id, terminal_id, ca_file = (store.setting(key) for key in _KEYS)
    if not (url and store_id and terminal_id):
        return None
    return CentralLink(url, store_id, terminal_id, ca_file)


def enrol_terminal(
    store: LocalStore,
    data_dir: Path,
    url: str,
    store_id: str,
    terminal_id: str,
    code: str,
    *,
    ca_file: str = "",
) -> CentralLink:
    """Enrol with the central server, keep the token, then record the link.

    A folder already linked to another store or terminal is refused: its sales and
    cursors belong to that one (use a new data folder)."""
    existing = read_link(store)
    link = CentralLink(url.rstrip("/"), store_id, terminal_id, ca_file)
    if existing and (existing.store_id, existing.terminal_id) != (store_id, terminal_id):
        raise PosError(
            f"This data folder already belongs to terminal {existing.terminal_id} of store "
            f"{existing.store_id}: enrol another terminal from a new data folder.",
            code="already_enrolled",
        )
    enrolment = enrol(link.url, store_id, terminal_id, code, ca_file=ca_file or None)
    TokenStore(data_dir, link.account).save(enrolment.token)
    for key, value in zip(_KEYS, (link.url, store_id, terminal_id, ca_file), strict=True):
        store.set_setting(key, value)
    store.set_setting("terminal_id", terminal_id)
    store.set_setting("store_name", enrolment.store_name)
    return link


def sync_engine(
    data_dir: Path, link: CentralLink, on_status: Callable[[SyncStatus], None]
) -> SyncEngine:
    """The engine for an enrolled till (not started). A lost token is a clear error."""
    token = TokenStore(data_dir, link.account).load()
    if not token:
        raise PosError(
            "This till's access to the central server is missing: enrol it again.",
            code="not_enrolled",
        )
    central = HttpCentral(
        link.url, link.store_id, link.terminal_id, token, ca_file=link.ca_file or None
    )
    return SyncEngine(data_dir / DATABASE_FILE, central, on_status=on_status)


def cart_calls(data_dir: Path, link: CentralLink | None) -> HttpCarts | None:
    """The till's online-cart calls, or None for a till with no central server (a cart
    then cannot be fetched: the cashier scans the items)."""
    if link is None:
        return None
    token = TokenStore(data_dir, link.account).load()
    if not token:
        return None
    return HttpCarts(link.url, link.store_id, token, ca_file=link.ca_file or None)
