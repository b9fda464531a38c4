"""``strategie server-hook``: the pre-receive hook of the shared repository (any git server:
plain SSH, gitolite, Forgejo/Gitea, GitLab, git-http-backend), and a post-receive part that
records who pushed.

pre-receive reads ``alt neu ref`` lines on stdin in the bare repository and refuses the whole
push (exit 1, the server keeps what it had) when a pushed commit makes a goal file or the frame
invalid, or when the push changes what the pusher may not change. The pusher is the account
the server authenticated, taken from the one variable the server sets — configured at
installation (``--pusher-variable``, ``git config strategie.pusherVariable``, gitolite's
``option ENV.STRATEGIE_PUSHER_VARIABLE``, or ``pusher`` in the frame's rules), never guessed
and never the commit's author. The rules are those of the frame the server already has, so a
push cannot grant itself rights; only the pusher's own changes count: what the push changes
compared with the server's state, and only in files the pushed commits themselves change
(foreign commits merged in, which the server already has, are not the pusher's).

post-receive (``--nach``) writes a note per newly pushed commit into
``refs/notes/strategie-pusher`` (account, variable, time), which ``strategie pruefen
--zustaendigkeit`` reads; pushes to that ref from clients are refused.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from strategie.git.befehl import Nackt, git_lauf
from strategie.git.objekte import lies_baum, lies_blobs
from strategie.modell.befund import StrategieFehler
from strategie.modell.rahmen import Rahmen
from strategie.speicher.ablage import RAHMEN_DATEI, ist_zieldatei, ist_zieldatei_im_repo
from strategie.speicher.rahmendatei import rahmen_aus_bytes
from strategie.speicher.validierung import lade_ziel
from strategie.team.zustaendigkeit import (
    NULL,
    Dateiaenderung,
    aus_roh,
    baumdiff,
    eigene_aenderungen,
    eigene_commits,
    fremde_quellen,
    speicher_in,
    verstoesse,
)

NOTIZEN = "refs/notes/strategie-pusher"
"""Where post-receive records who pushed each commit."""


@dataclass
class Pruefung:
    """The outcome of checking one push."""

    meldungen: list[str] = field(default_factory=list)
    abgelehnt: bool = False
    konto: str = ""
    commits: int = 0

    def lehne_ab(self, text: str) -> None:
        self.meldungen.append(text)
        self.abgelehnt = True


@dataclass(frozen=True)
class Aktualisierung:
    """One line of a push: a ref from *alt* to *neu* (zeros: created / deleted)."""

    alt: str
    neu: str
    ref: str


def lies_zeilen(text: str) -> list[Aktualisierung]:
    """The ``alt neu ref`` lines git hands pre-receive and post-receive."""
    ergebnis = []
    for zeile in text.splitlines():
        teile = zeile.split()
        if len(teile) == 3:
            ergebnis.append(Aktualisierung(*teile))
    return ergebnis


def pusher_variable(ort: Path, umgebung: Mapping[str, str], option: str | None,
                    rahmen: Rahmen | None) -> str:
    """Which variable names the pusher, as configured at installation ('' = not configured)."""
    return (option or git_lauf(ort, "config", "strategie.pusherVariable").aus.strip()
            or umgebung.get("STRATEGIE_PUSHER_VARIABLE", "")
            or umgebung.get("GL_OPTION_STRATEGIE_PUSHER_VARIABLE", "")
            or (rahmen.zustaendigkeit.pusher if rahmen and rahmen.zustaendigkeit else ""))


def _rahmen_in(ort: Path, commit: str, praefix: str) -> Rahmen:
    pfad = f"{praefix}/{RAHMEN_DATEI}" if praefix else RAHMEN_DATEI
    roh = git_lauf(ort, "cat-file", "blob", f"{commit}:{pfad}")
    if not roh.ok:
        raise StrategieFehler(f"{pfad} fehlt in Commit {commit[:8]}.")
    return rahmen_aus_bytes(Path(pfad), roh.aus.encode("utf-8"))


def _hauptzweig(ort: Path) -> str | None:
    lauf = git_lauf(ort, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    return lauf.aus.strip() or None


def _pruefe_dateien(ort: Path, pruefung: Pruefung, commits: list[str], praefix: str,
                    rahmen: Rahmen) -> None:
    """Every goal file (and the frame) the pushed commits write must be valid."""
    roh = git_lauf(ort, "-c", "core.quotePath=false", "diff-tree", "--stdin", "-r", "--root",
                   "--no-renames", "--no-commit-id", "-z", "-m", "--first-parent",
                   eingabe="\n".join(commits) + "\n").aus
    rahmen_pfad = f"{praefix}/{RAHMEN_DATEI}" if praefix else RAHMEN_DATEI
    neue = dict.fromkeys((a.pfad, a.neu) for a in aus_roh(roh) if a.art != "D" and (
        ist_zieldatei_im_repo(a.pfad, praefix) or a.pfad == rahmen_pfad))
    inhalte = lies_blobs(Nackt(ort), [blob for _, blob in neue])
    verzeichnis = Path(praefix or ".")
    for pfad, blob in neue:
        roh_blob = inhalte.get(blob, b"")
        if pfad == rahmen_pfad:
            try:
                rahmen_aus_bytes(Path(pfad), roh_blob)
            except StrategieFehler as fehler:
                pruefung.lehne_ab(f"{pfad}: der Rahmen wäre fehlerhaft: {fehler.meldung}")
            continue
        relpfad = pfad[len(praefix) + 1:] if praefix else pfad
        ziel, befunde = lade_ziel(verzeichnis, relpfad, roh_blob, rahmen)
        for befund in befunde if ziel is None else ():
            ort_text = f"{pfad}:{befund.zeile}" if befund.zeile else pfad
            feld = f"Feld '{befund.feld}': " if befund.feld else ""
            pruefung.lehne_ab(f"{ort_text}: {feld}{befund.meldung}")


def _pruefe_alle_ziele(ort: Path, pruefung: Pruefung, commit: str, praefix: str,
                       rahmen: Rahmen) -> None:
    """After a change of the frame: every goal of the new state against the new frame."""
    baum = lies_baum(Nackt(ort), commit, praefix)
    inhalte = lies_blobs(Nackt(ort), [b for rel, b in baum.items() if ist_zieldatei(rel)])
    for rel, blob in sorted(baum.items()):
        if "/" in rel and ist_zieldatei(rel):
            ziel, befunde = lade_ziel(Path(praefix or "."), rel, inhalte.get(blob, b""), rahmen)
            for befund in befunde if ziel is None else ():
                pfad = f"{praefix}/{rel}" if praefix else rel
                pruefung.lehne_ab(f"{pfad}: mit dem neuen Rahmen ungültig: {befund.meldung}")


def pruefe_push(ort: Path, zeilen: Sequence[Aktualisierung], umgebung: Mapping[str, str],
                option: str | None = None) -> Pruefung:
    """Check a push in the bare repository *ort* (see the module docstring)."""
    pruefung = Pruefung()
    zweige = [z for z in zeilen if z.ref.startswith("refs/heads/") and z.neu != NULL]
    for zeile in zeilen:
        if zeile.ref == NOTIZEN:
            pruefung.lehne_ab(f"{NOTIZEN} schreibt nur der Server (wer gepusht hat); ein Push "
                              "dorthin wird nicht angenommen.")
    commits = eigene_commits(ort, [z.neu for z in zweige])
    pruefung.commits = len(commits)
    haupt = _hauptzweig(ort)
    for zeile in zweige:
        basis = zeile.alt if zeile.alt != NULL else haupt
        praefix = speicher_in(ort, zeile.neu)
        if praefix is None:
            continue  # no store in this branch: nothing of ours to check
        try:
            rahmen_neu = _rahmen_in(ort, zeile.neu, praefix)
        except StrategieFehler as fehler:
            pruefung.lehne_ab(f"{zeile.ref}: {fehler.meldung}")
            continue
        _pruefe_dateien(ort, pruefung, commits, praefix, rahmen_neu)
        aenderungen = baumdiff(ort, basis, zeile.neu)
        rahmen_pfad = f"{praefix}/{RAHMEN_DATEI}" if praefix else RAHMEN_DATEI
        if any(a.pfad == rahmen_pfad for a in aenderungen):
            _pruefe_alle_ziele(ort, pruefung, zeile.neu, praefix, rahmen_neu)
        eigene = eigene_aenderungen(ort, aenderungen, fremde_quellen(ort, commits, zeile.neu,
                                                                  basis))
        _pruefe_zustaendigkeit(ort, pruefung, basis, praefix, eigene, umgebung, option)
    return pruefung


def _pruefe_zustaendigkeit(ort: Path, pruefung: Pruefung, basis: str | None, praefix: str,
                           aenderungen: list[Dateiaenderung], umgebung: Mapping[str, str],
                           option: str | None) -> None:
    """The rules of the server's state, applied to the pusher's own changes."""
    try:
        rahmen = _rahmen_in(ort, basis, praefix) if basis else None
    except StrategieFehler:
        rahmen = None  # the server has no store yet on this branch: no rules to apply
    regeln = rahmen.zustaendigkeit if rahmen else None
    if regeln is None or rahmen is None:
        return
    variable = pusher_variable(ort, umgebung, option, rahmen)
    if not variable:
        pruefung.lehne_ab(
            "Es ist nicht eingestellt, in welcher Variablen der Server den angemeldeten "
            "Pusher nennt; mit Zuständigkeitsregeln nimmt der Hook dann nichts an. Bei der "
            "Installation angeben: strategie server-hook --pusher-variable GL_USER (gitolite), "
            "GITEA_PUSHER_NAME (Forgejo/Gitea), GL_USERNAME (GitLab), REMOTE_USER "
            "(git-http-backend), USER (SSH mit einem Konto je Person).")
        return
    konto = umgebung.get(variable, "").strip()
    pruefung.konto = konto
    if not konto:
        pruefung.lehne_ab(f"Der Server hat nicht gesagt, wer pusht ({variable} ist leer); "
                          "ohne angemeldeten Pusher nimmt der Hook nichts an.")
        return
    if regeln.unbekannte_ablehnen and not regeln.bekannt(konto):
        pruefung.lehne_ab(f"{konto} steht in keiner Zuständigkeitsregel des Rahmens "
                          "([zustaendigkeit]); unbekannte Pusher werden abgelehnt.")
        return
    for verstoss in verstoesse(ort, regeln, rahmen, praefix, konto, aenderungen):
        pruefung.lehne_ab(verstoss.zeile())


def server_hook(stdin: str, *, nach: bool = False, option: str | None = None,
                ort: Path | None = None, umgebung: Mapping[str, str] | None = None) -> int:
    """Run as the repository's pre-receive (or, *nach*, post-receive) hook; the exit code."""
    ort = ort or Path.cwd()
    umgebung = os.environ if umgebung is None else umgebung
    zeilen = lies_zeilen(stdin)
    if nach:
        return vermerke_pusher(ort, zeilen, umgebung, option)
    pruefung = pruefe_push(ort, zeilen, umgebung, option)
    vorsatz = "GL-HOOK-ERR: " if "GL_ID" in umgebung else ""  # GitLab shows these in its UI
    if pruefung.abgelehnt:
        wer = f" von {pruefung.konto}" if pruefung.konto else ""
        print(f"{vorsatz}strategie: Push{wer} abgelehnt; der Server behält seinen Stand.",
              file=sys.stderr)
        for meldung in pruefung.meldungen:
            print(f"{vorsatz}strategie: {meldung}", file=sys.stderr)
        return 1
    wer = f" (Pusher {pruefung.konto})" if pruefung.konto else ""
    print(f"strategie: {pruefung.commits} Commit(s) geprüft{wer}: in Ordnung.", file=sys.stderr)
    return 0


