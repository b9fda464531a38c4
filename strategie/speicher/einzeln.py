"""One goal read alone: its own file and the frame, not the whole store ('zeige')."""

from __future__ import annotations

import os
from pathlib import Path

from strategie.modell.rahmen import Rahmen
from strategie.modell.werte import normalisiere_id
from strategie.modell.ziel import Ziel
from strategie.speicher.rahmendatei import lade_rahmen
from strategie.speicher.validierung import lade_ziel


def lade_einzeln(verzeichnis: Path, ziel_id: str) -> tuple[Rahmen, Ziel | None]:
    """The frame, and the goal read from ``<Amt-Ordner>/<ID>.toml`` alone.

    A valid goal can only lie in that one file (validation demands its Amt's folder and a
    file name equal to the id), so no other file of the store can change the answer: no
    duplicate-id index is needed. The goal is None when that file is missing, unreadable,
    a symlink leading out of the store, or has Befunde; the caller then loads the store,
    which says what is wrong (and suggests close ids) exactly as before.
    """
    rahmen = lade_rahmen(verzeichnis)
    ziel_id = normalisiere_id(ziel_id)
    amt = rahmen.amt(ziel_id.rsplit("-", 1)[0])
    if amt is None or amt.ordner.startswith("."):
        return rahmen, None
    relpfad = f"{amt.ordner}/{ziel_id}.toml"
    pfad = verzeichnis / relpfad
    try:
        if not os.path.realpath(pfad).startswith(os.path.realpath(verzeichnis) + os.sep):
            return rahmen, None
        roh = pfad.read_bytes()
    except OSError:
        return rahmen, None
    ziel, befunde = lade_ziel(verzeichnis, relpfad, roh, rahmen)
    return rahmen, None if befunde else ziel
