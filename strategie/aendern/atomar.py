"""Atomic file writes: temp file in the same folder, fsync, rename — never a half-written file."""

from __future__ import annotations

import contextlib
import os
import stat
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
        griff, temp = _neue_tempdatei(pfad)
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


def _neue_tempdatei(pfad: Path) -> tuple[int, str]:
    """A new file ``.<name>.<random>.neu`` beside *pfad*, opened for writing, mode 0600 (as
    ``tempfile.mkstemp``, whose import costs an edit more than this does)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        temp = os.path.join(pfad.parent, f".{pfad.name}.{os.urandom(6).hex()}.neu")
        try:
            return os.open(temp, flags, 0o600), temp
        except FileExistsError:
            continue
    raise FileExistsError(f"keine freie temporäre Datei neben {pfad}")


def _fsync_ordner(ordner: Path) -> None:
    """Make the rename durable (best effort; not every file system supports it)."""
    with contextlib.suppress(OSError):
        griff = os.open(ordner, os.O_RDONLY)
        try:
            os.fsync(griff)
        finally:
            os.close(griff)
