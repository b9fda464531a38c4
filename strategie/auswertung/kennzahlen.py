"""Kennzahlen measured honestly: the latest Messwert against the line from Basis to Ziel.

One rule for every output: ``bewerte_kennzahl`` gives the verdict and the expected value,
``kennzahl_regel`` the sentence that states the rule in the reports.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import NamedTuple

from strategie.modell.ziel import Kennzahl, Messwert, Ziel
from strategie.text.format import datum_de, mit_einheit, zahl_de

ERREICHT = "erreicht"
AUF_KURS = "auf Kurs"
GEFAEHRDET = "gefährdet"
VERALTET = "keine aktuellen Messwerte"
OHNE_MESSWERT = "keine Messwerte"

BEWERTUNGEN = (GEFAEHRDET, VERALTET, AUF_KURS, ERREICHT, OHNE_MESSWERT)
"""The verdicts in the order the reports list them: those needing action first."""

LINIE = "linie"
"""The verdict compares with the straight line from Basis (value, date) to Ziel (value, date)."""
TREND = "trend"
"""Basis or Ziel has no date (or no value): the verdict compares with the previous value."""


def kennzahl_regel(toleranz_prozent: float, max_alter_monate: int) -> str:
    """The rule of the verdicts in one German paragraph, as every report states it."""
    spielraum = (f", mit einem Spielraum von {zahl_de(toleranz_prozent)} % des ganzen Wegs"
                 if toleranz_prozent else "")
    return (f"„{AUF_KURS}“ heißt: Der letzte Messwert liegt mindestens dort, wo ihn die gerade "
            "Linie vom Basiswert (zum Basisjahr oder Basisstichtag) zum Zielwert (zum Zieljahr "
            f"oder Zielstichtag) an seinem Stichtag erwartet{spielraum}; liegt er dahinter, ist "
            f"die Kennzahl „{GEFAEHRDET}“. „{ERREICHT}“: Der letzte Messwert hat den Zielwert "
            f"erreicht. „{VERALTET}“: Der letzte Messwert ist älter als {max_alter_monate} "
            "Monate. Ein Jahr gilt zum 31.12. Fehlt der Basis- oder der Zieltermin, gilt "
            f"eine Kennzahl als „{AUF_KURS}“, wenn ihr letzter Messwert besser ist als der "
            "vorherige (bei nur einem Messwert: als der Basiswert). Was „besser“ ist, sagt die "
            "Richtung der Kennzahl (steigend oder fallend).")


class Kennzahlstand(NamedTuple):
    """Progress of one Kennzahl: Basiswert → latest Messwert → Zielwert, and the verdict."""

    ziel: Ziel
    kennzahl: Kennzahl
    letzter: Messwert | None
    fortschritt: float | None
    """Share of the way from Basiswert to Zielwert (1.0 = reached; negative = wrong way)."""
    bewertung: str
    """One of ``BEWERTUNGEN``."""
    erwartet: float | None = None
    """Where the line from Basis to Ziel expects the value on the latest Messwert's Stichtag
    (None without such a line)."""
    regel: str = ""
    """Which rule gave the verdict: ``LINIE`` or ``TREND`` ('' without a Messwert)."""

    @property
    def zieljahr(self) -> int | None:
        """The year the Zielwert is due (from the Zielstichtag or the Zieljahr)."""
        datum = self.kennzahl.zieldatum
        return datum.year if datum else None

    def soll_am(self, datum: dt.date) -> float | None:
        """Where the line from Basis to Ziel expects the value on *datum* (None: no line)."""
        return _soll(self.kennzahl, datum)

    def beschreibung(self) -> str:
        """'61 → 59,1 % (30.06.2026), Ziel 66 % (2027)': the unit once for the way from Basis to
        the latest value, once for the goal, with the goal's year."""
        k = self.kennzahl
        if self.letzter:
            basis = f"{zahl_de(k.basiswert)} → " if k.basiswert is not None else "zuletzt "
            teile = [f"{basis}{mit_einheit(self.letzter.wert, k.einheit)} "
                     f"({datum_de(self.letzter.stichtag)})"]
        else:
            teile = [f"Basis {mit_einheit(k.basiswert, k.einheit)}, noch kein Messwert"]
        if k.zielwert is not None:
            jahr = f" ({self.zieljahr})" if self.zieljahr else ""
            teile.append(f"Ziel {mit_einheit(k.zielwert, k.einheit)}{jahr}")
        return ", ".join(teile)


def _soll(kennzahl: Kennzahl, datum: dt.date) -> float | None:
    basis, ziel = kennzahl.basisdatum, kennzahl.zieldatum
    if (basis is None or ziel is None or kennzahl.basiswert is None or kennzahl.zielwert is None
            or ziel <= basis):
        return None
    anteil = min(max((datum - basis).days / (ziel - basis).days, 0.0), 1.0)
    return _endlich(kennzahl.basiswert + anteil * (kennzahl.zielwert - kennzahl.basiswert))


def _endlich(wert: float | None) -> float | None:
    """A computed value, or None where the arithmetic left the floats (inf, nan): such a
    result never reaches a chart, a report or the app."""
    return wert if wert is None or math.isfinite(wert) else None


def bewerte_kennzahl(ziel: Ziel, kennzahl: Kennzahl, *, toleranz_prozent: float = 0.0,
                     messwert_grenze: dt.date | None = None) -> Kennzahlstand:
    """The verdict on a Kennzahl by the rule of ``kennzahl_regel``.

    *messwert_grenze*: a latest Messwert before this day is not current (the report's day
    minus ``messwert_max_alter_monate``).
    """
    werte = sorted(kennzahl.messwerte, key=lambda m: m.stichtag)
    letzter = werte[-1] if werte else None
    if letzter is None:
        return Kennzahlstand(ziel, kennzahl, None, None, OHNE_MESSWERT)
    vorzeichen = -1.0 if kennzahl.richtung == "fallend" else 1.0
    basis = kennzahl.basiswert if kennzahl.basiswert is not None else werte[0].wert
    fortschritt = None
    if kennzahl.zielwert is not None and kennzahl.zielwert != basis:
        try:
            fortschritt = _endlich((letzter.wert - basis) / (kennzahl.zielwert - basis))
        except (OverflowError, ZeroDivisionError):  # a difference below the smallest float
            fortschritt = None
    erwartet = _soll(kennzahl, letzter.stichtag)
    regel = LINIE if erwartet is not None else TREND
    if kennzahl.zielwert is not None and (letzter.wert - kennzahl.zielwert) * vorzeichen >= 0:
        bewertung = ERREICHT
    elif messwert_grenze is not None and letzter.stichtag < messwert_grenze:
        bewertung = VERALTET
    elif erwartet is not None:
        assert kennzahl.basiswert is not None and kennzahl.zielwert is not None
        spielraum = toleranz_prozent / 100 * abs(kennzahl.zielwert - kennzahl.basiswert)
        # a hair of rounding must not turn a value exactly on the line into 'gefährdet'
        abstand = (letzter.wert - erwartet) * vorzeichen + spielraum
        bewertung = AUF_KURS if abstand >= -1e-9 * max(1.0, abs(erwartet)) else GEFAEHRDET
    else:
        vorher = werte[-2].wert if len(werte) > 1 else kennzahl.basiswert
        besser = vorher is not None and (letzter.wert - vorher) * vorzeichen > 0
        bewertung = AUF_KURS if besser else GEFAEHRDET
    return Kennzahlstand(ziel, kennzahl, letzter, fortschritt, bewertung, erwartet, regel)
