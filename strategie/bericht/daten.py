"""The report as plain data with stable German keys: the JSON format and its JSON Schema."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from strategie.auswertung.bericht import Bericht
from strategie.auswertung.zusammenfassung import Kennzahlstand
from strategie.modell.ziel import Ziel
from strategie.text.sicher import json_sicher
from strategie.verlauf_ausgabe import eintrag_json

FORMAT_VERSION = 1
"""Raised only for incompatible changes; keys may be added within a version."""

SCHEMA_ID = "https://strategie.invalid/schema/bericht.schema.json"


def ziel_kurz(ziel: Ziel) -> dict[str, Any]:
    """The fields of a goal a report lists (the whole goal: ``strategie liste --format json``)."""
    stand = ziel.steckbrief.stand if ziel.steckbrief else None
    return {"id": ziel.id, "titel": ziel.titel, "amt": ziel.amt,
            "handlungsfeld": ziel.handlungsfeld, "status": ziel.status,
            "ampel": ziel.ampel or None, "leuchtturm": ziel.leuchtturm,
            "steckbrief_stand": stand.isoformat() if stand else None, "datei": ziel.pfad}


def kennzahl_daten(stand: Kennzahlstand) -> dict[str, Any]:
    """One Kennzahl's progress: Basiswert → latest Messwert → Zielwert, and the verdict."""
    k = stand.kennzahl
    return {"ziel": stand.ziel.id, "kennzahl": k.name, "einheit": k.einheit or None,
            "richtung": k.richtung, "basiswert": k.basiswert, "zielwert": k.zielwert,
            "letzter_wert": stand.letzter.wert if stand.letzter else None,
            "letzter_stichtag": stand.letzter.stichtag.isoformat() if stand.letzter else None,
            "fortschritt": None if stand.fortschritt is None else round(stand.fortschritt, 4),
            "bewertung": stand.bewertung,
            "messwerte": [{"stichtag": m.stichtag.isoformat(), "wert": m.wert}
                          for m in sorted(k.messwerte, key=lambda m: m.stichtag)]}


def bericht_daten(bericht: Bericht) -> dict[str, Any]:
    """The whole report as JSON-ready data (documented in the README, schema: ``SCHEMA``)."""
    z, rahmen, g = bericht.zusammenfassung, bericht.rahmen, bericht.grundlage
    status_werte = [w.name for w in rahmen.umsetzungsstand]
    ampel_werte = [w.name for w in rahmen.ampel]
    aemter = rahmen.aemter_in_anlagenfolge()
    matrix = z.matrix
    leer: Counter[str] = Counter()
    return {
        "format": "strategie-bericht",
        "version": FORMAT_VERSION,
        "titel": bericht.titel,
        "grundlage": {
            "speicher": g.speicher, "commit": g.commit, "stichtag":
            g.stichtag.isoformat() if g.stichtag else None, "erstellt": g.erstellt.isoformat(),
            "arbeitskopie": g.arbeitskopie, "ungespeichert": g.ungespeichert,
            "filter": g.filter or None},
        "stichtag": bericht.stichtag.isoformat(),
        "steckbrief_max_alter_monate": z.max_alter_monate,
        "anzahl_ziele": z.anzahl,
        "matrix": {
            "zeilen": [{"amt": kuerzel,
                        "handlungsfelder": {str(h): matrix.zellen.get((kuerzel, h), 0)
                                            for h in matrix.handlungsfelder},
                        "summe": matrix.zeilensumme(kuerzel)} for kuerzel in matrix.aemter],
            "spaltensummen": {str(h): matrix.spaltensumme(h) for h in matrix.handlungsfelder},
            "gesamt": matrix.gesamt},
        "nach_status": {w: z.nach_status.get(w, 0) for w in status_werte},
        "nach_ampel": {w: z.nach_ampel.get(w, 0) for w in [*ampel_werte, "–"]},
        "aemter": [{"kuerzel": a.kuerzel, "name": a.name, "anlage": a.anlage,
                    "anzahl": sum(z.status_je_amt.get(a.kuerzel, leer).values()),
                    "nach_status": {w: z.status_je_amt.get(a.kuerzel, leer)[w]
                                    for w in status_werte},
                    "nach_ampel": {w: z.ampel_je_amt.get(a.kuerzel, leer)[w]
                                   for w in [*ampel_werte, "–"]}} for a in aemter],
        "zaehlung": [{"amt": amt, "handlungsfeld": hf, "status": status, "ampel": ampel,
                      "anzahl": anzahl}
                     for (amt, hf, status, ampel), anzahl in sorted(z.zaehlung.items())],
        "leuchttuerme": [ziel_kurz(ziel) for ziel in z.leuchttuerme],
        "aufmerksamkeit": [{**ziel_kurz(a.ziel),
                            "hinweise": [{"art": h.art, "text": h.text} for h in a.hinweise]}
                           for a in z.auffaellig],
        "kennzahlen": [kennzahl_daten(k) for k in z.kennzahlen],
        "aenderungen": None if bericht.aenderungen is None else {
            "seit": bericht.aenderungen.seit, "bis": bericht.aenderungen.bis,
            "eintraege": [eintrag_json(e) for e in bericht.aenderungen.eintraege]},
        "ziele": [ziel_kurz(ziel) for ziel in bericht.ziele],
        "befunde": [{"datei": str(b.pfad), "zeile": b.zeile, "feld": b.feld or None,
                     "meldung": b.meldung} for b in bericht.befunde],
    }


EINGERUECKT_BIS = 2000
"""Reports of up to this many goals are indented for reading; larger ones are compact
(Python's JSON encoder is about five times slower when it indents)."""


