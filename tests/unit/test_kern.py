"""The core stands alone: importing any module of strategie loads no UI code."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import strategie

AUSGENOMMEN = {"strategie.__main__"}
"""Importing ``python -m strategie``'s module runs the program (without arguments: the app)."""


def _alle_module() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(strategie.__path__, "strategie.")
                  if m.name not in AUSGENOMMEN)


def test_alle_module_werden_gefunden() -> None:
    module = _alle_module()
    for erwartet in ("strategie.cli.main", "strategie.cli.app", "strategie.aendern.bearbeiten",
                     "strategie.ausgabe.html.bericht", "strategie.modell.feld",
                     "strategie.text.kuerzen"):
        assert erwartet in module
    assert len(module) > 60, module


def test_kein_modul_laedt_textual_oder_tui() -> None:
    programm = (
        "import importlib, sys\n"
        f"for name in {_alle_module()!r}:\n"
        "    importlib.import_module(name)\n"
        "geladen = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tui'))\n"
        "print(geladen)\n"
        "sys.exit(1 if geladen else 0)\n"
    )
    ergebnis = subprocess.run([sys.executable, "-c", programm], capture_output=True, text=True)
    assert ergebnis.returncode == 0, ergebnis.stdout + ergebnis.stderr
    assert ergebnis.stdout.strip() == "[]"
