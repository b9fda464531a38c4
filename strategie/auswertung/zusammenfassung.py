"""The summary model of a store state: counts, Leuchttürme, goals needing attention, Kennzahlen."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from strategie.auswertung.matrix import Matrix, zaehle_matrix
from strategie.modell.rahmen import Rahmen
from strategie.modell.ziel import Kennzahl, Messwert, Ziel
from strategie.text.format import datum_de, mit_einheit, zahl_de


def monate_zurueck(datum: dt.date, monate: int) -> dt.date:
    """The same day *monate* months earlier (the month's last day if it has fewer days)."""
    jahr, monat = divmod(datum.year * 12 + datum.month - 1 - monate, 12)
    tag = min(datum.day, calendar.monthrange(jahr, monat + 1)[1])
    return dt.date(jahr, monat + 1, tag)


@dataclass(frozen=True)
class Hinweis:
    """Why a goal needs attention: one German sentence each, with a short kind."""

    art: str
    """'rot', 'gelb', 'zurückgestellt', 'entfallen', 'steckbrief', 'massnahme'."""
    text: str


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
class Kennzahlstand:
    """Progress of one Kennzahl: Basiswert → latest Messwert → Zielwert."""

    ziel: Ziel
    kennzahl: Kennzahl
    letzter: Messwert | None
    fortschritt: float | None
    """Share of the way from Basiswert to Zielwert (1.0 = reached; negative = wrong way)."""
    bewertung: str
    """'erreicht', 'auf Kurs', 'nicht auf Kurs' or 'keine Messwerte'."""

    def beschreibung(self) -> str:
        """'61 → 59,1 % (30.06.2026), Ziel 66 %': the unit once for the way, once for the goal."""
        k = self.kennzahl
        if self.letzter:
            basis = f"{zahl_de(k.basiswert)} → " if k.basiswert is not None else "zuletzt "
            teile = [f"{basis}{mit_einheit(self.letzter.wert, k.einheit)} "
                     f"({datum_de(self.letzter.stichtag)})"]
        else:
            teile = [f"Basis {mit_einheit(k.basiswert, k.einheit)}, noch kein Messwert"]
        if k.zielwert is not None:
            teile.append(f"Ziel {mit_einheit(k.zielwert, k.einheit)}")
        return ", ".join(teile)


def bewerte_kennzahl(ziel: Ziel, kennzahl: Kennzahl) -> Kennzahlstand:
    """Whether a Kennzahl is on track, given the direction that counts as good."""
    werte = sorted(kennzahl.messwerte, key=lambda m: m.stichtag)
    letzter = werte[-1] if werte else None
    if letzter is None:
        return Kennzahlstand(ziel, kennzahl, None, None, "keine Messwerte")
    vorzeichen = -1.0 if kennzahl.richtung == "fallend" else 1.0
    basis = kennzahl.basiswert if kennzahl.basiswert is not None else werte[0].wert
    fortschritt = None
    if kennzahl.zielwert is not None and kennzahl.zielwert != basis:
        fortschritt = (letzter.wert - basis) / (kennzahl.zielwert - basis)
    besser_als_basis = (letzter.wert - basis) * vorzeichen > 0
    zuletzt_falsch = len(werte) > 1 and (letzter.wert - werte[-2].wert) * vorzeichen < 0
    if kennzahl.zielwert is not None and (letzter.wert - kennzahl.zielwert) * vorzeichen >= 0:
        bewertung = "erreicht"
    elif besser_als_basis and not zuletzt_falsch:
        bewertung = "auf Kurs"
    else:
        bewertung = "nicht auf Kurs"
    return Kennzahlstand(ziel, kennzahl, letzter, fortschritt, bewertung)


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

    @classmethod
    def aus(cls, rahmen: Rahmen, heute: dt.date, max_alter_monate: int) -> Massstab:
        """The yardstick for *rahmen* as of *heute*."""
        ruhend = {w.name for w in rahmen.umsetzungsstand if w.abgeschlossen}
        return cls(heute, max_alter_monate, monate_zurueck(heute, max_alter_monate),
                   frozenset(ruhend | {"zurückgestellt", "entfallen"}),
                   frozenset(w.name for w in rahmen.massnahmenstatus if w.abgeschlossen))


def hinweise_zu(ziel: Ziel, massstab: Massstab) -> tuple[Hinweis, ...]:
    """Everything about a goal that a controller should look at.

    Reads the goal's raw data rather than building its Maßnahmen: a summary of 10,000 goals
    stays fast.
    """
    hinweise: list[Hinweis] = []
    if ziel.ampel in ("rot", "gelb"):
        grund = f": {ziel.ampel_begruendung}" if ziel.ampel_begruendung else ""
        hinweise.append(Hinweis(ziel.ampel, f"Ampel {ziel.ampel}{grund}"))
    if ziel.status in ("zurückgestellt", "entfallen"):
        grund = f": {ziel.status_begruendung}" if ziel.status_begruendung else ""
        hinweise.append(Hinweis(ziel.status, f"{ziel.status}{grund}"))
    daten = ziel.daten
    stand = daten.get("steckbrief", {}).get("stand")
    if ziel.status not in massstab.ruhend and (stand is None or stand < massstab.grenze):
        hinweise.append(Hinweis("steckbrief", (
            f"Steckbrief älter als {massstab.max_alter_monate} Monate "
            f"(Stand {datum_de(stand)})" if stand else "kein Steckbrief-Stand")))
    for nummer, massnahme in enumerate(daten.get("massnahmen", ()), start=1):
        termin, status = massnahme.get("termin"), massnahme.get("status", "")
        if termin and termin < massstab.heute and status not in massstab.erledigt:
            hinweise.append(Hinweis("massnahme", (
                f"Maßnahme {nummer} „{massnahme['titel']}“ überfällig seit "
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


def fasse_zusammen(ziele: Sequence[Ziel], rahmen: Rahmen, heute: dt.date | None = None,
                   max_alter_monate: int | None = None) -> Zusammenfassung:
    """Compute the summary of these goals as of *heute* (default: today)."""
    heute = heute or dt.date.today()
    monate = max_alter_monate if max_alter_monate is not None else (
        rahmen.steckbrief_max_alter_monate)
    status_je_amt: dict[str, Counter[str]] = {a.kuerzel: Counter() for a in rahmen.aemter}
    ampel_je_amt: dict[str, Counter[str]] = {a.kuerzel: Counter() for a in rahmen.aemter}
    ampel_je_zelle: dict[tuple[str, int], Counter[str]] = {}
    ampel_je_hf: dict[int, Counter[str]] = {h.nummer: Counter() for h in rahmen.handlungsfelder}
    auffaellig: list[Auffaelligkeit] = []
    kennzahlen: list[Kennzahlstand] = []
    massstab = Massstab.aus(rahmen, heute, monate)
    for ziel in ziele:
        status_je_amt.setdefault(ziel.amt, Counter())[ziel.status] += 1
        ampel_je_amt.setdefault(ziel.amt, Counter())[ziel.ampel or "–"] += 1
        ampel_je_zelle.setdefault((ziel.amt, ziel.handlungsfeld), Counter())[
            ziel.ampel or "–"] += 1
        ampel_je_hf.setdefault(ziel.handlungsfeld, Counter())[ziel.ampel or "–"] += 1
        if hinweise := hinweise_zu(ziel, massstab):
            auffaellig.append(Auffaelligkeit(ziel, hinweise))
        if "kennzahlen" in ziel.daten:
            kennzahlen.extend(bewerte_kennzahl(ziel, k) for k in ziel.kennzahlen)
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
    )
