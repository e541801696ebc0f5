"""Serving with uvicorn: bind (port 0 = a free port), then announce the real address.

uvicorn binds its own socket with TCP_NODELAY set; handing it a plain ``socket.socket()``
would skip that and cost ~44 ms per request (Nagle + delayed ACK). So the port is read
back from ``server.servers[0].sockets`` once startup is done, and announced as exactly one
line, ``LISTENING http://HOST:PORT``, on stdout — what tests and scripts wait for.
"""

from __future__ import annotations

import asyncio
import sys

import uvicorn
from starlette.types import ASGIApp

from sync.central.db import Database


async def _announce(server: uvicorn.Server, host: str) -> None:
    while not server.started:
        if server.should_exit:
            return
        await asyncio.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    display = f"[{host}]" if ":" in host else host
    sys.stdout.write(f"LISTENING http://{display}:{port}\n")
    sys.stdout.flush()


async def _serve(server: uvicorn.Server, host: str) -> None:
    announcer = asyncio.create_task(_announce(server, host))
    try:
        await server.serve()
    finally:
        announcer.cancel()


def serve(app: ASGIApp, db: Database, host: str, port: int, log_level: str) -> None:
    """Run until SIGINT/SIGTERM; the database is closed on the way out."""
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level=log_level,
        access_log=False,
        lifespan="off",
        http="h11",
        loop="asyncio",
        timeout_keep_alive=30,
    )
    server = uvicorn.Server(config)
    try:
        asyncio.run(_serve(server, host))
    finally:
        db.close()
