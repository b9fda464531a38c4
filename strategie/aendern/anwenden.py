"""Operations applied to plain data: the intended result an edit is checked against."""

from __future__ import annotations

import copy
from typing import Any

from strategie.modell.befund import StrategieFehler
from strategie.modell.operationen import Operation, Setze


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
