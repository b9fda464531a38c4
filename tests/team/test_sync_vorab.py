"""The fetch ``strategie sync`` begins before it imports its modules (``git.vorab``): it
counts as the sync's first fetch only where it is the same fetch, is never waited for twice,
and does not outlive a sync that stops before it fetches. Real git, a counting upload-pack."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from strategie.git.befehl import finde_orte
from strategie.git.vorab import Vorab
from strategie.team.gemeinsam import Ziel
from strategie.team.sync import VORAB_FRISCH_S, _abrufen
from tests.team.gitserver import Klon, Team
from tests.team.werkzeug import STRATEGIE, baum, strategie


@pytest.fixture
def team(neues_team: Callable[[int], Team]) -> Team:
    return neues_team(2)


def _zaehlendes_upload_pack(klon: Klon, tmp_path: Path, *, warten: float = 0,
                            scheitern: bool = False, nur_der_erste: bool = False) -> Path:
    """Make every fetch of *klon* leave a line in the returned file (after *warten* s — only
    the first fetch if *nur_der_erste* —, or failing as an unreachable server does)."""
    protokoll = tmp_path / f"abrufe-{klon.pfad.name}"
    skript = tmp_path / f"upload-pack-{klon.pfad.name}"
    schluss = 'echo "Verbindung abgebrochen" >&2; exit 128' if scheitern else (
        'exec git-upload-pack "$@"')
    pause = f'$([ -e "{protokoll}" ] && echo 0 || echo {warten})' if nur_der_erste else warten
    skript.write_text(f'#!/bin/sh\nw={pause}\necho "$$" >> "{protokoll}"\n'
                      f"sleep $w & s=$!\ntrap 'kill $s; exit 1' TERM\nwait $s\n"
                      f"{schluss}\n", encoding="utf-8")
    skript.chmod(0o755)
    klon.git("config", "remote.origin.uploadpack", str(skript))
    return protokoll


def _abrufe(protokoll: Path) -> int:
    return len(protokoll.read_text().splitlines()) if protokoll.exists() else 0


def test_ein_abruf_je_abgleich(team: Team, tmp_path: Path) -> None:
    anna, bernd = team.klone
    protokoll = _zaehlendes_upload_pack(bernd, tmp_path)
    nichts = strategie(bernd, "sync")
    assert nichts.code == 0 and "Nichts zu tun" in nichts.out, nichts.text
    assert _abrufe(protokoll) == 1  # the fetch begun ahead was the sync's fetch
    assert strategie(anna, "status", "SA-01", "umgesetzt", "-m", "von Anna").code == 0
    assert strategie(anna, "sync").code == 0
    geholt = strategie(bernd, "sync")
    assert geholt.code == 0 and "1 Änderung von anderen übernommen: SA-01" in geholt.out
    assert _abrufe(protokoll) == 2
    assert baum(bernd.pfad) == baum(team.bare, "main")


def test_anderes_remote_ohne_upstream(team: Team, tmp_path: Path) -> None:
    """A plain ``git fetch`` would ask origin, which this clone does not have: the sync
    fetches its own remote and is not misled by the failed fetch begun ahead."""
    anna, bernd = team.klone
    bernd.git("remote", "rename", "origin", "zentral")
    bernd.git("branch", "--unset-upstream")
    assert strategie(anna, "status", "SA-01", "umgesetzt", "-m", "von Anna").code == 0
    assert strategie(anna, "sync").code == 0
    assert strategie(bernd, "status", "SA-02", "umgesetzt", "-m", "von Bernd").code == 0
    ergebnis = strategie(bernd, "sync")
    assert ergebnis.code == 0, ergebnis.text
    assert "1 eigene Änderung geteilt, 1 Änderung von anderen übernommen" in ergebnis.out
    assert baum(bernd.pfad) == baum(team.bare, "main")


def test_sync_der_vorher_aufhoert_beendet_den_abruf(team: Team, tmp_path: Path) -> None:
    """A sync that stops before it fetches (here: a merge begun by hand) does not wait for
    the fetch begun ahead and leaves no git behind."""
    bernd = team.klone[1]
    (bernd.pfad / ".git" / "MERGE_HEAD").write_text(bernd.kopf() + "\n")  # as git merge
    protokoll = _zaehlendes_upload_pack(bernd, tmp_path, warten=120)
    # were the fetch waited for, this would take 120 s
    lauf = subprocess.run([*STRATEGIE, "sync"], cwd=bernd.pfad, capture_output=True,
                          text=True, timeout=60)
    assert lauf.returncode == 3 and "merge" in lauf.stdout, lauf.stdout + lauf.stderr
    assert _abrufe(protokoll) == 1  # the fetch had begun
    holend = [p for p in Path("/proc").glob("[0-9]*/cmdline")
              if b"fetch\0--quiet" in _lies(p) and _ort(p) == bernd.pfad.resolve()]
    assert holend == []  # stopped and reaped
    transport = protokoll.read_text().split()  # git would leave it running (ssh: for minutes)
    assert [pid for pid in transport if _lebt(int(pid))] == []


def _lebt(pid: int) -> bool:
    """Still running (a zombie of an exited child counts as ended)."""
    try:
        return Path(f"/proc/{pid}/stat").read_bytes().rpartition(b")")[2].split()[0] != b"Z"
    except OSError:
        return False


def test_uebrig_gebliebene_sperre_trotz_laufendem_abruf_entfernt(
        team: Team, tmp_path: Path) -> None:
    """The fetch begun ahead is a git working in the repository: the leftover lock of a
    killed git would stay for it on every sync while the server is slow. It is stopped
    first, the lock removed, and the sync fetches itself."""
    bernd = team.klone[1]
    sperre = bernd.pfad / ".git" / "index.lock"
    sperre.write_text("")
    os.utime(sperre, (0, 0))
    _zaehlendes_upload_pack(bernd, tmp_path, warten=30, nur_der_erste=True)
    lauf = subprocess.run([*STRATEGIE, "sync"], cwd=bernd.pfad, capture_output=True,
                          text=True, timeout=25)
    assert lauf.returncode == 0, lauf.stdout + lauf.stderr
    assert "index.lock" in lauf.stdout and "entfernt" in lauf.stdout
    assert not sperre.exists()


def _lies(datei: Path) -> bytes:
    try:
        return datei.read_bytes()
    except OSError:
        return b""


def _ort(cmdline: Path) -> Path | None:
    try:
        return Path(os.readlink(cmdline.parent / "cwd")).resolve()
    except OSError:
        return None


def test_alter_oder_an_einer_sperre_gescheiterter_abruf_wird_wiederholt(
        team: Team, tmp_path: Path) -> None:
    bernd = team.klone[1]
    orte = finde_orte(bernd.pfad)
    assert orte is not None
    ziel = Ziel("main", "origin", "main", "refs/remotes/origin/main", eingestellt=True)
    protokoll = _zaehlendes_upload_pack(bernd, tmp_path)

    frisch = Vorab(str(bernd.pfad), "fetch", "--quiet")
    assert _abrufen(orte, ziel, frisch).ok and _abrufe(protokoll) == 1  # taken as it is

    alt = Vorab(str(bernd.pfad), "fetch", "--quiet")
    alt.ergebnis()
    alt.begonnen -= VORAB_FRISCH_S + 1  # as after a long wait for the write lock
    assert _abrufen(orte, ziel, alt).ok and _abrufe(protokoll) == 3  # fetched again

    sperre = bernd.pfad / ".git" / "refs" / "remotes" / "origin" / "main.lock"
    assert strategie(team.klone[0], "status", "SA-01", "umgesetzt", "-m", "neu").code == 0
    assert strategie(team.klone[0], "sync").code == 0
    sperre.parent.mkdir(parents=True, exist_ok=True)
    sperre.write_text("")  # another git updates that ref just now
    gesperrt = Vorab(str(bernd.pfad), "fetch", "--quiet")
    assert gesperrt.ergebnis() is not None and gesperrt.ergebnis()[0] != 0  # type: ignore[index]
    sperre.unlink()
    assert _abrufen(orte, ziel, gesperrt).ok and _abrufe(protokoll) == 5  # fetched again

    weg = Vorab(str(tmp_path / "gibt-es-nicht"), "fetch", "--quiet")
    assert weg.ergebnis() is None
    assert _abrufen(orte, ziel, weg).ok  # did not start: the sync fetches itself


def test_alter_abruf_wird_nicht_abgewartet(team: Team, tmp_path: Path) -> None:
    """A fetch begun ahead that is stale (the sync waited for the write lock) is stopped,
    not waited for and then thrown away: against a slow server that doubled the wait."""
    bernd = team.klone[1]
    orte = finde_orte(bernd.pfad)
    assert orte is not None
    ziel = Ziel("main", "origin", "main", "refs/remotes/origin/main", eingestellt=True)
    protokoll = _zaehlendes_upload_pack(bernd, tmp_path, warten=60, nur_der_erste=True)
    alt = Vorab(str(bernd.pfad), "fetch", "--quiet")
    frist = time.monotonic() + 30
    while not _abrufe(protokoll) and time.monotonic() < frist:  # it reached the server
        time.sleep(0.05)
    assert _abrufe(protokoll) == 1
    alt.begonnen -= VORAB_FRISCH_S + 1
    beginn = time.monotonic()
    assert _abrufen(orte, ziel, alt).ok
    assert time.monotonic() - beginn < 30  # waiting for the first would take 60 s
    assert _abrufe(protokoll) == 2  # the stopped one, and the own fetch


def test_abruf_an_der_sperre_eines_anderen_wird_wiederholt(
        team: Team, tmp_path: Path) -> None:
    """A second sync's fetch (begun ahead, outside the write lock) holds the remote-tracking
    ref for a moment: the sync's own fetch meets the lock, and tries again."""
    bernd = team.klone[1]
    orte = finde_orte(bernd.pfad)
    assert orte is not None
    ziel = Ziel("main", "origin", "main", "refs/remotes/origin/main", eingestellt=True)
    assert strategie(team.klone[0], "status", "SA-01", "umgesetzt", "-m", "neu").code == 0
    assert strategie(team.klone[0], "sync").code == 0
    sperre = bernd.pfad / ".git" / "refs" / "remotes" / "origin" / "main.lock"
    sperre.parent.mkdir(parents=True, exist_ok=True)
    sperre.write_text("")
    loeser = threading.Timer(0.4, sperre.unlink)
    loeser.start()
    try:
        lauf = _abrufen(orte, ziel, None)
    finally:
        loeser.join()
    assert lauf.ok, lauf.meldung
    assert bernd.kopf("origin/main") == team.klone[0].kopf()


