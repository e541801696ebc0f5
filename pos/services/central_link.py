"""This till's link to the central commerce API: enrolment, and the engine that syncs.

The link belongs to the data folder, not to the settings file: the folder's cursors,
outbox and journal are those of one terminal of one store on one central server, so the
same folder pointed at another server or terminal would mix two histories. ``comptoir
enrol`` records the link in the store database and the token in the ``TokenStore``
(the OS keyring, else an owner-only file); the token is never logged.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pos.config import DATABASE_FILE
from pos.domain.errors import PosError
from pos.services.terminal_keys import (
    REGISTERED_KEY_SETTING,
    key_lineage,
    rotate_for_enrolment,
    terminal_keys,
)
from pos.store.local_store import LocalStore
from sync.ports import CentralError

if TYPE_CHECKING:  # the clients load httpx, pydantic and keyring: only when they are used
    from sync.client import HttpCentral
    from sync.client.carts import HttpCarts
    from sync.engine import SyncEngine, SyncStatus
    from sync.medusa import MedusaBackend, MedusaSettings
    from sync.medusa.web_carts import MedusaCarts

_KEYS = ("central_url", "central_store_id", "central_terminal_id", "central_ca_file")
#: The signing key central acknowledged at enrolment (its id): the one it checks against.
REGISTERED_KEY = REGISTERED_KEY_SETTING
BACKEND_KEY = "central_backend"  # "central" (our own API, the default) or "medusa"
MEDUSA_FILE = "medusa.toml"  # the Medusa settings and keys, owner-only, in the data folder
#: Comptoir's plugin as found in Medusa at link time: its version, "" when not installed.
MEDUSA_PLUGIN_KEY = "medusa_plugin"
#: What a store loses without the plugin (``comptoir link-medusa`` says it; the till too).
WITHOUT_PLUGIN = (
    "Without it, web carts cannot be rung up at the till, sales are recorded at Medusa's "
    "own prices rather than the till's, pickup moves, partial pickups, expiry and "
    "incremental pulls need it, and till sessions, Z reports, managers' approvals, "
    "cancelled sales and drawer openings stay at the till, set aside."
)


@dataclass(frozen=True, slots=True)
class CentralLink:
    url: str
    store_id: str
    terminal_id: str
    ca_file: str = ""  # a private CA for a self-signed central server; "" = the system's
    backend: str = "central"  # or "medusa": the same engine over another platform

    @property
    def account(self) -> str:
        """The token's name in the keyring: one per terminal of one store."""
        return f"{self.store_id}/{self.terminal_id}"


