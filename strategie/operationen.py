"""Changes to one goal file as operations: set/remove a field, append a table to a list."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from strategie.befund import StrategieFehler
from strategie.model import ZIEL, Abschnitt, Feld


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


def modell_an_pfad(pfad: str) -> Feld | Abschnitt:
    """The model entry a dotted path names; list sections need a 1-based number after them."""
    eintrag: Feld | Abschnitt = ZIEL
    teile = pfad.split(".")
    i = 0
    while i < len(teile):
        teil = teile[i]
        if not isinstance(eintrag, Abschnitt) or (naechster := eintrag.feld(teil)) is None:
            raise StrategieFehler(
                f"Unbekanntes Feld '{pfad}'. Felder werden als Punktpfad angegeben, z. B. "
                "status, steckbrief.stand, massnahmen.2.status.")
        eintrag = naechster
        i += 1
        if isinstance(eintrag, Abschnitt) and eintrag.liste and i < len(teile):
            if not teile[i].isdigit() or int(teile[i]) < 1:
                raise StrategieFehler(
                    f"'{pfad}': nach '{teil}' fehlt die Nummer des Eintrags (ab 1), "
                    f"z. B. {'.'.join(teile[:i])}.1.{teile[i]}")
            i += 1
    return eintrag


def pruefe_pfad(operation: Operation) -> Feld | Abschnitt:
    """The model entry an operation targets; a German error for paths the model does not know."""
    eintrag = modell_an_pfad(operation.pfad)
    if isinstance(operation, Anhaengen) and not (
            isinstance(eintrag, Abschnitt) and eintrag.liste
            and not operation.pfad.split(".")[-1].isdigit()):
        raise StrategieFehler(f"An '{operation.pfad}' lässt sich nichts anhängen.")
    if isinstance(operation, Setze) and isinstance(eintrag, Abschnitt) and (
            operation.wert is not None):
        raise StrategieFehler(f"'{operation.pfad}' ist ein Abschnitt; bitte ein einzelnes Feld "
                              "darin ändern.")
    return eintrag


def _eltern(daten: dict[str, Any], teile: list[str], anlegen: bool) -> Any:
    """The container holding the last part of the path, walking 1-based list indices."""
    knoten: Any = daten
    for teil in teile[:-1]:
        if isinstance(knoten, list):
            index = int(teil) - 1
            if not 0 <= index < len(knoten):
                raise StrategieFehler(f"Es gibt keinen Eintrag Nummer {teil} (vorhanden: "
                                      f"{len(knoten)}).")
            knoten = knoten[index]
        else:
            if teil not in knoten:
                if not anlegen:
                    return None
                knoten[teil] = {}
            knoten = knoten[teil]
    return knoten


def wende_an(daten: dict[str, Any], operationen: tuple[Operation, ...]) -> dict[str, Any]:
    """The intended data after the operations, computed on plain dicts (a deep copy)."""
    ergebnis = copy.deepcopy(daten)
    for operation in operationen:
        teile = operation.pfad.split(".")
        if isinstance(operation, Setze):
            eltern = _eltern(ergebnis, teile, anlegen=operation.wert is not None)
            if operation.wert is None:
                if isinstance(eltern, dict):
                    eltern.pop(teile[-1], None)
            else:
                eltern[teile[-1]] = copy.deepcopy(operation.wert)
        else:
            eltern = _eltern(ergebnis, teile, anlegen=True)
            eltern.setdefault(teile[-1], []).append(copy.deepcopy(operation.werte))
    return ergebnis
