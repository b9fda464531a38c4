"""Judging changes by the frame's Zuständigkeit: what a set of commits changes between two
states (tree diff), which of those changes are the pusher's own (not foreign commits merged
in that the server already has), and which of them the rules do not allow — named with file,
field, rule and account. Reads everything from git objects, so it works in a bare repository
on the server as well as in a clone (audits, the client-side hook)."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from strategie.git.befehl import Nackt, git_lauf
from strategie.git.objekte import lies_blobs
from strategie.modell.rahmen import Rahmen
from strategie.modell.vergleich import vergleiche
from strategie.modell.zustaendigkeit import AKTIONEN, Regeln
from strategie.speicher.ablage import RAHMEN_DATEI, ist_zieldatei_im_repo

NULL = "0" * 40


@dataclass(frozen=True)
class Dateiaenderung:
    """A file changed between two states: path in the repository, 'A'/'M'/'D', blob ids."""

    pfad: str
    art: str
    alt: str
    neu: str


@dataclass(frozen=True)
class Verstoss:
    """A change the rules do not allow."""

    pfad: str
    aktion: str
    """'aendern', 'anlegen', 'rahmen' or 'andere_dateien'."""
    amt: str | None
    konto: str
    regel: str
    """The rule as written in the frame."""
    felder: tuple[str, ...] = ()
    bestaetigt: bool = True
    """The account is the one the server authenticated (False: taken from a commit's
    author, a claim anyone can set)."""

    def zeile(self) -> str:
        """German: who may not do what, where, and by which rule."""
        was = AKTIONEN[self.aktion]
        if self.amt and self.aktion in ("aendern", "anlegen"):
            was = f"{was} (Amt {self.amt})"
        wer = self.konto if self.bestaetigt else f"{self.konto} (unbestätigt: laut Commit)"
        felder = ""
        if self.felder:
            mehr = f" und {len(self.felder) - 4} weitere" if len(self.felder) > 4 else ""
            felder = f", Feld {', '.join(self.felder[:4])}{mehr}"
        return f"{wer} darf nicht {was}: {self.pfad}{felder} – Regel {self.regel}"


def leerer_baum(ort: Path) -> str:
    """The id of the empty tree in this repository's hash format."""
    return git_lauf(ort, "hash-object", "-t", "tree", "--stdin", eingabe=b"").aus.strip()


def aus_roh(roh: str) -> list[Dateiaenderung]:
    """The changes in git's ``--raw -z`` output (diff-tree, diff-index)."""
    teile = roh.split("\0")
    aenderungen = []
    for kopf, pfad in zip(teile[0::2], teile[1::2], strict=False):
        felder = kopf.lstrip(":").split()
        if len(felder) >= 5:
            aenderungen.append(Dateiaenderung(pfad, felder[4][0], felder[2], felder[3]))
    return aenderungen


def baumdiff(ort: Path, alt: str | None, neu: str) -> list[Dateiaenderung]:
    """The files that differ between commit *alt* (None: nothing) and *neu*."""
    links = alt if alt and alt != NULL else leerer_baum(ort)
    return aus_roh(git_lauf(ort, "-c", "core.quotePath=false", "diff-tree", "-r", "-z",
                            "--no-renames", links, neu).aus)


def eigene_commits(ort: Path, neue: Iterable[str]) -> list[str]:
    """The commits reachable from *neue* that no ref of the repository has yet, oldest first
    (in a pre-receive hook: the pushed commits the server does not have)."""
    spitzen = [n for n in neue if n and n != NULL]
    if not spitzen:
        return []
    lauf = git_lauf(ort, "rev-list", "--reverse", "--topo-order", *spitzen, "--not", "--all")
    return lauf.aus.split()


def fremde_quellen(ort: Path, eigene: list[str], neu: str, basis: str | None) -> list[str]:
    """The commits the pushed state takes new content from that are not the pusher's own:
    parents of the own (merge) commits that the server already has but *basis* (the
    branch's state on the server) does not contain — or *neu* itself when the push only
    moves the branch to commits the server has. An older state of the branch is no such
    source: going back to it is a change."""
    if not eigene:
        kandidaten = [neu]
    else:
        bekannt = set(eigene)
        lauf = git_lauf(ort, "rev-list", "--no-walk", "--parents", *eigene)
        kandidaten = list(dict.fromkeys(e for zeile in lauf.aus.splitlines()
                                        for e in zeile.split()[1:] if e not in bekannt))
    if not basis or basis == NULL:
        return kandidaten
    return [k for k in kandidaten
            if not git_lauf(ort, "merge-base", "--is-ancestor", k, basis).ok]


