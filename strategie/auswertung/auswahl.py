"""The goals a user is looking at: search index, filter, sort order and value counts (facets)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from strategie.auswertung.filter import DIMENSIONEN, NACH_NAME, Filter, suchtext
from strategie.modell.rahmen import Rahmen
from strategie.modell.ziel import Ziel
from strategie.speicher.laden import zielordnung
from strategie.text.ordnung import natuerlich

SPALTEN = ("id", "titel", "amt", "handlungsfeld", "status", "ampel", "stand")
"""Columns a goal list can be sorted by."""

SPALTENTITEL = {"id": "ID", "titel": "Titel", "amt": "Amt", "handlungsfeld": "HF",
                "status": "Umsetzungsstand", "ampel": "Ampel", "stand": "Stand"}

FACETTEN = tuple(d.name for d in DIMENSIONEN)
"""Filter dimensions, as the attribute names of ``Filter`` (``filter.DIMENSIONEN``)."""

FACETTENTITEL = {d.name: d.titel for d in DIMENSIONEN}


def _verengt(alt: tuple[str, ...], neu: tuple[str, ...]) -> bool:
    """Whether every goal matching search words *neu* also matches *alt* (typing narrows)."""
    return bool(alt) and all(any(a in n for n in neu) for a in alt)


@dataclass
class Auswahl:
    """Goals with a search index; computes filtered, sorted views and facet counts."""

    rahmen: Rahmen
    ziele: Sequence[Ziel]
    suchtexte: list[str] = field(default_factory=list)
    """``suchtext`` of each goal, in the order of ``ziele`` (built on first search)."""
    _letzte: tuple[Filter, list[int]] | None = field(default=None, repr=False)
    """The last criteria and the indices of the goals that passed them."""

    def bereite_suche_vor(self) -> None:
        """Build the search index now (the app does it in the background after first paint).
        Each goal's data is read for its text only (``Ziel.fluechtig``): the index of 50,000
        goals holds their texts, not their unpickled data."""
        if not self.suchtexte and self.ziele:
            self.suchtexte = [suchtext(z.fluechtig()) for z in self.ziele]

    def __post_init__(self) -> None:
        nach_amt = zielordnung(self.rahmen)
        reihenfolge = {w.name: i for i, w in enumerate(self.rahmen.umsetzungsstand)}
        ampel = {w.name: i for i, w in enumerate(self.rahmen.ampel)}
        self._schluessel = {
            "id": nach_amt,
            "titel": lambda z: z.titel.casefold(),
            "amt": nach_amt,
            "handlungsfeld": lambda z: (z.handlungsfeld, natuerlich(z.id)),
            "status": lambda z: (reihenfolge.get(z.status, 99), natuerlich(z.id)),
            "ampel": lambda z: (ampel.get(z.ampel, 99), natuerlich(z.id)),
            "stand": lambda z: (z.steckbrief_stand.isoformat() if z.steckbrief_stand else "",
                                natuerlich(z.id)),
        }

    def _indizes(self, kriterien: Filter) -> list[int]:
        """Indices of the goals passing *kriterien*.

        While a search is being typed, each keystroke usually narrows the last one: then only
        the last hits are searched again, not every goal.
        """
        woerter = kriterien.suchwoerter
        ohne_suche = kriterien.mit(suche="")
        letzte = self._letzte
        if letzte and woerter and letzte[0].mit(suche="") == ohne_suche and _verengt(
                letzte[0].suchwoerter, woerter):
            kandidaten = letzte[1]
        elif ohne_suche.leer:
            kandidaten = list(range(len(self.ziele)))
        else:
            kandidaten = [i for i, z in enumerate(self.ziele) if ohne_suche.passt_ohne_suche(z)]
        if woerter:
            self.bereite_suche_vor()
            texte = self.suchtexte
            for wort in woerter:
                kandidaten = [i for i in kandidaten if wort in texte[i]]
        self._letzte = (kriterien, kandidaten)
        return kandidaten

    def ansicht(self, kriterien: Filter, spalte: str = "id", absteigend: bool = False
                ) -> list[Ziel]:
        """The goals passing *kriterien*, sorted by *spalte*."""
        ziele = self.ziele
        treffer = [ziele[i] for i in self._indizes(kriterien)]
        if spalte != "id" or absteigend:
            treffer.sort(key=self._schluessel[spalte], reverse=absteigend)
        return treffer

    def facetten(self, kriterien: Filter) -> dict[str, Counter[object]]:
        """For each filter dimension: how many goals each value would show.

        A dimension's counts apply all *other* criteria, so choosing a second value of the
        same dimension shows what it adds.
        """
        ergebnis: dict[str, Counter[object]] = {}
        ziele: Sequence[Ziel] = self.ziele
        if woerter := kriterien.suchwoerter:  # the search is the same for every dimension
            self.bereite_suche_vor()
            texte = self.suchtexte
            ziele = [z for z, text in zip(self.ziele, texte, strict=True)
                     if all(wort in text for wort in woerter)]
        ohne_suche = kriterien.mit(suche="")
        for facette in FACETTEN:
            werte_des_ziels = NACH_NAME[facette].werte_des_ziels
            ohne = ohne_suche.mit(**{facette: None if facette == "leuchtturm" else frozenset()})
            zaehler: Counter[object] = Counter()
            passt = ohne.passt_ohne_suche
            for ziel in ziele if ohne.leer else filter(passt, ziele):
                zaehler.update(werte_des_ziels(ziel))
            ergebnis[facette] = zaehler
        return ergebnis

    def werte(self, facette: str) -> list[object]:
        """All values of a dimension in frame order (years: those of the goals, ascending)."""
        return NACH_NAME[facette].werte(self.rahmen, self.ziele)

    def beschriftung(self, facette: str, wert: object) -> str:
        """How a filter value is shown: 'SA – Sozialamt', '2 – Teilhabe und Beratung' …"""
        return NACH_NAME[facette].beschriftung(self.rahmen, wert)
