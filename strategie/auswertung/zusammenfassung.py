"""The summary model of a store state: counts, Leuchttürme, goals needing attention, Kennzahlen."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from strategie.auswertung.haushalt import Mittelsumme, summiere
from strategie.auswertung.kennzahlen import Kennzahlstand, bewerte_kennzahl, kennzahl_regel
from strategie.auswertung.matrix import Matrix, zaehle_matrix
from strategie.modell.rahmen import Rahmen
from strategie.modell.ziel import Ziel
from strategie.text.format import datum_de, monate_zurueck

__all__ = ["HANDLUNGSBEDARF", "Auffaelligkeit", "Hinweis", "Kennzahlstand", "Massstab",
           "Zusammenfassung", "fasse_zusammen", "handlungsbedarf_regel", "hinweise_zu"]


@dataclass(frozen=True)
class Hinweis:
    """Why a goal needs attention: one German sentence each, with a short kind."""

    art: str
    """'rot', 'gelb', 'zurückgestellt', 'entfallen', 'steckbrief', 'massnahme'."""
    text: str


HANDLUNGSBEDARF = "Handlungsbedarf"
"""The reports' heading for the goals that need a decision or an update."""


def handlungsbedarf_regel(max_alter_monate: int) -> str:
    """What counts as Handlungsbedarf, in one sentence as every report states it."""
    return (f"Ampel rot oder gelb (mit Begründung), zurückgestellte und entfallene Ziele, "
            f"Steckbriefe älter als {max_alter_monate} Monate, Maßnahmen über ihrem Termin.")


HINWEISARTEN = {"rot": "Ampel rot", "gelb": "Ampel gelb", "zurückgestellt": "zurückgestellt",
                "entfallen": "entfallen", "steckbrief": "Steckbrief veraltet",
                "massnahme": "Maßnahme überfällig"}
"""The kinds of Hinweis (``Hinweis.art``) with their German names, in the reports' order."""


@dataclass(frozen=True)
class Auffaelligkeit:
    """A goal that needs attention, and why."""

    ziel: Ziel
    hinweise: tuple[Hinweis, ...]


@dataclass(frozen=True)
class Massstab:
    """What counts as needing attention, fixed once for a whole summary."""

    heute: dt.date
    max_alter_monate: int
    grenze: dt.date
    """A Steckbrief with an older Stand is stale."""
    ruhend: frozenset[str]
    """Umsetzungsstand values whose Steckbrief need not be kept current."""
    erledigt: frozenset[str]
    """Maßnahme status values that count as done."""
    messwert_grenze: dt.date
    """A Kennzahl whose latest Messwert is older has no current values."""
    toleranz_prozent: float = 0.0
    """How far a Kennzahl may lag behind its line and still be 'auf Kurs'."""

    @classmethod
    def aus(cls, rahmen: Rahmen, heute: dt.date, max_alter_monate: int) -> Massstab:
        """The yardstick for *rahmen* as of *heute*."""
        ruhend = {w.name for w in rahmen.umsetzungsstand if w.abgeschlossen}
        return cls(heute, max_alter_monate, monate_zurueck(heute, max_alter_monate),
                   frozenset(ruhend | {"zurückgestellt", "entfallen"}),
                   frozenset(w.name for w in rahmen.massnahmenstatus if w.abgeschlossen),
                   monate_zurueck(heute, rahmen.messwert_max_alter_monate),
                   rahmen.kennzahl_toleranz_prozent)


def hinweise_zu(ziel: Ziel, massstab: Massstab) -> tuple[Hinweis, ...]:
    """Everything about a goal that a controller should look at.

    Reads the goal's ``Auszug`` rather than its data: a summary of 50,000 goals stays fast.
    """
    hinweise: list[Hinweis] = []
    auszug = ziel.auszug
    if ziel.ampel in ("rot", "gelb"):
        grund = f": {auszug.ampel_begruendung}" if auszug.ampel_begruendung else ""
        hinweise.append(Hinweis(ziel.ampel, f"Ampel {ziel.ampel}{grund}"))
    if ziel.status in ("zurückgestellt", "entfallen"):
        grund = f": {auszug.status_begruendung}" if auszug.status_begruendung else ""
        hinweise.append(Hinweis(ziel.status, f"{ziel.status}{grund}"))
    stand = auszug.steckbrief_stand
    if ziel.status not in massstab.ruhend and (stand is None or stand < massstab.grenze):
        hinweise.append(Hinweis("steckbrief", (
            f"Steckbrief älter als {massstab.max_alter_monate} Monate "
            f"(Stand {datum_de(stand)})" if stand else "Steckbrief ohne Stand")))
    for nummer, (titel, status, termin) in enumerate(auszug.massnahmen, start=1):
        if termin and termin < massstab.heute and status not in massstab.erledigt:
            hinweise.append(Hinweis("massnahme", (
                f"Maßnahme {nummer} „{titel}“ überfällig seit "
                f"{datum_de(termin)} ({status or 'ohne Status'})")))
    return tuple(hinweise)


