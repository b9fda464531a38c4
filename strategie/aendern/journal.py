"""Crash recovery of the edit path: a journal written before the first file write.

``.git/strategie/journal.json`` names, for one change in progress, each file with its old
content and the id of its new content, HEAD before the change and the intended commit
message. It is written atomically before the first goal file is touched and removed after the
commit. If the process dies in between (kill -9, power loss), the journal is left behind, and
the next command that writes (or ``strategie pruefen``, or the app's loader) finds it and
settles the change — under the write lock, so never while the writer is still alive:

- HEAD already has the commit (the files equal HEAD, HEAD moved): the change is complete; only
  the journal (and an index left behind by a killed git) is tidied up.
- The commit is missing: the change is **undone** — every file that still holds exactly the
  new content gets its old content back (a new file is removed and unstaged). A file someone
  changed since is left alone and named. Why undo and not commit: the user was never told
  "Gespeichert" for this change; completing it would create a commit nobody confirmed, with a
  message and identity from a process that no longer exists, past hooks that never ran. After
  the undo the store is exactly as the user last saw it saved, and the edit can be repeated.

A writer killed alone (not its process group) can leave its ``git commit`` running: the
write lock dies with the writer, the orphaned git goes on and may still make the commit.
Before a journal is settled, recovery therefore waits while a git the crashed writer started
still runs — told by the marker ``git.repo.PROZESSMARKE`` (the writer's process id) in its
environment, so that nobody else's git (a pager, an editor open for ``git commit``) counts —
10 seconds in the edit path, 3 in ``pruefen`` and the app; if it is still there then, nothing
is touched and the message names it (GitArbeitetNoch). Only then is it decided whether the
commit happened.

Debris is removed too: the edit path's own temp files (``.<Datei>.*.neu`` next to the files
of the journal), and the lock files a killed git leaves (``index.lock``, ``next-index-*.lock``
of ``git commit --only``, ``HEAD.lock``, the checked-out branch's ``refs/heads/….lock``) —
only when no git process works in any work tree of the repository or its git directory (on
Linux: no process named git with its working directory there, read from /proc, and none whose
directory cannot be read – counting only processes of the lock file's owner, as another user's
git cannot have made it; elsewhere: the lock is older than ten minutes) and the lock file has
not changed for two seconds, while this process holds the store's write lock (so no strategie
writer runs). A ``git commit`` the user has open in an editor keeps its locks.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from strategie.aendern.atomar import schreibe_atomar
from strategie.aendern.reste import DATEI, journaldatei, reste_da, sperrdateien
from strategie.aendern.sperre import Gesperrt, schreibsperre
from strategie.git.befehl import Orte, finde_orte, git_lauf
from strategie.git.blob import blob_id
from strategie.git.repo import PROZESSMARKE
from strategie.modell.befund import StrategieFehler, os_fehlertext

INDEXSPERRE_ALTER_S = 2.0
"""How long git's index.lock must be unchanged, with no git process in the work tree, to be
taken for a leftover."""
OHNE_PROC_ALTER_S = 600.0
"""Without /proc (not Linux): the age at which a leftover index.lock is removed."""


class Eintrag(NamedTuple):
    """One file of a change in progress."""

    pfad: str
    """Relative to the repository root."""
    alt: bytes | None
    """The content before the change (None: the file is new)."""
    neu: bytes


def schreibe_journal(orte: Orte, eintraege: Sequence[Eintrag], kopf: str,
                     nachricht: str) -> None:
    """Write the journal atomically (temp file, fsync, rename) before the first file write."""
    daten = {
        "pid": os.getpid(), "kopf": kopf, "nachricht": nachricht, "zeit": time.time(),
        "dateien": [{"pfad": e.pfad, "neu": blob_id(e.neu),
                     "alt": None if e.alt is None else base64.b64encode(e.alt).decode("ascii")}
                    for e in eintraege],
    }
    ziel = journaldatei(orte)
    temp = ziel.with_name(f".{DATEI}.{os.getpid()}.neu")
    try:
        ziel.parent.mkdir(parents=True, exist_ok=True)
        griff = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.write(griff, json.dumps(daten, ensure_ascii=False).encode("utf-8"))
            os.fsync(griff)
        finally:
            os.close(griff)
        os.replace(temp, ziel)
    except OSError as fehler:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise StrategieFehler(f"Das Änderungsprotokoll {ziel} ließ sich nicht schreiben "
                              f"({os_fehlertext(fehler)}); nichts wurde verändert.") from None


def loesche_journal(orte: Orte) -> None:
    """The change is settled: remove the journal."""
    with contextlib.suppress(FileNotFoundError):
        journaldatei(orte).unlink()


def raeume_temp(datei: Path) -> None:
    """Remove the edit path's leftover temp files of *datei* (``.<name>.*.neu``)."""
    with contextlib.suppress(OSError):
        for rest in datei.parent.iterdir():
            if rest.name.startswith(f".{datei.name}.") and rest.name.endswith(".neu"):
                rest.unlink(missing_ok=True)


