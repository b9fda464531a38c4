"""What a change to one goal file is: operations that set/remove a field or append a table."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from strategie.modell.befund import StrategieFehler
from strategie.modell.feld import Abschnitt, Feld, abschnitt_hinweis, modell_an_pfad


@dataclass(frozen=True)
class Setze:
    """Set the field at a dotted path (``status``, ``massnahmen.2.status``); None removes it."""

    pfad: str
    wert: Any


@dataclass(frozen=True)
class Anhaengen:
    """Append a table to the list at a dotted path (``massnahmen``, ``kennzahlen.1.messwerte``)."""

    pfad: str
    werte: dict[str, Any]


Operation = Setze | Anhaengen


@dataclass(frozen=True)
class Zielaenderung:
    """The operations for one goal."""

    ziel_id: str
    operationen: tuple[Operation, ...] = field(default_factory=tuple)
    anlegen: str | None = None
    """The text of a new goal file: the goal does not exist yet, its file is created with this
    text and the operations apply to it (``strategie neu``)."""
    betreff: str = ""
    """What the change is, for the commit subject ('angelegt: …', 'entfallen: …'), where the
    field changes alone would not say it well; '' = from the field changes."""


def pruefe_pfad(operation: Operation) -> Feld | Abschnitt:
    """The model entry an operation targets; a German error for paths the model does not know."""
    eintrag = modell_an_pfad(operation.pfad)
    if isinstance(operation, Anhaengen) and not (
            isinstance(eintrag, Abschnitt) and eintrag.liste
            and not operation.pfad.split(".")[-1].isdigit()):
        raise StrategieFehler(f"An '{operation.pfad}' lässt sich nichts anhängen.")
    if isinstance(operation, Setze) and isinstance(eintrag, Abschnitt) and (
            operation.wert is not None):
        raise StrategieFehler(abschnitt_hinweis(operation.pfad, eintrag))
    return eintrag
