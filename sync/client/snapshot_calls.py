"""Downloading the first-sync snapshot: one chunk per call, validated whole.

A chunk is refused unread past the reply cap (decoded size, as every reply), then
validated by the contract's column models in one pass (each value checked as in the
feed's item, every column ``count`` long): a bad row refuses the chunk with the reason,
before anything of it reaches the store. The validated bytes go to the store as they
are (``pos.store.snapshot_load`` keeps them until the snapshot is whole).
"""

from __future__ import annotations

from urllib.parse import quote

from sync.client.page_guard import check_page, page_bytes
from sync.client.wire import MAX_REPLY_BYTES, Wire, parse
from sync.contract.snapshot import SnapshotChunk
from sync.ports import CentralRejected, SnapshotPiece

CHUNK_BYTES = page_bytes(5000, MAX_REPLY_BYTES)


class HttpSnapshotCalls:
    """``SnapshotServing`` for ``HttpCentral`` (which sets ``_wire`` and ``store_id``)."""

    _wire: Wire
    store_id: str

    def snapshot(self, cursor: str | None, limit: int) -> SnapshotPiece:
        params: dict[str, str | int] = {"limit": limit}
        if cursor is not None:
            params["cursor"] = cursor
        path = f"/v1/stores/{quote(self.store_id, safe='')}/snapshot"
        # bounded like a 5,000-item page (20 MiB decoded): a 50,000-product chunk is ~7 MB
        data = self._wire.call("GET", path, params=params, max_bytes=CHUNK_BYTES)
        _check_shape(data)
        chunk = parse(SnapshotChunk, data, "a snapshot chunk")
        model = chunk.catalog if chunk.part == "catalog" else chunk.stock
        columns = {name: getattr(model, name) for name in type(model).model_fields}
        return SnapshotPiece(
            chunk.part, chunk.count, columns, data, chunk.next_cursor, chunk.done,
            chunk.catalog_cursor, chunk.stock_cursor,
        )  # fmt: skip


def _check_shape(data: bytes) -> None:
    """Refuse unread a reply that is no chunk of columns (a chunk holds two objects, the
    chunk and its columns) or holds more values than a till validates safely: pydantic
    would hold every value of it (a 22 MB page of items took a till to 1.9 GB)."""
    try:
        check_page(data, "catalog", 1)  # at most 1 object inside the outer one
    except CentralRejected:
        raise CentralRejected(
            "The central API sent a snapshot chunk that is not columns of values, or too "
            "many of them; it was refused unread.",
            code="bad_reply",
        ) from None