def test_langsamer_abruf_zaehlt(team: Team, tmp_path: Path) -> None:
    """A fetch that itself takes longer than VORAB_FRISCH_S still counts: the age is how long
    the sync waited before it asked, not how long the network took."""
    bernd = team.klone[1]
    orte = finde_orte(bernd.pfad)
    assert orte is not None
    ziel = Ziel("main", "origin", "main", "refs/remotes/origin/main", eingestellt=True)
    protokoll = _zaehlendes_upload_pack(bernd, tmp_path, warten=VORAB_FRISCH_S + 0.5)
    assert _abrufen(orte, ziel, Vorab(str(bernd.pfad), "fetch", "--quiet")).ok
    assert _abrufe(protokoll) == 1


def test_unerreichbar_wird_nicht_zweimal_abgewartet(team: Team, tmp_path: Path) -> None:
    bernd = team.klone[1]
    orte = finde_orte(bernd.pfad)
    assert orte is not None
    ziel = Ziel("main", "origin", "main", "refs/remotes/origin/main", eingestellt=True)
    protokoll = _zaehlendes_upload_pack(bernd, tmp_path, scheitern=True)
    vorab = Vorab(str(bernd.pfad), "fetch", "--quiet")
    lauf = _abrufen(orte, ziel, vorab)
    assert not lauf.ok and "Verbindung abgebrochen" in lauf.meldung
    assert _abrufe(protokoll) == 1  # that very fetch, not a second one
    ergebnis = strategie(bernd, "sync")
    assert ergebnis.code == 4 and "nicht erreichbar" in ergebnis.out, ergebnis.text
    assert _abrufe(protokoll) == 2


