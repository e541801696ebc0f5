"""Sales through Comptoir's Medusa plugin against their floor (issue 11, "Performance").

The floor is Medusa's own order creation for the same sales: the plugin's script
``order-floor.js`` (``sync/medusa/plugin/src/scripts/order-floor.ts``) run by ``medusa exec``
in the same Medusa database, timed per sale inside Medusa. Figures:

- one sale per push through the plugin (``MedusaBackend.push``, real HTTP), p50/p90, beside
  the floor's p50/p90 for the same baskets and the ratio (target ≤ 1.5);
- a drain of queued sales through the real engine (``SyncEngine`` on an outbox, as
  ``comptoir sync`` does): sales/s and the time 10,000 would take at that rate (a
  projection unless ``--drain 10000``; target ≤ 30 min);
- the incremental pull of 1,000 changed stock levels (the plugin's delta feed; ≤ 2 s).

Baskets are the till's own (``pos.domain``: 1–6 lines, discounts, split tenders) over a
catalog of ``CATALOG_SIZE`` stocked products, so sales are not all on the same goods.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from pos.store.local_store import LocalStore
from pos.store.outbox import enqueue_json
from sync.engine.engine import SyncEngine
from sync.medusa import MedusaBackend, MedusaSettings
from sync.medusa.backend import PLUGIN_CALLS
from sync.medusa.plugin_sales import sale_translator
from sync.ports import CentralPort, OutgoingOperation
from tests.medusa.exact_sales import TillChain, product_of, random_basket
from tests.medusa.helpers import pull_all, settings_values
from tests.medusa.seed import MedusaAdmin
from tests.medusa.variants import set_levels, stocked_variants
from tests.support.medusa_peer import CLI, MEDUSA_DIR, MedusaPeer
from tests.support.sale_ops import SaleChain, canonical_json

CATALOG_SIZE = 400
#: The plugin's lanes run side by side in one call (``operations/dispatch.ts``).
LANE_WORKERS = 4
WARM_UP = 3
FLOOR_SCRIPT = "node_modules/comptoir-medusa-plugin/.medusa/server/src/scripts/order-floor.js"
TARGET_RATIO, TARGET_DRAIN_S, TARGET_DELTA_S = 1.5, 30 * 60, 2.0


def percentiles(times: list[float]) -> tuple[float, float]:
    """p50 and p90 of ``times`` (seconds)."""
    ordered = sorted(times)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]


def line(label: str, value: str, floor: str = "", note: str = "") -> None:
    print(f"{label:<44} {value:>12} {floor:>14} {note}", flush=True)


class PluginBench:
    """The plugin's figures on a running peer; ``results`` gets each one (seconds)."""

    def __init__(self, peer: MedusaPeer, folder: Path, results: dict[str, float]) -> None:
        assert peer.seed is not None
        self.peer, self.seed, self.folder, self.results = peer, peer.seed, folder, results
        self.admin = MedusaAdmin(self.seed.base_url, secret_key=self.seed.secret_key)
        self.rng = random.Random(11)
        self.chain = TillChain(terminal_id="T01")
        self.floor_rate = 0.0

    def close(self) -> None:
        self.admin.close()

    def backend(self, name: str) -> MedusaBackend:
        values = settings_values(self.seed)
        return MedusaBackend(MedusaSettings.from_mapping(values, data_dir=self.folder / name))

    def run(self, single: int, drain: int, drain_floor: int = 0) -> None:
        items = stocked_variants(self.admin, self.seed, CATALOG_SIZE, per_product=10)
        set_levels(self.admin, self.seed, items.values(), 1_000_000)
        backend = self.backend("single")
        try:
            catalog, _ = pull_all(backend, "catalog", limit=1000)
            products = [product_of(item) for item in catalog if item.sku in items]
            assert len(products) == CATALOG_SIZE, len(products)
            self.products = products
            self.single_sales(backend, single)
        finally:
            backend.close()
        self.drain(drain, drain_floor)
        self.delta_pull()

    # -- one sale per push, and its floor -------------------------------------------------

    def sale(self, sale_id: str) -> OutgoingOperation:
        basket, payment = random_basket(self.rng, self.products)
        return self.chain.operation(sale_id, basket, payment)

    def single_sales(self, backend: MedusaBackend, count: int) -> None:
        operations = [self.sale(f"S-ONE-{n:05d}") for n in range(WARM_UP + count)]
        times = []
        for op in operations:
            started = time.perf_counter()
            [outcome] = backend.push([op])
            times.append(time.perf_counter() - started)
            assert outcome.status == "accepted", (outcome.op_id, outcome.reason)
        payloads = self.floor_payloads(backend, operations)
        # The first few of each side warm node's code paths up; they are not counted.
        times, floor = times[WARM_UP:], self.floor(payloads)[0][WARM_UP:]
        p50, p90 = percentiles(times)
        f50, f90 = percentiles(floor)
        self.results.update(
            {
                "plugin.one_sale_push_p50": round(p50, 4),
                "plugin.one_sale_push_p90": round(p90, 4),
                "floor.one_order_p50": round(f50, 4),
                "floor.one_order_p90": round(f90, 4),
                "plugin.one_sale_ratio_p50": round(p50 / f50, 2),
                "floor.orders_per_s": round(len(floor) / sum(floor), 2),
            }
        )
        self.floor_rate = len(floor) / sum(floor)
        line(
            f"plugin: one sale per push, p50 ({count})",
            f"{p50 * 1000:.0f} ms",
            f"floor {f50 * 1000:.0f} ms",
            f"ratio {p50 / f50:.2f} (target ≤ {TARGET_RATIO})",
        )
        line(
            "plugin: one sale per push, p90",
            f"{p90 * 1000:.0f} ms",
            f"floor {f90 * 1000:.0f} ms",
            f"ratio {p90 / f90:.2f}",
        )

    @staticmethod
    def floor_payloads(
        backend: MedusaBackend, operations: list[OutgoingOperation]
    ) -> list[dict[str, Any]]:
        """The plugin's payloads of ``operations``, as other sales (the floor's own orders)."""
        translate = sale_translator(backend.state)
        payloads = []
        for op in operations:
            payload = translate(op)
            payload["sale"]["id"] = f"FLOOR-{payload['sale']['id']}"
            payloads.append(payload)
        return payloads

    def floor(self, payloads: list[dict[str, Any]], side: int = 1) -> tuple[list[float], float]:
        """Seconds per order of Medusa's bare workflows (``order-floor.ts``) for
        ``payloads``, ``side`` at a time, and the seconds all of them took."""
        seed = self.seed
        scope = {
            "terminal_id": "T01",
            "sales_channel_id": seed.pos_sales_channel_id,
            "stock_location_id": seed.location_id,
            "region_id": seed.region_id,
        }
        given, answer = self.folder / "floor-in.json", self.folder / "floor-out.json"
        given.write_text(json.dumps({"scope": scope, "sales": payloads}))
        log = self.folder / "floor.log"
        with log.open("w") as out:
            done = subprocess.run(
                [self.peer._node, str(CLI), "exec", FLOOR_SCRIPT, *map(str, (given, answer, side))],
                cwd=MEDUSA_DIR,
                env=self.peer._env(),
                stdout=out,
                stderr=subprocess.STDOUT,
                timeout=1800,
            )
        if done.returncode != 0 or not answer.exists():
            raise RuntimeError(f"order-floor failed:\n{log.read_text()[-3000:]}")
        found = json.loads(answer.read_text())
        return [ms / 1000 for ms in found["times_ms"]], found["wall_ms"] / 1000

    # -- a queue drained by the engine ------------------------------------------------------

    def drain(self, count: int, floor_count: int = 0) -> None:
        """``floor_count``: the floor runs Medusa's own flows for the first N of the same
        queued sales (a 10,000-sale floor would take as long again); its rate is per order."""
        db = self.folder / "drain" / "store.db"
        db.parent.mkdir()
        backend = self.backend("drain-port")
        engine = SyncEngine(db, backend, poll_interval_s=0)
        try:
            first = engine.sync_once()  # the catalog, so the adapter knows each variant
            assert first.state == "idle", first.last_error
            queued = [self.sale(f"S-DRAIN-{n:05d}") for n in range(count)]
            with LocalStore(db) as store, store.conn:
                for op in queued:
                    enqueue_json(store.conn, op.op_id, op.kind, op.payload_json)
            started = time.perf_counter()
            for _ in range(50):
                status = engine.sync_once()
                if status.pending == 0 and status.state == "idle":
                    break
            elapsed = time.perf_counter() - started
            sample = queued[:floor_count] if 0 < floor_count < count else queued
            floor_payloads = self.floor_payloads(backend, sample)
        finally:
            engine.close()
            backend.close()
        assert (status.state, status.pending, status.rejected) == ("idle", 0, 0), status
        # a round cut short (a call's deadline) is sent again: its sales answer duplicate
        totals = engine.totals
        assert totals.accepted + totals.duplicates == count, totals
        rate = count / elapsed
        projected = 10_000 / rate
        # The drain's floor: Medusa's own flows for the same sales, as many side by side
        # as the plugin runs (its lanes, in each stream of calls): its best throughput.
        side = PLUGIN_CALLS * LANE_WORKERS
        _, floor_wall = self.floor(floor_payloads, side)
        floor_rate = len(floor_payloads) / floor_wall
        self.results.update(
            {
                f"plugin.engine_drain_{count}_sales": round(elapsed, 2),
                "plugin.engine_drain_sales_per_s": round(rate, 2),
                "plugin.engine_drain_10000_projected": round(projected, 1),
                "floor.drain_orders_per_s": round(floor_rate, 2),
                "floor.drain_10000_projected": round(10_000 / floor_rate, 1),
            }
        )
        line(
            f"plugin: engine drains {count} queued sales",
            f"{elapsed:.1f} s",
            f"{rate:.2f} sales/s",
            f"floor {floor_rate:.2f} orders/s ({side} side by side, on {len(floor_payloads)} of"
            f" them), ratio {floor_rate / rate:.2f}",
        )
        if totals.failed_rounds:
            line("plugin: drain rounds cut short and re-sent", str(totals.failed_rounds))
        kind = "measured" if count >= 10_000 else "projected"
        line(
            f"plugin: 10,000 queued sales ({kind})",
            f"{projected / 60:.1f} min",
            f"floor {10_000 / floor_rate / 60:.1f} min",
            f"target ≤ {TARGET_DRAIN_S // 60} min",
        )

    # -- the stock delta ----------------------------------------------------------------------

    def delta_pull(self) -> None:
        backend = self.backend("delta")
        try:
            items = stocked_variants(self.admin, self.seed, 1000, per_product=50)
            _, cursor = pull_all(backend, "stock", None, limit=1000)
            set_levels(self.admin, self.seed, items.values(), 7)
            started = time.perf_counter()
            delta, _ = pull_all(backend, "stock", cursor, limit=1000)
            elapsed = time.perf_counter() - started
        finally:
            backend.close()
        self.results["plugin.delta_pull_1000_levels"] = round(elapsed, 3)
        line(
            f"plugin: incremental pull of {len(delta)} changed levels",
            f"{elapsed:.2f} s",
            "",
            f"target ≤ {TARGET_DELTA_S:.0f} s",
        )


def reference_single_sales(port: CentralPort, count: int, results: dict[str, float]) -> None:
    """The reference server's one-sale push, p50/p90, for the table's side column."""
    chain, times = SaleChain(), []
    for _ in range(count):
        op = chain.sale()
        operation = OutgoingOperation(
            op["op_id"], op["seq"], op["kind"], canonical_json(op["payload"])
        )
        started = time.perf_counter()
        port.push([operation])
        times.append(time.perf_counter() - started)
    p50, p90 = percentiles(times)
    results["reference.one_sale_push_p50"] = round(p50, 4)
    results["reference.one_sale_push_p90"] = round(p90, 4)
    line(f"reference: one sale per push, p50 ({count})", f"{p50 * 1000:.1f} ms")
    line("reference: one sale per push, p90", f"{p90 * 1000:.1f} ms")


def bench_plugin(
    peer: MedusaPeer, single: int, drain: int, drain_floor: int, results: dict[str, float]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        bench = PluginBench(peer, Path(folder), results)
        try:
            bench.run(single, drain, drain_floor)
        finally:
            bench.close()
