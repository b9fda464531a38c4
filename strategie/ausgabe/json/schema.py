"""The JSON Schemas (draft-07) of ``bericht`` and ``jahresplanung --format json`` (in schema/)."""

from __future__ import annotations

from typing import Any

from strategie.ausgabe.json.bericht import FORMAT_VERSION
from strategie.ausgabe.json.jahresplanung import FORMAT_VERSION as PLAN_VERSION
from strategie.auswertung.kennzahlen import BEWERTUNGEN, LINIE, TREND

SCHEMA_ID = "https://strategie.invalid/schema/bericht.schema.json"
JAHRESPLANUNG_ID = "https://strategie.invalid/schema/jahresplanung.schema.json"

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
    "art": _TEXT_ODER_NULL, "umsetzungsjahr": {"type": ["integer", "null"]},
    "haushaltsneutral": {"type": ["boolean", "null"]}, "mittel_plan": _ZAHL_ODER_NULL,
    "mittel_ist": _ZAHL_ODER_NULL, "personal_vzae": _ZAHL_ODER_NULL,
    "raeume": {"type": "array", "items": _TEXT}, "phase": _TEXT_ODER_NULL,
    "liga": {"type": "boolean"},
}

_GRUNDLAGE = _objekt({
    "speicher": _TEXT, "ordner": _TEXT, "pfad": _TEXT_ODER_NULL,
    "commit": _TEXT_ODER_NULL, "stichtag": _DATUM_ODER_NULL,
    "erstellt": {"type": "string", "format": "date-time"},
    "arbeitskopie": {"type": "boolean"}, "ungespeichert": {"type": "boolean"},
    "geteilt": {"type": ["boolean", "null"], "description": "Der Commit liegt schon im "
                "gemeinsamen Repository (false: nur in diesem Klon; null: kein Remote)."},
    "filter": _TEXT_ODER_NULL,
}, "Woher die Zahlen stammen: Name und Ordner des Speichers (den Pfad auf dem Rechner nur mit "
   "--grundlage lang), Commit, Stichtag, Erstellungszeit.")
_HINWEIS = {"type": ["string", "null"], "description": "Der Hinweis des Rahmens (z. B. "
            "Beispieldaten), den jede Ausgabe zeigt."}
_BEFUNDE = {"type": "array", "items": _objekt({
    "datei": _TEXT, "zeile": {"type": ["integer", "null"]}, "feld": _TEXT_ODER_NULL,
    "meldung": _TEXT})}

_EURO = {"type": ["number", "null"], "minimum": 0}
_SUMME = _objekt({
    "anzahl": _ANZAHL, "mittel_plan": {"type": "number"}, "mittel_ist": {"type": "number"},
    "personal_vzae": {"type": "number"}, "mit_plan": _ANZAHL, "mit_ist": _ANZAHL,
    "mit_personal": _ANZAHL, "haushaltsneutral": _ANZAHL, "ohne_planansatz": _ANZAHL,
}, "Summen über die Ziele mit Angabe; mit_*: wie viele Ziele eine Angabe haben.")

def _dokument(schema_id: str, titel: str, format_name: str, version: int,
              eigenschaften: dict[str, Any]) -> dict[str, Any]:
    """A draft-07 schema of one of our JSON documents: format, version, title, then the rest."""
    return {"$schema": "http://json-schema.org/draft-07/schema#", "$id": schema_id,
            "title": titel, **_objekt({"format": {"const": format_name},
                                        "version": {"const": version}, "titel": _TEXT,
                                        **eigenschaften})}


