"""The Jahresplanung as plain data with stable German keys (``jahresplanung --format json``)."""

from __future__ import annotations

from typing import Any

from strategie.ausgabe.json.grundlage import befunde_daten, grundlage_daten, hinweis_daten
from strategie.ausgabe.json.kodierung import als_json
from strategie.auswertung.haushalt import Mittelsumme
from strategie.auswertung.jahresplanung import Jahresplanung, Planzeile

FORMAT_VERSION = 1
"""Raised only for incompatible changes; keys may be added within a version."""


def summe_daten(summe: Mittelsumme) -> dict[str, Any]:
    """A sum of Mittel and Personal, with how many goals gave each figure."""
    return {"anzahl": summe.anzahl, "mittel_plan": summe.mittel_plan,
            "mittel_ist": summe.mittel_ist, "personal_vzae": summe.personal_vzae,
            "mit_plan": summe.mit_plan, "mit_ist": summe.mit_ist,
            "mit_personal": summe.mit_personal, "haushaltsneutral": summe.haushaltsneutral,
            "ohne_planansatz": summe.ohne_planansatz}


def _zeile(zeile: Planzeile) -> dict[str, Any]:
    z = zeile.ziel
    return {"id": z.id, "titel": z.titel, "amt": z.amt, "handlungsfeld": z.handlungsfeld,
            "art": zeile.art or None, "status": zeile.status,
            "haushaltsneutral": zeile.haushaltsneutral, "produkt": zeile.produkt or None,
            "mittel_plan": zeile.mittel_plan, "mittel_ist": zeile.mittel_ist,
            "personal_vzae": zeile.personal_vzae, "datei": z.pfad}


def jahresplanung_daten(planung: Jahresplanung) -> dict[str, Any]:
    """The whole Jahresplanung as JSON-ready data (schema: ``schema.JAHRESPLANUNG_SCHEMA``)."""
    g = planung.grundlage
    return {
        "format": "strategie-jahresplanung",
        "version": FORMAT_VERSION,
        "titel": planung.titel,
        "jahr": planung.jahr,
        "hinweis": hinweis_daten(planung.rahmen),
        "grundlage": grundlage_daten(g),
        "erlaeuterung": planung.erlaeuterung,
        "aemter": [{"kuerzel": a.amt.kuerzel, "name": a.amt.name, "anlage": a.amt.anlage,
                    "ziele": [_zeile(z) for z in a.zeilen], "summe": summe_daten(a.summe)}
                   for a in planung.aemter],
        "summe": summe_daten(planung.gesamt),
        "entfallen": [z.id for z in planung.entfallen],
        "ohne_jahr": [z.id for z in planung.ohne_jahr],
        "befunde": befunde_daten(g, planung.befunde),
    }


def jahresplanung_json(planung: Jahresplanung) -> str:
    """The Jahresplanung as JSON text (control characters escaped)."""
    return als_json(jahresplanung_daten(planung))
