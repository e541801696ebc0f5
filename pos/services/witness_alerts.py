"""Central's warnings about this till's signed chains, brought to a manager.

Central flags what the till's own checks cannot see once someone has the machine: a
chain rolled back (``chain_rewrite``), rebuilt with a fresh key (``unknown_key``), an entry
edited after signing (``bad_signature``), a gap (``chain_break``). Each one waits here
until a manager, signing in, has been shown it and acknowledged it; who and when is kept.
Each call opens the store on the calling thread (a worker's, from the UI) and closes it.
"""

from __future__ import annotations

from pathlib import Path

from pos.config import DATABASE_FILE
from pos.domain.rights import Actor, Right
from pos.store import sync_attention
from pos.store.local_store import LocalStore
from pos.store.sync_attention import ChainAlert as ChainAlert  # the UI's, from here


class WitnessAlerts:
    """One till's unacknowledged chain warnings."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / DATABASE_FILE

    @staticmethod
    def concerns(actor: Actor | None) -> bool:
        """Managers and administrators are shown them (those who may approve)."""
        return actor is not None and actor.may(Right.APPROVE)

    def pending(self) -> list[ChainAlert]:
        with LocalStore(self.path) as store:
            return sync_attention.chain_alerts(store.conn)

    def acknowledge(self, alerts: list[ChainAlert], actor: Actor) -> int:
        """Record that ``actor`` saw these; return how many were not acknowledged yet."""
        with LocalStore(self.path) as store:
            return sync_attention.acknowledge(
                store.conn,
                [alert.warning_id for alert in alerts],
                staff_id=actor.staff_id,
                staff_name=actor.display_name,
            )
