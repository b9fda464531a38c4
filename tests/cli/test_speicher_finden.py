"""Finding the store from the folder a user stands in: an unreadable nearer store and a
deleted working directory get a German error, never another store or a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import BEISPIEL, ohne_rechteumgehung


def _liste(ort: Path, *args: str, vorne: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*vorne, sys.executable, "-m", "strategie", *args, "liste"], cwd=ort,
                          capture_output=True, text=True, timeout=120, check=False,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(ort)})


def test_unlesbarer_naeherer_speicher_nimmt_nicht_still_den_aeusseren(tmp_path: Path) -> None:
    """Above the folder lies one store, beside it (ziele/) one that cannot be looked at:
    the search stops there with a German error instead of listing the outer store."""
    vorne = tuple(ohne_rechteumgehung())
    aussen = tmp_path / "aussen"
    shutil.copytree(BEISPIEL, aussen / "ziele")
    innen = aussen / "innen"
    shutil.copytree(BEISPIEL, innen / "ziele")
    (innen / "ziele").chmod(0o000)
    try:
        for args in ((), ("--store", "ziele")):
            ergebnis = _liste(innen, *args, vorne=vorne)
            assert ergebnis.returncode == 3, (args, ergebnis.stdout, ergebnis.stderr)
            assert ergebnis.stderr.startswith(
                f"Fehler: Kein Zugriff auf {innen / 'ziele'} (keine Berechtigung)"), ergebnis.stderr
            assert ergebnis.stdout == ""
    finally:
        (innen / "ziele").chmod(0o755)
    assert "46 von 46 Zielen" in _liste(innen).stdout  # readable again: the nearer one


def test_geloeschtes_arbeitsverzeichnis(tmp_path: Path) -> None:
    """The shell still stands in a folder that was deleted: a German error, exit 3 (also with
    a relative --store or $STRATEGIE_STORE)."""
    weg = tmp_path / "weg"
    weg.mkdir()
    for argumente, umgebung in (([], {}), (["--store", "."], {}), ([], {"STRATEGIE_STORE": "x"})):
        programm = ("import os, sys\nos.chdir(sys.argv[1])\nos.rmdir(sys.argv[1])\n"
                    "from strategie.cli.main import main\n"
                    f"sys.exit(main([*{argumente!r}, 'liste']))\n")
        ergebnis = subprocess.run([sys.executable, "-c", programm, str(weg)],
                                  capture_output=True, text=True, timeout=120, check=False,
                                  cwd=tmp_path, env={**os.environ, **umgebung})
        assert ergebnis.returncode == 3, (argumente, umgebung, ergebnis.stderr)
        assert ergebnis.stderr.startswith(
            "Fehler: Das aktuelle Verzeichnis gibt es nicht mehr"), ergebnis.stderr
        assert "Traceback" not in ergebnis.stderr
        weg.mkdir()
