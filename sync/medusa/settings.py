"""Which Medusa, which keys, which channel and which store: the backend's settings.

Read from a mapping (the ``[sync.medusa]`` table of the settings file, say) with
``MedusaSettings.from_mapping``: each wrong or missing setting is named in a
``SettingsError`` sentence saying what to put there. ``verify_settings`` (in
``sync.medusa.checks``) then asks the server whether each id exists and fits the others.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

BACKENDS = ("central", "medusa")


class SettingsError(ValueError):
    """A setting is missing or wrong; the message names it and says what it should be."""


@dataclass(frozen=True, slots=True)
class MedusaSettings:
    base_url: str  # https://shop.example.com (http:// only to this machine)
    secret_api_key: str  # sk_..., admin API: catalog, stock, customers, orders
    publishable_api_key: str  # pk_..., store API, linked to the POS sales channel
    sales_channel_id: str  # sc_..., the POS channel in-store sales are recorded in
    stock_location_id: str  # sloc_..., this store's stock and pickup point
    region_id: str  # reg_..., prices and taxes (currency EUR)
    state_path: Path  # the adapter's own SQLite file (ids, sale pushes)
    country_code: str = "fr"  # whose VAT rates apply
    pickup_option_id: str = ""  # so_...; found from the stock location when empty
    store_id: str = ""  # our store id ("paris-rivoli"); the location's name when empty
    payment_provider_id: str = "pp_system_default"
    web_warehouse_location_id: str = ""  # sloc_...: the location shown as the web warehouse
    currency_code: str = "eur"

    def __repr__(self) -> str:  # never the keys
        return (
            f"MedusaSettings({self.base_url!r}, channel={self.sales_channel_id!r}, "
            f"location={self.stock_location_id!r}, region={self.region_id!r})"
        )

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any], *, data_dir: Path) -> MedusaSettings:
        """Settings from a table like::

        [sync]
        backend = "medusa"
        [sync.medusa]
        url = "https://shop.example.com"
        secret_api_key = "sk_..."
        publishable_api_key = "pk_..."
        sales_channel_id = "sc_..."
        stock_location_id = "sloc_..."
        region_id = "reg_..."
        """
        return cls(
            base_url=_url(values.get("url")),
            secret_api_key=_token(values, "secret_api_key", "sk_", "a secret API key"),
            publishable_api_key=_token(
                values, "publishable_api_key", "pk_", "the POS channel's publishable API key"
            ),
            sales_channel_id=_id(values, "sales_channel_id", "sc_", "the POS sales channel"),
            stock_location_id=_id(values, "stock_location_id", "sloc_", "this store's location"),
            region_id=_id(values, "region_id", "reg_", "the region of the store's prices"),
            country_code=_country(values.get("country_code", "fr")),
            pickup_option_id=_optional_id(values, "pickup_option_id", "so_"),
            store_id=_store_id(values.get("store_id", "")),
            payment_provider_id=str(values.get("payment_provider_id", "pp_system_default")),
            web_warehouse_location_id=_optional_id(
                values, "web_warehouse_location_id", "sloc_", "the web warehouse's location"
            ),
            state_path=Path(values.get("state_path") or data_dir / "medusa-state.db"),
        )


def backend_name(values: Mapping[str, Any]) -> str:
    """``[sync] backend``: "central" (our own API, the default) or "medusa"."""
    name = values.get("backend", "central")
    if name not in BACKENDS:
        raise SettingsError(
            f"sync.backend is {name!r}: it must be one of {', '.join(map(repr, BACKENDS))}."
        )
    return str(name)


def _url(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise SettingsError(
            "sync.medusa.url is missing: put the Medusa server's address, "
            "like https://shop.example.com."
        )
    parts = urlsplit(value.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise SettingsError(
            f"sync.medusa.url {value!r} is not a web address: it must start with https://."
        )
    if parts.scheme == "http" and not _loopback(parts.hostname):
        raise SettingsError(
            f"sync.medusa.url {value!r} uses http://: only https:// is accepted "
            "(http:// is allowed for this machine only)."
        )
    if parts.path not in ("", "/") or parts.query:
        raise SettingsError(
            f"sync.medusa.url {value!r} has a path: give the server's root address only."
        )
    return f"{parts.scheme}://{parts.netloc}"


def _token(values: Mapping[str, Any], name: str, prefix: str, what: str) -> str:
    value = values.get(name)
    if not isinstance(value, str) or not value:
        raise SettingsError(f"sync.medusa.{name} is missing: put {what} ({prefix}...).")
    if not value.startswith(prefix) or not re.fullmatch(r"[A-Za-z0-9_]+", value):
        raise SettingsError(
            f"sync.medusa.{name} does not look like {what}: Medusa's start with {prefix!r}."
        )
    return value


def _id(values: Mapping[str, Any], name: str, prefix: str, what: str) -> str:
    value = values.get(name)
    if not isinstance(value, str) or not value:
        raise SettingsError(f"sync.medusa.{name} is missing: put the id of {what} ({prefix}...).")
    if not value.startswith(prefix) or not re.fullmatch(r"[A-Za-z0-9_]+", value):
        raise SettingsError(
            f"sync.medusa.{name} {value!r} is not an id of {what}: Medusa's start with {prefix!r}."
        )
    return value


def _optional_id(
    values: Mapping[str, Any], name: str, prefix: str, what: str = "a pickup shipping option"
) -> str:
    if not values.get(name):
        return ""
    return _id(values, name, prefix, what)


def _store_id(value: Any) -> str:
    if value == "":
        return ""
    if not isinstance(value, str) or not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,63}", value):
        raise SettingsError(
            f"sync.medusa.store_id {value!r} must be lower-case letters, digits and hyphens, "
            "like paris-rivoli."
        )
    return value


def store_slug(name: str) -> str:
    """A store id from a location's name: "Paris Rivoli" -> "paris-rivoli"."""
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return (slug or "store")[:64]


def _country(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{2}", value):
        raise SettingsError(
            f"sync.medusa.country_code {value!r} must be a two-letter country code, like fr."
        )
    return value.lower()


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
