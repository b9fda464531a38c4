"""``strategie sync``: fetch from the shared repository, take over the others' changes, rebase
the own unshared commits onto them (the merge driver merges goal files field by field), push,
retry when someone pushed in between — one German line per step.

Why rebase, not merge: the history stays a line (``git log``, the Verlauf of a goal, and
``git pull --rebase`` — what controllers would otherwise type — all read simply); the cost is
that the ids of unshared commits change. A report made from an unshared commit says so in its
Grundlage ("noch nicht geteilt"), and the commits of before each rebase stay findable: a ref
``refs/strategie/vor-abgleich/<zeit>`` keeps them, ``.git/strategie/abgleiche.log`` maps old
to new ids.

Offline, everything stays committed locally and the next sync shares it. The step a sync is
at is written down first (``zustand``), so an interrupted sync is recognised; a rebase, merge
or cherry-pick begun by hand is explained and never touched.

Seam for issue 8: the store's write lock is to be held for a whole sync (``_sperre``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from strategie.git.befehl import Orte, git_lauf, orte_von
from strategie.git.vorgang import Vorgang, laufender_vorgang
from strategie.modell.befund import StrategieFehler
from strategie.team.einrichten import TREIBER, TREIBER_NAME, ist_eingerichtet, treiber_befehl
from strategie.team.gemeinsam import (
    SICHERUNG,
    Uebernahme,
    Ziel,
    anzahl,
    commit_von,
    kopf,
    nicht_erreichbar,
    protokolliere,
    uebernahmen,
    vereint,
    zaehle,
    ziel_von,
)
from strategie.team.gemeinsam import Stand as Stand  # part of this module's API
from strategie.team.gemeinsam import stand as stand  # part of this module's API
from strategie.team.zustand import (
    Abgleichzustand,
    laeuft_noch,
    lies_zustand,
    loesche_zustand,
    schreibe_zustand,
    sperrdatei,
)

if TYPE_CHECKING:
    from strategie.team.konflikte import Konflikt

VERSUCHE = 4
"""How often sync fetches and pushes again when someone else pushed in between."""

Fortschritt = Callable[[str], None]


@dataclass(frozen=True)
class Abgleichergebnis:
    """What a sync did, or why it stopped."""

    art: str
    """'geteilt' (done, something moved), 'aktuell' (nothing to do), 'nicht_erreichbar',
    'konflikt' (waits for ``strategie loese``), 'abgelehnt' (the server refused the push),
    'unterbrochen' (an earlier sync or a git operation is unfinished), 'fehler'."""
    meldungen: tuple[str, ...]
    """One German line per step, as shown to the user."""
    geteilt: int = 0
    """Own commits pushed."""
    uebernommen: tuple[Uebernahme, ...] = ()
    """Goals changed by others that came in."""
    fremde_commits: int = 0
    konflikte: tuple[Konflikt, ...] = ()
    eigene_ungeteilt: int = 0
    """Own commits still not shared afterwards."""
    sicherung: str = ""
    """The ref keeping the commits of before the rebase ('' if none was needed)."""
    server: tuple[str, ...] = ()
    """The server's own lines (``remote: …``) when it refused."""

    @property
    def ok(self) -> bool:
        """Done: shared and up to date."""
        return self.art in ("geteilt", "aktuell")


@dataclass
class _Lauf:
    """One sync's messages as they come."""

    fortschritt: Fortschritt | None
    meldungen: list[str] = field(default_factory=list)

    def sage(self, text: str) -> None:
        self.meldungen.append(text)
        if self.fortschritt is not None:
            self.fortschritt(text)


@contextmanager
def _sperre(verzeichnis: Path) -> Iterator[None]:
    """The store's write lock for the whole sync (issue 8 brings it: strategie.aendern.sperre)."""
    yield


