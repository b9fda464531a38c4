"""Atomic file writes: temp file in the same folder, fsync, rename — never a half-written file."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from strategie.git.stoerung import stoere
from strategie.modell.befund import StrategieFehler, os_fehlertext


def schreibe_atomar(pfad: Path, inhalt: bytes | Iterable[bytes]) -> None:
    """Replace *pfad* with *inhalt* (bytes, or pieces of them written as they come) so that
    readers see either the old or the new file.

    On any failure the temp file is removed and the original stays as it was.
    """
    modus = None
    with contextlib.suppress(FileNotFoundError):
        modus = stat.S_IMODE(pfad.stat().st_mode)
    temp = ""
    try:
        stoere("temp")
        griff, temp = tempfile.mkstemp(dir=pfad.parent, prefix=f".{pfad.name}.", suffix=".neu")
        with os.fdopen(griff, "wb") as datei:
            stoere("schreiben")
            if isinstance(inhalt, bytes):
                datei.write(inhalt)
            else:
                datei.writelines(inhalt)
            datei.flush()
            stoere("fsync")
            os.fsync(datei.fileno())
        if modus is not None:
            os.chmod(temp, modus)
        stoere("umbenennen")
        os.replace(temp, pfad)
    except OSError as fehler:
        if temp:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise StrategieFehler(
            f"{pfad} konnte nicht geschrieben werden ({os_fehlertext(fehler)}); die Datei "
            "ist unverändert.") from None
    except BaseException:  # the pieces' maker failed, or Ctrl-C: no half-written temp file
        if temp:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise
    _fsync_ordner(pfad.parent)


def _fsync_ordner(ordner: Path) -> None:
    """Make the rename durable (best effort; not every file system supports it)."""
    with contextlib.suppress(OSError):
        griff = os.open(ordner, os.O_RDONLY)
        try:
            os.fsync(griff)
        finally:
            os.close(griff)
