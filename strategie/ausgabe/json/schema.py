"""The JSON Schema (draft-07) of ``strategie bericht --format json``, published in schema/."""

from __future__ import annotations

from typing import Any

from strategie.ausgabe.json.bericht import FORMAT_VERSION

SCHEMA_ID = "https://strategie.invalid/schema/bericht.schema.json"

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
        "hinweis": {"type": ["string", "null"], "description": "Der Hinweis des Rahmens "
                    "(z. B. Beispieldaten), den jede Ausgabe zeigt."},
        "grundlage": _objekt({
            "speicher": _TEXT, "ordner": _TEXT, "pfad": _TEXT_ODER_NULL,
            "commit": _TEXT_ODER_NULL, "stichtag": _DATUM_ODER_NULL,
            "erstellt": {"type": "string", "format": "date-time"},
            "arbeitskopie": {"type": "boolean"}, "ungespeichert": {"type": "boolean"},
            "filter": _TEXT_ODER_NULL,
        }, "Woher die Zahlen stammen: Name und Ordner des Speichers (den Pfad auf dem Rechner "
           "nur mit --grundlage lang), Commit, Stichtag, Erstellungszeit."),
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
