"""The report model: one store state, filtered, summarised once; every renderer reads from it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from strategie.auswertung.filter import Filter
from strategie.auswertung.grundlage import Grundlage, ermittle_grundlage
from strategie.auswertung.zusammenfassung import Zusammenfassung, fasse_zusammen
from strategie.modell.befund import Befund
from strategie.modell.rahmen import Amt, Rahmen
from strategie.modell.ziel import Ziel
from strategie.speicher.laden import Zielspeicher, sortiere_ziele
from strategie.text.format import datum_de
from strategie.verlauf.eintraege import Verlaufseintrag, aenderungen


@dataclass(frozen=True)
class Zeitraum:
    """The changes of a period (``--seit``/``--bis``), from the goal files' history."""

    seit: str
    bis: str | None
    eintraege: tuple[Verlaufseintrag, ...]
    """Newest first, one per commit and goal."""


@dataclass(frozen=True)
class Bericht:
    """Everything a Sachstandsbericht or a set of Steckbriefe shows, computed once."""

    grundlage: Grundlage
    rahmen: Rahmen
    ziele: tuple[Ziel, ...]
    """The goals the report covers (filtered), in the one order of ``speicher.laden.zielordnung``
    (Amt in the order of the Anlagen, then id)."""
    zusammenfassung: Zusammenfassung
    aenderungen: Zeitraum | None
    befunde: tuple[Befund, ...]
    """Goal files of the state that could not be read (the report says so)."""

    @property
    def titel(self) -> str:
        """'Sachstandsbericht Sozialstrategie Landkreis Konstanz'."""
        return f"Sachstandsbericht {self.rahmen.name}"

    @property
    def stichtag(self) -> dt.date:
        """The date the report speaks of: the Stichtag, or the day it was generated."""
        return self.grundlage.stichtag or self.zusammenfassung.heute

    @property
    def stand_text(self) -> str:
        """'Stichtag 30.06.2026' for a past state, 'Stand 24.11.2026' for the current one."""
        art = "Stichtag" if self.grundlage.stichtag else "Stand"
        return f"{art} {datum_de(self.stichtag)}"

    def aemter(self) -> tuple[Amt, ...]:
        """The Ämter with goals in this report, in the order of the Vorlage's Anlagen."""
        vorhanden = {z.amt for z in self.ziele}
        return tuple(a for a in self.rahmen.aemter_in_anlagenfolge() if a.kuerzel in vorhanden)

    def ziele_von(self, amt: str) -> tuple[Ziel, ...]:
        """The report's goals of one Amt, in id order."""
        return tuple(z for z in self.ziele if z.amt == amt)

    def befundzeilen(self) -> list[str]:
        """The unreadable goal files as 'datei:zeile: Meldung', relative to the store, sorted."""
        return self.grundlage.befundzeilen(self.befunde)


def erstelle_bericht(speicher: Zielspeicher, *, kriterien: Filter | None = None,
                     seit: str | None = None, bis: str | None = None,
                     max_alter_monate: int | None = None, heute: dt.date | None = None,
                     erstellt: dt.datetime | None = None,
                     schritt: Callable[[str], None] | None = None,
                     grundlage_lang: bool = False) -> Bericht:
    """Summarise a store state (HEAD, working tree or Stichtag) for the renderers.

    *heute* is the day against which Steckbrief ages and overdue Maßnahmen are judged; it
    defaults to the state's Stichtag, else today. *seit* (a date or revision) adds the changes
    since then, up to *bis* or the state's commit. *schritt* is told when each step begins
    (for a progress bar). With *grundlage_lang* the report prints the store's local path and
    the full commit id (``--grundlage lang``), otherwise its name and folder in the repository.
    """
    schritt = schritt or (lambda beschreibung: None)
    kriterien = kriterien or Filter()
    ziele: Sequence[Ziel] = (speicher.ziele if kriterien.leer
                             else kriterien.anwenden(speicher.ziele))
    ziele = sortiere_ziele(ziele, speicher.rahmen)  # an API caller's may come in any order
    grundlage = ermittle_grundlage(speicher, filter_text=kriterien.beschreibung(),
                                   erstellt=erstellt, lang=grundlage_lang)
    stichtag = heute or speicher.stichtag or grundlage.erstellt.date()
    schritt(f"Fasse {len(ziele)} Ziele zusammen")
    zusammenfassung = fasse_zusammen(ziele, speicher.rahmen, stichtag, max_alter_monate)
    zeitraum = None
    if seit:
        schritt(f"Lese die Änderungen seit {seit}")
        ende = bis or (speicher.commit if speicher.commit else None)
        eintraege = aenderungen(speicher.verzeichnis, seit, ende)
        if not kriterien.leer:
            ids = {z.id for z in ziele}
            eintraege = [e for e in eintraege if e.ziel_id in ids]
        stichtag_iso = speicher.stichtag.isoformat() if speicher.stichtag else None
        zeitraum = Zeitraum(seit, bis or stichtag_iso, tuple(eintraege))
    return Bericht(grundlage, speicher.rahmen, tuple(ziele), zusammenfassung, zeitraum,
                   speicher.befunde)

