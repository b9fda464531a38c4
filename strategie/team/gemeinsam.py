"""The shared repository as one clone sees it: where its branch is shared, how many commits
each side has that the other has not, which goals the others changed, and the map from the
ids of rebased commits to their new ids (``.git/strategie/abgleiche.log``)."""

from __future__ import annotations

import datetime as dt
import os
import re
import time
from pathlib import Path
from typing import NamedTuple

from strategie.git.befehl import Lauf, Orte, git_lauf, orte_von
from strategie.git.netz import netz_umgebung
from strategie.git.vorgang import laufender_vorgang
from strategie.modell.fehler import NichtErreichbar, StrategieFehler
from strategie.team.zustand import laeuft_noch, lies_zustand

SICHERUNG = "refs/strategie/vor-abgleich/"
"""Refs that keep the local commits of before each rebase of a sync."""
PROTOKOLL = "abgleiche.log"
"""Below ``<gitdir>/strategie/``: one line per rebased commit, 'time old new ref'."""


class Uebernahme(NamedTuple):
    """A goal changed by others that this sync took over: id and who changed it."""

    ziel: str
    autoren: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.ziel} ({', '.join(self.autoren)})"


def anzahl(n: int, wort: str) -> str:
    mehrzahl = {"eigene Änderung": "eigene Änderungen", "Änderung": "Änderungen",
                "Konflikt": "Konflikte"}
    return f"{n} {wort if n == 1 else mehrzahl.get(wort, wort)}"


class Ziel(NamedTuple):
    """Where this branch is shared: remote, the branch there, the remote-tracking ref."""

    zweig: str
    remote: str
    remote_zweig: str
    verfolgt: str
    eingestellt: bool = False
    """The branch names its remote in the config (``branch.<zweig>.remote``), the one a plain
    ``git fetch`` uses."""
    stand: str | None = None
    """The commit the remote-tracking ref had right after this sync's fetch: the steps after
    it work on that commit, even if another fetch (an editor's, a second sync's) moves the
    ref meanwhile."""

    @property
    def kurz(self) -> str:
        return self.verfolgt.removeprefix("refs/remotes/")

    @property
    def rev(self) -> str:
        """What the steps after the fetch take as the remote's state."""
        return self.stand or self.verfolgt


def aktueller_zweig(orte: Orte) -> str:
    kopf = (orte.gitdir / "HEAD").read_text(encoding="utf-8").strip()
    if not kopf.startswith("ref: refs/heads/"):
        raise StrategieFehler("Der Klon steht auf keinem Zweig (HEAD ist abgelöst); sync teilt "
                              "nur einen Zweig. Zurück mit z. B. git switch main.")
    return kopf.removeprefix("ref: refs/heads/")


def _abschnitte(text: str) -> dict[str, dict[str, str]] | None:
    """The plain sections of a git config file; None where it needs git itself to read it
    (includes, continued lines, several values of one key)."""
    abschnitte: dict[str, dict[str, str]] = {}
    aktuell: dict[str, str] | None = None
    for roh in text.splitlines():
        zeile = roh.strip()
        if not zeile or zeile[0] in "#;":
            continue
        if zeile.startswith("["):
            treffer = re.fullmatch(r'\[([A-Za-z0-9.-]+)(?:\s+"([^"\\]*)")?\]', zeile)
            if treffer is None or treffer.group(1).lower().startswith("include"):
                return None
            name = treffer.group(1).lower() + (f".{treffer.group(2)}" if treffer.group(2) else "")
            aktuell = abschnitte.setdefault(name, {})
            continue
        schluessel, gleich, wert = zeile.partition("=")
        if aktuell is None or not gleich or wert.strip().endswith("\\"):
            return None
        schluessel = schluessel.strip().lower()
        if schluessel in aktuell:
            return None
        aktuell[schluessel] = wert.strip().strip('"')
    return abschnitte


