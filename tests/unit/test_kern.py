"""The core stands alone: importing strategie loads no UI code."""

from __future__ import annotations

import subprocess
import sys


def test_kern_importiert_kein_textual() -> None:
    programm = (
        "import sys, strategie, strategie.cli.main, strategie.speicher, strategie.schema, "
        "strategie.ansicht, strategie.export\n"
        "geladen = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tui'))\n"
        "print(geladen)\n"
        "sys.exit(1 if geladen else 0)\n"
    )
    ergebnis = subprocess.run([sys.executable, "-c", programm], capture_output=True, text=True)
    assert ergebnis.returncode == 0, ergebnis.stdout + ergebnis.stderr
    assert ergebnis.stdout.strip() == "[]"
