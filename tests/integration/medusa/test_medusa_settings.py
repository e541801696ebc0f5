"""Choosing the Medusa backend: each wrong setting named in a sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from sync.medusa import MedusaBackend, MedusaSettings, SettingsError, backend_name
from sync.ports import CentralRejected
from tests.medusa.helpers import settings_values

GOOD = {
    "url": "https://shop.example.com",
    "secret_api_key": "sk_abc123",
    "publishable_api_key": "pk_abc123",
    "sales_channel_id": "sc_01POS",
    "stock_location_id": "sloc_01PARIS",
    "region_id": "reg_01FR",
}


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({"url": None}, "sync.medusa.url is missing"),
        ({"url": "ftp://shop"}, "is not a web address"),
        ({"url": "http://shop.example.com"}, "uses http://"),
        ({"url": "https://shop.example.com/admin"}, "has a path"),
        ({"secret_api_key": ""}, "sync.medusa.secret_api_key is missing"),
        ({"secret_api_key": "pk_abc"}, "start with 'sk_'"),
        ({"publishable_api_key": "sk_abc"}, "start with 'pk_'"),
        ({"sales_channel_id": "POS"}, "sync.medusa.sales_channel_id 'POS' is not an id"),
        ({"stock_location_id": None}, "sync.medusa.stock_location_id is missing"),
        ({"region_id": "fr"}, "sync.medusa.region_id 'fr'"),
        ({"country_code": "france"}, "two-letter country code"),
        ({"pickup_option_id": "pickup"}, "sync.medusa.pickup_option_id"),
    ],
)
def test_a_wrong_setting_is_named(changes, named, tmp_path: Path):
    with pytest.raises(SettingsError, match=named):
        MedusaSettings.from_mapping({**GOOD, **changes}, data_dir=tmp_path)


def test_good_settings_and_the_backend_choice(tmp_path: Path):
    settings = MedusaSettings.from_mapping(
        {**GOOD, "url": "http://127.0.0.1:9000/"}, data_dir=tmp_path
    )

    assert settings.base_url == "http://127.0.0.1:9000"
    assert settings.state_path == tmp_path / "medusa-state.db"
    assert "sk_abc123" not in repr(settings)
    assert backend_name({}) == "central"
    assert backend_name({"backend": "medusa"}) == "medusa"
    with pytest.raises(SettingsError, match=r"sync\.backend is 'shopify'"):
        backend_name({"backend": "shopify"})


@pytest.mark.medusa
@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({"secret_api_key": "sk_0000"}, "secret_api_key was refused"),
        ({"publishable_api_key": "pk_0000"}, "publishable_api_key is not a valid"),
        ({"sales_channel_id": "sc_01NOPE"}, "no sales channel 'sc_01NOPE'"),
        ({"stock_location_id": "sloc_01NOPE"}, "no stock location 'sloc_01NOPE'"),
        ({"region_id": "reg_01NOPE"}, "no region 'reg_01NOPE'"),
        ({"country_code": "de"}, "'de' is not a country of the region"),
        ({"pickup_option_id": "so_01NOPE"}, "'so_01NOPE' is not a pickup option"),
    ],
)
def test_settings_that_do_not_fit_the_server_are_named(changes, named, seed, tmp_path: Path):
    settings = MedusaSettings.from_mapping(settings_values(seed, **changes), data_dir=tmp_path)
    with MedusaBackend(settings) as backend:
        with pytest.raises(SettingsError, match=named):
            backend.verify()
        with pytest.raises(CentralRejected) as refused:  # what the engine sees
            backend.pull("catalog", None, 10)
        assert refused.value.code == "bad_settings"


@pytest.mark.medusa
def test_the_web_channels_key_is_not_the_tills(seed, tmp_path: Path):
    values = settings_values(seed, publishable_api_key=seed.web_publishable_key)
    settings = MedusaSettings.from_mapping(values, data_dir=tmp_path)
    with MedusaBackend(settings) as backend, pytest.raises(SettingsError, match="not linked"):
        backend.verify()


@pytest.mark.medusa
def test_the_seeded_settings_verify(backend):
    resolved = backend.verify()

    assert resolved.location_name == "Paris Rivoli"
    assert resolved.pickup_option_id
