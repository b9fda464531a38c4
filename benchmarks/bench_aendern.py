"""Benchmark (issue 3): status change, Verlauf and Stand zum Stichtag on 10,000 goals and
20,000 commits, each against a floor measured in the same run."""

from __future__ import annotations

import random
import statistics
import subprocess
import time
from pathlib import Path

from benchmarks.messen import SPEICHER_CACHE, im_wechsel_s, median_s, zeile
from benchmarks.speicher_erzeugen import STATUS, erzeuge_speicher
from strategie.aendern.bearbeiten import aendere
from strategie.git.commitgraph import halte_graph_aktuell
from strategie.git.repo import GitRepo
from strategie.modell.operationen import Setze, Zielaenderung
from strategie.speicher.laden import lade_speicher
from strategie.speicher.stand import lade_stand
from strategie.verlauf.eintraege import verlauf

ZIELE, COMMITS = 10_000, 20_000


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                          text=True).stdout


def _neuer_status(text: str) -> tuple[str, str]:
    alt = next(z for z in text.splitlines() if z.startswith("status = "))
    neu = random.choice([s for s in STATUS if f'"{s}"' not in alt])
    return text.replace(alt, f'status = "{neu}"', 1), neu


def statusaenderung(repo: Path, dateien: list[Path], runden: int = 15) -> tuple[float, float]:
    """(ours, floor): one status change committed, alternating the two ways."""
    unsere, boden = [], []
    for _ in range(runden):
        datei = random.choice(dateien)
        text, _ = _neuer_status(datei.read_text(encoding="utf-8"))
        start = time.perf_counter()
        datei.write_text(text, encoding="utf-8")
        _git(repo, "add", "--", str(datei))
        _git(repo, "commit", "-q", "-m", f"{datei.stem}: Umsetzungsstand geändert")
        boden.append(time.perf_counter() - start)

        datei = random.choice(dateien)
        _, neu = _neuer_status(datei.read_text(encoding="utf-8"))
        start = time.perf_counter()
        aendere(repo / "ziele", [Zielaenderung(datei.stem, (Setze("status", neu),))],
                "Benchmark")
        unsere.append(time.perf_counter() - start)
    return statistics.median(unsere), statistics.median(boden)


def main() -> None:
    wurzel = SPEICHER_CACHE / f"verlauf-{ZIELE}"
    vorhanden = (wurzel / "ziele").is_dir()
    if not vorhanden or int(_git(wurzel, "rev-list", "--count", "HEAD")) < COMMITS:
        print(f"Erzeuge {ZIELE} Ziele mit {COMMITS} Commits …")
        erzeuge_speicher(wurzel, ZIELE, COMMITS)
    store = wurzel / "ziele"
    random.seed(7)
    dateien = sorted(store.glob("*/*.toml"))
    commits = int(_git(wurzel, "rev-list", "--count", "HEAD"))
    print(f"{len(dateien)} Ziele, {commits} Commits – Mediane, Böden im selben Lauf gemessen")

    ours, boden = statusaenderung(wurzel, dateien)
    print(zeile("Statusänderung (ein Commit)", ours, boden, "git add + git commit", 1.3))

    with GitRepo(store) as repo:
        start = time.perf_counter()
        halte_graph_aktuell(repo)
        nachziehen = time.perf_counter() - start
    datei = next(d for d in dateien if len(_git(wurzel, "log", "--format=%H", "--", str(d))
                                               .split()) >= 3)
    relpfad = datei.relative_to(wurzel).as_posix()
    t_verlauf, t_log = im_wechsel_s(
        lambda: verlauf(store, datei.stem),
        lambda: _git(wurzel, "log", "--format=%H%x1f%an%x1f%aI%x1f%B", "--", relpfad), 15)
    print(zeile(f"Verlauf eines Ziels ({len(verlauf(store, datei.stem))} Einträge)", t_verlauf,
                t_log, "git log -- Pfad", 1.5))
    t_ohne = median_s(lambda: _git(wurzel, "-c", "core.commitGraph=false", "log",
                                   "--format=%H", "--", relpfad), 3)
    print(zeile("  zum Vergleich: git log ohne Commit-Graph", t_ohne, t_log, "mit Graph", None))
    print(f"  Commit-Graph nach {9 * 2} neuen Commits nachgezogen in {nachziehen * 1000:.0f} ms")

    def ohne_schnappschuss() -> object:
        for datei in (wurzel / ".git" / "strategie").glob("frueher-*.pickle"):
            datei.unlink()
        return lade_stand(store, rev="HEAD~100")

    t_erstes, t_kopf = im_wechsel_s(ohne_schnappschuss, lambda: lade_speicher(store), 3)
    print(zeile("liste --stand, erstes Mal (git-Objekte, Cache)", t_erstes, t_kopf,
                "Laden von HEAD", None))
    t_stand, t_kopf = im_wechsel_s(lambda: lade_stand(store, rev="HEAD~100"),
                                   lambda: lade_speicher(store), 3)
    print(zeile("liste --stand (Schnappschuss des Commits)", t_stand, t_kopf, "Laden von HEAD",
                1.3))


if __name__ == "__main__":
    main()
