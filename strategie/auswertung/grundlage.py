"""The basis of a report (store, commit, Stichtag, generation time): a print leads back to git.

A report for the public names the store by its name and its folder in the repository, not by
the path on the machine that made it; ``lang`` (``--grundlage lang``) adds the local path and
the full commit id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from strategie.modell.befund import Befund, StrategieFehler, anzeigepfad
from strategie.text.format import datum_de

if TYPE_CHECKING:
    from strategie.speicher.laden import Zielspeicher

GRUNDLAGEN = ("kurz", "lang")
"""How much of the basis a report prints (``--grundlage``)."""


@dataclass(frozen=True)
class Grundlage:
    """Where a report's numbers come from, stated on every report."""

    speicher: str
    """The store's name from its frame ('Sozialstrategie Landkreis Konstanz')."""
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
    ordner: str = ""
    """The store folder relative to its repository ('ziele'; '' = the repository itself or,
    without git, the folder's name)."""
    pfad: str = ""
    """The store folder's absolute path on this machine (printed only when ``lang``)."""
    lang: bool = False
    """Print the local path and the full commit id (``--grundlage lang``)."""

    @property
    def commit_kurz(self) -> str:
        """The short commit id, or '–'."""
        return self.commit[:8] if self.commit else "–"

    @property
    def commit_text(self) -> str:
        """The commit id as the report prints it: short, or in full with ``lang``."""
        return (self.commit or "–") if self.lang else self.commit_kurz

    @property
    def ort(self) -> str:
        """Where the store is: 'Ordner ziele', with ``lang`` its path on this machine."""
        if self.lang and self.pfad:
            return self.pfad
        return f"Ordner {self.ordner}" if self.ordner else ""

    def zeile(self) -> str:
        """One German line for a page footer: store, commit, Stichtag, time of generation."""
        teile = [f"Zielspeicher {self.speicher}" + (f", {self.ort}" if self.ort else "")]
        if self.commit:
            zusatz = ", mit nicht eingecheckten Änderungen" if self.ungespeichert else ""
            if self.geteilt is False:
                zusatz += ", noch nicht geteilt"
            teile.append(f"Commit {self.commit_text}{zusatz}")
        elif self.arbeitskopie:
            teile.append("ohne git-Verlauf")
        teile.append(f"Stichtag {datum_de(self.stichtag)}" if self.stichtag
                     else "aktueller Stand")
        teile.append(f"erstellt {self.erstellt:%d.%m.%Y %H:%M}")
        if self.filter:
            teile.append(f"Auswahl: {self.filter}")
        return " · ".join(teile)

    def datei(self, pfad: Path) -> str:
        """A file of the store as a report names it: relative to the store folder."""
        return anzeigepfad(pfad, Path(self.pfad))

    def befundzeile(self, befund: Befund) -> str:
        """A Befund as 'datei:zeile: Meldung', the file relative to the store folder."""
        return befund.als_zeile(Path(self.pfad))

    def befundzeilen(self, befunde: Iterable[Befund]) -> list[str]:
        """The unreadable goal files as 'datei:zeile: Meldung', each once, sorted."""
        return sorted({self.befundzeile(b) for b in befunde})


def ermittle_grundlage(speicher: Zielspeicher, *, filter_text: str = "",
                       erstellt: dt.datetime | None = None, lang: bool = False) -> Grundlage:
    """The basis of a report on *speicher*: its commit, or HEAD and whether files changed since."""
    erstellt = erstellt or dt.datetime.now().astimezone()
    commit, ungespeichert = speicher.commit, False
    verzeichnis = Path(speicher.verzeichnis).resolve()
    ordner = verzeichnis.name
    from strategie.git.repo import GitRepo  # not needed to name the choices of --grundlage

    try:
        with GitRepo(verzeichnis) as repo:
            ordner = repo.praefix(verzeichnis)
            if commit is None:
                commit = repo.kopf()
                ungespeichert = bool(repo.pfadstatus([repo.relativ(verzeichnis)]))
    except (StrategieFehler, ValueError):
        pass  # not in a git repository, or one without commits
    return Grundlage(
        geteilt=_geteilt(verzeichnis, commit) if commit else None,
        speicher=speicher.rahmen.name or verzeichnis.name,
        commit=commit,
        stichtag=speicher.stichtag,
        erstellt=erstellt.replace(microsecond=0),
        arbeitskopie=speicher.commit is None,
        ungespeichert=ungespeichert,
        filter=filter_text,
        ordner=ordner,
        pfad=str(verzeichnis),
        lang=lang,
    )


def _geteilt(verzeichnis: Path, commit: str) -> bool | None:
    """Whether *commit* is on a remote-tracking branch; None if the clone has none."""
    from strategie.git.befehl import git_lauf

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
