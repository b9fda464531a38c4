"""Goal lists as data: JSON (stable, documented) and CSV (semicolon, for German spreadsheets)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from typing import Any

from strategie.modell.ziel import Ziel
from strategie.text.sicher import entschaerfe, json_sicher

CSV_SPALTEN = (
    "id", "titel", "amt", "handlungsfeld", "aktionsbereiche", "status", "ampel", "leuchtturm",
    "art", "haushaltsneutral", "umsetzungsjahr", "verantwortlich", "steckbrief_stand",
    "massnahmen", "massnahmen_abgeschlossen", "kennzahlen", "datei",
)
"""Columns of ``liste --format csv``; documented in the README and stable."""


def _iso(wert: object) -> str:
    if isinstance(wert, (dt.date, dt.time)):
        return wert.isoformat()
    raise TypeError(f"nicht als JSON darstellbar: {type(wert).__name__}")


def als_json(ziele: Sequence[Ziel]) -> str:
    """A JSON array with one object per goal, fields under their TOML names, dates ISO-8601."""
    return json_sicher(json.dumps([z.daten for z in ziele], ensure_ascii=False, indent=2,
                                  default=_iso))


def _wahr(wert: bool | None) -> str:
    return {True: "ja", False: "nein", None: ""}[wert]


def csv_zeile(ziel: Ziel, abgeschlossen: frozenset[str]) -> dict[str, Any]:
    """One CSV row for a goal (values are display-safe strings or numbers)."""
    return {
        "id": ziel.id,
        "titel": ziel.titel,
        "amt": ziel.amt,
        "handlungsfeld": ziel.handlungsfeld,
        "aktionsbereiche": " | ".join(ziel.aktionsbereiche),
        "status": ziel.status,
        "ampel": ziel.ampel,
        "leuchtturm": _wahr(ziel.leuchtturm),
        "art": ziel.art,
        "haushaltsneutral": _wahr(ziel.haushaltsneutral),
        "umsetzungsjahr": ziel.umsetzungsjahr or "",
        "verantwortlich": ziel.verantwortlich,
        "steckbrief_stand": (ziel.steckbrief.stand.isoformat()
                             if ziel.steckbrief and ziel.steckbrief.stand else ""),
        "massnahmen": len(ziel.massnahmen),
        "massnahmen_abgeschlossen": sum(m.status in abgeschlossen for m in ziel.massnahmen),
        "kennzahlen": len(ziel.kennzahlen),
        "datei": ziel.pfad,
    }


def als_csv(ziele: Sequence[Ziel], abgeschlossen: frozenset[str] = frozenset()) -> str:
    """Semicolon-separated CSV with a header row; control characters neutralised."""
    puffer = io.StringIO()
    schreiber = csv.DictWriter(puffer, fieldnames=CSV_SPALTEN, delimiter=";", lineterminator="\n")
    schreiber.writeheader()
    for ziel in ziele:
        zeile = csv_zeile(ziel, abgeschlossen)
        schreiber.writerow({k: entschaerfe(v) if isinstance(v, str) else v
                            for k, v in zeile.items()})
    return puffer.getvalue()