class GitArbeitetNoch(StrategieFehler):
    """A git process the crashed writer started still runs in the work tree."""


def mit_proc() -> bool:
    """Whether processes can be looked at in /proc (Linux)."""
    return Path("/proc/self").is_dir()


def _git_prozesse() -> Iterator[tuple[Path, str]]:
    """Other processes named git* (Linux /proc): their /proc folder and command line."""
    eigene = os.getpid()
    for eintrag in Path("/proc").iterdir():
        if not eintrag.name.isdigit() or int(eintrag.name) == eigene:
            continue
        try:
            if not (eintrag / "comm").read_text().startswith("git"):
                continue
            befehl = (eintrag / "cmdline").read_bytes().replace(b"\0", b" ").strip()
        except OSError:
            continue  # ended meanwhile
        yield eintrag, f"{eintrag.name}: {befehl.decode('utf-8', 'replace')[:80]}"


def verwaiste_git(schreiber: int) -> list[str]:
    """The git processes process *schreiber* started (the marker ``PROZESSMARKE`` in their
    environment, which ``git.repo`` gives every git it starts) that still run, as
    "PID: command line". A git of anyone else — a ``git log`` in a pager, an editor open for
    ``git commit`` — is not among them."""
    marke = f"{PROZESSMARKE}={schreiber}".encode("ascii")
    gefunden = []
    for eintrag, zeile in _git_prozesse():
        try:
            umgebung = (eintrag / "environ").read_bytes().split(b"\0")
        except OSError:
            continue  # another user's: not started by the writer, which was ours
        if marke in umgebung:
            gefunden.append(zeile)
    return gefunden


def _orte_des_repositorys(orte: Orte) -> list[Path]:
    """Every work tree of the repository (the main one, linked ones) and its git directory:
    where a git holding one of the shared locks (the branch's ref) may work."""
    orte_liste = [orte.wurzel.resolve(), orte.gemeinsam.resolve()]
    if orte.gemeinsam.name == ".git":
        orte_liste.append(orte.gemeinsam.parent.resolve())
    with contextlib.suppress(OSError):
        for verweis in (orte.gemeinsam / "worktrees").glob("*/gitdir"):
            with contextlib.suppress(OSError, UnicodeDecodeError):
                orte_liste.append(Path(verweis.read_text(encoding="utf-8").strip()
                                       ).parent.resolve())
    return orte_liste


def git_im_repository(orte: Orte, *, nur_erkannte: bool = False,
                      besitzer: Iterable[int] | None = None) -> list[str]:
    """Git processes working in any work tree of this repository or in its git directory,
    as "PID: command line": by their working directory, or by a path in their command line
    (``--git-dir=…``) or in a ``GIT_…`` variable of their environment (``GIT_DIR``), as a git
    started from elsewhere names the repository. One whose working directory or environment
    cannot be read (another user's) counts too: a lock is only taken for a leftover when no
    git can be holding it – unless *nur_erkannte* (to name them in a message: another user's
    command line, which may carry a token, is not shown for a git that may work elsewhere).
    With *besitzer* (the user ids owning the lock files in question) only the gits of those
    users count: a lock file belongs to the git that created it, so another user's git,
    whatever it works on, cannot be holding it."""
    wurzeln = _orte_des_repositorys(orte)
    nur_von = None if besitzer is None else set(besitzer)
    gefunden = []
    for eintrag, zeile in _git_prozesse():
        try:
            if nur_von is not None and _dateirechte_von(eintrag) not in nur_von:
                continue
            ort = os.readlink(eintrag / "cwd")
            orte_des_git = [ort, *(os.path.realpath(os.path.join(ort, p))
                                   for p in _genannte_pfade(eintrag))]
        except (FileNotFoundError, ProcessLookupError):
            continue  # ended meanwhile (ESRCH: between opening a /proc file and reading it)
        except OSError:
            if not nur_erkannte:
                gefunden.append(zeile)
            continue
        if any(Path(o).is_relative_to(w) for o in orte_des_git for w in wurzeln):
            gefunden.append(zeile)
    return gefunden


def _dateirechte_von(eintrag: Path) -> int:
    """The user id a process creates files as (its filesystem uid, from /proc/PID/status;
    right also for a process the kernel marks not dumpable, whose /proc folder root owns)."""
    for zeile in (eintrag / "status").read_text(encoding="ascii", errors="replace").splitlines():
        if zeile.startswith("Uid:"):
            return int(zeile.split()[4])
    raise FileNotFoundError(eintrag)  # no Uid line: not a process (any more)


