"""Filter criteria over goals (Amt, Handlungsfeld, Status, Ampel, Aktionsbereich, Suche)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from strategie.modell.rahmen import Rahmen
from strategie.modell.werte import waehle_wert
from strategie.modell.ziel import Ziel


def suchtext(ziel: Ziel) -> str:
    """Lower-cased text a search looks through: id, titel, goal texts, Steckbrief, Maßnahmen."""
    teile = [ziel.id, ziel.titel, ziel.wirkungsziel, ziel.leistungsziel, ziel.verantwortlich,
             ziel.status_begruendung, ziel.ampel_begruendung]
    if ziel.steckbrief:
        teile += [ziel.steckbrief.aktueller_stand, ziel.steckbrief.finanzielle_beurteilung,
                  ziel.steckbrief.inhaltliche_beurteilung]
    teile += [m.titel for m in ziel.massnahmen]
    return unicodedata.normalize("NFC", "\n".join(teile)).casefold()


@dataclass(frozen=True)
class Filter:
    """A conjunction of criteria; an empty set means 'any value'."""

    aemter: frozenset[str] = field(default_factory=frozenset)
    handlungsfelder: frozenset[int] = field(default_factory=frozenset)
    status: frozenset[str] = field(default_factory=frozenset)
    ampeln: frozenset[str] = field(default_factory=frozenset)
    aktionsbereiche: frozenset[str] = field(default_factory=frozenset)
    leuchtturm: bool | None = None
    suche: str = ""

    @property
    def leer(self) -> bool:
        """True when the filter lets every goal through."""
        return self == Filter()

    @property
    def suchwoerter(self) -> tuple[str, ...]:
        """The search split into case-folded words; a goal's text must contain each."""
        return tuple(unicodedata.normalize("NFC", self.suche).casefold().split())

    def passt(self, ziel: Ziel, text: str | None = None) -> bool:
        """Whether *ziel* meets every criterion; *text* is its cached ``suchtext``, if at hand."""
        if not self.passt_ohne_suche(ziel):
            return False
        if self.suche:
            haystack = text if text is not None else suchtext(ziel)
            return all(wort in haystack for wort in self.suchwoerter)
        return True

    def passt_ohne_suche(self, ziel: Ziel) -> bool:
        """Whether *ziel* meets every criterion except the text search."""
        if self.aemter and ziel.amt not in self.aemter:
            return False
        if self.handlungsfelder and ziel.handlungsfeld not in self.handlungsfelder:
            return False
        if self.status and ziel.status not in self.status:
            return False
        if self.ampeln and ziel.ampel not in self.ampeln:
            return False
        if self.aktionsbereiche and not self.aktionsbereiche.intersection(ziel.aktionsbereiche):
            return False
        return self.leuchtturm is None or ziel.leuchtturm == self.leuchtturm

    def anwenden(self, ziele: Iterable[Ziel]) -> list[Ziel]:
        """The goals that pass, in their order."""
        return [z for z in ziele if self.passt(z)]

    def mit(self, **aenderungen: object) -> Filter:
        """A copy with some criteria replaced."""
        return replace(self, **aenderungen)  # type: ignore[arg-type]

    def beschreibung(self) -> str:
        """German one-line description of the active criteria ('' when empty)."""
        teile = []
        for titel, werte in (("Amt", self.aemter), ("Handlungsfeld", self.handlungsfelder),
                             ("Umsetzungsstand", self.status), ("Ampel", self.ampeln),
                             ("Aktionsbereich", self.aktionsbereiche)):
            if werte:
                teile.append(f"{titel}: {', '.join(sorted(str(w) for w in werte))}")
        if self.leuchtturm is not None:
            teile.append("nur Leuchttürme" if self.leuchtturm else "ohne Leuchttürme")
        if self.suche:
            teile.append(f'Suche: "{self.suche}"')
        return " · ".join(teile)


def waehle_werte(angaben: Iterable[str], erlaubt: Iterable[str], titel: str) -> frozenset[str]:
    """Resolve several user inputs to vocabulary values (see ``werte.waehle_wert``)."""
    erlaubt = tuple(erlaubt)
    return frozenset(waehle_wert(angabe, erlaubt, titel) for angabe in angaben)


def filter_aus_angaben(rahmen: Rahmen, *, aemter: Iterable[str] = (),
                       handlungsfelder: Iterable[str] = (), status: Iterable[str] = (),
                       ampeln: Iterable[str] = (), aktionsbereiche: Iterable[str] = (),
                       leuchtturm: bool | None = None, suche: str = "") -> Filter:
    """Build a Filter from user input, checked against the frame's vocabularies."""
    return Filter(
        aemter=waehle_werte(aemter, rahmen.vokabular("aemter"), "Amt"),
        handlungsfelder=frozenset(int(h) for h in waehle_werte(
            handlungsfelder, rahmen.vokabular("handlungsfelder"), "Handlungsfeld")),
        status=waehle_werte(status, rahmen.vokabular("umsetzungsstand"), "Umsetzungsstand"),
        ampeln=waehle_werte(ampeln, rahmen.vokabular("ampel"), "Ampel"),
        aktionsbereiche=waehle_werte(
            aktionsbereiche, rahmen.vokabular("aktionsbereiche"), "Aktionsbereich"),
        leuchtturm=leuchtturm,
        suche=suche.strip(),
    )