def _treiber_argumente(orte: Orte) -> list[str]:
    """git options that give the rebase the field-level merge driver where the clone's config
    has none (a clone set up with ``strategie einrichten`` keeps its own)."""
    if git_lauf(orte.wurzel, "config", f"merge.{TREIBER}.driver").aus.strip():
        return []
    return ["-c", f"merge.{TREIBER}.name={TREIBER_NAME}",
            "-c", f"merge.{TREIBER}.driver={treiber_befehl()}"]


def offene_in(orte: Orte) -> list[Konflikt]:
    """The open conflicts (imported when there may be some: a sync with nothing to do does not
    load the merge machinery)."""
    from strategie.team.konflikte import offene_in as offene

    return offene(orte)


def _vergiss_konflikte(orte: Orte) -> None:
    from strategie.team import konfliktdaten

    konfliktdaten.leere(orte.gitdir)


def _hinweis_lage(orte: Orte, vorgang: Vorgang, zustand: Abgleichzustand | None
                  ) -> Abgleichergebnis:
    """An unfinished rebase, merge or cherry-pick: whose it is, and what to do."""
    offen = tuple(offene_in(orte))
    unser = (zustand is not None and zustand.phase in ("einarbeiten", "konflikt")
             and vorgang.art == "rebase")
    if unser and offen:
        zeilen = [f"Der Abgleich wartet auf die Lösung von {anzahl(len(offen), 'Konflikt')}:",
                  *(f"  {k.zeile()}" for k in offen),
                  "Lösen: strategie loese ID FELD --unsere | --ihre | --wert WERT "
                  "(strategie konflikte zeigt alle), danach strategie sync --weiter. Oder "
                  "zurück zum Stand vor dem Abgleich: strategie sync --abbrechen (nichts geht "
                  "verloren)."]
        return Abgleichergebnis("konflikt", tuple(zeilen), konflikte=offen)
    if unser:
        return Abgleichergebnis("unterbrochen", (
            "Der Abgleich hält bei Konflikten an, die inzwischen gelöst sind (von Hand?): "
            "git rebase ist nicht fertig. Weiter mit strategie sync --weiter, oder zurück zum "
            "Stand vor dem Abgleich mit strategie sync --abbrechen. Nichts ist verloren.",))
    konflikte = f", {anzahl(len(offen), 'Konflikt')} offen" if offen else ""
    return Abgleichergebnis("unterbrochen", (
        f"In diesem Klon ist ein {vorgang.name} nicht abgeschlossen{konflikte}; ihn hat nicht "
        "strategie sync begonnen, daher ändert strategie nichts daran. Abschließen: die "
        f"Konflikte lösen (strategie konflikte, strategie loese) und {vorgang.name} --continue"
        f", oder abbrechen: {vorgang.name} --abort. Danach strategie sync.",),
        konflikte=offen)


def _gesperrt(orte: Orte) -> Abgleichergebnis | None:
    """git's index lock is there: a git process runs, or one was killed (never removed here)."""
    sperre = sperrdatei(orte)
    if sperre is None:
        return None
    return Abgleichergebnis("unterbrochen", (
        f"Ein anderer git-Prozess arbeitet in diesem Repository, oder einer wurde abgebrochen: "
        f"die Sperrdatei {sperre} ist da. Läuft sicher kein git-Programm mehr, darf sie "
        "gelöscht werden; danach noch einmal strategie sync. Nichts ist verloren.",))


def _ist_unterbrochener_rebase(orte: Orte, vorgang: Vorgang,
                               zustand: Abgleichzustand | None) -> bool:
    """Our sync's rebase, killed while git was still at work (it had not stopped at a
    conflict): going back to before it is safe and loses nothing."""
    return (vorgang.art == "rebase" and not vorgang.angehalten and zustand is not None
            and zustand.phase in ("einarbeiten", "konflikt") and not offene_in(orte))


def _fertig(orte: Orte, lauf: _Lauf, art: str, **werte: object) -> Abgleichergebnis:
    loesche_zustand(orte)
    return Abgleichergebnis(art, tuple(lauf.meldungen), **werte)  # type: ignore[arg-type]


