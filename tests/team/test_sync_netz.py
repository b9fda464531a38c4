"""A shared repository that does not answer: sync gives up after the network limit
(``strategie.git.netz``), says "nicht erreichbar" and keeps everything local — over ssh,
against a real socket that accepts and never speaks. The user's own ssh command and ssh
options win over ours; HTTP gets no limit, so a server hook that runs long is waited for."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from strategie.git.netz import netz_umgebung
from tests.team.gitserver import TEAM, Team
from tests.team.werkzeug import richte_team_ein, strategie

FRIST = {"STRATEGIE_NETZFRIST": "2"}


@pytest.fixture
def team(neues_team: Callable[[int], Team]) -> Team:
    return richte_team_ein(neues_team(1))


@pytest.fixture
def schweiger() -> Iterator[int]:
    """The port of a server that takes every connection and never says a word (as one
    behind a firewall that drops, once the connection stands)."""
    hoerer = socket.create_server(("127.0.0.1", 0))
    offen: list[socket.socket] = []

    def nimm() -> None:
        while True:
            try:
                offen.append(hoerer.accept()[0])
            except OSError:
                return

    threading.Thread(target=nimm, daemon=True).start()
    yield hoerer.getsockname()[1]
    hoerer.close()
    for verbindung in offen:
        verbindung.close()


def test_schweigender_server_gibt_nach_der_frist_auf(team: Team, schweiger: int) -> None:
    anna = team.klone[0]
    anna.git("remote", "set-url", "origin", f"ssh://git@127.0.0.1:{schweiger}/strategie.git")
    assert strategie(anna, "status", "SA-01", "umgesetzt", "-m", "im Zug").code == 0
    eigener = anna.kopf()
    pruefung = strategie(anna, "sync", "--pruefen", env=FRIST)
    assert pruefung.code == 4, pruefung.text
    ergebnis = strategie(anna, "sync", env=FRIST)
    assert ergebnis.code == 4, ergebnis.text
    assert ergebnis.out.startswith("Gemeinsames Repository origin nicht erreichbar (")
    # the reason is the transport's line, not git's "Could not read from remote repository"
    assert "timed out" in ergebnis.out and "Could not read" not in ergebnis.out, ergebnis.out
    assert "1 eigene Änderung bleibt lokal gespeichert" in ergebnis.out
    assert anna.kopf() == eigener
    anna.git("remote", "set-url", "origin", str(team.bare))
    geteilt = strategie(anna, "sync")
    assert geteilt.code == 0 and "1 eigene Änderung geteilt" in geteilt.out, geteilt.text


def _aufzeichner(tmp_path: Path) -> tuple[Path, Path]:
    """An ssh stand-in that writes its arguments to a file and fails as ssh does."""
    protokoll = tmp_path / "ssh-aufrufe"
    skript = tmp_path / "mein-ssh"
    skript.write_text(f'#!/bin/sh\necho "$@" >> {protokoll}\n'
                      'echo "ssh: connect to host server: Connection refused" >&2\nexit 255\n',
                      encoding="utf-8")
    skript.chmod(0o755)
    return skript, protokoll


@pytest.mark.parametrize("wie", ["core.sshCommand", "GIT_SSH_COMMAND", "GIT_SSH"])
def test_eigenes_ssh_der_nutzer_bleibt(team: Team, tmp_path: Path, wie: str) -> None:
    anna = team.klone[0]
    skript, protokoll = _aufzeichner(tmp_path)
    anna.git("remote", "set-url", "origin", "ssh://git@server/strategie.git")
    umgebung = dict(FRIST)
    if wie == "core.sshCommand":
        anna.git("config", "core.sshCommand", str(skript))
    else:
        umgebung[wie] = str(skript)
    ergebnis = strategie(anna, "sync", env=umgebung)
    assert ergebnis.code == 4 and "Connection refused" in ergebnis.out, ergebnis.text
    aufrufe = protokoll.read_text(encoding="utf-8")
    assert "git@server" in aufrufe and "ConnectTimeout" not in aufrufe


def test_frist_nur_wo_die_nutzer_nichts_gewaehlt_haben(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "klon"
    (repo / ".git").mkdir(parents=True)
    (repo / "ziele").mkdir()
    konfig = repo / ".git" / "config"
    konfig.write_text("[core]\n\tbare = false\n", encoding="utf-8")
    heim = tmp_path / "heim"
    (heim / ".ssh").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(heim))
    monkeypatch.setenv("STRATEGIE_NETZFRIST", "7")
    umgebung = netz_umgebung(str(repo / "ziele"))
    assert umgebung == {"GIT_SSH_COMMAND": "ssh -o ConnectTimeout=7 -o ServerAliveInterval=3 "
                                           "-o ServerAliveCountMax=2"}
    # what the user's ssh configuration sets stays theirs (command-line -o would win over it)
    (heim / ".ssh" / "config").write_text("# ConnectTimeout 1 (auskommentiert)\n"
                                          "Include ~/.ssh/mehr/*.conf\n", encoding="utf-8")
    (heim / ".ssh" / "mehr").mkdir()
    (heim / ".ssh" / "mehr" / "server.conf").write_text(
        "Host server\n    ServerAliveInterval=120\n", encoding="utf-8")
    assert netz_umgebung(str(repo)) == {"GIT_SSH_COMMAND": "ssh -o ConnectTimeout=7"}
    (heim / ".ssh" / "config").write_text("Host *\n  ConnectTimeout 90\n"
                                          "Include mehr/*.conf\n", encoding="utf-8")
    assert netz_umgebung(str(repo)) == {}
    (heim / ".ssh" / "config").unlink()
    global_ = tmp_path / "global"
    global_.write_text("[core]\n\tsshCommand = ssh -i schluessel\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(global_))
    assert netz_umgebung(str(repo)) == {}
    global_.write_text("[include]\n\tpath = anderswo\n", encoding="utf-8")
    assert netz_umgebung(str(repo)) == {}  # what an include says is unknown: theirs wins
    global_.write_text("", encoding="utf-8")
    assert netz_umgebung(str(repo)) != {}
    monkeypatch.setenv("GIT_CONFIG_PARAMETERS", "'core.sshcommand'='plink'")
    assert netz_umgebung(str(repo)) == {}
    monkeypatch.delenv("GIT_CONFIG_PARAMETERS")
    monkeypatch.setenv("STRATEGIE_NETZFRIST", "0")
    assert netz_umgebung(str(repo)) == {}


def test_langer_server_hook_ueber_http_wird_abgewartet(team: Team, tmp_path: Path) -> None:
    """A push whose server hook runs longer than the network limit is no failure: over HTTP
    git sends only a few bytes of keep-alive meanwhile, so no minimum rate is set."""
    from tests.team.gitserver import klone
    from tests.team.httpserver import http_server

    team.hook("pre-receive", "#!/bin/sh\nsleep 4\n")
    with http_server(team.bare.parent, {"anna": "geheim-a"}) as server:
        anna = klone(server.url(team.bare.name, "anna"), tmp_path / "http-anna", TEAM[0])
        assert strategie(anna, "einrichten").code == 0
        assert strategie(anna, "status", "SA-01", "umgesetzt", "-m", "lange geprüft").code == 0
        ergebnis = strategie(anna, "sync", env=FRIST)
        assert ergebnis.code == 0, ergebnis.text
        assert "1 eigene Änderung geteilt" in ergebnis.out
        assert team.refs()["refs/heads/main"] == anna.kopf()
