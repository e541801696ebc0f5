"""Reading and writing the TOML settings file.

A missing file means the defaults (the French demo store, no printer), so a fresh till
always starts. Anything wrong in the file is a ``SettingsError`` whose message is one
sentence naming the key and what it expects, never a traceback.
"""

from __future__ import annotations

import os
import tempfile
import tomllib
from pathlib import Path

import tomli_w

from pos.config.model import Settings, SettingsError
from pos.config.validation import settings_from_dict, settings_to_dict


def load_settings(path: Path) -> Settings:
    """The settings in ``path``, the defaults if it does not exist; ``SettingsError`` else."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        raise _file_error("unreadable", path, exc.strerror or str(exc)) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise _file_error("unreadable", path, "it is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise _file_error("malformed", path, str(exc)) from None
    return settings_from_dict(data)


def save_settings(path: Path, settings: Settings) -> None:
    """Write ``settings`` as TOML, atomically: a crash leaves the old file or the new one.

    The text goes to a temporary file in the same folder (same file system, so
    ``os.replace`` is atomic), is flushed to disk, then replaces the old file.
    """
    data = tomli_w.dumps(settings_to_dict(settings)).encode("utf-8")
    temp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
        temp = None
    except OSError as exc:
        raise _file_error("unwritable", path, exc.strerror or str(exc)) from None
    finally:
        if temp is not None:
            Path(temp).unlink(missing_ok=True)


def _file_error(rule: str, path: Path, detail: str) -> SettingsError:
    templates = {
        "unreadable": "The settings file {path} cannot be read ({detail}): check it, "
        "or remove it to start from the defaults.",
        "malformed": "The settings file {path} is not valid TOML ({detail}): correct that "
        "line, or remove the file to start from the defaults.",
        "unwritable": "The settings could not be saved to {path} ({detail}): check that "
        "the folder exists and can be written to.",
    }
    params = {"path": str(path), "detail": detail}
    return SettingsError(templates[rule].format(**params), rule=rule, params=params)
