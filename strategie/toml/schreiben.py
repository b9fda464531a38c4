"""Minimal edits of a goal file with tomlkit: key by key, so comments and layout survive."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, cast

import tomlkit
import tomlkit.exceptions
from tomlkit.container import Container
from tomlkit.items import (
    AoT,
    Array,
    InlineTable,
    Item,
    String,
    Table,
    Whitespace,
)

from strategie.modell.feld import ZIEL, Abschnitt, Eintrag, Feld, feld_an_pfad, pfadteile
from strategie.modell.operationen import Anhaengen, FuegeEin, Operation, Setze
from strategie.toml.gestalten import gestalte
from strategie.toml.nachlauf import (
    endet_mit_leerzeile,
    entferne_eintrag,
    fuege_eintrag_ein,
    loesche_mit_nachlauf,
)
from strategie.toml.zeilen import key_lines


def schreibe_operationen(text: str, operationen: tuple[Operation, ...]) -> str:
    """Apply operations to a goal file's text and return the new text.

    Only the items the operations name are replaced, inserted or removed; every other line,
    comment and blank line is rendered as it was. The caller re-reads the result with tomllib
    (and, where the result is not what was intended, asks ``sonderform`` why).
    """
    schnell = _nur_einzeilige_werte(text, operationen)
    if schnell is not None:
        return schnell
    dokument = tomlkit.parse(text)
    if dokument.as_string() != text:
        raise ValueError("tomlkit gibt die Datei nicht zeilengetreu wieder")  # see sonderform
    for operation in operationen:
        teile = operation.pfad.split(".")
        if isinstance(operation, Setze):
            _setze(dokument, teile, operation.wert)
        elif isinstance(operation, Anhaengen):
            _haenge_an(dokument, teile, operation.werte)
        elif isinstance(operation, FuegeEin):
            _haenge_an(dokument, teile, operation.werte, operation.nummer)
        else:
            _entferne(dokument, teile)
    return dokument.as_string()


def _nur_einzeilige_werte(text: str, operationen: tuple[Operation, ...]) -> str | None:
    """Replace single-line values in place, each line parsed and rendered by tomlkit alone.

    Parsing a whole 4 KB goal file with tomlkit takes ~5 ms; a status change needs only its
    one line. Each ``key = value  # comment`` line is parsed on its own, its value replaced
    key by key, and spliced back. Returns None (use the full path) for anything else:
    new keys, removals, appends, multi-line values. The caller verifies the result with tomllib.
    """
    setzungen = [op for op in operationen if isinstance(op, Setze) and op.wert is not None]
    if len(setzungen) != len(operationen):
        return None
    zeilen = text.split("\n")
    orte = key_lines(text)
    for operation in setzungen:
        nummer = orte.get(operation.pfad)
        feld = feld_an_pfad(operation.pfad)
        if nummer is None or feld is None:
            return None
        zeile = zeilen[nummer - 1]
        try:
            einzeln = tomlkit.parse(zeile)
        except tomlkit.exceptions.ParseError:
            return None
        name = operation.pfad.split(".")[-1]
        if list(einzeln.keys()) != [name] or "\n" in einzeln.as_string().rstrip("\n"):
            return None
        alt = cast(Item, einzeln.item(name))
        if isinstance(alt, String) and alt.type.is_multiline():
            return None
        neu = gestalte(operation.wert, feld, alt, einzug=len(name) + 6)
        if isinstance(neu, String) and neu.type.is_multiline():
            return None
        einzeln[name] = neu
        zeilen[nummer - 1] = einzeln.as_string().rstrip("\n")
    return "\n".join(zeilen)


def _inhalt(knoten: Any) -> Container:
    return knoten.value if isinstance(knoten, Table) else knoten


def _geordnet(halter: Any) -> bool:
    """Whether new keys of *halter* are placed in model order: the document or a ``[table]``.

    Inline tables, tables written with dotted keys (``steckbrief.stand = …``) and tables
    spread over several places get new keys where tomlkit puts them, in the user's style.
    """
    return isinstance(halter, Container) or (
        isinstance(halter, Table) and not halter.is_super_table())


def _gehe_zu(dokument: Container, teile: list[str], anlegen: bool) -> tuple[Any, Abschnitt] | None:
    """The table-like item (and its model section) that holds the last part of *teile*.

    That is the document, a ``[table]``, an inline table, a dotted-key table or tomlkit's
    proxy for a table spread over the file; list elements come from ``[[…]]`` or ``[{…}]``.
    """
    knoten: Any = dokument
    abschnitt: Abschnitt = ZIEL
    for teil in pfadteile(".".join(teile)):
        if teil.stelle == len(teile) - 1:
            break
        if teil.nummer:
            knoten = knoten[int(teil.name) - 1]
            continue
        name, eintrag = teil.name, teil.eintrag
        assert isinstance(eintrag, Abschnitt), name
        if name not in knoten:
            if not anlegen:
                return None
            neu = tomlkit.table()
            if _geordnet(knoten):
                _fuege_ein(_inhalt(knoten), abschnitt, name, neu)
            else:
                knoten[name] = neu
        knoten = knoten[name]
        abschnitt = eintrag
    return knoten, abschnitt


def _setze(dokument: Container, teile: list[str], wert: Any) -> None:
    ziel = _gehe_zu(dokument, teile, anlegen=wert is not None)
    if ziel is None:
        return
    halter, abschnitt = ziel
    name = teile[-1]
    feld = abschnitt.feld(name)
    assert isinstance(feld, Feld), name
    if wert is None:
        if name in halter:
            del halter[name]
        return
    alt = halter.get(name)
    neu = gestalte(wert, feld, alt, einzug=len(name) + 6,
                   inline=isinstance(halter, InlineTable))
    if alt is None and isinstance(halter, InlineTable):
        _neu_in_inline(halter, name, neu)
    elif alt is not None or not _geordnet(halter):
        halter[name] = neu
    else:
        _fuege_ein(_inhalt(halter), abschnitt, name, neu)


def _haenge_an(dokument: Container, teile: list[str], werte: dict[str, Any],
               nummer: int | None = None) -> None:
    """Append a table to the list at *teile*, or insert it as entry *nummer* (from 1)."""
    ziel = _gehe_zu(dokument, teile, anlegen=True)
    assert ziel is not None
    halter, abschnitt = ziel
    name = teile[-1]
    liste = abschnitt.feld(name)
    assert isinstance(liste, Abschnitt) and liste.liste, name
    vorhanden = halter.get(name)
    laenge = len(vorhanden) if isinstance(vorhanden, (Array, AoT)) else 0
    index = laenge if nummer is None else nummer - 1
    if not 0 <= index <= laenge:
        raise IndexError(f"{'.'.join(teile)}: Eintrag {nummer} bei {laenge} Einträgen")
    if isinstance(vorhanden, Array) or (vorhanden is None and isinstance(halter, InlineTable)):
        # the user writes this list inline: [{…}, {…}]; a new element in the same style
        element = _inline_aus(werte, liste)
        if vorhanden is None:
            neu = tomlkit.array()
            neu.append(element)
            _neu_in_inline(halter, name, neu)
        else:
            vorhanden.insert(index, element)
        return
    tabelle = _tabelle_aus(werte, liste)
    if vorhanden is None:
        aot = AoT([tabelle])
        if _geordnet(halter):
            _fuege_ein(_inhalt(halter), abschnitt, name, aot)
        else:
            halter[name] = aot
        return
    assert isinstance(vorhanden, AoT), type(vorhanden)
    fuege_eintrag_ein(vorhanden, index, tabelle)


def _entferne(dokument: Container, teile: list[str]) -> None:
    """Remove a table or an entry of a list, keeping the comments around it (``nachlauf``)."""
    nummer = teile[-1].isdigit()
    ziel = _gehe_zu(dokument, teile[:-1] if nummer else teile, anlegen=False)
    name = teile[-2] if nummer else teile[-1]
    if ziel is None or name not in ziel[0]:
        if nummer:
            raise KeyError(".".join(teile))
        return
    halter = ziel[0]
    item = halter[name]
    if not nummer:
        letzte = item if isinstance(item, Table) and not item.is_super_table() else None
        loesche_mit_nachlauf(_inhalt(halter), halter, name, letzte)
        return
    index = int(teile[-1]) - 1
    if not 0 <= index < len(item):
        raise IndexError(".".join(teile))
    if isinstance(item, Array):
        del item[index]
        if not len(item):
            del halter[name]
    elif len(item) == 1:
        loesche_mit_nachlauf(_inhalt(halter), halter, name, item[0])
    else:
        assert isinstance(item, AoT), type(item)
        entferne_eintrag(item, index)


def _vorhandene(werte: dict[str, Any], abschnitt: Abschnitt) -> Iterator[tuple[Eintrag, Any]]:
    """The fields and sections *werte* sets, in the model's order."""
    for eintrag in abschnitt.felder:
        if werte.get(eintrag.name) is not None:
            yield eintrag, werte[eintrag.name]


