"""A real store file with a small demo catalog, shared by the service tests."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.store.catalog_loader import load_catalog
from pos.store.local_store import LocalStore
from resources.demo.catalog import DEPARTMENTS, DemoProduct, demo_products

CATALOG_SIZE = 600


@pytest.fixture(scope="session")
def demo_items() -> list[DemoProduct]:
    return list(demo_products(CATALOG_SIZE, seed=7))


@pytest.fixture
def store(tmp_path: Path, demo_items: list[DemoProduct]) -> Iterator[LocalStore]:
    with LocalStore(tmp_path / "store.db") as opened:
        load_catalog(opened.conn, DEPARTMENTS, demo_items)
        yield opened
