"""The layering of strategie/ is checked by import-linter, and a wrong import really fails it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

PROJEKT = Path(__file__).resolve().parents[2]


def _lint_imports(ordner: Path) -> subprocess.CompletedProcess[str]:
    """Run lint-imports on the packages in *ordner* with the project's contracts."""
    programm = (shutil.which("lint-imports", path=str(Path(sys.executable).parent))
                or "lint-imports")
    umgebung = {**os.environ, "PYTHONPATH": str(ordner)}
    return subprocess.run([programm, "--no-cache"], cwd=ordner, env=umgebung,
                          capture_output=True, text=True)


def _kopie(ziel: Path) -> Path:
    for paket in ("strategie", "tui"):
        shutil.copytree(PROJEKT / paket, ziel / paket,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PROJEKT / "pyproject.toml", ziel / "pyproject.toml")
    return ziel


def _mit_falschem_import(kopie: Path, modul: str, zeile: str) -> subprocess.CompletedProcess[str]:
    """lint-imports on *kopie* after *zeile* was appended to the module file *modul*."""
    datei = kopie / modul
    datei.write_text(datei.read_text(encoding="utf-8") + f"\n{zeile}  # falsch\n",
                     encoding="utf-8")
    return _lint_imports(kopie)


def test_die_schichten_halten() -> None:
    ergebnis = _lint_imports(PROJEKT)
    assert ergebnis.returncode == 0, ergebnis.stdout + ergebnis.stderr
    assert "3 kept, 0 broken" in ergebnis.stdout


def test_ein_falscher_import_bricht_den_vertrag(tmp_path: Path) -> None:
    kopie = _kopie(tmp_path / "kopie")
    sauber = _lint_imports(kopie)
    assert sauber.returncode == 0, sauber.stdout + sauber.stderr

    falsch = _mit_falschem_import(kopie, "strategie/modell/feld.py", "import strategie.cli")
    assert falsch.returncode != 0, falsch.stdout
    assert "strategie.modell is not allowed to import strategie.cli" in falsch.stdout
    assert "strategie.modell.feld -> strategie.cli" in falsch.stdout


def test_der_kern_importiert_die_app_nicht(tmp_path: Path) -> None:
    kopie = _kopie(tmp_path / "kopie")
    falsch = _mit_falschem_import(kopie, "strategie/ausgabe/farben.py", "import textual")
    assert falsch.returncode != 0, falsch.stdout
    assert "strategie.ausgabe.farben -> textual" in falsch.stdout
