"""A snapshot of the whole loaded store, keyed by the tree of the store folder in HEAD: a warm
load reads one file and asks git only which files differ.

The snapshot (``.git/strategie/stand-<kennung>.pickle``, never committed) holds every goal's
list fields, its data (pickled on its own), its ``Auszug`` (pickled on its own: what
summaries read) and its JSON text, and the Befunde, as a full load of the working tree
produced them when HEAD's tree of the store folder was ``baum``. The file is a small pickled
index (paths, list fields, where each goal's bytes lie) followed by all goals' data, then all
their Auszüge, then all their JSON texts. It is mapped into memory, so a load unpickles only
the index, and a goal's bytes are read (from the page cache) when something asks for them;
a command that reads one kind of them (``liste``: the JSON texts, ``bericht``: the Auszüge)
touches only that part of the file. A load asks git two questions at once: that tree now
(``rev-parse HEAD:./``) and the files that differ from it (``status``, untracked and ignored
files included). Files that differ, files
that changed between the snapshot's tree and HEAD's (``diff-tree``), and the files the
snapshot itself was not sure of are read and validated again; every other goal comes from
the snapshot. So the snapshot is never trusted over a changed file, and it is rebuilt
whenever it is missing, unreadable or of another program version.

Not sure (read again on every load until they settle) are: files git reported as differing
when the snapshot was written, files with Befunde, and files modified less than
``RUHE_S`` seconds before git was asked (a change in the same instant would be invisible to a
later ``git status`` comparison of times; git itself guards its index the same way).
Written as a temporary file and renamed, so concurrent processes see a whole snapshot or none.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import pickle
import struct
import subprocess
import time
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from strategie.git.blob import sha1
from strategie.modell.befund import Befund
from strategie.modell.feld import ZIEL
from strategie.modell.rahmen import Rahmen
from strategie.modell.ziel import Ziel
from strategie.speicher.ablage import ist_zieldatei
from strategie.speicher.aufraeumen import raeume_auf
from strategie.speicher.cache import CACHE_VERSION, Kopf, ZielAusCache, kopf, ziel_aus_cache
from strategie.version import __version__

SCHNAPPSCHUSS_VERSION = 6
"""Raise when the snapshot's content changes."""
_KOPF = struct.Struct("<8sQQ")
"""File header: magic, length of the pickled index, length of the bytes after it."""
_MAGIE = b"STRATSS5"
RUHE_S = 2.0
"""A file modified this shortly before git was asked is read again next time."""

Eintrag = tuple[str, Kopf, bytes | memoryview, bytes | memoryview, bytes | memoryview]
"""(path relative to the store, list fields, pickled data, pickled Auszug, JSON text in UTF-8)
of a goal; read from a snapshot, the byte strings are views into its mapped file."""


class Lage(NamedTuple):
    """The store folder in git right now: HEAD's tree of it, and the paths that differ."""

    baum: str
    abweichend: frozenset[str]
    """Paths relative to the store that git status reports (changed, new, deleted, ignored)."""
    gefragt: float
    """When git was asked (time.time())."""


