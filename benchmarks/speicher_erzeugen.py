"""Generate large realistic stores (per-Amt folders) with optional long git histories."""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import time
from pathlib import Path

PROJEKT = Path(__file__).resolve().parent.parent
BEISPIEL = PROJEKT / "ziele"
STATUS = ("nicht begonnen", "in Vorbereitung", "in Umsetzung", "umgesetzt", "im Regelbetrieb")
AMPELN = ("grün", "gelb", "grau")

_ID = re.compile(r'^id = "[^"]*"', re.MULTILINE)
_STATUS = re.compile(r'^status = "[^"]*"', re.MULTILINE)
_AMPEL = re.compile(r'^ampel = "[^"]*"', re.MULTILINE)


def _vorlagen() -> list[tuple[str, str, str]]:
    """(folder, Kürzel, text) of each example goal whose values need no Begründung."""
    vorlagen = []
    for datei in sorted(BEISPIEL.glob("*/*.toml")):
        text = datei.read_text(encoding="utf-8")
        if "status_begruendung" in text or "ampel_begruendung" in text:
            continue
        vorlagen.append((datei.parent.name, datei.stem.split("-")[0], text))
    return vorlagen


def ziel_dateien(anzahl: int, seed: int = 1) -> dict[str, str]:
    """Relative path → text of *anzahl* goal files made from the example goals."""
    zufall = random.Random(seed)
    vorlagen = _vorlagen()
    dateien = {}
    for nummer in range(1, anzahl + 1):
        ordner, kuerzel, text = vorlagen[nummer % len(vorlagen)]
        ziel_id = f"{kuerzel}-{nummer:05d}"
        text = _ID.sub(f'id = "{ziel_id}"', text, count=1)
        text = _STATUS.sub(f'status = "{zufall.choice(STATUS)}"', text, count=1)
        text = _AMPEL.sub(f'ampel = "{zufall.choice(AMPELN)}"', text, count=1)
        dateien[f"{ordner}/{ziel_id}.toml"] = text
    return dateien


def erzeuge_speicher(ziel: Path, anzahl: int, commits: int = 1, *, graph: bool = True,
                     seed: int = 1) -> Path:
    """Write a git repo at *ziel* with a store in ``ziele/`` and *commits* commits in total.

    The first commit adds all files; every further commit changes the status line of one
    random goal, as a controller would. History is written with ``git fast-import``.
    """
    if ziel.exists():
        shutil.rmtree(ziel)
    ziel.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(ziel)], check=True)
    dateien = ziel_dateien(anzahl, seed)
    zufall = random.Random(seed + 1)
    rahmen = (BEISPIEL / "strategie.toml").read_text(encoding="utf-8")
    strom: list[bytes] = []

    def daten(text: str) -> None:
        roh = text.encode("utf-8")
        strom.append(b"data %d\n" % len(roh) + roh + b"\n")

    zeit = 1_700_000_000
    strom.append(b"commit refs/heads/main\n")
    strom.append(b"committer Benchmark <bench@example.org> %d +0100\n" % zeit)
    daten("Zielspeicher angelegt")
    for pfad, text in [("ziele/strategie.toml", rahmen),
                       *((f"ziele/{p}", t) for p, t in dateien.items())]:
        strom.append(f"M 100644 inline {pfad}\n".encode())
        daten(text)
    pfade = list(dateien)
    for nummer in range(1, commits):
        pfad = zufall.choice(pfade)
        neu = zufall.choice(STATUS)
        dateien[pfad] = _STATUS.sub(f'status = "{neu}"', dateien[pfad], count=1)
        strom.append(b"commit refs/heads/main\n")
        strom.append(b"committer Benchmark <bench@example.org> %d +0100\n" % (zeit + nummer * 60))
        daten(f"{Path(pfad).stem}: Umsetzungsstand → {neu}")
        strom.append(f"M 100644 inline ziele/{pfad}\n".encode())
        daten(dateien[pfad])
    subprocess.run(["git", "-C", str(ziel), "fast-import", "--quiet"], input=b"".join(strom),
                   check=True)
    subprocess.run(["git", "-C", str(ziel), "checkout", "-q", "-f", "main"], check=True)
    if graph:
        subprocess.run(["git", "-C", str(ziel), "commit-graph", "write", "--reachable",
                        "--changed-paths"], check=True, capture_output=True)
    return ziel / "ziele"


def main() -> None:
    parser = argparse.ArgumentParser(description="Großen Zielspeicher für Messungen erzeugen.")
    parser.add_argument("ziel", type=Path)
    parser.add_argument("--ziele", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=1)
    args = parser.parse_args()
    start = time.perf_counter()
    pfad = erzeuge_speicher(args.ziel, args.ziele, args.commits)
    print(f"{pfad}: {args.ziele} Ziele, {args.commits} Commits in "
          f"{time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
