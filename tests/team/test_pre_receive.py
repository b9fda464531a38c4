"""A pre-receive hook in a plain bare repository sees the pusher the way each server names it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.team.gitserver import TEAM, Team, klone, lauf
from tests.team.httpserver import http_server

PUSHER_HOOK = """\
#!/bin/sh
# names the pusher as the server handed it over; refuses when the server named none
echo "strategie-hook: GL_USER=[$GL_USER] GITEA_PUSHER_NAME=[$GITEA_PUSHER_NAME]\
 GL_USERNAME=[$GL_USERNAME] REMOTE_USER=[$REMOTE_USER]"
if [ -z "$GL_USER$GITEA_PUSHER_NAME$GL_USERNAME$REMOTE_USER" ]; then
    echo "Abgelehnt: Der Server hat nicht gesagt, wer pusht." >&2
    exit 1
fi
echo "strategie-hook: GIT_COMMITTER_NAME=[$GIT_COMMITTER_NAME]"
"""

VARIABLEN = {
    # gitolite: gitolite-shell sets it from its argument in authorized_keys
    # (src/gitolite-shell, main(); "hooks have GL_USER as well as GL_REPO", docs/dev-notes.md)
    "GL_USER": "gitolite",
    # Forgejo/Gitea: DoerPushingEnvironment() in modules/repository/env.go
    "GITEA_PUSHER_NAME": "Forgejo/Gitea",
    # GitLab: "GitLab username of the user that initiated the push",
    # doc/administration/server_hooks.md, "Environment variables available to server hooks"
    "GL_USERNAME": "GitLab",
    # git-http-backend: the web server's login, passed through ("All CGI environment
    # variables are available to each of the hooks", git help http-backend)
    "REMOTE_USER": "git-http-backend",
}


@pytest.fixture
def team(neues_team: Callable[[int], Team]) -> Team:
    team = neues_team(2)
    team.hook("pre-receive", PUSHER_HOOK)
    return team


@pytest.mark.parametrize("variable", list(VARIABLEN), ids=list(VARIABLEN.values()))
def test_hook_sieht_den_pusher_in_der_variablen_des_servers(
        team: Team, variable: str, monkeypatch: pytest.MonkeyPatch) -> None:
    anna = team.klone[0]
    monkeypatch.setenv(variable, "anna")  # what the server's own front end would set
    kopf = anna.aendere_zeile("SA-01", "ampel", "gelb")
    ergebnis = anna.push()
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert f"{variable}=[anna]" in ergebnis.stderr
    andere = [v for v in VARIABLEN if v != variable]
    assert all(f"{v}=[]" in ergebnis.stderr for v in andere), ergebnis.stderr
    assert team.refs()["refs/heads/main"] == kopf


def test_ohne_pusher_lehnt_der_hook_ab_und_der_server_behaelt_seinen_stand(team: Team) -> None:
    anna = team.klone[0]
    vorher = team.refs()
    anna.aendere_zeile("SA-01", "status", "umgesetzt")
    ergebnis = anna.push()
    assert ergebnis.returncode != 0
    assert "remote: Abgelehnt: Der Server hat nicht gesagt, wer pusht." in ergebnis.stderr
    assert "pre-receive hook declined" in ergebnis.stderr
    assert team.refs() == vorher


def test_zweiter_klon_holt_was_der_erste_geteilt_hat(team: Team,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    anna, bernd = team.klone
    monkeypatch.setenv("REMOTE_USER", "anna")
    kopf = anna.aendere_zeile("SA-02", "ampel", "grün")
    assert anna.push().returncode == 0
    bernd.git("pull", "-q", "--ff-only")
    assert bernd.kopf() == kopf
    assert bernd.git("log", "-1", "--format=%an").stdout.strip() == TEAM[0].name
    assert bernd.git("config", "user.name").stdout.strip() == TEAM[1].name


def test_git_http_backend_gibt_die_anmeldung_als_remote_user_an_den_hook(
        team: Team, tmp_path: Path) -> None:
    passwoerter = {"anna": "geheim-a", "bernd": "geheim-b"}
    with http_server(team.bare.parent, passwoerter) as server:
        leser = klone(server.url(team.bare.name), tmp_path / "http-leser", TEAM[2])
        assert leser.kopf() == team.refs()["refs/heads/main"]  # reading needs no login

        for i, person in enumerate(TEAM[:2]):
            klon = klone(server.url(team.bare.name, person.konto), tmp_path / f"http-{i}", person)
            kopf = klon.aendere_zeile("AGV-01", "ampel", ("gelb", "rot")[i])
            ergebnis = klon.push()
            assert ergebnis.returncode == 0, ergebnis.stderr
            assert f"REMOTE_USER=[{person.konto}]" in ergebnis.stderr
            # git-http-backend also names the login as committer of the reflog entries
            assert f"GIT_COMMITTER_NAME=[{person.konto}]" in ergebnis.stderr
            assert team.refs()["refs/heads/main"] == kopf
            leser.git("pull", "-q", "--ff-only")

        falsch = server.url(team.bare.name, "anna").replace("geheim-a", "falsch")
        vorher = team.refs()
        leser.aendere_zeile("AGV-02", "status", "umgesetzt")
        ergebnis = lauf(leser.pfad, "push", falsch, "HEAD:main", check=False)
        assert ergebnis.returncode != 0
        assert "strategie-hook" not in ergebnis.stderr  # refused before receive-pack ran
        assert team.refs() == vorher