def read_link(store: LocalStore) -> CentralLink | None:
    """The enrolled link, or None for a till that has never been enrolled (demo, offline)."""
    url, store_id, terminal_id, ca_file = (store.setting(key) for key in _KEYS)
    if not (url and store_id and terminal_id):
        return None
    return CentralLink(url, store_id, terminal_id, ca_file, store.setting(BACKEND_KEY, "central"))


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

    The terminal's signing key is rotated first (``terminal_keys``) and the new one sent
    with the keys that signed before it, for central to register and check every pushed
    entry against; the key id central acknowledged is kept (``registered_key_id``).
    A folder already linked to another store or terminal is refused: its sales and
    cursors belong to that one (use a new data folder)."""
    from dataclasses import asdict

    from sync.client import TokenStore, enrol

    existing = read_link(store)
    link = CentralLink(url.rstrip("/"), store_id, terminal_id, ca_file)
    if existing and (existing.store_id, existing.terminal_id) != (store_id, terminal_id):
        raise PosError(
            f"This data folder already belongs to terminal {existing.terminal_id} of store "
            f"{existing.store_id}: enrol another terminal from a new data folder.",
            code="already_enrolled",
        )
    _old, new = rotate_for_enrolment(store, terminal_id=terminal_id)
    mine, earlier = key_lineage(store, new)
    enrolment = enrol(
        link.url, store_id, terminal_id, code, ca_file=ca_file or None,
        terminal_key=asdict(mine), earlier_keys=[asdict(record) for record in earlier],
    )  # fmt: skip
    TokenStore(data_dir, link.account).save(enrolment.token)
    for key, value in zip(_KEYS, (link.url, store_id, terminal_id, ca_file), strict=True):
        store.set_setting(key, value)
    store.set_setting("terminal_id", terminal_id)
    store.set_setting("store_name", enrolment.store_name)
    store.set_setting(REGISTERED_KEY, enrolment.registered_key_id)
    return link


def sync_engine(
    data_dir: Path, link: CentralLink, on_status: Callable[[SyncStatus], None]
) -> SyncEngine:
    """The engine for an enrolled till (not started). A lost token is a clear error.
    The first failed round of each streak is recorded in the JET (``sync_failed``)."""
    from pos.services.till_events import SyncFailureWatch
    from sync.client import HttpCentral, TokenStore
    from sync.engine import SyncEngine
    from sync.medusa import MedusaBackend

    on_status = SyncFailureWatch(data_dir, link.terminal_id, on_status)
    if link.backend == "medusa":
        backend = MedusaBackend(medusa_settings(data_dir), terminal_id=link.terminal_id)
        # The engine asks only for the feeds Medusa serves (``feeds_served``; its staff
        # come from Comptoir's plugin, README).
        return SyncEngine(data_dir / DATABASE_FILE, backend, on_status=on_status)
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


def medusa_settings(data_dir: Path) -> MedusaSettings:
    """The Medusa settings kept in the data folder; a missing or wrong one is a PosError
    naming the setting (the status bar shows it)."""
    from sync.medusa import MedusaSettings, backend_name
    from sync.medusa import SettingsError as MedusaSettingsError

    try:
        values = tomllib.loads((data_dir / MEDUSA_FILE).read_text(encoding="utf-8"))
        sync = values.get("sync", {})
        if backend_name(sync) != "medusa":
            raise MedusaSettingsError('sync.backend must be "medusa" in this file.')
        return MedusaSettings.from_mapping(sync.get("medusa", {}), data_dir=data_dir)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise PosError(
            f"The Medusa settings in {data_dir / MEDUSA_FILE} cannot be read ({exc}): "
            "link the till to Medusa again.",
            code="medusa_settings",
        ) from None
    except MedusaSettingsError as exc:
        raise PosError(str(exc), code="medusa_settings") from None


@dataclass(frozen=True, slots=True)
class MedusaLinked:
    store_id: str
    plugin_version: str  # "": Comptoir's plugin is not installed in that Medusa
    registered_key_id: str = ""  # the terminal key the plugin acknowledged ("": none)


def link_medusa(
    store: LocalStore, data_dir: Path, settings_file: Path, terminal_id: str
) -> MedusaLinked:
    """Use a Medusa v2 store as this till's central platform.

    The settings are checked offline, then against the server (every id must exist and
    fit the others), before anything is recorded; the file is kept owner-only in the
    data folder (it holds the secret key). Whether Comptoir's plugin is there is recorded
    too: the till tells what does not work without it."""
    from sync.medusa import MedusaBackend
    from sync.medusa import SettingsError as MedusaSettingsError

    if read_link(store) is not None:
        raise PosError(
            "This data folder is already linked to a central platform: use a new data folder.",
            code="already_enrolled",
        )
    target = data_dir / MEDUSA_FILE
    text = settings_file.read_text(encoding="utf-8")
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    try:
        settings = medusa_settings(data_dir)
        with MedusaBackend(settings, terminal_id=terminal_id) as backend:
            resolved = backend.verify()
            registered = _register_key(store, backend, terminal_id)
    except (PosError, MedusaSettingsError, CentralError) as exc:
        target.unlink(missing_ok=True)
        message = exc.message if isinstance(exc, PosError | CentralError) else str(exc)
        raise PosError(message, code="medusa_settings") from None
    store_id = resolved.store_id
    values = (settings.base_url, store_id, terminal_id, "")
    for key, value in zip(_KEYS, values, strict=True):
        store.set_setting(key, value)
    store.set_setting(BACKEND_KEY, "medusa")
    store.set_setting("terminal_id", terminal_id)
    store.set_setting("store_name", resolved.store_name)
    plugin = resolved.plugin.version if resolved.plugin else ""
    store.set_setting(MEDUSA_PLUGIN_KEY, plugin)
    store.set_setting(REGISTERED_KEY, registered)
    return MedusaLinked(store_id, plugin, registered)


def _register_key(store: LocalStore, backend: MedusaBackend, terminal_id: str) -> str:
    """A fresh key for this terminal, registered with Comptoir's plugin when it witnesses
    chains: the key id it acknowledged, "" when this Medusa cannot keep it (the notes
    say what is then unchecked)."""
    from sync.medusa.plugin_chains import CHAIN_ENTRY

    rotate_for_enrolment(store, terminal_id=terminal_id)
    plugin = backend.verify().plugin
    if plugin is None or not plugin.applies(CHAIN_ENTRY):
        return ""
    return backend.register_keys(terminal_keys(store))


def medusa_plugin(store: LocalStore, link: CentralLink | None) -> str | None:
    """Comptoir's plugin version as recorded at link time: None when the till is not
    linked to Medusa (or was linked before this was recorded), "" when Medusa has none."""
    if link is None or link.backend != "medusa":
        return None
    found = store.setting(MEDUSA_PLUGIN_KEY, "?")
    return None if found == "?" else found


def cart_calls(data_dir: Path, link: CentralLink | None) -> HttpCarts | MedusaCarts | None:
    """The till's online-cart calls, or None for a till with no central server (a cart
    then cannot be fetched: the cashier scans the items). A Medusa link goes through
    Comptoir's plugin; without it each cart is refused with the reason."""
    from sync.client import TokenStore
    from sync.client.carts import HttpCarts

    if link is None:
        return None
    if link.backend == "medusa":
        from sync.medusa.web_carts import MedusaCarts

        settings = medusa_settings(data_dir)
        return MedusaCarts(settings, terminal_id=link.terminal_id, store_id=link.store_id)
    token = TokenStore(data_dir, link.account).load()
    if not token:
        return None
    return HttpCarts(link.url, link.store_id, token, ca_file=link.ca_file or None)