def _tabelle_aus(werte: dict[str, Any], abschnitt: Abschnitt) -> Table:
    tabelle = tomlkit.table()
    for eintrag, wert in _vorhandene(werte, abschnitt):
        if isinstance(eintrag, Feld):
            tabelle.add(eintrag.name, gestalte(wert, eintrag, None, len(eintrag.name) + 6))
        elif eintrag.liste:
            tabelle.add(eintrag.name, AoT([_tabelle_aus(w, eintrag) for w in wert]))
        else:
            tabelle.add(eintrag.name, _tabelle_aus(wert, eintrag))
    unbekannt = set(werte) - {e.name for e in abschnitt.felder}
    assert not unbekannt, unbekannt
    return tabelle


def _neu_in_inline(halter: InlineTable, name: str, item: Item) -> None:
    """Add a key to an inline table, separated like the others: ``{a = 1, neu = 2}``."""
    if len(halter):
        item.trivia.indent = " "
    halter.append(name, item)


def _inline_aus(werte: dict[str, Any], abschnitt: Abschnitt) -> InlineTable:
    tabelle = tomlkit.inline_table()
    for eintrag, wert in _vorhandene(werte, abschnitt):
        if isinstance(eintrag, Feld):
            tabelle.append(eintrag.name, gestalte(wert, eintrag, None, inline=True))
        else:
            liste = tomlkit.array()
            for element in wert if eintrag.liste else ():
                liste.append(_inline_aus(element, eintrag))
            tabelle.append(eintrag.name, liste if eintrag.liste else _inline_aus(wert, eintrag))
    return tabelle