def frage_lage(verzeichnis: Path) -> Lage | None:
    """Ask git (two processes at once) for the tree and the differing paths; None when git
    cannot say (no repository, no commit yet, a nested repository or ignored folder)."""
    gefragt = time.time()
    try:
        baum = subprocess.Popen(["git", "rev-parse", "--show-prefix", "HEAD:./"],
                                cwd=verzeichnis, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        status = subprocess.Popen(
            ["git", "--no-optional-locks", "status", "--porcelain=v1", "-z", "--no-renames",
             "--untracked-files=all", "--ignored=matching", "--", "."],
            cwd=verzeichnis, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL)
    except OSError:
        return None
    baum_aus, _ = baum.communicate()
    status_aus, _ = status.communicate()
    zeilen = os.fsdecode(baum_aus).splitlines()
    if baum.returncode or status.returncode or len(zeilen) != 2:
        return None
    praefix, baum_id = zeilen
    abweichend = set()
    for eintrag in os.fsdecode(status_aus).split("\0"):
        if len(eintrag) < 4:
            continue
        pfad = eintrag[3:]
        if pfad.endswith("/") or not pfad.startswith(praefix):
            return None  # a whole folder (nested repository, ignored folder): not file by file
        abweichend.add(pfad[len(praefix):])
    return Lage(baum_id, frozenset(abweichend), gefragt)


def geaendert_zwischen(verzeichnis: Path, alt: str, neu: str) -> set[str] | None:
    """Paths (relative to the store) that differ between two trees of the store folder."""
    ergebnis = subprocess.run(["git", "diff-tree", "-r", "-z", "--no-renames", "--name-only",
                               alt, neu], cwd=verzeichnis, capture_output=True,
                              stdin=subprocess.DEVNULL, check=False)
    if ergebnis.returncode:
        return None  # the old tree is gone (gc): rebuild
    return {p for p in os.fsdecode(ergebnis.stdout).split("\0") if p}


class Schnappschuss:
    """The snapshot file of one store with one frame (like the parsed-goal cache's key)."""

    def __init__(self, gitdir: Path, verzeichnis: Path, rahmen_bytes: bytes,
                 baum: str | None = None) -> None:
        """With *baum* (the tree id of the store folder in a commit): the snapshot of that
        fixed tree, for ``--stand``/``--rev`` (``frueher-….pickle``; the tree fixes the frame,
        so its bytes are not part of the name – *rahmen_bytes* may be empty)."""
        kennung = sha1(
            f"{SCHNAPPSCHUSS_VERSION}|{CACHE_VERSION}|{__version__}|{ZIEL!r}|{verzeichnis}"
            f"|{baum or ''}".encode() + (b"" if baum else rahmen_bytes)).hexdigest()[:16]
        art = "frueher" if baum else "stand"
        self.datei = gitdir / "strategie" / f"{art}-{kennung}.pickle"

    def lies(self) -> dict | None:
        """The stored snapshot, or None if there is none usable."""
        with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, ValueError,
                                 AttributeError, TypeError, IndexError, KeyError, struct.error):
            with open(self.datei, "rb") as datei:
                magie, index_laenge, daten_laenge = _KOPF.unpack(datei.read(_KOPF.size))
                if (magie != _MAGIE or os.fstat(datei.fileno()).st_size
                        != _KOPF.size + index_laenge + daten_laenge):
                    return None  # another format, or cut short: rebuilt
                inhalt = pickle.loads(datei.read(index_laenge))
                # The file is only ever replaced (rename), never changed in place: the mapping
                # keeps showing the bytes it was opened with.
                daten = (memoryview(mmap.mmap(datei.fileno(), 0, access=mmap.ACCESS_READ))
                         [_KOPF.size + index_laenge:] if daten_laenge else memoryview(b""))
            if not (isinstance(inhalt, dict) and inhalt.get("version") == SCHNAPPSCHUSS_VERSION
                    and isinstance(inhalt.get("ziele"), list)):
                return None
            r, a, j = inhalt["spalten"]
            ziele = []
            for pfad, kopfzeile, r_ende, a_ende, j_ende in inhalt["ziele"]:
                ziele.append((pfad, kopfzeile, daten[r:r_ende], daten[a:a_ende], daten[j:j_ende]))
                r, a, j = r_ende, a_ende, j_ende
            inhalt["ziele"] = ziele
            return inhalt
        return None

    def schreibe(self, baum: str, eintraege: list[Eintrag],
                 befunde: list[tuple[str, Befund]], unsicher: Iterable[str],
                 rahmen: bytes = b"") -> None:
        """Write atomically (temp file + rename); a snapshot that cannot be written is no error."""
        # Column by column (all data, all Auszüge, all JSON texts): a command that reads only
        # one kind touches only its pages of the mapping.
        spalten = []
        ende = [0, 0, 0]
        for spalte in range(3):
            spalten.append(sum(ende))
            ende[spalte] = sum(len(e[2 + spalte]) for e in eintraege)
        index = []
        r, a, j = spalten
        for pfad, kopfzeile, roh, auszug, json_bytes in eintraege:
            r, a, j = r + len(roh), a + len(auszug), j + len(json_bytes)
            index.append((pfad, kopfzeile, r, a, j))
        inhalt = pickle.dumps({"version": SCHNAPPSCHUSS_VERSION, "baum": baum, "ziele": index,
                               "spalten": tuple(spalten), "befunde": befunde,
                               "unsicher": sorted(set(unsicher)), "rahmen": rahmen},
                              protocol=pickle.HIGHEST_PROTOCOL)
        temp = self.datei.with_suffix(f".{os.getpid()}.neu")
        try:
            self.datei.parent.mkdir(exist_ok=True)
            with open(temp, "wb") as datei:
                datei.write(_KOPF.pack(_MAGIE, len(inhalt), sum(ende)))
                datei.write(inhalt)
                datei.writelines(roh for _, _, roh, _, _ in eintraege)
                datei.writelines(auszug for _, _, _, auszug, _ in eintraege)
                datei.writelines(json_bytes for _, _, _, _, json_bytes in eintraege)
            os.replace(temp, self.datei)
        except OSError:
            with contextlib.suppress(OSError):
                temp.unlink()
            return
        raeume_auf(self.datei)


