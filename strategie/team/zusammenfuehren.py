"""Field-level three-way merge of one goal's data (as tomllib reads it): result, conflicts, edits.

Pure: no I/O, and no imports from the rest of strategie (the model's list keys are written
down in ``LISTEN``). ``fuehre_zusammen(basis, unsere, ihre)`` returns the merged data, the
conflicts, and the changes that turn ``unsere`` into the result — for a merge driver that
applies them key by key onto OUR file, so its comments and layout survive.

Rules, for every key (paths as in the CLI, lists counted from 1):

- changed on one side only → that side; on both to the same value → that value;
  removed on one side and unchanged on the other → removed;
- changed on both to different values → a conflict; the data keeps OURS;
  removed on one side and changed on the other → a conflict; the data keeps OURS;
- tables merge key by key; lists of texts (``aktionsbereiche``) merge as sets, in our order
  with their additions appended;
- lists of tables merge element by element. Elements are matched to the base by their natural
  key (``LISTEN``: Maßnahme by ``titel``, Kennzahl by ``name``, Beschluss by gremium, datum,
  drucksache, Messwert by ``stichtag``), in order; a Maßnahme whose key changed is still the
  same one when more than half of its fields are unchanged (a corrected title). New elements of
  both sides are kept — ours before theirs, Messwerte by Stichtag; new elements with the same
  key on both sides are one element (the same Stichtag with different ``wert`` → a conflict at
  ``…messwerte.N.wert``). An element removed on one side and changed on the other is a
  conflict, and the data keeps the CHANGED element, so that the conflict's path names it.

At file level (None = the file does not exist; an empty base counts as none, since git hands
a merge driver an empty base for add/add): removed on one side and changed on the other, and
added on both sides with different contents (two controllers who both created the next free
ID) are conflicts with path ``""``. Conflict paths are numbered as in the result.
"""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from strategie.team.feldaenderungen import Aenderung, Einfuegen, Entfernen, Setzen


class _Fehlt:
    """The value of a key that is not there (in a conflict: removed, or never added)."""

    def __repr__(self) -> str:
        return "FEHLT"


FEHLT: Any = _Fehlt()


class Konflikt(NamedTuple):
    """Both sides changed one place differently: ``(pfad, basis, unser, ihr)``; FEHLT = absent."""

    pfad: str
    basis: Any
    unser: Any
    ihr: Any


@dataclass(frozen=True)
class Ergebnis:
    """The merged goal, its conflicts, and the edits that make OUR file the merged one.

    ``aenderungen_fuer_unsere`` apply in order (each path as the file is at that point):
    within a list, removals from the back first, then insertions from the front, then the
    edits inside kept elements; ``wende_an(unsere, aenderungen)`` gives ``daten``.
    """

    daten: dict[str, Any] | None
    """The merged data; None = the goal file is removed."""
    konflikte: tuple[Konflikt, ...] = ()
    aenderungen_fuer_unsere: tuple[Aenderung, ...] = ()

    @property
    def dateikonflikt(self) -> Konflikt | None:
        """The conflict about the file as a whole (removed/changed, added twice), or None."""
        return next((k for k in self.konflikte if k.pfad == ""), None)


@dataclass(frozen=True)
class Listenart:
    """How a list of tables is merged: its natural key, and whether it is a map by that key."""

    schluessel: tuple[str, ...]
    karte: bool = False
    """A map (Messwerte by Stichtag): a changed key is another element; new ones are sorted."""


LISTEN = {
    "massnahmen": Listenart(("titel",)),
    "kennzahlen": Listenart(("name",)),
    "beschluesse": Listenart(("gremium", "datum", "drucksache")),
    "messwerte": Listenart(("stichtag",), karte=True),
}
"""Lists of tables of a goal file by key name; other lists of tables pair by position."""


def fuehre_zusammen(basis: dict[str, Any] | None, unsere: dict[str, Any] | None,
                    ihre: dict[str, Any] | None) -> Ergebnis:
    """Merge two versions of a goal with their common ancestor (see the module docstring)."""
    if not basis:
        if unsere is None or ihre is None:
            return Ergebnis(unsere if ihre is None else ihre)
        if gleich(unsere, ihre):
            return Ergebnis(unsere)
        return Ergebnis(unsere, (Konflikt("", FEHLT, unsere, ihre),))
    if unsere is None or ihre is None:
        andere = ihre if unsere is None else unsere
        if andere is None or gleich(andere, basis):
            return Ergebnis(None)
        konflikt = Konflikt("", basis, FEHLT if unsere is None else unsere,
                            FEHLT if ihre is None else ihre)
        return Ergebnis(unsere, (konflikt,))
    teil = _wert(basis, unsere, ihre, "")
    return Ergebnis(teil.wert, tuple(teil.konflikte), tuple(teil.aenderungen))