def _ist_abschnitt(item: object) -> bool:
    return isinstance(item, (Table, AoT))


def _fuege_ein(container: Container, abschnitt: Abschnitt, name: str, item: Item) -> None:
    """Insert a new key where the model puts it among the keys already present."""
    reihenfolge = [e.name for e in abschnitt.felder]
    position = reihenfolge.index(name)
    vorhanden = list(container.keys())
    if _ist_abschnitt(item):
        spaetere = [k for k in vorhanden if k in reihenfolge[position + 1:]
                    and _ist_abschnitt(container.item(k))]
        if spaetere:
            index = _index(container, spaetere[0])
            _trenne(container, index, item, cast(Item, container.item(spaetere[0])))
            container._insert_at(index, name, item)
        else:
            container.append(name, item)
        return
    fruehere = [k for k in vorhanden if k in reihenfolge[:position]
                and not _ist_abschnitt(container.item(k))]
    if fruehere:
        index = _index(container, max(fruehere, key=reihenfolge.index)) + 1
        if index < len(container.body):
            container._insert_at(index, name, item)
        else:
            container.append(name, item)
        return
    skalare = [k for k in vorhanden if not _ist_abschnitt(container.item(k))]
    if skalare:
        container._insert_at(_index(container, skalare[0]), name, item)
    elif container.body:
        container._insert_at(0, name, item)  # before trailing blank lines or sub-sections
    else:
        container.append(name, item)


def _erste_tabelle(abschnitt: Item) -> Table:
    return abschnitt[0] if isinstance(abschnitt, AoT) else abschnitt  # type: ignore[return-value]


def _trenne(container: Container, index: int, neu: Item, danach: Item) -> None:
    """Blank lines around a section inserted at *index*, before the section *danach*."""
    davor = container.body[index - 1][1] if index > 0 else None
    if isinstance(davor, AoT):
        davor = davor[-1]
    getrennt = (isinstance(davor, Whitespace) and "\n" in davor.as_string()) or (
        isinstance(davor, Table) and endet_mit_leerzeile(davor))
    if not getrennt:
        _erste_tabelle(neu).trivia.indent = "\n"
    if "\n" not in _erste_tabelle(danach).trivia.indent:
        letzte = cast(Table, neu[-1] if isinstance(neu, AoT) else neu)
        letzte.add(tomlkit.nl())


def _index(container: Container, name: str) -> int:
    return next(i for i, (schluessel, _) in enumerate(container.body)
                if schluessel is not None and schluessel.key == name)
