"""The staff feed is pulled from our central server and from Medusa (Comptoir's plugin
keeps a Medusa store's staff; without the plugin the feed is empty)."""

from __future__ import annotations

from pathlib import Path

from pos.services.central_link import MEDUSA_FILE, CentralLink, sync_engine
from sync.engine import DEFAULT_FEEDS

MEDUSA_TOML = """
[sync]
backend = "medusa"
[sync.medusa]
url = "http://127.0.0.1:9"
secret_api_key = "sk_test"
publishable_api_key = "pk_test"
sales_channel_id = "sc_test"
stock_location_id = "sloc_test"
region_id = "reg_test"
"""


MEDUSA_LACKS = {"network_stock", "deliveries", "departments"}


def test_the_staff_feed_is_pulled_from_central_and_from_medusa(tmp_path: Path) -> None:
    assert "staff" in DEFAULT_FEEDS
    (tmp_path / MEDUSA_FILE).write_text(MEDUSA_TOML, encoding="utf-8")
    link = CentralLink("http://127.0.0.1:9", "lyon", "T01", backend="medusa")
    engine = sync_engine(tmp_path, link, lambda _status: None)  # builds, calls nothing
    try:
        assert "staff" in engine.feeds
        # every feed but the other stores' stock and the expected deliveries, which
        # Medusa cannot serve (issue 16), and the departments' names (its product type)
        assert set(engine.feeds) == set(DEFAULT_FEEDS) - MEDUSA_LACKS
    finally:
        engine.close()
        engine.central.close()


def test_an_engine_built_on_medusa_asks_only_for_the_feeds_medusa_serves(tmp_path: Path) -> None:
    """Built directly with the default feeds (as a script or a test would), the engine
    still never asks Medusa for a feed it does not serve: a round would fail on it."""
    from sync.engine import SyncEngine
    from sync.medusa import MedusaBackend

    (tmp_path / MEDUSA_FILE).write_text(MEDUSA_TOML, encoding="utf-8")
    from pos.services.central_link import medusa_settings

    backend = MedusaBackend(medusa_settings(tmp_path), terminal_id="T01")
    engine = SyncEngine(tmp_path / "store.db", backend)
    try:
        assert set(engine.feeds) == set(DEFAULT_FEEDS) - MEDUSA_LACKS
    finally:
        engine.close()
        backend.close()
