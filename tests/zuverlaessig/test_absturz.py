"""kill -9 at every step of the edit path: the next command settles the change (journal),
leaves no debris, and the store is exactly as before or exactly the intended commit."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from strategie.aendern.journal import erhole_bei_bedarf
from tests.conftest import git
from tests.zuverlaessig.hilfen import SA01, reste, strategie, umgebung, zustand

DATEISCHRITTE = ("temp", "schreiben", "fsync", "umbenennen")
FAELLE = [  # (step, its n-th occurrence, what is changed)
    *((s, n, "aendern") for s in DATEISCHRITTE for n in (1, 2)),  # two files: the 1st, the 2nd
    ("git-commit", 1, "aendern"), ("nachpruefung", 1, "aendern"),
    *((s, 1, "neu") for s in (*DATEISCHRITTE, "git-add", "git-commit", "nachpruefung")),
]

STIRB = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from strategie.git import stoerung
    from strategie.aendern.bearbeiten import aendere
    from strategie.aendern.fortschreibung import lege_an
    from strategie.modell.operationen import Setze, Zielaenderung
    schritt, zaehler, art = sys.argv[2], int(sys.argv[3]), sys.argv[4]
    gesehen = []
    def stirb(name):
        gesehen.append(name)
        if name == schritt and gesehen.count(name) == zaehler:
            os.kill(os.getpid(), signal.SIGKILL)
    stoerung.STOERSTELLE = stirb
    if art == "neu":
        lege_an(Path(sys.argv[1]), "SA", {"titel": "Neu", "handlungsfeld": 1,
                "wirkungsziel": "W", "leistungsziel": "L"}, "neu")
    else:
        aendere(Path(sys.argv[1]), [Zielaenderung("SA-01", (Setze("ampel", "gelb"),)),
                                    Zielaenderung("SA-02", (Setze("ampel", "rot"),))], "x")
    print("fertig")
""")


def _stirb_bei(repo: Path, schritt: str, zaehler: int, art: str) -> int:
    lauf = subprocess.run([sys.executable, "-c", STIRB, str(repo / "ziele"), schritt,
                           str(zaehler), art], capture_output=True, text=True, env=umgebung(),
                          timeout=60)
    return lauf.returncode


@pytest.mark.parametrize(("schritt", "zaehler", "art"), FAELLE)
def test_kill_an_jeder_stelle(repo: Path, schritt: str, zaehler: int, art: str) -> None:
    dateien = ("ziele/sa/SA-01.toml", "ziele/sa/SA-02.toml", "ziele/sa/SA-08.toml")
    vorher = zustand(repo, *dateien)
    assert _stirb_bei(repo, schritt, zaehler, art) == -9  # killed at exactly that step
    # the next command (pruefen) settles the change and says so
    pruefen = strategie(repo, "pruefen")
    assert pruefen.returncode == 0, pruefen.stderr
    nachher = zustand(repo, *dateien)
    if nachher.kopf == vorher.kopf:
        assert nachher == vorher
    else:  # exactly the intended commit
        assert git(repo, "rev-parse", "HEAD^").strip() == vorher.kopf
        geaendert = git(repo, "show", "--name-only", "--format=", "HEAD").split()
        assert geaendert == (["ziele/sa/SA-08.toml"] if art == "neu"
                             else ["ziele/sa/SA-01.toml", "ziele/sa/SA-02.toml"])
    assert git(repo, "status", "--porcelain") == ""
    assert reste(repo) == []
    assert strategie(repo, "setze", "SA-03", "ampel", "rot", "-m", "danach").returncode == 0


def test_meldung_nach_absturz(repo: Path) -> None:
    assert _stirb_bei(repo, "git-commit", 1, "aendern") == -9
    assert (repo / ".git" / "strategie" / "journal.json").exists()
    assert 'ampel = "gelb"' in (repo / SA01).read_text(encoding="utf-8")
    meldung = erhole_bei_bedarf(repo / "ziele")
    assert meldung is not None
    assert "nicht gespeichert und ist zurückgenommen" in meldung
    assert "ziele/sa/SA-01.toml, ziele/sa/SA-02.toml wieder wie vorher" in meldung
    assert erhole_bei_bedarf(repo / "ziele") is None  # nothing left to do


def test_journal_einer_laufenden_aenderung_bleibt(repo: Path) -> None:
    """While the writer lives (holds the lock), its journal is never 'recovered'."""
    halter = subprocess.Popen([sys.executable, "-c", textwrap.dedent("""
        import sys, time
        from pathlib import Path
        from strategie.aendern.sperre import schreibsperre
        with schreibsperre(Path(sys.argv[1])):
            Path(sys.argv[2]).write_text("{}", encoding="utf-8")
            print("gesperrt", flush=True)
            time.sleep(60)
    """), str(repo / "ziele"), str(repo / ".git" / "strategie" / "journal.json")],
        stdout=subprocess.PIPE, text=True, env=umgebung())
    try:
        assert halter.stdout is not None and halter.stdout.readline().strip() == "gesperrt"
        assert erhole_bei_bedarf(repo / "ziele") is None
        assert (repo / ".git" / "strategie" / "journal.json").exists()
    finally:
        halter.kill()
        halter.wait()


def test_uebrig_gebliebene_indexsperre_wird_entfernt(repo: Path) -> None:
    """A git killed with its parent leaves index.lock: with no git process in the work tree,
    it is removed once it is two seconds old, and the next edit works."""
    sperre = repo / ".git" / "index.lock"
    sperre.write_bytes(b"")
    time.sleep(0.1)
    lauf = strategie(repo, "setze", "SA-01", "ampel", "gelb", "-m", "x")
    assert lauf.returncode == 0, lauf.stderr
    assert "index.lock" in lauf.stderr and "entfernt" in lauf.stderr
    assert not sperre.exists() and git(repo, "status", "--porcelain") == ""
