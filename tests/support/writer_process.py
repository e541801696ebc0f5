"""A till-like writer script started as a real process, for the kill tests: its output
read line by line, killed with SIGKILL at a moment the test chooses."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def start_writer(script: Path, *args: object) -> subprocess.Popen[str]:
    """``python script args…`` with this checkout first on its path, pipes for both
    outputs (text)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, str(script), *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def kill_and_read(proc: subprocess.Popen[str]) -> tuple[str, str]:
    """SIGKILL ``proc``, then everything it wrote that the test has not read yet.

    Read through the pipes' own file objects, not ``communicate``: that reads the raw
    descriptors, and lines already pulled into the text buffer by the test's line-by-line
    reading (read-ahead) would be lost, as a report the till did make."""
    assert proc.stdout is not None and proc.stderr is not None
    proc.send_signal(signal.SIGKILL)
    out, err = proc.stdout.read(), proc.stderr.read()
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, err
    return out, err
