"""Whether changes can be committed in a store here, and if not, why (for a read-only banner)."""

from __future__ import annotations

from pathlib import Path

from strategie.git.repo import GitRepo
from strategie.modell.befund import StrategieFehler


def grund_nur_lesen(verzeichnis: Path) -> str | None:
    """None if changes can be committed; otherwise a German reason and what to do about it."""
    try:
        with GitRepo(verzeichnis) as repo:
            repo.identitaet()
    except StrategieFehler as fehler:
        return fehler.meldung
    return None
