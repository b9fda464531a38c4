"""Benchmark: loading a store and 'liste --format json' vs. reading bytes and tomllib (issue 2)."""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tomllib
from pathlib import Path

from benchmarks.messen import SPEICHER_CACHE, median_s, zeile
from benchmarks.speicher_erzeugen import erzeuge_speicher
from strategie.cli.main import main as cli_main
from strategie.speicher.laden import lade_speicher


def _dateien(speicher: Path) -> list[Path]:
    return sorted(p for p in speicher.glob("*/*.toml"))


def boden_bytes(speicher: Path) -> None:
    """Floor 1: find and read every goal file's bytes."""
    for ordner, _, namen in os.walk(speicher):
        for name in namen:
            if name.endswith(".toml"):
                with open(os.path.join(ordner, name), "rb") as datei:
                    datei.read()


def boden_tomllib(speicher: Path) -> None:
    """Floor 2: find, read and parse every goal file with tomllib — nothing else."""
    for ordner, _, namen in os.walk(speicher):
        for name in namen:
            if name.endswith(".toml"):
                with open(os.path.join(ordner, name), "rb") as datei:
                    tomllib.loads(datei.read().decode("utf-8"))


def liste_json(speicher: Path) -> None:
    """Ours: the full 'strategie liste --format json' command, output discarded."""
    with contextlib.redirect_stdout(io.StringIO()):
        cli_main(["liste", "--format", "json", "--store", str(speicher)])


def messe(anzahl: int) -> list[str]:
    """Results for a generated store of *anzahl* goals."""
    speicher = SPEICHER_CACHE / f"laden-{anzahl}" / "ziele"
    if len(_dateien(speicher)) != anzahl:
        erzeuge_speicher(speicher.parent, anzahl, commits=1)
    geladen = lade_speicher(speicher, cache=False)
    assert len(geladen.ziele) == anzahl and not geladen.befunde, geladen.befunde[:3]
    lade_speicher(speicher)  # fills the parsed-goal cache
    t_bytes = median_s(lambda: boden_bytes(speicher))
    t_toml = median_s(lambda: boden_tomllib(speicher))
    t_laden = median_s(lambda: lade_speicher(speicher, cache=False))
    t_cache = median_s(lambda: lade_speicher(speicher))
    t_json = median_s(lambda: liste_json(speicher))
    return [
        f"{anzahl} Ziele:",
        zeile("  Laden ohne Cache (lesen, parsen, prüfen)", t_laden, t_toml, "tomllib", 1.3),
        zeile("  Laden mit Cache (Blob-ID → Daten)", t_cache, t_bytes, "Bytes lesen", None),
        zeile("  liste --format json (mit Cache)", t_json, t_toml, "tomllib", None),
    ]


if __name__ == "__main__":
    groessen = [int(a) for a in sys.argv[1:]] or [1000, 10000]
    print("Zielspeicher laden – Median aus 5 Läufen, Böden im selben Lauf gemessen")
    for groesse in groessen:
        print("\n".join(messe(groesse)))
