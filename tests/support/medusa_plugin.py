"""Build Comptoir's Medusa plugin (``sync/medusa/plugin``) and install it into the test
Medusa (``tests/medusa``), as a store would install the published package.

1. ``npm install`` in the plugin folder (its own lockfile pins Medusa's build tooling);
   skipped when its ``node_modules`` carries the lockfile's hash.
2. ``medusa plugin:build`` (Medusa's own plugin tooling: TypeScript to
   ``.medusa/server``); skipped when the sources' hash is unchanged.
3. The package's published files (``package.json`` and ``.medusa/server``, its
   ``files`` list) copied into ``tests/medusa/node_modules/comptoir-medusa-plugin``: a
   copy, not a symlink, so the plugin resolves ``@medusajs/*`` from the server's own
   ``node_modules`` (one framework instance, as with a published package).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.support import medusa_peer as peer

PLUGIN_DIR = peer.REPO_ROOT / "sync" / "medusa" / "plugin"
PLUGIN_NAME = "comptoir-medusa-plugin"
INSTALLED = peer.MEDUSA_DIR / "node_modules" / PLUGIN_NAME
_DEPS_STAMP = PLUGIN_DIR / "node_modules" / ".comptoir-lockfile.sha256"
_BUILD_STAMP = PLUGIN_DIR / ".medusa" / ".comptoir-sources.sha256"
_SOURCES = ("package.json", "tsconfig.json")


def sources_hash() -> str:
    digest = hashlib.sha256()
    files = [PLUGIN_DIR / name for name in _SOURCES]
    files += sorted(p for p in (PLUGIN_DIR / "src").rglob("*") if p.is_file())
    for path in files:
        digest.update(str(path.relative_to(PLUGIN_DIR)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _run(args: list[str], log: Path, what: str, timeout: float) -> None:
    with log.open("a") as out:
        out.write(f"$ {' '.join(args)}\n")
        out.flush()
        result = subprocess.run(
            args,
            cwd=PLUGIN_DIR,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=peer.node_env(),
            timeout=timeout,
        )
    if result.returncode != 0:
        raise peer.PeerError(f"{what} failed (exit {result.returncode}):\n{peer._tail(log)}")


def ensure_plugin(log: Path | None = None) -> bool:
    """Install, build and copy the plugin where needed; True when anything was redone."""
    node = peer.node_binary()
    npm = peer.npm_command(node) if node else None
    if node is None or npm is None:
        raise peer.PeerError("no node >= 20.19 with npm: cannot build the Comptoir plugin")
    log = log or Path(tempfile.gettempdir()) / "comptoir-medusa-plugin.log"
    log.write_text("")
    redone = False
    lock = hashlib.sha256((PLUGIN_DIR / "package-lock.json").read_bytes()).hexdigest()
    want_deps = f"{lock} node{peer._node_version(node)[0]}"
    if not _DEPS_STAMP.exists() or _DEPS_STAMP.read_text().strip() != want_deps:
        _run([*npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], log, "npm ci", 900)
        _DEPS_STAMP.write_text(want_deps + "\n")
        redone = True
    want_build = sources_hash()
    if redone or not _BUILD_STAMP.exists() or _BUILD_STAMP.read_text().strip() != want_build:
        cli = PLUGIN_DIR / "node_modules" / "@medusajs" / "cli" / "cli.js"
        _run([node, str(cli), "plugin:build"], log, "medusa plugin:build", 600)
        _BUILD_STAMP.write_text(want_build + "\n")
        redone = True
    installed_stamp = INSTALLED / ".medusa" / _BUILD_STAMP.name
    if redone or not installed_stamp.exists() or installed_stamp.read_text() != want_build + "\n":
        shutil.rmtree(INSTALLED, ignore_errors=True)
        (INSTALLED / ".medusa").mkdir(parents=True)
        shutil.copy2(PLUGIN_DIR / "package.json", INSTALLED / "package.json")
        shutil.copytree(PLUGIN_DIR / ".medusa" / "server", INSTALLED / ".medusa" / "server")
        installed_stamp.write_text(want_build + "\n")
        redone = True
    return redone


def main() -> int:
    """Install the test Medusa and build the plugin ahead of the tests (the README's test
    command does this), so the peer's start inside a test only checks the stamps."""
    import sys
    import time

    reason = peer.missing_prerequisites()
    if reason:
        print(f"Medusa for the integration tests not installed: {reason}", file=sys.stderr)
        return 0  # the tests say it again: skipped, or failed under CI=true
    try:
        for what, step in (("Medusa", peer.ensure_node_modules), ("plugin", ensure_plugin)):
            started = time.monotonic()
            if step():
                print(f"Installed the test {what} in {time.monotonic() - started:.0f} s.")
    except peer.PeerError as exc:
        print(f"Installing the test Medusa failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
