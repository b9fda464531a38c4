"""The store as it was at a past commit or on a Stichtag, read from git objects (no checkout)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from strategie.modell.befund import Befund, StrategieFehler
from strategie.modell.rahmen import Rahmen
from strategie.speicher.ablage import RAHMEN_DATEI, ist_zieldatei
from strategie.speicher.cache import ZielCache, gitdir_von
from strategie.speicher.laden import (
    ImCache,
    Quelldatei,
    Zielspeicher,
    lade_aus_quellen,
    lade_speicher,
)
from strategie.speicher.rahmendatei import rahmen_aus_bytes
from strategie.speicher.schnappschuss import Schnappschuss, eintrag_von, ziel_von
from strategie.text.format import datum_de

if TYPE_CHECKING:
    from strategie.git.repo import GitRepo


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
        quelle = (f"Stand {datum_de(stichtag)} (Commit {commit[:8]})" if stichtag
                  else f"Commit {commit[:8]}" + (f" ({rev})" if rev and rev != commit else ""))
        fest = _schnappschuss_des_baums(repo, verzeichnis, commit, praefix)
        if fest is not None and (gespeichert := fest.lies()) is not None:
            return Zielspeicher(
                verzeichnis, rahmen_aus_bytes(verzeichnis / RAHMEN_DATEI, gespeichert["rahmen"]),
                tuple(ziel_von(e) for e in gespeichert["ziele"]),
                tuple(b for _, b in gespeichert["befunde"]), quelle, commit, stichtag)
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
        if fest is not None and all(b.pfad.is_relative_to(verzeichnis) for b in befunde):
            eintraege = [eintrag_von(z) for z in ziele]
            fest.schreibe(fest.baum, eintraege,
                          [(b.pfad.relative_to(verzeichnis).as_posix(), b) for b in befunde],
                          (), rahmen=rahmen_roh)
            ziele = tuple(ziel_von(e) for e in eintraege)  # their JSON texts, Auszüge made once
    return Zielspeicher(verzeichnis, rahmen, ziele, befunde, quelle, commit, stichtag)


class _FesterSchnappschuss(Schnappschuss):
    """The snapshot of the store folder's tree in one commit, and that tree's id."""

    def __init__(self, gitdir: Path, verzeichnis: Path, baum: str) -> None:
        super().__init__(gitdir, verzeichnis, b"", baum)
        self.baum = baum


def _schnappschuss_des_baums(repo: GitRepo, verzeichnis: Path, commit: str,
                             praefix: str) -> _FesterSchnappschuss | None:
    """The snapshot of the store folder as *commit* has it: a past state never changes, so
    the second report as of the same Stichtag reads one file instead of 10,000 cache entries
    and JSON texts (written only where the working tree has a cache, like the cache). None
    where the folder is not a tree there, or the git directory is not known."""
    gitdir = gitdir_von(verzeichnis)
    try:
        baum = repo.lies_bytes("rev-parse", "--verify", "--quiet",
                               f"{commit}:{praefix}").decode().strip()
    except StrategieFehler:
        return None
    return _FesterSchnappschuss(gitdir, verzeichnis, baum) if gitdir and baum else None


def lade(verzeichnis: Path, *, stichtag: dt.date | None = None, rev: str | None = None,
         vorauswahl: Callable[[Rahmen], Mapping[str, Collection[object]]] | None = None
         ) -> Zielspeicher:
    """The working tree, or the state on a Stichtag / at a revision if one is given.

    *vorauswahl*: see ``lade_speicher`` (only the working tree makes use of it).
    """
    if stichtag is None and rev is None:
        return lade_speicher(verzeichnis, vorauswahl=vorauswahl)
    return lade_stand(verzeichnis, stichtag=stichtag, rev=rev)