def abgleich(verzeichnis: Path, fortschritt: Fortschritt | None = None, *,
             versuche: int = VERSUCHE) -> Abgleichergebnis:
    """Share the own commits and take over the others' (see the module docstring).

    *fortschritt* is called with each German step line as it happens (the CLI prints them,
    the app shows them). Never raises for what the network or the server do: the result says.
    """
    verzeichnis = verzeichnis.resolve()
    orte = orte_von(verzeichnis)
    lauf = _Lauf(fortschritt)
    with _sperre(verzeichnis):
        zustand = lies_zustand(orte)
        if zustand is not None and laeuft_noch(zustand):
            return Abgleichergebnis("unterbrochen", (
                f"Ein anderer Abgleich läuft gerade in diesem Klon (Prozess {zustand.pid}); "
                "bitte warten, bis er fertig ist.",))
        gesperrt = _gesperrt(orte)
        if gesperrt is not None:
            return gesperrt
        vorgang = laufender_vorgang(orte.gitdir)
        if vorgang is not None:
            if not _ist_unterbrochener_rebase(orte, vorgang, zustand):
                return _hinweis_lage(orte, vorgang, zustand)
            abbruch = git_lauf(orte.wurzel, "rebase", "--abort")
            if not abbruch.ok:
                return Abgleichergebnis("unterbrochen", (
                    "Ein Abgleich wurde beim Einarbeiten unterbrochen, und git rebase --abort "
                    f"gelingt nicht:\n{abbruch.meldung}\nDie eigenen Commits sind sicher "
                    f"({zustand.sicherung if zustand else 'ORIG_HEAD'}).",))
            _vergiss_konflikte(orte)
            lauf.sage("Der letzte Abgleich wurde beim Einarbeiten unterbrochen, während git "
                      "rebase lief; zurück zum Stand davor (nichts ging verloren) und neu "
                      "begonnen.")
            zustand = None
        if zustand is not None and zustand.phase == "konflikt":
            # the rebase is finished (strategie loese, sync --weiter, or git by hand)
            if zustand.sicherung:
                protokolliere(orte, zustand.sicherung, ziel_von(orte))
            lauf.sage("Die Konflikte des Abgleichs sind gelöst; er wird fortgesetzt.")
        elif zustand is not None:
            lauf.sage(f"Der letzte Abgleich wurde {zustand.beschreibung} unterbrochen; nichts "
                      "ging verloren, er wird jetzt wiederholt.")
        praefix = verzeichnis.relative_to(orte.wurzel).as_posix()
        if not ist_eingerichtet(orte.wurzel, "" if praefix == "." else praefix):
            lauf.sage("Hinweis: .gitattributes übergibt die Zieldateien nicht dem "
                      "Merge-Treiber; gleiche Felder würden zeilenweise zusammengeführt. "
                      "Einmal strategie einrichten (und .gitattributes einchecken).")
        return _gleiche_ab(orte, verzeichnis, lauf, versuche)


