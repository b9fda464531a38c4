"""JSON of goal lists and history entries (``liste``, ``verlauf``, ``aenderungen``): stable keys."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from strategie.ausgabe.json.kodierung import als_json, json_wert
from strategie.modell.ziel import Ziel
from strategie.verlauf.eintraege import Verlaufseintrag


def ziele_json(ziele: Sequence[Ziel]) -> str:
    """A JSON array with one object per goal, fields under their TOML names, dates ISO-8601."""
    return als_json([z.daten for z in ziele])


def eintrag_json(eintrag: Verlaufseintrag) -> dict[str, Any]:
    """A history entry with stable keys (documented in the README)."""
    return {
        "commit": eintrag.commit,
        "datum": eintrag.datum.isoformat(),
        "autor": eintrag.autor,
        "email": eintrag.email,
        "betreff": eintrag.betreff,
        "kommentar": eintrag.kommentar,
        "ziel": eintrag.ziel_id,
        "datei": eintrag.datei,
        "art": eintrag.art,
        "aenderungen": [{"feld": a.pfad, "titel": a.titel, "alt": json_wert(a.alt),
                         "neu": json_wert(a.neu)} for a in eintrag.aenderungen],
    }


def verlauf_json(eintraege: Sequence[Verlaufseintrag]) -> str:
    """A JSON array of history entries, newest first."""
    return als_json([eintrag_json(e) for e in eintraege])