@dataclass
class _Teil:
    """The merge of one place: its value (FEHLT = absent), edits and conflicts, paths relative."""

    wert: Any
    aenderungen: list[Aenderung] = field(default_factory=list)
    konflikte: list[Konflikt] = field(default_factory=list)

    def unter(self, name: str) -> tuple[list[Aenderung], list[Konflikt]]:
        """Edits and conflicts with *name* put in front of their paths."""
        return ([_verschoben(a, name) for a in self.aenderungen],
                [k._replace(pfad=_pfad(name, k.pfad)) for k in self.konflikte])


def _pfad(vorne: str, rest: str) -> str:
    return f"{vorne}.{rest}" if vorne and rest else vorne or rest


def _verschoben(aenderung: Aenderung, name: str) -> Aenderung:
    if isinstance(aenderung, Setzen):
        return Setzen(_pfad(name, aenderung.pfad), aenderung.wert)
    if isinstance(aenderung, Entfernen):
        return Entfernen(_pfad(name, aenderung.pfad))
    return Einfuegen(_pfad(name, aenderung.pfad), aenderung.nummer, aenderung.werte)


def gleich(a: Any, b: Any) -> bool:
    """Equal as TOML values: same types (1 ≠ 1.0 ≠ true, date ≠ datetime), tables unordered."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(gleich(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(gleich(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def _ist_tabellenliste(wert: Any) -> bool:
    """A list of tables (``[[massnahmen]]``); an empty list counts only with other evidence."""
    return isinstance(wert, list) and bool(wert) and all(isinstance(e, dict) for e in wert)


def _ist_textliste(wert: Any) -> bool:
    return isinstance(wert, list) and not any(isinstance(e, (dict, list)) for e in wert)


def _listenart(b: Any, u: Any, i: Any) -> str | None:
    """'tabellen' or 'texte' when all present values are lists of that kind, else None.

    A list of tables that one side removed entirely counts as empty, so that its elements
    still merge one by one.
    """
    listen = [x for x in (b, u, i) if x is not FEHLT]
    if not all(isinstance(x, list) for x in listen):
        return None
    if any(_ist_tabellenliste(x) for x in listen) and all(
            all(isinstance(e, dict) for e in x) for x in listen):
        return "tabellen"
    if u is not FEHLT and i is not FEHLT and all(_ist_textliste(x) for x in listen):
        return "texte"
    return None


def _wert(b: Any, u: Any, i: Any, name: str) -> _Teil:
    """The three-way merge of one key's values (*name*: the key, for ``LISTEN``)."""
    if gleich(u, i) or gleich(i, b):
        return _Teil(u)
    if gleich(u, b):
        return _nimm_ihre(u, i, name)
    if isinstance(u, dict) and isinstance(i, dict) and isinstance(b, (dict, _Fehlt)):
        return _tabelle(b if isinstance(b, dict) else {}, u, i)
    art = _listenart(b, u, i)
    if art == "tabellen":
        leer: list[dict[str, Any]] = []
        teil = _tabellenliste(b if b is not FEHLT else leer, u if u is not FEHLT else leer,
                              i if i is not FEHLT else leer, name)
        if not teil.wert:
            teil.wert = FEHLT  # no [[…]] block left: the key is gone
        return teil
    if art == "texte":
        return _textliste(b if isinstance(b, list) else [], u, i)
    return _Teil(u, konflikte=[Konflikt("", b, u, i)])


def _nimm_ihre(u: Any, i: Any, name: str) -> _Teil:
    """Their value, with the edits that turn ours (= the base) into it."""
    if i is FEHLT:
        return _Teil(FEHLT, _entferne(u))
    if u is FEHLT:
        return _Teil(i, _neu("", i))
    if isinstance(u, dict) and isinstance(i, dict):
        return _tabelle(u, u, i)
    if _ist_tabellenliste(u) and _ist_tabellenliste(i):
        teil = _tabellenliste(u, u, i, name)
        if gleich(teil.wert, i):
            return teil
        return _Teil(i, _neu_geschrieben(len(u), i))
    if isinstance(u, dict) or _ist_tabellenliste(u) or isinstance(i, dict) or (
            _ist_tabellenliste(i)):
        return _Teil(i, [*_entferne(u), *_neu("", i)])
    return _Teil(i, [Setzen("", i)])