def _genannte_pfade(eintrag: Path) -> list[str]:
    """What a git process may name as its repository: each argument of its command line
    (after a ``=`` too) and the value of each ``GIT_…`` variable of its environment."""
    argumente = [os.fsdecode(a) for a in (eintrag / "cmdline").read_bytes().split(b"\0")]
    if argumente[0].endswith("git-daemon") or argumente[1:2] == ["daemon"]:
        return []  # git daemon names the repositories it serves; it holds no lock of theirs
    argumente = argumente[1:]
    werte = [os.fsdecode(v).partition("=")[2] for v in
             (eintrag / "environ").read_bytes().split(b"\0") if v.startswith(b"GIT_")]
    return [p for a in (*argumente, *werte) if a
            for p in (a, a.partition("=")[2]) if p]


def warte_auf_git(orte: Orte, schreiber: int, warten: float) -> None:
    """Wait while a git started by the crashed process *schreiber* still runs; raise
    GitArbeitetNoch if one is still there after *warten* seconds (nothing on non-Linux)."""
    if not mit_proc():
        return
    frist = time.monotonic() + warten
    while laufend := verwaiste_git(schreiber):
        if time.monotonic() >= frist:
            raise GitArbeitetNoch(
                f"Ein git-Prozess der abgebrochenen Änderung (Prozess {schreiber}) arbeitet "
                f"noch in {orte.wurzel} (PID {'; '.join(laufend)}). Nichts wurde verändert; "
                "bitte warten, bis er fertig ist, und den Befehl dann wiederholen.")
        time.sleep(0.05)


def raeume_sperren(orte: Orte, warten: float = 3.0) -> str | None:
    """Remove a killed git's leftover lock files (see the module docstring); a German line
    naming them if any was removed."""
    proc = mit_proc()
    frist = time.monotonic() + warten
    entfernt: list[str] = []
    while sperren := sperrdateien(orte):
        jetzt = time.time()
        alter, besitzer = {}, set()
        for sperre in sperren:
            with contextlib.suppress(FileNotFoundError):
                status = sperre.stat()
                alter[sperre] = jetzt - status.st_mtime
                besitzer.add(status.st_uid)
        lebt = (bool(git_im_repository(orte, besitzer=besitzer)) if proc
                else min(alter.values(), default=0.0) < OHNE_PROC_ALTER_S)
        if not lebt:
            for sperre, sekunden in alter.items():
                if sekunden >= INDEXSPERRE_ALTER_S:
                    with contextlib.suppress(FileNotFoundError):
                        sperre.unlink()
                        entfernt.append(os.path.relpath(sperre, orte.wurzel))
        if not sperrdateien(orte) or time.monotonic() >= frist:
            break
        time.sleep(0.05)
    if not entfernt:
        return None
    return (f"Übrig gebliebene Sperrdateien von git ({', '.join(sorted(set(entfernt)))}, kein "
            "git-Prozess arbeitet mehr hier) wurden entfernt.")


def raeume_abrufsperre(orte: Orte, fehler: str) -> str | None:
    """Remove the lock file of a ref (``refs/…``, ``packed-refs``) that git's *fehler* names as
    existing, when it is a killed ``git fetch``'s leftover: no git works in the repository and
    the file is older than ``INDEXSPERRE_ALTER_S`` (without /proc: ``OHNE_PROC_ALTER_S``).
    The German line if it was removed."""
    import re

    gemeinsam = orte.gemeinsam.resolve()
    for genannt in re.findall(r"'([^']+\.lock)'", fehler):
        datei = (orte.wurzel / genannt).resolve()
        if not datei.is_relative_to(gemeinsam):
            continue
        relativ = datei.relative_to(gemeinsam).as_posix()
        if not (relativ.startswith("refs/") or relativ == "packed-refs.lock"):
            continue
        try:
            status = datei.stat()
        except OSError:
            continue
        alter = time.time() - status.st_mtime
        if mit_proc():
            if git_im_repository(orte, besitzer=[status.st_uid]) or alter < INDEXSPERRE_ALTER_S:
                continue
        elif alter < OHNE_PROC_ALTER_S:
            continue
        with contextlib.suppress(FileNotFoundError):
            datei.unlink()
            return (f"Übrig gebliebene Sperrdatei von git ({os.path.relpath(datei, orte.wurzel)}"
                    ", kein git-Prozess arbeitet mehr hier) wurde entfernt.")
    return None


