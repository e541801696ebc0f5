"""Ask the Medusa server whether the settings fit it, one clear sentence per wrong one.

Run when the backend starts (and from a settings dialog's "Test" button): a wrong id
would otherwise surface later as a puzzling rejected push. Network trouble is not a
settings error: it comes out as ``CentralUnavailable`` and the check can be run again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sync.medusa.http import MedusaHttp
from sync.medusa.settings import MedusaSettings, SettingsError, store_slug
from sync.ports import CentralRejected, NotAuthorised

_LOCATION_FIELDS = (
    "id,name,*address,*sales_channels,*fulfillment_sets,*fulfillment_sets.service_zones,"
    "*fulfillment_sets.service_zones.shipping_options"
)


#: The till-facing contract of ``comptoir-medusa-plugin`` this adapter speaks.
PLUGIN_API = 1


@dataclass(frozen=True, slots=True)
class PluginInfo:
    """Comptoir's plugin as installed in this Medusa (``GET /admin/comptoir/version``)."""

    version: str
    api: int
    operations: tuple[str, ...]  # the operation kinds it applies
    feeds: tuple[str, ...] = ()  # the delta feeds it serves
    features: tuple[str, ...] = ()  # route families beyond operations ("returns")

    def offers(self, feature: str) -> bool:
        return feature in self.features

    def applies(self, kind: str) -> bool:
        return kind in self.operations

    def serves(self, feed: str) -> bool:
        return feed in self.feeds


@dataclass(frozen=True, slots=True)
class Resolved:
    """What the checks found out and the adapter needs."""

    store_name: str
    location_name: str
    pickup_option_ids: tuple[str, ...]  # every pickup option at this store's location
    pickup_option_id: str  # the one in-store sales are recorded with
    address: dict[str, Any]  # the location's, as a cart's shipping address
    store_id: str  # the contract's store id for this location
    plugin: PluginInfo | None = None  # None: Medusa without Comptoir's plugin


def verify_settings(http: MedusaHttp, settings: MedusaSettings) -> Resolved:
    """Check every setting against the server; ``SettingsError`` names the first wrong one."""
    store_name = _secret_key(http)
    _sales_channel(http, settings.sales_channel_id)
    _publishable_key(http, settings)
    _region(http, settings)
    location = _get(
        http,
        f"/admin/stock-locations/{settings.stock_location_id}",
        f"sync.medusa.stock_location_id: there is no stock location "
        f"{settings.stock_location_id!r} in Medusa.",
        fields=_LOCATION_FIELDS,
    )["stock_location"]
    options = _pickup_options(location, settings)
    return Resolved(
        store_name=store_name,
        location_name=str(location.get("name") or ""),
        pickup_option_ids=options,
        pickup_option_id=settings.pickup_option_id or options[0],
        address=_address(location, settings.country_code),
        store_id=settings.store_id or store_slug(str(location.get("name") or "")),
        plugin=plugin_info(http),
    )


def plugin_info(http: MedusaHttp) -> PluginInfo | None:
    """The plugin's version, None when it is not installed (its route is a 404); an
    installed plugin speaking another contract is a settings error naming both."""
    try:
        found = http.admin("GET", "/admin/comptoir/version")
    except CentralRejected as exc:
        if exc.http_status == 404:
            return None
        raise
    api = found.get("api")
    if api != PLUGIN_API:
        raise SettingsError(
            f"The Comptoir plugin in Medusa speaks version {api!r} of the till contract; "
            f"this till speaks version {PLUGIN_API}: install matching versions of "
            "Comptoir and comptoir-medusa-plugin."
        )
    operations = found.get("operations")
    feeds = found.get("feeds")
    features = found.get("features")
    return PluginInfo(
        version=str(found.get("version") or ""),
        api=PLUGIN_API,
        operations=tuple(str(kind) for kind in operations) if isinstance(operations, list) else (),
        feeds=tuple(str(feed) for feed in feeds) if isinstance(feeds, list) else (),
        features=tuple(str(f) for f in features) if isinstance(features, list) else (),
    )


