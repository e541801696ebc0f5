"""The GUI thread's longest stall: over the first 5 s after the till is usable, and
during a 120-scan wedge-scanner burst, and while the first Ctrl+2 builds the pickup desk
(issue 18.2, target ≤ 16 ms, one frame).

    .venv/bin/python -m tests.benchmarks.stall_probe [--data-dir .bench] [--runs 5]

Each run is a fresh process (what a till does at start: imports, first queries, first
paints), running the whole ``TillApp`` as ``pos.app`` wires it. A 1 ms precise QTimer
ticks on the GUI thread: the gap between two ticks is how long the thread could not
answer a key. A sampler thread reads the GUI thread's Python stack whenever a tick is
late, so the longest gap is reported with what was running in it. The floor is the same
timer in a bare PySide6 window process: the jitter of this machine, not of the till.

Runs offscreen, and under Xvfb too when ``xvfb-run`` is installed (a real X11 window
paints differently).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
WATCH_S = 5.0  # after the till is usable
SCANS = 120
TICK_MS = 1
LATE_MS = 4  # a tick this late: the sampler reads the GUI thread's stack
TARGET_MS = 16


class StallWatch:
    """Gaps between the ticks of a 1 ms timer on the GUI thread, and what ran in the
    late ones. ``start``/``stop`` on the GUI thread; the sampler is a daemon thread."""

    def __init__(self) -> None:
        from pos.ui.qt import Qt, QTimer

        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._gui = threading.get_ident()
        self._last = self._cpu = 0.0
        self._ticks = 0
        self._began = 0.0
        # (wall ms, the GUI thread's CPU ms in it, the tick number that ended it, its time)
        self.gaps: list[tuple[float, float, int, float]] = []
        self._stacks: dict[int, list[str]] = {}  # tick number before a late tick: stacks
        self._sampling = False

    def start(self) -> None:
        self.gaps.clear()
        self._stacks.clear()
        self._last, self._cpu = time.perf_counter(), time.thread_time()
        self._began = self._last
        self._timer.start()
        if not self._sampling:
            self._sampling = True
            threading.Thread(target=self._sample, daemon=True).start()

    def stop(self) -> dict:
        self._timer.stop()
        return self.summary()

    def close(self) -> None:
        self._timer.stop()
        self._sampling = False

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self._ticks += 1
        self.gaps.append(((now - self._last) * 1000, (cpu - self._cpu) * 1000, self._ticks, now))
        self._last, self._cpu = now, cpu

    def _sample(self) -> None:
        me = threading.get_ident()
        while self._sampling:
            time.sleep(0.001)
            if self._timer.isActive() and (time.perf_counter() - self._last) * 1000 > LATE_MS:
                frames = sys._current_frames()
                gui = frames.pop(self._gui, None)
                frames.pop(me, None)
                if gui is not None:
                    where = _where(gui)
                    if "stall_probe.py:" in where.split(" ← ")[0]:  # in Qt's C++ or the GIL
                        others = sorted({_where(f).split(" ← ")[0] for f in frames.values()})
                        where += " | other threads: " + ", ".join(others or ["none in Python"])
                    self._stacks.setdefault(self._ticks, []).append(where)

    def summary(self) -> dict:
        """Wall gaps (what a key waited) and the GUI thread's CPU in each (its own work,
        whatever else the machine ran): longest, p99, and what ran in the worst three."""
        wall = sorted(gap[0] for gap in self.gaps)
        cpu = sorted(gap[1] for gap in self.gaps)
        return {
            "ticks": len(wall),
            "max_ms": wall[-1] if wall else 0.0,
            "p99_ms": _p99(wall),
            "cpu_max_ms": cpu[-1] if cpu else 0.0,
            "cpu_p99_ms": _p99(cpu),
            "over_16": sum(1 for gap in wall if gap > TARGET_MS),
            "gc_max_ms": GC_PASSES.longest(self._began, time.perf_counter()),
            "worst": self._culprits(sorted(self.gaps, reverse=True)[:3]),
            "worst_cpu": self._culprits(sorted(self.gaps, key=lambda g: -g[1])[:3]),
        }

    def _culprits(self, gaps: list[tuple[float, float, int, float]]) -> list[tuple]:
        found = []
        for wall, used, tick, end in gaps:
            seen = Counter(self._stacks.get(tick - 1, []))
            where = seen.most_common(1)[0][0] if seen else "(no sample)"
            found.append(
                (round(wall, 1), round(used, 1), where + GC_PASSES.during(end - wall / 1000, end))
            )
        return found


class GcPasses:
    """The collector's passes, their thread and length: a pass holds the interpreter lock
    from start to end, whichever thread's allocation set it off, so a long one stalls the
    GUI thread even when another thread ran it (the stack sampler cannot see it: it runs
    in C, between two Python lines)."""

    LONG_MS = 2.0  # shorter passes are not named

    def __init__(self) -> None:
        self._started: dict[int, float] = {}
        self.passes: list[tuple[float, float, int, str]] = []  # start, end, generation, thread

    def install(self) -> None:
        gc.callbacks.append(self._note)

    def _note(self, phase: str, info: dict) -> None:
        now, me = time.perf_counter(), threading.get_ident()
        if phase == "start":
            self._started[me] = now
        elif me in self._started:
            start = self._started.pop(me)
            if (now - start) * 1000 >= self.LONG_MS:
                name = threading.current_thread().name
                self.passes.append((start, now, info["generation"], name))

    def longest(self, start: float, end: float) -> float:
        return max(
            ((stop - begin) * 1000 for begin, stop, _, _ in self.passes if start < stop < end),
            default=0.0,
        )

    def during(self, start: float, end: float) -> str:
        """`` | gc: gen2 12.3 ms on <thread>`` for the long passes overlapping the gap."""
        hits = [
            f"gen{gen} {(stop - begin) * 1000:.1f} ms on {name}"
            for begin, stop, gen, name in self.passes
            if begin < end and stop > start
        ]
        return " | gc: " + ", ".join(hits) if hits else ""


GC_PASSES = GcPasses()


def _p99(ordered: list[float]) -> float:
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] if ordered else 0.0


def _where(frame) -> str:
    """The innermost frame and the project's outermost one (the callback that ran)."""
    inner = frame
    ours = []
    while frame is not None:
        path = frame.f_code.co_filename
        if path.startswith(str(ROOT)) and "/.venv/" not in path and "stall_probe" not in path:
            ours.append(f"{Path(path).relative_to(ROOT)}:{frame.f_code.co_name}")
        frame = frame.f_back
    here = f"{_short(inner.f_code.co_filename)}:{inner.f_code.co_name}:{inner.f_lineno}"
    return here + (f" ← {ours[-1]}" if ours else "") + (f" (in {ours[0]})" if ours else "")


