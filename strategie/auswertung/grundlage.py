"""The basis of a report (store, commit, Stichtag, generation time): a print leads back to git."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from strategie.git.befehl import git_lauf
from strategie.git.repo import GitRepo
from strategie.modell.befund import StrategieFehler
from strategie.speicher.laden import Zielspeicher
from strategie.text.format import datum_de


@dataclass(frozen=True)
class Grundlage:
    """Where a report's numbers come from, stated on every report."""

    speicher: str
    """The store folder's absolute path."""
    commit: str | None
    """The commit the state was read from; for the working tree its HEAD (None: no git)."""
    stichtag: dt.date | None
    """The Stichtag asked for (None: the current state)."""
    erstellt: dt.datetime
    """When the report was generated (local time, with offset)."""
    arbeitskopie: bool
    """True when the goals were read from the working tree rather than from a commit."""
    ungespeichert: bool
    """The working tree's store differs from its commit (changes not yet committed)."""
    filter: str = ""
    """German description of the filter the report was limited to ('' = all goals)."""
    geteilt: bool | None = None
    """The commit is on a remote-tracking branch (shared with the others); False: only in
    this clone so far — a later sync gives it a new id (the old one stays findable, see
    ``strategie.team.sync``); None: no remote, or no commit."""

    @property
    def commit_kurz(self) -> str:
        """The short commit id, or '–'."""
        return self.commit[:8] if self.commit else "–"

    def zeile(self) -> str:
        """One German line for a page footer: store, commit, Stichtag, time of generation."""
        teile = [f"Zielspeicher {self.speicher}"]
        if self.commit:
            zusatz = ", mit nicht eingecheckten Änderungen" if self.ungespeichert else ""
            if self.geteilt is False:
                zusatz += ", noch nicht geteilt"
            teile.append(f"Commit {self.commit_kurz}{zusatz}")
        elif self.arbeitskopie:
            teile.append("ohne git-Verlauf")
        teile.append(f"Stichtag {datum_de(self.stichtag)}" if self.stichtag
                     else "aktueller Stand")
        teile.append(f"erstellt {self.erstellt:%d.%m.%Y %H:%M}")
        if self.filter:
            teile.append(f"Auswahl: {self.filter}")
        return " · ".join(teile)


def ermittle_grundlage(speicher: Zielspeicher, *, filter_text: str = "",
                       erstellt: dt.datetime | None = None) -> Grundlage:
    """The basis of a report on *speicher*: its commit, or HEAD and whether files changed since."""
    erstellt = erstellt or dt.datetime.now().astimezone()
    commit, ungespeichert = speicher.commit, False
    if commit is None:
        try:
            with GitRepo(speicher.verzeichnis) as repo:
                commit = repo.kopf()
                ungespeichert = bool(repo.pfadstatus([repo.relativ(speicher.verzeichnis)]))
        except (StrategieFehler, ValueError):
            commit = None  # not in a git repository, or one without commits
    return Grundlage(
        geteilt=_geteilt(speicher.verzeichnis, commit) if commit else None,
        speicher=str(speicher.verzeichnis),
        commit=commit,
        stichtag=speicher.stichtag,
        erstellt=erstellt.replace(microsecond=0),
        arbeitskopie=speicher.commit is None,
        ungespeichert=ungespeichert,
        filter=filter_text,
    )


def _geteilt(verzeichnis: Path, commit: str) -> bool | None:
    """Whether *commit* is on a remote-tracking branch; None if the clone has none."""
    try:
        fern = git_lauf(verzeichnis, "for-each-ref", "--count=1", "--format=%(refname)",
                        "refs/remotes")
        if not fern.ok or not fern.aus.strip():
            return None
        enthalten = git_lauf(verzeichnis, "for-each-ref", "--count=1", "--format=%(refname)",
                             "--contains", commit, "refs/remotes")
    except StrategieFehler:
        return None
    return bool(enthalten.aus.strip()) if enthalten.ok else None
