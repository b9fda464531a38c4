"""CODEOWNERS from the frame's Zuständigkeit, for merge requests on GitLab and Forgejo/Gitea
(``strategie einrichten --codeowners``): each Amt folder owned by the accounts that may change
its goals, the frame by those who may change it. The forges differ in syntax — GitLab reads
gitignore-like patterns (``.gitlab/CODEOWNERS``), Forgejo/Gitea Go regular expressions
(``.gitea/CODEOWNERS``) — so both files are written; groups are written out as accounts, which
must be the forge's user names."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from strategie.modell.zustaendigkeit import ALLE, Regeln
from strategie.speicher.rahmendatei import lade_rahmen

if TYPE_CHECKING:
    from strategie.team.einrichten import Bericht

DATEIEN = {"gitlab": Path(".gitlab") / "CODEOWNERS", "forgejo": Path(".gitea") / "CODEOWNERS"}
KOPF = ("# Erzeugt von strategie einrichten --codeowners aus [zustaendigkeit] in {rahmen}.\n"
        "# Nicht von Hand ändern: die Regeln stehen im Rahmen; danach neu erzeugen.\n")


def _besitzer(regeln: Regeln, eintraege: tuple[str, ...]) -> list[str]:
    konten = regeln.konten_von(eintraege)
    return [] if ALLE in konten else [f"@{k}" for k in sorted(konten)]


def eintraege(regeln: Regeln, aemter: dict[str, str], praefix: str
              ) -> list[tuple[str, str, list[str]]]:
    """(kind, path, owners): 'rahmen' for the frame file, 'amt' for an Amt folder, 'andere'
    for everything outside the store."""
    zeilen: list[tuple[str, str, list[str]]] = []
    basis = f"{praefix}/" if praefix else ""
    andere = _besitzer(regeln, regeln.andere_dateien)
    if andere:
        zeilen.append(("andere", basis, andere))
    zeilen.append(("rahmen", f"{basis}strategie.toml", _besitzer(regeln, regeln.rahmen)))
    for kuerzel, ordner in sorted(aemter.items()):
        regel = regeln.aemter.get(kuerzel)
        if regel is not None:
            besitzer = _besitzer(regeln, tuple(dict.fromkeys(regel.aendern + regel.anlegen)))
            if besitzer:
                zeilen.append(("amt", f"{basis}{ordner}/", besitzer))
    return zeilen


def gitlab(zeilen: list[tuple[str, str, list[str]]]) -> str:
    """GitLab syntax: the last matching pattern wins, so 'everything else' (``*``) comes
    first; an Amt without a rule then falls under it (GitLab cannot unset an owner)."""
    ausgabe = [f"{'*' if art == 'andere' else '/' + pfad} {' '.join(besitzer)}"
               for art, pfad, besitzer in zeilen if besitzer]
    return "\n".join(ausgabe) + "\n"


def forgejo(zeilen: list[tuple[str, str, list[str]]]) -> str:
    """Forgejo/Gitea syntax: Go regular expressions; '!' matches everything except."""
    ausgabe = []
    for art, pfad, besitzer in zeilen:
        if not besitzer:
            continue
        if art == "andere":
            muster = f"!{re.escape(pfad)}.*" if pfad else ".*"
        elif art == "rahmen":
            muster = re.escape(pfad)
        else:
            muster = f"{re.escape(pfad)}.*"
        ausgabe.append(f"{muster} {' '.join(besitzer)}")
    return "\n".join(ausgabe) + "\n"


def schreibe_codeowners(wurzel: Path, verzeichnis: Path, praefix: str, bericht: Bericht) -> None:
    """Write both CODEOWNERS files from the frame's rules (or say why not)."""
    rahmen = lade_rahmen(verzeichnis)
    regeln = rahmen.zustaendigkeit
    if regeln is None:
        bericht.zeilen.append("CODEOWNERS: der Rahmen hat keine Regeln [zustaendigkeit]; nichts "
                              "geschrieben.")
        return
    zeilen = eintraege(regeln, {a.kuerzel: a.ordner for a in rahmen.aemter}, praefix)
    kopf = KOPF.format(rahmen=f"{praefix}/strategie.toml" if praefix else "strategie.toml")
    for name, text in (("gitlab", gitlab(zeilen)), ("forgejo", forgejo(zeilen))):
        datei = wurzel / DATEIEN[name]
        inhalt = kopf + text
        if datei.is_file() and datei.read_text(encoding="utf-8") == inhalt:
            bericht.vorhanden(f"{DATEIEN[name]} (aktuell)")
            continue
        datei.parent.mkdir(exist_ok=True)
        datei.write_text(inhalt, encoding="utf-8")
        bericht.gesetzt(f"{DATEIEN[name]} aus den Zuständigkeitsregeln – bitte einchecken")