def _short(path: str) -> str:
    return path.split("site-packages/")[-1] if "site-packages/" in path else path.replace(
        str(ROOT) + "/", "")  # fmt: skip


# -- one run, in its own process -----------------------------------------------------------


def child(data_dir: Path, terminal: str) -> dict:
    """Start the till as ``pos.app`` does, watch 5 s, sign in, scan 120 codes, then open
    the pickup desk the first time (Ctrl+2)."""
    from pos.app import _freeze_when_ready
    from pos.config import Settings, TillSettings, save_settings
    from pos.ui.qt import QApplication, QEventLoop, QTimer
    from pos.ui.till_app import StartOptions, TillApp

    started = time.perf_counter()
    GC_PASSES.install()
    app = QApplication.instance() or QApplication([])
    settings = Settings(till=TillSettings(terminal_id=terminal))
    config = Path(tempfile.mkdtemp()) / "settings.toml"
    save_settings(config, settings)
    till = TillApp(app, StartOptions(data_dir, config, demo_if_empty=False), settings)
    _freeze_when_ready(till.window)
    watch = StallWatch()
    loop = QEventLoop()
    result: dict = {}
    screen = till.window.till_screen
    codes = json.loads(os.environ["STALL_CODES"])

    def usable(_view: object) -> None:
        screen.basket_shown.disconnect(usable)
        result["usable_s"] = round(time.perf_counter() - started, 2)
        watch.start()
        QTimer.singleShot(int(WATCH_S * 1000), after_start)

    def after_start() -> None:
        result["start"] = watch.stop()
        till.window.staff.signed_in.connect(signed_in)
        till.controller.request("sign_in", "ines", "3333")

    def signed_in(_signed: object) -> None:
        till.window.staff.signed_in.disconnect(signed_in)
        screen.basket_shown.connect(shown)
        watch.start()
        QTimer.singleShot(20, next_scan)

    scanned, waiting = [0], [False]

    def next_scan() -> None:
        index = scanned[0]
        if index and index % 40 == 0:  # a store-sized basket: each 40 lines, a new sale
            till.controller.request("cancel")
        waiting[0] = True
        _burst(app, screen.scan_field, codes[index])

    def shown(view) -> None:
        if not waiting[0] or not view.lines:
            return  # the cancel's empty basket
        waiting[0] = False
        scanned[0] += 1
        if scanned[0] < SCANS:
            QTimer.singleShot(15, next_scan)  # the next article, as fast as a cashier
        else:
            result["burst"] = watch.stop()
            QTimer.singleShot(200, open_desk)

    def open_desk() -> None:  # the first Ctrl+2: the desk is built then, a piece per turn
        watch.start()
        started = time.perf_counter()
        till.window.pickup_action.trigger()
        wait_for_desk(started)

    def wait_for_desk(started: float) -> None:
        if till.window.on_pickup_desk:
            result["desk_s"] = round(time.perf_counter() - started, 3)
            QTimer.singleShot(300, desk_shown)  # its first paints and answers
        elif time.perf_counter() - started < 10:
            QTimer.singleShot(1, lambda: wait_for_desk(started))
        else:
            desk_shown()

    def desk_shown() -> None:
        result["desk"] = watch.stop()
        loop.quit()

    screen.basket_shown.connect(usable)
    QTimer.singleShot(120_000, loop.quit)
    till.start()
    loop.exec()
    watch.close()
    result["scanned"] = scanned[0]
    if scanned[0]:  # the basket set aside: the next run starts on an empty till
        loop = QEventLoop()
        till.controller.worker.sale_set_aside.connect(loop.quit)
        till.controller.request("cancel")
        QTimer.singleShot(10_000, loop.quit)
        loop.exec()
    till.shutdown()
    return result


