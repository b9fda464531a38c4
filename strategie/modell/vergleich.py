"""Field-level comparison of two versions of a goal, and its changes as short German phrases."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, NamedTuple

from strategie.modell.feld import ZIEL, Abschnitt, Eintrag, eintrag_an_pfad, feld_titel
from strategie.modell.ziel import wert_an_pfad
from strategie.text.format import datum_de, zahl_de
from strategie.text.kuerzen import kuerze

_DATUM = re.compile(r"\d{2}\.\d{2}\.\d{4}")


class Feldaenderung(NamedTuple):
    """One changed field (or an added/removed list entry) between two versions of a goal."""

    pfad: str
    alt: Any
    neu: Any
    bezug: str = ""
    """Inside a list entry: that entry's name, title or Stichtag in the newer version (else the
    older), e.g. the Kennzahl a new Messwert belongs to; '' when it has none. Not compared:
    two changes are equal when path and both values are."""

    def __eq__(self, anderes: object) -> bool:
        return isinstance(anderes, Feldaenderung) and self[:3] == anderes[:3]

    def __ne__(self, anderes: object) -> bool:
        return not self == anderes

    def __hash__(self) -> int:
        return hash(self[:3])

    @property
    def titel(self) -> str:
        """German label of the field, 'Maßnahme „Beratung“: Status' (by ``bezug``), else by
        position: 'Maßnahme 2: Status'."""
        teile = feld_titel(self.pfad).split(": ")
        if self.bezug and not self.pfad.split(".")[-1].isdigit():
            for stelle in range(len(teile) - 1, -1, -1):
                kopf, _, nummer = teile[stelle].rpartition(" ")
                if kopf and nummer.isdigit():
                    teile[stelle] = f"{kopf} {_benannt(self.bezug)}"
                    break
        return ": ".join(teile)

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


def _name(eintrag: Any) -> str:
    """What names a list entry: a Kennzahl's name, a Maßnahme's title, a Messwert's Stichtag,
    a Beschluss's Gremium; '' if it has none."""
    if isinstance(eintrag, dict):
        if isinstance(eintrag.get("stichtag"), dt.date):
            return datum_de(eintrag["stichtag"])
        for schluessel in ("name", "titel", "gremium"):
            if isinstance(eintrag.get(schluessel), str) and eintrag[schluessel].strip():
                return " ".join(eintrag[schluessel].split())
    return ""


def _benannt(name: str) -> str:
    """A name in German quotes, shortened; a date as it is."""
    return name if _DATUM.fullmatch(name) else f"„{kuerze(name, 40)}“"


def _vergleiche_abschnitt(alt: dict[str, Any], neu: dict[str, Any], abschnitt: Abschnitt,
                          praefix: str, ergebnis: list[Feldaenderung], bezug: str = "") -> None:
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
                    _vergleiche_abschnitt(ea, en, eintrag, f"{pfad}.{nummer}.", ergebnis,
                                          _name(en) or _name(ea))
                else:
                    ergebnis.append(Feldaenderung(f"{pfad}.{nummer}", ea, en, bezug))
        else:
            ergebnis.append(Feldaenderung(pfad, a, n, bezug))


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


def eintrag_bezeichnung(eintrag: Any) -> str:
    """A list entry as its name: '„Titel“' for a Maßnahme, Kennzahl or Beschluss, '30.06.2026
    = 61,0' for a Messwert; never its position in the list."""
    if isinstance(eintrag, dict) and "stichtag" in eintrag:
        return f"{wert_kurz(eintrag['stichtag'])} = {wert_kurz(eintrag.get('wert'))}"
    if isinstance(eintrag, dict) and "gremium" in eintrag and "datum" in eintrag:
        return f"„{wert_kurz(eintrag['gremium'])}“ vom {wert_kurz(eintrag['datum'])}"
    if isinstance(eintrag, dict):
        for schluessel in ("titel", "name", "gremium"):
            if schluessel in eintrag:
                return f"„{wert_kurz(eintrag[schluessel])}“"
    return wert_kurz(eintrag)


def beschreibe(aenderung: Feldaenderung, daten: dict[str, Any] | None = None) -> str:
    """One German phrase: 'Ampel gelb → rot', 'Maßnahme „…“ hinzugefügt', 'Messwert 30.06.2026
    = 61,0 hinzugefügt zu Kennzahl „…“', 'Wirkungsziel geändert'.

    A list entry is named by what it is, not by its number. *daten* (the newer version) names
    the Kennzahl of a Messwert when the change does not know it (``bezug``).
    """
    teile = aenderung.pfad.split(".")
    if teile[-1].isdigit():  # a whole list entry
        eintrag = aenderung.neu if aenderung.neu is not None else aenderung.alt
        text = f"{_einzeln(teile[:-1])} {eintrag_bezeichnung(eintrag)} {aenderung.art}"
        if len(teile) > 2:  # inside an entry of another list: a Messwert of a Kennzahl
            oben = aenderung.bezug or (
                wert_an_pfad(daten, ".".join(teile[:-2]) + ".name") if daten else None)
            wo = {"hinzugefügt": "zu", "entfernt": "aus"}.get(aenderung.art, "in")
            if oben:
                return f"{text} {wo} {_einzeln(teile[:-3])} {_benannt(str(oben))}"
            return f"{text} {wo} {feld_titel('.'.join(teile[:-2]))}"
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
