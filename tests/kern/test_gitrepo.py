"""GitRepo finds its repository with one git call and keeps its errors German and clear."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from strategie.git.repo import CommitFehler, GitRepo, KeinCommit
from strategie.modell.befund import StrategieFehler
from tests.conftest import git, kopf


def test_findet_wurzel_aus_unterordner_und_datei(repo: Path) -> None:
    datei = repo / "ziele" / "sa" / "SA-02.toml"
    for start in (repo / "ziele" / "sa", datei):
        with GitRepo(start) as gr:
            assert gr.wurzel == repo.resolve()
            assert gr.relativ(datei) == "ziele/sa/SA-02.toml"
            assert gr.praefix(repo.resolve()) == ""
            assert gr.kopf() == kopf(repo)


def test_worktree_liest_kopf_aus_gemeinsamem_verzeichnis(repo: Path, tmp_path: Path) -> None:
    zweig = tmp_path / "zweig"
    git(repo, "worktree", "add", "--quiet", "-b", "neben", str(zweig))
    with GitRepo(zweig) as gr:
        assert gr.wurzel == zweig.resolve()
        assert gr.gitdir != gr.gemeinsam
        assert gr.kopf() == kopf(repo)


def test_gepackte_referenz_fragt_git(repo: Path) -> None:
    git(repo, "pack-refs", "--all")
    assert not (repo / ".git" / "refs" / "heads" / "main").exists()
    with GitRepo(repo) as gr:
        assert gr.kopf() == kopf(repo)


def test_ohne_repository_und_ohne_ordner(tmp_path: Path) -> None:
    for ort in (tmp_path, tmp_path / "gibt-es-nicht"):
        with pytest.raises(StrategieFehler, match="liegt in keinem git-Repository"):
            GitRepo(ort)


def test_bare_repository(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "--quiet", "--bare", str(tmp_path / "nackt")], check=True)
    with pytest.raises(StrategieFehler, match="ohne Arbeitskopie"):
        GitRepo(tmp_path / "nackt")


def test_ohne_commit(tmp_path: Path, git_umgebung: Path) -> None:
    subprocess.run(["git", "init", "--quiet", str(tmp_path / "leer")], check=True)
    with GitRepo(tmp_path / "leer") as gr:
        with pytest.raises(ValueError):
            gr.kopf()
        with pytest.raises(KeinCommit, match="noch keinen Commit"):
            gr.git("log")


def test_git_fehler_und_abgelehnter_commit_mit_gits_text(repo: Path) -> None:
    with GitRepo(repo) as gr:
        with pytest.raises(StrategieFehler, match="git show ist fehlgeschlagen: .*gibtsnicht"):
            gr.git("show", "gibtsnicht")
        with pytest.raises(CommitFehler, match="git commit wurde abgelehnt") as fehler:
            gr.commit(["ziele/sa/SA-02.toml"], "nichts geändert")
        assert fehler.value.ausgabe


def test_commit_nachricht_ueber_stdin_unveraendert(repo: Path) -> None:
    datei = repo / "ziele" / "sa" / "SA-02.toml"
    datei.write_bytes(datei.read_bytes() + b"\n")
    nachricht = "SA-02: Ümlaute – und \"Zeichen\"\n\nZweiter Absatz\n\nStrategie-Ziel: SA-02"
    with GitRepo(repo) as gr:
        neu = gr.commit(["ziele/sa/SA-02.toml"], nachricht)
    assert neu == kopf(repo)
    assert git(repo, "log", "-1", "--format=%B").strip() == nachricht
