"""The store as it was at a past commit or on a Stichtag, read from git objects (no checkout)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from strategie.befund import StrategieFehler
from strategie.format import datum_de
from strategie.gitlesen import commit_zum_stand, lies_baum, lies_blobs, loese_auf
from strategie.gitrepo import GitRepo
from strategie.rahmen import RAHMEN_DATEI, rahmen_aus_bytes
from strategie.speicher import Zielspeicher, lade_aus_quellen, lade_speicher


def lade_stand(verzeichnis: Path, *, stichtag: dt.date | None = None,
               rev: str | None = None) -> Zielspeicher:
    """The store at the last commit on or before *stichtag*, or at revision *rev*."""
    verzeichnis = verzeichnis.resolve()
    with GitRepo(verzeichnis) as repo:
        praefix = repo.relativ(verzeichnis) if verzeichnis != repo.wurzel else ""
        commit = (commit_zum_stand(repo, stichtag, rev or "HEAD") if stichtag
                  else loese_auf(repo, rev or "HEAD"))
        baum = lies_baum(repo, commit, praefix)
        if RAHMEN_DATEI not in baum:
            raise StrategieFehler(f"In Commit {commit[:8]} gibt es den Zielspeicher "
                                  f"{praefix or '.'}/ noch nicht.")
        goal_dateien = {rel: blob for rel, blob in baum.items()
                        if rel.endswith(".toml") and rel != RAHMEN_DATEI
                        and not any(t.startswith(".") for t in rel.split("/"))}
        inhalte = lies_blobs(repo, [baum[RAHMEN_DATEI], *goal_dateien.values()])
    rahmen = rahmen_aus_bytes(verzeichnis / RAHMEN_DATEI, inhalte[baum[RAHMEN_DATEI]])
    ziele, befunde = lade_aus_quellen(
        verzeichnis, rahmen, ((rel, inhalte[blob]) for rel, blob in sorted(goal_dateien.items())))
    quelle = (f"Stand {datum_de(stichtag)} (Commit {commit[:8]})" if stichtag
              else f"Commit {commit[:8]}" + (f" ({rev})" if rev and rev != commit else ""))
    return Zielspeicher(verzeichnis, rahmen, ziele, befunde, quelle, commit, stichtag)


def lade(verzeichnis: Path, *, stichtag: dt.date | None = None,
         rev: str | None = None) -> Zielspeicher:
    """The working tree, or the state on a Stichtag / at a revision if one is given."""
    if stichtag is None and rev is None:
        return lade_speicher(verzeichnis)
    return lade_stand(verzeichnis, stichtag=stichtag, rev=rev)
