"""One writer at a time: the write lock, waiting with a German message, dying with its
process; a rollback that only restores what this process wrote; the message on stdin."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from strategie.aendern import sperre
from strategie.aendern.bearbeiten import aendere
from strategie.aendern.journal import erhole_bei_bedarf
from strategie.git import stoerung
from strategie.modell.befund import StrategieFehler
from strategie.modell.operationen import Setze, Zielaenderung
from tests.conftest import git
from tests.zuverlaessig.hilfen import SA01, reste, strategie, umgebung, zustand

HALTER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from strategie.aendern.sperre import schreibsperre
    with schreibsperre(Path(sys.argv[1])):
        print("gesperrt", flush=True)
        time.sleep(60)
""")


def _halter(repo: Path) -> subprocess.Popen[str]:
    prozess = subprocess.Popen([sys.executable, "-c", HALTER, str(repo / "ziele")],
                               stdout=subprocess.PIPE, text=True, env=umgebung())
    assert prozess.stdout is not None and prozess.stdout.readline().strip() == "gesperrt"
    return prozess


def _ampel(ziel: str, wert: str) -> list[Zielaenderung]:
    return [Zielaenderung(ziel, (Setze("ampel", wert),))]


def test_wartet_und_nennt_den_halter(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sperre, "WARTEN_S", 0.3)
    halter = _halter(repo)
    vorher = zustand(repo, SA01)
    try:
        with pytest.raises(sperre.Gesperrt) as fehler:
            aendere(repo / "ziele", _ampel("SA-01", "gelb"), "x")
    finally:
        halter.kill()
        halter.wait()
    meldung = fehler.value.meldung
    assert f"Prozess {halter.pid}" in meldung and "0.3 s Warten aufgegeben" in meldung
    assert "nichts wurde verändert" in meldung
    assert zustand(repo, SA01) == vorher


def test_kill_9_hinterlaesst_keine_sperre(repo: Path) -> None:
    halter = _halter(repo)
    os.kill(halter.pid, signal.SIGKILL)
    halter.wait()
    ergebnis = aendere(repo / "ziele", _ampel("SA-01", "gelb"), "x")
    assert git(repo, "rev-parse", "HEAD").strip() == ergebnis.commit


def test_wartet_bis_der_halter_fertig_ist(repo: Path) -> None:
    halter = _halter(repo)
    start = time.monotonic()
    subprocess.Popen(["sh", "-c", f"sleep 0.5; kill {halter.pid}"])
    ergebnis = aendere(repo / "ziele", _ampel("SA-01", "gelb"), "x")
    halter.wait()
    assert time.monotonic() - start >= 0.4  # it waited, then saved
    assert git(repo, "rev-parse", "HEAD").strip() == ergebnis.commit


def test_zwei_prozesse_verschiedene_felder_desselben_ziels(repo: Path) -> None:
    """The issue's reproduction: both edits saved, neither reverted by the other's rollback."""
    for runde in range(6):
        ampel, status = ("gelb", "umgesetzt") if runde % 2 == 0 else ("rot", "in Umsetzung")
        prozesse = [subprocess.Popen(
            [sys.executable, "-m", "strategie", "--store", str(repo / "ziele"), *argumente],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=umgebung())
            for argumente in (("status", "SA-01", status, "-m", f"a{runde}"),
                              ("setze", "SA-01", "ampel", ampel, "-m", f"b{runde}"))]
        for prozess in prozesse:
            aus, fehler = prozess.communicate(timeout=60)
            assert prozess.returncode == 0, fehler
            assert "Gespeichert" in aus
        text = (repo / SA01).read_text(encoding="utf-8")
        assert f'ampel = "{ampel}"' in text and f'status = "{status}"' in text
        assert git(repo, "status", "--porcelain") == ""


def test_rueckgaengig_schreibt_nie_fremden_inhalt_zurueck(repo: Path) -> None:
    """A hook changes the file while the commit runs (like another writer) and refuses: the
    rollback leaves that content alone instead of writing stale bytes over it."""
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\nprintf 'fremd\\n' >> ziele/sa/SA-01.toml\nexit 1\n",
                    encoding="utf-8")
    hook.chmod(0o755)
    vorher = zustand(repo, SA01)
    with pytest.raises(StrategieFehler, match="abgelehnt"):
        aendere(repo / "ziele", _ampel("SA-01", "gelb"), "x")
    text = (repo / SA01).read_text(encoding="utf-8")
    assert text.endswith("fremd\n") and 'ampel = "gelb"' in text  # not overwritten
    assert git(repo, "rev-parse", "HEAD").strip() == vorher.kopf
    assert reste(repo) == []


def test_platte_voll_beim_zurueckschreiben(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The commit fails and so does writing the old content back: the message says exactly
    what state the file is in; the next command restores it."""
    vorher = zustand(repo, SA01)
    aufrufe: list[str] = []

    def voll(schritt: str) -> None:
        aufrufe.append(schritt)
        if schritt == "git-commit" or (schritt == "temp" and "git-commit" in aufrufe):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(stoerung, "STOERSTELLE", voll)
    with pytest.raises(StrategieFehler) as fehler:
        aendere(repo / "ziele", _ampel("SA-01", "gelb"), "x")
    meldung = fehler.value.meldung
    assert "Platz auf dem Datenträger" in meldung or "voll" in meldung
    assert "sa/SA-01.toml enthält jetzt die neue Fassung, die NICHT gespeichert" in meldung
    assert "journal.json" in meldung and "strategie pruefen" in meldung
    assert 'ampel = "gelb"' in (repo / SA01).read_text(encoding="utf-8")  # as the message says
    monkeypatch.setattr(stoerung, "STOERSTELLE", None)
    erholt = erhole_bei_bedarf(repo / "ziele")
    assert erholt is not None and "zurückgenommen" in erholt
    assert zustand(repo, SA01) == vorher and reste(repo) == []


def test_nachricht_ueber_stdin_keine_temp_dateien(repo: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    eigenes_tmp = repo.parent / "tmp"
    eigenes_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(eigenes_tmp))
    aendere(repo / "ziele", _ampel("SA-01", "gelb"), "Kommentar mit\nzwei Zeilen")
    assert list(eigenes_tmp.iterdir()) == []
    assert "Kommentar mit\nzwei Zeilen" in git(repo, "log", "-1", "--format=%B")


def test_git_verzeichnis_nicht_beschreibbar(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """(root ignores file modes, so the read-only file system is simulated at os.open.)"""
    echtes_open = os.open

    def nur_lesen(pfad: object, *args: object, **kwargs: object) -> int:
        if str(pfad).endswith(sperre.DATEI):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(pfad))
        return echtes_open(pfad, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sperre.os, "open", nur_lesen)
    with pytest.raises(StrategieFehler) as fehler:
        aendere(repo / "ziele", _ampel("SA-01", "gelb"), "x")
    assert "nicht beschreibbar" in fehler.value.meldung
    assert "index.lock" not in fehler.value.meldung


def test_cli_meldet_gespeichert_und_sperrdatei_bleibt_unschaedlich(repo: Path) -> None:
    lauf = strategie(repo, "setze", "SA-01", "ampel", "gelb", "-m", "x")
    assert lauf.returncode == 0 and "Gespeichert" in lauf.stdout
    assert (repo / ".git" / "strategie" / "schreibsperre").exists()  # a lock file, not held
    assert strategie(repo, "setze", "SA-01", "ampel", "rot", "-m", "y").returncode == 0
