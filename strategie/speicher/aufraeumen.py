"""Old cache and snapshot files under ``.git/strategie/``: only the newest few of each kind
stay, so that edits of the frame and upgrades (each a new file name) do not fill the disk."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

BEHALTEN = 4
"""Files of one kind that stay besides the one just written: those of other stores in the
same repository, or of a frame in use elsewhere. One removed too early is rebuilt, not lost."""
RESTE_ALTER_S = 600.0
"""Age at which a temporary file (``*.neu``) is a killed writer's leftover, not one at work."""


def raeume_auf(geschrieben: Path) -> None:
    """After *geschrieben* (``stand-``, ``frueher-``, ``ziele-….pickle``) was written: remove the
    files of its kind beyond the ``BEHALTEN`` newest others, and leftovers of killed writers.
    Best effort: what cannot be removed stays. A process still reading a removed snapshot
    keeps its mapping (Linux frees the file when it closes it)."""
    art = geschrieben.name.split("-", 1)[0] + "-"
    andere: list[tuple[float, str]] = []
    jetzt = time.time()
    with contextlib.suppress(OSError):
        for eintrag in os.scandir(geschrieben.parent):
            if not eintrag.name.startswith(art) or eintrag.name == geschrieben.name:
                continue
            with contextlib.suppress(OSError):
                geaendert = eintrag.stat().st_mtime
                if eintrag.name.endswith(".neu") and jetzt - geaendert > RESTE_ALTER_S:
                    os.unlink(eintrag.path)
                elif eintrag.name.endswith(".pickle"):
                    andere.append((geaendert, eintrag.path))
    for _, pfad in sorted(andere, reverse=True)[BEHALTEN:]:
        with contextlib.suppress(OSError):
            os.unlink(pfad)
