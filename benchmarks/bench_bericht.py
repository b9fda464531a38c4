"""Benchmark (issue 5): the Sachstandsbericht on 10,000 goals against the store load.

Ours is the whole command in this process ('strategie bericht --format …', output discarded):
load, summary, rendering. The floor is loading the same store, measured in the same run — with
the parsed-goal cache (what every command uses) and without it (parse and validate every file).
The terminal and HTML reports also have absolute targets (≤ 1 s, ≤ 3 s), taken as a fresh
process from start to exit for the terminal report.
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.messen import SPEICHER_CACHE, median_s, zeile
from benchmarks.speicher_erzeugen import erzeuge_speicher
from strategie.cli.main import main as cli_main
from strategie.speicher.laden import lade_speicher


def bericht(speicher: Path, format_: str) -> None:
    """Ours: 'strategie bericht --format FORMAT' in this process, output discarded."""
    with contextlib.redirect_stdout(io.StringIO()):
        cli_main(["bericht", "--format", format_, "--store", str(speicher)])


def prozess(speicher: Path, *argumente: str, runden: int = 5) -> float:
    """Median wall time of 'python -m strategie ARGS' as a fresh process."""
    zeiten = []
    for _ in range(runden):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "strategie", *argumente, "--store", str(speicher)],
                       check=True, stdout=subprocess.DEVNULL)
        zeiten.append(time.perf_counter() - start)
    return sorted(zeiten)[len(zeiten) // 2]


def main() -> None:
    wurzel = SPEICHER_CACHE / "bericht-10000"
    speicher = wurzel / "ziele"
    if len(list(speicher.glob("*/*.toml"))) != 10_000:
        erzeuge_speicher(wurzel, 10_000, commits=1)
    lade_speicher(speicher)  # fills the parsed-goal cache
    t_cache = median_s(lambda: lade_speicher(speicher))
    t_voll = median_s(lambda: lade_speicher(speicher, cache=False), wiederholungen=3)
    t_json = median_s(lambda: bericht(speicher, "json"))
    t_html = median_s(lambda: bericht(speicher, "html"), wiederholungen=3)
    t_terminal = prozess(speicher, "bericht")
    print("Sachstandsbericht, 10.000 Ziele – Mediane, Böden im selben Lauf gemessen")
    print(zeile("bericht --format json", t_json, t_voll, "Laden ohne Cache", 1.3))
    print(zeile("bericht --format json", t_json, t_cache, "Laden mit Cache", None))
    print(zeile("bericht --format html", t_html, t_cache, "Laden mit Cache", None)
          + f"   (Ziel ≤ 3 s: {'ok' if t_html <= 3.0 else 'VERFEHLT'})")
    print(zeile("bericht (Terminal), ganzer Prozess", t_terminal, t_cache, "Laden mit Cache",
                None) + f"   (Ziel ≤ 1 s: {'ok' if t_terminal <= 1.0 else 'VERFEHLT'})")


if __name__ == "__main__":
    main()
