"""The push floor: a bare Starlette endpoint that keeps a batch with INSERT OR IGNORE.

    python tests/benchmarks/sync_floor_server.py DB_FILE   # prints LISTENING http://…

No validation, no hashing, no chain, no stock: parse the JSON, one ``executemany`` of
``INSERT OR IGNORE`` in one transaction, answer one result per operation. Served the way
the reference server is (uvicorn, h11, asyncio, database work in the thread pool), so the
difference between the two is the work the reference server does, not the plumbing.
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
        "CREATE TABLE IF NOT EXISTS ops (op_id TEXT PRIMARY KEY, seq INTEGER, kind TEXT, "
        "payload TEXT) WITHOUT ROWID"
    )

    def keep(operations: list[dict]) -> bytes:
        rows = [(o["op_id"], o["seq"], o["kind"], json.dumps(o["payload"])) for o in operations]
        with _lock:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany("INSERT OR IGNORE INTO ops VALUES (?, ?, ?, ?)", rows)
            conn.execute("COMMIT")
        results = [{"op_id": o["op_id"], "status": "accepted"} for o in operations]
        return json.dumps({"results": results}).encode()

    async def push(request: Request) -> Response:
        body = json.loads(await request.body())
        data = await run_in_threadpool(keep, body["operations"])
        return Response(data, media_type="application/json")

    return Starlette(routes=[Route("/ops", push, methods=["POST"])])


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
