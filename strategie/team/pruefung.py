"""Zuständigkeit outside the server hook: an audit of a range of commits (``strategie pruefen
--zustaendigkeit REV..REV``, judged by the pushers the server recorded, else by the commits'
authors — marked as unverified claims), and the client-side check before a commit
(``strategie vorab-pruefen``: invalid goal files stop the commit, changes outside the own
Zuständigkeit only warn)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from strategie.git.befehl import Nackt, git_lauf, orte_von
from strategie.git.objekte import lies_blobs
from strategie.modell.befund import StrategieFehler
from strategie.modell.rahmen import Rahmen
from strategie.speicher.ablage import ist_zieldatei_im_repo
from strategie.speicher.rahmendatei import lade_rahmen, rahmen_aus_bytes
from strategie.speicher.validierung import lade_ziel
from strategie.team.serverhook import NOTIZEN
from strategie.team.zustaendigkeit import (
    Verstoss,
    aus_roh,
    baumdiff,
    eigene_aenderungen,
    speicher_in,
    verstoesse,
)

_GEPUSHT = re.compile(r"^Gepusht von: (.+)$", re.MULTILINE)


@dataclass(frozen=True)
class Fund:
    """A change of an audited commit that the rules did not allow."""

    commit: str
    datum: str
    verstoss: Verstoss

    def zeile(self) -> str:
        return f"{self.commit[:8]} {self.datum}: {self.verstoss.zeile()}"


def _pusher(ort: Path) -> dict[str, str]:
    """Commit → account, from the notes the server's post-receive wrote."""
    liste = git_lauf(ort, "notes", f"--ref={NOTIZEN}", "list").aus.split()
    notizen = dict(zip(liste[1::2], liste[0::2], strict=False))
    inhalte = lies_blobs(Nackt(ort), notizen.values())
    ergebnis = {}
    for commit, blob in notizen.items():
        treffer = _GEPUSHT.search(inhalte.get(blob, b"").decode("utf-8", "replace"))
        if treffer:
            ergebnis[commit] = treffer.group(1).strip()
    return ergebnis


def _rahmen(ort: Path, commit: str, praefix: str) -> Rahmen | None:
    pfad = f"{praefix}/strategie.toml" if praefix else "strategie.toml"
    lauf = git_lauf(ort, "cat-file", "blob", f"{commit}:{pfad}")
    if not lauf.ok:
        return None
    try:
        return rahmen_aus_bytes(Path(pfad), lauf.aus.encode("utf-8"))
    except StrategieFehler:
        return None


def pruefe_verlauf(verzeichnis: Path, bereich: str) -> tuple[list[Fund], int, int]:
    """Judge every commit of *bereich* (``REV..REV``) by the rules of its parent's frame:
    (findings, commits checked, of them with a pusher recorded by the server)."""
    ort = orte_von(verzeichnis.resolve()).wurzel
    lauf = git_lauf(ort, "log", "--reverse", "--topo-order", "--format=%H%x1f%P%x1f%ae%x1f%an"
                    "%x1f%as", bereich)
    if not lauf.ok:
        raise StrategieFehler(f'"{bereich}" ist kein Bereich von Commits: {lauf.meldung}')
    pusher = _pusher(ort)
    funde: list[Fund] = []
    gezaehlt = bestaetigt = 0
    for zeile in lauf.aus.splitlines():
        commit, eltern, email, autor, datum = zeile.split("\x1f")
        erster = eltern.split()[0] if eltern else None
        gezaehlt += 1
        praefix = speicher_in(ort, commit)
        rahmen = _rahmen(ort, erster or commit, praefix) if praefix is not None else None
        regeln = rahmen.zustaendigkeit if rahmen else None
        if regeln is None or rahmen is None or praefix is None:
            continue
        konto = pusher.get(commit)
        if konto is not None:
            bestaetigt += 1
        else:
            konto = regeln.konto_zur_email(email) or f"{autor} <{email}>"
        andere = [e for e in eltern.split()[1:]
                  if erster is None or not git_lauf(ort, "merge-base", "--is-ancestor", e,
                                                    erster).ok]
        aenderungen = eigene_aenderungen(ort, baumdiff(ort, erster, commit), andere)
        for verstoss in verstoesse(ort, regeln, rahmen, praefix, konto, aenderungen,
                                   bestaetigt=commit in pusher):
            funde.append(Fund(commit, datum, verstoss))
    return funde, gezaehlt, bestaetigt


@dataclass(frozen=True)
class Vorabbefund:
    """What the client-side check found: errors stop the commit, warnings do not."""

    fehler: tuple[str, ...]
    warnungen: tuple[str, ...]


def _eigenes_konto(ort: Path, rahmen: Rahmen) -> str | None:
    konto = git_lauf(ort, "config", "strategie.konto").aus.strip()
    if konto:
        return konto
    email = git_lauf(ort, "config", "user.email").aus.strip()
    regeln = rahmen.zustaendigkeit
    return regeln.konto_zur_email(email) if regeln and email else None


def vorab(verzeichnis: Path, dateien: list[str] | None = None) -> Vorabbefund:
    """Check the staged changes of the clone (or *dateien*) before they are committed."""
    verzeichnis = verzeichnis.resolve()
    orte = orte_von(verzeichnis)
    praefix = "" if verzeichnis == orte.wurzel else verzeichnis.relative_to(
        orte.wurzel).as_posix()
    aenderungen = aus_roh(git_lauf(orte.wurzel, "-c", "core.quotePath=false", "diff-index",
                                   "--cached", "--no-renames", "-z", "HEAD").aus)
    if dateien:
        gewaehlt = {Path(d).resolve() for d in dateien}
        aenderungen = [a for a in aenderungen if (orte.wurzel / a.pfad).resolve() in gewaehlt]
    rahmen = lade_rahmen(verzeichnis)
    fehler: list[str] = []
    for aenderung in aenderungen:
        if aenderung.art == "D" or not ist_zieldatei_im_repo(aenderung.pfad, praefix):
            continue
        roh_blob = git_lauf(orte.wurzel, "cat-file", "blob", aenderung.neu).aus.encode("utf-8")
        relpfad = aenderung.pfad[len(praefix) + 1:] if praefix else aenderung.pfad
        ziel, befunde = lade_ziel(verzeichnis, relpfad, roh_blob, rahmen)
        fehler += [f"{aenderung.pfad}:{b.zeile or ''}: {b.meldung}".replace("::", ":")
                   for b in befunde] if ziel is None else []
    warnungen: list[str] = []
    regeln = rahmen.zustaendigkeit
    if regeln is not None and aenderungen:
        konto = _eigenes_konto(orte.wurzel, rahmen)
        if konto is None:
            warnungen.append("Welches Server-Konto diesem Klon gehört, ist unbekannt (git config "
                             "strategie.konto NAME); die Zuständigkeit prüft erst der Server.")
        else:
            warnungen += [f"{v.zeile()} – der Server wird den Push ablehnen."
                          for v in verstoesse(orte.wurzel, regeln, rahmen, praefix, konto,
                                              aenderungen)]
    return Vorabbefund(tuple(fehler), tuple(warnungen))
