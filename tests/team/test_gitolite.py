"""Under gitolite, our pre-receive hook sees the pusher gitolite authenticated, and can refuse."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.team.gitserver import HOOK_NAME, REPO, TEAM, Gitolite, lauf
from tests.team.werkzeug import REGELN, strategie

ANNA, BERND, CLARA, DIRK = TEAM[:4]

PROTOKOLL_HOOK = """\
#!/bin/sh
# says whom gitolite authenticated; refuses a push whose new tip says [ablehnen]
echo "strategie-hook: GL_USER=$GL_USER GL_REPO=$GL_REPO"
while read alt neu ref; do
    if git log -1 --format=%s "$neu" | grep -q '\\[ablehnen\\]'; then
        echo "Abgelehnt: $GL_USER darf $ref nicht so ändern (Testregel)." >&2
        exit 1
    fi
done
exit 0
"""


def server_kopf(server: Gitolite) -> str:
    return lauf(server.bare, "rev-parse", "main").stdout.strip()


@pytest.fixture
def mit_hook(gitolite: Gitolite) -> Gitolite:
    gitolite.schreibe_hook(PROTOKOLL_HOOK)
    return gitolite


def test_hook_sieht_den_von_gitolite_angemeldeten_nutzer(mit_hook: Gitolite, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # what the pusher's own environment says is irrelevant: sshd does not pass it on, and
    # gitolite-shell sets GL_USER itself from its argument in authorized_keys
    monkeypatch.setenv("GL_USER", "mallory")
    anna = mit_hook.klon(tmp_path / "anna", ANNA)
    bernd = mit_hook.klon(tmp_path / "bernd", BERND)

    kopf = anna.aendere_zeile("SA-01", "status", "umgesetzt")
    ergebnis = anna.push()
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert f"remote: strategie-hook: GL_USER=anna GL_REPO={REPO}" in ergebnis.stderr
    assert server_kopf(mit_hook) == kopf

    bernd.git("pull", "-q", "--ff-only")
    kopf = bernd.aendere_zeile("AKJF-01", "status", "umgesetzt")
    ergebnis = bernd.push()
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert "remote: strategie-hook: GL_USER=bernd" in ergebnis.stderr
    assert "mallory" not in ergebnis.stderr
    assert server_kopf(mit_hook) == kopf


def test_der_schluessel_entscheidet_nicht_der_autor(mit_hook: Gitolite, tmp_path: Path) -> None:
    """A commit authored as Anna Berger, pushed with Bernd's key, is Bernd's push."""
    klon = mit_hook.klon(tmp_path / "bernd", BERND)
    klon.git("config", "user.name", ANNA.name)
    klon.git("config", "user.email", ANNA.email)
    klon.aendere_zeile("SA-02", "status", "umgesetzt")
    ergebnis = klon.push()
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert "GL_USER=bernd" in ergebnis.stderr
    assert klon.git("log", "-1", "--format=%an").stdout.strip() == ANNA.name


def test_ablehnung_des_hooks_laesst_den_server_unveraendert(mit_hook: Gitolite,
                                                            tmp_path: Path) -> None:
    clara = mit_hook.klon(tmp_path / "clara", CLARA)
    vorher = lauf(mit_hook.bare, "for-each-ref").stdout
    clara.aendere_zeile("AGV-01", "status", "umgesetzt", "AGV-01 umgesetzt [ablehnen]")
    ergebnis = clara.push()
    assert ergebnis.returncode != 0
    assert "remote: strategie-hook: GL_USER=clara" in ergebnis.stderr
    assert ("remote: Abgelehnt: clara darf refs/heads/main nicht so ändern (Testregel)."
            in ergebnis.stderr)
    assert "pre-receive hook declined" in ergebnis.stderr
    assert lauf(mit_hook.bare, "for-each-ref").stdout == vorher
    # the refused commit did not enter the repository (receive-pack's quarantine)
    unbekannt = lauf(mit_hook.bare, "cat-file", "-e", clara.kopf(), check=False)
    assert unbekannt.returncode != 0


def test_gitolite_installiert_den_hook_ueber_die_option(gitolite: Gitolite) -> None:
    """``option hook.pre-receive = NAME`` links NAME from LOCAL_CODE behind gitolite's driver."""
    hooks = gitolite.bare / "hooks"
    treiber = gitolite.home / "local" / "hooks" / "multi-hook-driver"
    for alt in hooks.glob("pre-receive*"):
        alt.unlink()
    gitolite.konfiguriere(f"repo {REPO}\n    RW+ = admin\n"
                          f"    option hook.pre-receive = {HOOK_NAME}\n")  # gitolite links anew
    assert (hooks / "pre-receive").is_symlink()
    assert Path(os.readlink(hooks / "pre-receive")) == treiber
    assert Path(os.readlink(hooks / f"pre-receive.h00-{HOOK_NAME}")) == gitolite.hook_datei
    # gitolite keeps its own update hook, which checks the access rules per ref
    assert (hooks / "update").is_symlink()


