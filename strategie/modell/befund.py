"""Befund: one finding about a goal or frame file — file, line, field and a German message."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from strategie.modell.fehler import StrategieFehler as StrategieFehler  # re-exported


class Befund(NamedTuple):
    """A problem found in a store file; the file it names is left as it is."""

    pfad: Path
    """The file the finding is about (absolute)."""
    meldung: str
    """What is wrong, in German, for the person who edits the file."""
    zeile: int | None = None
    """1-based line where the problem can be located, if known."""
    feld: str | None = None
    """Dotted field path (``steckbrief.stand``, ``massnahmen.2.status``), if about one field."""
    konflikt: bool = False
    """The file holds both versions of an unfinished merge (conflict markers), not a typo."""
    weitere: int = 0
    """This Befund stands for so many more of the same file that are not listed one by one
    ('… und 1.980 weitere Befunde'; see ``kappe_befunde``)."""

    def als_zeile(self, basis: Path | None = None) -> str:
        """Render as ``path:line: message`` (compiler style), path relative to *basis* if inside."""
        pfad = anzeigepfad(self.pfad, basis)
        ort = f"{pfad}:{self.zeile}" if self.zeile else pfad
        feld = f"Feld '{self.feld}': " if self.feld else ""
        return f"{ort}: {feld}{self.meldung}"


def anzeigepfad(pfad: Path, basis: Path | None = None) -> str:
    """A path as a user should see it: relative to *basis* (default: cwd) when inside it."""
    basis = basis or Path.cwd()
    try:
        return os.path.relpath(pfad, basis) if pfad.is_relative_to(basis) else str(pfad)
    except ValueError:
        return str(pfad)


MAX_BEFUNDE_JE_DATEI = 20
"""How many Befunde of one file are listed; the rest are counted in one more."""


def kappe_befunde(befunde: Iterable[Befund], hoechstens: int = MAX_BEFUNDE_JE_DATEI
                  ) -> list[Befund]:
    """At most *hoechstens* Befunde per file, in their order, then one that counts the rest
    ('… und N weitere Befunde in dieser Datei', ``weitere`` = N); the total stays known
    (``anzahl_befunde``). A list of 100.000 wrong entries must not become 37 MB of output."""
    je_datei: dict[Path, int] = {}
    rest: dict[Path, int] = {}
    ergebnis: list[Befund] = []
    for befund in befunde:
        schon = je_datei.get(befund.pfad, 0)
        if schon < hoechstens:
            je_datei[befund.pfad] = schon + 1
            ergebnis.append(befund)
        else:
            rest[befund.pfad] = rest.get(befund.pfad, 0) + (befund.weitere or 1)
    for pfad, anzahl in rest.items():
        ergebnis.append(Befund(pfad, f"… und {anzahl:,} weitere Befunde in dieser Datei (nur die "
                                     f"ersten {hoechstens} sind aufgeführt)".replace(",", "."),
                               weitere=anzahl))
    return ergebnis


def anzahl_befunde(befunde: Iterable[Befund]) -> int:
    """How many Befunde *befunde* stand for, counting those a ``kappe_befunde`` summary holds."""
    return sum(b.weitere or 1 for b in befunde)


_OS_FEHLER = {
    errno.ENOSPC: "kein Speicherplatz mehr auf dem Datenträger",
    errno.EDQUOT: "Speicherkontingent erschöpft",
    errno.EFBIG: "Datei zu groß für das Dateisystem oder die erlaubte Größe",
    errno.EACCES: "keine Berechtigung",
    errno.EPERM: "Vorgang nicht erlaubt",
    errno.EROFS: "Dateisystem ist schreibgeschützt",
    errno.ENOENT: "nicht vorhanden",
    errno.EISDIR: "ist ein Ordner",
    errno.ENOTDIR: "ein Teil des Pfads ist eine Datei, kein Ordner",
    errno.EIO: "Ein-/Ausgabefehler des Datenträgers",
}


def os_fehlertext(fehler: OSError) -> str:
    """A German description of an operating-system error (disk full, permission …)."""
    return _OS_FEHLER.get(fehler.errno or 0) or fehler.strerror or str(fehler)
