"""A git command started ahead, while the modules that will read its result are still being
imported: ``strategie sync`` begins its fetch this way (it imports nothing of strategie)."""

from __future__ import annotations

import subprocess
import time


class Vorab:
    """``git ARGS`` started in *ort* at once; ``ergebnis`` waits for it, ``beende`` stops it
    if nobody needed it."""

    def __init__(self, ort: str, *argumente: str) -> None:
        self.ort = ort
        self.argumente = argumente
        self.begonnen = time.monotonic()
        self._ergebnis: tuple[int, str, str] | None = None
        try:
            self._prozess: subprocess.Popen[bytes] | None = subprocess.Popen(
                ["git", *argumente], cwd=ort, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        except OSError:  # no git, no folder: the command runs it again and says why
            self._prozess = None

    def ergebnis(self) -> tuple[int, str, str] | None:
        """Exit code, stdout, stderr (text) once it has finished; None if it did not start."""
        if self._ergebnis is None and self._prozess is not None:
            aus, fehler = self._prozess.communicate()
            self._ergebnis = (self._prozess.returncode, aus.decode("utf-8", "replace"),
                              fehler.decode("utf-8", "replace"))
        return self._ergebnis

    def alter(self) -> float:
        """Seconds since it was started."""
        return time.monotonic() - self.begonnen

    def beende(self) -> None:
        """Stop it if it still runs and reap it. git removes its lock files on SIGTERM; what
        it started for the transport (ssh, upload-pack) ends when its pipe closes. Its output
        is not read: such a child may hold the pipe open a little longer."""
        prozess = self._prozess
        if prozess is not None and self._ergebnis is None:
            if prozess.poll() is None:
                prozess.terminate()
            prozess.wait()
            for rohr in (prozess.stdout, prozess.stderr):
                if rohr is not None:
                    rohr.close()
            self._ergebnis = (prozess.returncode, "", "")

