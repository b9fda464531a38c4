"""Loading a store state: every goal file validated, none stops the others, Befunde collected."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from strategie.git.blob import blob_id
from strategie.modell.befund import Befund
from strategie.modell.rahmen import Rahmen
from strategie.modell.ziel import Ziel
from strategie.speicher.ablage import dateien_der_arbeitskopie
from strategie.speicher.cache import Kopf, ZielAusCache, ZielCache, kopf, ziel_aus_cache
from strategie.speicher.parallel import pruefe_parallel
from strategie.speicher.rahmendatei import lade_rahmen
from strategie.text.ordnung import natuerlich


class _Speicherfelder(NamedTuple):
    verzeichnis: Path
    rahmen: Rahmen
    ziele: tuple[Ziel, ...]
    befunde: tuple[Befund, ...]
    quelle: str = "Arbeitskopie"
    """Where the state comes from, for people: the working tree, or a Stichtag/commit."""
    commit: str | None = None
    """The commit the state was read from (None: the working tree)."""
    stichtag: dt.date | None = None
    """The Stichtag asked for, if the state was reconstructed as of a date."""
    vorausgewaehlt_aus: int | None = None
    """Set when only a pre-selection of the goals was loaded (``lade_speicher(vorauswahl=…)``):
    the number of all valid goals. None: ``ziele`` holds every valid goal."""


class Zielspeicher(_Speicherfelder):
    """A store state: frame, valid goals and Befunde for the files that could not be read.

    A NamedTuple with a ``__dict__`` for its lookup by id (see ``strategie.modell``).
    """

    @property
    def anzahl(self) -> int:
        """The number of valid goals in the store (also when only some of them were loaded)."""
        return len(self.ziele) if self.vorausgewaehlt_aus is None else self.vorausgewaehlt_aus

    @cached_property
    def _nach_id(self) -> dict[str, Ziel]:
        return {z.id: z for z in self.ziele}

    def ziel(self, ziel_id: str) -> Ziel | None:
        """The goal with this id (case-insensitive), or None."""
        return self._nach_id.get(ziel_id) or self._nach_id.get(ziel_id.upper())


def zielordnung(rahmen: Rahmen) -> Callable[[Ziel], tuple[int, tuple[object, ...]]]:
    """The sort key of the goals' order everywhere (``liste``, the app, every report): their
    Amt in the order of the Vorlage's Anlagen (``Rahmen.aemter_in_anlagenfolge``), then the id
    with numbers compared as numbers (SA-2 before SA-10)."""
    rang = {a.kuerzel: i for i, a in enumerate(rahmen.aemter_in_anlagenfolge())}
    return lambda z: (rang.get(z.amt, len(rang)), natuerlich(z.id))


def sortiere_ziele(ziele: Iterable[Ziel], rahmen: Rahmen) -> tuple[Ziel, ...]:
    """Goals in the one order of ``zielordnung``."""
    return tuple(sorted(ziele, key=zielordnung(rahmen)))


class ImCache(NamedTuple):
    """A goal file version the parsed-goal cache holds: its bytes need not be read."""

    blob: str


Quelldatei = tuple[str, bytes | Befund | ImCache]
"""(path relative to the store with ``/``, the file's bytes or a Befund why it can't be read)."""


@contextmanager
def _ohne_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many objects that all survive.

    Loading allocates hundreds of thousands of containers and keeps them; every automatic
    collection would walk all of them again. Nothing built here forms reference cycles.
    """
    war_an = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if war_an:
            gc.enable()


