"""The Jahresplanung: the goals proposed for one Haushaltsjahr, by Amt, with Mittel and Personal.

The Abschlussbericht asks for a decision at least once a year which of the goals are to be
realised in the next Haushaltsjahr (section 6). This is the model of that decision's
Vorlage: computed once, read by every renderer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from strategie.auswertung.filter import Filter
from strategie.auswertung.grundlage import Grundlage, ermittle_grundlage
from strategie.auswertung.haushalt import Mittelsumme, summiere
from strategie.modell.befund import Befund, StrategieFehler
from strategie.modell.rahmen import ENTFALLEN, Amt, Rahmen
from strategie.modell.ziel import Ziel
from strategie.speicher.laden import Zielspeicher
from strategie.text.format import datum_de


@dataclass(frozen=True)
class Planzeile:
    """One goal of the Jahresplanung with the figures of its [haushalt]."""

    ziel: Ziel
    art: str
    status: str
    haushaltsneutral: bool | None
    produkt: str
    mittel_plan: float | None
    mittel_ist: float | None
    personal_vzae: float | None

    @classmethod
    def aus(cls, ziel: Ziel) -> Planzeile:
        """The row of a goal."""
        h = ziel.haushalt
        return cls(ziel, ziel.art, ziel.status, ziel.haushaltsneutral, h.produkt if h else "",
                   h.mittel_plan if h else None, h.mittel_ist if h else None,
                   h.personal_vzae if h else None)


@dataclass(frozen=True)
class Amtsplanung:
    """The goals of one Amt for the year, and their sums."""

    amt: Amt
    zeilen: tuple[Planzeile, ...]
    summe: Mittelsumme


@dataclass(frozen=True)
class Jahresplanung:
    """Everything the Jahresplanung of one Haushaltsjahr shows, computed once."""

    jahr: int
    grundlage: Grundlage
    rahmen: Rahmen
    aemter: tuple[Amtsplanung, ...]
    """Ämter with goals for the year, in the order of the Vorlage's Anlagen."""
    gesamt: Mittelsumme
    entfallen: tuple[Ziel, ...]
    """Goals once proposed for the year that have been retired since (not counted)."""
    ohne_jahr: tuple[Ziel, ...]
    """Goals still open (neither finished nor retired) that no Haushaltsjahr names yet."""
    befunde: tuple[Befund, ...]
    """Goal files of the state that could not be read (the plan says so)."""
    erstellt_am: dt.date

    @property
    def titel(self) -> str:
        """'Jahresplanung 2027 – Sozialstrategie Landkreis Konstanz'."""
        return f"Jahresplanung {self.jahr} – {self.rahmen.name}"

    @property
    def stichtag(self) -> dt.date:
        """The date the plan speaks of: the Stichtag, or the day it was generated."""
        return self.grundlage.stichtag or self.erstellt_am

    @property
    def stand_text(self) -> str:
        """'Stichtag 30.06.2026' for a past state, 'Stand 24.11.2026' for the current one."""
        if self.grundlage.stichtag:
            return f"Stichtag {datum_de(self.grundlage.stichtag)}"
        return f"Stand {datum_de(self.erstellt_am)}"

    def befundzeilen(self) -> list[str]:
        """The unreadable goal files as 'datei:zeile: Meldung', relative to the store, sorted."""
        return self.grundlage.befundzeilen(self.befunde)

    @property
    def erlaeuterung(self) -> str:
        """What the plan lists and how its sums are made, as every rendering states it."""
        return (f"Ziele mit Umsetzungsjahr {self.jahr}, je Organisationseinheit in der "
                "Reihenfolge der Anlagen. Mittel (Plan und Ist) und Personal (VZÄ) stehen im "
                "Abschnitt [haushalt] der Zieldatei; die Summen zählen nur die Ziele, die eine "
                "Angabe haben. „ohne Planansatz“: Ziele, die nicht als haushaltsneutral "
                "gekennzeichnet sind und keinen Planansatz nennen. Entfallene Ziele werden "
                "nicht mitgezählt.")


def erstelle_jahresplanung(speicher: Zielspeicher, jahr: int, *,
                           kriterien: Filter | None = None,
                           erstellt: dt.datetime | None = None,
                           grundlage_lang: bool = False) -> Jahresplanung:
    """The goals of *speicher* proposed for Haushaltsjahr *jahr* (and matching *kriterien*).

    *grundlage_lang*: the Grundlage names the local path and the full commit id, as for
    ``erstelle_bericht``.
    """
    if not 2000 <= jahr <= 2100:
        raise StrategieFehler(f"{jahr} ist kein Haushaltsjahr (erwartet: 2000 bis 2100).")
    kriterien = kriterien or Filter()
    if kriterien.umsetzungsjahre and kriterien.umsetzungsjahre != {jahr}:
        raise StrategieFehler("Die Jahresplanung gilt einem Jahr; --umsetzungsjahr ist hier "
                              "das JAHR der Jahresplanung.")
    grundlage = ermittle_grundlage(
        speicher, filter_text=kriterien.mit(umsetzungsjahre=frozenset()).beschreibung(),
        erstellt=erstellt, lang=grundlage_lang)
    kriterien = kriterien.mit(umsetzungsjahre=frozenset({jahr}))
    ziele = kriterien.anwenden(speicher.ziele)
    rahmen = speicher.rahmen
    geplant = [z for z in ziele if z.status != ENTFALLEN]
    aemter = []
    for amt in rahmen.aemter_in_anlagenfolge():
        eigene = [z for z in geplant if z.amt == amt.kuerzel]
        if eigene:
            aemter.append(Amtsplanung(amt, tuple(Planzeile.aus(z) for z in eigene),
                                      summiere(eigene)))
    abgeschlossen = {w.name for w in rahmen.umsetzungsstand if w.abgeschlossen} | {ENTFALLEN}
    ohne_kriterien = kriterien.mit(umsetzungsjahre=frozenset({None}))
    ohne_jahr = tuple(z for z in ohne_kriterien.anwenden(speicher.ziele)
                      if z.status not in abgeschlossen)
    return Jahresplanung(
        jahr=jahr, grundlage=grundlage, rahmen=rahmen, aemter=tuple(aemter),
        gesamt=sum((a.summe for a in aemter), Mittelsumme()),
        entfallen=tuple(z for z in ziele if z.status == ENTFALLEN), ohne_jahr=ohne_jahr,
        befunde=speicher.befunde,
        erstellt_am=speicher.stichtag or grundlage.erstellt.date())
