"""``strategie sync`` next to other git processes and clones at the same moment: a ref lock
another git holds (or a killed fetch left), a push of another clone that takes the server's
branch first, ``sync --pruefen`` during a sync, a stale remote ref in the way of a new one.
Real processes and real git throughout."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ohne_rechteumgehung
from tests.team.gitserver import Team
from tests.team.test_sync_stoerungen import betreffe
from tests.team.werkzeug import (
    STRATEGIE,
    interpreter_fuer,
    richte_team_ein,
    strategie,
    warte_auf_git,
)


@pytest.fixture
def team(neues_team: Callable[[int], Team]) -> Team:
    return richte_team_ein(neues_team(2))


def _fremde_aenderung_und_sperre(team: Team) -> Path:
    """Bernd shares a change; Anna's remote-tracking ref is locked as a running git holds it
    (its lock file), so that Anna's fetch cannot take the change in. The lock file's path."""
    anna, bernd = team.klone[0], team.klone[1]
    assert strategie(bernd, "status", "SA-05", "umgesetzt", "-m", "von Bernd").code == 0
    assert strategie(bernd, "sync").code == 0
    sperre = anna.pfad / ".git" / "refs" / "remotes" / "origin" / "main.lock"
    sperre.write_text(anna.kopf("origin/main") + "\n", encoding="utf-8")
    return sperre


def test_abruf_an_einer_sperre_wird_wiederholt(team: Team,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A fetch that meets another git's ref lock is tried again (here the lock goes after the
    first try, as when a second sync's fetch ends); then it takes the change in."""
    from strategie.git.befehl import orte_von
    from strategie.team import gemeinsam

    anna = team.klone[0]
    sperre = _fremde_aenderung_und_sperre(team)
    laeufe: list[str] = []
    echt = gemeinsam.git_lauf

    def nach_dem_ersten_versuch(wurzel: Path, *args: str, **benannt: Any) -> object:
        ergebnis = echt(wurzel, *args, **benannt)
        laeufe.append(ergebnis.fehler)
        sperre.unlink(missing_ok=True)  # the other git is done
        return ergebnis

    monkeypatch.setattr(gemeinsam, "git_lauf", nach_dem_ersten_versuch)
    abruf = gemeinsam.rufe_ab(orte_von(anna.speicher), "origin")
    assert abruf.ok and len(laeufe) == 2 and gemeinsam.an_sperre(laeufe[0]), laeufe
    assert anna.kopf("origin/main") == team.klone[1].kopf()


