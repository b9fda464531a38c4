"""JSON Schema (draft-07) of a goal file, generated from the model and the frame's vocabularies."""

from __future__ import annotations

from typing import Any

from strategie.modell.feld import BEGRUENDET, ID_MUSTER, ZIEL, Abschnitt, Feld, Typ
from strategie.modell.rahmen import Rahmen

SCHEMA_ID = "https://strategie.invalid/schema/ziel.schema.json"


def _feld_schema(feld: Feld, rahmen: Rahmen) -> dict[str, Any]:
    schema: dict[str, Any]
    if feld.typ in (Typ.TEXT, Typ.LANGTEXT):
        schema = {"type": "string"}
    elif feld.typ is Typ.GANZZAHL:
        schema = {"type": "integer"}
    elif feld.typ is Typ.ZAHL:
        schema = {"type": "number"}
    elif feld.typ is Typ.WAHRHEITSWERT:
        schema = {"type": "boolean"}
    elif feld.typ is Typ.DATUM:
        schema = {"type": "string", "format": "date"}
    else:
        schema = {"type": "array", "items": {"type": "string"}}
    if feld.vokabular:
        werte: list[Any] = list(rahmen.vokabular(feld.vokabular))
        if feld.typ is Typ.GANZZAHL:
            werte = [int(w) for w in werte]
        ziel = schema["items"] if feld.typ is Typ.TEXTLISTE else schema
        ziel["enum"] = werte
    if feld.minimum is not None:
        schema["minimum"] = feld.minimum
    if feld.maximum is not None:
        schema["maximum"] = feld.maximum
    if feld.name == "id":
        schema["pattern"] = ID_MUSTER.pattern
    beschreibung = feld.titel + (f" – {feld.beschreibung}" if feld.beschreibung else "")
    return {"title": feld.titel, "description": beschreibung, **schema}


def _abschnitt_schema(abschnitt: Abschnitt, rahmen: Rahmen) -> dict[str, Any]:
    eigenschaften = {
        e.name: _feld_schema(e, rahmen) if isinstance(e, Feld) else _abschnitt_schema(e, rahmen)
        for e in abschnitt.felder
    }
    objekt: dict[str, Any] = {
        "type": "object",
        "properties": eigenschaften,
        "additionalProperties": False,
    }
    pflicht = [f.name for f in abschnitt.felder if isinstance(f, Feld) and f.pflicht]
    if pflicht:
        objekt["required"] = pflicht
    kopf = {"title": abschnitt.titel}
    if abschnitt.beschreibung:
        kopf["description"] = abschnitt.beschreibung
    if abschnitt.liste:
        return {**kopf, "type": "array", "items": objekt}
    return {**kopf, **objekt}


def ziel_schema(rahmen: Rahmen) -> dict[str, Any]:
    """The JSON Schema every goal file of this store satisfies (dates as ISO strings)."""
    schema = _abschnitt_schema(ZIEL, rahmen)
    bedingungen = []
    for feld, vokabular, begruendung in BEGRUENDET:
        pflichtig = [w.name for w in getattr(rahmen, vokabular) if w.begruendung]
        if pflichtig:
            bedingungen.append({
                "if": {"properties": {feld: {"enum": pflichtig}}, "required": [feld]},
                "then": {"required": [begruendung],
                         "properties": {begruendung: {"minLength": 1}}},
            })
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": f"Zieldatei – {rahmen.name}",
        "description": ("Ein Wirkungs- und Leistungsziel der Sozialstrategie, eine Datei je Ziel. "
                        "Erzeugt mit 'strategie schema'."),
        **{k: v for k, v in schema.items() if k != "title"},
        "allOf": bedingungen,
    }
