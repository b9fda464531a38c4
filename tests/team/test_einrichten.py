"""``strategie einrichten``: idempotent, says what it set; the client-side pre-commit hook;
CODEOWNERS from the rules; the rules themselves checked by ``strategie pruefen``."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import PROJEKT, beispiel_repo, git
from tests.team.werkzeug import strategie

REGELN = """
[zustaendigkeit]
rahmen = ["@controlling"]

[zustaendigkeit.gruppen]
controlling = ["anna"]
jugendamt = ["clara", "dirk"]

[zustaendigkeit.aemter.SA]
aendern = ["bernd", "@controlling"]

[zustaendigkeit.aemter.AKJF]
aendern = ["@jugendamt"]
anlegen = ["@controlling"]
"""


def mit_regeln(repo: Path, regeln: str = REGELN) -> None:
    rahmen = repo / "ziele" / "strategie.toml"
    rahmen.write_text(rahmen.read_text(encoding="utf-8") + regeln, encoding="utf-8")
    git(repo, "commit", "-qam", "Regeln")


def test_einrichten_ist_idempotent_und_sagt_was_es_tat(tmp_path: Path) -> None:
    repo = beispiel_repo(tmp_path / "repo")
    erst = strategie(repo, "einrichten")
    assert erst.code == 0
    assert "eingerichtet: .gitattributes: ziele/*/*.toml merge=strategie" in erst.out
    assert "eingerichtet: git config merge.strategie.driver = " in erst.out
    assert erst.out.rstrip().endswith("Eingerichtet.")
    zweit = strategie(repo, "einrichten")
    assert zweit.code == 0 and "eingerichtet:" not in zweit.out
    assert "schon vorhanden: .gitattributes (ziele/*/*.toml merge=strategie)" in zweit.out
    assert zweit.out.rstrip().endswith("Alles war schon eingerichtet.")
    assert (repo / ".gitattributes").read_text(encoding="utf-8").count("merge=strategie") == 1
    assert git(repo, "check-attr", "merge", "ziele/sa/SA-01.toml").strip().endswith(
        "merge: strategie")
    assert git(repo, "check-attr", "merge", "ziele/strategie.toml").strip().endswith(
        "merge: unspecified")


def test_pre_commit_hook_haelt_ungueltiges_auf_und_warnt_bei_fremder_zustaendigkeit(
        tmp_path: Path) -> None:
    repo = beispiel_repo(tmp_path / "repo")
    mit_regeln(repo)
    ergebnis = strategie(repo, "einrichten", "--hooks")
    assert "pre-commit-Hook" in ergebnis.out
    datei = repo / "ziele" / "sa" / "SA-01.toml"
    text = datei.read_text(encoding="utf-8")
    datei.write_text(text.replace('status = "in Umsetzung"', 'status = "erfunden"'),
                     encoding="utf-8")
    commit = subprocess.run(["git", "-C", str(repo), "commit", "-qam", "kaputt"],
                            capture_output=True, text=True)
    assert commit.returncode != 0
    assert "ist kein gültiger Wert für Umsetzungsstand" in commit.stderr
    assert "Commit angehalten" in commit.stderr
    git(repo, "config", "strategie.konto", "bernd")
    fremd = repo / "ziele" / "akjf" / "AKJF-01.toml"
    datei.write_text(text, encoding="utf-8")
    fremd.write_text(fremd.read_text(encoding="utf-8").replace('status = "in Umsetzung"',
                                                               'status = "umgesetzt"', 1),
                     encoding="utf-8")
    commit = subprocess.run(["git", "-C", str(repo), "commit", "-qam", "fremd"],
                            capture_output=True, text=True)
    assert commit.returncode == 0, commit.stderr
    assert ("Warnung: bernd darf nicht Ziele ändern (Amt AKJF): ziele/akjf/AKJF-01.toml, "
            "Feld status – Regel [zustaendigkeit.aemter.AKJF] aendern = @jugendamt"
            in commit.stderr)
    assert "der Server wird den Push ablehnen" in commit.stderr
    # the edit path's own commits pass through the hook
    assert strategie(repo, "status", "SA-02", "umgesetzt", "-m", "x").code == 0


def test_fremder_hook_bleibt_unangetastet(tmp_path: Path) -> None:
    repo = beispiel_repo(tmp_path / "repo")
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    ergebnis = strategie(repo, "einrichten", "--hooks")
    assert "nicht eingerichtet:" in ergebnis.out and "strategie vorab-pruefen" in ergebnis.out
    assert hook.read_text(encoding="utf-8") == "#!/bin/sh\nexit 0\n"


def test_codeowners_aus_den_regeln(tmp_path: Path) -> None:
    repo = beispiel_repo(tmp_path / "repo")
    mit_regeln(repo)
    ergebnis = strategie(repo, "einrichten", "--codeowners")
    assert ".gitlab/CODEOWNERS aus den Zuständigkeitsregeln" in ergebnis.out
    gitlab = (repo / ".gitlab" / "CODEOWNERS").read_text(encoding="utf-8")
    assert "/ziele/strategie.toml @anna\n" in gitlab
    assert "/ziele/sa/ @anna @bernd\n" in gitlab
    assert "/ziele/akjf/ @anna @clara @dirk\n" in gitlab
    assert "/ziele/dez/" not in gitlab  # no rule: everyone may
    forgejo = (repo / ".gitea" / "CODEOWNERS").read_text(encoding="utf-8")
    assert "ziele/strategie\\.toml @anna\n" in forgejo and "ziele/sa/.* @anna @bernd\n" in forgejo
    again = strategie(repo, "einrichten", "--codeowners")
    assert "schon vorhanden: .gitlab/CODEOWNERS (aktuell)" in again.out


def test_pruefen_meldet_fehlerhafte_regeln(tmp_path: Path) -> None:
    repo = beispiel_repo(tmp_path / "repo")
    mit_regeln(repo, '\n[zustaendigkeit]\naemter.XY.aendern = ["@niemand"]\n')
    ergebnis = strategie(repo, "pruefen")
    assert ergebnis.code != 0
    assert "Feld 'zustaendigkeit.rahmen': fehlt" in ergebnis.text
    assert "unbekanntes Amt XY" in ergebnis.text and "unbekannte Gruppe @niemand" in ergebnis.text


def test_pre_commit_framework_beschreibung() -> None:
    text = (PROJEKT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "- id: strategie-vorab" in text and "entry: strategie vorab-pruefen" in text
    assert "language: python" in text
    assert strategie(PROJEKT, "vorab-pruefen", "--help").code == 0