def _lies(orte: Orte) -> dict | None:
    try:
        daten = json.loads(journaldatei(orte).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        loesche_journal(orte)  # half-written: written before any goal file was touched
        return None
    return daten if isinstance(daten, dict) and isinstance(daten.get("dateien"), list) else None


def _kopf(orte: Orte) -> str:
    return git_lauf(orte.wurzel, "rev-parse", "--verify", "--quiet", "HEAD").aus.strip()


def erhole(orte: Orte, warten: float = 10.0) -> str | None:
    """Settle a crashed change (the caller holds the write lock); a German line, or None.

    Waits up to *warten* seconds for an orphaned git of the crashed writer (GitArbeitetNoch
    if it is still there)."""
    meldungen = []
    daten = _lies(orte)
    if daten is not None and isinstance(daten.get("pid"), int):
        warte_auf_git(orte, daten["pid"], warten)
    if sperrdateien(orte) and (zeile := raeume_sperren(orte)):
        meldungen.append(zeile)
    if daten is None:
        return " ".join(meldungen) or None
    dateien = [(orte.wurzel / d["pfad"], d) for d in daten["dateien"]]
    for pfad, _ in dateien:
        raeume_temp(pfad)
    pfade = [d["pfad"] for _, d in dateien]
    inhalte = {}
    for pfad, d in dateien:
        try:
            inhalte[d["pfad"]] = pfad.read_bytes()
        except FileNotFoundError:
            inhalte[d["pfad"]] = None
    neu_da = all(inhalte[d["pfad"]] is not None and blob_id(inhalte[d["pfad"]]) == d["neu"]
                 for _, d in dateien)
    betreff = str(daten.get("nachricht", "")).split("\n", 1)[0]
    wer = f"Prozess {daten.get('pid', '?')}, „{betreff}“"
    if neu_da and _kopf(orte) != daten.get("kopf") and git_lauf(
            orte.wurzel, "--literal-pathspecs", "diff", "--quiet", "HEAD", "--", *pfade).ok:
        if not git_lauf(orte.wurzel, "--literal-pathspecs", "diff", "--cached", "--quiet",
                        "HEAD", "--", *pfade).ok:
            git_lauf(orte.wurzel, "--literal-pathspecs", "reset", "-q", "HEAD", "--", *pfade)
        loesche_journal(orte)
        meldungen.append(f"Eine unterbrochene Änderung ({wer}) war schon gespeichert; "
                         "aufgeräumt.")
        return " ".join(meldungen)
    zurueck, fremd = [], []
    for pfad, d in dateien:
        jetzt = inhalte[d["pfad"]]
        if jetzt is None or blob_id(jetzt) != d["neu"]:
            if jetzt is not None and (d["alt"] is None
                                      or jetzt != base64.b64decode(d["alt"])):
                fremd.append(d["pfad"])
            continue
        if d["alt"] is None:
            pfad.unlink(missing_ok=True)
        else:
            schreibe_atomar(pfad, base64.b64decode(d["alt"]))
        zurueck.append(d["pfad"])
    neue = [d["pfad"] for _, d in dateien if d["alt"] is None]
    if neue:
        git_lauf(orte.wurzel, "--literal-pathspecs", "rm", "--cached", "-q",
                 "--ignore-unmatch", "--", *neue)
    loesche_journal(orte)
    text = (f"Eine unterbrochene Änderung ({wer}) wurde nicht gespeichert und ist "
            "zurückgenommen: " + (", ".join(zurueck) + " wieder wie vorher" if zurueck
                                  else "keine Datei war verändert") + ".")
    if fremd:
        text += (f" Unverändert gelassen, weil inzwischen anders geändert: {', '.join(fremd)} "
                 "(bitte mit git diff ansehen).")
    meldungen.append(text)
    return " ".join(meldungen)


def erhole_bei_bedarf(verzeichnis: Path, *, werfen: bool = False) -> str | None:
    """Settle a crashed change of the store around *verzeichnis*, if there is one: for
    ``pruefen`` and the app's loader. Never waits for a live writer (then it does nothing).
    Returns a German line for the user, or None. While a git of the crashed writer still runs,
    that is the line — or, with *werfen* (``pruefen``, which must not say "In Ordnung" then),
    GitArbeitetNoch is raised."""
    orte = finde_orte(verzeichnis.resolve())
    if orte is None or not reste_da(orte):
        return None
    try:
        with schreibsperre(verzeichnis, warten=0):
            return erhole(orte, warten=3.0)
    except Gesperrt:
        return None
    except GitArbeitetNoch as fehler:
        if werfen:
            raise
        return str(fehler)
    except StrategieFehler as fehler:
        return f"Aufräumen nach einer unterbrochenen Änderung ist fehlgeschlagen: {fehler}"