def test_schlichter_sync_beginnt_den_abruf_vor_dem_parser(team: Team, tmp_path: Path) -> None:
    """A plain 'strategie sync' starts its fetch from the bare command line (cli/abruf.py),
    before argparse and the sync's modules are imported; befehl_sync takes it over."""
    bernd = team.klone[1]
    protokoll = _zaehlendes_upload_pack(bernd, tmp_path)
    programm = ("import sys, time\nfrom strategie.cli import abruf\nabruf.beginne(sys.argv[1:])\n"
                "begonnen = abruf._begonnen is not None\nparser = 'argparse' in sys.modules\n"
                "ende = time.monotonic() + 30\n"
                "while begonnen and not abruf._begonnen.ergebnis() and time.monotonic() < ende:\n"
                "    time.sleep(0.05)\n"
                "abruf.beende()\nprint(begonnen, parser)")
    for argumente, begonnen in ((["sync"], True), (["--store", "ziele", "sync"], True),
                                (["sync", f"--store={bernd.pfad / 'ziele'}"], True),
                                (["sync", "--pruefen"], False), (["sync", "--weiter"], False),
                                (["--store", str(tmp_path), "sync"], False)):  # no store there
        lauf = subprocess.run([sys.executable, "-c", programm, *argumente], cwd=bernd.pfad,
                              capture_output=True, text=True, timeout=60)
        assert lauf.stdout.split() == [str(begonnen), "False"], (argumente, lauf.stderr)
    assert _abrufe(protokoll) == 3
    nichts = strategie(bernd, "sync")
    assert nichts.code == 0 and "Nichts zu tun" in nichts.out, nichts.text
    assert _abrufe(protokoll) == 4  # the sync took over the fetch begun ahead


