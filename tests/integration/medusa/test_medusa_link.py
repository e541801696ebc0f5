"""A till pointed at Medusa from the command line: settings checked against the server,
kept owner-only in the data folder, then the same engine syncs the catalog."""

import stat
from pathlib import Path

import pytest
import tomli_w

from pos.cli import run_link_medusa, run_sync
from pos.services.central_link import MEDUSA_FILE, read_link
from pos.store.local_store import LocalStore
from tests.medusa.helpers import settings_values

pytestmark = pytest.mark.medusa


def _settings_file(path: Path, seed, **overrides) -> Path:
    table = {"sync": {"backend": "medusa", "medusa": settings_values(seed, **overrides)}}
    path.write_text(tomli_w.dumps(table), encoding="utf-8")
    return path


def test_a_till_linked_to_medusa_pulls_its_catalog(seed, tmp_path: Path, capsys) -> None:
    till = tmp_path / "till"
    till.mkdir()
    assert run_link_medusa(till, _settings_file(tmp_path / "m.toml", seed), "T01") == 0
    kept = till / MEDUSA_FILE
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600  # it holds the secret key
    with LocalStore(till / "store.db") as store:
        link = read_link(store)
    assert link is not None and link.backend == "medusa" and link.terminal_id == "T01"
    assert run_sync(till) == 0
    with LocalStore(till / "store.db") as store:
        assert store.catalog.count() > 0
    assert "idle" in capsys.readouterr().out


def test_a_wrong_setting_is_named_and_nothing_is_recorded(seed, tmp_path: Path, capsys) -> None:
    till = tmp_path / "till"
    till.mkdir()
    wrong = _settings_file(tmp_path / "m.toml", seed, sales_channel_id="sc_doesnotexist")
    assert run_link_medusa(till, wrong, "T01") == 1
    assert "sales_channel_id" in capsys.readouterr().err
    assert not (till / MEDUSA_FILE).exists()
    with LocalStore(till / "store.db") as store:
        assert read_link(store) is None
