"""Reading the frame file (strategie.toml) of a store, from disk or from a git object."""

from __future__ import annotations

import tomllib
from pathlib import Path

from strategie.modell.befund import Befund, StrategieFehler, os_fehlertext
from strategie.modell.rahmen import Rahmen, rahmen_aus_daten
from strategie.speicher.ablage import RAHMEN_DATEI
from strategie.toml.fehler import TomlGrenze, toml_fehler_befund
from strategie.toml.lesen import lies_toml
from strategie.toml.zeilen import line_of

_GELESEN: dict[Path, tuple[tuple[int, int], Rahmen]] = {}
"""Frames already parsed in this process, by path, with the (mtime, size) they had."""


def lade_rahmen(verzeichnis: Path) -> Rahmen:
    """Read ``strategie.toml`` of a store; raise StrategieFehler with Befunde if it is unusable.

    A frame read before is reused while its modification time and size are unchanged.
    """
    pfad = verzeichnis / RAHMEN_DATEI
    try:
        stat = pfad.stat()
        kennung = (stat.st_mtime_ns, stat.st_size)
        if (bekannt := _GELESEN.get(pfad)) and bekannt[0] == kennung:
            return bekannt[1]
        roh = pfad.read_bytes()
    except OSError as fehler:
        raise StrategieFehler(
            f"Rahmendatei {pfad} nicht lesbar: {os_fehlertext(fehler)}") from None
    rahmen = rahmen_aus_bytes(pfad, roh)
    _GELESEN[pfad] = (kennung, rahmen)
    return rahmen


def rahmen_aus_bytes(pfad: Path, roh: bytes) -> Rahmen:
    """Parse and check a frame file's bytes (from disk or from a git object)."""
    if not roh.strip():
        befund = Befund(pfad, "Die Datei ist leer: die Rahmendatei braucht mindestens name, "
                              "[[handlungsfelder]], [[aemter]] und die Vokabulare", zeile=1)
        raise StrategieFehler(befund.als_zeile(), (befund,))
    try:
        daten = lies_toml(roh.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, TomlGrenze) as fehler:
        befund = toml_fehler_befund(pfad, roh, fehler)
        raise StrategieFehler(befund.als_zeile(), (befund,)) from None
    rahmen, befunde = rahmen_aus_daten(pfad, daten)
    rahmen = rahmen._replace(roh=roh)
    befunde = [b._replace(zeile=line_of(roh.decode("utf-8-sig"), b.feld)) for b in befunde]
    if befunde:
        text = "\n".join(b.als_zeile() for b in befunde)
        raise StrategieFehler(f"Die Rahmendatei ist fehlerhaft:\n{text}", tuple(befunde))
    return rahmen
