"""Where the store's data lives and where the settings file is.

The data folder is, in order: ``--data-dir``, ``COMPTOIR_DATA_DIR``, then the platform's
user data folder. Each folder holds one store database, so several terminals (or tests)
run side by side simply by pointing at different folders. The settings file is found in
the same spirit: ``--config``, ``COMPTOIR_CONFIG``, then ``settings.toml`` in the
platform's user config folder.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

APP_NAME = "comptoir"
DATA_DIR_ENV = "COMPTOIR_DATA_DIR"
DATABASE_FILE = "store.db"
CONFIG_ENV = "COMPTOIR_CONFIG"
SETTINGS_FILE = "settings.toml"
DATA_DIR_MODE = 0o700


def resolve_data_dir(cli_value: str | None = None) -> Path:
    """The data folder chosen by option, environment or platform, created if missing.

    Owner-only (0700): it holds sales and customers. An existing folder is made so too
    (the store's open also fixes the database files: ``pos.store.db``).
    """
    chosen = cli_value or os.environ.get(DATA_DIR_ENV) or user_data_dir(APP_NAME, appauthor=False)
    path = Path(chosen).expanduser().resolve()
    path.mkdir(mode=DATA_DIR_MODE, parents=True, exist_ok=True)
    info = path.stat()
    shared = info.st_mode & stat.S_ISVTX  # /tmp and the like: never ours to close
    if info.st_uid == os.getuid() and not shared and info.st_mode & 0o777 != DATA_DIR_MODE:
        path.chmod(DATA_DIR_MODE)
    return path


def config_path(cli_value: str | None = None) -> Path:
    """The settings file: ``--config``, else ``COMPTOIR_CONFIG``, else the platform folder.

    Not created here: a missing file simply means the defaults.
    """
    chosen = cli_value or os.environ.get(CONFIG_ENV)
    if chosen:
        return Path(chosen).expanduser()
    return Path(user_config_dir(APP_NAME, appauthor=False)) / SETTINGS_FILE