def test_abruf_fuer_einen_anderen_speicher_wird_beendet(team: Team, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from strategie.cli import abruf

    bernd = team.klone[1]
    _zaehlendes_upload_pack(bernd, tmp_path, warten=120)
    monkeypatch.chdir(bernd.pfad)
    abruf.beginne(["sync"])
    vorab = abruf._begonnen
    assert vorab is not None and vorab._prozess is not None
    assert abruf.nimm(tmp_path) is None  # another store: not this fetch
    assert vorab._prozess.poll() is not None and abruf._begonnen is None  # stopped, not left
    assert abruf.nimm(bernd.pfad / "ziele") is None  # handed over at most once


def test_beenden_laesst_nichts_zurueck_was_gerade_entsteht(team: Team, tmp_path: Path) -> None:
    """The transport keeps starting processes while the fetch is stopped (as git just
    spawning ssh does): each is stopped before the next look at /proc, none outlives it."""
    bernd = team.klone[1]
    marke = "61.4142"  # a sleep no other process has
    skript = tmp_path / "upload-pack-vermehrt"
    skript.write_text(f'#!/bin/sh\nwhile :; do sleep {marke} & done\n', encoding="utf-8")
    skript.chmod(0o755)
    bernd.git("config", "remote.origin.uploadpack", str(skript))

    def schlaefer() -> list[int]:
        return [int(p.parent.name) for p in Path("/proc").glob("[0-9]*/cmdline")
                if marke.encode() in _lies(p) and _lebt(int(p.parent.name))]

    for _ in range(3):
        vorab = Vorab(str(bernd.pfad), "fetch", "--quiet")
        ende = time.monotonic() + 30
        while len(schlaefer()) < 20 and time.monotonic() < ende:
            time.sleep(0.01)
        assert schlaefer(), "the transport did not start"
        vorab.beende()
        time.sleep(0.2)
        assert schlaefer() == []


def test_strg_c_vor_dem_abgleich_beendet_den_vorab_abruf(
        team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Ctrl+C while the parser is still being built: 'Abgebrochen.', exit 130, and the fetch
    begun from the command line is stopped, not left running."""
    import strategie.cli.parser
    from strategie.cli.main import ABGEBROCHEN, main

    bernd = team.klone[1]
    protokoll = _zaehlendes_upload_pack(bernd, tmp_path, warten=120)

    def unterbrochen(*_: object) -> None:
        ende = time.monotonic() + 30
        while not _abrufe(protokoll) and time.monotonic() < ende:
            time.sleep(0.01)  # the transport runs: the fetch began before the parser
        raise KeyboardInterrupt

    monkeypatch.setattr(strategie.cli.parser, "baue_parser", unterbrochen)
    monkeypatch.chdir(bernd.pfad)
    assert main(["sync"]) == ABGEBROCHEN
    assert capsys.readouterr().err == "Abgebrochen.\n"
    assert _abrufe(protokoll) == 1
    holend = [p for p in Path("/proc").glob("[0-9]*/cmdline")
              if b"fetch\0--quiet" in _lies(p) and _ort(p) == bernd.pfad.resolve()]
    assert holend == []
    assert [pid for pid in protokoll.read_text().split() if _lebt(int(pid))] == []
