"""Access to the git repository of a store, through git's command line (one subprocess each)."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import NoReturn

from strategie.git.befehl import Lauf
from strategie.git.stoerung import stoere
from strategie.modell.befund import StrategieFehler

SPERRE_WARTEN_S = 3.0
"""How long a commit waits for another git process's index.lock before giving up."""

IDENTITAET_HILFE = (
    "Bitte einmalig Ihren Namen und Ihre E-Mail-Adresse für git hinterlegen:\n"
    '  git config --global user.name "Vorname Nachname"\n'
    '  git config --global user.email "name@example.org"')



PROZESSMARKE = "STRATEGIE_PROZESS"
"""Set to this process's id in the environment of every git started here (and so of its hooks
and helpers): crash recovery (``aendern.journal``) tells a killed writer's own git by it."""


def _umgebung() -> dict[str, str]:
    """The environment with git's own messages in English, so the ones we recognise
    (index.lock …) are matched, and the process marker; read at each call (tests and callers
    set GIT_* variables)."""
    return {**os.environ, "LANGUAGE": "C", "LC_ALL": "C", PROZESSMARKE: str(os.getpid())}


def git_fehlertext(lauf: Lauf) -> str:
    """The useful part of a failed git command's output."""
    return lauf.meldung or f"Exit-Code {lauf.code}"


