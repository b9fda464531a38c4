"""Field-level comparison of two versions of a goal, and its changes as short German phrases."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from strategie.modell.feld import ZIEL, Abschnitt, Eintrag, eintrag_an_pfad, feld_titel
from strategie.modell.ziel import wert_an_pfad
from strategie.text.format import datum_de, zahl_de
from strategie.text.kuerzen import kuerze


@dataclass(frozen=True)
class Feldaenderung:
    """One changed field (or an added/removed list entry) between two versions of a goal."""

    pfad: str
    alt: Any
    neu: Any

    @property
    def titel(self) -> str:
        """German label of the field, e.g. 'Maßnahme 2: Status'."""
        return feld_titel(self.pfad)

    @property
    def art(self) -> str:
        """'hinzugefügt', 'entfernt' or 'geändert'."""
        if self.alt is None:
            return "hinzugefügt"
        return "entfernt" if self.neu is None else "geändert"

    @property
    def ist_text(self) -> bool:
        """True for long or multi-line texts, which read best as a word diff."""
        return any(isinstance(w, str) and (len(w) > 60 or "\n" in w) for w in (self.alt, self.neu))


def vergleiche(alt: dict[str, Any] | None, neu: dict[str, Any] | None) -> list[Feldaenderung]:
    """All field changes from *alt* to *neu* in model order (None = file absent)."""
    aenderungen: list[Feldaenderung] = []
    _vergleiche_abschnitt(alt or {}, neu or {}, ZIEL, "", aenderungen)
    return aenderungen


def _vergleiche_abschnitt(alt: dict[str, Any], neu: dict[str, Any], abschnitt: Abschnitt,
                          praefix: str, ergebnis: list[Feldaenderung]) -> None:
    reihenfolge = [e.name for e in abschnitt.felder]
    schluessel = sorted(set(alt) | set(neu),
                        key=lambda k: (reihenfolge.index(k) if k in reihenfolge else 999, k))
    for name in schluessel:
        a, n = alt.get(name), neu.get(name)
        if a == n:
            continue
        eintrag: Eintrag | None = abschnitt.feld(name)
        pfad = praefix + name
        if isinstance(eintrag, Abschnitt) and isinstance(a, dict | None) and isinstance(
                n, dict | None) and not eintrag.liste and a is not None and n is not None:
            _vergleiche_abschnitt(a, n, eintrag, pfad + ".", ergebnis)
        elif isinstance(eintrag, Abschnitt) and eintrag.liste and isinstance(
                a or [], list) and isinstance(n or [], list):
            alte, neue = a or [], n or []
            for nummer in range(1, max(len(alte), len(neue)) + 1):
                ea = alte[nummer - 1] if nummer <= len(alte) else None
                en = neue[nummer - 1] if nummer <= len(neue) else None
                if ea == en:
                    continue
                if isinstance(ea, dict) and isinstance(en, dict):
                    _vergleiche_abschnitt(ea, en, eintrag, f"{pfad}.{nummer}.", ergebnis)
                else:
                    ergebnis.append(Feldaenderung(f"{pfad}.{nummer}", ea, en))
        else:
            ergebnis.append(Feldaenderung(pfad, a, n))


def wert_kurz(wert: Any, laenge: int = 60) -> str:
    """A value as one short German line: dates as 21.06.2024, bools as ja/nein, lists joined."""
    if wert is None:
        return "–"
    if isinstance(wert, bool):
        return "ja" if wert else "nein"
    if isinstance(wert, dt.date):
        return datum_de(wert)
    if isinstance(wert, (int, float)):
        return zahl_de(wert)
    if isinstance(wert, list):
        text = ", ".join(wert_kurz(w, laenge) for w in wert)
    elif isinstance(wert, dict):
        text = _eintrag_kurz(wert)
    else:
        text = " ".join(str(wert).split())
    return kuerze(text, laenge)


def _eintrag_kurz(eintrag: dict[str, Any]) -> str:
    """A list entry (Maßnahme, Kennzahl, Messwert, Beschluss) as one phrase."""
    if "stichtag" in eintrag:
        return f"{wert_kurz(eintrag['stichtag'])}: {wert_kurz(eintrag.get('wert'))}"
    for schluessel in ("titel", "name", "gremium"):
        if schluessel in eintrag:
            return str(eintrag[schluessel])
    return ", ".join(f"{k}={wert_kurz(v)}" for k, v in eintrag.items())


def beschreibe(aenderung: Feldaenderung, daten: dict[str, Any] | None = None) -> str:
    """One German phrase: 'Ampel gelb → rot', 'Maßnahme hinzugefügt: …', 'Wirkungsziel geändert'.

    *daten* (the newer version) lets a new Messwert name its Kennzahl.
    """
    teile = aenderung.pfad.split(".")
    if teile[-1].isdigit():  # a whole list entry
        eintrag = aenderung.neu if aenderung.neu is not None else aenderung.alt
        text = f"{_einzeln(teile[:-1])} {teile[-1]} {aenderung.art}: {wert_kurz(eintrag)}"
        if len(teile) > 2:
            oben = wert_an_pfad(daten, ".".join(teile[:-2]) + ".name") if daten else None
            if oben:
                return f"{text} ({wert_kurz(oben, 40)})"
            return f"{feld_titel('.'.join(teile[:-2]))}: {text}"
        return text
    if aenderung.ist_text:
        return f"{aenderung.titel} {aenderung.art}"
    if aenderung.alt is None:
        return f"{aenderung.titel}: {wert_kurz(aenderung.neu)}"
    if aenderung.neu is None:
        return f"{aenderung.titel} entfernt"
    return f"{aenderung.titel} {wert_kurz(aenderung.alt)} → {wert_kurz(aenderung.neu)}"


def _einzeln(teile: list[str]) -> str:
    """'Maßnahme' for 'massnahmen', 'Messwert' for 'kennzahlen.1.messwerte' …"""
    abschnitt = eintrag_an_pfad(".".join(teile))
    return abschnitt.einzeln or abschnitt.titel if isinstance(abschnitt, Abschnitt) else teile[-1]