@dataclass(frozen=True)
class Zusammenfassung:
    """Everything a Sachstandsbericht shows, computed once from a store state."""

    heute: dt.date
    anzahl: int
    matrix: Matrix
    nach_status: Counter[str]
    nach_ampel: Counter[str]
    status_je_amt: dict[str, Counter[str]]
    ampel_je_amt: dict[str, Counter[str]]
    ampel_je_zelle: dict[tuple[str, int], Counter[str]]
    leuchttuerme: tuple[Ziel, ...]
    auffaellig: tuple[Auffaelligkeit, ...]
    kennzahlen: tuple[Kennzahlstand, ...]
    max_alter_monate: int
    ampel_je_hf: dict[int, Counter[str]] = field(default_factory=dict)
    zaehlung: Counter[tuple[str, int, str, str]] = field(default_factory=Counter)
    """Goals per (Amt, Handlungsfeld, Umsetzungsstand, Ampel); every other count derives
    from it. An Ampel that is not set counts as '–'."""
    kennzahl_regel: str = ""
    """The rule of the Kennzahl verdicts, as every report states it (``kennzahl_regel``)."""
    mittel: Mittelsumme = field(default_factory=Mittelsumme)
    """Mittel and Personal of all these goals."""
    je_umsetzungsjahr: dict[int | None, Mittelsumme] = field(default_factory=dict)
    """Goals, Mittel and Personal per Umsetzungsjahr, years ascending, None (no year) last."""
    je_raum: dict[str, tuple[Ziel, ...]] = field(default_factory=dict)
    """The goals that refer to each Raum (themselves or with a Kennzahl), frame order; Räume
    no goal names are left out."""


def _zaehler(zaehler: dict[_K, Counter[str]], schluessel: _K) -> Counter[str]:
    """The counter under *schluessel*, made on first use (not one per goal, as setdefault)."""
    gefunden = zaehler.get(schluessel)
    if gefunden is None:
        gefunden = zaehler[schluessel] = Counter()
    return gefunden


_K = TypeVar("_K")


def fasse_zusammen(ziele: Sequence[Ziel], rahmen: Rahmen, heute: dt.date | None = None,
                   max_alter_monate: int | None = None) -> Zusammenfassung:
    """Compute the summary of these goals as of *heute* (default: today)."""
    heute = heute or dt.date.today()
    monate = max_alter_monate if max_alter_monate is not None else (
        rahmen.steckbrief_max_alter_monate)
    aemter = rahmen.aemter_in_anlagenfolge()
    status_je_amt: dict[str, Counter[str]] = {a.kuerzel: Counter() for a in aemter}
    ampel_je_amt: dict[str, Counter[str]] = {a.kuerzel: Counter() for a in aemter}
    ampel_je_zelle: dict[tuple[str, int], Counter[str]] = {}
    ampel_je_hf: dict[int, Counter[str]] = {h.nummer: Counter() for h in rahmen.handlungsfelder}
    auffaellig: list[Auffaelligkeit] = []
    kennzahlen: list[Kennzahlstand] = []
    massstab = Massstab.aus(rahmen, heute, monate)
    je_jahr: dict[int | None, list[Ziel]] = {}
    je_raum: dict[str, list[Ziel]] = {w.name: [] for w in rahmen.raeume}
    for ziel in ziele:
        auszug = ziel.auszug
        for raum in auszug.bezugsraeume:
            je_raum.setdefault(raum, []).append(ziel)
        je_jahr.setdefault(auszug.umsetzungsjahr, []).append(ziel)
        ampel = ziel.ampel or "–"
        _zaehler(status_je_amt, ziel.amt)[ziel.status] += 1
        _zaehler(ampel_je_amt, ziel.amt)[ampel] += 1
        _zaehler(ampel_je_zelle, (ziel.amt, ziel.handlungsfeld))[ampel] += 1
        _zaehler(ampel_je_hf, ziel.handlungsfeld)[ampel] += 1
        if hinweise := hinweise_zu(ziel, massstab):
            auffaellig.append(Auffaelligkeit(ziel, hinweise))
        if auszug.kennzahlen:
            kennzahlen.extend(bewerte_kennzahl(
                ziel, k, toleranz_prozent=massstab.toleranz_prozent,
                messwert_grenze=massstab.messwert_grenze) for k in ziel.kennzahlen)
    return Zusammenfassung(
        heute=heute,
        anzahl=len(ziele),
        matrix=zaehle_matrix(ziele, rahmen),
        nach_status=Counter(z.status for z in ziele),
        nach_ampel=Counter(z.ampel or "–" for z in ziele),
        status_je_amt=status_je_amt,
        ampel_je_amt=ampel_je_amt,
        ampel_je_zelle=ampel_je_zelle,
        leuchttuerme=tuple(z for z in ziele if z.leuchtturm),
        auffaellig=tuple(auffaellig),
        kennzahlen=tuple(kennzahlen),
        max_alter_monate=monate,
        ampel_je_hf=ampel_je_hf,
        zaehlung=Counter((z.amt, z.handlungsfeld, z.status, z.ampel or "–") for z in ziele),
        kennzahl_regel=kennzahl_regel(rahmen.kennzahl_toleranz_prozent,
                                      rahmen.messwert_max_alter_monate),
        mittel=summiere(ziele),
        je_umsetzungsjahr={jahr: summiere(je_jahr[jahr]) for jahr in sorted(
            je_jahr, key=lambda j: (j is None, j or 0))},
        je_raum={raum: tuple(liste) for raum, liste in je_raum.items() if liste},
    )