class GitRepo:
    """A store's repository (``with GitRepo(p)``); every call is one ``git`` process."""

    def __init__(self, pfad: Path) -> None:
        ort = pfad.parent if pfad.is_file() else pfad
        try:
            ergebnis = subprocess.run(
                ["git", "rev-parse", "--path-format=absolute", "--show-toplevel", "--git-dir",
                 "--git-common-dir"], cwd=ort, capture_output=True, stdin=subprocess.DEVNULL,
                env=_umgebung(), check=False)
        except OSError:
            ergebnis = None  # the folder does not exist (or git is missing: said below)
        if ergebnis is None or ergebnis.returncode != 0:
            self._kein_repo(pfad, ort, ergebnis)
        zeilen = ergebnis.stdout.decode("utf-8", "surrogateescape").splitlines()
        self.wurzel = Path(zeilen[0]).resolve()
        self.gitdir = Path(zeilen[1])
        self.gemeinsam = Path(zeilen[2])

    @staticmethod
    def _kein_repo(pfad: Path, ort: Path,
                   ergebnis: subprocess.CompletedProcess[bytes] | None) -> NoReturn:
        text = b"" if ergebnis is None else ergebnis.stderr
        if b"must be run in a work tree" in text:
            raise StrategieFehler(f"{pfad} ist ein git-Repository ohne Arbeitskopie (bare).")
        if ergebnis is None and ort.is_dir():
            raise StrategieFehler("git lässt sich nicht starten; ist git installiert?")
        raise StrategieFehler(
            f"{pfad} liegt in keinem git-Repository; Änderungen brauchen git als "
            "Verlauf. Mit 'git init' oder 'strategie init' anlegen.")

    def __enter__(self) -> GitRepo:
        return self

    def __exit__(self, typ: type[BaseException] | None, wert: BaseException | None,
                 spur: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Nothing to end: no helper process outlives a call (kept for ``with``)."""

    def lauf(self, *argumente: str, eingabe: bytes | None = None) -> Lauf:
        """Run ``git ARGS`` in the work tree (English messages); never raises for exit codes."""
        befehl = ["git", *argumente]
        if eingabe is None:  # no stdin at all: a hook or editor must not wait for input
            ergebnis = subprocess.run(befehl, cwd=self.wurzel, stdin=subprocess.DEVNULL,
                                      capture_output=True, env=_umgebung(), check=False)
        else:
            ergebnis = subprocess.run(befehl, cwd=self.wurzel, input=eingabe,
                                      capture_output=True, env=_umgebung(), check=False)
        return Lauf(ergebnis.returncode, ergebnis.stdout.decode("utf-8", "replace"),
                    ergebnis.stderr.decode("utf-8", "replace"))

    def git(self, *argumente: str, strip_newline_in_stdout: bool = True) -> str:
        """Run ``git ARGS`` in the work tree; failures become a StrategieFehler with git's text.

        Returns stdout; one trailing newline is removed unless *strip_newline_in_stdout* is off.
        """
        ergebnis = self.lauf(*argumente)
        if not ergebnis.ok:
            self._ohne_commit()
            raise StrategieFehler(f"git {_befehlsname(argumente)} ist fehlgeschlagen: "
                                  f"{git_fehlertext(ergebnis)}")
        aus = ergebnis.aus
        return aus[:-1] if strip_newline_in_stdout and aus.endswith("\n") else aus

    def _ohne_commit(self) -> None:
        """After a failed git command: a clear message if the reason is that HEAD has no commit."""
        if not self._hat_commit():
            raise KeinCommit(
                f"Das Repository {self.wurzel} hat noch keinen Commit. Verlauf, frühere Stände "
                "und Rückgängig gibt es erst nach dem ersten Commit (z. B. 'git add -A' und "
                "'git commit', oder den Zielspeicher mit 'strategie init' anlegen).")

    def _hat_commit(self) -> bool:
        return subprocess.run(["git", "rev-parse", "--verify", "--quiet", "HEAD"],
                              cwd=self.wurzel, capture_output=True, stdin=subprocess.DEVNULL,
                              check=False).returncode == 0

    def starte(self, *argumente: str) -> subprocess.Popen[bytes]:
        """Start a read-only git command in the background; collect it with ``ausgabe_von``."""
        return subprocess.Popen(["git", *argumente], cwd=self.wurzel, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)

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
            fehlend = [t for t, w in (("Name", name), ("E-Mail", email)) if not w]
            verb = "fehlen" if len(fehlend) > 1 else "fehlt"
            raise StrategieFehler(
                f"Keine git-Identität: {' und '.join(fehlend)} {verb}.\n{IDENTITAET_HILFE}")
        return name, email

    def frage_blobs_in_head(self, relpfade: Sequence[str]) -> subprocess.Popen[bytes]:
        """Start looking up the blob ids of paths in HEAD (see ``blobs_in_head``)."""
        return self.starte("--literal-pathspecs", "ls-tree", "-z", "--full-tree", "HEAD", "--",
                           *relpfade)

    def frage_index(self, relpfade: Sequence[str]) -> subprocess.Popen[bytes]:
        """Start listing which of these paths the index holds (see ``im_index``)."""
        return self.starte("--literal-pathspecs", "ls-files", "-z", "--full-name", "--",
                           *relpfade)

    def im_index(self, prozess: subprocess.Popen[bytes]) -> set[str]:
        """The paths of a started ``frage_index`` that are in the index."""
        _, ausgabe = self.ausgabe_von(prozess)
        return {p for p in ausgabe.decode("utf-8", "replace").split("\0") if p}

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
        ausgabe = self.git("--literal-pathspecs", "status", "--porcelain=v1", "-z",
                           "--untracked-files=all", "--",
                           *relpfade, strip_newline_in_stdout=False)
        codes = {}
        for eintrag in ausgabe.split("\0"):
            if len(eintrag) > 3:
                codes[eintrag[3:]] = eintrag[:2]
        return codes

    def commit(self, relpfade: Sequence[str], nachricht: str, *, neue: Sequence[str] = ()) -> str:
        """Commit exactly these paths' working-tree content; returns the new commit id.

        Other staged changes stay staged (``--only``); paths are literal, never patterns; the
        message goes to git on stdin. Waits briefly while another git process holds the index
        lock. Raises CommitFehler with git's output (e.g. a hook's).
        """
        if neue:
            stoere("git-add")
            self._mit_sperrwarten("add", "--", *neue)
        try:
            stoere("git-commit")
            self._mit_sperrwarten("commit", "--quiet", "--only", "--cleanup=whitespace",
                                  "-F", "-", "--", *relpfade, eingabe=nachricht.encode("utf-8"))
        except BaseException:
            if neue:
                self._mit_sperrwarten("reset", "--quiet", "--", *neue)
            raise
        stoere("nachpruefung")
        return self.kopf()

    def _mit_sperrwarten(self, *argumente: str, eingabe: bytes | None = None) -> str:
        frist = time.monotonic() + SPERRE_WARTEN_S
        while True:
            ergebnis = self.lauf("--literal-pathspecs", *argumente, eingabe=eingabe)
            if ergebnis.ok:
                return ergebnis.aus
            text = git_fehlertext(ergebnis)
            if "index.lock" in text and "File exists" in text:
                if time.monotonic() < frist:
                    time.sleep(0.05)
                    continue
                raise CommitFehler(
                    "Ein anderer git-Prozess arbeitet gerade in diesem Repository "
                    f"(Sperrdatei index.lock, {SPERRE_WARTEN_S:g} s gewartet). Bitte gleich "
                    "noch einmal versuchen. Läuft sicher kein git-Programm mehr, darf die "
                    "Datei .git/index.lock gelöscht werden.", text)
            if "index.lock" in text or "Permission denied" in text or "Read-only" in text:
                raise CommitFehler(
                    f"git {argumente[0]} kann das git-Verzeichnis nicht beschreiben "
                    f"(Schreibrechte?); nichts wurde gespeichert. git meldet: {text}", text)
            raise CommitFehler(f"git {argumente[0]} wurde abgelehnt:\n{text}", text)

    def kopf(self) -> str:
        """The commit id of HEAD (read from the ref files; git itself if they are packed).

        Raises ValueError while HEAD has no commit yet.
        """
        try:
            inhalt = (self.gitdir / "HEAD").read_text(encoding="utf-8").strip()
            if inhalt.startswith("ref: "):
                ref = inhalt[5:]
                for ort in (self.gitdir, self.gemeinsam):
                    if (ort / ref).is_file():
                        return (ort / ref).read_text(encoding="utf-8").strip()
            elif len(inhalt) == 40:
                return inhalt
        except OSError:
            pass
        ergebnis = self.lauf("rev-parse", "--verify", "--quiet", "HEAD^{commit}")
        if not ergebnis.ok:
            raise ValueError(f"HEAD in {self.wurzel} hat noch keinen Commit")
        return ergebnis.aus.strip()

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
