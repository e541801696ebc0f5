"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every void-returning call
and aborts the process after a few thousand (``Fatal Python error: none_dealloc``).
A till makes millions of such calls a day: this proves the pinned Qt is sound."""

import subprocess
import sys
import textwrap


def test_twenty_thousand_void_calls_leave_none_intact() -> None:
    script = textwrap.dedent(
        """
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication, QLabel
        app = QApplication([])
        label = QLabel()
        before = sys.getrefcount(None)
        for i in range(20_000):
            label.setText(str(i))
            label.setObjectName("l")
        after = sys.getrefcount(None)
        print(before - after)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    drift = int(result.stdout.strip().splitlines()[-1])
    assert drift < 1000, f"None lost {drift} references over 40,000 void calls"
