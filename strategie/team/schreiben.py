"""A merge's edits written onto a goal file's text with the edit path's tomlkit code, key by
key, verified by re-reading — and the two versions of a file with conflicts (each conflicting
place at one side's value), from which the conflict markers are made."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from typing import Any

import tomlkit.exceptions

from strategie.aendern.anwenden import wende_an
from strategie.modell.feld import Abschnitt, eintrag_an_pfad
from strategie.modell.operationen import Entferne, FuegeEin, Operation, Setze
from strategie.modell.ziel import wert_an_pfad
from strategie.team.feldaenderungen import Aenderung, Einfuegen, Entfernen, Setzen
from strategie.team.zusammenfuehren import FEHLT, Konflikt, gleich
from strategie.toml.schreiben import schreibe_operationen


class NichtSchreibbar(Exception):
    """The edits cannot be written onto this text exactly (its layout, or an unknown field)."""


def _ist_eintrag(pfad: str) -> bool:
    return pfad.split(".")[-1].isdigit()


def _ist_tabelle(pfad: str) -> bool:
    eintrag = eintrag_an_pfad(pfad)
    return isinstance(eintrag, Abschnitt)


def als_operationen(aenderungen: Sequence[Aenderung]) -> tuple[Operation, ...]:
    """The merge's edits (``feldaenderungen``) as the edit path's operations."""
    operationen: list[Operation] = []
    for aenderung in aenderungen:
        if isinstance(aenderung, Setzen):
            if isinstance(aenderung.wert, dict):
                operationen += _neu(aenderung.pfad, aenderung.wert)
            else:
                operationen.append(Setze(aenderung.pfad, aenderung.wert))
        elif isinstance(aenderung, Entfernen):
            operationen.append(_entferne(aenderung.pfad))
        elif isinstance(aenderung, Einfuegen):
            operationen.append(FuegeEin(aenderung.pfad, aenderung.nummer, aenderung.werte))
    return tuple(operationen)


def _entferne(pfad: str) -> Operation:
    return Entferne(pfad) if _ist_eintrag(pfad) or _ist_tabelle(pfad) else Setze(pfad, None)


def _neu(pfad: str, wert: dict[str, Any]) -> list[Operation]:
    """Operations that create table *wert* at *pfad* where nothing is: fields one by one."""
    if not wert:
        raise NichtSchreibbar(f"leere Tabelle {pfad}")
    operationen: list[Operation] = []
    for name, teil in wert.items():
        unter = f"{pfad}.{name}"
        if isinstance(teil, dict):
            operationen += _neu(unter, teil)
        elif isinstance(teil, list) and teil and all(isinstance(e, dict) for e in teil):
            operationen += [FuegeEin(unter, n, e) for n, e in enumerate(teil, 1)]
        else:
            operationen.append(Setze(unter, teil))
    return operationen


def schreibe(text: str, operationen: Sequence[Operation], erwartet: dict[str, Any]) -> str:
    """*text* with the operations applied; NichtSchreibbar unless it reads as *erwartet*."""
    if not operationen:
        return text
    try:
        neu = schreibe_operationen(text, tuple(operationen))
        gelesen = tomllib.loads(neu)
    except (tomllib.TOMLDecodeError, tomlkit.exceptions.TOMLKitError, AssertionError,
            AttributeError, IndexError, KeyError, TypeError, ValueError) as fehler:
        raise NichtSchreibbar(f"{type(fehler).__name__}: {fehler}") from None
    if not gleich(gelesen, erwartet):
        raise NichtSchreibbar("das Ergebnis liest sich anders als beabsichtigt")
    return neu


def _wert_an(daten: Any, pfad: str) -> Any:
    """The value at a dotted path, FEHLT where there is none (TOML has no null)."""
    wert = wert_an_pfad(daten, pfad)
    return FEHLT if wert is None else wert


def setze_wert(pfad: str, wert: Any, vorhanden: Any) -> list[Operation]:
    """Operations that make the value at *pfad* *wert* (FEHLT: absent), where *vorhanden* is."""
    if gleich(wert, vorhanden):
        return []
    if wert is FEHLT:
        return [_entferne(pfad)]
    if isinstance(wert, dict):
        if _ist_eintrag(pfad):
            liste, _, nummer = pfad.rpartition(".")
            weg: list[Operation] = [] if vorhanden is FEHLT else [Entferne(pfad)]
            return [*weg, FuegeEin(liste, int(nummer), wert)]
        return [*([] if vorhanden is FEHLT else [Entferne(pfad)]), *_neu(pfad, wert)]
    if isinstance(vorhanden, dict):
        return [Entferne(pfad), Setze(pfad, wert)]
    return [Setze(pfad, wert)]


def _reihenfolge(gruppen: list[list[Operation]]) -> list[Operation]:
    """The conflicts' operations; pure removals of list entries last and from the back, so
    that no path shifts under another (a replaced entry keeps its place)."""
    def schluessel(gruppe: list[Operation]) -> tuple[int, tuple[int, ...]]:
        if len(gruppe) == 1 and isinstance(gruppe[0], Entferne) and _ist_eintrag(gruppe[0].pfad):
            return 1, tuple(-int(t) if t.isdigit() else 0 for t in gruppe[0].pfad.split("."))
        return 0, ()
    return [op for gruppe in sorted(gruppen, key=schluessel) for op in gruppe]


def mit_seite(text: str, daten: dict[str, Any], konflikte: Sequence[Konflikt],
              seite: str) -> str:
    """*text* (which reads as *daten*) with every conflicting place at one side's value:
    *seite* is 'unser' or 'ihr' (the ``Konflikt`` fields)."""
    operationen = _reihenfolge([setze_wert(k.pfad, getattr(k, seite), _wert_an(daten, k.pfad))
                                for k in konflikte])
    if not operationen:
        return text
    return schreibe(text, operationen, wende_an(daten, tuple(operationen)))


def _blatt(daten: Any) -> Any:
    """The one value of a one-key (possibly dotted) TOML line, or FEHLT."""
    while isinstance(daten, dict) and len(daten) == 1:
        daten = next(iter(daten.values()))
    return FEHLT if isinstance(daten, dict) else daten


def mit_ihren_zeilen(text: str, quelle: str, aenderungen: Sequence[Aenderung]) -> str:
    """*text* with the lines of single-line fields that *quelle* set (the merge's edits) taken
    as *quelle* writes them — with its comment at the end of the line. Lines that do not
    carry exactly the value stay as they are; the caller verifies the whole result."""
    from strategie.toml.zeilen import key_lines

    zeilen, ihre = text.split("\n"), quelle.split("\n")
    unsere_orte, ihre_orte = key_lines(text), key_lines(quelle)
    for aenderung in aenderungen:
        if not isinstance(aenderung, Setzen) or isinstance(aenderung.wert, dict):
            continue
        hier, dort = unsere_orte.get(aenderung.pfad), ihre_orte.get(aenderung.pfad)
        if hier is None or dort is None or "#" not in ihre[dort - 1]:
            continue
        try:
            gelesen = tomllib.loads(ihre[dort - 1])
        except tomllib.TOMLDecodeError:
            continue  # part of a multi-line value
        if gleich(_blatt(gelesen), aenderung.wert) and gleich(
                _blatt(_lies_zeile(zeilen[hier - 1])), aenderung.wert):
            zeilen[hier - 1] = ihre[dort - 1]
    return "\n".join(zeilen)


def _lies_zeile(zeile: str) -> Any:
    try:
        return tomllib.loads(zeile)
    except tomllib.TOMLDecodeError:
        return FEHLT