def test_gitolite_selbst_verweigert_ohne_schreibrecht_und_ohne_schluessel(
        mit_hook: Gitolite, tmp_path: Path) -> None:
    mit_hook.konfiguriere(f"repo {REPO}\n    RW+ = admin\n    RW = anna\n    R = dirk\n"
                          f"    option hook.pre-receive = {HOOK_NAME}\n")
    dirk = mit_hook.klon(tmp_path / "dirk", DIRK)
    vorher = server_kopf(mit_hook)
    dirk.aendere_zeile("DEZ-01", "status", "umgesetzt")
    ergebnis = dirk.push()
    assert ergebnis.returncode != 0
    assert "DENIED" in ergebnis.stderr and "dirk" in ergebnis.stderr
    assert "strategie-hook" not in ergebnis.stderr  # refused before any hook ran
    assert server_kopf(mit_hook) == vorher

    fremd = tmp_path / "fremd"
    lauf(tmp_path, "init", "-q", str(fremd))
    schluessel = tmp_path / "fremd-schluessel"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(schluessel)],
                   check=True)
    ergebnis = lauf(fremd, "-c", f"core.sshCommand={mit_hook.ssh} -i {schluessel}",
                    "ls-remote", mit_hook.url(), check=False)
    assert ergebnis.returncode != 0
    assert "Permission denied (publickey)." in ergebnis.stderr


def test_option_env_gibt_dem_hook_einstellungen_mit(gitolite: Gitolite, tmp_path: Path) -> None:
    """``option ENV.NAME = wert`` in gitolite.conf reaches the hook as ``GL_OPTION_NAME``."""
    gitolite.konfiguriere(f"repo {REPO}\n    RW+ = admin\n    RW = anna\n"
                          f"    option hook.pre-receive = {HOOK_NAME}\n"
                          "    option ENV.STRATEGIE_PUSHER = GL_USER\n")
    gitolite.schreibe_hook('#!/bin/sh\necho "Einstellung=[$GL_OPTION_STRATEGIE_PUSHER]"\n')
    anna = gitolite.klon(tmp_path / "anna", ANNA)
    anna.aendere_zeile("SA-01", "status", "umgesetzt")
    ergebnis = anna.push()
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert "remote: Einstellung=[GL_USER]" in ergebnis.stderr


STRATEGIE_HOOK = f"#!/bin/sh\nexec {sys.executable} -m strategie server-hook\n"
"""Our hook as gitolite's repo-specific program; which variable names the pusher comes from
gitolite.conf (``option ENV.STRATEGIE_PUSHER_VARIABLE = GL_USER``)."""



