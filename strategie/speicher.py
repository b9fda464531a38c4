"""The goal store: find it, read every goal file from disk, validate, collect Befunde."""

from __future__ import annotations

import datetime as dt
import gc
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from strategie.befund import Befund, StrategieFehler, os_fehlertext
from strategie.cache import ZielCache, blob_id
from strategie.model import Ziel, ziel_aus_cache
from strategie.rahmen import RAHMEN_DATEI, Rahmen, lade_rahmen
from strategie.text.ordnung import natuerlich
from strategie.validierung import lade_ziel

UMGEBUNGSVARIABLE = "STRATEGIE_STORE"
STANDARD_ORDNER = "ziele"


@dataclass(frozen=True)
class Zielspeicher:
    """A store state: frame, valid goals and Befunde for the files that could not be read."""

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
    _nach_id: dict[str, Ziel] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_nach_id", {z.id: z for z in self.ziele})

    def ziel(self, ziel_id: str) -> Ziel | None:
        """The goal with this id (case-insensitive), or None."""
        return self._nach_id.get(ziel_id) or self._nach_id.get(ziel_id.upper())


def finde_speicher(angabe: str | os.PathLike[str] | None = None, start: Path | None = None) -> Path:
    """Locate the store: explicit path, else $STRATEGIE_STORE, else search upward from *start*."""
    if angabe is None:
        angabe = os.environ.get(UMGEBUNGSVARIABLE) or None
        herkunft = f"${UMGEBUNGSVARIABLE}"
    else:
        herkunft = "--store"
    if angabe is not None:
        pfad = Path(angabe).expanduser().resolve()
        for kandidat in (pfad, pfad / STANDARD_ORDNER):
            if (kandidat / RAHMEN_DATEI).is_file():
                return kandidat
        raise StrategieFehler(
            f"{herkunft} zeigt auf {pfad}, dort liegt aber kein Zielspeicher "
            f"(es fehlt die Rahmendatei {RAHMEN_DATEI}).")
    ort = (start or Path.cwd()).resolve()
    for verzeichnis in (ort, *ort.parents):
        for kandidat in (verzeichnis, verzeichnis / STANDARD_ORDNER):
            if (kandidat / RAHMEN_DATEI).is_file():
                return kandidat
    raise StrategieFehler(
        f"Kein Zielspeicher gefunden: weder in {ort} noch darüber liegt eine {RAHMEN_DATEI} "
        f"(oder {STANDARD_ORDNER}/{RAHMEN_DATEI}). Mit --store PFAD oder ${UMGEBUNGSVARIABLE} "
        "angeben, oder mit 'strategie init ORDNER' einen neuen Speicher anlegen.")


def sortiere_ziele(ziele: Iterable[Ziel], rahmen: Rahmen) -> tuple[Ziel, ...]:
    """Goals in frame order of their Amt, then by id with numbers compared as numbers."""
    rang = {a.kuerzel: i for i, a in enumerate(rahmen.aemter)}
    return tuple(sorted(ziele, key=lambda z: (rang.get(z.amt, len(rang)), natuerlich(z.id))))


@dataclass(frozen=True, slots=True)
class ImCache:
    """A goal file version the parsed-goal cache holds: its bytes need not be read."""

    blob: str


Quelldatei = tuple[str, bytes | Befund | ImCache]
"""(path relative to the store with ``/``, the file's bytes or a Befund why it can't be read)."""


def dateien_der_arbeitskopie(verzeichnis: Path) -> Iterator[Quelldatei]:
    """Yield every goal file under the store folder; refuse symlinks that leave the store."""
    wurzel = os.path.realpath(verzeichnis)
    stapel = [(wurzel, "")]
    while stapel:
        ordner, praefix = stapel.pop()
        with os.scandir(ordner) as eintraege:
            eintraege_sortiert = sorted(eintraege, key=lambda e: e.name, reverse=True)
        unterordner = []
        for eintrag in reversed(eintraege_sortiert):
            name = eintrag.name
            if name.startswith("."):
                continue
            relpfad = praefix + name
            if eintrag.is_symlink():
                befund = _symlink_befund(eintrag.path, wurzel)
                if befund is not None:
                    yield relpfad, befund
                    continue
            if eintrag.is_dir():
                unterordner.append((eintrag.path, relpfad + "/"))
            elif name.endswith(".toml") and not (praefix == "" and name == RAHMEN_DATEI):
                yield relpfad, _lies_datei(eintrag)
        stapel.extend(reversed(unterordner))