def _entferne(wert: Any) -> list[Aenderung]:
    """Remove a value: a list of tables element by element (from the back), else the key."""
    if _ist_tabellenliste(wert):
        return [Entfernen(str(n)) for n in range(len(wert), 0, -1)]
    return [Entfernen("")]


def _neu(pfad: str, wert: Any) -> list[Aenderung]:
    """The edits that create *wert* where nothing is: fields one by one, tables appended."""
    if isinstance(wert, dict):
        if not wert:
            return [Setzen(pfad, {})]
        return [a for k, v in wert.items() for a in _neu(_pfad(pfad, k), v)]
    if _ist_tabellenliste(wert):
        return [Einfuegen(pfad, n, e) for n, e in enumerate(wert, 1)]
    return [Setzen(pfad, wert)]


def _neu_geschrieben(anzahl: int, elemente: list[dict[str, Any]]) -> list[Aenderung]:
    """Replace a whole list of tables: remove all *anzahl* elements, insert *elemente*."""
    return [*(Entfernen(str(n)) for n in range(anzahl, 0, -1)),
            *(Einfuegen("", n, e) for n, e in enumerate(elemente, 1))]


def _tabelle(b: dict[str, Any], u: dict[str, Any], i: dict[str, Any]) -> _Teil:
    """Merge three tables key by key, in our key order with their new keys after."""
    ergebnis = _Teil({})
    for name in [*u, *(k for k in i if k not in u)]:
        teil = _wert(b.get(name, FEHLT), u.get(name, FEHLT), i.get(name, FEHLT), name)
        if teil.wert is not FEHLT:
            ergebnis.wert[name] = teil.wert
        aenderungen, konflikte = teil.unter(name)
        ergebnis.aenderungen += aenderungen
        ergebnis.konflikte += konflikte
    return ergebnis


def _textliste(b: list[Any], u: list[Any], i: list[Any]) -> _Teil:
    """Three-way set merge: ours without what they removed, then what they added."""
    weg = [x for x in b if not any(gleich(x, y) for y in i)]
    ergebnis = [x for x in u if not any(gleich(x, y) for y in weg)]
    for x in i:
        if not any(gleich(x, y) for y in b) and not any(gleich(x, y) for y in ergebnis):
            ergebnis.append(x)
    return _Teil(ergebnis, [] if gleich(ergebnis, u) else [Setzen("", ergebnis)])


def _schluessel(element: dict[str, Any], art: Listenart | None) -> Any:
    """The natural key of a list element, or None (no key: matched by content or position)."""
    if art is None or art.schluessel[0] not in element:
        return None
    return repr(tuple(element.get(f) for f in art.schluessel))


