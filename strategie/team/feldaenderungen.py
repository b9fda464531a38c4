"""Edits of one goal's data by dotted path (set, remove, insert into a list), and applying them.

The merge (``zusammenfuehren``) expresses its result as these edits onto OUR file. They map
onto the edit path's operations (``strategie.modell.operationen``; ``team.schreiben`` does
it): ``Setzen`` → ``Setze(pfad, wert)``; ``Entfernen`` of a field → ``Setze(pfad, None)``, of
a table or a list element (``haushalt``, ``massnahmen.2``) → ``Entferne(pfad)``;
``Einfuegen`` → ``FuegeEin(pfad, nummer, werte)`` (at the end of a list the same as
``Anhaengen``). Imports nothing from strategie.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setzen:
    """Set a field (text, number, date, list of texts) — ``operationen.Setze(pfad, wert)``."""

    pfad: str
    wert: Any


@dataclass(frozen=True)
class Entfernen:
    """Remove a field (``Setze(pfad, None)``), a table (``haushalt``) or a list element
    (``massnahmen.2``)."""

    pfad: str


@dataclass(frozen=True)
class Einfuegen:
    """Insert a table into the list at *pfad* so that it becomes element *nummer* (from 1).

    At the end of the list this is ``operationen.Anhaengen(pfad, werte)``.
    """

    pfad: str
    nummer: int
    werte: dict[str, Any]


Aenderung = Setzen | Entfernen | Einfuegen


def wende_an(daten: dict[str, Any], aenderungen: tuple[Aenderung, ...] | list[Aenderung]
             ) -> dict[str, Any]:
    """*daten* after the edits, on plain dicts (a copy): what the edited file must read as."""
    ergebnis = copy.deepcopy(daten)
    for aenderung in aenderungen:
        *weg, letzter = aenderung.pfad.split(".")
        knoten: Any = ergebnis
        eltern: Any = None
        for teil in weg:
            eltern, name = knoten, teil
            knoten = knoten[int(teil) - 1] if isinstance(knoten, list) else knoten.setdefault(
                teil, {})
        if isinstance(aenderung, Setzen):
            knoten[letzter] = copy.deepcopy(aenderung.wert)
        elif isinstance(aenderung, Einfuegen):
            knoten.setdefault(letzter, []).insert(aenderung.nummer - 1,
                                                  copy.deepcopy(aenderung.werte))
        elif isinstance(knoten, list):
            del knoten[int(letzter) - 1]
            if not knoten and isinstance(eltern, dict):
                del eltern[name]  # the last [[…]] block removed: the key is gone
        else:
            knoten.pop(letzter, None)
    return ergebnis