def _gleiche_ab(orte: Orte, verzeichnis: Path, lauf: _Lauf, versuche: int) -> Abgleichergebnis:
    ziel = ziel_von(orte)
    vorher = kopf(orte)
    uebernommen: tuple[Uebernahme, ...] = ()
    fremde_commits = 0
    sicherung = ""
    for versuch in range(1, versuche + 1):
        schreibe_zustand(orte, "abrufen", vorher, upstream=ziel.kurz, sicherung=sicherung)
        abruf = git_lauf(orte.wurzel, "fetch", "--quiet", ziel.remote)
        if not abruf.ok:
            eigene, _ = zaehle(orte, ziel)
            lauf.sage(f"Gemeinsames Repository {ziel.remote} nicht erreichbar "
                      f"({nicht_erreichbar(abruf)}). {anzahl(eigene, 'eigene Änderung')} "
                      "bleiben lokal gespeichert; später noch einmal strategie sync.")
            return _fertig(orte, lauf, "nicht_erreichbar", eigene_ungeteilt=eigene,
                           uebernommen=uebernommen, fremde_commits=fremde_commits)
        eigene, fremde = zaehle(orte, ziel)
        if fremde:
            neu = uebernahmen(orte, verzeichnis, ziel)
            uebernommen = vereint(uebernommen, neu)
            fremde_commits += fremde
            ergebnis, gesichert = _arbeite_ein(orte, lauf, ziel, vorher, eigene, fremde, neu)
            if ergebnis is not None:
                return ergebnis
            sicherung = gesichert or sicherung
            if eigene:  # rebased: commits that became empty are gone
                eigene, _ = zaehle(orte, ziel)
        if not eigene:
            return _fertig(orte, lauf, *_schluss(lauf, 0, uebernommen, fremde_commits),
                           uebernommen=uebernommen, fremde_commits=fremde_commits,
                           sicherung=sicherung)
        schreibe_zustand(orte, "teilen", vorher, upstream=ziel.kurz, sicherung=sicherung)
        lauf.sage(f"Teilen: {anzahl(eigene, 'eigene Änderung')} → {ziel.remote} "
                  f"({ziel.remote_zweig}) …")
        push = git_lauf(orte.wurzel, "push", "--porcelain", ziel.remote,
                        f"HEAD:refs/heads/{ziel.remote_zweig}")
        if push.ok:
            if commit_von(orte, ziel.verfolgt) is None or not _hat_upstream(orte, ziel):
                git_lauf(orte.wurzel, "branch", "--quiet", f"--set-upstream-to={ziel.kurz}")
            return _fertig(orte, lauf, *_schluss(lauf, eigene, uebernommen, fremde_commits),
                           geteilt=eigene, uebernommen=uebernommen,
                           fremde_commits=fremde_commits, sicherung=sicherung)
        text = push.aus + push.fehler
        if "[rejected]" in text and ("fetch first" in text or "non-fast-forward" in text):
            lauf.sage(f"Inzwischen hat jemand anderes geteilt; noch einmal abrufen und "
                      f"einarbeiten (Versuch {versuch + 1} von {versuche}) …")
            continue
        server = tuple(z.removeprefix("remote:").strip() for z in push.fehler.splitlines()
                       if z.startswith("remote:") and z.removeprefix("remote:").strip())
        if "[remote rejected]" in text or "hook declined" in text or server:
            lauf.sage(f"Der Server hat die eigenen Änderungen abgelehnt; sie bleiben lokal "
                      f"({anzahl(eigene, 'eigene Änderung')} nicht geteilt). Der Server "
                      "meldet:")
            for zeile in server or (push.meldung,):
                lauf.sage(f"  {zeile}")
            lauf.sage("Bitte das Genannte klären (z. B. mit strategie rueckgaengig, oder die "
                      "zuständige Stelle bitten); danach strategie sync.")
            return _fertig(orte, lauf, "abgelehnt", eigene_ungeteilt=eigene, server=server,
                           uebernommen=uebernommen, fremde_commits=fremde_commits,
                           sicherung=sicherung)
        lauf.sage(f"Teilen mit {ziel.remote} ist fehlgeschlagen ({nicht_erreichbar(push)}). "
                  f"{anzahl(eigene, 'eigene Änderung')} bleiben lokal gespeichert; später "
                  "noch einmal strategie sync.")
        return _fertig(orte, lauf, "nicht_erreichbar", eigene_ungeteilt=eigene,
                       uebernommen=uebernommen, fremde_commits=fremde_commits)
    eigene, _ = zaehle(orte, ziel)
    lauf.sage(f"Das gemeinsame Repository hat sich bei {versuche} Versuchen jedes Mal geändert; "
              f"{anzahl(eigene, 'eigene Änderung')} bleiben lokal. Bitte gleich noch einmal "
              "strategie sync.")
    return _fertig(orte, lauf, "fehler", eigene_ungeteilt=eigene, uebernommen=uebernommen,
                   fremde_commits=fremde_commits)


def _hat_upstream(orte: Orte, ziel: Ziel) -> bool:
    return bool(git_lauf(orte.wurzel, "for-each-ref", "--format=%(upstream)",
                         f"refs/heads/{ziel.zweig}").aus.strip())


