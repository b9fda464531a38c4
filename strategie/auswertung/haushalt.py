"""Sums of Mittel (Plan, Ist) and Personal over goals, and how complete they are."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields

from strategie.modell.ziel import Ziel


@dataclass(frozen=True)
class Mittelsumme:
    """Mittel and Personal of some goals, summed over those that give a figure."""

    anzahl: int = 0
    mittel_plan: float = 0.0
    mittel_ist: float = 0.0
    personal_vzae: float = 0.0
    mit_plan: int = 0
    """Goals with a Plan figure (the others are not in ``mittel_plan``)."""
    mit_ist: int = 0
    mit_personal: int = 0
    haushaltsneutral: int = 0
    """Goals marked haushaltsneutral."""
    ohne_planansatz: int = 0
    """Goals not marked haushaltsneutral that have no Plan figure: the sum lacks them."""

    @property
    def plan(self) -> float | None:
        """The sum of the Plan figures, None if no goal gives one."""
        return self.mittel_plan if self.mit_plan else None

    @property
    def ist(self) -> float | None:
        """The sum of the Ist figures, None if no goal gives one."""
        return self.mittel_ist if self.mit_ist else None

    @property
    def personal(self) -> float | None:
        """The sum of Personal (VZÄ), None if no goal gives a figure."""
        return self.personal_vzae if self.mit_personal else None

    def plus(self, ziel: Ziel) -> Mittelsumme:
        """This sum with one more goal."""
        return self + summiere((ziel,))

    def __add__(self, andere: Mittelsumme) -> Mittelsumme:
        return Mittelsumme(**{f.name: getattr(self, f.name) + getattr(andere, f.name)
                              for f in fields(self)})


def summiere(ziele: Iterable[Ziel]) -> Mittelsumme:
    """The Mittel and Personal of these goals (read from their ``Auszug``: fast for many)."""
    anzahl = mit_plan = mit_ist = mit_personal = neutral = ohne = 0
    plan = ist = personal = 0.0
    for ziel in ziele:
        auszug = ziel.auszug
        anzahl += 1
        if (wert := auszug.mittel_plan) is not None:
            plan += wert
            mit_plan += 1
        elif auszug.haushaltsneutral is not True:
            ohne += 1
        if (wert := auszug.mittel_ist) is not None:
            ist += wert
            mit_ist += 1
        if (wert := auszug.personal_vzae) is not None:
            personal += wert
            mit_personal += 1
        neutral += auszug.haushaltsneutral is True
    return Mittelsumme(anzahl, float(plan), float(ist), float(personal), mit_plan, mit_ist,
                       mit_personal, neutral, ohne)
