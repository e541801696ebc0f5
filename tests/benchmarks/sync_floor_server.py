"""The push floor: a bare Starlette endpoint keeping a batch over a full-size catalog.

    python tests/benchmarks/sync_floor_server.py DB_FILE   # prints LISTENING http://…

``DB_FILE`` is a copy of the seeded central (its ``products`` table: the same catalog
size as the reference server's), so index depth and page cache cost what they cost
there. The least of the same work, in one transaction per batch: parse the JSON,
``INSERT OR IGNORE`` each operation by op_id (idempotence), look the sale lines'
products up in ``products`` (one ``IN`` query), write one movement row per line; answer
one result per operation. ``GET /movements?after=N`` is the least of the pull that
follows: the movement rows after N. No validation, no hashing, no chain, no levels.
Served the way the reference server is (uvicorn, h11, asyncio, database work in the
thread pool), so the difference between the two is the work the reference server does,
not the plumbing.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import sys
import threading

import uvicorn
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

_lock = threading.Lock()


def build(path: str) -> Starlette:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(
        "CREATE TABLE IF NOT EXISTS floor_ops (op_id TEXT PRIMARY KEY, seq INTEGER, "
        "kind TEXT, payload TEXT) WITHOUT ROWID"
    )
    conn.execute(
        "CREATE TABLE IF NOT EXISTS floor_movements (id INTEGER PRIMARY KEY, "
        "product_id INTEGER, delta INTEGER, op_id TEXT)"
    )

    def keep(operations: list[dict]) -> bytes:
        rows = [(o["op_id"], o["seq"], o["kind"], json.dumps(o["payload"])) for o in operations]
        lines = [
            (line["product_id"], -line["quantity"], o["op_id"])
            for o in operations
            if o["kind"] == "sale"
            for line in o["payload"]["sale"]["lines"]
        ]
        ids = sorted({line[0] for line in lines})
        with _lock:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany("INSERT OR IGNORE INTO floor_ops VALUES (?, ?, ?, ?)", rows)
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ",".join("?" * len(chunk))
                conn.execute(f"SELECT id FROM products WHERE id IN ({marks})", chunk).fetchall()
            conn.executemany(
                "INSERT INTO floor_movements (product_id, delta, op_id) VALUES (?, ?, ?)", lines
            )
            conn.execute("COMMIT")
        results = [{"op_id": o["op_id"], "status": "accepted"} for o in operations]
        return json.dumps({"results": results}).encode()

    def movements(after: int) -> bytes:
        with _lock:
            rows = conn.execute(
                "SELECT id, product_id, delta FROM floor_movements WHERE id > ? ORDER BY id",
                (after,),
            ).fetchall()
        return json.dumps({"items": rows}).encode()

    async def push(request: Request) -> Response:
        body = json.loads(await request.body())
        data = await run_in_threadpool(keep, body["operations"])
        return Response(data, media_type="application/json")

    async def pull(request: Request) -> Response:
        data = await run_in_threadpool(movements, int(request.query_params.get("after", 0)))
        return Response(data, media_type="application/json")

    return Starlette(
        routes=[Route("/ops", push, methods=["POST"]), Route("/movements", pull, methods=["GET"])]
    )


async def _serve(server: uvicorn.Server) -> None:
    async def announce() -> None:
        while not server.started:
            await asyncio.sleep(0.01)
        port = server.servers[0].sockets[0].getsockname()[1]
        print(f"LISTENING http://127.0.0.1:{port}", flush=True)

    task = asyncio.create_task(announce())
    await server.serve()
    task.cancel()


def main() -> None:
    config = uvicorn.Config(
        build(sys.argv[1]), host="127.0.0.1", port=0, log_level="warning", access_log=False,
        lifespan="off", http="h11", loop="asyncio",
    )  # fmt: skip
    asyncio.run(_serve(uvicorn.Server(config)))


if __name__ == "__main__":
    main()
