"""The software version a ticket prints and the fiscal record names."""

from __future__ import annotations

from functools import cache
from importlib import metadata


@cache
def software_version() -> str:
    """The installed distribution's version (``comptoir``), else the package's own: read
    once per process (it is metadata on disk)."""
    try:
        return metadata.version("comptoir")
    except metadata.PackageNotFoundError:
        import pos

        return getattr(pos, "__version__", "")
