"""The parts of a Sachstandsbericht as every medium names and orders them.

One place for the section titles (as an administration writes them), the order of the
Handlungsbedarf list and of the Kennzahlen, the shares in percent and the matrix notes, so
that terminal, Markdown, HTML, DOCX and the tables say the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from strategie.auswertung.kennzahlen import BEWERTUNGEN
from strategie.auswertung.zusammenfassung import HANDLUNGSBEDARF, handlungsbedarf_regel
from strategie.text.anteile import prozente

if TYPE_CHECKING:
    from strategie.auswertung.bericht import Bericht
    from strategie.auswertung.zusammenfassung import Auffaelligkeit, Kennzahlstand
    from strategie.modell.rahmen import Rahmen

__all__ = ["BEWERTUNGEN", "HANDLUNGSBEDARF", "JE_AMT", "KENNZAHLEN", "LEUCHTTUERME", "MATRIX",
           "RAEUME", "RAEUME_ERKLAERT", "UEBERBLICK", "UMSETZUNGSJAHRE", "anteile",
           "dringlichkeit", "handlungsbedarf", "handlungsbedarf_erklaert",
           "handlungsfelder_legende", "kennzahlen_geordnet", "matrix_hinweise", "nach_ampel",
           "nach_status"]

UEBERBLICK = "Überblick"
MATRIX = "Ziele je Amt und Handlungsfeld"
LEUCHTTUERME = "Leuchttürme"
UMSETZUNGSJAHRE = "Umsetzungsjahre und Mittel"
RAEUME = "Ziele je Raum"
RAEUME_ERKLAERT = "Ziele, die sich selbst oder mit einer Kennzahl auf den Raum beziehen."
KENNZAHLEN = "Kennzahlen"
JE_AMT = "Ziele je Organisationseinheit"

SCHWERE = {"rot": 0, "entfallen": 1, "zurückgestellt": 2, "gelb": 3, "massnahme": 4,
           "steckbrief": 5}
"""Order of the Handlungsbedarf list: the most urgent Hinweis of a goal first."""


def handlungsbedarf_erklaert(monate: int) -> str:
    """What the Handlungsbedarf list contains, in one sentence."""
    return f"{handlungsbedarf_regel(monate).removesuffix('.')}; das Dringlichste zuerst."


def dringlichkeit(auffaellig: Auffaelligkeit) -> int:
    """Sort key: the goal's most urgent Hinweis."""
    return min(SCHWERE.get(h.art, 9) for h in auffaellig.hinweise)


def handlungsbedarf(bericht: Bericht) -> list[Auffaelligkeit]:
    """The goals with Handlungsbedarf, the most urgent first (stable within a kind)."""
    return sorted(bericht.zusammenfassung.auffaellig, key=dringlichkeit)


def kennzahlen_geordnet(bericht: Bericht) -> list[Kennzahlstand]:
    """The Kennzahlen in the order of ``BEWERTUNGEN``: those needing action first."""
    rang = {b: i for i, b in enumerate(BEWERTUNGEN)}
    return sorted(bericht.zusammenfassung.kennzahlen, key=lambda k: rang.get(k.bewertung, 9))


def anteile(werte: Sequence[tuple[str, int]]) -> list[tuple[str, int, int]]:
    """(value, count) → (value, count, percent) with percents that add up to 100."""
    return [(wert, anzahl, prozent) for (wert, anzahl), prozent
            in zip(werte, prozente([a for _, a in werte]), strict=True)]


def nach_status(bericht: Bericht) -> list[tuple[str, int, int]]:
    """Goals per Umsetzungsstand (frame order) with their share in percent."""
    z = bericht.zusammenfassung
    return anteile([(w.name, z.nach_status.get(w.name, 0)) for w in bericht.rahmen.umsetzungsstand])


def nach_ampel(bericht: Bericht) -> list[tuple[str, int, int]]:
    """Goals per Ampel (frame order; 'ohne Ampel' if any) with their share in percent."""
    z = bericht.zusammenfassung
    werte = [(w.name, z.nach_ampel.get(w.name, 0)) for w in bericht.rahmen.ampel]
    if z.nach_ampel.get("–"):
        werte.append(("ohne Ampel", z.nach_ampel["–"]))
    return anteile(werte)


def matrix_hinweise(rahmen: Rahmen) -> list[str]:
    """The notes under the matrix: which table its row order reproduces, and its footnote."""
    berichte = rahmen.berichte
    hinweise = []
    if berichte.matrix_quelle:
        hinweise.append(f"Zeilen in der Reihenfolge der {berichte.matrix_quelle}.")
    if berichte.matrix_fussnote:
        hinweise.append(" ".join(berichte.matrix_fussnote.split()))
    return hinweise


def handlungsfelder_legende(rahmen: Rahmen) -> str:
    """'HF 1: Wirksamkeit und Prävention (Arbeitstitel) · HF 2: …'."""
    return " · ".join(f"HF {h.nummer}: {h.bezeichnung}" for h in rahmen.handlungsfelder)