SCHEMA: dict[str, Any] = _dokument(
    SCHEMA_ID, "Sachstandsbericht (strategie bericht --format json)", "strategie-bericht",
    FORMAT_VERSION, {
        "hinweis": _HINWEIS,
        "grundlage": _GRUNDLAGE,
        "stichtag": _DATUM,
        "steckbrief_max_alter_monate": _ANZAHL,
        "anzahl_ziele": _ANZAHL,
        "matrix": _objekt({
            "zeilen": {"type": "array", "items": _objekt({
                "amt": _TEXT, "handlungsfelder": _ANZAHLEN, "summe": _ANZAHL})},
            "spaltensummen": _ANZAHLEN, "gesamt": _ANZAHL,
            "quelle": _TEXT_ODER_NULL, "fussnote": _TEXT_ODER_NULL,
        }, "Ziele je Amt × Handlungsfeld mit Summen; quelle: die veröffentlichte Tabelle, die "
           "sie wiedergibt (dann Zeilen in der Reihenfolge des Rahmens), fussnote: die Fußnote "
           "dazu (beides aus [berichte] im Rahmen)."),
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
        "mittel": _SUMME,
        "umsetzungsjahre": {"type": "array", "description": "Ziele, Mittel und Personal je "
                            "Umsetzungsjahr; jahr null: ohne Umsetzungsjahr", "items": {
                                **_SUMME, "required": ["jahr", *_SUMME["required"]],
                                "properties": {"jahr": {"type": ["integer", "null"]},
                                               **_SUMME["properties"]}}},
        "raeume": {"type": "array", "description": "Die Ziele je Raum (selbst oder mit einer "
                   "Kennzahl), in der Reihenfolge des Rahmens", "items": _objekt({
                       "raum": _TEXT, "ziele": {"type": "array", "items": _TEXT}})},
        "kennzahlen": {"type": "array", "items": _objekt({
            "ziel": _TEXT, "kennzahl": _TEXT, "einheit": _TEXT_ODER_NULL, "richtung": _TEXT,
            "basiswert": _ZAHL_ODER_NULL, "zielwert": _ZAHL_ODER_NULL,
            "basisdatum": {**_DATUM_ODER_NULL, "description": "Basisstichtag, sonst 31.12. "
                           "des Basisjahrs"},
            "zieldatum": {**_DATUM_ODER_NULL, "description": "Zielstichtag, sonst 31.12. des "
                          "Zieljahrs"},
            "zieljahr": {"type": ["integer", "null"]},
            "raeume": {"type": "array", "items": _TEXT},
            "letzter_wert": _ZAHL_ODER_NULL, "letzter_stichtag": _DATUM_ODER_NULL,
            "erwartet": {**_ZAHL_ODER_NULL, "description": "Wo die Linie vom Basis- zum "
                         "Zielwert den Wert am letzten Stichtag erwartet"},
            "fortschritt": _ZAHL_ODER_NULL,
            "bewertung": {"enum": list(BEWERTUNGEN)},
            "regel": {"enum": [LINIE, TREND, None], "description": "linie: gemessen an der "
                      "Linie von Basis zu Ziel; trend: ohne Basis- oder Zieltermin, am "
                      "vorherigen Wert"},
            "messwerte": {"type": "array", "items": _objekt({"stichtag": _DATUM,
                                                              "wert": {"type": "number"}})},
        })},
        "kennzahl_regel": {**_TEXT, "description": "Die Regel der Bewertungen, wie sie im "
                           "Bericht steht."},
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
        "befunde": _BEFUNDE,
    })
"""JSON Schema (draft-07) of ``strategie bericht --format json``; published in schema/."""

JAHRESPLANUNG_SCHEMA: dict[str, Any] = _dokument(
    JAHRESPLANUNG_ID, "Jahresplanung (strategie jahresplanung JAHR --format json)",
    "strategie-jahresplanung", PLAN_VERSION, {
        "jahr": {"type": "integer"},
        "hinweis": _HINWEIS,
        "grundlage": _GRUNDLAGE,
        "erlaeuterung": _TEXT,
        "aemter": {"type": "array", "items": _objekt({
            "kuerzel": _TEXT, "name": _TEXT, "anlage": {"type": "integer"},
            "ziele": {"type": "array", "items": _objekt({
                "id": _TEXT, "titel": _TEXT, "amt": _TEXT, "handlungsfeld": {"type": "integer"},
                "art": _TEXT_ODER_NULL, "status": _TEXT,
                "haushaltsneutral": {"type": ["boolean", "null"]}, "produkt": _TEXT_ODER_NULL,
                "mittel_plan": _EURO, "mittel_ist": _EURO,
                "personal_vzae": {"type": ["number", "null"], "minimum": 0}, "datei": _TEXT})},
            "summe": _SUMME})},
        "summe": _SUMME,
        "entfallen": {"type": "array", "items": _TEXT},
        "ohne_jahr": {"type": "array", "items": _TEXT,
                      "description": "Offene Ziele ohne Umsetzungsjahr"},
        "befunde": _BEFUNDE,
    })
"""JSON Schema (draft-07) of ``strategie jahresplanung --format json``; published in schema/."""