def test_bleibt_die_sperre_sagt_sync_das_statt_nicht_erreichbar(team: Team) -> None:
    """Held through every try, the lock is named as such (the remote was never asked), by
    sync --pruefen and by sync; the own change stays committed and goes with the next sync."""
    anna = team.klone[0]
    assert strategie(anna, "status", "SA-01", "umgesetzt", "-m", "von Anna").code == 0
    sperre = _fremde_aenderung_und_sperre(team)
    eigener = anna.kopf()
    # the git holding the lock still runs in the clone (a lock of a live git stays)
    anderer_git = subprocess.Popen(["git", "cat-file", "--batch"], cwd=anna.pfad,
                                   stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    try:
        _sperre_gehalten(team, sperre, eigener)
    finally:
        anderer_git.communicate(b"")
    sperre.unlink()
    geteilt = strategie(anna, "sync")
    assert geteilt.code == 0 and "1 eigene Änderung geteilt" in geteilt.out, geteilt.text
    assert team.refs()["refs/heads/main"] == anna.kopf()


def _sperre_gehalten(team: Team, sperre: Path, eigener: str) -> None:
    anna = team.klone[0]
    pruefung = strategie(anna, "sync", "--pruefen")
    assert pruefung.code == 3, pruefung.text
    assert "Abruf von origin gerade nicht möglich: ein anderer git-Vorgang in diesem Klon " \
           "sperrt die Verweise (" in pruefung.err
    assert "nicht erreichbar" not in pruefung.text
    abgleich = strategie(anna, "sync")
    assert abgleich.code == 3, abgleich.text  # not 4: the remote was never asked
    assert abgleich.out.startswith("Abruf von origin gerade nicht möglich: ein anderer "
                                   "git-Vorgang in diesem Klon sperrt die Verweise (")
    assert "1 eigene Änderung bleibt lokal gespeichert" in abgleich.out
    assert anna.kopf() == eigener and sperre.exists()  # a lock of another git is not touched


@pytest.mark.parametrize("von_woanders", ["--git-dir", "GIT_DIR"])
def test_die_sperre_eines_git_von_woanders_bleibt(team: Team, tmp_path: Path,
                                                  von_woanders: str) -> None:
    """A git started outside the clone that names it (``git --git-dir=…``, ``GIT_DIR``) may
    hold the lock as well: even an old lock file stays while it runs (no leftover)."""
    anna = team.klone[0]
    assert strategie(anna, "status", "SA-01", "umgesetzt", "-m", "von Anna").code == 0
    sperre = _fremde_aenderung_und_sperre(team)
    frueher = time.time() - 60
    os.utime(sperre, (frueher, frueher))
    gitdir = str(anna.pfad / ".git")
    befehl, umgebung = (["git", f"--git-dir={gitdir}", "cat-file", "--batch"], dict(os.environ)
                        ) if von_woanders == "--git-dir" else (
        ["git", "cat-file", "--batch"], {**os.environ, "GIT_DIR": gitdir})
    anderer_git = subprocess.Popen(befehl, cwd=tmp_path, env=umgebung, stdin=subprocess.PIPE,
                                   stdout=subprocess.DEVNULL)
    try:
        _sperre_gehalten(team, sperre, anna.kopf())
    finally:
        anderer_git.communicate(b"")


def test_sync_entfernt_die_sperre_eines_getoeteten_abrufs(team: Team) -> None:
    """A lock file a killed fetch left (older than a moment, no git working in the clone) is
    removed by sync, which says so and then shares and takes over as usual; --pruefen, which
    changes nothing, names it instead."""
    anna, bernd = team.klone[0], team.klone[1]
    assert strategie(anna, "status", "SA-01", "umgesetzt", "-m", "von Anna").code == 0
    sperre = _fremde_aenderung_und_sperre(team)
    frueher = time.time() - 60
    os.utime(sperre, (frueher, frueher))
    assert "sperrt die Verweise" in strategie(anna, "sync", "--pruefen").err
    assert sperre.exists()
    abgleich = strategie(anna, "sync")
    assert abgleich.code == 0, abgleich.text
    assert abgleich.out.startswith(
        "Übrig gebliebene Sperrdatei von git (.git/refs/remotes/origin/main.lock, kein "
        "git-Prozess arbeitet mehr hier) wurde entfernt.\n"), abgleich.out
    assert "1 eigene Änderung geteilt" in abgleich.out and "SA-05 (" in abgleich.out
    assert not sperre.exists()
    assert team.refs()["refs/heads/main"] == anna.kopf()
    assert strategie(bernd, "sync").code == 0 and bernd.kopf() == anna.kopf()


@pytest.mark.skipif(os.geteuid() != 0, reason="braucht root, um zwei andere Konten zu starten")
@pytest.mark.parametrize("sperre_von", ["eigenem Konto", "anderem Konto"])
def test_git_eines_anderen_kontos(tmp_path: Path, sperre_von: str) -> None:
    """Two controllers on one terminal server: the other account's git runs, in a folder
    this account cannot look into. It may hold a lock file of its own account, never one
    this account made – so a killed fetch's old lock of this account is removed while that
    git runs, and a lock file of that account stays. Real processes under two accounts."""
    import shutil
    import tempfile

    wurzel = Path(tempfile.mkdtemp(prefix="zwei-konten-"))
    try:
        wurzel.chmod(0o755)
        eigen, versteck = wurzel / "eigen", wurzel / "versteck"
        subprocess.run(["git", "init", "-q", str(eigen)], check=True)
        sperre = eigen / ".git" / "refs" / "remotes" / "origin" / "main.lock"
        sperre.parent.mkdir(parents=True)
        sperre.write_bytes(b"")
        versteck.mkdir(mode=0o700)
        subprocess.run(["chown", "-R", "65533:65533", str(eigen)], check=True)
        os.chown(versteck, 65534, 65534)
        if sperre_von == "anderem Konto":
            os.chown(sperre, 65534, 65534)
        frueher = time.time() - 60
        os.utime(sperre, (frueher, frueher))
        fremder = subprocess.Popen(["git", "cat-file", "--batch"], cwd=versteck, user=65534,
                                   group=65534, stdin=subprocess.PIPE,
                                   stdout=subprocess.DEVNULL, env={**os.environ, "HOME": "/"})
        try:
            warte_auf_git(fremder.pid)
            fehler = f"error: Unable to create '{sperre}': File exists."
            ergebnis = subprocess.run(
                [interpreter_fuer(65533), "-c", "import sys; from pathlib import Path; "
                 "from strategie.git.befehl import orte_von; "
                 "from strategie.aendern.journal import raeume_abrufsperre; "
                 "print(raeume_abrufsperre(orte_von(Path(sys.argv[1])), sys.argv[2]))",
                 str(eigen), fehler],
                capture_output=True, text=True, user=65533, group=65533, cwd=eigen,
                env={**os.environ, "HOME": str(eigen),
                     "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
        finally:
            fremder.communicate(b"")
        assert ergebnis.returncode == 0, ergebnis.stderr
        if sperre_von == "eigenem Konto":
            assert ergebnis.stdout.startswith("Übrig gebliebene Sperrdatei von git ("), \
                ergebnis.stdout
            assert not sperre.exists()
        else:
            assert ergebnis.stdout == "None\n" and sperre.exists()
    finally:
        shutil.rmtree(wurzel, ignore_errors=True)


def test_ein_git_der_beim_nachsehen_endet_zaehlt_nicht(team: Team,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A git that ends between being listed and being looked at (its /proc file opened, then
    the process gone: ESRCH from the kernel) does not count as working in the clone – a
    parallel test's short git made sync keep a killed fetch's lock once in CI."""
    from strategie.aendern import journal
    from strategie.git.befehl import orte_von

    anna = team.klone[0]
    kurzer = subprocess.Popen(["git", "cat-file", "--batch"], cwd=anna.pfad,
                              stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    warte_auf_git(kurzer.pid)
    echt = journal._genannte_pfade
    gesehen = []

    def endet_dazwischen(eintrag: Path) -> list[str]:
        if eintrag.name != str(kurzer.pid):
            return echt(eintrag)
        gesehen.append(eintrag.name)
        with open(eintrag / "cmdline", "rb") as offen:
            kurzer.communicate(b"")  # ends and is reaped
            offen.read()  # ProcessLookupError, as the kernel answers
        return []

    monkeypatch.setattr(journal, "_genannte_pfade", endet_dazwischen)
    try:
        assert journal.git_im_repository(orte_von(anna.pfad)) == []
    finally:
        if kurzer.poll() is None:
            kurzer.communicate(b"")
    assert gesehen == [str(kurzer.pid)]


def test_gleichzeitiger_push_eines_anderen_wird_wiederholt(team: Team, tmp_path: Path) -> None:
    """Two clones push at the same moment: the server updates its branch for the other one
    while this push waits in the pre-receive hook, and answers "[remote rejected] (failed
    to update ref)" (the ref "is at X but expected Y"). That is someone sharing in between,
    not a refusal: sync takes the other's commit in and pushes again."""
    anna, bernd = team.klone[0], team.klone[1]
    assert strategie(bernd, "status", "SA-05", "umgesetzt", "-m", "von Bernd").code == 0
    bernd.git("push", "-q", "origin", "HEAD:refs/heads/seite")
    marke = tmp_path / "einmal"
    team.hook("pre-receive", f"""#!/bin/sh
cat >/dev/null
if [ ! -e {marke} ]; then
    touch {marke}
    env -u GIT_QUARANTINE_PATH -u GIT_OBJECT_DIRECTORY -u GIT_ALTERNATE_OBJECT_DIRECTORIES \\
        git update-ref refs/heads/main refs/heads/seite
fi
exit 0
""")
    assert strategie(anna, "status", "SA-01", "umgesetzt", "-m", "von Anna").code == 0
    ergebnis = strategie(anna, "sync")
    assert ergebnis.code == 0, ergebnis.text
    assert "Inzwischen hat jemand anderes geteilt" in ergebnis.out
    assert "Der Server hat" not in ergebnis.out
    assert "1 eigene Änderung geteilt, 1 Änderung von anderen übernommen: SA-05" in ergebnis.out
    assert betreffe(team.bare, "main")[:2] == [betreffe(anna.pfad)[0], betreffe(bernd.pfad)[0]]


def test_pruefen_waehrend_eines_abgleichs_und_ohne_zweig(team: Team) -> None:
    """sync --pruefen while another sync of the clone runs (mid-rebase HEAD is detached) says
    that, not "Kein gemeinsames Repository"; nor for a HEAD detached by hand."""
    import json

    from strategie.git.befehl import orte_von
    from strategie.team.zustand import schreibe_zustand

    anna = team.klone[0]
    anderer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        datei = orte_von(anna.speicher).gitdir / "strategie" / "abgleich.json"
        schreibe_zustand(orte_von(anna.speicher), "einarbeiten", anna.kopf())
        daten = json.loads(datei.read_text(encoding="utf-8"))
        datei.write_text(json.dumps({**daten, "pid": anderer.pid}), encoding="utf-8")
        anna.git("switch", "-q", "--detach")
        pruefung = strategie(anna, "sync", "--pruefen")
        assert pruefung.code == 3, pruefung.text
        assert (f"Ein Abgleich läuft gerade in diesem Klon (Prozess {anderer.pid})"
                in pruefung.err), pruefung.text
    finally:
        anderer.kill()
        anderer.wait()
    datei.unlink()
    von_hand = strategie(anna, "sync", "--pruefen")
    assert von_hand.code == 3 and "Der Klon steht auf keinem Zweig" in von_hand.err, von_hand.text
    anna.git("switch", "-q", "main")
    assert strategie(anna, "sync", "--pruefen").code == 0


def test_veralteter_verweis_im_weg_nennt_git_remote_prune(team: Team) -> None:
    """The remote replaced branch foo by foo/bar: the clone's old origin/foo stands in the
    way. That is no lock (no waiting helps); sync names the way out."""
    anna, bernd = team.klone[0], team.klone[1]
    bernd.git("push", "-q", "origin", "HEAD:refs/heads/foo")
    anna.git("fetch", "-q", "origin")
    bernd.git("push", "-q", "origin", ":refs/heads/foo")
    bernd.git("push", "-q", "origin", "HEAD:refs/heads/foo/bar")
    pruefung = strategie(anna, "sync", "--pruefen")
    assert pruefung.code == 3 and "git remote prune origin räumt veraltete Verweise auf" in \
        pruefung.err, pruefung.text
    assert "sperrt" not in pruefung.text  # no lock: not tried again, not called one
    abgleich = strategie(anna, "sync")
    assert abgleich.code == 3 and abgleich.out.startswith(
        "Abruf von origin nicht möglich: ein veralteter Verweis dieses Klons steht einem Zweig "
        "des gemeinsamen Repositorys im Weg ("), abgleich.text
    anna.git("remote", "prune", "origin")
    assert strategie(anna, "sync").code == 0


def test_uebrige_sperre_auf_dem_server_wird_genannt(team: Team) -> None:
    """A lock file a killed push left on the server: each push meets it ("Unable to create
    '….lock': File exists"), as if another push held it. After the tries sync names it
    (not "changed every time", not a refusal); the server keeps its state."""
    anna = team.klone[0]
    assert strategie(anna, "status", "SA-01", "umgesetzt", "-m", "von Anna").code == 0
    vorher, eigener = team.refs(), anna.kopf()
    (team.bare / "refs" / "heads" / "main.lock").write_text("", encoding="utf-8")
    abgleich = strategie(anna, "sync")
    assert abgleich.code == 3, abgleich.text
    assert "Der Server konnte seinen Zweig bei 4 Versuchen nicht sperren (" in abgleich.out
    assert "main.lock': File exists" in abgleich.out, abgleich.out
    assert "1 eigene Änderung bleibt lokal" in abgleich.out
    assert "Versuch 5" not in abgleich.out and "jedes Mal geändert" not in abgleich.out
    assert "Der Server hält seinen Zweig gerade gesperrt (ein anderer Push?); noch einmal " \
        "abrufen und einarbeiten (Versuch 2 von 4)" in abgleich.out
    assert "jemand anderes geteilt" not in abgleich.out
    assert team.refs() == vorher and anna.kopf() == eigener
    (team.bare / "refs" / "heads" / "main.lock").unlink()
    assert strategie(anna, "sync").code == 0 and team.refs()["refs/heads/main"] == eigener


def _ohne_schreibrecht(ordner: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """strategie run so that a folder without write permission stops it: as a normal user,
    or as root without the capability to override permissions (setpriv)."""
    vorne = ohne_rechteumgehung()
    ordner.chmod(0o555)

    def lauf(klon: Path, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*vorne, *STRATEGIE, *args], cwd=klon, capture_output=True,
                              text=True, timeout=300, check=False)
    return lauf


def test_abruf_scheitert_am_eigenen_klon_ist_kein_netzproblem(team: Team) -> None:
    """A fetch that fails in this clone (a folder git may not write) is neither "nicht
    erreichbar" (exit 4: the remote answered) nor a lock of another git (nothing to wait
    for): git's reason, exit 3, the own change stays committed."""
    anna, bernd = team.klone[0], team.klone[1]
    assert strategie(bernd, "status", "SA-05", "umgesetzt", "-m", "von Bernd").code == 0
    assert strategie(bernd, "sync").code == 0
    assert strategie(anna, "status", "SA-01", "umgesetzt", "-m", "von Anna").code == 0
    eigener = anna.kopf()
    ordner = anna.pfad / ".git" / "refs" / "remotes" / "origin"
    lauf = _ohne_schreibrecht(ordner)
    try:
        for args in (("sync", "--pruefen"), ("sync",)):
            ergebnis = lauf(anna.pfad, *args)
            text = ergebnis.stdout + ergebnis.stderr
            assert ergebnis.returncode == 3, (args, text)
            assert "Abruf von origin fehlgeschlagen (" in text and "Permission denied" in text
            assert "nicht erreichbar" not in text and "sperrt" not in text, text
    finally:
        ordner.chmod(0o755)
    assert anna.kopf() == eigener
    assert strategie(anna, "sync").code == 0 and team.refs()["refs/heads/main"] == anna.kopf()


def test_git_daemon_haelt_keine_sperre(team: Team, tmp_path: Path) -> None:
    """git daemon names the clone it serves in its command line but holds none of its locks:
    a leftover lock is removed all the same while it runs."""
    anna = team.klone[0]
    assert strategie(anna, "status", "SA-01", "umgesetzt", "-m", "von Anna").code == 0
    sperre = _fremde_aenderung_und_sperre(team)
    frueher = time.time() - 60
    os.utime(sperre, (frueher, frueher))
    daemon = subprocess.Popen(["git", "daemon", "--inetd", "--export-all", str(anna.pfad)],
                              cwd=tmp_path, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        abgleich = strategie(anna, "sync")
        assert abgleich.code == 0 and "wurde entfernt" in abgleich.out, abgleich.text
        assert not sperre.exists() and daemon.poll() is None  # it ran all the while
    finally:
        daemon.kill()
        daemon.wait()


@pytest.mark.parametrize(("status", "code"), [(500, 3), (404, 3), (503, 4)])
def test_http_fehler_des_servers(team: Team, status: int, code: int) -> None:
    """An HTTP server that answers with an error: the remote did answer, so exit 3 with git's
    reason — except 502/503/504, where the repository behind the server is away (exit 4)."""
    import http.server
    import threading

    class Fehler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            self.send_response(status)
            self.end_headers()

        def log_message(self, *_: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Fehler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    anna = team.klone[0]
    try:
        assert strategie(anna, "status", "SA-01", "umgesetzt", "-m", "von Anna").code == 0
        anna.git("remote", "set-url", "origin", f"http://127.0.0.1:{server.server_port}/x.git")
        abgleich = strategie(anna, "sync")
        assert abgleich.code == code, abgleich.text
        anfang = ("Gemeinsames Repository origin nicht erreichbar (" if code == 4
                  else "Abruf von origin fehlgeschlagen (")
        grund = "' not found)" if status == 404 else f"returned error: {status})"
        assert abgleich.out.startswith(anfang) and grund in abgleich.out, abgleich.out
        assert "1 eigene Änderung bleibt lokal gespeichert" in abgleich.out
    finally:
        server.shutdown()
