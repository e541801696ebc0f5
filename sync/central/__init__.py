"""The reference central commerce server (``comptoir-central``): Starlette + SQLite.

It implements ``sync/CONTRACT.md`` for development, demos and tests. It is its own app:
it imports ``sync.contract`` and never the terminal's code (``pos``), which never
imports it either.
"""
