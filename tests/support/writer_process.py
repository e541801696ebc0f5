"""A till-like writer script started as a real process, for the kill tests: its output
read line by line, killed with SIGKILL at a moment the test chooses."""

from __future__ import annotations

import os
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
