"""Access to the git repository of a store, through git's command line (GitPython's repo.git)."""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

import git

from strategie.modell.befund import StrategieFehler

SPERRE_WARTEN_S = 3.0
"""How long a commit waits for another git process's index.lock before giving up."""

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
            self._ohne_commit()
            raise StrategieFehler(f"git {_befehlsname(argumente)} ist fehlgeschlagen: "
                                  f"{git_fehlertext(fehler)}") from None

    def _ohne_commit(self) -> None:
        """After a failed git command: a clear message if the reason is that HEAD has no commit."""
        if subprocess.run(["git", "rev-parse", "--verify", "--quiet", "HEAD"], cwd=self.wurzel,
                          capture_output=True, check=False).returncode != 0:
            raise KeinCommit(
                f"Das Repository {self.wurzel} hat noch keinen Commit. Verlauf, frühere Stände "
                "und Rückgängig gibt es erst nach dem ersten Commit (z. B. 'git add -A' und "
                "'git commit', oder den Zielspeicher mit 'strategie init' anlegen).")

    def starte(self, *argumente: str) -> subprocess.Popen[bytes]:
        """Start a read-only git command in the background; collect it with ``ausgabe_von``."""
        return subprocess.Popen(["git", *argumente], cwd=self.wurzel, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)

    @staticmethod
    def ausgabe_von(prozess: subprocess.Popen[bytes]) -> tuple[int, bytes]:
        """Wait for a started command: (exit code, stdout)."""
        stdout, _ = prozess.communicate()
        return prozess.returncode, stdout

    def frage_identitaet(self) -> subprocess.Popen[bytes]:
        """Start reading user.name and user.email (see ``identitaet``)."""
        return self.starte("config", "--get-regexp", r"^user\.(name|email)$")

    def identitaet(self, prozess: subprocess.Popen[bytes] | None = None) -> tuple[str, str]:
        """The user's git identity (name, e-mail), or a German error saying how to set it."""
        _, ausgabe = self.ausgabe_von(prozess or self.frage_identitaet())
        konfig: dict[str, str] = {}
        for zeile in ausgabe.decode("utf-8", "replace").splitlines():
            schluessel, _, wert = zeile.partition(" ")
            konfig[schluessel] = wert.strip()
        name = os.environ.get("GIT_AUTHOR_NAME") or konfig.get("user.name", "")
        email = os.environ.get("GIT_AUTHOR_EMAIL") or konfig.get("user.email", "")
        if not name or not email:
            fehlt = " und ".join(t for t, w in (("Name", name), ("E-Mail", email)) if not w)
            raise StrategieFehler(f"Keine git-Identität: {fehlt} fehlt.\n{IDENTITAET_HILFE}")
        return name, email

    def frage_blobs_in_head(self, relpfade: Sequence[str]) -> subprocess.Popen[bytes]:
        """Start looking up the blob ids of paths in HEAD (see ``blobs_in_head``)."""
        return self.starte("ls-tree", "-z", "--full-tree", "HEAD", "--", *relpfade)

    def blobs_in_head(self, relpfade: Sequence[str],
                      prozess: subprocess.Popen[bytes] | None = None) -> dict[str, str]:
        """Blob ids of these paths in HEAD (paths not in HEAD are absent from the result)."""
        code, ausgabe = self.ausgabe_von(prozess or self.frage_blobs_in_head(relpfade))
        if code != 0:
            return {}  # no commit yet
        blobs = {}
        for eintrag in ausgabe.decode("utf-8").split("\0"):
            kopf, _, pfad = eintrag.partition("\t")
            if pfad:
                blobs[pfad] = kopf.split()[2]
        return blobs

    def relativ(self, pfad: Path) -> str:
        """A path inside the work tree as git names it (``ziele/sa/SA-03.toml``)."""
        return pfad.resolve().relative_to(self.wurzel).as_posix()

    def praefix(self, ordner: Path) -> str:
        """A folder inside the work tree as a path prefix: '' for the root, else ``relativ``."""
        return "" if ordner == self.wurzel else self.relativ(ordner)

    def pfadstatus(self, relpfade: Sequence[str]) -> dict[str, str]:
        """Two-letter `git status --porcelain` codes of the paths that differ from HEAD."""
        ausgabe = self.git("status", "--porcelain=v1", "-z", "--untracked-files=all", "--",
                           *relpfade, strip_newline_in_stdout=False)
        codes = {}
        for eintrag in ausgabe.split("\0"):
            if len(eintrag) > 3:
                codes[eintrag[3:]] = eintrag[:2]
        return codes

    def commit(self, relpfade: Sequence[str], nachricht: str, *, neue: Sequence[str] = ()) -> str:
        """Commit exactly these paths' working-tree content; returns the new commit id.

        Other staged changes stay staged (``--only``). Waits briefly while another git
        process holds the index lock. Raises CommitFehler with git's output (e.g. a hook's).
        """
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt",
                                         prefix="strategie-nachricht-", delete=False) as datei:
            datei.write(nachricht)
        try:
            if neue:
                self._mit_sperrwarten("add", "--", *neue)
            try:
                self._mit_sperrwarten("commit", "--quiet", "--only", "--cleanup=whitespace",
                                      "-F", datei.name, "--", *relpfade)
            except CommitFehler:
                if neue:
                    self._mit_sperrwarten("reset", "--quiet", "--", *neue)
                raise
        finally:
            os.unlink(datei.name)
        return self.kopf()

    def _mit_sperrwarten(self, *argumente: str) -> str:
        frist = time.monotonic() + SPERRE_WARTEN_S
        while True:
            try:
                return str(self.repo.git.execute(["git", *argumente]))
            except git.GitCommandError as fehler:
                text = git_fehlertext(fehler)
                if "index.lock" in text and time.monotonic() < frist:
                    time.sleep(0.1)
                    continue
                if "index.lock" in text:
                    raise CommitFehler(
                        "Ein anderer git-Prozess arbeitet gerade in diesem Repository "
                        f"(Sperrdatei index.lock, {SPERRE_WARTEN_S:g} s gewartet). Bitte gleich "
                        "noch einmal versuchen. Läuft sicher kein git-Programm mehr, darf die "
                        "Datei .git/index.lock gelöscht werden.", text) from None
                raise CommitFehler(f"git {argumente[0]} wurde abgelehnt:\n{text}", text) from None

    def kopf(self) -> str:
        """The commit id of HEAD (read from the ref files; git itself if they are packed)."""
        gitdir = Path(self.repo.git_dir)
        try:
            inhalt = (gitdir / "HEAD").read_text(encoding="utf-8").strip()
            if inhalt.startswith("ref: "):
                ref = inhalt[5:]
                for ort in (gitdir, Path(self.repo.common_dir)):
                    if (ort / ref).is_file():
                        return (ort / ref).read_text(encoding="utf-8").strip()
            elif len(inhalt) == 40:
                return inhalt
        except OSError:
            pass
        return str(self.repo.head.commit.hexsha)

    def lies_bytes(self, *argumente: str, eingabe: bytes | None = None) -> bytes:
        """Run a read-only git command and return its raw stdout (for batch reads)."""
        ergebnis = subprocess.run(["git", *argumente], cwd=self.wurzel, input=eingabe,
                                  capture_output=True, check=False)
        if ergebnis.returncode != 0:
            self._ohne_commit()
            meldung = ergebnis.stderr.decode("utf-8", "replace").strip()
            raise StrategieFehler(f"git {_befehlsname(argumente)} ist fehlgeschlagen: {meldung}")
        return ergebnis.stdout


def _befehlsname(argumente: Sequence[str]) -> str:
    """The git subcommand in an argument list ('log' in '-c core.quotePath=false log …')."""
    ueberspringen = False
    for argument in argumente:
        if ueberspringen:
            ueberspringen = False
        elif argument in ("-c", "-C"):
            ueberspringen = True
        elif not argument.startswith("-"):
            return argument
    return argumente[0] if argumente else ""


class KeinCommit(StrategieFehler):
    """The repository has no commit yet (HEAD is unborn)."""


class CommitFehler(StrategieFehler):
    """git refused a commit (hook, lock, identity …); *ausgabe* is git's own text."""

    def __init__(self, meldung: str, ausgabe: str) -> None:
        super().__init__(meldung)
        self.ausgabe = ausgabe
