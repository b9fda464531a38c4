"""Parsed-goal cache keyed by git blob id: loading 10,000 unchanged goals without parsing them."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import pickle
import sys
from collections.abc import Callable, Collection, Mapping
from functools import cached_property
from pathlib import Path
from typing import Any, cast

from strategie.git.blob import sha1
from strategie.git.ordner import git_ordner
from strategie.modell.feld import ZIEL
from strategie.modell.ziel import Auszug, Ziel
from strategie.speicher.aufraeumen import raeume_auf
from strategie.version import __version__

CACHE_VERSION = 3
"""Raise when validation rules change without a change of the field specification."""

Kopf = tuple[str, str, str, int, str, str, bool, int]
Eintraege = dict[tuple[str, str], tuple[Kopf, bytes]]
"""(blob id, path relative to the store) → (the goal's list fields, its data pickled).

Each goal's data is pickled on its own, so that loading the cache costs little and a goal's
data is unpickled only when something asks for it (detail, search, report).
"""


def kopf(ziel: Ziel) -> Kopf:
    """The list fields of a goal, as the cache stores them next to its pickled data; the
    Steckbrief's Stand as a day number (``date.toordinal``; 0: none), which unpickles about
    ten times faster than a date."""
    stand = ziel.steckbrief_stand
    return (ziel.id, ziel.titel, ziel.amt, ziel.handlungsfeld, ziel.status, ziel.ampel,
            ziel.leuchtturm, stand.toordinal() if stand else 0)


KOPF_FELDER = ("id", "titel", "amt", "handlungsfeld", "status", "ampel", "leuchtturm")
"""The attributes of a goal at the front of its ``Kopf``, in order (the pre-selection checks
them); the last item is the Steckbrief's Stand as a day number."""


def kopfpruefung(vorauswahl: Mapping[str, Collection[object]]) -> Callable[[Kopf], bool] | None:
    """Whether a goal's list fields pass a pre-selection (attribute → allowed values).

    Only attributes in the Kopf are checked, any other passes; None when none is to check.
    """
    paare = tuple((KOPF_FELDER.index(feld), erlaubt) for feld, erlaubt in vorauswahl.items()
                  if feld in KOPF_FELDER)
    if not paare:
        return None
    if len(paare) == 1:
        stelle, erlaubt = paare[0]
        return lambda k: k[stelle] in erlaubt
    return lambda k: all(k[stelle] in erlaubt for stelle, erlaubt in paare)


class ZielAusCache(Ziel):
    """A goal from the cache: its data stays pickled until something asks for it (built only
    by ``ziel_aus_cache``)."""

    _roh: bytes | memoryview
    _json: bytes | memoryview
    """``Ziel.json_bytes`` if the store's snapshot kept it (empty: computed when asked); a
    view into the snapshot's mapped file when it came from there."""
    _auszug: bytes | memoryview
    """``Ziel.auszug`` pickled (as a plain tuple) if the store's snapshot kept it (empty:
    computed from the data when asked)."""
    _stand: int
    """The Steckbrief's Stand as a day number (0: none), from the ``Kopf``."""

    @cached_property
    def daten(self) -> dict[str, Any]:
        """All fields of the goal file under their TOML names (unpickled on first use)."""
        return cast(dict[str, Any], pickle.loads(self._roh))

    @cached_property
    def steckbrief_stand(self) -> dt.date | None:
        """``Ziel.steckbrief_stand``, from the list fields (the data stays pickled)."""
        return dt.date.fromordinal(self._stand) if self._stand else None

    @cached_property
    def auszug(self) -> Auszug:
        """``Ziel.auszug``, from the snapshot when it kept it (the data stays pickled then)."""
        if self._auszug:
            return Auszug._make(pickle.loads(self._auszug))
        return Ziel.auszug.func(self)  # type: ignore[attr-defined]

    def fluechtig(self) -> Ziel:
        """``Ziel.fluechtig``: the same goal with its data unpickled afresh into a plain Ziel,
        nothing of it kept here."""
        return Ziel(self.id, self.titel, self.amt, self.handlungsfeld, self.status, self.pfad,
                    self.ampel, self.leuchtturm, pickle.loads(self._roh))

    @cached_property
    def _kurz(self) -> tuple[object, ...]:
        """The values of ``KURZ`` from the snapshot's ``Auszug`` (which is not kept for it:
        its Kennzahlen and Maßnahmen are most of it); strings interned – 50,000 goals share a
        few dozen values."""
        auszug = pickle.loads(self._auszug)
        return tuple(_geteilt(auszug[Auszug._fields.index(name)]) for name in KURZ)

    def json_text(self) -> str:
        """The goal's JSON text, from the snapshot when it kept it (no unpickling then)."""
        return str(self._json, "utf-8") if self._json else super().json_text()

    def json_bytes(self) -> bytes:
        """The goal's JSON text in UTF-8, from the snapshot when it kept it."""
        return bytes(self._json) if self._json else super().json_bytes()

    def json_puffer(self) -> bytes | memoryview:
        """The goal's JSON text in UTF-8 as the snapshot's view when it kept it (no copy)."""
        return self._json or super().json_bytes()


def ziel_aus_cache(eintrag: Kopf, roh: bytes | memoryview, pfad: str,
                   json_bytes: bytes | memoryview = b"",
                   auszug: bytes | memoryview = b"") -> Ziel:
    """A Ziel from the parsed-goal cache; its data is unpickled on first use.

    Built without ``Ziel.__init__`` (a call with nine arguments per goal costs more than
    the rest of a warm load of 10,000 goals); the fields are the same.
    """
    ziel = object.__new__(ZielAusCache)
    ziel.__dict__.update(zip(_FELDER, (*eintrag[:5], pfad, *eintrag[5:7], None, roh,
                                        json_bytes, auszug, eintrag[7]), strict=True))
    return ziel


_FELDER = (*Ziel.FELDER, "_roh", "_json", "_auszug", "_stand")
"""ZielAusCache's fields in order."""
KURZ = ("art", "haushaltsneutral", "umsetzungsjahr", "raeume", "bezugsraeume", "phase",
        "liga", "aktionsbereiche")
"""What filters and the app's facets read of a goal besides its list fields: a goal from the
snapshot reads them from its ``Auszug`` and keeps only them (``ZielAusCache._kurz``), so that
facets over 50,000 goals unpickle no goal's data and keep little."""


def _geteilt(wert: object) -> object:
    """*wert* with its strings interned (a string, or a tuple of them)."""
    if isinstance(wert, str):
        return sys.intern(wert)
    if isinstance(wert, tuple) and all(isinstance(teil, str) for teil in wert):
        return tuple(sys.intern(teil) for teil in wert)
    return wert


def _aus_dem_auszug(name: str) -> property:
    """``Ziel.<name>`` for a goal from the cache: from ``_kurz`` when the snapshot kept its
    ``Auszug``, else as ``Ziel`` reads it."""
    aus_daten = getattr(Ziel, name).fget
    stelle = KURZ.index(name)

    def lies(ziel: ZielAusCache) -> object:
        return ziel._kurz[stelle] if ziel._auszug else aus_daten(ziel)

    return property(lies, doc=f"``Ziel.{name}``, from the snapshot's ``Auszug`` if it kept it.")


for _name in KURZ:
    setattr(ZielAusCache, _name, _aus_dem_auszug(_name))


def gitdir_von(verzeichnis: Path) -> Path | None:
    """The git directory of the work tree holding *verzeichnis* (without starting git)."""
    ordner = git_ordner(os.path.abspath(verzeichnis))
    return None if ordner is None else Path(ordner[1])


class ZielCache:
    """Validated goal data of earlier loads, stored under .git/strategie/ (never committed).

    Valid only for the same frame, field specification and program version; a goal is
    reused only for the same bytes (blob id) at the same path.
    """

    def __init__(self, verzeichnis: Path, rahmen_bytes: bytes) -> None:
        gitdir = gitdir_von(verzeichnis)
        kennung = sha1(
            f"{CACHE_VERSION}|{__version__}|{ZIEL!r}|{verzeichnis}".encode() + rahmen_bytes
        ).hexdigest()[:16]
        self.datei = gitdir / "strategie" / f"ziele-{kennung}.pickle" if gitdir else None
        self.eintraege: Eintraege = {}
        self.geaendert = False
        self.vorhanden = False
        """The cache file existed (an earlier load of this store with this frame)."""
        if self.datei is not None:
            with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, ValueError,
                                     AttributeError, TypeError):
                with open(self.datei, "rb") as datei:
                    geladen = pickle.load(datei)
                if isinstance(geladen, dict):
                    self.eintraege = geladen
                    self.vorhanden = True

    def hole(self, blob: str, relpfad: str) -> tuple[Kopf, bytes] | None:
        """The cached list fields and pickled data of this file version, if any."""
        eintrag = self.eintraege.get((blob, relpfad))
        if isinstance(eintrag, tuple) and len(eintrag) == 2 and isinstance(eintrag[1], bytes):
            return eintrag
        return None

    def merke(self, blob: str, relpfad: str, kopf: Kopf, daten: dict[str, Any] | bytes) -> None:
        """Remember a validated file version (its data, or the data already pickled)."""
        gepickelt = daten if isinstance(daten, bytes) else pickle.dumps(daten,
                                                                       pickle.HIGHEST_PROTOCOL)
        self.eintraege[(blob, relpfad)] = (kopf, gepickelt)
        self.geaendert = True

    def behalte_nur(self, schluessel: set[tuple[str, str]]) -> None:
        """Drop entries of file versions that are no longer in the store."""
        if len(schluessel) != len(self.eintraege) or not schluessel >= self.eintraege.keys():
            self.eintraege = {k: v for k, v in self.eintraege.items() if k in schluessel}
            self.geaendert = True

    def speichere(self) -> None:
        """Write the cache atomically if it changed (best effort: a cache may fail silently)."""
        if self.datei is None or not self.geaendert:
            return
        with contextlib.suppress(OSError):
            self.datei.parent.mkdir(exist_ok=True)
            temp = self.datei.with_suffix(f".{os.getpid()}.neu")
            with open(temp, "wb") as datei:
                pickle.dump(self.eintraege, datei, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, self.datei)
            self.geaendert = False
        if not self.geaendert:
            raeume_auf(self.datei)
