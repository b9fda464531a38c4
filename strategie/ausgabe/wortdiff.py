"""How a field change is shown: compact word diffs of long texts, and which form fits."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

from strategie.modell.vergleich import Feldaenderung

_WORT = re.compile(r"\S+|\s+")


@dataclass(frozen=True)
class Wortstueck:
    """A piece of a word diff: unchanged ('='), removed ('-') or added ('+') text."""

    art: str
    text: str


def wortdiff(alt: str, neu: str, kontext: int = 6) -> list[Wortstueck]:
    """A compact word diff: changed words with up to *kontext* unchanged words around them."""
    a, n = _WORT.findall(alt or ""), _WORT.findall(neu or "")
    stuecke: list[Wortstueck] = []
    for tag, a1, a2, n1, n2 in difflib.SequenceMatcher(None, a, n, autojunk=False).get_opcodes():
        if tag == "equal":
            gleich = a[a1:a2]
            woerter = [i for i, w in enumerate(gleich) if not w.isspace()]
            if len(woerter) > 2 * kontext:
                anfang = "".join(gleich[: woerter[kontext]]) if stuecke else ""
                ende = "".join(gleich[woerter[-kontext]:]) if a2 < len(a) or n2 < len(n) else ""
                if anfang:
                    stuecke.append(Wortstueck("=", anfang.rstrip()))
                stuecke.append(Wortstueck("…", " … "))
                if ende:
                    stuecke.append(Wortstueck("=", ende.lstrip()))
            else:
                stuecke.append(Wortstueck("=", "".join(gleich)))
            continue
        if a2 > a1:
            stuecke.append(Wortstueck("-", "".join(a[a1:a2])))
        if n2 > n1:
            stuecke.append(Wortstueck("+", "".join(n[n1:n2])))
    return stuecke


MARKEN = {"-": ("~~", "~~"), "+": ("**", "**")}
"""Word-diff marks where there is no colour (plain text, Markdown): ~~entfernt~~ **neu**."""


def markiert(stuecke: list[Wortstueck], maskiere: Callable[[str], str] = str) -> str:
    """A word diff as one readable line: ~~entfernt~~ **hinzugefügt**, the rest as it is.

    Every piece passes through *maskiere* (e.g. Markdown escaping); the marks hug the words
    (``~~Das~~ **Erstes** Ziel``), with one space between a removed and an added piece.
    """
    teile: list[str] = []
    for stueck in stuecke:
        if stueck.art not in MARKEN:
            teile.append(maskiere(stueck.text))
            continue
        kern = stueck.text.strip()
        if not kern:
            teile.append(maskiere(stueck.text))
            continue
        auf, zu = MARKEN[stueck.art]
        angrenzend = bool(teile) and teile[-1].endswith(("~~", "**"))
        vorn = " " if stueck.text[:1].isspace() or angrenzend else ""
        hinten = " " if stueck.text[-1:].isspace() else ""
        teile.append(f"{vorn}{auf}{maskiere(' '.join(kern.split()))}{zu}{hinten}")
    return re.sub(r"  +", " ", "".join(teile)).strip()


def wortdiff_text(alt: str, neu: str, kontext: int = 6) -> str:
    """The word diff as plain text: ~~entfernt~~ **hinzugefügt**."""
    return markiert(wortdiff(alt, neu, kontext))


def weitgehend_neu(alt: str, neu: str) -> bool:
    """True when so little of the old text remains that a word diff would not help."""
    a, n = _WORT.findall(alt or ""), _WORT.findall(neu or "")
    return difflib.SequenceMatcher(None, a, n, autojunk=False).ratio() < 0.35


def darstellung(aenderung: Feldaenderung) -> str:
    """How a field change reads best, in every medium.

    'eintrag': a whole list entry added or removed, as one phrase (``beschreibe``);
    'neu gefasst': a long text mostly rewritten, shown new; 'wortdiff': a long text changed in
    places; 'werte': old → new.
    """
    alt, neu = aenderung.alt, aenderung.neu
    if aenderung.pfad.split(".")[-1].isdigit():
        return "eintrag"
    if aenderung.ist_text and isinstance(alt, str) and isinstance(neu, str):
        return "neu gefasst" if weitgehend_neu(alt, neu) else "wortdiff"
    return "werte"
