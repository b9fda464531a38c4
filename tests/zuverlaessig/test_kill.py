"""SIGKILL at random moments: real ``strategie`` edits on a copy of the 46 example goals,
killed at least 200 times (two at a time, on the same store); every tenth edit is spared and
must succeed. Afterwards every goal is valid, git fsck is clean, nothing is left over, the
next edit works, and every edit reported as saved is in HEAD."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import git
from tests.zuverlaessig.hilfen import reste, strategie, umgebung

KILLS_JE_STRANG = 100
STRAENGE = 2
ZIELE = [f"SA-0{n}" for n in range(1, 6)]
AMPELN = ("rot", "gelb", "grün")


def _befehl(zufall: random.Random, store: Path, runde: int, aendernd: bool) -> list[str]:
    """A random edit; with *aendernd*, one that always changes something."""
    ziel = zufall.choice(ZIELE)
    art = zufall.uniform(0.45, 1.0) if aendernd else zufall.random()
    if art < 0.45:
        argumente = ["setze", ziel, "ampel", zufall.choice(AMPELN), "-m", f"Runde {runde}"]
    elif art < 0.9:
        argumente = ["setze", ziel, "steckbrief.aktueller_stand", f"Stand {runde}", "-m", "k"]
    else:
        argumente = ["neu", "SA", "--titel", f"Neu {runde}", "--handlungsfeld", "1",
                     "--wirkungsziel", "W", "--leistungsziel", "L", "-m", "neu"]
    return [sys.executable, "-m", "strategie", "--store", str(store), *argumente]


def _dauer(store: Path) -> float:
    """How long one edit takes on this machine right now (the kills spread over it)."""
    dauern = []
    for wert in ("gelb", "rot"):
        start = time.monotonic()
        subprocess.run([sys.executable, "-m", "strategie", "--store", str(store), "setze",
                        "SA-07", "ampel", wert, "-m", "Messung"], check=True,
                       capture_output=True, env=umgebung())
        dauern.append(time.monotonic() - start)
    return max(dauern)


def _strang(store: Path, saat: int, dauer: float, gespeichert: list[str],
            kills: list[int], fehler: list[str]) -> None:
    zufall = random.Random(saat)
    getoetet = runde = 0
    while getoetet < KILLS_JE_STRANG and runde < 10 * KILLS_JE_STRANG:
        runde += 1
        gruppe = zufall.random() < 0.15  # now and then git dies with it (locks left)
        verschont = runde % 10 == 0  # every tenth edit runs to its end after the kills before
        prozess = subprocess.Popen(_befehl(zufall, store, saat * 1000 + runde, verschont),
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   env=umgebung(), start_new_session=gruppe)
        if not verschont:
            time.sleep(zufall.uniform(0.2, 1.1) * dauer)  # from Python's start to the commit
        if not verschont and prozess.poll() is None:
            if gruppe:
                os.killpg(prozess.pid, signal.SIGKILL)
            else:
                prozess.kill()
            getoetet += 1
        aus, err = prozess.communicate()
        if prozess.returncode == 0 and (treffer := re.search(r"Gespeichert (\w+)", aus)):
            gespeichert.append(treffer.group(1))
        elif verschont:
            fehler.append(f"Runde {runde} (Strang {saat}): {prozess.returncode} {aus} {err}")
    kills.append(getoetet)


@pytest.mark.slow
def test_kill_9_zu_zufaelligen_zeitpunkten(repo: Path) -> None:
    store = repo / "ziele"
    assert len(list(store.glob("*/*.toml"))) == 46
    gespeichert: list[str] = []
    kills: list[int] = []
    fehler: list[str] = []
    dauer = _dauer(store)
    straenge = [threading.Thread(target=_strang,
                                 args=(store, saat, dauer, gespeichert, kills, fehler))
                for saat in range(1, STRAENGE + 1)]
    for strang in straenge:
        strang.start()
    for strang in straenge:
        strang.join()
    assert sum(kills) >= 200, kills
    assert not fehler, fehler  # an edit after the kills always works (no lock, no journal left)
    assert len(gespeichert) >= 2 * KILLS_JE_STRANG // 10, gespeichert

    pruefen = strategie(repo, "pruefen")  # the next command: it settles what was cut off
    assert pruefen.returncode == 0, pruefen.stdout + pruefen.stderr
    fsck = subprocess.run(["git", "-C", str(repo), "fsck", "--no-dangling", "--no-progress"],
                          capture_output=True, text=True)
    assert fsck.returncode == 0 and not fsck.stdout.strip(), fsck.stdout + fsck.stderr
    assert reste(repo) == []
    assert git(repo, "status", "--porcelain") == ""
    for kurz in gespeichert:  # every edit reported as saved is in HEAD
        assert subprocess.run(["git", "-C", str(repo), "merge-base", "--is-ancestor", kurz,
                               "HEAD"]).returncode == 0, kurz
    danach = strategie(repo, "setze", "SA-06", "steckbrief.aktueller_stand", "Danach", "-m", "d")
    assert danach.returncode == 0 and "Gespeichert" in danach.stdout, danach.stderr
    assert git(repo, "status", "--porcelain") == "" and reste(repo) == []
