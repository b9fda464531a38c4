"""Changes to one goal file as operations: set/remove a field, append a table to a list."""

from __future__ import annotations

import copy
import difflib
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
            raise StrategieFehler(_unbekannt(pfad, teile[:i], eintrag, teile[i:]))
        eintrag = naechster
        i += 1
        if isinstance(eintrag, Abschnitt) and eintrag.liste and i < len(teile):
            if not teile[i].isdigit() or int(teile[i]) < 1:
                nummer = teile[i].lstrip("+-").isdigit()
                beispiel = ".".join([*teile[:i], "1", *teile[i + nummer:]])
                raise StrategieFehler(
                    f"'{pfad}': nach '{teil}' fehlt die Nummer des Eintrags (ab 1), "
                    f"z. B. {beispiel}")
            i += 1
    return eintrag


def felder_von(praefix: str, abschnitt: Abschnitt) -> str:
    """The dotted paths of a section's fields, for messages: 'steckbrief.stand, …'."""
    if abschnitt.liste and not praefix.split(".")[-1].isdigit():
        praefix += ".NR"
    return ", ".join(f"{praefix}.{e.name}" if praefix else e.name for e in abschnitt.felder)


def _unbekannt(pfad: str, davor: list[str], eintrag: Feld | Abschnitt, rest: list[str]) -> str:
    praefix = ".".join(davor)
    if not isinstance(eintrag, Abschnitt):
        return f"Unbekanntes Feld '{pfad}': '{praefix}' ist ein einzelnes Feld ohne Unterfelder."
    namen = [e.name for e in eintrag.felder]
    aehnlich = difflib.get_close_matches(rest[0], namen, n=1, cutoff=0.7)
    hinweis = (f" Meinten Sie '{'.'.join([*davor, aehnlich[0], *rest[1:]])}'?" if aehnlich
               else "")
    return (f"Unbekanntes Feld '{pfad}'.{hinweis} Möglich sind: {felder_von(praefix, eintrag)}"
            " (Abschnitte als Punktpfad, z. B. steckbrief.stand, massnahmen.2.status).")


def abschnitt_hinweis(pfad: str, abschnitt: Abschnitt) -> str:
    """Why a section cannot be set as a whole, with the fields that can."""
    art = ("ein Eintrag der Liste" if pfad.split(".")[-1].isdigit()
           else "eine Liste" if abschnitt.liste else "ein Abschnitt")
    return (f"'{pfad}' ist {art} ({abschnitt.einzeln or abschnitt.titel}), kein einzelnes Feld. "
            f"Bitte eines dieser Felder angeben: {felder_von(pfad, abschnitt)}")


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
