"""The store as it was at a past commit or on a Stichtag, read from git objects (no checkout)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Mapping
from pathlib import Path

from strategie.modell.befund import Befund, StrategieFehler
from strategie.modell.rahmen import Rahmen
from strategie.speicher.ablage import RAHMEN_DATEI, ist_zieldatei
from strategie.speicher.cache import ZielCache
from strategie.speicher.laden import (
    ImCache,
    Quelldatei,
    Zielspeicher,
    lade_aus_quellen,
    lade_speicher,
)
from strategie.speicher.rahmendatei import rahmen_aus_bytes
from strategie.text.format import datum_de


def lade_stand(verzeichnis: Path, *, stichtag: dt.date | None = None,
               rev: str | None = None) -> Zielspeicher:
    """The store at the last commit on or before *stichtag*, or at revision *rev*."""
    from strategie.git.objekte import commit_zum_stand, lies_baum, lies_blobs, loese_auf
    from strategie.git.repo import GitRepo  # here: a load of the working tree needs neither

    verzeichnis = verzeichnis.resolve()
    with GitRepo(verzeichnis) as repo:
        praefix = repo.praefix(verzeichnis)
        commit = (commit_zum_stand(repo, stichtag, rev or "HEAD") if stichtag
                  else loese_auf(repo, rev or "HEAD"))
        baum = lies_baum(repo, commit, praefix)
        if RAHMEN_DATEI not in baum:
            raise StrategieFehler(f"In Commit {commit[:8]} gibt es den Zielspeicher "
                                  f"{praefix or '.'}/ noch nicht.")
        goal_dateien = {rel: blob for rel, blob in baum.items() if ist_zieldatei(rel)}
        rahmen_roh = lies_blobs(repo, [baum[RAHMEN_DATEI]])[baum[RAHMEN_DATEI]]
        rahmen = rahmen_aus_bytes(verzeichnis / RAHMEN_DATEI, rahmen_roh)
        # versions validated before (most files are unchanged since) are not read again
        cache = ZielCache(verzeichnis, rahmen_roh)
        fehlend = [blob for rel, blob in goal_dateien.items() if cache.hole(blob, rel) is None]
        inhalte = lies_blobs(repo, fehlend)
    quellen: list[Quelldatei] = []
    for rel, blob in sorted(goal_dateien.items()):
        if cache.hole(blob, rel) is not None:
            quellen.append((rel, ImCache(blob)))
        elif blob in inhalte:
            quellen.append((rel, inhalte[blob]))
        else:
            quellen.append((rel, Befund(verzeichnis / rel,
                                        f"Das git-Objekt {blob[:8]} fehlt im Repository.")))
    ziele, befunde = lade_aus_quellen(verzeichnis, rahmen, quellen, cache, aufraeumen=False)
    if cache.vorhanden:
        cache.speichere()  # only where the working tree has a cache: no orphan files
    quelle = (f"Stand {datum_de(stichtag)} (Commit {commit[:8]})" if stichtag
              else f"Commit {commit[:8]}" + (f" ({rev})" if rev and rev != commit else ""))
    return Zielspeicher(verzeichnis, rahmen, ziele, befunde, quelle, commit, stichtag)


def lade(verzeichnis: Path, *, stichtag: dt.date | None = None, rev: str | None = None,
         vorauswahl: Callable[[Rahmen], Mapping[str, Collection[object]]] | None = None
         ) -> Zielspeicher:
    """The working tree, or the state on a Stichtag / at a revision if one is given.

    *vorauswahl*: see ``lade_speicher`` (only the working tree makes use of it).
    """
    if stichtag is None and rev is None:
        return lade_speicher(verzeichnis, vorauswahl=vorauswahl)
    return lade_stand(verzeichnis, stichtag=stichtag, rev=rev)
