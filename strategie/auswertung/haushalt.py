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
        haushalt = ziel.haushalt
        plan = haushalt.mittel_plan if haushalt else None
        ist = haushalt.mittel_ist if haushalt else None
        personal = haushalt.personal_vzae if haushalt else None
        neutral = ziel.haushaltsneutral is True
        return Mittelsumme(
            self.anzahl + 1, self.mittel_plan + (plan or 0.0), self.mittel_ist + (ist or 0.0),
            self.personal_vzae + (personal or 0.0), self.mit_plan + (plan is not None),
            self.mit_ist + (ist is not None), self.mit_personal + (personal is not None),
            self.haushaltsneutral + neutral, self.ohne_planansatz + (not neutral and plan is None))

    def __add__(self, andere: Mittelsumme) -> Mittelsumme:
        return Mittelsumme(**{f.name: getattr(self, f.name) + getattr(andere, f.name)
                              for f in fields(self)})


def summiere(ziele: Iterable[Ziel]) -> Mittelsumme:
    """The Mittel and Personal of these goals."""
    summe = Mittelsumme()
    for ziel in ziele:
        summe = summe.plus(ziel)
    return summe
