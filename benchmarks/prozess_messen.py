"""Runs commands as whole processes, as a user starts them: wall time and peak memory per run."""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

TERMINAL = (120, 40)
"""Columns and lines of the pseudo-terminal in which apps are started."""

GNU_TIME = "/usr/bin/time"
"""GNU time reports the peak memory of the command alone. A child started straight from this
Python process would inherit its memory high-water mark at exec, so ``os.wait4`` would report
at least the harness's own size; through GNU time every start costs ~1 ms more instead."""

FRIST_S = 120.0
"""A process that has not finished (or not painted its first frame) by then is a failure."""

_FREMDE_VARIABLEN = ("STRATEGIE_STORE", "COLUMNS", "LINES", "TASKRC", "TASKDATA", "GIT_DIR",
                     "GIT_WORK_TREE", "GIT_INDEX_FILE", "PYTHONPROFILEIMPORTTIME",
                     "PYTHONSTARTUP", "PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED")
"""Variables a user's shell does not normally set and that change what is measured: without
bytecode caching every start compiles each module from source (~0.1 s for strategie), and
unbuffered output writes JSON in many small pieces."""


class MessFehler(RuntimeError):
    """A measured command failed; the message says which and shows the end of its stderr."""


@dataclass(frozen=True)
class Befehl:
    """One command as a user runs it.

    *vorher* runs before every start, untimed (remove the cache, change a file) and may return
    the argv of this start. With *bildschirm* the command runs in a pseudo-terminal and is timed
    until its output matches that pattern (its first frame); then (after *nachlauf_s*)
    *beenden* is typed.
    """

    name: str
    text: str
    argv: tuple[str, ...]
    cwd: Path | None = None
    env: Mapping[str, str] = field(default_factory=dict)
    vorher: Callable[[], Sequence[str] | None] | None = None
    bildschirm: re.Pattern[bytes] | None = None
    beenden: bytes = b"q"
    nachlauf_s: float = 0.0
    """Seconds between the first frame and typing *beenden*: the app's memory once what it
    builds after the first frame (search index, facets) is built, not only up to that frame."""
    pruefe: Callable[[bytes], str | None] | None = None
    """Checks the output of the warm-up start; returns what is wrong, or None."""


@dataclass(frozen=True)
class Lauf:
    """One timed start: wall seconds and the peak resident memory of the process tree in KiB."""

    sekunden: float
    rss_kib: int | None


@dataclass
class Messung:
    """All timed starts of one command."""

    befehl: Befehl
    laeufe: list[Lauf] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(lauf.sekunden for lauf in self.laeufe)

    @property
    def minimum(self) -> float:
        return min(lauf.sekunden for lauf in self.laeufe)

    @property
    def maximum(self) -> float:
        return max(lauf.sekunden for lauf in self.laeufe)

    @property
    def rss_mb(self) -> float | None:
        """Peak memory over all starts in MB (MiB, as ps and top count); None without GNU time."""
        werte = [lauf.rss_kib for lauf in self.laeufe if lauf.rss_kib is not None]
        return max(werte) / 1024 if werte else None


def rss_messbar() -> bool:
    """Whether peak memory can be measured (GNU time is installed)."""
    return os.access(GNU_TIME, os.X_OK)


def umgebung(zusatz: Mapping[str, str]) -> dict[str, str]:
    """The caller's environment without variables that would steer the measured programs."""
    env = {k: v for k, v in os.environ.items() if k not in _FREMDE_VARIABLEN}
    env.update(zusatz)
    return env


def _fehler(befehl: Befehl, argv: Sequence[str], grund: str, ausgabe: bytes) -> MessFehler:
    rest = ausgabe.decode("utf-8", "replace").strip().splitlines()[-15:]
    return MessFehler(f"{befehl.text} ({' '.join(argv)}): {grund}\n" + "\n".join(rest))


class _Spitze:
    """Runs a command under GNU time and reads the peak memory it wrote."""

    def __init__(self) -> None:
        self.datei = tempfile.NamedTemporaryFile(prefix="rss-", delete=False)  # noqa: SIM115
        self.datei.close()

    def __enter__(self) -> _Spitze:
        return self

    def __exit__(self, *_: object) -> None:
        os.unlink(self.datei.name)

    def argv(self, argv: Sequence[str]) -> list[str]:
        if not rss_messbar():
            return list(argv)
        return [GNU_TIME, "-q", "-o", self.datei.name, "-f", "%M", *argv]

    def kib(self) -> int | None:
        if not rss_messbar():
            return None
        with open(self.datei.name, encoding="utf-8") as datei:
            zeilen = datei.read().split()
        return int(zeilen[-1]) if zeilen and zeilen[-1].isdigit() else None


