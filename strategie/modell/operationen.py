"""What a change to one goal file is: operations that set/remove a field, append, insert or
remove a table."""

from __future__ import annotations

from typing import Any, NamedTuple, TypeVar

from strategie.modell.befund import StrategieFehler
from strategie.modell.feld import Abschnitt, Feld, abschnitt_hinweis, modell_an_pfad


def _gleich(self: tuple[Any, ...], anderes: object) -> bool:
    return type(self) is type(anderes) and tuple.__eq__(self, anderes)


def _ungleich(self: tuple[Any, ...], anderes: object) -> bool:
    return not _gleich(self, anderes)


def _streuwert(self: tuple[Any, ...]) -> int:
    return hash((type(self).__name__, *self))


_Art = TypeVar("_Art", bound=type)


def _nur_eigene_art(klasse: _Art) -> _Art:
    """Make a NamedTuple equal only to its own kind (a plain one compares as any tuple)."""
    klasse.__eq__ = _gleich  # type: ignore[assignment]
    klasse.__ne__ = _ungleich  # type: ignore[assignment]
    klasse.__hash__ = _streuwert  # type: ignore[assignment]
    return klasse


# Operations are NamedTuples (no dataclasses on the edit path: see ``strategie.modell``); two
# operations are equal only when they are of the same kind: Setze("x", v) is not Anhaengen("x", v).


@_nur_eigene_art
class Setze(NamedTuple):
    """Set the field at a dotted path (``status``, ``massnahmen.2.status``); None removes it."""

    pfad: str
    wert: Any


@_nur_eigene_art
class Anhaengen(NamedTuple):
    """Append a table to the list at a dotted path (``massnahmen``, ``kennzahlen.1.messwerte``)."""

    pfad: str
    werte: dict[str, Any]


@_nur_eigene_art
class Entferne(NamedTuple):
    """Remove a table (``haushalt``) or an entry of a list (``massnahmen.2``,
    ``kennzahlen.1.messwerte.3``); a list whose last entry goes loses its key. A single field
    is removed with ``Setze(pfad, None)``."""

    pfad: str


@_nur_eigene_art
class FuegeEin(NamedTuple):
    """Insert a table into the list at *pfad* so that it becomes entry *nummer* (from 1), e.g.
    a Messwert between two others to keep them sorted by Stichtag; ``nummer`` = length + 1 is
    ``Anhaengen``."""

    pfad: str
    nummer: int
    werte: dict[str, Any]


Operation = Setze | Anhaengen | Entferne | FuegeEin


class Zielaenderung(NamedTuple):
    """The operations for one goal."""

    ziel_id: str
    operationen: tuple[Operation, ...] = ()
    anlegen: str | None = None
    """The text of a new goal file: the goal does not exist yet, its file is created with this
    text and the operations apply to it (``strategie neu``)."""
    betreff: str = ""
    """What the change is, for the commit subject ('angelegt: …', 'entfallen: …'), where the
    field changes alone would not say it well; '' = from the field changes."""


def pruefe_pfad(operation: Operation) -> Feld | Abschnitt:
    """The model entry an operation targets; a German error for paths the model does not know."""
    if isinstance(operation, Entferne):
        return _pruefe_entfernen(operation.pfad)
    eintrag = modell_an_pfad(operation.pfad)
    if isinstance(operation, FuegeEin) and operation.nummer < 1:
        raise StrategieFehler(f"'{operation.pfad}': Einträge werden ab 1 gezählt, nicht "
                              f"{operation.nummer}.")
    if isinstance(operation, (Anhaengen, FuegeEin)) and not (
            isinstance(eintrag, Abschnitt) and eintrag.liste
            and not operation.pfad.split(".")[-1].isdigit()):
        raise StrategieFehler(f"An '{operation.pfad}' lässt sich nichts anhängen.")
    if isinstance(operation, Setze) and isinstance(eintrag, Abschnitt) and (
            operation.wert is not None):
        raise StrategieFehler(abschnitt_hinweis(operation.pfad, eintrag))
    return eintrag


def _pruefe_entfernen(pfad: str) -> Feld | Abschnitt:
    """What ``Entferne`` may name: a table, an entry of a list, or a field."""
    eintrag = modell_an_pfad(pfad)
    nummer = pfad.split(".")[-1].isdigit()
    if isinstance(eintrag, Abschnitt) and eintrag.liste and not nummer:
        raise StrategieFehler(f"'{pfad}' ist eine Liste; entfernt werden ihre Einträge einzeln "
                              f"({pfad}.1, {pfad}.2 …).")
    if nummer and int(pfad.split(".")[-1]) < 1:
        raise StrategieFehler(f"'{pfad}': Einträge werden ab 1 gezählt.")
    return eintrag
