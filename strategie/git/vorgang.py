"""Which git operation is unfinished in a work tree (rebase, merge, cherry-pick, revert, am,
bisect), read from the files git leaves in its directory, and who is on each side of it; and
whether HEAD is detached."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple


class Vorgang(NamedTuple):
    """An unfinished git operation."""

    art: str
    """'rebase', 'merge', 'cherry-pick', 'revert', 'am' or 'bisect'."""
    ihr_commit: str | None = None
    """The commit being merged in, picked or replayed (for a rebase: the local commit being
    replayed onto the upstream), if git says so."""
    angehalten: bool = False
    """Git stopped and waits (conflicts, or an edit); False while it is still running."""
    basis: str | None = None
    """For a rebase: the commit it replays onto (``onto``, the upstream)."""

    @property
    def name(self) -> str:
        """German name of the operation with the git command that finishes it."""
        return {"rebase": "git rebase", "merge": "git merge", "cherry-pick": "git cherry-pick",
                "revert": "git revert", "am": "git am", "bisect": "git bisect"}[self.art]

    @property
    def abschluss(self) -> str:
        """German: how to finish or abort it ('git rebase --continue … oder … --abort')."""
        if self.art == "bisect":
            return "die Fehlersuche mit git bisect reset beenden"
        if self.art == "merge":
            return ("die Konflikte lösen und mit git commit abschließen, oder abbrechen: "
                    "git merge --abort")
        return (f"die Konflikte lösen und mit {self.name} --continue fortsetzen, oder "
                f"abbrechen: {self.name} --abort")

    def meldung(self) -> str:
        """German refusal of a change while this operation is unfinished."""
        was = {"rebase": "ein git rebase", "merge": "eine Zusammenführung (git merge)",
               "cherry-pick": "ein git cherry-pick", "revert": "ein git revert",
               "am": "ein git am", "bisect": "eine Fehlersuche mit git bisect"}[self.art]
        return (f"In diesem Klon ist {was} nicht abgeschlossen. Eine Änderung jetzt käme in "
                f"diesen Vorgang und ginge beim Abbrechen verloren; daher wurde nichts "
                f"gespeichert. Bitte zuerst {self.abschluss} (git status zeigt den Stand), "
                "dann die Änderung wiederholen.")


def _erste_zeile(pfad: Path) -> str | None:
    try:
        return pfad.read_text(encoding="utf-8").split("\n", 1)[0].strip() or None
    except OSError:
        return None


def laufender_vorgang(gitdir: Path) -> Vorgang | None:
    """The operation git has not finished in the work tree with git directory *gitdir*."""
    rebase = gitdir / "rebase-merge"
    if rebase.is_dir():
        commit = _erste_zeile(gitdir / "REBASE_HEAD")
        if commit is None:
            erledigt = _letzte_zeile(rebase / "done")
            teile = (erledigt or "").split()
            commit = teile[1] if len(teile) > 1 else None
        return Vorgang("rebase", commit, angehalten=(gitdir / "REBASE_HEAD").is_file()
                       or (rebase / "stopped-sha").is_file(),
                       basis=_erste_zeile(rebase / "onto"))
    if (gitdir / "rebase-apply").is_dir():
        art = "am" if (gitdir / "rebase-apply" / "applying").is_file() else "rebase"
        return Vorgang(art, _erste_zeile(gitdir / "REBASE_HEAD"), angehalten=True,
                       basis=_erste_zeile(gitdir / "rebase-apply" / "onto"))
    for datei, art in (("MERGE_HEAD", "merge"), ("CHERRY_PICK_HEAD", "cherry-pick"),
                       ("REVERT_HEAD", "revert")):
        commit = _erste_zeile(gitdir / datei)
        if commit:
            return Vorgang(art, commit, angehalten=True)
    if (gitdir / "BISECT_START").is_file() or (gitdir / "BISECT_LOG").is_file():
        return Vorgang("bisect", angehalten=True)
    return None


def losgeloest(gitdir: Path) -> bool:
    """HEAD names a commit, not a branch (detached HEAD)."""
    kopf = _erste_zeile(gitdir / "HEAD")
    return kopf is not None and not kopf.startswith("ref:")


def _letzte_zeile(pfad: Path) -> str | None:
    try:
        zeilen = [z for z in pfad.read_text(encoding="utf-8").splitlines()
                  if z.strip() and not z.startswith("#")]
    except OSError:
        return None
    return zeilen[-1] if zeilen else None
