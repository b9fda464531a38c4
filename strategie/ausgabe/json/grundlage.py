"""The Grundlage, the frame's Hinweis and the unreadable files as JSON data, for every document."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from strategie.auswertung.grundlage import Grundlage
from strategie.modell.befund import Befund
from strategie.modell.rahmen import Rahmen


def grundlage_daten(g: Grundlage) -> dict[str, Any]:
    """Where the numbers come from: the store's name and folder (its local path only with
    ``--grundlage lang``), commit, Stichtag, time of generation."""
    return {"speicher": g.speicher, "ordner": g.ordner, "pfad": g.pfad if g.lang else None,
            "commit": g.commit, "stichtag": g.stichtag.isoformat() if g.stichtag else None,
            "erstellt": g.erstellt.isoformat(), "arbeitskopie": g.arbeitskopie,
            "ungespeichert": g.ungespeichert, "geteilt": g.geteilt, "filter": g.filter or None}


def hinweis_daten(rahmen: Rahmen) -> str | None:
    """The frame's Hinweis (e.g. Beispieldaten) on one line, or None."""
    return " ".join(rahmen.hinweis.split()) or None


def befunde_daten(g: Grundlage, befunde: Sequence[Befund]) -> list[dict[str, Any]]:
    """The unreadable goal files, named relative to the store."""
    return [{"datei": g.datei(b.pfad), "zeile": b.zeile, "feld": b.feld or None,
             "meldung": b.meldung} for b in befunde]
