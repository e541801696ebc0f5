"""Secrets on disk: written owner-only (0600) and atomically, never half a file.

The terminal's signing key and its API token go to the OS keyring when there is one;
else to a file in the data folder, through here: a temporary file created 0600, flushed
to disk, then renamed over the old one, so a kill leaves the old secret or the new one.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def write_private(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise


def remove_private(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
