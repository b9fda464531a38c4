"""Create a new store in a new git repository ('strategie init')."""

from __future__ import annotations

import errno
import shutil
from collections.abc import Mapping
from pathlib import Path

import tomlkit

from strategie.git.befehl import git_lauf
from strategie.git.repo import GitRepo, git_fehlertext
from strategie.modell.befund import StrategieFehler, os_fehlertext
from strategie.speicher.ablage import RAHMEN_DATEI


def beispiel_verzeichnis() -> Path:
    """The shipped example store: ``ziele/`` of the checkout, or the installed package data."""
    paket = Path(__file__).resolve().parent.parent  # the strategie package
    for kandidat in (paket.parent / "ziele", paket / "beispiel"):
        if (kandidat / RAHMEN_DATEI).is_file():
            return kandidat
    raise StrategieFehler("Der mitgelieferte Beispielspeicher wurde nicht gefunden.")


def lege_speicher_an(ziel: Path, *, beispiel: bool,
                     dateien: Mapping[str, str] | None = None) -> tuple[Path, str]:
    """Make *ziel* a new git repo holding a store; returns (store folder, first commit id).

    *dateien* (path in the repository → text) go into the first commit too (e.g. the
    ``.gitattributes`` of the merge driver).

    Errors of the file system or git become a German StrategieFehler; whatever was made
    up to then is removed again (the folder was empty or absent before).
    """
    try:
        ziel = ziel.expanduser().resolve()
        if ziel.exists() and not ziel.is_dir():
            raise StrategieFehler(f"{ziel} ist eine Datei, kein Ordner; bitte einen neuen oder "
                                  "leeren Ordner angeben.")
        if ziel.exists() and any(ziel.iterdir()):
            raise StrategieFehler(
                f"{ziel} ist nicht leer; bitte einen neuen oder leeren Ordner angeben.")
        return _lege_an(ziel, beispiel, dateien or {})
    except OSError as fehler:
        ort = f" ({fehler.filename})" if fehler.filename not in (None, str(ziel)) else ""
        grund = ("den Ort gibt es nicht, oder dort lassen sich keine Ordner anlegen"
                 if fehler.errno == errno.ENOENT else os_fehlertext(fehler))
        raise StrategieFehler(
            f"Der Zielspeicher {ziel} ließ sich nicht anlegen{ort}: {grund}.") from None


def _lege_an(ziel: Path, beispiel: bool, dateien: Mapping[str, str]) -> tuple[Path, str]:
    quelle = beispiel_verzeichnis()
    neu_angelegt = ziel
    while not neu_angelegt.parent.exists():
        neu_angelegt = neu_angelegt.parent  # the topmost folder this call creates
    vorhanden = ziel.exists()
    ziel.mkdir(parents=True, exist_ok=True)
    try:
        anlage = git_lauf(ziel, "init", "--quiet", "--initial-branch=main")
        if not anlage.ok:
            raise StrategieFehler(f"Der Zielspeicher {ziel} ließ sich nicht anlegen; git "
                                  f"meldet: {git_fehlertext(anlage)}")
        with GitRepo(ziel) as repo:
            repo.identitaet()
            rahmen = tomlkit.parse((quelle / RAHMEN_DATEI).read_text(encoding="utf-8"))
            if not beispiel and "hinweis" in rahmen:
                del rahmen["hinweis"]
            (ziel / RAHMEN_DATEI).write_text(tomlkit.dumps(rahmen), encoding="utf-8")
            if beispiel:
                for datei in sorted(quelle.glob("*/*.toml")):
                    (ziel / datei.parent.name).mkdir(exist_ok=True)
                    shutil.copyfile(datei, ziel / datei.parent.name / datei.name)
            for name, text in dateien.items():
                (ziel / name).write_text(text, encoding="utf-8")
            repo.git("add", "--all")
            nachricht = "Zielspeicher angelegt" + (" mit den Beispielzielen" if beispiel else "")
            repo.git("commit", "--quiet", "-m", nachricht)
            return ziel, repo.git("rev-parse", "HEAD").strip()
    except BaseException:
        # Leave nothing half-made behind: the folder was empty (or absent) before.
        if not vorhanden:
            shutil.rmtree(neu_angelegt, ignore_errors=True)
        else:
            for eintrag in ziel.iterdir():
                shutil.rmtree(eintrag) if eintrag.is_dir() else eintrag.unlink()
        raise