#: A return or credit note call the cashier waits for ends within this: past it, central
#: counts as unreachable and the offline rules apply (never a dialog stuck for a minute).
RETURN_CALL_DEADLINE_S = 8.0


def return_calls(data_dir: Path, link: CentralLink | None) -> HttpCentral | MedusaBackend | None:
    """The till's calls for returns and credit notes (find a sale from another till or
    channel, claim it, spend a credit note), or None for a till with no central server:
    the offline rules then apply (this till's own sales, the offline limits). A lost
    token is the same None: the till says it works offline rather than refusing."""
    if link is None:  # no central: nothing of httpx or the client is loaded for it
        return None
    import httpx

    from sync.client import HttpCentral, TokenStore

    timeout = httpx.Timeout(RETURN_CALL_DEADLINE_S, connect=3.0)
    if link.backend == "medusa":
        from sync.medusa import MedusaBackend

        return MedusaBackend(
            medusa_settings(data_dir), terminal_id=link.terminal_id, timeout=timeout,
            deadline_s=RETURN_CALL_DEADLINE_S,
        )  # fmt: skip
    token = TokenStore(data_dir, link.account).load()
    if not token:
        return None
    return HttpCentral(
        link.url, link.store_id, link.terminal_id, token, ca_file=link.ca_file or None,
        timeout=timeout, deadline_s=RETURN_CALL_DEADLINE_S,
    )  # fmt: skip