def _address(location: dict[str, Any], country: str) -> dict[str, Any]:
    found = location.get("address") or {}
    address = {
        "first_name": "Comptoir",
        "last_name": str(location.get("name") or "")[:100],
        "address_1": found.get("address_1") or str(location.get("name") or "store"),
        "city": found.get("city") or "",
        "postal_code": found.get("postal_code") or "",
        "country_code": found.get("country_code") or country,
    }
    return {key: value for key, value in address.items() if value}


def _secret_key(http: MedusaHttp) -> str:
    try:
        stores = http.admin("GET", "/admin/stores", params={"fields": "id,name"})["stores"]
    except NotAuthorised:
        raise SettingsError(
            "sync.medusa.secret_api_key was refused by Medusa: create a secret API key "
            "(Settings > Secret API keys) and paste its sk_... token."
        ) from None
    return str(stores[0].get("name") or "") if stores else ""


def _sales_channel(http: MedusaHttp, channel: str) -> None:
    found = _get(
        http,
        f"/admin/sales-channels/{channel}",
        f"sync.medusa.sales_channel_id: there is no sales channel {channel!r} in Medusa.",
        fields="id,is_disabled",
    )["sales_channel"]
    if found.get("is_disabled"):
        raise SettingsError(
            f"sync.medusa.sales_channel_id: the sales channel {channel!r} is disabled."
        )


def _publishable_key(http: MedusaHttp, settings: MedusaSettings) -> None:
    keys = http.admin(
        "GET",
        "/admin/api-keys",
        params={"type": "publishable", "fields": "id,token,revoked_at,*sales_channels"},
    )["api_keys"]
    mine = [key for key in keys if key.get("token") == settings.publishable_api_key]
    if not mine or mine[0].get("revoked_at"):
        raise SettingsError(
            "sync.medusa.publishable_api_key is not a valid publishable key of this Medusa "
            "(unknown or revoked): copy the POS channel's pk_... key."
        )
    channels = {channel["id"] for channel in mine[0].get("sales_channels") or []}
    if settings.sales_channel_id not in channels:
        raise SettingsError(
            "sync.medusa.publishable_api_key is not linked to the sales channel "
            f"{settings.sales_channel_id!r}: link it (Settings > Publishable API keys)."
        )


def _region(http: MedusaHttp, settings: MedusaSettings) -> None:
    region = _get(
        http,
        f"/admin/regions/{settings.region_id}",
        f"sync.medusa.region_id: there is no region {settings.region_id!r} in Medusa.",
        fields="id,currency_code,*countries",
    )["region"]
    if region.get("currency_code") != settings.currency_code:
        raise SettingsError(
            f"sync.medusa.region_id: the region {settings.region_id!r} sells in "
            f"{region.get('currency_code')!r}, not {settings.currency_code!r}."
        )
    countries = {country.get("iso_2") for country in region.get("countries") or []}
    if settings.country_code not in countries:
        raise SettingsError(
            f"sync.medusa.country_code {settings.country_code!r} is not a country of the "
            f"region {settings.region_id!r}."
        )


def _pickup_options(location: dict[str, Any], settings: MedusaSettings) -> tuple[str, ...]:
    channels = {channel["id"] for channel in location.get("sales_channels") or []}
    if settings.sales_channel_id not in channels:
        raise SettingsError(
            f"sync.medusa.stock_location_id: the location {location.get('name')!r} is not "
            f"linked to the sales channel {settings.sales_channel_id!r}."
        )
    options = tuple(
        option["id"]
        for fulfillment_set in location.get("fulfillment_sets") or []
        if fulfillment_set.get("type") == "pickup"
        for zone in fulfillment_set.get("service_zones") or []
        for option in zone.get("shipping_options") or []
    )
    if not options:
        raise SettingsError(
            f"sync.medusa.stock_location_id: the location {location.get('name')!r} has no "
            "pickup shipping option: add a fulfillment set of type pickup with an option."
        )
    if settings.pickup_option_id and settings.pickup_option_id not in options:
        raise SettingsError(
            f"sync.medusa.pickup_option_id {settings.pickup_option_id!r} is not a pickup "
            f"option of the location {location.get('name')!r}."
        )
    return options


def _get(http: MedusaHttp, path: str, not_found: str, **params: str) -> dict[str, Any]:
    try:
        return http.admin("GET", path, params=params)
    except CentralRejected as exc:
        if exc.http_status == 404:
            raise SettingsError(not_found) from None
        raise