def als_json(bericht: Bericht) -> str:
    """The report as JSON text (control characters escaped, see ``sicher.json_sicher``)."""
    einzug = 2 if len(bericht.ziele) <= EINGERUECKT_BIS else None
    return json_sicher(json.dumps(bericht_daten(bericht), ensure_ascii=False, indent=einzug))


# -- the published schema ------------------------------------------------------------------

_TEXT = {"type": "string"}
_TEXT_ODER_NULL = {"type": ["string", "null"]}
_DATUM = {"type": "string", "format": "date"}
_DATUM_ODER_NULL = {"type": ["string", "null"], "format": "date"}
_ZAHL_ODER_NULL = {"type": ["number", "null"]}
_ANZAHL = {"type": "integer", "minimum": 0}
_ANZAHLEN = {"type": "object", "additionalProperties": _ANZAHL}


def _objekt(eigenschaften: dict[str, Any], beschreibung: str = "") -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "required": list(eigenschaften),
                              "properties": eigenschaften}
    if beschreibung:
        schema["description"] = beschreibung
    return schema


_ZIEL_KURZ = {
    "id": _TEXT, "titel": _TEXT, "amt": _TEXT, "handlungsfeld": {"type": "integer"},
    "status": _TEXT, "ampel": _TEXT_ODER_NULL, "leuchtturm": {"type": "boolean"},
    "steckbrief_stand": _DATUM_ODER_NULL, "datei": _TEXT,
}

SCHEMA: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "$id": SCHEMA_ID,
    "title": "Sachstandsbericht (strategie bericht --format json)",
    **_objekt({
        "format": {"const": "strategie-bericht"},
        "version": {"const": FORMAT_VERSION},
        "titel": _TEXT,
        "grundlage": _objekt({
            "speicher": _TEXT, "commit": _TEXT_ODER_NULL, "stichtag": _DATUM_ODER_NULL,
            "erstellt": {"type": "string", "format": "date-time"},
            "arbeitskopie": {"type": "boolean"}, "ungespeichert": {"type": "boolean"},
            "filter": _TEXT_ODER_NULL,
        }, "Woher die Zahlen stammen: Speicher, Commit, Stichtag, Erstellungszeit."),
        "stichtag": _DATUM,
        "steckbrief_max_alter_monate": _ANZAHL,
        "anzahl_ziele": _ANZAHL,
        "matrix": _objekt({
            "zeilen": {"type": "array", "items": _objekt({
                "amt": _TEXT, "handlungsfelder": _ANZAHLEN, "summe": _ANZAHL})},
            "spaltensummen": _ANZAHLEN, "gesamt": _ANZAHL,
        }, "Ziele je Amt × Handlungsfeld mit Summen (Abschnitt 5.1 des Abschlussberichts)."),
        "nach_status": _ANZAHLEN,
        "nach_ampel": _ANZAHLEN,
        "aemter": {"type": "array", "items": _objekt({
            "kuerzel": _TEXT, "name": _TEXT, "anlage": {"type": "integer"}, "anzahl": _ANZAHL,
            "nach_status": _ANZAHLEN, "nach_ampel": _ANZAHLEN})},
        "zaehlung": {"type": "array", "description": "Ziele je Amt, Handlungsfeld, "
                     "Umsetzungsstand und Ampel (nur Kombinationen, die vorkommen).",
                     "items": _objekt({"amt": _TEXT, "handlungsfeld": {"type": "integer"},
                                       "status": _TEXT, "ampel": _TEXT, "anzahl": _ANZAHL})},
        "leuchttuerme": {"type": "array", "items": _objekt(_ZIEL_KURZ)},
        "aufmerksamkeit": {"type": "array", "items": _objekt({
            **_ZIEL_KURZ, "hinweise": {"type": "array", "items": _objekt({
                "art": {"enum": ["rot", "gelb", "zurückgestellt", "entfallen", "steckbrief",
                                 "massnahme"]},
                "text": _TEXT})}})},
        "kennzahlen": {"type": "array", "items": _objekt({
            "ziel": _TEXT, "kennzahl": _TEXT, "einheit": _TEXT_ODER_NULL, "richtung": _TEXT,
            "basiswert": _ZAHL_ODER_NULL, "zielwert": _ZAHL_ODER_NULL,
            "letzter_wert": _ZAHL_ODER_NULL, "letzter_stichtag": _DATUM_ODER_NULL,
            "fortschritt": _ZAHL_ODER_NULL,
            "bewertung": {"enum": ["erreicht", "auf Kurs", "nicht auf Kurs",
                                   "keine Messwerte"]},
            "messwerte": {"type": "array", "items": _objekt({"stichtag": _DATUM,
                                                              "wert": {"type": "number"}})},
        })},
        "aenderungen": {"oneOf": [{"type": "null"}, _objekt({
            "seit": _TEXT, "bis": _TEXT_ODER_NULL,
            "eintraege": {"type": "array", "items": _objekt({
                "commit": _TEXT, "datum": {"type": "string", "format": "date-time"},
                "autor": _TEXT, "email": _TEXT, "betreff": _TEXT, "kommentar": _TEXT,
                "ziel": _TEXT, "datei": _TEXT,
                "art": {"enum": ["angelegt", "geändert", "gelöscht", "ungültig",
                                  "repariert"]},
                "aenderungen": {"type": "array", "items": _objekt({
                    "feld": _TEXT, "titel": _TEXT, "alt": {}, "neu": {}})},
            })},
        })]},
        "ziele": {"type": "array", "items": _objekt(_ZIEL_KURZ)},
        "befunde": {"type": "array", "items": _objekt({
            "datei": _TEXT, "zeile": {"type": ["integer", "null"]}, "feld": _TEXT_ODER_NULL,
            "meldung": _TEXT})},
    }),
}
"""JSON Schema (draft-07) of ``strategie bericht --format json``; published in schema/."""
