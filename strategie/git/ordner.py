"""Finding the git directories of the work tree around a folder, with ``os.path`` only (no
process, no ``pathlib``: the fetch begun before the parser uses it)."""

from __future__ import annotations

import os


def git_ordner(start: str) -> tuple[str, str, str] | None:
    """For the work tree around *start* (absolute): its top folder, its git directory
    (``.git``, or ``.git/worktrees/NAME`` for a worktree) and the directory shared by all
    its worktrees; None if *start* is in no work tree."""
    ordner = start
    while True:
        punkt_git = os.path.join(ordner, ".git")
        if os.path.isdir(punkt_git):
            return ordner, punkt_git, punkt_git
        if os.path.isfile(punkt_git):
            inhalt = _lies(punkt_git)
            if not inhalt.startswith("gitdir:"):
                return None
            gitdir = os.path.realpath(os.path.join(ordner, inhalt[7:].strip()))
            verweis = os.path.join(gitdir, "commondir")
            gemeinsam = gitdir
            if os.path.isfile(verweis):
                gemeinsam = os.path.realpath(os.path.join(gitdir, _lies(verweis)))
            return ordner, gitdir, gemeinsam
        oben = os.path.dirname(ordner)
        if oben == ordner:
            return None
        ordner = oben


def _lies(datei: str) -> str:
    with open(datei, encoding="utf-8", errors="replace") as inhalt:
        return inhalt.read().strip()