def vermerke_pusher(ort: Path, zeilen: Sequence[Aktualisierung], umgebung: Mapping[str, str],
                    option: str | None = None) -> int:
    """post-receive: a note per newly arrived commit in NOTIZEN: who pushed it (one
    ``git fast-import``, retried if another push wrote notes at the same time)."""
    variable = pusher_variable(ort, umgebung, option, None)
    konto = umgebung.get(variable, "").strip() if variable else ""
    if not konto:
        return 0
    commits: list[str] = []
    for zeile in zeilen:
        if zeile.ref.startswith("refs/heads/") and zeile.neu != NULL:
            bereich = [zeile.neu] if zeile.alt == NULL else [f"{zeile.alt}..{zeile.neu}"]
            commits += git_lauf(ort, "rev-list", *bereich).aus.split()
    zeit = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    text = f"Gepusht von: {konto}\nAngemeldet über: {variable}\nZeit: {zeit}\n"
    for _ in range(5):
        vorhanden = set(git_lauf(ort, "notes", f"--ref={NOTIZEN}", "list").aus.split()[1::2])
        neu = [c for c in dict.fromkeys(commits) if c not in vorhanden]
        if not neu:
            return 0
        alt = git_lauf(ort, "rev-parse", "--verify", "--quiet", NOTIZEN).aus.strip()
        strom = [f"commit {NOTIZEN}", f"committer strategie <strategie@server> "
                 f"{int(dt.datetime.now().timestamp())} +0000",
                 _daten(f"Pusher {konto} vermerkt")]
        if alt:
            strom.append(f"from {alt}")
        for commit in neu:
            strom += [f"N inline {commit}", _daten(text)]
        if git_lauf(ort, "fast-import", "--quiet", eingabe="\n".join(strom) + "\n").ok:
            return 0
    print("strategie: Pusher konnte nicht vermerkt werden (Notizen gleichzeitig geändert).",
          file=sys.stderr)
    return 0


def _daten(text: str) -> str:
    roh = text.encode("utf-8")
    return f"data {len(roh)}\n{text}"