def eigene_aenderungen(ort: Path, aenderungen: list[Dateiaenderung], fremde: list[str]
                       ) -> list[Dateiaenderung]:
    """The changes that are the pusher's own: a file whose new content is exactly what a
    foreign source (``fremde_quellen``) has came with that source, merged in unchanged."""
    if not fremde or not aenderungen:
        return aenderungen
    pfade = [a.pfad for a in aenderungen]
    vorhanden: set[tuple[str, str]] = set()
    for quelle in fremde:
        roh = git_lauf(ort, "-c", "core.quotePath=false", "ls-tree", "-r", "-z", "--full-tree",
                       quelle, "--", *pfade).aus
        for eintrag in roh.split("\0"):
            kopf, _, pfad = eintrag.partition("\t")
            if pfad:
                vorhanden.add((pfad, kopf.split()[2]))
    return [a for a in aenderungen if (a.pfad, a.neu) not in vorhanden]


def speicher_in(ort: Path, commit: str) -> str | None:
    """The store folder inside *commit* ('' = the root; None: there is no store)."""
    konfig = git_lauf(ort, "config", "strategie.speicher").aus.strip().strip("/")
    kandidaten = [konfig] if konfig else ["", "ziele"]
    for kandidat in kandidaten:
        pfad = f"{kandidat}/{RAHMEN_DATEI}" if kandidat else RAHMEN_DATEI
        if git_lauf(ort, "cat-file", "-e", f"{commit}:{pfad}").ok:
            return kandidat
    if konfig:
        return None
    namen = git_lauf(ort, "ls-tree", "--name-only", commit).aus.split("\n")
    for name in namen:
        if name and git_lauf(ort, "cat-file", "-e", f"{commit}:{name}/{RAHMEN_DATEI}").ok:
            return name
    return None


def _amt_der_datei(rahmen: Rahmen, praefix: str, pfad: str) -> str | None:
    ordner = (pfad[len(praefix) + 1:] if praefix else pfad).split("/", 1)[0]
    return next((a.kuerzel for a in rahmen.aemter if a.ordner == ordner), ordner.upper())


def aktion_fuer(rahmen: Rahmen, praefix: str, aenderung: Dateiaenderung
                ) -> tuple[str, str | None]:
    """Which rule a changed file falls under, and the Amt of a goal file."""
    rahmen_pfad = f"{praefix}/{RAHMEN_DATEI}" if praefix else RAHMEN_DATEI
    if aenderung.pfad == rahmen_pfad:
        return "rahmen", None
    if ist_zieldatei_im_repo(aenderung.pfad, praefix):
        art = "aendern" if aenderung.art == "M" else "anlegen"
        return art, _amt_der_datei(rahmen, praefix, aenderung.pfad)
    return "andere_dateien", None


def _felder(ort: Path, aenderung: Dateiaenderung) -> tuple[str, ...]:
    """The fields a change of a goal file touches (by content), for the message."""
    if aenderung.art != "M":
        return ()
    inhalte = lies_blobs(Nackt(ort), [aenderung.alt, aenderung.neu])
    try:
        alt = tomllib.loads(inhalte.get(aenderung.alt, b"").decode("utf-8"))
        neu = tomllib.loads(inhalte.get(aenderung.neu, b"").decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return ()
    return tuple(dict.fromkeys(a.pfad for a in vergleiche(alt, neu)))


def verstoesse(ort: Path, regeln: Regeln, rahmen: Rahmen, praefix: str, konto: str,
               aenderungen: Iterable[Dateiaenderung], *, bestaetigt: bool = True
               ) -> list[Verstoss]:
    """The changes *konto* may not make by *regeln* (*rahmen*: the frame they come from)."""
    gefunden = []
    for aenderung in aenderungen:
        aktion, amt = aktion_fuer(rahmen, praefix, aenderung)
        if regeln.darf(konto, aktion, amt):
            continue
        gefunden.append(Verstoss(aenderung.pfad, aktion, amt, konto,
                                 regeln.regel_text(aktion, amt), _felder(ort, aenderung),
                                 bestaetigt))
    return gefunden