def _schluss(lauf: _Lauf, geteilt: int, uebernommen: tuple[Uebernahme, ...],
             fremde: int) -> tuple[str]:
    """The closing line: '3 eigene Änderungen geteilt, 5 Änderungen von anderen übernommen: …'."""
    if not geteilt and not fremde:
        lauf.sage("Nichts zu tun: alles geteilt, nichts Neues im gemeinsamen Repository.")
        return ("aktuell",)
    teile = []
    if geteilt:
        teile.append(f"{anzahl(geteilt, 'eigene Änderung')} geteilt")
    if fremde:
        was = f"{anzahl(fremde, 'Änderung')} von anderen übernommen"
        if uebernommen:
            liste = ", ".join(str(u) for u in uebernommen[:8])
            mehr = f" und {len(uebernommen) - 8} weitere Ziele" if len(uebernommen) > 8 else ""
            was += f": {liste}{mehr}"
        teile.append(was)
    lauf.sage(", ".join(teile) + ".")
    return ("geteilt",)


def _arbeite_ein(orte: Orte, lauf: _Lauf, ziel: Ziel, vorher: str, eigene: int, fremde: int,
                 neu: tuple[Uebernahme, ...]) -> tuple[Abgleichergebnis | None, str]:
    """Take over the remote's commits: fast-forward, or rebase the own ones onto them.
    Returns (a result when the sync must stop here, the ref of the saved commits)."""
    liste = ", ".join(str(u) for u in neu[:5]) + (" …" if len(neu) > 5 else "")
    lauf.sage(f"Übernehmen: {anzahl(fremde, 'Änderung')} von anderen"
              + (f" ({liste})" if liste else "") + " …")
    if not eigene:
        schreibe_zustand(orte, "uebernehmen", vorher, upstream=ziel.kurz)
        vorspulen = git_lauf(orte.wurzel, "merge", "--ff-only", "--quiet", ziel.verfolgt)
        if vorspulen.ok:
            return None, ""
        lauf.sage("Die Änderungen anderer lassen sich nicht übernehmen, weil Dateien im Klon "
                  f"nicht eingecheckte Änderungen haben:\n{vorspulen.meldung}\nBitte diese "
                  "Änderungen einchecken oder zurücknehmen; danach strategie sync.")
        return _fertig(orte, lauf, "fehler"), ""
    geaendert = git_lauf(orte.wurzel, "status", "--porcelain", "--untracked-files=no").aus
    if geaendert.strip():
        dateien = ", ".join(z[3:] for z in geaendert.splitlines()[:5])
        lauf.sage(f"Nicht eingecheckte Änderungen ({dateien}): erst einchecken (oder "
                  "zurücknehmen), dann strategie sync. Die eigenen Commits sind sicher.")
        return _fertig(orte, lauf, "fehler", eigene_ungeteilt=eigene), ""
    zeit = dt.datetime.now().astimezone().strftime("%Y%m%d-%H%M%S")
    sicherung = f"{SICHERUNG}{zeit}"
    git_lauf(orte.wurzel, "update-ref", sicherung, "HEAD")
    _vergiss_konflikte(orte)
    schreibe_zustand(orte, "einarbeiten", vorher, sicherung=sicherung, upstream=ziel.kurz)
    lauf.sage(f"Einarbeiten: {anzahl(eigene, 'eigene Änderung')} auf den neuen Stand "
              "(git rebase, Zieldateien feldweise) …")
    rebase = git_lauf(orte.wurzel, *_treiber_argumente(orte), "rebase", "--quiet", ziel.verfolgt,
                      umgebung={"GIT_EDITOR": "true"})
    if rebase.ok and laufender_vorgang(orte.gitdir) is None:
        protokolliere(orte, sicherung, ziel)
        return None, sicherung
    if laufender_vorgang(orte.gitdir) is not None:
        schreibe_zustand(orte, "konflikt", vorher, sicherung=sicherung, upstream=ziel.kurz)
        ergebnis = _hinweis_lage(orte, Vorgang("rebase"), lies_zustand(orte))
        for zeile in ergebnis.meldungen:
            lauf.sage(zeile)
        return Abgleichergebnis(ergebnis.art, tuple(lauf.meldungen),
                                konflikte=ergebnis.konflikte, eigene_ungeteilt=eigene,
                                uebernommen=neu, fremde_commits=fremde,
                                sicherung=sicherung), sicherung
    lauf.sage(f"Einarbeiten ist fehlgeschlagen; der Klon ist wie vorher:\n{rebase.meldung}")
    return _fertig(orte, lauf, "fehler", eigene_ungeteilt=eigene), sicherung


