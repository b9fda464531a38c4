"""``strategie server-hook`` as the pre-receive hook of a bare repository, run by real ``git
push`` with the pusher variable each server sets: it refuses an invalid goal file and a change
outside the pusher's Zuständigkeit, accepts a valid one, and judges a push with merged-in
foreign commits by its own changes only; post-receive records the pusher for audits."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

from tests.team.gitserver import Klon, Team, lauf
from tests.team.werkzeug import REGELN, ersetze, richte_team_ein, strategie

VARIABLEN = {"GL_USER": "gitolite", "GITEA_PUSHER_NAME": "Forgejo/Gitea",
             "GL_USERNAME": "GitLab", "REMOTE_USER": "git-http-backend"}


def hook(variable: str, nach: bool = False) -> str:
    zusatz = " --nach" if nach else ""
    return (f"#!/bin/sh\nexec {sys.executable} -m strategie server-hook "
            f"--pusher-variable {variable}{zusatz}\n")


@pytest.fixture
def team(neues_team: Callable[[int], Team]) -> Team:
    team = richte_team_ein(neues_team(3))
    anna = team.klone[0]
    rahmen = anna.speicher / "strategie.toml"
    rahmen.write_text(rahmen.read_text(encoding="utf-8") + REGELN, encoding="utf-8")
    anna.committe("Zuständigkeit festgelegt")
    assert anna.push().returncode == 0
    for klon in team.klone[1:]:
        klon.git("pull", "-q", "--ff-only")
    return team


def push_als(klon: Klon, variable: str, konto: str, monkeypatch: pytest.MonkeyPatch,
             *args: str) -> str:
    """Push as the server's front end would after authenticating *konto*; git's stderr."""
    monkeypatch.setenv(variable, konto)
    ergebnis = klon.push(*args)
    monkeypatch.delenv(variable)
    return f"{ergebnis.returncode}\n{ergebnis.stderr}"


@pytest.mark.parametrize("variable", list(VARIABLEN), ids=list(VARIABLEN.values()))
def test_zustaendigkeit_nach_dem_angemeldeten_pusher(team: Team, variable: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    team.hook("pre-receive", hook(variable))
    _, bernd, _ = team.klone
    vorher = team.refs()
    # outside his Zuständigkeit: refused, naming file, field, rule and pusher
    assert strategie(bernd, "status", "AKJF-01", "umgesetzt", "-m", "x").code == 0
    ausgabe = push_als(bernd, variable, "bernd", monkeypatch)
    assert ausgabe.startswith("1\n"), ausgabe
    assert "remote: strategie: Push von bernd abgelehnt; der Server behält seinen Stand." in ausgabe
    assert ("remote: strategie: bernd darf nicht Ziele ändern (Amt AKJF): "
            "ziele/akjf/AKJF-01.toml, Feld status – Regel [zustaendigkeit.aemter.AKJF] "
            "aendern = clara, @controlling") in ausgabe
    assert team.refs() == vorher
    # the commit author does not matter, the authenticated pusher does
    ausgabe = push_als(bernd, variable, "anna", monkeypatch)
    assert ausgabe.startswith("0\n") and "(Pusher anna): in Ordnung" in ausgabe, ausgabe


def test_ungueltige_zieldatei_wird_abgelehnt_auch_in_eigener_zustaendigkeit(
        team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    team.hook("pre-receive", hook("REMOTE_USER"))
    _, bernd, _ = team.klone
    ersetze(bernd, "SA-01", 'status = "in Umsetzung"', 'status = "erfunden"')
    vorher = team.refs()
    ausgabe = push_als(bernd, "REMOTE_USER", "bernd", monkeypatch)
    assert ausgabe.startswith("1\n")
    assert ("ziele/sa/SA-01.toml:7: Feld 'status': \"erfunden\" ist kein gültiger Wert für "
            "Umsetzungsstand") in ausgabe
    assert team.refs() == vorher
    ersetze(bernd, "SA-01", 'status = "erfunden"', 'status = "umgesetzt"')
    # the invalid state is still in the pushed history: refused until it is gone
    assert push_als(bernd, "REMOTE_USER", "bernd", monkeypatch).startswith("1\n")
    bernd.git("reset", "-q", "--hard", "origin/main")
    assert strategie(bernd, "status", "SA-01", "umgesetzt", "-m", "ok").code == 0
    ausgabe = push_als(bernd, "REMOTE_USER", "bernd", monkeypatch)
    assert ausgabe.startswith("0\n") and "1 Commit(s) geprüft (Pusher bernd)" in ausgabe


def test_konfliktmarken_werden_abgelehnt(team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    team.hook("pre-receive", hook("GL_USER"))
    _, bernd, _ = team.klone
    ersetze(bernd, "SA-01", 'status = "in Umsetzung"',
            '<<<<<<< HEAD\nstatus = "in Umsetzung"\n=======\nstatus = "umgesetzt"\n>>>>>>> x')
    ausgabe = push_als(bernd, "GL_USER", "bernd", monkeypatch)
    assert ausgabe.startswith("1\n") and "Konflikt aus einer Zusammenführung" in ausgabe


def test_hineingemischte_fremde_commits_zaehlen_nicht(team: Team,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    team.hook("pre-receive", hook("GITEA_PUSHER_NAME"))
    _, bernd, clara = team.klone
    assert strategie(clara, "status", "AKJF-01", "umgesetzt", "-m", "Jugendamt").code == 0
    assert push_als(clara, "GITEA_PUSHER_NAME", "clara", monkeypatch).startswith("0\n")
    assert strategie(bernd, "status", "SA-01", "umgesetzt", "-m", "Sozialamt").code == 0
    bernd.git("fetch", "-q")
    bernd.git("merge", "-q", "--no-edit", "origin/main")  # a merge commit with clara's work
    assert bernd.git("rev-parse", "HEAD^2", check=False).returncode == 0
    ausgabe = push_als(bernd, "GITEA_PUSHER_NAME", "bernd", monkeypatch)
    assert ausgabe.startswith("0\n"), ausgabe
    # a merge that itself changes a foreign goal is judged by that change
    clara.git("pull", "-q", "--ff-only")
    assert strategie(clara, "setze", "AKJF-02", "ampel", "grau", "-m", "a").code == 0
    assert push_als(clara, "GITEA_PUSHER_NAME", "clara", monkeypatch).startswith("0\n")
    assert strategie(bernd, "status", "SA-02", "umgesetzt", "-m", "b").code == 0
    bernd.git("fetch", "-q")
    bernd.git("merge", "-q", "--no-commit", "origin/main")
    datei = bernd.speicher / "akjf" / "AKJF-02.toml"
    datei.write_text(datei.read_text(encoding="utf-8").replace('ampel = "grau"',
                                                               'ampel = "grün"'),
                     encoding="utf-8")
    bernd.git("commit", "-qam", "Zusammengeführt")
    ausgabe = push_als(bernd, "GITEA_PUSHER_NAME", "bernd", monkeypatch)
    assert ausgabe.startswith("1\n") and "ziele/akjf/AKJF-02.toml, Feld ampel" in ausgabe


def test_ohne_pusher_und_unbekannter_pusher(team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    team.hook("pre-receive", hook("GL_USERNAME"))
    _, bernd, _ = team.klone
    assert strategie(bernd, "status", "SA-01", "umgesetzt", "-m", "x").code == 0
    ergebnis = bernd.push()
    assert ergebnis.returncode != 0
    assert "Der Server hat nicht gesagt, wer pusht (GL_USERNAME ist leer)" in ergebnis.stderr
    ausgabe = push_als(bernd, "GL_USERNAME", "mallory", monkeypatch)
    assert ausgabe.startswith("1\n") and "mallory steht in keiner Zuständigkeitsregel" in ausgabe
    team.hook("pre-receive", f"#!/bin/sh\nexec {sys.executable} -m strategie server-hook\n")
    ausgabe = push_als(bernd, "GL_USERNAME", "bernd", monkeypatch)
    assert ausgabe.startswith("1\n") and "Es ist nicht eingestellt, in welcher Variablen" in ausgabe


def test_rahmen_nur_durch_die_zustaendigen(team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    team.hook("pre-receive", hook("GL_USER"))
    anna, bernd, _ = team.klone
    regel = 'aendern = ["bernd", "@controlling"]'
    rahmen = bernd.speicher / "strategie.toml"
    rahmen.write_text(rahmen.read_text(encoding="utf-8").replace(regel, 'aendern = ["*"]'),
                      encoding="utf-8")
    bernd.committe("mehr Rechte")
    ausgabe = push_als(bernd, "GL_USER", "bernd", monkeypatch)
    assert ausgabe.startswith("1\n")
    assert "bernd darf nicht den Rahmen (strategie.toml) ändern: ziele/strategie.toml" in ausgabe
    assert "Regel [zustaendigkeit] rahmen = @controlling" in ausgabe
    anna.git("pull", "-q", "--ff-only")
    rahmen = anna.speicher / "strategie.toml"
    rahmen.write_text(rahmen.read_text(encoding="utf-8").replace(regel, 'aendern = ["*"]'),
                      encoding="utf-8")
    anna.committe("SA: alle dürfen")
    assert push_als(anna, "GL_USER", "anna", monkeypatch).startswith("0\n")


def test_nach_dem_push_vermerkt_und_pruefung_ueber_den_verlauf(
        team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a pre-receive (or before it was installed), the audit finds what slipped by."""
    team.hook("post-receive", hook("REMOTE_USER", nach=True))
    anna, bernd, clara = team.klone
    anfang = bernd.kopf()
    assert strategie(bernd, "status", "AKJF-01", "umgesetzt", "-m", "übergriffig").code == 0
    assert strategie(bernd, "status", "SA-01", "umgesetzt", "-m", "eigenes").code == 0
    assert push_als(bernd, "REMOTE_USER", "bernd", monkeypatch).startswith("0\n")
    notiz = lauf(team.bare, "notes", "--ref=strategie-pusher", "show", "main").stdout
    assert notiz.startswith("Gepusht von: bernd\nAngemeldet über: REMOTE_USER\n")
    # clara's clone fetches the notes (strategie einrichten could add the refspec)
    clara.git("fetch", "-q", "origin", "refs/notes/strategie-pusher:refs/notes/strategie-pusher",
              "main:refs/remotes/origin/main")
    pruefung = strategie(clara, "pruefen", "--zustaendigkeit", f"{anfang}..origin/main")
    assert pruefung.code == 1, pruefung.text
    [zeile] = pruefung.out.strip().splitlines()
    assert zeile.endswith("bernd darf nicht Ziele ändern (Amt AKJF): ziele/akjf/AKJF-01.toml, "
                          "Feld status – Regel [zustaendigkeit.aemter.AKJF] aendern = clara, "
                          "@controlling")
    assert "2 Commit(s) geprüft, 1 Verstoß" in pruefung.err
    # without the server's record, the author is the (unverified) claim
    clara.git("update-ref", "-d", "refs/notes/strategie-pusher")
    pruefung = strategie(clara, "pruefen", "--zustaendigkeit", f"{anfang}..origin/main")
    assert "bernd (unbestätigt: laut Commit) darf nicht Ziele ändern (Amt AKJF)" in pruefung.out
    assert "bei 2 ohne Vermerk des Servers zählt der Autor laut Commit" in pruefung.err
    # clients cannot write the server's record
    team.hook("pre-receive", hook("REMOTE_USER"))
    clara.git("notes", "--ref=strategie-pusher", "add", "-m", "Gepusht von: anna", "HEAD")
    ausgabe = push_als(clara, "REMOTE_USER", "clara", monkeypatch, "origin",
                       "+refs/notes/strategie-pusher:refs/notes/strategie-pusher")
    assert ausgabe.startswith("1\n") and "schreibt nur der Server" in ausgabe
