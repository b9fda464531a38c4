"""Loading the working tree through the store's snapshot: unchanged goals from one file, the
files git reports as changed read again, the snapshot rebuilt when it cannot be used."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Collection, Mapping
from pathlib import Path

from strategie.modell.befund import Befund
from strategie.modell.rahmen import Rahmen
from strategie.modell.ziel import Ziel
from strategie.speicher.ablage import dateien_der_arbeitskopie, ist_zieldatei
from strategie.speicher.cache import Kopf, ZielCache, gitdir_von, kopf, kopfpruefung
from strategie.speicher.laden import lade_aus_quellen, sortiere_ziele, zielordnung
from strategie.speicher.schnappschuss import (
    Eintrag,
    Lage,
    Schnappschuss,
    befund_ordnung,
    eintrag_von,
    frage_lage,
    geaendert_zwischen,
    nachgelesen,
    unruhig,
    ziel_von,
)

Geladen = tuple[tuple[Ziel, ...], tuple[Befund, ...], int | None]
"""(goals, Befunde, the number of all valid goals when *vorauswahl* left some out, else None)."""

NEU_SCHREIBEN_AB = 50
"""Files read again before the snapshot is written anew. Below, the old one stays: it is still
right for its own tree, and the next load reads the same few files again (cheaper than
writing the whole snapshot after every edit)."""


EINSORTIEREN_BIS = 200
"""Goals read again that are put in place one by one (binary search on the sorted rest) rather
than sorting all goals anew: after an edit, one goal among 10,000 costs a few comparisons
instead of 10,000 sort keys (15 ms)."""


def lade_mit_schnappschuss(verzeichnis: Path, rahmen: Rahmen,
                           vorauswahl: Mapping[str, Collection[object]] | None = None
                           ) -> Geladen | None:
    """Goals and Befunde of the working tree, as a full load gives them; None outside a git
    repository with commits (the caller then loads without a snapshot).

    With *vorauswahl* (attribute → allowed values, ``Filter.vorauswahl``), goals whose list
    fields are not allowed may be left out (not built at all); the Befunde stay complete.
    """
    passt = kopfpruefung(vorauswahl) if vorauswahl else None
    gitdir = gitdir_von(verzeichnis)
    lage = frage_lage(verzeichnis) if gitdir is not None else None
    if gitdir is None or lage is None:
        return None
    schnappschuss = Schnappschuss(gitdir, verzeichnis, rahmen.roh)
    alt = schnappschuss.lies()
    if alt is not None:
        zu_lesen = set(lage.abweichend) | set(alt["unsicher"])
        if alt["baum"] != lage.baum:
            zwischen = geaendert_zwischen(verzeichnis, alt["baum"], lage.baum)
            zu_lesen = zu_lesen | zwischen if zwischen is not None else set()
            if zwischen is None:
                alt = None
    if alt is None:
        return _neu_aufgebaut(verzeichnis, rahmen, lage, schnappschuss)
    if not zu_lesen:
        alle = alt["ziele"]
        if passt is None:
            return tuple(ziel_von(e) for e in alle), tuple(b for _, b in alt["befunde"]), None
        return (tuple(ziel_von(e) for e in alle if passt(e[1])),
                tuple(b for _, b in alt["befunde"]), len(alle))
    if len(zu_lesen) > NEU_SCHREIBEN_AB:
        passt = None  # the snapshot is written anew: it needs every goal
    return _mit_nachgelesenen(verzeichnis, rahmen, lage, schnappschuss, alt, zu_lesen, passt)


def _mit_nachgelesenen(verzeichnis: Path, rahmen: Rahmen, lage: Lage,
                       schnappschuss: Schnappschuss, alt: dict, zu_lesen: set[str],
                       passt: Callable[[Kopf], bool] | None) -> Geladen:
    """The snapshot with the files in *zu_lesen* read again; written back for the next load
    when they are many (``NEU_SCHREIBEN_AB``). With *passt*, only goals that pass are built
    (and the snapshot is not written)."""
    eintraege: dict[str, Eintrag] = {e[0]: e for e in alt["ziele"] if e[0] not in zu_lesen}
    befunde = [(p, b) for p, b in alt["befunde"] if p not in zu_lesen]
    lesen = sorted(p for p in zu_lesen if ist_zieldatei(p))
    alle = {*eintraege, *(p for p, _ in befunde), *lesen}
    neu = nachgelesen(verzeichnis, rahmen, lesen, alle)
    if neu is None:
        return _neu_aufgebaut(verzeichnis, rahmen, lage, schnappschuss)
    neue_ziele, neue_befunde = neu
    anzahl = len(eintraege) + len(neue_ziele)
    if passt is None:
        ziele = [ziel_von(e) for e in eintraege.values()]  # in the snapshot's order: sorted
        neu_gelesen = list(neue_ziele.values())
    else:
        ziele = [ziel_von(e) for e in eintraege.values() if passt(e[1])]
        neu_gelesen = [z for z in neue_ziele.values() if passt(kopf(z))]
    if len(neu_gelesen) <= EINSORTIEREN_BIS:
        ordnung = zielordnung(rahmen)
        for ziel in neu_gelesen:
            bisect.insort(ziele, ziel, key=ordnung)
    else:
        ziele = list(sortiere_ziele([*ziele, *neu_gelesen], rahmen))
    befunde += [(p, b) for p, liste in neue_befunde.items() for b in liste]
    befunde.sort(key=lambda eintrag: befund_ordnung(eintrag[0]))
    if len(zu_lesen) > NEU_SCHREIBEN_AB and passt is None:
        unsicher = {*lage.abweichend, *unruhig(verzeichnis, neue_ziele, lage.gefragt),
                    *(p for p, _ in befunde)}
        schnappschuss.schreibe(lage.baum, [eintraege.get(z.pfad) or eintrag_von(z)
                                           for z in ziele], befunde, unsicher)
    return tuple(ziele), tuple(b for _, b in befunde), None if passt is None else anzahl


def _neu_aufgebaut(verzeichnis: Path, rahmen: Rahmen, lage: Lage,
                   schnappschuss: Schnappschuss) -> Geladen:
    """A full load of the working tree (with the parsed-goal cache), kept as the new snapshot
    unless the store has symlinks (whose meaning only the full load works out)."""
    verweise: list[str] = []
    quellen = list(dateien_der_arbeitskopie(verzeichnis, verweise))
    zwischenspeicher = ZielCache(verzeichnis, rahmen.roh)
    ziele, befunde = lade_aus_quellen(verzeichnis, rahmen, quellen, zwischenspeicher)
    zwischenspeicher.speichere()
    befund_paare = []
    for befund in befunde:
        try:
            befund_paare.append((befund.pfad.relative_to(verzeichnis).as_posix(), befund))
        except ValueError:
            verweise.append(str(befund.pfad))  # outside the store: not kept
    if not verweise:
        unsicher = {*lage.abweichend, *unruhig(verzeichnis, (p for p, _ in quellen), lage.gefragt),
                    *(p for p, _ in befund_paare)}
        schnappschuss.schreibe(lage.baum, [eintrag_von(z) for z in ziele], befund_paare,
                               unsicher)
    return ziele, befunde, None
