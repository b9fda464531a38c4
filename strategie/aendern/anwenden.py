"""Operations applied to plain data: the intended result an edit is checked against."""

from __future__ import annotations

import copy
from typing import Any

from strategie.modell.befund import StrategieFehler
from strategie.modell.operationen import Anhaengen, Entferne, FuegeEin, Operation, Setze


def _eltern(daten: dict[str, Any], teile: list[str], anlegen: bool) -> Any:
    """The container holding the last part of the path, walking 1-based list indices."""
    knoten: Any = daten
    for teil in teile[:-1]:
        if isinstance(knoten, list):
            knoten = knoten[_index(knoten, teil)]
        else:
            if teil not in knoten:
                if not anlegen:
                    return None
                knoten[teil] = {}
            knoten = knoten[teil]
    return knoten


def _index(liste: list[Any], teil: str, dazu: int = 0) -> int:
    """The 0-based index of entry *teil* (from 1); *dazu* = 1 also allows one past the end."""
    index = int(teil) - 1
    if not 0 <= index < len(liste) + dazu:
        raise StrategieFehler(f"Es gibt keinen Eintrag Nummer {teil} (vorhanden: "
                              f"{len(liste)}).")
    return index


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
        elif isinstance(operation, Anhaengen):
            eltern = _eltern(ergebnis, teile, anlegen=True)
            eltern.setdefault(teile[-1], []).append(copy.deepcopy(operation.werte))
        elif isinstance(operation, FuegeEin):
            eltern = _eltern(ergebnis, teile, anlegen=True)
            liste = eltern.setdefault(teile[-1], [])
            liste.insert(_index(liste, str(operation.nummer), dazu=1),
                         copy.deepcopy(operation.werte))
        else:
            _entferne(ergebnis, teile, operation)
    return ergebnis


def _entferne(daten: dict[str, Any], teile: list[str], operation: Entferne) -> None:
    eltern = _eltern(daten, teile, anlegen=False)
    if isinstance(eltern, dict):
        eltern.pop(teile[-1], None)
    elif isinstance(eltern, list):
        del eltern[_index(eltern, teile[-1])]
        if not eltern:  # the last [[…]] block removed: the key is gone
            grosseltern = _eltern(daten, teile[:-1], anlegen=False)
            if isinstance(grosseltern, dict):
                grosseltern.pop(teile[-2], None)
    else:
        raise StrategieFehler(f"'{operation.pfad}' gibt es nicht.")
