"""The whole-process benchmark runs end to end on a small store, so that it cannot rot."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

PROJEKT = Path(__file__).resolve().parent.parent


def test_prozess_benchmark_misst_jede_zeile(tmp_path: Path) -> None:
    ergebnis = tmp_path / "ergebnis.json"
    lauf = subprocess.run(
        [sys.executable, "-m", "benchmarks.prozesse", "--groessen", "46", "--laeufe", "1",
         "--speicherordner", str(tmp_path / "stores"), "--json", str(ergebnis)],
        cwd=PROJEKT, capture_output=True, text=True, timeout=120)
    assert lauf.returncode == 0, lauf.stderr

    daten = json.loads(ergebnis.read_text(encoding="utf-8"))
    mit_task = shutil.which("task") is not None
    erwartet = {
        "Programmstart": ["hilfe", *(["hilfe-task"] if mit_task else []), "version", "import"],
        "46 Ziele": ["liste-json", "liste-kalt", "boden-git", "bericht-json", "zeige",
                     "verlauf", "status", "app"],
    }
    assert {g["titel"]: [z["schluessel"] for z in g["zeilen"]]
            for g in daten["gruppen"]} == erwartet
    rss = os.access("/usr/bin/time", os.X_OK)
    for gruppe in daten["gruppen"]:
        for zeile in gruppe["zeilen"]:
            for seite in ("unsere", "vergleich"):
                messung = zeile[seite]
                assert len(messung["laeufe_s"]) == 1 and messung["median_s"] > 0, zeile
                assert (messung["rss_mb"] > 0) if rss else messung["rss_mb"] is None
            assert zeile["verhaeltnis"] > 0
            # the row is printed in the Markdown table with its figures
            assert f"| {zeile['unsere']['befehl']} | " in lauf.stdout
    tabellenzeilen = [z for z in lauf.stdout.splitlines() if z.startswith("| ")]
    kopfzeilen = len(erwartet)
    assert len(tabellenzeilen) == kopfzeilen + sum(map(len, erwartet.values()))
    assert not mit_task or "Hinweis: taskwarrior" not in lauf.stdout
