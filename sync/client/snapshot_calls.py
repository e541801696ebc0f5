"""Downloading the first-sync snapshot: one chunk per call, validated whole.

A chunk is refused unread past the reply cap (decoded size, as every reply), then
validated by the contract's column models in one pass (each value checked as in the
feed's item, every column ``count`` long): a bad row refuses the chunk with the reason,
before anything of it reaches the store.
"""

from __future__ import annotations

from urllib.parse import quote

from sync.client.wire import Wire, parse
from sync.contract.snapshot import PART_ITEMS, SnapshotChunk
from sync.ports import SnapshotPiece


class HttpSnapshotCalls:
    """``SnapshotServing`` for ``HttpCentral`` (which sets ``_wire`` and ``store_id``)."""

    _wire: Wire
    store_id: str

    def snapshot(self, cursor: str | None, limit: int) -> SnapshotPiece:
        params: dict[str, str | int] = {"limit": limit}
        if cursor is not None:
            params["cursor"] = cursor
        path = f"/v1/stores/{quote(self.store_id, safe='')}/snapshot"
        data = self._wire.call("GET", path, params=params)
        chunk = parse(SnapshotChunk, data, "a snapshot chunk")
        fields = tuple(PART_ITEMS[chunk.part].model_fields)
        columns = chunk.catalog if chunk.part == "catalog" else chunk.stock
        rows = list(zip(*(getattr(columns, name) for name in fields), strict=True))
        return SnapshotPiece(
            chunk.part, fields, rows, chunk.next_cursor, chunk.done,
            chunk.catalog_cursor, chunk.stock_cursor,
        )  # fmt: skip
