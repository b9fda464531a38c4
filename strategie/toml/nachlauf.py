"""The blank lines and comments between the tables of a goal file, and where they go when an
entry of a list of tables is inserted or removed, so that the diff is a pure insertion or
removal and no comment of the user is lost."""

from __future__ import annotations

from typing import Any

import tomlkit
from tomlkit.container import Container
from tomlkit.items import AoT, Comment, Item, SingleKey, Table, Whitespace


def nachlauf_start(tabelle: Table) -> int:
    """Where the blank lines (and comments after them) behind a table's content begin.

    That run stands above the next header and belongs to what follows; a comment right
    under the content belongs to the content.
    """
    koerper = tabelle.value.body
    start = len(koerper)
    while start > 0 and koerper[start - 1][0] is None and isinstance(
            koerper[start - 1][1], (Whitespace, Comment)):
        start -= 1
    while start < len(koerper) and isinstance(koerper[start][1], Comment):
        start += 1
    return start


def nachlauf(tabelle: Table) -> list[Item]:
    """The blank lines and comments behind a table's content (see ``nachlauf_start``)."""
    return [e for _, e in tabelle.value.body[nachlauf_start(tabelle):]]


def endet_mit_leerzeile(tabelle: Table) -> bool:
    """Whether the table's body ends with a blank line."""
    koerper = tabelle.value.body
    return bool(koerper) and koerper[-1][0] is None and isinstance(koerper[-1][1], Whitespace)


def im_takt(aot: AoT) -> bool:
    """Whether the list's entries are separated by a blank line (judged by all but the last)."""
    tabellen = list(aot)
    return any(endet_mit_leerzeile(t) for t in (tabellen[:-1] or tabellen))


def _ersetze_nachlauf(tabelle: Table, lauf: list[Item]) -> None:
    del tabelle.value.body[nachlauf_start(tabelle):]
    for element in lauf:
        tabelle.add(element)  # type: ignore[call-overload]  # Whitespace or Comment


def fuege_eintrag_ein(aot: AoT, index: int, neu: Table) -> None:
    """Insert *neu* as entry *index* (0-based; ``len(aot)`` appends).

    The run behind the entry before it moves to the new entry (it stands above what
    follows), and a list whose entries are separated by a blank line keeps that rhythm.
    """
    if index == 0:
        if im_takt(aot):
            neu.add(tomlkit.nl())
        aot.insert(0, neu)
        return
    vorher = aot[index - 1]
    lauf = nachlauf(vorher)
    if index > 1:
        abstand = endet_mit_leerzeile(aot[index - 2])
    elif index < len(aot):
        abstand = im_takt(aot)
    else:
        abstand = bool(lauf) and isinstance(lauf[0], Whitespace)
    _ersetze_nachlauf(vorher, [])
    for element in lauf:
        neu.add(element)  # type: ignore[call-overload]  # Whitespace or Comment
    if abstand:
        vorher.add(tomlkit.nl())
    if index == len(aot):
        aot.append(neu)
    else:
        aot.insert(index, neu)


def entferne_eintrag(aot: AoT, index: int) -> None:
    """Remove entry *index* (0-based) of a list with at least two entries.

    Comments right above the removed entry's header go with it; the run behind its content
    (above the next header) stays where it stands.
    """
    weg = aot[index]
    lauf = nachlauf(weg)
    if index == 0:
        while lauf and isinstance(lauf[0], Whitespace):
            lauf.pop(0)  # the separation before the list is what stood before the first entry
        kommentare = "".join(e.as_string() for e in lauf) if any(
            isinstance(e, Comment) for e in lauf) else ""
        aot[1].trivia.indent = weg.trivia.indent + kommentare + aot[1].trivia.indent
    else:
        vorher = aot[index - 1]
        eigener = nachlauf(vorher)
        while eigener and isinstance(eigener[-1], Comment):
            eigener.pop()  # it introduced the removed entry
        if any(isinstance(e, Comment) for e in eigener):
            if eigener and isinstance(eigener[-1], Whitespace):
                while lauf and isinstance(lauf[0], Whitespace):
                    lauf.pop(0)
            lauf = eigener + lauf
        _ersetze_nachlauf(vorher, lauf)
    del aot[index]


def loesche_mit_nachlauf(container: Container, halter: Any, name: str,
                         letzte: Table | None) -> None:
    """Delete key *name* of *halter* (whose content is *container*); if *letzte*, the table
    the removed item ends with, has comments behind its content, they stay where it stood."""
    lauf = nachlauf(letzte) if letzte is not None else []
    stelle = container._map.get(SingleKey(name))
    del halter[name]
    if isinstance(stelle, int) and any(isinstance(e, Comment) for e in lauf):
        # tomlkit leaves a placeholder where the item was; the run takes its place as text
        container.body[stelle] = (None, Whitespace("".join(e.as_string() for e in lauf)))