def eintrag_von(ziel: Ziel) -> Eintrag:
    """A goal as the snapshot keeps it. What is made from its data (JSON text, Auszug) is
    made from a passing copy (``Ziel.fluechtig``): writing the snapshot of 50,000 goals does
    not leave each of them holding its unpickled data."""
    roh, auszug, json_bytes = ((ziel._roh, ziel._auszug, ziel._json)
                               if isinstance(ziel, ZielAusCache) else (b"", b"", b""))
    kopie = ziel if roh and auszug and json_bytes else ziel.fluechtig()
    return (ziel.pfad, kopf(ziel), roh or pickle.dumps(kopie.daten, pickle.HIGHEST_PROTOCOL),
            auszug or pickle.dumps(tuple(kopie.auszug), pickle.HIGHEST_PROTOCOL),
            bytes(json_bytes) if json_bytes else kopie.json_bytes())


def ziel_von(eintrag: Eintrag) -> Ziel:
    """A goal from the snapshot: data, Auszug and JSON text stay as stored until asked for."""
    relpfad, kopfzeile, roh, auszug, json_bytes = eintrag
    return ziel_aus_cache(kopfzeile, roh, relpfad, json_bytes, auszug)


def unruhig(verzeichnis: Path, relpfade: Iterable[str], gefragt: float) -> set[str]:
    """The paths among *relpfade* modified less than RUHE_S before *gefragt* (or unstat-able)."""
    grenze = gefragt - RUHE_S
    ergebnis = set()
    for relpfad in relpfade:
        try:
            if os.stat(verzeichnis / relpfad).st_mtime >= grenze:
                ergebnis.add(relpfad)
        except OSError:
            ergebnis.add(relpfad)
    return ergebnis


def nachgelesen(verzeichnis: Path, rahmen: Rahmen, relpfade: Iterable[str],
                alle_pfade: Iterable[str]
                ) -> tuple[dict[str, Ziel], dict[str, list[Befund]]] | None:
    """The changed goal files read and validated again (deleted ones are absent); None when one
    of them is a symlink (the full load decides what a link means)."""
    from strategie.speicher.validierung import lade_ziel  # a warm load without changes: not

    dateien_nach_id = {p.rpartition("/")[2].removesuffix(".toml"): p for p in alle_pfade}
    ziele: dict[str, Ziel] = {}
    befunde: dict[str, list[Befund]] = {}
    wurzel = os.path.realpath(verzeichnis)
    for relpfad in relpfade:
        if not ist_zieldatei(relpfad):
            continue
        pfad = os.path.join(wurzel, relpfad)
        if os.path.realpath(pfad) != os.path.normpath(pfad):
            return None
        try:
            with open(pfad, "rb") as datei:
                roh = datei.read()
        except FileNotFoundError:
            continue  # deleted
        except OSError:
            return None  # unreadable: the full load words the Befund
        ziel, gefunden = lade_ziel(verzeichnis, relpfad, roh, rahmen, dateien_nach_id)
        if ziel is not None:
            ziele[relpfad] = ziel
        if gefunden:
            befunde[relpfad] = gefunden
    return ziele, befunde


def befund_ordnung(relpfad: str) -> tuple[tuple[int, str], ...]:
    """The order in which a full load meets the files: in each folder its files (by name),
    then its subfolders (by name)."""
    teile = relpfad.split("/")
    return tuple((1, t) for t in teile[:-1]) + ((0, teile[-1]),)