def _als_prozess(befehl: Befehl, argv: Sequence[str]) -> tuple[Lauf, bytes]:
    with tempfile.TemporaryFile() as fehlerdatei, _Spitze() as spitze:
        start = time.perf_counter()
        prozess = subprocess.Popen(spitze.argv(argv), cwd=befehl.cwd, env=umgebung(befehl.env),
                                   stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=fehlerdatei)
        assert prozess.stdout is not None
        ausgabe = prozess.stdout.read()
        prozess.wait()
        dauer = time.perf_counter() - start
        prozess.stdout.close()
        if prozess.returncode != 0:
            fehlerdatei.seek(0)
            raise _fehler(befehl, argv, f"Exit-Code {prozess.returncode}", fehlerdatei.read())
        return Lauf(dauer, spitze.kib()), ausgabe


def _im_terminal(befehl: Befehl, argv: Sequence[str]) -> tuple[Lauf, bytes]:
    """Start *argv* in a pseudo-terminal; time until its output shows *befehl.bildschirm*."""
    assert befehl.bildschirm is not None
    haupt, neben = os.openpty()
    spalten, zeilen = TERMINAL
    fcntl.ioctl(neben, termios.TIOCSWINSZ, struct.pack("HHHH", zeilen, spalten, 0, 0))
    env = umgebung({"TERM": "xterm-256color", **befehl.env})
    with _Spitze() as spitze:
        start = time.perf_counter()
        prozess = subprocess.Popen(spitze.argv(argv), cwd=befehl.cwd, env=env, stdin=neben,
                                   stdout=neben, stderr=neben, start_new_session=True)
        gesehen, gelesen = _bis_zum_bild(befehl, prozess, haupt, neben, start)
        prozess.wait()
        if gesehen is None:
            raise _fehler(befehl, argv, "keine erste Anzeige", bytes(gelesen[-2000:]))
        return Lauf(gesehen, spitze.kib()), bytes(gelesen)


def _bis_zum_bild(befehl: Befehl, prozess: subprocess.Popen[bytes], haupt: int, neben: int,
                  start: float) -> tuple[float | None, bytearray]:
    """Read the terminal until the first frame shows the pattern, type the quit key (reading
    on for *befehl.nachlauf_s* before), read on
    until the process closes the terminal; seconds to that frame (None: never)."""
    assert befehl.bildschirm is not None
    os.close(neben)
    gesehen: float | None = None
    ende = start + FRIST_S
    tippen: float | None = None  # when to type the quit key (read on until then)
    gelesen = bytearray()
    try:
        while (rest := ende - time.perf_counter()) > 0:
            if tippen is not None and time.perf_counter() >= tippen:
                os.write(haupt, befehl.beenden)
                tippen, ende = None, time.perf_counter() + 20
                continue
            warten = rest if tippen is None else max(0.0, tippen - time.perf_counter())
            if not select.select([haupt], [], [], warten)[0]:
                continue
            try:
                daten = os.read(haupt, 1 << 16)
            except OSError:  # EIO: the process closed the terminal
                break
            if not daten:
                break
            gelesen += daten
            if gesehen is None and befehl.bildschirm.search(gelesen[-len(daten) - 64:]):
                gesehen = time.perf_counter() - start
                tippen = time.perf_counter() + befehl.nachlauf_s
        else:
            os.killpg(prozess.pid, signal.SIGKILL)
    finally:
        os.close(haupt)
    return gesehen, gelesen


def starte(befehl: Befehl) -> tuple[Lauf, bytes]:
    """Prepare (untimed), then start *befehl* once and time it; its stdout is returned."""
    argv = tuple(befehl.vorher() or befehl.argv) if befehl.vorher else befehl.argv
    if befehl.bildschirm is not None:
        return _im_terminal(befehl, argv)
    return _als_prozess(befehl, argv)


def im_wechsel(befehle: Sequence[Befehl], laeufe: int, titel: str = "",
               melde: Callable[[str], None] | None = None) -> dict[str, Messung]:
    """Every command once to warm up (and its output checked), then *laeufe* rounds in which
    every command runs once, in turn (A B C A B C …), so machine noise hits all alike."""
    melde = melde or (lambda text: print(text, file=sys.stderr, flush=True))
    messungen = {befehl.name: Messung(befehl) for befehl in befehle}
    melde(f"{titel}: Aufwärmen ({len(befehle)} Befehle)")
    for befehl in befehle:
        _, ausgabe = starte(befehl)
        if befehl.pruefe and (problem := befehl.pruefe(ausgabe)):
            raise MessFehler(f"{befehl.text}: unerwartete Ausgabe: {problem}")
    for runde in range(1, laeufe + 1):
        melde(f"{titel}: Runde {runde}/{laeufe}")
        for befehl in befehle:
            lauf, _ = starte(befehl)
            messungen[befehl.name].laeufe.append(lauf)
    return messungen
