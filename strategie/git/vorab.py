"""A git command started ahead, while the modules that will read its result are still being
imported: ``strategie sync`` begins its fetch this way (it imports nothing of strategie but
the network limits of ``git.netz``, which use ``os`` only)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time

from strategie.git.netz import netz_umgebung


class Vorab:
    """``git ARGS`` started in *ort* at once; ``ergebnis`` waits for it, ``beende`` stops it
    if nobody needed it."""

    def __init__(self, ort: str, *argumente: str) -> None:
        self.ort = ort
        self.argumente = argumente
        self.begonnen = time.monotonic()
        self._ergebnis: tuple[int, str, str] | None = None
        self._beendet = False
        try:
            self._prozess: subprocess.Popen[bytes] | None = subprocess.Popen(
                ["git", *argumente], cwd=ort, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                env={**os.environ, **netz_umgebung(ort)})
        except OSError:  # no git, no folder: the command runs it again and says why
            self._prozess = None

    def ergebnis(self) -> tuple[int, str, str] | None:
        """Exit code, stdout, stderr (text) once it has finished; None if it did not start
        or was stopped (``beende``): then the caller runs the command itself."""
        if self._beendet:
            return None
        if self._ergebnis is None and self._prozess is not None:
            aus, fehler = self._prozess.communicate()
            self._ergebnis = (self._prozess.returncode, aus.decode("utf-8", "replace"),
                              fehler.decode("utf-8", "replace"))
        return self._ergebnis

    def alter(self) -> float:
        """Seconds since it was started."""
        return time.monotonic() - self.begonnen

    def beende(self) -> None:
        """Stop it if it still runs, with what it started for the transport (ssh, a local
        upload-pack: git leaves them running when it is terminated; each is stopped first, so
        none is started unseen), and reap it. Its output is not read: a child that outlives it
        may hold the pipe open."""
        prozess = self._prozess
        self._beendet = True
        if prozess is None or self._ergebnis is not None:
            return
        if prozess.poll() is None:
            for pid in _angehalten(prozess.pid):
                with contextlib.suppress(OSError):  # ended meanwhile
                    os.kill(pid, signal.SIGTERM)
                    os.kill(pid, signal.SIGCONT)  # the TERM is taken when it runs again
        prozess.wait()
        for rohr in (prozess.stdout, prozess.stderr):
            if rohr is not None:
                rohr.close()
        self._ergebnis = (prozess.returncode, "", "")


def _angehalten(pid: int) -> set[int]:
    """*pid* and all it started, each stopped (SIGSTOP) before the next look at /proc: a
    process that is stopped starts nothing more, so a transport git is spawning just now is
    found by the next look instead of outliving it. Ends when a look finds nothing new."""
    angehalten: set[int] = set()
    neu = {pid}
    while neu:
        for kind in neu:
            with contextlib.suppress(OSError):  # ended meanwhile
                os.kill(kind, signal.SIGSTOP)
        angehalten |= neu
        neu = set(nachkommen(pid)) - angehalten
    return angehalten


def nachkommen(pid: int) -> list[int]:
    """The processes *pid* started and theirs, read from /proc (none where there is none)."""
    kinder: dict[int, list[int]] = {}
    with contextlib.suppress(OSError):
        for name in os.listdir("/proc"):
            if not name.isdigit():
                continue
            try:
                with open(f"/proc/{name}/stat", "rb") as datei:
                    stat = datei.read()
            except OSError:
                continue  # ended meanwhile
            eltern = int(stat.rpartition(b")")[2].split()[1])  # after "pid (comm) state"
            kinder.setdefault(eltern, []).append(int(name))
    gefunden: list[int] = []
    offen = [pid]
    while offen:
        neu = kinder.get(offen.pop(), [])
        gefunden += neu
        offen += neu
    return gefunden
