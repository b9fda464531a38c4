"""Validation of one goal file's data against the model and the frame, as German Befunde."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from strategie.modell.befund import Befund, kappe_befunde
from strategie.modell.feld import BEGRUENDET, BEGRUENDUNG_ZU, ID_MUSTER, ZIEL, Abschnitt, Feld, Typ
from strategie.modell.rahmen import Rahmen
from strategie.modell.ziel import Ziel, ziel_aus_daten
from strategie.text.kuerzen import kuerze
from strategie.toml.lesen import parse_toml
from strategie.toml.zeilen import key_lines, line_in

# The exact Python types tomllib gives for each model type (``type(x) in ...`` also keeps
# bool out of the numbers and datetimes out of the dates), and the message for a mismatch.
_TYPEN: dict[Typ, tuple[tuple[type, ...], str]] = {
    Typ.TEXT: ((str,), "ist kein Text"),
    Typ.LANGTEXT: ((str,), "ist kein Text"),
    Typ.GANZZAHL: ((int,), "ist keine Ganzzahl"),
    Typ.ZAHL: ((int, float), "ist keine Zahl"),
    Typ.WAHRHEITSWERT: ((bool,), "ist kein Wahrheitswert (true oder false)"),
    Typ.DATUM: ((dt.date,), "ist kein Datum"),
    Typ.TEXTLISTE: ((list,), "ist keine Liste von Texten"),
}


GROESSTE_ZAHL = 10**15
"""The largest amount a number field may hold (a Billiarde): beyond it sums, differences and
charts would lose precision or overflow to inf."""


def _darstellung(wert: Any) -> str:
    if isinstance(wert, str):
        return f'"{kuerze(wert, 80)}"'
    if type(wert) is int and abs(wert) > GROESSTE_ZAHL:
        return f"eine Zahl mit etwa {int(wert.bit_length() * 0.30103) + 1} Stellen"
    if isinstance(wert, bool):
        return "true" if wert else "false"
    if isinstance(wert, (dict, list)):
        return "eine Tabelle" if isinstance(wert, dict) else "eine Liste"
    return str(wert)


class _Pruefung:
    """Collects (field path, message) pairs while walking the data along the model."""

    def __init__(self, rahmen: Rahmen) -> None:
        self.rahmen = rahmen
        self.mengen = rahmen.vokabular_mengen
        self.fehler: list[tuple[str, str]] = []

    def abschnitt(self, daten: dict[str, Any], abschnitt: Abschnitt, praefix: str) -> None:
        index = abschnitt.nach_name
        for schluessel, wert in daten.items():
            eintrag = index.get(schluessel)
            if eintrag is None:
                self.unbekannt(schluessel, abschnitt, praefix)
            elif isinstance(eintrag, Feld):
                self.feld(wert, eintrag, praefix + schluessel)
            elif eintrag.liste:
                pfad = praefix + schluessel
                if type(wert) is not list or not all(type(e) is dict for e in wert):
                    self.fehler.append((pfad, f"muss als [[{pfad}]] geschrieben werden"))
                    continue
                for nummer, element in enumerate(wert, start=1):
                    self.abschnitt(element, eintrag, f"{pfad}.{nummer}.")
            elif type(wert) is not dict:
                self.fehler.append((praefix + schluessel,
                                    f"muss eine Tabelle [{praefix + schluessel}] sein"))
            else:
                self.abschnitt(wert, eintrag, praefix + schluessel + ".")
        for name in abschnitt.pflichtfelder:
            if name not in daten:
                self.fehler.append((praefix + name, "Pflichtfeld fehlt"))

    def unbekannt(self, schluessel: str, abschnitt: Abschnitt, praefix: str) -> None:
        import difflib  # only for an unknown key

        namen = [f.name for f in abschnitt.felder]
        aehnlich = difflib.get_close_matches(schluessel, namen, n=1, cutoff=0.75)
        hinweis = (f"meinten Sie '{aehnlich[0]}'?" if aehnlich
                   else f"bekannt sind: {', '.join(namen)}")
        self.fehler.append((praefix + schluessel, f"unbekanntes Feld ({hinweis})"))

    def feld(self, wert: Any, feld: Feld, pfad: str) -> None:
        klassen, meldung = _TYPEN[feld.typ]
        if type(wert) not in klassen or (
                feld.typ is Typ.TEXTLISTE and not all(type(x) is str for x in wert)):
            self.falscher_typ(wert, feld, pfad, meldung)
            return
        if feld.pflicht and type(wert) is str and not wert.strip():
            self.fehler.append((pfad, "darf nicht leer sein"))
            return
        if type(wert) is float and not math.isfinite(wert):
            self.fehler.append((pfad, f"{wert} ist keine endliche Zahl (inf und nan sind nicht "
                                      "erlaubt)"))
            return
        if feld.typ in (Typ.ZAHL, Typ.GANZZAHL) and abs(wert) > GROESSTE_ZAHL:
            self.fehler.append((pfad, f"{_darstellung(wert)} ist zu groß (erlaubt sind Zahlen "
                                      "bis ±10^15, eine Billiarde)"))
            return
        if (feld.minimum is not None and wert < feld.minimum) or (
                feld.maximum is not None and wert > feld.maximum):
            self.fehler.append(
                (pfad, f"{_darstellung(wert)} liegt außerhalb von {feld.minimum:g} bis "
                       f"{feld.maximum or '∞'}"))
        if feld.vokabular:
            erlaubt = self.mengen[feld.vokabular]
            for einzelwert in wert if type(wert) is list else (wert,):
                if einzelwert not in erlaubt:
                    moeglich = ", ".join(self.rahmen.vokabular(feld.vokabular))
                    erlaubt_text = (f"erlaubt: {moeglich}" if moeglich else
                                    f"die Rahmendatei nennt keine Werte für {feld.titel}")
                    self.fehler.append((pfad, (
                        f"{_darstellung(einzelwert)} ist kein gültiger Wert für {feld.titel} "
                        f"({erlaubt_text})")))

    def falscher_typ(self, wert: Any, feld: Feld, pfad: str, meldung: str) -> None:
        hinweis = ""
        if feld.typ is Typ.DATUM and isinstance(wert, str):
            beispiel = wert if re.fullmatch(r"\d{4}-\d{2}-\d{2}", wert) else "2024-06-21"
            hinweis = f" – ein Datum steht ohne Anführungszeichen: {beispiel}"
        self.fehler.append((pfad, f"{_darstellung(wert)} {meldung}{hinweis}"))


def pruefe_daten(daten: dict[str, Any], relpfad: str, rahmen: Rahmen,
                 dateien_nach_id: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
    """Check goal data against model and frame; returns (field path, German message) pairs.

    *dateien_nach_id* maps the ids implied by all file names of the store to their paths, so
    that an id taken from another file is reported as a duplicate.
    """
    if not daten:
        return [("", "Die Datei enthält keine Angaben (nur Kommentare oder Leerzeilen)")]
    pruefung = _Pruefung(rahmen)
    pruefung.abschnitt(daten, ZIEL, "")
    fehler = pruefung.fehler
    if any(pfad in ("id", "amt", "status", "ampel") for pfad, _ in fehler):
        return fehler
    ziel_id, amt = daten["id"], rahmen.amt(daten["amt"])
    ordner, _, dateiname = relpfad.rpartition("/")
    stamm = dateiname.removesuffix(".toml")
    if not ID_MUSTER.match(ziel_id):
        fehler.append(("id", f'"{ziel_id}" hat nicht die Form AMT-Nummer (z. B. SA-03)'))
    elif ziel_id.rsplit("-", 1)[0] != daten["amt"]:
        fehler.append(("id", f'"{ziel_id}" beginnt nicht mit dem Kürzel des Amts {daten["amt"]}'))
    if stamm != ziel_id:
        andere = (dateien_nach_id or {}).get(ziel_id)
        fehler.append(("id", f'Die ID "{ziel_id}" ist doppelt: sie gehört schon der Datei {andere}'
                       if andere else f'"{ziel_id}" passt nicht zum Dateinamen {dateiname}'))
    if amt is not None and ordner != amt.ordner:
        fehler.append(("amt", (
            f"Ziel des Amts {amt.kuerzel} liegt im Ordner '{ordner}/', "
            f"gehört aber nach '{amt.ordner}/'")))
    for feld, vokabular, begruendung in BEGRUENDET:
        wert = rahmen.wert(vokabular, daten.get(feld, ""))
        if wert is not None and wert.begruendung and not str(daten.get(begruendung, "")).strip():
            fehler.append((begruendung, f'{feld} "{wert.name}" verlangt eine Begründung'))
    return fehler


def lade_ziel(verzeichnis: Path, relpfad: str, roh: bytes, rahmen: Rahmen,
              dateien_nach_id: Mapping[str, str] | None = None
              ) -> tuple[Ziel | None, list[Befund]]:
    """Parse and validate one goal file's bytes: the Ziel, or None and its Befunde."""
    if roh.isspace() or not roh:
        pfad = verzeichnis / relpfad
        return None, [Befund(pfad, "Die Datei ist leer", zeile=1)]
    daten, text, befund = parse_toml(verzeichnis, relpfad, roh)
    if befund is not None or daten is None:
        return None, [befund] if befund else []
    fehler = pruefe_daten(daten, relpfad, rahmen, dateien_nach_id)
    if fehler:
        return None, kappe_befunde(befunde_mit_zeilen(verzeichnis / relpfad, text, fehler))
    return ziel_aus_daten(daten, relpfad), []


def befunde_mit_zeilen(pfad: Path, text: str, fehler: list[tuple[str, str]]) -> list[Befund]:
    """Attach the line of each field (or its enclosing table) in *text* to the messages."""
    zeilen = key_lines(text)

    def zeile(feld: str) -> int | None:
        if feld in BEGRUENDUNG_ZU and feld not in zeilen:  # a missing Begründung: at its reason
            feld = BEGRUENDUNG_ZU[feld]
        return line_in(zeilen, feld)

    return [Befund(pfad, meldung, zeile=zeile(feld), feld=feld or None) for feld, meldung in fehler]
