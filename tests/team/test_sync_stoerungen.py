"""Faults during ``strategie sync``, each with a tested outcome in which no committed edit is
lost and the next sync recovers or says exactly what to do: a push the server refuses, a
remote that cannot be reached, someone pushing in between, a sync killed with SIGKILL at its
steps (real processes), and a rebase or merge left half done by plain git."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from strategie.team.zustand import PHASEN
from tests.team.gitserver import Klon, Team
from tests.team.werkzeug import (
    STRATEGIE,
    baum,
    datei,
    daten,
    interpreter_fuer,
    richte_team_ein,
    strategie,
    warte_auf_git,
)
from tests.zuverlaessig.test_absturz import STIRB

ABLEHNEN = """\
#!/bin/sh
echo "Abgelehnt: Testregel – keine Änderungen an SA-01." >&2
exit 1
"""


@pytest.fixture
def team(neues_team: Callable[[int], Team]) -> Team:
    return richte_team_ein(neues_team(2))


def betreffe(repo: Path, rev: str = "HEAD") -> list[str]:
    return subprocess.run(["git", "-C", str(repo), "log", "--format=%s", rev],
                          capture_output=True, text=True, check=True).stdout.splitlines()


def test_vom_server_abgelehnt_bleibt_lokal_und_geht_spaeter(team: Team) -> None:
    anna = team.klone[0]
    hook = team.hook("pre-receive", ABLEHNEN)
    vorher = team.refs()
    assert strategie(anna, "status", "SA-01", "umgesetzt", "-m", "fertig").code == 0
    eigener = anna.kopf()
    ergebnis = strategie(anna, "sync")
    assert ergebnis.code == 6, ergebnis.text
    assert "Der Server hat die eigenen Änderungen abgelehnt" in ergebnis.out
    assert "  Abgelehnt: Testregel – keine Änderungen an SA-01." in ergebnis.out
    assert team.refs() == vorher and anna.kopf() == eigener
    hook.unlink()
    assert strategie(anna, "sync").code == 0
    assert team.refs()["refs/heads/main"] == eigener


def test_nicht_erreichbar_bleibt_alles_lokal(team: Team) -> None:
    anna = team.klone[0]
    anna.git("remote", "set-url", "origin", "http://127.0.0.1:9/strategie.git")
    assert strategie(anna, "status", "SA-01", "umgesetzt", "-m", "offline").code == 0
    assert strategie(anna, "setze", "SA-02", "ampel", "grün", "-m", "offline").code == 0
    pruefung = strategie(anna, "sync", "--pruefen")  # the same exit code as sync itself
    assert pruefung.code == 4 and pruefung.err.startswith(
        "Fehler: Gemeinsames Repository origin nicht erreichbar ("), pruefung.text
    ergebnis = strategie(anna, "sync")
    assert ergebnis.code == 4, ergebnis.text
    assert ergebnis.out.startswith("Gemeinsames Repository origin nicht erreichbar (")
    assert "2 eigene Änderungen bleiben lokal gespeichert" in ergebnis.out
    assert len(ergebnis.out.strip().splitlines()) == 1  # one German line
    anna.git("remote", "set-url", "origin", str(team.bare))
    geteilt = strategie(anna, "sync")
    assert geteilt.code == 0 and "2 eigene Änderungen geteilt" in geteilt.out
    anna.git("remote", "set-url", "origin", "http://127.0.0.1:9/strategie.git")
    nichts_offen = strategie(anna, "sync")
    assert nichts_offen.code == 4 and nichts_offen.out.endswith(
        "). Es gibt keine ungeteilten eigenen Änderungen; später noch einmal strategie sync.\n")
    anna.git("remote", "set-url", "origin", str(team.bare))
    assert strategie(anna, "sync").out.startswith("Nichts zu tun")


def test_ordner_ohne_repository_ist_kein_netzproblem(team: Team, tmp_path: Path) -> None:
    """A remote that names a folder with something in it but no repository answered (exit 3,
    "weist ab" with git's reason); a folder that is missing or empty may be a network share
    not mounted right now: "nicht erreichbar" (exit 4), also as a relative path (resolved
    where git ran, as git resolves it). Either way the own change stays committed."""
    anna = team.klone[0]
    ordner = tmp_path / "kein-repository"
    ordner.mkdir()
    (ordner / "notizen.txt").write_text("kein git hier\n", encoding="utf-8")
    assert strategie(anna, "status", "SA-01", "umgesetzt", "-m", "lokal").code == 0
    eigener = anna.kopf()
    for url in (str(ordner), str(ordner) + "/"):
        anna.git("remote", "set-url", "origin", url)
        ergebnis = strategie(anna, "sync")
        assert ergebnis.code == 3, (url, ergebnis.text)
        assert ergebnis.out.startswith(f"Das gemeinsame Repository origin weist diesen Klon "
                                       f"ab ('{url}' does not appear to be a git repository)")
    eingehaengt = tmp_path / "freigabe"
    eingehaengt.mkdir()  # the mount point of a share that is not mounted: empty
    for url in (str(eingehaengt), str(tmp_path / "nicht-da" / "s.git"), "../nicht-da/s.git"):
        anna.git("remote", "set-url", "origin", url)
        ergebnis = strategie(anna, "sync")
        assert ergebnis.code == 4, (url, ergebnis.text)
        assert ergebnis.out.startswith("Gemeinsames Repository origin nicht erreichbar (")
    assert anna.kopf() == eigener
    anna.git("remote", "set-url", "origin", str(team.bare))
    assert strategie(anna, "sync").code == 0 and team.refs()["refs/heads/main"] == eigener


@pytest.mark.parametrize("antwort", [
    "ERROR: Permission to kreis/strategie.git denied to anna.",  # GitHub
    "repository access denied.",  # Bitbucket
    "GitLab: The project you were looking for could not be found or you do not have permission "
    "to view it.",
    "Gitea: User permission denied for writing",
])
def test_abweisung_der_hoster_ueber_ssh(team: Team, tmp_path: Path, antwort: str) -> None:
    """What hosting services answer over ssh when they turn an account away is no network
    fault: exit 3, "weist diesen Klon ab", with their line."""
    anna = team.klone[0]
    skript = tmp_path / "hoster-ssh"
    skript.write_text(f"#!/bin/sh\necho '{antwort}' >&2\nexit 1\n", encoding="utf-8")
    skript.chmod(0o755)
    anna.git("remote", "set-url", "origin", "git@hoster:kreis/strategie.git")
    anna.git("config", "core.sshCommand", str(skript))
    ergebnis = strategie(anna, "sync")
    assert ergebnis.code == 3, ergebnis.text
    assert ergebnis.out.startswith(f"Das gemeinsame Repository origin weist diesen Klon ab "
                                   f"({antwort})"), ergebnis.out


def _drangelnder(team: Team, klon: Klon, tmp_path: Path, mal: int) -> None:
    """Before the clone's push reaches the server, the other clone pushes (*mal* times)."""
    anderer = team.klone[1]
    zaehler = tmp_path / "zaehler"
    zaehler.write_text("0", encoding="utf-8")
    skript = tmp_path / "receive-pack"
    skript.write_text(f"""#!{sys.executable}
import os, subprocess, sys
from pathlib import Path
zaehler = Path({str(zaehler)!r})
n = int(zaehler.read_text())
if n < {mal}:
    zaehler.write_text(str(n + 1))
    klon = {str(anderer.pfad)!r}
    subprocess.run(["git", "-C", klon, "pull", "-q", "--rebase"], check=True)
    pfad = Path(klon, "ziele", "dez", "DEZ-01.toml")
    text = pfad.read_text().replace("\\nwirkungsziel", f"\\n# Runde {{n}}\\nwirkungsziel", 1)
    pfad.write_text(text)
    subprocess.run(["git", "-C", klon, "commit", "-qam", f"dazwischen {{n}}"], check=True)
    subprocess.run(["git", "-C", klon, "push", "-q", "origin", "HEAD:main"], check=True)
os.execvp("git-receive-pack", ["git-receive-pack", *sys.argv[1:]])
""", encoding="utf-8")
    skript.chmod(0o755)
    klon.git("config", "remote.origin.receivepack", str(skript))


def test_jemand_teilt_dazwischen_dann_wird_wiederholt(team: Team, tmp_path: Path) -> None:
    anna = team.klone[0]
    _drangelnder(team, anna, tmp_path, mal=1)
    assert strategie(anna, "status", "SA-01", "umgesetzt", "-m", "x").code == 0
    eigener = betreffe(anna.pfad)[0]
    ergebnis = strategie(anna, "sync")
    assert ergebnis.code == 0, ergebnis.text
    assert "Inzwischen hat jemand anderes geteilt" in ergebnis.out
    assert "1 eigene Änderung geteilt, 1 Änderung von anderen übernommen: DEZ-01" in ergebnis.out
    assert betreffe(team.bare, "main")[:2] == [eigener, "dazwischen 0"]


def test_wiederholen_hat_eine_grenze(team: Team, tmp_path: Path) -> None:
    anna = team.klone[0]
    _drangelnder(team, anna, tmp_path, mal=100)
    assert strategie(anna, "status", "SA-01", "umgesetzt", "-m", "x").code == 0
    eigener = betreffe(anna.pfad)[0]
    ergebnis = strategie(anna, "sync")
    assert ergebnis.code == 3, ergebnis.text
    assert "bei 4 Versuchen jedes Mal geändert" in ergebnis.out
    assert eigener in betreffe(anna.pfad) and eigener not in betreffe(team.bare, "main")


def _warte_auf(datei: Path, prozess: subprocess.Popen[str], frist: float = 60) -> None:
    ende = time.monotonic() + frist
    while not datei.exists():
        assert prozess.poll() is None, prozess.communicate()
        assert time.monotonic() < ende, f"{datei} erscheint nicht"
        time.sleep(0.05)


def _bremse(tmp_path: Path, name: str, befehl: str) -> Path:
    """A program that signals it was reached, waits, then runs *befehl* with its arguments."""
    signal_datei = tmp_path / f"{name}.erreicht"
    skript = tmp_path / name
    skript.write_text(f'#!/bin/sh\ntouch {signal_datei}\nsleep 4\nexec {befehl} "$@"\n',
                      encoding="utf-8")
    skript.chmod(0o755)
    return skript


def _sync_im_hintergrund(klon: Klon) -> subprocess.Popen[str]:
    return subprocess.Popen([*STRATEGIE, "sync"], cwd=klon.pfad, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def _gleiche_stelle(team: Team) -> tuple[Klon, list[str]]:
    """Anna shares a change of SA-03; Bernd has two own commits, one of them on SA-03."""
    anna, bernd = team.klone
    assert strategie(anna, "setze", "SA-03", "ampel", "grün", "-m", "a").code == 0
    assert strategie(anna, "sync").code == 0
    assert strategie(bernd, "status", "SA-03", "umgesetzt", "-m", "b1").code == 0
    assert strategie(bernd, "status", "SA-05", "umgesetzt", "-m", "b2").code == 0
    return bernd, betreffe(bernd.pfad)[:2]


@pytest.mark.parametrize("schritt", ["abrufen", "einarbeiten", "teilen"])
@pytest.mark.parametrize("gruppe", [True, False], ids=["mit-kindern", "nur-sync"])
def test_sync_mit_sigkill_unterbrochen(team: Team, tmp_path: Path, schritt: str,
                                       gruppe: bool) -> None:
    bernd, eigene = _gleiche_stelle(team)
    if schritt == "abrufen":
        bernd.git("config", "remote.origin.uploadpack",
                  str(_bremse(tmp_path, "upload-pack", "git-upload-pack")))
    elif schritt == "teilen":
        bernd.git("config", "remote.origin.receivepack",
                  str(_bremse(tmp_path, "receive-pack", "git-receive-pack")))
    else:
        treiber = bernd.git("config", "merge.strategie.driver").stdout.strip()
        bernd.git("config", "merge.strategie.driver",
                  f"{_bremse(tmp_path, 'treiber', treiber.split(' merge-treiber')[0])}"
                  " merge-treiber %O %A %B %L %P")
    prozess = _sync_im_hintergrund(bernd)
    _warte_auf(tmp_path / f"{_name(schritt)}.erreicht", prozess)
    if gruppe:
        os.killpg(prozess.pid, signal.SIGKILL)  # a closed terminal takes git along
    else:
        os.kill(prozess.pid, signal.SIGKILL)
    prozess.communicate()
    for schluessel in ("remote.origin.uploadpack", "remote.origin.receivepack"):
        bernd.git("config", "--unset", schluessel, check=False)
    if schritt == "einarbeiten":
        bernd.git("config", "merge.strategie.driver", treiber)
    # nothing committed is lost: both own commits are reachable (HEAD or the saved ref)
    erreichbar = subprocess.run(["git", "-C", str(bernd.pfad), "log", "--format=%s", "--all"],
                                capture_output=True, text=True).stdout
    assert all(b in erreichbar for b in eigene)
    if not gruppe:
        time.sleep(0.2)
        _warte_bis_git_fertig(bernd, tmp_path)
    if schritt == "einarbeiten" and gruppe:  # HEAD is left detached by the killed rebase
        stand = strategie(bernd, "sync", "--pruefen")
        assert stand.code == 3 and stand.err.startswith(
            "Fehler: Der letzte Abgleich wurde beim Einarbeiten unterbrochen, während git "
            "rebase lief; der nächste strategie sync kehrt"), stand.text
    naechster = strategie(bernd, "sync")
    if schritt == "einarbeiten" and gruppe:
        # git was killed holding the index lock: no git runs any more, so sync removes the
        # leftover itself (as the edit path does), goes back to before its rebase and redoes it
        assert ("Übrig gebliebene Sperrdateien von git (.git/index.lock, kein git-Prozess "
                "arbeitet mehr hier) wurden entfernt.") in naechster.out, naechster.text
        assert ("unterbrochen, während git rebase lief; zurück zum Stand davor (nichts ging "
                "verloren) und neu begonnen") in naechster.out, naechster.text
        # the temporary files git gave the killed merge driver are gone too
        assert list(bernd.pfad.glob(".merge_file_*")) == []
    elif schritt == "abrufen":
        # the fetch begins before the sync takes its lock (git.vorab): the kill met it either
        # before the sync had recorded anything (the next one simply runs) or while the sync
        # waited for it with its step recorded (the next one says so)
        wiederholt = (f"Der letzte Abgleich wurde {PHASEN[schritt]} unterbrochen; nichts ging "
                      "verloren, er wird jetzt wiederholt.")
        assert wiederholt in naechster.out or "unterbrochen" not in naechster.out, (
            naechster.text)
    else:
        assert (f"Der letzte Abgleich wurde {PHASEN[schritt]} unterbrochen; nichts ging "
                "verloren, er wird jetzt wiederholt.") in naechster.out, naechster.text
    assert naechster.code == 0, naechster.text
    server = betreffe(team.bare, "main")
    assert all(b in server for b in eigene), (eigene, server)
    assert baum(bernd.pfad) == baum(team.bare, "main")
    assert daten(bernd, "SA-03")["ampel"] == "grün"


def test_sperrdatei_eines_laufenden_git_bleibt_und_wird_danach_entfernt(team: Team) -> None:
    """A lock that a git at work in the clone may hold is never taken: sync says so and
    changes nothing. Once no git runs, the same file is a leftover and sync removes it."""
    anna = team.klone[0]
    assert strategie(anna, "status", "SA-01", "umgesetzt", "-m", "eigen").code == 0
    vorher = team.refs()
    sperre = anna.pfad / ".git" / "index.lock"
    sperre.write_bytes(b"")
    laufend = subprocess.Popen(["git", "cat-file", "--batch"], cwd=anna.pfad,
                               stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    try:
        ergebnis = strategie(anna, "sync")
    finally:
        laufend.communicate(b"")
    assert ergebnis.code == 3, ergebnis.text
    assert (f"Ein git-Prozess arbeitet gerade in diesem Repository (PID {laufend.pid}: git "
            f"cat-file --batch; Sperrdatei {sperre})") in ergebnis.out, ergebnis.out
    assert sperre.exists()
    assert team.refs() == vorher
    time.sleep(2.1)  # a leftover is a lock unchanged for two seconds with no git running
    danach = strategie(anna, "sync")
    assert danach.code == 0, danach.text
    assert "Übrig gebliebene Sperrdateien von git (.git/index.lock" in danach.out
    assert not sperre.exists() and team.refs()["refs/heads/main"] == anna.kopf()


def test_abgestuerzte_aenderung_wird_vor_dem_abgleich_zurueckgenommen(team: Team) -> None:
    """An edit killed between its file writes and its commit (journal left behind): sync
    settles it first as the next edit would — undone, never shared half made."""
    anna = team.klone[0]
    assert strategie(anna, "status", "SA-03", "umgesetzt", "-m", "eigen").code == 0
    sa01 = datei(anna, "SA-01").read_text(encoding="utf-8")
    getoetet = subprocess.run([sys.executable, "-c", STIRB, str(anna.speicher), "schreiben",
                               "2", "aendern"], capture_output=True, text=True, timeout=60)
    assert getoetet.returncode == -signal.SIGKILL, getoetet.stderr
    assert datei(anna, "SA-01").read_text(encoding="utf-8") != sa01  # written, uncommitted
    ergebnis = strategie(anna, "sync")
    assert ergebnis.code == 0, ergebnis.text
    assert "zurückgenommen" in ergebnis.out, ergebnis.text
    assert datei(anna, "SA-01").read_text(encoding="utf-8") == sa01
    assert anna.git("status", "--porcelain").stdout == ""
    assert team.refs()["refs/heads/main"] == anna.kopf()
    assert baum(anna.pfad) == baum(team.bare, "main")


def _name(schritt: str) -> str:
    return {"abrufen": "upload-pack", "einarbeiten": "treiber", "teilen": "receive-pack"}[
        schritt]


def _laeuft(teil: str) -> bool:
    """Whether a process whose command line contains *teil* still runs (from /proc)."""
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if teil.encode() in cmdline.read_bytes():
                return True
        except OSError:
            continue
    return False


def _warte_bis_git_fertig(klon: Klon, bremsen: Path, frist: float = 60) -> None:
    """After killing only sync: its git child runs on; wait until it has finished."""
    ende = time.monotonic() + frist
    while time.monotonic() < ende:
        if not _laeuft(str(bremsen)) and not (klon.pfad / ".git" / "index.lock").exists():
            return
        time.sleep(0.2)


def test_von_hand_begonnener_rebase_wird_erklaert_und_nicht_angefasst(team: Team) -> None:
    anna, bernd = team.klone
    assert strategie(anna, "setze", "SA-03", "ampel", "grün", "-m", "a").code == 0
    assert strategie(anna, "sync").code == 0
    assert strategie(bernd, "setze", "SA-03", "ampel", "grau", "-m", "b").code == 0
    eigener = bernd.kopf()
    assert bernd.git("pull", "--rebase", check=False).returncode != 0  # plain git, conflict
    vorher = datei(bernd, "SA-03").read_text(encoding="utf-8")
    ergebnis = strategie(bernd, "sync")
    assert ergebnis.code == 3, ergebnis.text
    assert "git rebase nicht abgeschlossen, 1 Konflikt offen" in ergebnis.out
    assert "nicht strategie sync begonnen" in ergebnis.out
    assert "git rebase --continue" in ergebnis.out and "git rebase --abort" in ergebnis.out
    assert datei(bernd, "SA-03").read_text(encoding="utf-8") == vorher
    assert (bernd.pfad / ".git" / "rebase-merge").is_dir()
    assert strategie(bernd, "sync", "--abbrechen").code == 3  # not ours to abort either
    bernd.git("rebase", "--abort")
    assert bernd.kopf() == eigener
    assert strategie(bernd, "sync").code == 5
    assert strategie(bernd, "loese", "SA-03", "ampel", "--ihre").code == 0
    assert strategie(bernd, "sync").code == 0


def test_von_hand_begonnener_merge_wird_erklaert(team: Team) -> None:
    anna, bernd = team.klone
    assert strategie(anna, "setze", "SA-03", "ampel", "grün", "-m", "a").code == 0
    assert strategie(anna, "sync").code == 0
    assert strategie(bernd, "setze", "SA-03", "ampel", "grau", "-m", "b").code == 0
    bernd.git("fetch", "-q")
    assert bernd.git("merge", "origin/main", check=False).returncode != 0
    ergebnis = strategie(bernd, "sync")
    assert ergebnis.code == 3 and "git merge nicht abgeschlossen" in ergebnis.out
    # resolving it with strategie works for a plain merge too: one merge commit
    assert strategie(bernd, "loese", "SA-03", "ampel", "--unsere").code == 0
    assert bernd.git("rev-parse", "HEAD^2", check=False).returncode == 0
    assert strategie(bernd, "sync").code == 0
    assert daten(anna, "SA-03")["ampel"] == "grün"
    assert strategie(anna, "sync").code == 0 and daten(anna, "SA-03")["ampel"] == "grau"


def test_abruf_zwischen_den_schritten_verschiebt_nichts(team: Team) -> None:
    """Another fetch (an editor's background fetch, a second sync's) moves the remote-tracking
    ref between this sync's count and its fast-forward: the sync takes over what it counted
    and named, the newer commit comes with the next sync."""

    from strategie.git.befehl import finde_orte
    from strategie.team.gemeinsam import lies_ref, uebernahmen, zaehle, ziel_von
    from strategie.team.lage import Schritte
    from strategie.team.sync import _arbeite_ein
    from strategie.team.zustand import loesche_zustand

    anna, bernd = team.klone
    assert strategie(anna, "status", "SA-01", "umgesetzt", "-m", "erste").code == 0
    assert strategie(anna, "sync").code == 0
    bernd.git("fetch", "-q")  # this sync's fetch
    orte = finde_orte(bernd.pfad)
    assert orte is not None
    ziel = ziel_von(orte)
    fest = ziel._replace(stand=lies_ref(orte, ziel.verfolgt))
    erste = anna.kopf()
    assert fest.stand == erste and zaehle(orte, fest) == (0, 1)
    neu = uebernahmen(orte, bernd.speicher, fest)
    assert [u.ziel for u in neu] == ["SA-01"]
    assert strategie(anna, "status", "SA-02", "umgesetzt", "-m", "zweite").code == 0
    assert strategie(anna, "sync").code == 0
    bernd.git("fetch", "-q")  # someone else's fetch, meanwhile
    assert lies_ref(orte, ziel.verfolgt) == anna.kopf() != erste
    ergebnis, _ = _arbeite_ein(orte, Schritte(None), fest, bernd.kopf(), 0, 1, neu)
    assert ergebnis is None and bernd.kopf() == erste  # what was counted and named
    loesche_zustand(orte)  # as the sync does when it ends
    danach = strategie(bernd, "sync")
    assert danach.code == 0 and "1 Änderung von anderen übernommen: SA-02" in danach.out
    assert bernd.kopf() == anna.kopf()


@pytest.mark.skipif(os.geteuid() != 0, reason="braucht root, um zwei andere Konten zu starten")
def test_sperrmeldung_nennt_keine_git_prozesse_anderer_konten(tmp_path: Path) -> None:
    """The lock message names the git that works in this repository, but not another
    account's git whose working folder this account cannot see: its command line may carry a
    token (``-c http.extraHeader=…``), and it may well work elsewhere. Real processes under
    two unprivileged accounts."""
    import shutil
    import tempfile

    wurzel = Path(tempfile.mkdtemp(prefix="sperrmeldung-"))
    try:
        wurzel.chmod(0o755)
        eigen, fremd = wurzel / "eigen", wurzel / "fremd"
        for ordner, uid in ((eigen, 65533), (fremd, 65534)):
            subprocess.run(["git", "init", "-q", str(ordner)], check=True)
            subprocess.run(["chown", "-R", f"{uid}:{uid}", str(ordner)], check=True)
        fremd.chmod(0o700)
        (eigen / ".git" / "index.lock").write_bytes(b"")

        def als(uid: int, *argv: str, ort: Path) -> subprocess.Popen[bytes]:
            return subprocess.Popen(argv, cwd=ort, stdin=subprocess.PIPE,
                                    stdout=subprocess.DEVNULL, user=uid, group=uid,
                                    env={**os.environ, "HOME": str(ort)})

        geheim = als(65534, "git", "-c", "http.extraHeader=Authorization: Bearer GEHEIM-123",
                     "cat-file", "--batch-check", ort=fremd)
        eigener = als(65533, "git", "cat-file", "--batch-check", ort=eigen)
        try:
            warte_auf_git(geheim.pid, eigener.pid)
            ergebnis = subprocess.run(
                [interpreter_fuer(65533), "-c", "import sys; from pathlib import Path; "
                 "from strategie.git.befehl import orte_von; "
                 "from strategie.team.lage import gesperrt; "
                 "print(gesperrt(orte_von(Path(sys.argv[1]))).meldungen[0])", str(eigen)],
                capture_output=True, text=True, user=65533, group=65533, cwd=eigen,
                env={**os.environ, "HOME": str(eigen),
                     "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
        finally:
            for prozess in (geheim, eigener):
                prozess.communicate(b"")
        assert ergebnis.returncode == 0, ergebnis.stderr
        assert f"PID {eigener.pid}: git cat-file --batch-check; Sperrdatei" in ergebnis.stdout
        assert "GEHEIM" not in ergebnis.stdout and str(geheim.pid) not in ergebnis.stdout
    finally:
        shutil.rmtree(wurzel, ignore_errors=True)
