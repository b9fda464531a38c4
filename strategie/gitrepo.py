"""Access to the git repository of a store, through git's command line (GitPython's repo.git)."""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType

import git

from strategie.befund import StrategieFehler

IDENTITAET_HILFE = (
    "Bitte einmalig Ihren Namen und Ihre E-Mail-Adresse für git hinterlegen:\n"
    '  git config --global user.name "Vorname Nachname"\n'
    '  git config --global user.email "name@example.org"')


def git_fehlertext(fehler: git.GitCommandError) -> str:
    """The useful part of a failed git command's output."""
    ausgabe = "\n".join(t.strip() for t in (fehler.stderr, fehler.stdout)
                        if isinstance(t, str) and t.strip())
    ausgabe = ausgabe.removeprefix("stderr: ").strip().strip("'").strip()
    return ausgabe or str(fehler)


class GitRepo:
    """A store's repository; one instance per thread, closed after use (``with GitRepo(p)``)."""

    def __init__(self, pfad: Path) -> None:
        try:
            self.repo = git.Repo(pfad, search_parent_directories=True)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError):
            raise StrategieFehler(
                f"{pfad} liegt in keinem git-Repository; Änderungen brauchen git als "
                "Verlauf. Mit 'git init' oder 'strategie init' anlegen.") from None
        if self.repo.working_tree_dir is None:
            raise StrategieFehler(f"{pfad} ist ein git-Repository ohne Arbeitskopie (bare).")
        self.wurzel = Path(self.repo.working_tree_dir).resolve()

    def __enter__(self) -> GitRepo:
        return self

    def __exit__(self, typ: type[BaseException] | None, wert: BaseException | None,
                 spur: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """End GitPython's helper processes (cat-file) of this repository."""
        self.repo.close()

    def git(self, *argumente: str, **optionen: object) -> str:
        """Run ``git ARGS`` in the work tree; failures become a StrategieFehler with git's text."""
        try:
            return str(self.repo.git.execute(["git", *argumente], **optionen))  # type: ignore[call-overload]
        except git.GitCommandError as fehler:
            raise StrategieFehler(
                f"git {argumente[0]} ist fehlgeschlagen: {git_fehlertext(fehler)}") from None

    def identitaet(self) -> tuple[str, str]:
        """The user's git identity (name, e-mail), or a German error saying how to set it."""
        name = os.environ.get("GIT_AUTHOR_NAME") or self._config("user.name")
        email = os.environ.get("GIT_AUTHOR_EMAIL") or self._config("user.email")
        if not name or not email:
            fehlt = " und ".join(t for t, w in (("Name", name), ("E-Mail", email)) if not w)
            raise StrategieFehler(f"Keine git-Identität: {fehlt} fehlt.\n{IDENTITAET_HILFE}")
        return name, email

    def _config(self, schluessel: str) -> str:
        try:
            return str(self.repo.git.config("--get", schluessel)).strip()
        except git.GitCommandError:
            return ""

    def relativ(self, pfad: Path) -> str:
        """A path inside the work tree as git names it (``ziele/sa/SA-03.toml``)."""
        return pfad.resolve().relative_to(self.wurzel).as_posix()