def _burst(app, widget, code: str) -> None:
    """A wedge scanner: the code's keys and a CR, a few µs apart, through the app's
    event filter as real keys go."""
    from pos.ui.qt import QApplication, QEvent, QKeyEvent, Qt

    target = app.focusWidget() or widget
    for char in code + "\r":
        key = Qt.Key.Key_Return if char == "\r" else ord(char)
        event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, char)
        QApplication.sendEvent(target, event)


def bare_child() -> dict:
    """The floor: the same timer, 5 s, in a bare window with nothing else to do."""
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    from pos.ui.qt import QEventLoop, QTimer

    app = QApplication.instance() or QApplication([])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Comptoir"))
    window.show()
    watch = StallWatch()
    loop = QEventLoop()
    watch.start()
    QTimer.singleShot(int(WATCH_S * 1000), loop.quit)
    loop.exec()
    result = {"start": watch.stop()}
    watch.close()
    del app
    return result


# -- the runs, from the benchmark --------------------------------------------------------


def _codes(data_dir: Path) -> list[str]:
    import random
    import sqlite3

    conn = sqlite3.connect(data_dir / "store.db")
    rng = random.Random(182)
    top = conn.execute("SELECT max(id) FROM products").fetchone()[0]
    sql = ("SELECT b.code FROM barcodes b JOIN products p ON p.id = b.product_id "
           "WHERE p.id = ? AND p.sold_by = 'unit' AND p.active = 1 LIMIT 1")  # fmt: skip
    codes: list[str] = []
    while len(codes) < SCANS:
        row = conn.execute(sql, (rng.randrange(1, top + 1),)).fetchone()
        if row:
            codes.append(row[0])
    conn.close()
    return codes


def open_session(data_dir: Path, terminal: str) -> None:
    """The probe's own terminal, its day opened: the burst sells, no other till moves."""
    from pos.domain.rights import Actor, Role
    from pos.services.till_session import TillSessions
    from pos.store.local_store import LocalStore

    with LocalStore(data_dir / "store.db") as store:
        TillSessions(store, terminal_id=terminal).open(
            Actor("ines", "Inès", Role.MANAGER), {1000: 10, 200: 10}
        )


def run_once(data_dir: Path, terminal: str, codes: list[str], xvfb: bool, bare: bool) -> dict:
    from tests.benchmarks.installed_bytecode import installed_env

    env = installed_env(os.environ) | {"STALL_CODES": json.dumps(codes), "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "tests.benchmarks.stall_probe", "--child",
               "--data-dir", str(data_dir), "--terminal", terminal]  # fmt: skip
    if bare:
        command.append("--bare")
    if xvfb:
        env["QT_QPA_PLATFORM"] = "xcb"
        command = ["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", *command]
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    out = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    for line in out.stdout.splitlines():
        if line.startswith("STALLS "):
            return json.loads(line[len("STALLS ") :])
    raise RuntimeError(f"the probe's run failed:\n{out.stdout[-2000:]}\n{out.stderr[-4000:]}")


