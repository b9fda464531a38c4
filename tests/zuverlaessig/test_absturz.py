"""kill -9 at every step of the edit path: the next command settles the change (journal),
leaves no debris, and the store is exactly as before or exactly the intended commit."""

from __future__ import annotations

import os
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


def test_zurueckgelassene_git_sperren_werden_entfernt(repo: Path) -> None:
    """git killed inside ``commit --only`` leaves more than index.lock: its next-index lock,
    HEAD.lock and the branch's ref lock (which would refuse every later commit). With no git
    process in the work tree they are removed once two seconds old, and named."""
    zweig = git(repo, "symbolic-ref", "--short", "HEAD").strip()
    sperren = [repo / ".git" / "next-index-4711.lock", repo / ".git" / "HEAD.lock",
               repo / ".git" / "refs" / "heads" / f"{zweig}.lock"]
    alt = time.time() - 10
    for sperre in sperren:
        sperre.write_bytes(b"")
        os.utime(sperre, (alt, alt))
    lauf = strategie(repo, "setze", "SA-01", "ampel", "gelb", "-m", "nach dem Absturz")
    assert lauf.returncode == 0, lauf.stderr
    assert "Sperrdateien" in lauf.stderr and f"refs/heads/{zweig}.lock" in lauf.stderr
    assert not any(s.exists() for s in sperren)
    assert "nach dem Absturz" in git(repo, "log", "-1", "--format=%B")
    assert git(repo, "status", "--porcelain") == "" and reste(repo) == []


def _langsamer_haken(repo: Path, sekunden: float) -> Path:
    """A pre-commit hook that, the first time, says it runs and then takes *sekunden*."""
    marke = repo / ".git" / "haken-laeuft"
    haken = repo / ".git" / "hooks" / "pre-commit"
    haken.write_text(f'#!/bin/sh\nif [ ! -e "{marke}" ]; then touch "{marke}"; '
                     f"sleep {sekunden}; fi\n")
    haken.chmod(0o755)
    return marke


def _toete_waehrend_commit(repo: Path, marke: Path) -> None:
    """Start an edit, kill -9 only the strategie process while its git commit runs."""
    schreiber = subprocess.Popen(
        [sys.executable, "-m", "strategie", "--store", str(repo / "ziele"), "setze", "SA-01",
         "ampel", "gelb", "-m", "verwaist"], env=umgebung(), stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    frist = time.monotonic() + 60
    while not marke.exists():
        assert schreiber.poll() is None and time.monotonic() < frist
        time.sleep(0.02)
    schreiber.kill()  # its git commit goes on, orphaned, and will still make the commit
    schreiber.wait()


def test_verwaister_git_commit_wird_abgewartet(repo: Path) -> None:
    """The writer dies, its ``git commit`` lives on: the next edit must wait for it before it
    settles the journal — undoing the files while that git still commits would leave a
    commit whose content the work tree no longer has."""
    marke = _langsamer_haken(repo, 5)
    _toete_waehrend_commit(repo, marke)
    lauf = strategie(repo, "setze", "SA-02", "ampel", "rot", "-m", "danach")
    assert lauf.returncode == 0, lauf.stderr
    assert "schon gespeichert" in lauf.stderr
    assert "verwaist" in git(repo, "log", "-1", "--skip=1", "--format=%B")
    assert 'ampel = "gelb"' in git(repo, "show", f"HEAD:{SA01}")
    assert git(repo, "status", "--porcelain") == "" and reste(repo) == []


def test_pruefen_wartet_nicht_lange_auf_verwaisten_git(repo: Path) -> None:
    """``pruefen`` waits three seconds only: then it fails (never "In Ordnung" with a change
    unsettled), says which git to wait for, touches nothing; the next run settles it."""
    marke = _langsamer_haken(repo, 6)
    _toete_waehrend_commit(repo, marke)
    pruefen = strategie(repo, "pruefen")
    assert pruefen.returncode != 0 and "In Ordnung" not in pruefen.stdout
    assert "arbeitet noch" in pruefen.stderr, pruefen.stdout + pruefen.stderr
    assert (repo / ".git" / "strategie" / "journal.json").exists()
    assert 'ampel = "gelb"' in (repo / SA01).read_text()  # nothing undone under git's feet
    frist = time.monotonic() + 60
    while "verwaist" not in git(repo, "log", "-1", "--format=%B"):
        assert time.monotonic() < frist
        time.sleep(0.1)
    time.sleep(0.3)
    danach = strategie(repo, "pruefen")
    assert danach.returncode == 0, danach.stdout + danach.stderr
    assert "schon gespeichert" in danach.stdout + danach.stderr
    assert git(repo, "status", "--porcelain") == "" and reste(repo) == []


def _fremder_git(ort: Path) -> subprocess.Popen[bytes]:
    """A git someone else keeps running in *ort* (a tool's ``git cat-file --batch``)."""
    prozess = subprocess.Popen(["git", "cat-file", "--batch"], cwd=ort, stdin=subprocess.PIPE,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    frist = time.monotonic() + 10
    while prozess.poll() is None and time.monotonic() < frist:  # until it runs as git
        if Path(f"/proc/{prozess.pid}/comm").read_text().startswith("git"):
            break
        time.sleep(0.01)
    return prozess


def test_fremder_git_haelt_die_erholung_nicht_auf(repo: Path) -> None:
    """Recovery waits only for a git the crashed writer started: another git running in the
    work tree (a pager, a tool, an editor open for git commit) does not block the next edit."""
    assert _stirb_bei(repo, "schreiben", 2, "aendern") == -9
    assert (repo / ".git" / "strategie" / "journal.json").exists()
    fremd = _fremder_git(repo)
    try:
        lauf = strategie(repo, "setze", "SA-03", "ampel", "rot", "-m", "danach")
        assert lauf.returncode == 0, lauf.stderr
        assert "zurückgenommen" in lauf.stderr and "arbeitet noch" not in lauf.stderr
        assert fremd.poll() is None  # left alone
    finally:
        fremd.kill()
        fremd.wait()
    assert git(repo, "status", "--porcelain") == "" and reste(repo) == []


def test_zweigsperre_bleibt_solange_git_in_einem_anderen_arbeitsbaum_laeuft(
        repo: Path, tmp_path: Path) -> None:
    """The branch's ref lock lives in the git directory all work trees share: while a git
    works in any of them, a lock is never taken for a leftover; once none does, it is."""
    baum = tmp_path / "zweiter-baum"
    git(repo, "worktree", "add", "-q", "-b", "zweit", str(baum))
    sperre = repo / ".git" / "refs" / "heads" / "zweit.lock"
    sperre.write_bytes(b"")
    alt = time.time() - 10
    os.utime(sperre, (alt, alt))
    fremd = _fremder_git(repo)  # in the main work tree, not in the second one
    try:
        lauf = strategie(baum, "setze", "SA-01", "ampel", "gelb", "-m", "im zweiten Baum")
        assert lauf.returncode != 0 and sperre.exists(), lauf.stderr
    finally:
        fremd.kill()
        fremd.wait()
    lauf = strategie(baum, "setze", "SA-01", "ampel", "gelb", "-m", "im zweiten Baum")
    assert lauf.returncode == 0, lauf.stderr
    assert "zweit.lock" in lauf.stderr and not sperre.exists()
