"""Where the store's data lives and who this till is.

The data folder is, in order: ``--data-dir``, ``COMPTOIR_DATA_DIR``, then the platform's
user data folder. Each folder holds one store database, so several terminals (or tests)
run side by side simply by pointing at different folders.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "comptoir"
DATA_DIR_ENV = "COMPTOIR_DATA_DIR"
DATABASE_FILE = "store.db"


def resolve_data_dir(cli_value: str | None = None) -> Path:
    """The data folder chosen by option, environment or platform, created if missing."""
    chosen = cli_value or os.environ.get(DATA_DIR_ENV) or user_data_dir(APP_NAME, appauthor=False)
    path = Path(chosen).expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass(frozen=True, slots=True)
class TillIdentity:
    """This terminal's place in the chain: it numbers tickets and seals its own journal."""

    store_name: str
    terminal_id: str
    cashier: str
