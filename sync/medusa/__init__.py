"""Comptoir's second backend: a Medusa v2 commerce server behind the sync engine's port.

``MedusaBackend(MedusaSettings.from_mapping(...))`` is a ``sync.ports.CentralPort`` (feeds,
pushes) and an ``OrderDeskPort`` (web carts, pickup moves). See ``backend.py`` for the
mapping, ``money.py`` for the cents rules, ``NOTES.md`` for what Medusa answers.
No Qt, no reference server here.
"""

from sync.medusa.backend import MedusaBackend
from sync.medusa.settings import MedusaSettings, SettingsError, backend_name

__all__ = ["MedusaBackend", "MedusaSettings", "SettingsError", "backend_name"]
