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
Before a journal is settled, recovery therefore waits while a git process started after the
journal works in this work tree (10 seconds in the edit path, 3 in ``pruefen`` and the app);
if it is still there then, nothing is touched and the message says which process to wait for
(GitArbeitetNoch). Only then is it decided whether the commit happened.

Debris is removed too: the edit path's own temp files (``.<Datei>.*.neu`` next to the files
of the journal), and the lock files a killed git leaves (``index.lock``, ``next-index-*.lock``
of ``git commit --only``, ``HEAD.lock``, the checked-out branch's ``refs/heads/….lock``,
``packed-refs.lock``) — only when no git process is working in this work tree (on Linux: no
process named git with its working directory inside it, read from /proc; elsewhere: the lock
is older than ten minutes) and the lock file has not changed for two seconds, while this
process holds the store's write lock (so no strategie writer runs). A ``git commit`` the user
has open in an editor keeps its locks.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from strategie.aendern.atomar import schreibe_atomar
from strategie.aendern.sperre import Gesperrt, schreibsperre
from strategie.git.befehl import Orte, finde_orte, git_lauf
from strategie.modell.befund import StrategieFehler, os_fehlertext
from strategie.speicher.cache import blob_id

DATEI = "journal.json"
INDEXSPERRE_ALTER_S = 2.0
"""How long git's index.lock must be unchanged, with no git process in the work tree, to be
taken for a leftover."""
OHNE_PROC_ALTER_S = 600.0
"""Without /proc (not Linux): the age at which a leftover index.lock is removed."""


@dataclass(frozen=True)
class Eintrag:
    """One file of a change in progress."""

    pfad: str
    """Relative to the repository root."""
    alt: bytes | None
    """The content before the change (None: the file is new)."""
    neu: bytes


def journaldatei(orte: Orte) -> Path:
    """Where the journal of a work tree lives."""
    return orte.gitdir / "strategie" / DATEI


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
    """A git process (likely orphaned by a killed writer) still works in the work tree."""


def _startzeit(pid: str, boot: float) -> float:
    """When a process started (seconds since the epoch), from /proc/PID/stat."""
    felder = (Path("/proc") / pid / "stat").read_text().rsplit(")", 1)[1].split()
    return boot + int(felder[19]) / os.sysconf("SC_CLK_TCK")


def _bootzeit() -> float:
    for zeile in Path("/proc/stat").read_text().splitlines():
        if zeile.startswith("btime "):
            return float(zeile.split()[1])
    return 0.0


def git_prozesse(wurzel: Path, seit: float | None = None) -> list[str]:
    """Git processes working in this work tree (Linux /proc), as "PID: command line"; with
    *seit*, only those started since then (seconds since the epoch)."""
    proc = Path("/proc")
    eigene = os.getpid()
    boot = _bootzeit() if seit is not None else 0.0
    gefunden = []
    for eintrag in proc.iterdir():
        if not eintrag.name.isdigit() or int(eintrag.name) == eigene:
            continue
        try:
            if not (eintrag / "comm").read_text().startswith("git"):
                continue
            ort = Path(os.readlink(eintrag / "cwd"))
            if not (ort == wurzel or ort.is_relative_to(wurzel)):
                continue
            if seit is not None and _startzeit(eintrag.name, boot) < seit - 1.0:
                continue
            befehl = (eintrag / "cmdline").read_bytes().replace(b"\0", b" ").strip()
        except (OSError, ValueError, IndexError):
            continue
        gefunden.append(f"{eintrag.name}: {befehl.decode('utf-8', 'replace')[:80]}")
    return gefunden


def warte_auf_git(orte: Orte, seit: float, warten: float) -> None:
    """Wait while a git process started since *seit* works in the work tree; raise
    GitArbeitetNoch if one is still there after *warten* seconds (nothing on non-Linux)."""
    if not Path("/proc/self").is_dir():
        return
    wurzel = orte.wurzel.resolve()
    frist = time.monotonic() + warten
    while laufend := git_prozesse(wurzel, seit):
        if time.monotonic() >= frist:
            raise GitArbeitetNoch(
                f"Ein git-Prozess arbeitet noch in {orte.wurzel} (PID {'; '.join(laufend)}), "
                "wohl von einer abgebrochenen Änderung. Nichts wurde verändert; bitte warten, "
                "bis er fertig ist, und den Befehl dann wiederholen.")
        time.sleep(0.05)


def sperrdateien(orte: Orte) -> list[Path]:
    """The lock files a killed git can leave for this work tree (existing ones only)."""
    kandidaten = [orte.gitdir / "index.lock", orte.gitdir / "HEAD.lock",
                  orte.gemeinsam / "packed-refs.lock"]
    with contextlib.suppress(OSError):
        kandidaten += [p for p in orte.gitdir.iterdir()
                       if p.name.startswith("next-index-") and p.name.endswith(".lock")]
    with contextlib.suppress(OSError, UnicodeDecodeError):
        kopf = (orte.gitdir / "HEAD").read_text(encoding="utf-8").strip()
        if kopf.startswith("ref: refs/"):
            kandidaten.append(orte.gemeinsam / (kopf[5:] + ".lock"))
    return [p for p in kandidaten if p.exists()]


def raeume_sperren(orte: Orte, warten: float = 3.0) -> str | None:
    """Remove a killed git's leftover lock files (see the module docstring); a German line
    naming them if any was removed."""
    mit_proc = Path("/proc/self").is_dir()
    frist = time.monotonic() + warten
    entfernt: list[str] = []
    while sperren := sperrdateien(orte):
        jetzt = time.time()
        alter = {}
        for sperre in sperren:
            with contextlib.suppress(FileNotFoundError):
                alter[sperre] = jetzt - sperre.stat().st_mtime
        lebt = (bool(git_prozesse(orte.wurzel.resolve())) if mit_proc
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
    if daten is not None:
        warte_auf_git(orte, float(daten.get("zeit", 0.0)), warten)
        daten = _lies(orte)  # unchanged: only a writer holding the lock touches it
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


def erhole_bei_bedarf(verzeichnis: Path) -> str | None:
    """Settle a crashed change of the store around *verzeichnis*, if there is one: for
    ``pruefen`` and the app's loader. Never waits for a live writer (then it does nothing).
    Returns a German line for the user, or None."""
    orte = finde_orte(verzeichnis.resolve())
    if orte is None or not (journaldatei(orte).exists() or sperrdateien(orte)):
        return None
    try:
        with schreibsperre(verzeichnis, warten=0):
            return erhole(orte, warten=3.0)
    except Gesperrt:
        return None
    except GitArbeitetNoch as fehler:
        return str(fehler)
    except StrategieFehler as fehler:
        return f"Aufräumen nach einer unterbrochenen Änderung ist fehlgeschlagen: {fehler}"