def weiter(verzeichnis: Path, fortschritt: Fortschritt | None = None) -> Abgleichergebnis:
    """``strategie sync --weiter``: after the conflicts are resolved, let the rebase go on
    (if ``strategie loese`` has not already) and finish the sync."""
    verzeichnis = verzeichnis.resolve()
    orte = orte_von(verzeichnis)
    if (gesperrt := _gesperrt(orte)) is not None:
        return gesperrt
    vorgang = laufender_vorgang(orte.gitdir)
    zustand = lies_zustand(orte)
    if vorgang is not None and _ist_unterbrochener_rebase(orte, vorgang, zustand):
        return abgleich(verzeichnis, fortschritt)  # it goes back and begins anew
    if vorgang is not None:
        if vorgang.art != "rebase" or zustand is None:
            return _hinweis_lage(orte, vorgang, zustand)
        offen = offene_in(orte)
        if offen:
            return _hinweis_lage(orte, vorgang, zustand)
        fort = git_lauf(orte.wurzel, *_treiber_argumente(orte), "rebase", "--continue",
                        umgebung={"GIT_EDITOR": "true"})
        if laufender_vorgang(orte.gitdir) is not None:
            return _hinweis_lage(orte, Vorgang("rebase"), zustand)
        if not fort.ok:
            raise StrategieFehler(f"git rebase --continue ist fehlgeschlagen:\n{fort.meldung}")
        schreibe_zustand(orte, "konflikt", zustand.vorher, sicherung=zustand.sicherung,
                         upstream=zustand.upstream)
    return abgleich(verzeichnis, fortschritt)


def abbrechen(verzeichnis: Path) -> Abgleichergebnis:
    """``strategie sync --abbrechen``: back to the state before the sync (``git rebase
    --abort``); the own commits are all there, still unshared."""
    verzeichnis = verzeichnis.resolve()
    orte = orte_von(verzeichnis)
    if (gesperrt := _gesperrt(orte)) is not None:
        return gesperrt
    vorgang = laufender_vorgang(orte.gitdir)
    zustand = lies_zustand(orte)
    if vorgang is None:
        loesche_zustand(orte)
        return Abgleichergebnis("aktuell", ("Kein Abgleich unterbrochen; nichts abzubrechen.",))
    if vorgang.art != "rebase" or zustand is None or zustand.phase not in ("einarbeiten",
                                                                           "konflikt"):
        return _hinweis_lage(orte, vorgang, zustand)
    lauf = git_lauf(orte.wurzel, "rebase", "--abort")
    if not lauf.ok:
        raise StrategieFehler(f"git rebase --abort ist fehlgeschlagen:\n{lauf.meldung}")
    _vergiss_konflikte(orte)
    loesche_zustand(orte)
    kopf = commit_von(orte, "HEAD") or ""
    eigene, _ = zaehle(orte, ziel_von(orte))
    gleich = "wie vor dem Abgleich" if kopf == zustand.vorher else "auf dem Stand davor"
    return Abgleichergebnis("aktuell", (
        f"Abgleich abgebrochen: der Klon ist {gleich} (Commit {kopf[:8]}); "
        f"{anzahl(eigene, 'eigene Änderung')} sind weiter nur lokal. Die Änderungen der "
        "anderen sind abgerufen, aber noch nicht übernommen.",), eigene_ungeteilt=eigene)
