"""Archiving a period of the fiscal record, and checking an archive: the manager's use case.

Shared by ``comptoir archive`` / ``comptoir verify-archive`` and the till's "Archive a
period…" menu. Each call opens the store on the calling thread (a worker's, from the UI)
and closes it. Making an archive is recorded in the JET (``archive_made``: the period,
the file's name and its manifest's SHA-256), once the file is complete on disk.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pos.config import DATABASE_FILE
from pos.domain import fiscal_events as fe
from pos.domain.archive_period import parse_period
from pos.domain.errors import PosError
from pos.domain.rights import Actor, Right, require
from pos.services.software import software_version
from pos.store import events
from pos.store.archive_check import ArchiveReport as ArchiveReport  # the UI's, from here
from pos.store.archive_check import check_archive
from pos.store.archive_writer import ArchiveResult as ArchiveResult
from pos.store.archive_writer import write_archive
from pos.store.local_store import LocalStore

#: Where archives go unless told otherwise: beside the store, in the data folder.
ARCHIVE_FOLDER = "archives"


class Archives:
    """One till's archives."""

    def __init__(self, data_dir: Path, terminal_id: str) -> None:
        self.data_dir = Path(data_dir)
        self.terminal_id = terminal_id

    @property
    def default_folder(self) -> Path:
        return self.data_dir / ARCHIVE_FOLDER

    def make(
        self,
        period_text: str,
        *,
        actor: Actor | None,
        out_dir: Path | None = None,
        source: str = "till",
    ) -> ArchiveResult:
        """Write the period's archive; ``actor`` None is the command line (whoever runs
        it owns the machine). Raises PosError for a period that is not one."""
        if actor is not None:
            require(actor, Right.ARCHIVE)
        try:
            period = parse_period(period_text)
        except ValueError as exc:
            raise PosError(str(exc), code="bad_period", period=period_text) from None
        made_at = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        with LocalStore(self.data_dir / DATABASE_FILE) as store:
            terminal = store.setting("central_terminal_id") or self.terminal_id
            key = store.signing_key()
            result = write_archive(
                store.conn,
                key,
                period,
                out_dir or self.default_folder,
                terminal_id=terminal,
                made_at=made_at,
                version=software_version(),
            )
            detail: dict[str, object] = {
                "period": period.label,
                "file": result.path.name,
                "manifest_sha256": result.manifest_sha256,
                "entries": result.entries,
                "source": source,
            }
            if actor is not None:
                detail["by"] = {"staff_id": actor.staff_id, "name": actor.display_name}
            events.record(
                store.conn,
                key,
                fe.ARCHIVE_MADE,
                detail,
                terminal_id=terminal,
                actor=actor.staff_id if actor else "",
                at=made_at,
            )
        return result

    @staticmethod
    def verify(path: Path) -> ArchiveReport:
        return check_archive(Path(path))
