"""Conflict markers in a text file: finding them (git's own and ours), writing them around just
the lines where two versions differ, and taking one side of them.

A block is ``<<<<<<< LABEL`` / our lines / (``||||||| LABEL`` / base lines, git's diff3 style)
/ ``=======`` / their lines / ``>>>>>>> LABEL``, each marker at the start of a line and at
least seven characters long (git's ``%L``, ``conflict-marker-size``).
"""

from __future__ import annotations

import re
from typing import NamedTuple

GROESSE = 7
"""git's default length of a conflict marker."""

_MARKE = re.compile(r"^(<{7,}|\|{7,}|={7,}|>{7,})(?: (.*))?$")


class Markenblock(NamedTuple):
    """One conflict block: its lines (1-based, inclusive) and the labels of both sides."""

    anfang: int
    ende: int
    unsere: str
    """The label after ``<<<<<<<`` (git: ``HEAD``; ours: author and commit)."""
    ihre: str
    """The label after ``>>>>>>>``."""


def _marke(zeile: str, zeichen: str, groesse: int | None) -> str | None:
    """The label of a marker line of this kind ('' without one), or None."""
    treffer = _MARKE.match(zeile.rstrip("\r\n"))
    if not treffer or treffer.group(1)[0] != zeichen:
        return None
    if groesse is not None and len(treffer.group(1)) != groesse:
        return None
    if zeichen == "=" and treffer.group(2):
        return None
    return treffer.group(2) or ""


def finde_marken(text: str) -> list[Markenblock]:
    """The complete conflict blocks in *text*, in order."""
    bloecke = []
    zeilen = text.splitlines()
    i = 0
    while i < len(zeilen):
        anfang = _marke(zeilen[i], "<", None)
        if anfang is None:
            i += 1
            continue
        groesse = len(zeilen[i]) - len(zeilen[i].lstrip("<"))
        trenner = ende = None
        for j in range(i + 1, len(zeilen)):
            if _marke(zeilen[j], "<", groesse) is not None:
                break  # another block starts: this one is incomplete
            if trenner is None and _marke(zeilen[j], "=", groesse) is not None:
                trenner = j
            elif trenner is not None and (label := _marke(zeilen[j], ">", groesse)) is not None:
                ende = j
                bloecke.append(Markenblock(i + 1, j + 1, anfang, label))
                break
        i = (ende + 1) if ende is not None else i + 1
    return bloecke


def erste_marke(text: str) -> int | None:
    """The line (1-based) of the first ``<<<<<<<``, ``|||||||`` or ``>>>>>>>`` marker, or None
    (a line of ``=======`` alone is not enough to call it a conflict)."""
    for nummer, zeile in enumerate(text.splitlines(), 1):
        if any(_marke(zeile, zeichen, None) is not None for zeichen in "<>|"):
            return nummer
    return None


def seite(text: str, welche: str) -> str:
    """*text* with every complete block replaced by one side: 'unsere', 'ihre' or 'basis'
    (for diff3-style blocks; elsewhere 'basis' gives ours)."""
    zeilen = text.splitlines(keepends=True)
    ergebnis: list[str] = []
    ende = 0
    for block in finde_marken(text):
        ergebnis += zeilen[ende:block.anfang - 1]
        groesse = len(zeilen[block.anfang - 1]) - len(zeilen[block.anfang - 1].lstrip("<"))
        teil = "unsere"
        gewaehlt: dict[str, list[str]] = {"unsere": [], "basis": [], "ihre": []}
        for zeile in zeilen[block.anfang:block.ende - 1]:
            if _marke(zeile, "|", groesse) is not None and teil == "unsere":
                teil = "basis"
            elif _marke(zeile, "=", groesse) is not None and teil != "ihre":
                teil = "ihre"
            else:
                gewaehlt[teil].append(zeile)
        ergebnis += gewaehlt["unsere" if welche == "basis" and not gewaehlt["basis"]
                             else welche]
        ende = block.ende
    ergebnis += zeilen[ende:]
    return "".join(ergebnis)


def mit_marken(unsere: str, ihre: str, label_unsere: str, label_ihre: str,
               groesse: int = GROESSE) -> str:
    """One text holding both versions: the lines they share once, each place where they
    differ as a conflict block (ours first). ``seite`` gives each version back."""
    import difflib  # only the merge driver writes markers; reading them (every edit) needs none

    a, b = unsere.splitlines(keepends=True), ihre.splitlines(keepends=True)
    if a and not a[-1].endswith("\n"):
        a[-1] += "\n"
    if b and not b[-1].endswith("\n"):
        b[-1] += "\n"
    zeilen: list[str] = []
    for art, a1, a2, b1, b2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if art == "equal":
            zeilen += a[a1:a2]
            continue
        zeilen.append(f"{'<' * groesse} {label_unsere}\n")
        zeilen += a[a1:a2]
        zeilen.append(f"{'=' * groesse}\n")
        zeilen += b[b1:b2]
        zeilen.append(f"{'>' * groesse} {label_ihre}\n")
    return "".join(zeilen)