def platforms() -> list[tuple[str, bool]]:
    found = [("offscreen", False)]
    if shutil.which("xvfb-run"):
        found.append(("Xvfb", True))
    return found


def run(data_dir: Path, runs: int = 5, record=None) -> dict:
    """``runs`` fresh tills per platform; prints each run and the spread; returns them.
    ``record`` (run.py's) takes the longest stall of each run beside the bare floor."""
    from tests.benchmarks.installed_bytecode import compile_bytecode

    compile_bytecode()  # the till as installed (``scripts/bootstrap.sh``)
    terminal = f"S{int(time.time()) % 10**9}"
    open_session(data_dir, terminal)
    codes = _codes(data_dir)
    found: dict = {}
    for name, xvfb in platforms():
        tills = [run_once(data_dir, terminal, codes, xvfb, bare=False) for _ in range(runs)]
        floors = [run_once(data_dir, terminal, codes, xvfb, bare=True) for _ in range(runs)]
        found[name] = {"runs": tills, "floor": floors}
        _print(name, tills, floors)
        if record is not None:
            floor = [f["start"]["max_ms"] * 1000 for f in floors]
            for phase, label in (("start", "5 s after start"), ("burst", f"{SCANS}-scan burst")):
                worst = [t[phase]["max_ms"] * 1000 for t in tills]
                record(f"GUI stall, {label} ({name})", worst, "bare window, same timer", floor,
                       f"max ≤ {TARGET_MS} ms")  # fmt: skip
    return found


def _print(name: str, tills: list[dict], floors: list[dict]) -> None:
    print(f"\nGUI thread stalls, {name}, {len(tills)} runs (target: longest ≤ {TARGET_MS} ms)")
    for phase in ("start", "burst", "desk"):
        done = [t[phase] for t in tills if phase in t]
        if not done:
            print(f"  {phase:<6} not reached")
            continue
        print(f"  {phase:<6} longest {_spread([d['max_ms'] for d in done])}   p99 of gaps "
              f"{_spread([d['p99_ms'] for d in done])}   gaps > {TARGET_MS} ms per run: "
              f"{[d['over_16'] for d in done]}")  # fmt: skip
        print(f"         longest collector pass: {_spread([d.get('gc_max_ms', 0) for d in done])}")
        print(f"         GUI thread's own CPU in one gap: longest "
              f"{_spread([d['cpu_max_ms'] for d in done])}   p99 "
              f"{_spread([d['cpu_p99_ms'] for d in done])}")  # fmt: skip
        wall, cpu, where = max((d["worst"][0] for d in done if d["worst"]), default=(0, 0, ""))
        print(f"         longest gap {wall} ms (GUI CPU {cpu} ms) in: {where}")
        wall, cpu, where = max((d["worst_cpu"][0] for d in done if d["worst_cpu"]),
                               key=lambda w: w[1], default=(0, 0, ""))  # fmt: skip
        print(f"         most GUI CPU {cpu} ms (gap {wall} ms) in: {where}")
    floor = [f["start"]["max_ms"] for f in floors]
    print(f"  floor  (bare window, same timer, 5 s) longest {_spread(floor)}   p99 "
          f"{_spread([f['start']['p99_ms'] for f in floors])}")  # fmt: skip
    print(f"  usable after {[t['usable_s'] for t in tills]} s; scans taken "
          f"{[t['scanned'] for t in tills]}; desk shown after the first Ctrl+2 "
          f"{[t.get('desk_s') for t in tills]} s")  # fmt: skip


def _spread(values: list[float]) -> str:
    return (f"median {statistics.median(values):.1f} ms "
            f"[{min(values):.1f} – {max(values):.1f}]")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=ROOT / ".bench")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--terminal", default="")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--bare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        result = bare_child() if args.bare else child(args.data_dir, args.terminal)
        print("STALLS " + json.dumps(result), flush=True)
        os._exit(0)  # no teardown stalls or aborts in the figures' process
    run(args.data_dir, args.runs)


if __name__ == "__main__":
    main()