def _ziel_aus_konfig(orte: Orte, zweig: str) -> Ziel | None:
    """The upstream as the clone's config file says it, in the usual form (no process)."""
    try:
        abschnitte = _abschnitte((orte.gemeinsam / "config").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    zweig_konfig = (abschnitte or {}).get(f"branch.{zweig}", {})
    remote, merge = zweig_konfig.get("remote"), zweig_konfig.get("merge", "")
    if abschnitte is None or not remote or not merge.startswith("refs/heads/"):
        return None
    holen = abschnitte.get(f"remote.{remote}", {}).get("fetch")
    if holen != f"+refs/heads/*:refs/remotes/{remote}/*":
        return None
    ziel = merge.removeprefix("refs/heads/")
    return Ziel(zweig, remote, ziel, f"refs/remotes/{remote}/{ziel}", eingestellt=True)


def ziel_von(orte: Orte) -> Ziel:
    """Where the current branch is shared (its upstream, or origin/<branch>)."""
    zweig = aktueller_zweig(orte)
    if (aus_konfig := _ziel_aus_konfig(orte, zweig)) is not None:
        return aus_konfig
    lauf = git_lauf(orte.wurzel, "for-each-ref", "--format=%(upstream)\x1f%(upstream:remotename)"
                    "\x1f%(upstream:remoteref)", f"refs/heads/{zweig}")
    verfolgt, remote, remote_ref = (lauf.aus.strip().split("\x1f") + ["", "", ""])[:3]
    if verfolgt and remote:
        return Ziel(zweig, remote, remote_ref.removeprefix("refs/heads/") or zweig, verfolgt,
                    eingestellt=True)
    remotes = git_lauf(orte.wurzel, "remote").aus.split()
    if not remotes:
        raise StrategieFehler(
            "Kein gemeinsames Repository eingestellt. Einmalig: git remote add origin URL "
            "(z. B. git@server:strategie.git), dann strategie sync.")
    remote = "origin" if "origin" in remotes else remotes[0]
    return Ziel(zweig, remote, zweig, f"refs/remotes/{remote}/{zweig}")


def commit_von(orte: Orte, rev: str) -> str | None:
    lauf = git_lauf(orte.wurzel, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    return lauf.aus.strip() or None


def kopf(orte: Orte) -> str:
    """HEAD's commit id, read from git's files where they say it plainly (no process)."""
    try:
        inhalt = (orte.gitdir / "HEAD").read_text(encoding="utf-8").strip()
        ref = inhalt.removeprefix("ref: ")
        if ref == inhalt and len(inhalt) == 40:
            return inhalt
        for ort in (orte.gitdir, orte.gemeinsam):
            if (ort / ref).is_file():
                return (ort / ref).read_text(encoding="utf-8").strip()
    except OSError:
        pass
    return commit_von(orte, "HEAD") or ""


def lies_ref(orte: Orte, ref: str) -> str | None:
    """A ref's commit id from git's files (loose, then packed-refs); None if not found."""
    try:
        datei = orte.gemeinsam / ref
        if datei.is_file():
            inhalt = datei.read_text(encoding="utf-8").strip()
            return inhalt if len(inhalt) == 40 else None
        with (orte.gemeinsam / "packed-refs").open(encoding="utf-8") as gepackt:
            for zeile in gepackt:
                if zeile.rstrip("\n").endswith(f" {ref}"):
                    return zeile.split(" ", 1)[0]
    except OSError:
        pass
    return None


def zaehle(orte: Orte, ziel: Ziel) -> tuple[int, int]:
    """(own commits not on the remote, the remote's commits not here)."""
    hier, dort = kopf(orte), ziel.stand or lies_ref(orte, ziel.verfolgt)
    if hier and hier == dort:
        return 0, 0  # the usual case of nothing to do: no process needed
    lauf = git_lauf(orte.wurzel, "rev-list", "--left-right", "--count",
                    f"HEAD...{ziel.rev}", "--")
    if not lauf.ok:  # nothing shared yet: the remote branch does not exist
        lauf = git_lauf(orte.wurzel, "rev-list", "--count", "HEAD")
        return int(lauf.aus.strip() or 0), 0
    links, _, rechts = lauf.aus.strip().partition("\t")
    return int(links or 0), int(rechts or 0)


GITS_ALLGEMEINES = (
    "could not read from remote repository", "konnte nicht vom remote-repository lesen",
    "please make sure you have the correct access rights", "and the repository exists",
    "bitte stellen sie sicher, dass die korrekten zugriffsberechtigungen",
    "und das repository existiert")
"""What git adds to every failed ssh transport, whatever the reason: not the reason."""


def grund_zeilen(lauf: Lauf) -> list[str]:
    """The lines of a failed git's output that say why: without git's generic lines about a
    remote it could not read (the transport's or the server's lines before them say why)."""
    zeilen = [z.strip() for z in lauf.meldung.splitlines() if z.strip()]
    return [z for z in zeilen
            if not z.lower().removeprefix("fatal: ").startswith(GITS_ALLGEMEINES)] or zeilen


def gits_grund(lauf: Lauf) -> str:
    """The line of a failed git's output that says why (a ``fatal:`` line – git's, or
    gitolite's ``FATAL:`` –, or ssh's, else the first), without "fatal: ", for a German
    message to quote; never git's generic "Could not read from remote repository" when the
    transport said more."""
    zeilen = grund_zeilen(lauf)
    wichtig = next((z for z in zeilen if z.lower().startswith("fatal:") or "ssh:" in z),
                   zeilen[0] if zeilen else "keine Antwort")
    return wichtig.removeprefix("fatal: ")


ABGEWIESEN = (
    "denied by", "denied to ", "access denied", "permission denied (", "permission denied for",
    "you are not allowed", "repository not found", "could not be found")
"""What a server says when it answered and turned this clone away – gitolite: "W any strategie
dirk DENIED by fallthru"; GitHub: "Permission to kreis/strategie.git denied to anna";
Bitbucket: "repository access denied"; GitLab: "You are not allowed to push code …", "… could
not be found"; Forgejo/Gitea: "User permission denied for writing"; ssh: "Permission denied
(publickey)". Not a plain "Permission denied": that is a folder of this clone git may not
write."""
KEIN_REPOSITORY = re.compile(r"'([^']+)' (?:does not appear to be a git repository|scheint kein "
                             r"Git-Repository zu sein)", re.IGNORECASE)
"""git, here or on the server, finds no repository at the path it quotes."""


def abgewiesen(lauf: Lauf) -> bool:
    """The shared repository answered and refused this clone (no access for this account,
    no repository at that address): a question for whoever runs the server, not one of
    waiting. Where git finds no repository at a path of this machine, only a folder with
    something in it counts: a missing or empty one may be a network share not mounted now
    ("nicht erreichbar"); a path on a server (of an ssh address, which git's words do not
    tell apart) that does not exist here is taken as such a share too."""
    fehler = lauf.meldung.lower()
    if (kein := KEIN_REPOSITORY.search(lauf.meldung)) is not None:
        pfad = kein.group(1)
        if not os.path.isabs(pfad):
            if not lauf.ort:
                return False
            pfad = os.path.join(lauf.ort, pfad)
        try:
            return bool(os.listdir(pfad))
        except OSError:  # not there, not a folder, not readable
            return os.path.isfile(pfad)
    return any(zeichen in fehler for zeichen in ABGEWIESEN)


ABRUF_PAUSEN_S = (0.0, 0.2, 0.5, 1.0)
"""The pause before each try of a fetch: one that met another git's ref lock is run again."""


def an_sperre(fehler: str) -> bool:
    """git failed on a lock another git held: its lock file exists ("Unable to create
    '….lock': File exists", German "Konnte '….lock' nicht erstellen: Die Datei existiert
    bereits"), or the ref moved while git waited for it ("cannot lock ref …: is at X but
    expected Y", untranslated). Not a lock file git may not create (Permission denied), nor
    a ref that stands in the way of another (``im_weg``): waiting does not help there."""
    fehler = fehler.lower()
    return (".lock'" in fehler and ("file exists" in fehler or "existiert bereits" in fehler)
            or "but expected" in fehler)


KEINE_ANTWORT = (
    "could not read from remote repository", "konnte nicht vom remote-repository lesen",
    "unable to access '", "konnte nicht auf '", "unable to connect to", "konnte nicht nach ",
    "the remote end hung up", "die gegenseite hat", "could not resolve host",
    "failed to connect", "connection refused", "connection timed out", "no route to host",
    "network is unreachable", "ssh: ")
"""What git (in English or German), curl and ssh say when the remote did not answer."""


def unerreichbar(lauf: Lauf) -> bool:
    """A fetch or push failed because the shared repository did not answer (git, curl or ssh
    says so; an HTTP server only with 502, 503 or 504: the repository behind it is away) — not
    on this clone (a lock, an old ref in the way, a folder git may not write), on what the
    remote sent (another HTTP error) or because it turned this clone away (``abgewiesen``):
    those are errors (exit 3), not "nicht erreichbar" (4)."""
    fehler = lauf.meldung.lower()
    if (http := re.search(r"the requested url returned error: (\d+)", fehler)) is not None:
        return http.group(1) in ("502", "503", "504")
    return (not (im_weg(fehler) or an_sperre(fehler) or abgewiesen(lauf))
            and any(zeichen in fehler for zeichen in KEINE_ANTWORT))


def im_weg(fehler: str) -> bool:
    """git cannot create a remote-tracking ref because an old one of a related name is in
    the way ("'refs/remotes/origin/foo' exists; cannot create 'refs/remotes/origin/foo/bar'",
    German "… existiert; kann … nicht erstellen"): the remote renamed a branch."""
    fehler = fehler.lower()
    return "refs/remotes/" in fehler and ("exists; cannot create" in fehler
                                          or "existiert; kann" in fehler)


def rufe_ab(orte: Orte, remote: str) -> Lauf:
    """``git fetch`` of *remote*; one that failed on a ref another git held locked (a second
    sync's fetch, ``sync --pruefen``, an editor's) is run again after a pause; one that failed
    otherwise (unreachable) stands."""
    for pause in ABRUF_PAUSEN_S:
        time.sleep(pause)
        abruf = git_lauf(orte.wurzel, "fetch", "--quiet", remote,
                         umgebung=netz_umgebung(str(orte.wurzel)))
        if abruf.ok or not an_sperre(abruf.fehler):
            break
    return abruf


def abruf_gescheitert(remote: str, abruf: Lauf) -> str:
    """Why a fetch failed, in German (no full stop): unreachable, a lock still held by
    another git of this clone after every try (then the remote was never asked), an old ref
    in the way, the server turning this clone away, or git's own reason (a folder it may not
    write, a broken answer)."""
    if im_weg(abruf.fehler):
        return (f"Abruf von {remote} nicht möglich: ein veralteter Verweis dieses Klons steht "
                f"einem Zweig des gemeinsamen Repositorys im Weg ({gits_grund(abruf)}); "
                f"git remote prune {remote} räumt veraltete Verweise auf")
    if an_sperre(abruf.fehler):
        return (f"Abruf von {remote} gerade nicht möglich: ein anderer git-Vorgang in diesem "
                f"Klon sperrt die Verweise ({gits_grund(abruf)})")
    if abgewiesen(abruf):
        return (f"Das gemeinsame Repository {remote} weist diesen Klon ab ({gits_grund(abruf)}): "
                f"Zugang des eigenen Kontos und die Adresse (git remote get-url {remote}) mit "
                "der Stelle klären, die den Server betreibt")
    if unerreichbar(abruf):
        return f"Gemeinsames Repository {remote} nicht erreichbar ({gits_grund(abruf)})"
    return f"Abruf von {remote} fehlgeschlagen ({gits_grund(abruf)})"


def uebernahmen(orte: Orte, verzeichnis: Path, ziel: Ziel) -> tuple[Uebernahme, ...]:
    """The goals the remote's new commits change, with their authors, in order of the log."""
    praefix = verzeichnis.relative_to(orte.wurzel).as_posix()
    lauf = git_lauf(orte.wurzel, "-c", "core.quotePath=false", "log", "--reverse",
                    "--no-renames", "--format=\x1e%an", "--name-only",
                    f"HEAD..{ziel.rev}", "--", "." if praefix == "." else praefix)
    nach_ziel: dict[str, list[str]] = {}
    for satz in lauf.aus.split("\x1e")[1:]:
        autor, *pfade = [z for z in satz.splitlines() if z.strip()]
        for pfad in pfade:
            if pfad.endswith(".toml") and not pfad.endswith("strategie.toml"):
                autoren = nach_ziel.setdefault(Path(pfad).stem, [])
                if autor not in autoren:
                    autoren.append(autor)
            elif pfad.endswith("strategie.toml"):
                nach_ziel.setdefault("Rahmen", [])
                if autor not in nach_ziel["Rahmen"]:
                    nach_ziel["Rahmen"].append(autor)
    return tuple(Uebernahme(z, tuple(a)) for z, a in nach_ziel.items())


def vereint(alt: tuple[Uebernahme, ...], neu: tuple[Uebernahme, ...]) -> tuple[Uebernahme, ...]:
    nach_ziel = {u.ziel: list(u.autoren) for u in alt}
    for u in neu:
        autoren = nach_ziel.setdefault(u.ziel, [])
        autoren += [a for a in u.autoren if a not in autoren]
    return tuple(Uebernahme(z, tuple(a)) for z, a in nach_ziel.items())


def protokolliere(orte: Orte, sicherung: str, ziel: Ziel) -> None:
    """Old → new ids of the rebased commits in ``.git/strategie/abgleiche.log``."""
    format_ = "--format=%H%x1f%an%x1f%ae%x1f%at%x1f%s%x1f%b%x1e"

    def commits(rev: str) -> list[list[str]]:
        roh = git_lauf(orte.wurzel, "log", format_, rev, "--not", ziel.rev).aus
        return [s.strip("\n").split("\x1f") for s in roh.split("\x1e") if s.strip()]
    alt = commits(sicherung)
    neu = commits("HEAD")
    nach_merkmal = {tuple(c[1:5]): c[0] for c in alt}
    zeilen = []
    zeit = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    for commit in neu:
        alter = nach_merkmal.get(tuple(commit[1:5]))
        if alter is None:
            alter = next((c[0] for c in alt if f"(Commit {c[0][:8]})" in commit[5]), None)
        if alter and alter != commit[0]:
            zeilen.append(f"{zeit} {alter} {commit[0]} {sicherung}\n")
    if zeilen:
        with (orte.gitdir / "strategie" / PROTOKOLL).open("a", encoding="utf-8") as datei:
            datei.writelines(zeilen)


class Stand(NamedTuple):
    """How this clone stands to the shared repository (for ``--pruefen`` and the app)."""

    eigene_ungeteilt: int
    fremde_neu: int
    upstream: str
    """'origin/main', or '' when none is set up."""
    abgerufen: dt.datetime | None
    """When the shared repository was last fetched (None: never, or unknown)."""
    unterbrochen: str = ""
    """German: an unfinished sync or git operation ('' if none)."""

    def zeile(self) -> str:
        """One German line: own unshared, others' not yet here, as of when."""
        if not self.upstream:
            return "Kein gemeinsames Repository eingestellt (git remote)."
        wann = (f" (Stand des Abrufs: {self.abgerufen:%d.%m.%Y %H:%M})" if self.abgerufen
                else " (noch nie abgerufen)")
        text = (f"{anzahl(self.eigene_ungeteilt, 'eigene Änderung')} nicht geteilt, "
                f"{anzahl(self.fremde_neu, 'Änderung')} von anderen noch nicht übernommen{wann}.")
        return text + (f" {self.unterbrochen}" if self.unterbrochen else "")


def stand(verzeichnis: Path, *, abrufen: bool = False) -> Stand:
    """Own unshared commits and the remote's commits not yet here, without changing anything
    in the work tree (with *abrufen*, fetch first; otherwise as of the last fetch)."""
    verzeichnis = verzeichnis.resolve()
    orte = orte_von(verzeichnis)
    if (zustand := lies_zustand(orte)) is not None and laeuft_noch(zustand):
        raise StrategieFehler(  # mid-sync, HEAD may be detached and the counts are in flux
            f"Ein Abgleich läuft gerade in diesem Klon (Prozess {zustand.pid}); wenn er fertig "
            "ist, zeigt strategie sync --pruefen den Stand.")
    try:
        ziel = ziel_von(orte)
    except StrategieFehler:
        if (vorgang := laufender_vorgang(orte.gitdir)) is not None:
            # HEAD is detached by an unfinished rebase (a sync waiting for conflicts to be
            # resolved, or a killed one): what sync itself would say about it
            from strategie.team.lage import hinweis_lage, ist_unterbrochener_rebase

            if ist_unterbrochener_rebase(orte, vorgang, zustand):
                raise StrategieFehler(
                    "Der letzte Abgleich wurde beim Einarbeiten unterbrochen, während git "
                    "rebase lief; der nächste strategie sync kehrt zum Stand davor zurück und "
                    "beginnt neu (nichts geht verloren).") from None
            raise StrategieFehler("\n".join(hinweis_lage(orte, vorgang, zustand).meldungen)
                                  ) from None
        if git_lauf(orte.wurzel, "remote").aus.split():
            raise  # a remote, but no branch to share (HEAD detached by hand): say that
        return Stand(0, 0, "", None)
    if abrufen:
        abruf = rufe_ab(orte, ziel.remote)
        if not abruf.ok:
            grund = f"{abruf_gescheitert(ziel.remote, abruf)}."
            raise NichtErreichbar(grund) if unerreichbar(abruf) else StrategieFehler(grund)
    eigene, fremde = zaehle(orte, ziel)
    try:
        abgerufen: dt.datetime | None = dt.datetime.fromtimestamp(
            (orte.gemeinsam / "FETCH_HEAD").stat().st_mtime).astimezone()
    except OSError:
        abgerufen = None
    vorgang = laufender_vorgang(orte.gitdir)
    hinweis = ""
    if vorgang is not None:
        hinweis = f"Ein {vorgang.name} ist nicht abgeschlossen (strategie sync sagt mehr)."
    elif zustand is not None and lies_zustand(orte) == zustand:
        # left by a sync that no longer runs; read again: one that was just ending deleted it
        hinweis = f"Der letzte Abgleich wurde {zustand.beschreibung} unterbrochen."
    return Stand(eigene, fremde, ziel.kurz, abgerufen, hinweis)
