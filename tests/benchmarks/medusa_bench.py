"""Medusa v2 as the backend, against our reference server, on the same two jobs:

1. a full catalog pull of ``--variants`` products (10,000) through the backend's port,
   page by page as the engine asks for them, and the same through the engine into a
   fresh local store;
2. the push of ``--sales`` queued sales (1,000), in the engine's batches;
3. with Comptoir's plugin (``medusa_plugin_bench``): one sale per push against Medusa's
   own order creation for the same baskets (the floor), an engine drain of ``--drain``
   queued sales, and the incremental pull of 1,000 changed stock levels.

Usage: ``.venv/bin/python -m tests.benchmarks.medusa_bench [--variants N] [--sales N]
[--single N] [--drain N] [--drain-floor N] [--only medusa|reference|plugin] [--json FILE]``
(``--only plugin``: part 3 beside the reference server's one-sale push). Starts a
throw-away Medusa (see ``tests/support/medusa_peer.py``) and a
reference server, stops both. Prints one line per figure.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sync.client.http_central import HttpCentral
from sync.engine.engine import SyncEngine
from sync.engine.pusher import DEFAULT_BATCH
from sync.medusa import MedusaBackend, MedusaSettings
from sync.ports import CentralPort, OutgoingOperation
from tests.benchmarks.medusa_plugin_bench import bench_plugin, reference_single_sales
from tests.medusa.helpers import catalog_by_sku, sale_operation, settings_values
from tests.medusa.seed import CATALOG, MedusaAdmin, Seed, seed_bulk_catalog
from tests.support.central_server import CentralServer
from tests.support.medusa_peer import MedusaPeer
from tests.support.sale_ops import SaleChain, canonical_json

PAGE = 5000  # the engine's page limit (the Medusa adapter serves at most 1,000 a page)


def timed(label: str, run: Callable[[], Any], results: dict[str, float]) -> Any:
    started = time.monotonic()
    value = run()
    results[label] = round(time.monotonic() - started, 2)
    print(f"{label}: {results[label]:.2f} s", flush=True)
    return value


def pull_everything(port: CentralPort, feed: str) -> int:
    cursor, count = None, 0
    while True:
        page = port.pull(feed, cursor, PAGE)
        count += len(page.items)
        cursor = page.next_cursor
        if not page.has_more:
            return count


def push_all(port: CentralPort, operations: Sequence[OutgoingOperation]) -> dict[str, int]:
    statuses: dict[str, int] = {}
    for start in range(0, len(operations), DEFAULT_BATCH):
        for outcome in port.push(operations[start : start + DEFAULT_BATCH]):
            statuses[outcome.status] = statuses.get(outcome.status, 0) + 1
            if outcome.status == "rejected" and statuses["rejected"] <= 3:
                print(f"  rejected {outcome.op_id}: {outcome.code} {outcome.reason}", flush=True)
    return statuses


def engine_pull(port: CentralPort, folder: Path) -> int:
    engine = SyncEngine(folder / "store.db", port, feeds=("catalog",))
    status = engine.sync_once()
    engine.close()
    if status.state != "idle":
        raise RuntimeError(f"engine pull failed: {status.last_error}")
    return engine.totals.pulled.get("catalog", 0)


# -- Medusa ---------------------------------------------------------------------------------


def bench_medusa(
    variants: int,
    sales: int,
    results: dict[str, float],
    plugin: tuple[int, int, int] | None = None,
    cluster: int = 0,
) -> None:
    """The catalog and batch-push figures (skipped when ``variants`` is 0), then the
    plugin's (``plugin``: one-sale pushes, queued sales to drain) on the same peer, run
    as ``cluster`` Medusa processes when given."""
    with MedusaPeer(cluster=cluster) as peer:
        for phase, seconds in peer.timings.items():
            results[f"medusa.setup.{phase}"] = round(seconds, 2)
        print(peer.report(), flush=True)
        seed = peer.seed
        assert seed is not None
        if variants:
            _catalog_and_push(seed, variants, sales, results)
        if plugin:
            bench_plugin(peer, *plugin, results)


def _catalog_and_push(seed: Seed, variants: int, sales: int, results: dict[str, float]) -> None:
    timed(f"medusa.seed_{variants}_variants", lambda: seed_bulk_catalog(seed, variants), results)
    _raise_stock(seed, sales * 3)
    with tempfile.TemporaryDirectory() as folder:
        backend = _backend(seed, Path(folder) / "port")
        try:
            count = timed(
                "medusa.catalog_full_pull", lambda: pull_everything(backend, "catalog"), results
            )
            print(f"  {count} items", flush=True)
            pulled = timed(
                "medusa.catalog_engine_pull",
                lambda: engine_pull(_backend(seed, Path(folder) / "engine"), Path(folder)),
                results,
            )
            print(f"  {pulled} items applied", flush=True)
            catalog = catalog_by_sku(backend)
            items = [catalog[sku] for sku, *_ in CATALOG]
            operations = [
                sale_operation(
                    f"S-BENCH-{n:05d}", [(items[n % len(items)], 1)], ticket_no=n + 1, seq=n + 1
                )
                for n in range(sales)
            ]
            statuses = timed(
                f"medusa.push_{sales}_sales", lambda: push_all(backend, operations), results
            )
            print(f"  {statuses}", flush=True)
            again = timed(
                f"medusa.push_{sales}_sales_again",
                lambda: push_all(backend, operations),
                results,
            )
            print(f"  {again}", flush=True)
        finally:
            backend.close()


def _backend(seed: Seed, folder: Path) -> MedusaBackend:
    return MedusaBackend(MedusaSettings.from_mapping(settings_values(seed), data_dir=folder))


def _raise_stock(seed: Seed, quantity: int) -> None:
    admin = MedusaAdmin(seed.base_url, secret_key=seed.secret_key)
    try:
        for item in seed.inventory_items.values():
            admin.post(
                f"/admin/inventory-items/{item}/location-levels/{seed.location_id}",
                {"stocked_quantity": quantity},
            )
    finally:
        admin.close()


# -- the reference server -----------------------------------------------------------------------


def bench_reference(variants: int, sales: int, results: dict[str, float], single: int = 0) -> None:
    with tempfile.TemporaryDirectory() as folder:
        server = CentralServer(Path(folder) / "central.db", products=variants, faults=False)
        timed("reference.start_and_seed", server.start, results)
        try:
            token = server.enrol()
            port = HttpCentral(server.url, "lyon-part-dieu", "T01", token)
            try:
                count = timed(
                    "reference.catalog_full_pull", lambda: pull_everything(port, "catalog"), results
                )
                print(f"  {count} items", flush=True)
                engine_port = HttpCentral(server.url, "lyon-part-dieu", "T01", token)
                pulled = timed(
                    "reference.catalog_engine_pull",
                    lambda: engine_pull(engine_port, Path(folder)),
                    results,
                )
                print(f"  {pulled} items applied", flush=True)
                chain = SaleChain()
                operations = []
                for _ in range(sales):
                    op = chain.sale()
                    operations.append(
                        OutgoingOperation(
                            op["op_id"], op["seq"], op["kind"], canonical_json(op["payload"])
                        )
                    )
                statuses = timed(
                    f"reference.push_{sales}_sales", lambda: push_all(port, operations), results
                )
                print(f"  {statuses}", flush=True)
                again = timed(
                    f"reference.push_{sales}_sales_again",
                    lambda: push_all(port, operations),
                    results,
                )
                print(f"  {again}", flush=True)
                if single:
                    reference_single_sales(port, single, results)
            finally:
                port.close()
        finally:
            server.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", type=int, default=10_000)
    parser.add_argument("--sales", type=int, default=1_000)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--single", type=int, default=50, help="one-sale pushes timed")
    parser.add_argument("--drain", type=int, default=1_000, help="queued sales drained")
    parser.add_argument(
        "--drain-floor", type=int, default=0, help="the drain's floor on the first N (0: all)"
    )
    parser.add_argument("--only", choices=("medusa", "reference", "plugin"))
    parser.add_argument("--cluster", type=int, default=0, help="medusa start --cluster N")
    args = parser.parse_args(argv)
    results: dict[str, float] = {}
    if args.only in (None, "reference", "plugin"):
        small = args.only == "plugin"
        bench_reference(
            1_000 if small else args.variants, 0 if small else args.sales, results, args.single
        )
    if args.only in (None, "medusa", "plugin"):
        variants = 0 if args.only == "plugin" else args.variants
        plugin = (args.single, args.drain, args.drain_floor)
        bench_medusa(variants, args.sales, results, plugin, args.cluster)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n")
    print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