def signatur(verzeichnis: Path) -> tuple[int, int, int]:
    """(number, newest mtime, total size) of the store's TOML files: changes when any changes.

    Cheap enough to poll every few seconds (one stat per file) so that edits made outside the
    app – an editor, `git pull` – are noticed.
    """
    anzahl = neuestes = groesse = 0
    stapel = [str(verzeichnis)]
    while stapel:
        try:
            eintraege = list(os.scandir(stapel.pop()))
        except OSError:
            continue
        for eintrag in eintraege:
            if eintrag.name.startswith("."):
                continue
            try:
                if eintrag.is_dir(follow_symlinks=False):
                    stapel.append(eintrag.path)
                elif eintrag.name.endswith(".toml"):
                    info = eintrag.stat()
                    anzahl += 1
                    neuestes = max(neuestes, info.st_mtime_ns)
                    groesse += info.st_size
            except OSError:
                continue
    return anzahl, neuestes, groesse


def _symlink_befund(pfad: str, wurzel: str) -> Befund | None:
    ziel = os.path.realpath(pfad)
    if ziel == wurzel or ziel.startswith(wurzel + os.sep):
        if os.path.isdir(ziel):
            return Befund(Path(pfad), "Ordner ist ein Verweis (Symlink) innerhalb des Speichers; "
                                      "wird nicht doppelt gelesen")
        return None
    art = "Ordner ist ein Verweis" if os.path.isdir(ziel) else "Verweis"
    return Befund(Path(pfad), f"{art} (Symlink) zeigt aus dem Zielspeicher hinaus ({ziel}); "
                              "aus Sicherheitsgründen nicht gelesen")


def _lies_datei(eintrag: os.DirEntry[str]) -> bytes | Befund:
    try:
        if not eintrag.is_file():
            return Befund(Path(eintrag.path),
                          "Keine gewöhnliche Datei (oder Verweis ins Leere); nicht lesbar")
        with open(eintrag.path, "rb") as datei:
            return datei.read()
    except OSError as fehler:
        return Befund(Path(eintrag.path), f"Datei nicht lesbar: {os_fehlertext(fehler)}")


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
        for relpfad, inhalt in quellen:
            if isinstance(inhalt, Befund):
                befunde.append(inhalt)
                continue
            ziel: Ziel | None
            gefunden: list[Befund]
            if cache is not None:
                blob = inhalt.blob if isinstance(inhalt, ImCache) else blob_id(inhalt)
                schluessel = (blob, relpfad)
                gesehen.add(schluessel)
                treffer = cache.hole(*schluessel)
                if treffer is not None:
                    ziel, gefunden = ziel_aus_cache(*treffer, relpfad), []
                elif isinstance(inhalt, ImCache):
                    raise AssertionError(f"{relpfad}: Version {blob} nicht im Cache")
                else:
                    ziel, gefunden = lade_ziel(verzeichnis, relpfad, inhalt, rahmen,
                                               dateien_nach_id)
                    if ziel is not None:
                        cache.merke(*schluessel, ziel.kopf(), ziel.daten)
            else:
                assert not isinstance(inhalt, ImCache), "ImCache braucht einen Cache"
                ziel, gefunden = lade_ziel(verzeichnis, relpfad, inhalt, rahmen, dateien_nach_id)
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


def lade_speicher(verzeichnis: Path, *, cache: bool = True) -> Zielspeicher:
    """Read the store's frame and all goal files from the working tree.

    With *cache* (the default), goals validated in an earlier run are taken from the
    parsed-goal cache in .git/strategie/ when their bytes are unchanged.
    """
    verzeichnis = verzeichnis.resolve()
    rahmen = lade_rahmen(verzeichnis)
    zwischenspeicher = ZielCache(verzeichnis, rahmen.roh) if cache else None
    ziele, befunde = lade_aus_quellen(verzeichnis, rahmen, dateien_der_arbeitskopie(verzeichnis),
                                      zwischenspeicher)
    if zwischenspeicher is not None:
        zwischenspeicher.speichere()
    return Zielspeicher(verzeichnis, rahmen, ziele, befunde)