def test_ende_zu_ende_sync_und_zustaendigkeit_unter_gitolite(gitolite: Gitolite,
                                                            tmp_path: Path) -> None:
    """Controllers sync through gitolite-shell; gitolite authenticates, our hook judges."""
    gitolite.konfiguriere(f"repo {REPO}\n    RW+ = admin\n    RW = anna bernd clara\n"
                          f"    option hook.pre-receive = {HOOK_NAME}\n"
                          "    option ENV.STRATEGIE_PUSHER_VARIABLE = GL_USER\n")
    anna = gitolite.klon(tmp_path / "anna", ANNA)
    assert strategie(anna, "einrichten").code == 0
    rahmen = anna.speicher / "strategie.toml"
    rahmen.write_text(rahmen.read_text(encoding="utf-8") + REGELN, encoding="utf-8")
    anna.committe("Zusammenarbeit und Zuständigkeit eingerichtet")
    assert strategie(anna, "sync").code == 0  # the hook still accepts everything
    gitolite.schreibe_hook(STRATEGIE_HOOK)

    bernd = gitolite.klon(tmp_path / "bernd", BERND)
    bernd.git("config", "user.name", ANNA.name)  # claims to be Anna: irrelevant
    assert strategie(bernd, "einrichten").code == 0
    assert strategie(bernd, "status", "SA-01", "umgesetzt", "-m", "Sozialamt").code == 0
    ergebnis = strategie(bernd, "sync")
    assert ergebnis.code == 0, ergebnis.text
    assert "1 eigene Änderung geteilt" in ergebnis.out

    vorher = server_kopf(gitolite)
    assert strategie(bernd, "status", "AKJF-01", "umgesetzt", "-m", "fremd").code == 0
    ergebnis = strategie(bernd, "sync")
    assert ergebnis.code == 6, ergebnis.text
    assert "Der Server hat die eigenen Änderungen abgelehnt" in ergebnis.out
    assert "strategie: Push von bernd abgelehnt; der Server behält seinen Stand." in ergebnis.out
    assert ("strategie: bernd darf nicht Ziele ändern (Amt AKJF): ziele/akjf/AKJF-01.toml, "
            "Feld status – Regel [zustaendigkeit.aemter.AKJF] aendern = clara, @controlling"
            in ergebnis.out)
    assert server_kopf(gitolite) == vorher

    assert strategie(anna, "sync").code == 0
    assert strategie(anna, "status", "AKJF-01", "umgesetzt", "-m", "Controlling").code == 0
    assert strategie(anna, "sync").code == 0


def test_sync_an_gitolites_zugangsregeln(gitolite: Gitolite, tmp_path: Path) -> None:
    """gitolite refuses before any hook runs, on its own words ("W any … DENIED"): sync says
    the server refused (exit 6), or that it turns the clone away (exit 3) — never "nicht
    erreichbar, später noch einmal" (exit 4), which would send the user waiting for a server
    that answered. The own change stays committed and goes once access is granted."""
    gitolite.konfiguriere(f"repo {REPO}\n    RW+ = admin\n    RW = anna\n    R = dirk\n")
    dirk = gitolite.klon(tmp_path / "dirk", DIRK)
    assert strategie(dirk, "status", "DEZ-01", "umgesetzt", "-m", "ohne Schreibrecht").code == 0
    eigener, vorher = dirk.kopf(), server_kopf(gitolite)
    ergebnis = strategie(dirk, "sync")
    assert ergebnis.code == 6, ergebnis.text
    assert "Der Server hat die eigenen Änderungen abgelehnt" in ergebnis.out
    assert "  FATAL: W any strategie dirk DENIED by fallthru" in ergebnis.out
    assert "Could not read" not in ergebnis.out and "nicht erreichbar" not in ergebnis.out

    gitolite.konfiguriere(f"repo {REPO}\n    RW+ = admin\n    RW = anna\n")
    for befehl in (("sync", "--pruefen"), ("sync",)):
        ergebnis = strategie(dirk, *befehl)
        assert ergebnis.code == 3, (befehl, ergebnis.text)
        assert ("Das gemeinsame Repository origin weist diesen Klon ab (FATAL: R any strategie "
                "dirk DENIED by fallthru)") in ergebnis.text, ergebnis.text
        assert "nicht erreichbar" not in ergebnis.text
    assert ergebnis.out.endswith("1 eigene Änderung bleibt lokal gespeichert; danach "
                                 "strategie sync.\n"), ergebnis.out

    schluessel = tmp_path / "unbekannt"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(schluessel)],
                   check=True)
    dirk.git("config", "core.sshCommand", f"{gitolite.ssh} -i {schluessel}")
    ergebnis = strategie(dirk, "sync")
    assert ergebnis.code == 3 and "weist diesen Klon ab (Permission denied (publickey).)" \
        in ergebnis.out, ergebnis.text

    dirk.git("config", "core.sshCommand", gitolite.ssh_befehl(DIRK.konto))
    gitolite.konfiguriere(f"repo {REPO}\n    RW+ = admin\n    RW = anna dirk\n")
    assert server_kopf(gitolite) == vorher and dirk.kopf() == eigener
    ergebnis = strategie(dirk, "sync")
    assert ergebnis.code == 0 and "1 eigene Änderung geteilt" in ergebnis.out, ergebnis.text
    assert server_kopf(gitolite) == eigener
