"""Benchmark (issue 8): what one writer at a time and crash recovery cost per edit — the
write lock, the check for a crashed change and a git operation in progress, and the journal
written (with fsync) and removed — against a whole edit, on a copy of the example store.

Run: ``python3 -m benchmarks.bench_sperre`` (prints medians in ms; the issue allows 10 ms).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from strategie.aendern.bearbeiten import aendere
from strategie.aendern.bereit import bereit
from strategie.aendern.journal import Eintrag, loesche_journal, schreibe_journal
from strategie.aendern.sperre import schreibsperre
from strategie.git.befehl import orte_von
from strategie.modell.operationen import Setze, Zielaenderung

PROJEKT = Path(__file__).resolve().parent.parent


def _repo(ort: Path) -> Path:
    ort.mkdir()
    for befehl in (["init", "-q", "-b", "main"], ["add", "-A"],
                   ["-c", "user.name=B", "-c", "user.email=b@example.org", "commit", "-q",
                    "-m", "Beispiel"]):
        if befehl[0] == "add":
            shutil.copytree(PROJEKT / "ziele", ort / "ziele")
        subprocess.run(["git", "-C", str(ort), *befehl], check=True)
    return ort / "ziele"


def miss(runden: int = 60) -> dict[str, float]:
    """Medians in ms: the lock's whole added cost per edit, and a whole edit."""
    os.environ.setdefault("GIT_AUTHOR_NAME", "B")
    os.environ.setdefault("GIT_AUTHOR_EMAIL", "b@example.org")
    os.environ.setdefault("GIT_COMMITTER_NAME", "B")
    os.environ.setdefault("GIT_COMMITTER_EMAIL", "b@example.org")
    with tempfile.TemporaryDirectory() as tmp:
        store = _repo(Path(tmp) / "repo")
        orte = orte_von(store)
        datei = (store / "sa" / "SA-01.toml").read_bytes()
        zusatz, ganz = [], []
        for i in range(runden):
            start = time.perf_counter()
            with schreibsperre(store):
                bereit(orte)
                schreibe_journal(orte, [Eintrag("ziele/sa/SA-01.toml", datei, datei)],
                                 "0" * 40, "Messung")
                loesche_journal(orte)
            zusatz.append(time.perf_counter() - start)
            start = time.perf_counter()
            aendere(store, [Zielaenderung("SA-01", (Setze("ampel", ("gelb", "rot")[i % 2]),))],
                    "Messung")
            ganz.append(time.perf_counter() - start)
    return {"sperre_und_journal_ms": statistics.median(zusatz) * 1000,
            "ganze_aenderung_ms": statistics.median(ganz) * 1000}


if __name__ == "__main__":
    for name, wert in miss().items():
        print(f"{name}: {wert:.1f}")
