"""Setting up a clone for working together (``strategie einrichten``, also ``strategie init``):
``.gitattributes`` for the goal files, the merge driver in the clone's git config, optionally
the client-side pre-commit hook and a CODEOWNERS file. Idempotent; says what it did."""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

from strategie.git.befehl import git_lauf, git_text, orte_von

TREIBER = "strategie"
"""The merge driver's name in ``.gitattributes`` (``merge=strategie``) and git's config."""
TREIBER_NAME = "strategie: Zieldateien feldweise zusammenführen"
KOPF = "# strategie: Zieldateien feldweise zusammenführen (strategie einrichten)"
HOOK_KENNUNG = "# strategie: Vorabprüfung (strategie einrichten --hooks)"


class Bericht:
    """What ``einrichten`` did: one German line per item, and whether anything changed."""

    zeilen: list[str]
    geaendert: bool

    def __init__(self) -> None:
        self.zeilen = []
        self.geaendert = False

    def gesetzt(self, text: str) -> None:
        self.zeilen.append(f"eingerichtet: {text}")
        self.geaendert = True

    def vorhanden(self, text: str) -> None:
        self.zeilen.append(f"schon vorhanden: {text}")


def strategie_befehl() -> str:
    """How git (through a shell) starts this installation of strategie."""
    skript = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if skript is not None and skript.name == "strategie" and skript.is_file() and os.access(
            skript, os.X_OK):
        return shlex.quote(str(skript.resolve()))
    return f"{shlex.quote(sys.executable)} -m strategie"


def treiber_befehl() -> str:
    """The value of ``merge.strategie.driver``."""
    return f"{strategie_befehl()} merge-treiber %O %A %B %L %P"


def attribut_muster(praefix: str) -> str:
    """The ``.gitattributes`` pattern of a store's goal files (one folder per Amt)."""
    return f"{praefix + '/' if praefix else ''}*/*.toml"


def attribut_zeilen(praefix: str) -> str:
    """The lines ``.gitattributes`` needs for the store at *praefix* ('' = repository root)."""
    return f"{KOPF}\n{attribut_muster(praefix)} merge={TREIBER}\n"


def _richte_attribute_ein(wurzel: Path, praefix: str, bericht: Bericht) -> None:
    datei = wurzel / ".gitattributes"
    zeile = f"{attribut_muster(praefix)} merge={TREIBER}"
    text = datei.read_text(encoding="utf-8") if datei.is_file() else ""
    if zeile in text.splitlines():
        bericht.vorhanden(f".gitattributes ({zeile})")
        return
    if text and not text.endswith("\n"):
        text += "\n"
    datei.write_text(text + ("\n" if text else "") + attribut_zeilen(praefix), encoding="utf-8")
    bericht.gesetzt(f".gitattributes: {zeile} – bitte mit einchecken (git add .gitattributes, "
                    "git commit), damit alle Klone sie haben")


def _richte_konfig_ein(wurzel: Path, bericht: Bericht) -> None:
    for schluessel, wert in ((f"merge.{TREIBER}.name", TREIBER_NAME),
                             (f"merge.{TREIBER}.driver", treiber_befehl())):
        alt = git_lauf(wurzel, "config", "--local", "--get", schluessel).aus.strip()
        if alt == wert:
            bericht.vorhanden(f"git config {schluessel}")
            continue
        git_text(wurzel, "config", "--local", schluessel, wert)
        bericht.gesetzt(f"git config {schluessel} = {wert}" + (f" (vorher: {alt})" if alt
                                                                  else ""))


def richte_ein(verzeichnis: Path, *, hooks: bool = False, codeowners: bool = False) -> Bericht:
    """Set up the clone around the store *verzeichnis*; returns what was done."""
    verzeichnis = verzeichnis.resolve()
    orte = orte_von(verzeichnis)
    praefix = "" if verzeichnis == orte.wurzel else verzeichnis.relative_to(
        orte.wurzel).as_posix()
    bericht = Bericht()
    _richte_attribute_ein(orte.wurzel, praefix, bericht)
    _richte_konfig_ein(orte.wurzel, bericht)
    if hooks:
        _richte_hook_ein(orte.wurzel, bericht)
    if codeowners:
        from strategie.team.codeowners import schreibe_codeowners

        schreibe_codeowners(orte.wurzel, verzeichnis, praefix, bericht)
    return bericht


def hook_text() -> str:
    """The client-side pre-commit hook: ``strategie vorab-pruefen`` on the staged changes."""
    return f"#!/bin/sh\n{HOOK_KENNUNG}\nexec {strategie_befehl()} vorab-pruefen\n"


def _richte_hook_ein(wurzel: Path, bericht: Bericht) -> None:
    datei = wurzel / git_text(wurzel, "rev-parse", "--git-path", "hooks/pre-commit").strip()
    if datei.is_file() and HOOK_KENNUNG not in datei.read_text(encoding="utf-8",
                                                               errors="replace"):
        bericht.zeilen.append(f"nicht eingerichtet: {datei} gibt es schon (nicht von "
                              "strategie); bitte dort die Zeile 'strategie vorab-pruefen || "
                              "exit 1' ergänzen.")
        return
    if datei.is_file() and datei.read_text(encoding="utf-8") == hook_text():
        bericht.vorhanden(f"pre-commit-Hook ({datei})")
        return
    datei.parent.mkdir(parents=True, exist_ok=True)
    datei.write_text(hook_text(), encoding="utf-8")
    datei.chmod(0o755)
    bericht.gesetzt(f"pre-commit-Hook {datei}: prüft vor jedem Commit die Zieldateien und "
                    "warnt bei fremder Zuständigkeit")


def ist_eingerichtet(wurzel: Path, praefix: str) -> bool:
    """Whether ``.gitattributes`` hands the store's goal files to the merge driver."""
    datei = wurzel / ".gitattributes"
    try:
        return f"{attribut_muster(praefix)} merge={TREIBER}" in datei.read_text(
            encoding="utf-8").splitlines()
    except OSError:
        return False