def _aehnlich(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """More than half of the fields unchanged: the same element with a corrected key."""
    felder = set(a) | set(b)
    gleiche = sum(gleich(a.get(f, FEHLT), b.get(f, FEHLT)) for f in felder)
    return 2 * gleiche > len(felder)


def _zuordnung(b: list[dict[str, Any]], s: list[dict[str, Any]],
               art: Listenart | None) -> list[int | None]:
    """For each element of *s*, the index of the same element in the base, or None (new)."""
    bs = [_schluessel(e, art) or ("inhalt", repr(e)) for e in b]
    ss = [_schluessel(e, art) or ("inhalt", repr(e)) for e in s]
    if art is not None and art.karte and len(set(bs)) == len(bs) and len(set(ss)) == len(ss):
        orte = {k: j for j, k in enumerate(bs)}
        return [orte.get(k) for k in ss]
    zuordnung: list[int | None] = [None] * len(s)
    vergleich = difflib.SequenceMatcher(None, bs, ss, autojunk=False)
    for art_block, b1, b2, s1, s2 in vergleich.get_opcodes():
        if art_block == "equal":
            for versatz in range(b2 - b1):
                zuordnung[s1 + versatz] = b1 + versatz
        elif art_block == "replace" and not (art is not None and art.karte):
            naechstes = b1  # pair in order: unknown lists by position, known ones by likeness
            for k in range(s1, s2):
                for j in range(naechstes, b2):
                    if (j - b1 == k - s1) if art is None else _aehnlich(b[j], s[k]):
                        zuordnung[k], naechstes = j, j + 1
                        break
    return zuordnung


def _luecken(zuordnung: list[int | None]) -> dict[int, list[int]]:
    """New elements by gap: gap g lies before base element g (after the last one: len)."""
    luecken: dict[int, list[int]] = {}
    letzte = -1
    for k, j in enumerate(zuordnung):
        if j is None:
            luecken.setdefault(letzte + 1, []).append(k)
        else:
            letzte = max(letzte, j)
    return luecken


def _tabellenliste(b: list[dict[str, Any]], u: list[dict[str, Any]], i: list[dict[str, Any]],
                   name: str) -> _Teil:
    """Merge lists of tables element by element (see the module docstring)."""
    art = LISTEN.get(name)
    uz, iz = _zuordnung(b, u, art), _zuordnung(b, i, art)
    u_aus = {j: k for k, j in enumerate(uz) if j is not None}
    i_aus = {j: k for k, j in enumerate(iz) if j is not None}
    u_neu, i_neu = _luecken(uz), _luecken(iz)
    unsere_neuen = {_schluessel(u[k], art): k for ks in u_neu.values() for k in ks}
    paare = {}  # their new element → our new element with the same key
    for ks in i_neu.values():
        for k in ks:
            schluessel = _schluessel(i[k], art)
            if schluessel is not None and unsere_neuen.get(schluessel) is not None:
                paare[k] = unsere_neuen.pop(schluessel)
    gepaart = {ku: ki for ki, ku in paare.items()}
    teile: list[tuple[str, int, _Teil]] = []  # (side, index there, merged element)
    for luecke in range(len(b) + 1):
        unsere_teile = [("u", k, _wert({}, u[k], i[gepaart[k]], "") if k in gepaart
                         else _Teil(u[k])) for k in u_neu.get(luecke, [])]
        ihre_teile = [("i", k, _Teil(i[k])) for k in i_neu.get(luecke, []) if k not in paare]
        teile += unsere_teile + ihre_teile
        if luecke == len(b):
            break
        ku, ki = u_aus.get(luecke), i_aus.get(luecke)
        basis = b[luecke]
        if ku is not None and ki is not None:
            teile.append(("u", ku, _wert(basis, u[ku], i[ki], "")))
        elif ku is not None and not gleich(u[ku], basis):
            teile.append(("u", ku, _Teil(u[ku], konflikte=[Konflikt("", basis, u[ku], FEHLT)])))
        elif ki is not None and not gleich(i[ki], basis):
            teile.append(("i", ki, _Teil(i[ki], konflikte=[Konflikt("", basis, FEHLT, i[ki])])))
    if art is not None and art.karte:
        teile = _nach_schluessel(teile, u, art)
    return _liste_aus(len(u), teile)


def _nach_schluessel(teile: list[tuple[str, int, _Teil]], unsere: list[dict[str, Any]],
                    art: Listenart) -> list[tuple[str, int, _Teil]]:
    """A map's merged elements sorted by key, when ours were (Messwerte by Stichtag)."""
    feld = art.schluessel[0]
    try:
        if all(a[feld] <= b[feld] for a, b in zip(unsere, unsere[1:], strict=False)):
            return sorted(teile, key=lambda t: t[2].wert[feld])
    except (KeyError, TypeError):
        pass
    return teile


def _liste_aus(anzahl: int, teile: list[tuple[str, int, _Teil]]) -> _Teil:
    """The merged list, conflicts numbered as in it, and the edits from our list (*anzahl*)."""
    ergebnis = _Teil([t.wert for _, _, t in teile])
    unsere = [k for seite, k, _ in teile if seite == "u"]
    for nummer, (_, _, teil) in enumerate(teile, 1):
        ergebnis.konflikte += teil.unter(str(nummer))[1]
    if unsere != sorted(unsere):
        ergebnis.aenderungen = _neu_geschrieben(anzahl, ergebnis.wert)
        return ergebnis
    behalten = set(unsere)
    ergebnis.aenderungen = [Entfernen(str(k + 1)) for k in range(anzahl - 1, -1, -1)
                            if k not in behalten]
    for nummer, (seite, _, teil) in enumerate(teile, 1):
        if seite == "i":
            ergebnis.aenderungen.append(Einfuegen("", nummer, teil.wert))
    for nummer, (seite, _, teil) in enumerate(teile, 1):
        if seite == "u":
            ergebnis.aenderungen += teil.unter(str(nummer))[0]
    return ergebnis