def lade_aus_quellen(verzeichnis: Path, rahmen: Rahmen, quellen: Iterable[Quelldatei],
                     cache: ZielCache | None = None, *, aufraeumen: bool = True
                     ) -> tuple[tuple[Ziel, ...], tuple[Befund, ...]]:
    """Validate goal files from any source (working tree or git objects); none stops the others.

    With a *cache*, a file version validated before (same bytes, same path) is not parsed again;
    a source may then name it by blob id alone (``ImCache``). With *aufraeumen*, entries of
    versions not among the sources are dropped (a load of the working tree; not of a past state).
    """
    ziele: list[Ziel] = []
    befunde: list[Befund] = []
    with _ohne_gc():
        quellen = list(quellen)
        dateien_nach_id = {rel.rpartition("/")[2].removesuffix(".toml"): rel for rel, _ in quellen}
        erste_datei: dict[str, str] = {}
        gesehen: set[tuple[str, str]] = set()
        schluessel: list[tuple[str, str] | None] = []
        treffer: list[tuple[Kopf, bytes] | None] = []
        offen: list[tuple[int, str, bytes]] = []  # to parse: (position, relpfad, bytes)
        for position, (relpfad, inhalt) in enumerate(quellen):
            eintrag, gefunden_im_cache = None, None
            if cache is not None and not isinstance(inhalt, Befund):
                blob = inhalt.blob if isinstance(inhalt, ImCache) else blob_id(inhalt)
                eintrag = (blob, relpfad)
                gesehen.add(eintrag)
                gefunden_im_cache = cache.hole(*eintrag)
                if gefunden_im_cache is None and isinstance(inhalt, ImCache):
                    raise AssertionError(f"{relpfad}: Version {blob} nicht im Cache")
            assert cache is not None or not isinstance(inhalt, ImCache), "ImCache braucht Cache"
            schluessel.append(eintrag)
            treffer.append(gefunden_im_cache)
            if gefunden_im_cache is None and isinstance(inhalt, bytes):
                offen.append((position, relpfad, inhalt))
        if offen:  # the checks are imported only when a file must be parsed (7 ms)
            from strategie.speicher.validierung import lade_ziel
        vorab = pruefe_parallel(verzeichnis, rahmen, [(r, i) for _, r, i in offen],
                                dateien_nach_id)
        geprueft = ({} if vorab is None
                    else {position: e for (position, _, _), e in zip(offen, vorab, strict=True)})
        for position, (relpfad, inhalt) in enumerate(quellen):
            if isinstance(inhalt, Befund):
                befunde.append(inhalt)
                continue
            ziel: Ziel | None
            gefunden: list[Befund]
            im_cache = treffer[position]
            if im_cache is not None:
                ziel, gefunden = ziel_aus_cache(*im_cache, relpfad), []
            else:
                assert isinstance(inhalt, bytes)
                ziel, gefunden = geprueft.get(position) or lade_ziel(
                    verzeichnis, relpfad, inhalt, rahmen, dateien_nach_id)
                if ziel is not None and (eintrag := schluessel[position]) is not None:
                    assert cache is not None
                    roh = ziel._roh if isinstance(ziel, ZielAusCache) else b""  # a worker's
                    cache.merke(*eintrag, kopf(ziel), bytes(roh) if roh else ziel.daten)
            if ziel is not None and ziel.id in erste_datei:
                gefunden = [Befund(verzeichnis / relpfad,
                                   f'Die ID "{ziel.id}" ist doppelt: sie gehört schon der Datei '
                                   f"{erste_datei[ziel.id]}", feld="id")]
                ziel = None
            befunde.extend(gefunden)
            if ziel is not None:
                erste_datei[ziel.id] = relpfad
                ziele.append(ziel)
        if cache is not None and aufraeumen:
            cache.behalte_nur(gesehen)
        return sortiere_ziele(ziele, rahmen), tuple(befunde)


def lade_speicher(verzeichnis: Path, *, cache: bool = True,
                  vorauswahl: Callable[[Rahmen], Mapping[str, Collection[object]]] | None = None
                  ) -> Zielspeicher:
    """Read the store's frame and all goal files from the working tree.

    With *cache* (the default), the store comes from its snapshot with only the files git
    reports as changed read again (``schnappschuss``), or, without one, goals validated in an
    earlier run come from the parsed-goal cache in .git/strategie/ when their bytes are
    unchanged (and a new snapshot is written).

    *vorauswahl* gives, for the frame, a pre-selection (``Filter.vorauswahl``): goals it
    rules out may then be left out of ``ziele`` (``Zielspeicher.vorausgewaehlt_aus`` says so).
    For a caller that applies that filter anyway: ``liste --amt SA`` builds 1,200 goals
    instead of 10,000.
    """
    verzeichnis = verzeichnis.resolve()
    rahmen = lade_rahmen(verzeichnis)
    if cache:
        from strategie.speicher.aus_schnappschuss import lade_mit_schnappschuss

        auswahl = vorauswahl(rahmen) if vorauswahl is not None else None
        with _ohne_gc():  # 10,000 goals from the snapshot: 10 ms less without collections
            geladen = lade_mit_schnappschuss(verzeichnis, rahmen, auswahl)
        if geladen is not None:
            ziele, befunde, alle = geladen
            return Zielspeicher(verzeichnis, rahmen, ziele, befunde, vorausgewaehlt_aus=alle)
    zwischenspeicher = ZielCache(verzeichnis, rahmen.roh) if cache else None
    ziele, befunde = lade_aus_quellen(verzeichnis, rahmen, dateien_der_arbeitskopie(verzeichnis),
                                      zwischenspeicher)
    if zwischenspeicher is not None:
        zwischenspeicher.speichere()
    return Zielspeicher(verzeichnis, rahmen, ziele, befunde)
