"""Where a crashed change leaves traces — its journal, the lock files of a killed git — found
cheaply, so that a command which finds none never imports the recovery (``journal``)."""

from __future__ import annotations

import contextlib

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

    from strategie.git.befehl import Orte

DATEI = "journal.json"


def journaldatei(orte: Orte) -> Path:
    """Where the journal of a work tree lives."""
    return orte.gitdir / "strategie" / DATEI


def sperrdateien(orte: Orte) -> list[Path]:
    """The lock files a killed ``git commit`` can leave for this work tree (existing ones)."""
    kandidaten = [orte.gitdir / "index.lock", orte.gitdir / "HEAD.lock"]
    with contextlib.suppress(OSError):
        kandidaten += [p for p in orte.gitdir.iterdir()
                       if p.name.startswith("next-index-") and p.name.endswith(".lock")]
    with contextlib.suppress(OSError, UnicodeDecodeError):
        kopf = (orte.gitdir / "HEAD").read_text(encoding="utf-8").strip()
        if kopf.startswith("ref: refs/"):
            kandidaten.append(orte.gemeinsam / (kopf[5:] + ".lock"))
    return [p for p in kandidaten if p.exists()]


def reste_da(orte: Orte) -> bool:
    """A journal or a git lock file is there: recovery (``journal.erhole``) has work."""
    return journaldatei(orte).exists() or bool(sperrdateien(orte))
