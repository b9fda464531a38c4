"""Shared fixtures: isolated git identity, copies of the example store, a store with a history,
running the CLI."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from strategie.aendern.bearbeiten import aendere
from strategie.cli.main import main
from strategie.modell.operationen import Setze, Zielaenderung

PROJEKT = Path(__file__).resolve().parent.parent
BEISPIEL = PROJEKT / "ziele"
DATEN = Path(__file__).resolve().parent / "daten"

TEST_NAME = "Erika Mustermann"
TEST_EMAIL = "erika.mustermann@example.org"


@pytest.fixture(autouse=True)
def git_umgebung(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test sees only its own git configuration with a known identity."""
    konfig = tmp_path_factory.mktemp("gitconfig") / "config"
    konfig.write_text(f"[user]\n\tname = {TEST_NAME}\n\temail = {TEST_EMAIL}\n"
                      "[init]\n\tdefaultBranch = main\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(konfig))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME",
                 "GIT_COMMITTER_EMAIL", "GIT_DIR", "GIT_WORK_TREE", "STRATEGIE_STORE"):
        monkeypatch.delenv(name, raising=False)
    return konfig


@pytest.fixture
def beispiel(tmp_path: Path) -> Path:
    """A copy of the shipped example store (no git)."""
    ziel = tmp_path / "ziele"
    shutil.copytree(BEISPIEL, ziel)
    return ziel


def ohne_rechteumgehung() -> list[str]:
    """What to put before a command so that file permissions stop it: nothing for a normal
    user; for root, setpriv without the capabilities that override them (skipped without)."""
    import os

    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("root übergeht Dateirechte, und setpriv fehlt")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


def git(repo: Path, *args: str) -> str:
    """Run git in *repo* and return its stdout."""
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                          text=True).stdout


def beispiel_repo(wurzel: Path) -> Path:
    """Make *wurzel* a git repository with a copy of the example store under ziele/."""
    wurzel.mkdir()
    git(wurzel, "init", "-q", "-b", "main")
    shutil.copytree(BEISPIEL, wurzel / "ziele")
    git(wurzel, "add", "-A")
    git(wurzel, "commit", "-q", "-m", "Beispielspeicher übernommen")
    return wurzel


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A real git repository holding a copy of the example store under ziele/, one commit."""
    return beispiel_repo(tmp_path / "repo")


@dataclass
class Ergebnis:
    """Exit code and captured output of one CLI run."""

    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Iterator[Callable[..., Ergebnis]]:
    """Run the CLI in-process: cli("liste", "--store", path) → Ergebnis."""

    def ausfuehren(*args: str) -> Ergebnis:
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as ende:  # argparse errors and --help
            code = int(ende.code or 0)
        gefangen = capsys.readouterr()
        return Ergebnis(code, gefangen.out, gefangen.err)

    yield ausfuehren


def kopf(repo: Path) -> str:
    """The commit id of HEAD in *repo*."""
    return git(repo, "rev-parse", "HEAD").strip()


def trailer(repo: Path, rev: str = "HEAD") -> list[tuple[str, str]]:
    """The trailers of a commit as `git interpret-trailers --parse` reads them."""
    nachricht = git(repo, "log", "-1", "--format=%B", rev)
    ausgabe = subprocess.run(["git", "-C", str(repo), "interpret-trailers", "--parse"],
                             input=nachricht, capture_output=True, text=True, check=True).stdout
    return [tuple(z.split(": ", 1)) for z in ausgabe.splitlines()]  # type: ignore[misc]


def _am(monkeypatch: pytest.MonkeyPatch, zeitpunkt: str) -> None:
    monkeypatch.setenv("GIT_AUTHOR_DATE", zeitpunkt)
    monkeypatch.setenv("GIT_COMMITTER_DATE", zeitpunkt)


@pytest.fixture
def verlauf_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Example store committed 19.06.2026; 01.09.2026 DEZ-01 umgesetzt/grün; 01.10.2026 AMI-01
    rot. Returns the store folder (``…/repo/ziele``)."""
    _am(monkeypatch, "2026-06-19T10:00:00+02:00")
    speicher = beispiel_repo(tmp_path / "repo") / "ziele"
    _am(monkeypatch, "2026-09-01T09:00:00+02:00")
    aendere(speicher, [Zielaenderung("DEZ-01", (Setze("status", "umgesetzt"),
                                                Setze("ampel", "grün")))],
            "Controllingbericht beschlossen.")
    _am(monkeypatch, "2026-10-01T09:00:00+02:00")
    aendere(speicher, [Zielaenderung("AMI-01", (Setze("ampel", "rot"),))],
            "Träger der Integrationsmanagements kündigt zum Jahresende.")
    monkeypatch.delenv("GIT_AUTHOR_DATE")
    monkeypatch.delenv("GIT_COMMITTER_DATE")
    return speicher
