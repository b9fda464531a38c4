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

The CLI begins the first fetch before it imports this module (``git.vorab``), so that the
fetch and the imports take their time together. It runs outside the write lock; a fetch moves
only remote-tracking refs — as an editor's background fetch does — and a push that meets a
newer remote is fetched and tried again.

The store's write lock (``strategie.aendern.sperre``) is held for a whole sync, ``--weiter``
and ``--abbrechen``: no edit of the CLI or the app lands in the middle of a rebase. The merge
driver, which git runs inside the rebase, never takes it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from strategie.aendern.reste import reste_da
from strategie.aendern.sperre import schreibsperre
from strategie.git.befehl import Lauf, Orte, git_lauf, orte_von
from strategie.git.netz import netz_umgebung
from strategie.git.vorab import Vorab
from strategie.git.vorgang import Vorgang, laufender_vorgang
from strategie.modell.befund import StrategieFehler
from strategie.team.einrichten import TREIBER, TREIBER_NAME, ist_eingerichtet, treiber_befehl
from strategie.team.gemeinsam import (
    SICHERUNG,
    Uebernahme,
    Ziel,
    abgewiesen,
    abruf_gescheitert,
    an_sperre,
    anzahl,
    commit_von,
    gits_grund,
    grund_zeilen,
    kopf,
    lies_ref,
    protokolliere,
    rufe_ab,
    uebernahmen,
    unerreichbar,
    vereint,
    zaehle,
    ziel_von,
)
from strategie.team.gemeinsam import Stand as Stand  # part of this module's API
from strategie.team.gemeinsam import stand as stand  # part of this module's API
from strategie.team.lage import Abgleichergebnis as Abgleichergebnis  # part of the API
from strategie.team.lage import (
    Fortschritt,
    Schritte,
    gesperrt,
    hinweis_lage,
    ist_unterbrochener_rebase,
    offene_in,
    schluss,
    vergiss_konflikte,
)
from strategie.team.zustand import (
    laeuft_noch,
    lies_zustand,
    loesche_zustand,
    schreibe_zustand,
)

VERSUCHE = 4
"""How often sync fetches and pushes again when someone else pushed in between."""
VORAB_FRISCH_S = 2.0
"""How old a fetch started ahead may be and still count as this sync's first fetch."""


@contextmanager
def _sperre(verzeichnis: Path) -> Iterator[None]:
    """The store's write lock for the whole sync."""
    with schreibsperre(verzeichnis):
        yield


def _raeume_auf(orte: Orte, vorab: Vorab | None = None) -> str | None:
    """What a crashed change or a killed git left behind, settled first as by every writer
    (``journal.erhole``: the journal; git's lock files only when no git runs here); its
    German line. A lock that a running git holds stays, and ``gesperrt`` names it. The
    fetch begun ahead is stopped first: it is a git working here too."""
    if not reste_da(orte):
        return None
    if vorab is not None:
        vorab.beende()
    from strategie.aendern.journal import erhole  # imported only when there is work for it

    return erhole(orte)


def _mit_hinweis(hinweis: str | None, ergebnis: Abgleichergebnis) -> Abgleichergebnis:
    if hinweis is None:
        return ergebnis
    return ergebnis._replace(meldungen=(hinweis, *ergebnis.meldungen))


def _treiber_argumente(orte: Orte) -> list[str]:
    """git options that give the rebase the field-level merge driver where the clone's config
    has none (a clone set up with ``strategie einrichten`` keeps its own)."""
    if git_lauf(orte.wurzel, "config", f"merge.{TREIBER}.driver").aus.strip():
        return []
    return ["-c", f"merge.{TREIBER}.name={TREIBER_NAME}",
            "-c", f"merge.{TREIBER}.driver={treiber_befehl()}"]


def _fertig(orte: Orte, lauf: Schritte, art: str, **werte: object) -> Abgleichergebnis:
    loesche_zustand(orte)
    return Abgleichergebnis(art, tuple(lauf.meldungen), **werte)  # type: ignore[arg-type]


def abgleich(verzeichnis: Path, fortschritt: Fortschritt | None = None, *,
             versuche: int = VERSUCHE, vorab: Vorab | None = None) -> Abgleichergebnis:
    """Share the own commits and take over the others' (see the module docstring).

    *fortschritt* is called with each German step line as it happens (the CLI prints them,
    the app shows them). Never raises for what the network or the server do: the result says.
    *vorab* is a ``git fetch --quiet`` of the store's repository the caller started before
    this module was imported; the first fetch takes its result where it is the same fetch.
    """
    verzeichnis = verzeichnis.resolve()
    orte = orte_von(verzeichnis)
    lauf = Schritte(fortschritt)
    with _sperre(verzeichnis):
        if (hinweis := _raeume_auf(orte, vorab)) is not None:
            lauf.sage(hinweis)
        zustand = lies_zustand(orte)
        if zustand is not None and laeuft_noch(zustand):
            return Abgleichergebnis("unterbrochen", (
                f"Ein anderer Abgleich läuft gerade in diesem Klon (Prozess {zustand.pid}); "
                "bitte warten, bis er fertig ist.",))
        if (sperre := gesperrt(orte)) is not None:
            return sperre
        vorgang = laufender_vorgang(orte.gitdir)
        if vorgang is not None:
            if not ist_unterbrochener_rebase(orte, vorgang, zustand):
                return hinweis_lage(orte, vorgang, zustand)
            abbruch = git_lauf(orte.wurzel, "rebase", "--abort")
            if not abbruch.ok:
                return Abgleichergebnis("unterbrochen", (
                    "Ein Abgleich wurde beim Einarbeiten unterbrochen, und git rebase --abort "
                    f"gelingt nicht:\n{abbruch.meldung}\nDie eigenen Commits sind sicher "
                    f"({zustand.sicherung if zustand else 'ORIG_HEAD'}).",))
            vergiss_konflikte(orte)
            _raeume_treiberdateien(orte)
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
        return _gleiche_ab(orte, verzeichnis, lauf, versuche, vorab)


def _abrufen(orte: Orte, ziel: Ziel, vorab: Vorab | None, lauf: Schritte | None = None
             ) -> Lauf:
    """``git fetch`` of the shared repository — the one begun ahead where it is the same: it
    fetched this remote (a plain ``git fetch`` takes the branch's remote, else origin) and
    began less than ``VORAB_FRISCH_S`` ago (not before a long wait for the write lock);
    otherwise it is stopped, not waited for. A fetch that failed on a ref another git held
    locked (a second sync's fetch, an editor's) is run again; a lock a killed fetch left
    (no git works here) is removed first, and said so; one that failed otherwise
    (unreachable) stands. Two fetches of one sync never run at once."""
    if vorab is not None:
        if (ziel.eingestellt or ziel.remote == "origin") and vorab.alter() < VORAB_FRISCH_S:
            ergebnis = vorab.ergebnis()
            if ergebnis is not None and (ergebnis[0] == 0 or not an_sperre(ergebnis[2])):
                return Lauf(*ergebnis, vorab.ort)
        vorab.beende()
    abruf = rufe_ab(orte, ziel.remote)
    if not abruf.ok and an_sperre(abruf.fehler):
        from strategie.aendern.journal import raeume_abrufsperre

        if (entfernt := raeume_abrufsperre(orte, abruf.fehler)) is not None:
            if lauf is not None:
                lauf.sage(entfernt)
            abruf = rufe_ab(orte, ziel.remote)
    return abruf


def _gleiche_ab(orte: Orte, verzeichnis: Path, lauf: Schritte, versuche: int,
                vorab: Vorab | None) -> Abgleichergebnis:
    ziel = ziel_von(orte)
    vorher = kopf(orte)
    uebernommen: tuple[Uebernahme, ...] = ()
    fremde_commits = 0
    sicherung = ""
    fest = ziel
    server_sperre = ""  # the server's lock line, when the last push met a lock there
    for versuch in range(1, versuche + 1):
        schreibe_zustand(orte, "abrufen", vorher, upstream=ziel.kurz, sicherung=sicherung)
        abruf = _abrufen(orte, ziel, vorab if versuch == 1 else None, lauf)
        if not abruf.ok:
            return _offline(orte, lauf, fest, abruf_gescheitert(ziel.remote, abruf),
                            uebernommen, fremde_commits, unerreichbar(abruf),
                            "danach" if abgewiesen(abruf) else "später noch einmal")
        fest = ziel._replace(stand=lies_ref(orte, ziel.verfolgt))
        eigene, fremde = zaehle(orte, fest)
        if fremde:
            neu = uebernahmen(orte, verzeichnis, fest)
            uebernommen = vereint(uebernommen, neu)
            fremde_commits += fremde
            ergebnis, gesichert = _arbeite_ein(orte, lauf, fest, vorher, eigene, fremde, neu)
            if ergebnis is not None:
                return ergebnis
            sicherung = gesichert or sicherung
            if eigene:  # rebased: commits that became empty are gone
                eigene, _ = zaehle(orte, fest)
        if not eigene:
            return _fertig(orte, lauf, *schluss(lauf, 0, uebernommen, fremde_commits),
                           uebernommen=uebernommen, fremde_commits=fremde_commits,
                           sicherung=sicherung)
        schreibe_zustand(orte, "teilen", vorher, upstream=ziel.kurz, sicherung=sicherung)
        lauf.sage(f"Teilen: {anzahl(eigene, 'eigene Änderung')} → {ziel.remote} "
                  f"({ziel.remote_zweig}) …")
        push = git_lauf(orte.wurzel, "push", "--porcelain", ziel.remote,
                        f"HEAD:refs/heads/{ziel.remote_zweig}",
                        umgebung=netz_umgebung(str(orte.wurzel)))
        if push.ok:
            if commit_von(orte, ziel.verfolgt) is None or not _hat_upstream(orte, ziel):
                git_lauf(orte.wurzel, "branch", "--quiet", f"--set-upstream-to={ziel.kurz}")
            return _fertig(orte, lauf, *schluss(lauf, eigene, uebernommen, fremde_commits),
                           geteilt=eigene, uebernommen=uebernommen,
                           fremde_commits=fremde_commits, sicherung=sicherung)
        text = push.aus + push.fehler
        gesperrt_dort = "[remote rejected]" in text and an_sperre(push.fehler)
        if ("[rejected]" in text and ("fetch first" in text or "non-fast-forward" in text)
                or gesperrt_dort):
            # the second case: another clone's push held the server's branch lock
            server_sperre = (gits_grund(push) if gesperrt_dort
                             and "but expected" not in push.fehler else "")
            if versuch < versuche:
                lauf.sage(("Der Server hält seinen Zweig gerade gesperrt (ein anderer Push?)"
                           if server_sperre else "Inzwischen hat jemand anderes geteilt")
                          + f"; noch einmal abrufen und einarbeiten (Versuch {versuch + 1} von "
                          f"{versuche}) …")
            continue
        server = tuple(z.removeprefix("remote:").strip() for z in push.fehler.splitlines()
                       if z.startswith("remote:") and z.removeprefix("remote:").strip())
        if abgewiesen(push) and not server:  # before any hook (gitolite: "W … DENIED")
            server = tuple(grund_zeilen(push))
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
        return _offline(orte, lauf, fest, f"Teilen mit {ziel.remote} ist fehlgeschlagen "
                        f"({gits_grund(push)})", uebernommen, fremde_commits,
                        unerreichbar(push))
    eigene, _ = zaehle(orte, fest)
    if server_sperre:
        lauf.sage(f"Der Server konnte seinen Zweig bei {versuche} Versuchen nicht sperren "
                  f"({server_sperre}); {_bleiben(eigene)} lokal. Hält die Sperre an, hat "
                  "wohl ein abgebrochener Push sie auf dem Server hinterlassen: dort "
                  "entfernen lassen, danach strategie sync.")
    else:
        lauf.sage(f"Das gemeinsame Repository hat sich bei {versuche} Versuchen jedes Mal "
                  f"geändert; {_bleiben(eigene)} lokal. Bitte gleich noch einmal "
                  "strategie sync.")
    return _fertig(orte, lauf, "fehler", eigene_ungeteilt=eigene, uebernommen=uebernommen,
                   fremde_commits=fremde_commits)


def _offline(orte: Orte, lauf: Schritte, ziel: Ziel, grund: str,
             uebernommen: tuple[Uebernahme, ...], fremde_commits: int,
             keine_antwort: bool, wann: str = "später noch einmal") -> Abgleichergebnis:
    """The shared repository cannot be reached (or, not *keine_antwort*, git failed otherwise:
    a lock, an old ref in the way, a folder it may not write, the server turned this clone
    away — an error, exit 3): one line, everything stays committed here; *wann* the user
    runs sync again."""
    eigene, _ = zaehle(orte, ziel)
    offen = (f"{_bleiben(eigene)} lokal gespeichert" if eigene
             else "Es gibt keine ungeteilten eigenen Änderungen")
    lauf.sage(f"{grund}. {offen}; {wann} strategie sync.")
    return _fertig(orte, lauf, "nicht_erreichbar" if keine_antwort else "fehler",
                   eigene_ungeteilt=eigene,
                   uebernommen=uebernommen, fremde_commits=fremde_commits)


def _bleiben(eigene: int) -> str:
    """'1 eigene Änderung bleibt', '2 eigene Änderungen bleiben'."""
    return f"{anzahl(eigene, 'eigene Änderung')} {'bleibt' if eigene == 1 else 'bleiben'}"


def _raeume_treiberdateien(orte: Orte) -> None:
    """Remove the temporary files git hands a merge driver (``.merge_file_XXXXXX`` in the top
    folder of the work tree): a rebase killed during a merge leaves them behind untracked."""
    for datei in orte.wurzel.glob(".merge_file_??????"):
        with contextlib.suppress(OSError):
            datei.unlink()


def _hat_upstream(orte: Orte, ziel: Ziel) -> bool:
    return bool(git_lauf(orte.wurzel, "for-each-ref", "--format=%(upstream)",
                         f"refs/heads/{ziel.zweig}").aus.strip())


def _arbeite_ein(orte: Orte, lauf: Schritte, ziel: Ziel, vorher: str, eigene: int, fremde: int,
                 neu: tuple[Uebernahme, ...]) -> tuple[Abgleichergebnis | None, str]:
    """Take over the remote's commits: fast-forward, or rebase the own ones onto them.
    Returns (a result when the sync must stop here, the ref of the saved commits)."""
    liste = ", ".join(str(u) for u in neu[:5]) + (" …" if len(neu) > 5 else "")
    lauf.sage(f"Übernehmen: {anzahl(fremde, 'Änderung')} von anderen"
              + (f" ({liste})" if liste else "") + " …")
    if not eigene:
        schreibe_zustand(orte, "uebernehmen", vorher, upstream=ziel.kurz)
        vorspulen = git_lauf(orte.wurzel, "merge", "--ff-only", "--quiet", ziel.rev)
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
    vergiss_konflikte(orte)
    schreibe_zustand(orte, "einarbeiten", vorher, sicherung=sicherung, upstream=ziel.kurz)
    lauf.sage(f"Einarbeiten: {anzahl(eigene, 'eigene Änderung')} auf den neuen Stand "
              "(git rebase, Zieldateien feldweise) …")
    rebase = git_lauf(orte.wurzel, *_treiber_argumente(orte), "rebase", "--quiet", ziel.rev,
                      umgebung={"GIT_EDITOR": "true"})
    if rebase.ok and laufender_vorgang(orte.gitdir) is None:
        protokolliere(orte, sicherung, ziel)
        return None, sicherung
    if laufender_vorgang(orte.gitdir) is not None:
        schreibe_zustand(orte, "konflikt", vorher, sicherung=sicherung, upstream=ziel.kurz)
        ergebnis = hinweis_lage(orte, Vorgang("rebase"), lies_zustand(orte))
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
    with _sperre(verzeichnis):
        hinweis = _raeume_auf(orte_von(verzeichnis))
        if hinweis is not None and fortschritt is not None:
            fortschritt(hinweis)
            hinweis = None
        return _mit_hinweis(hinweis, _weiter(verzeichnis, fortschritt))


def _weiter(verzeichnis: Path, fortschritt: Fortschritt | None) -> Abgleichergebnis:
    orte = orte_von(verzeichnis)
    if (sperre := gesperrt(orte)) is not None:
        return sperre
    vorgang = laufender_vorgang(orte.gitdir)
    zustand = lies_zustand(orte)
    if vorgang is not None and ist_unterbrochener_rebase(orte, vorgang, zustand):
        return abgleich(verzeichnis, fortschritt)  # it goes back and begins anew
    if vorgang is not None:
        if vorgang.art != "rebase" or zustand is None:
            return hinweis_lage(orte, vorgang, zustand)
        offen = offene_in(orte)
        if offen:
            return hinweis_lage(orte, vorgang, zustand)
        fort = git_lauf(orte.wurzel, *_treiber_argumente(orte), "rebase", "--continue",
                        umgebung={"GIT_EDITOR": "true"})
        if laufender_vorgang(orte.gitdir) is not None:
            return hinweis_lage(orte, Vorgang("rebase"), zustand)
        if not fort.ok:
            raise StrategieFehler(f"git rebase --continue ist fehlgeschlagen:\n{fort.meldung}")
        schreibe_zustand(orte, "konflikt", zustand.vorher, sicherung=zustand.sicherung,
                         upstream=zustand.upstream)
    return abgleich(verzeichnis, fortschritt)


def abbrechen(verzeichnis: Path) -> Abgleichergebnis:
    """``strategie sync --abbrechen``: back to the state before the sync (``git rebase
    --abort``); the own commits are all there, still unshared."""
    verzeichnis = verzeichnis.resolve()
    with _sperre(verzeichnis):
        return _mit_hinweis(_raeume_auf(orte_von(verzeichnis)), _abbrechen(verzeichnis))


def _abbrechen(verzeichnis: Path) -> Abgleichergebnis:
    orte = orte_von(verzeichnis)
    if (sperre := gesperrt(orte)) is not None:
        return sperre
    vorgang = laufender_vorgang(orte.gitdir)
    zustand = lies_zustand(orte)
    if vorgang is None:
        loesche_zustand(orte)
        return Abgleichergebnis("aktuell", ("Kein Abgleich unterbrochen; nichts abzubrechen.",))
    if vorgang.art != "rebase" or zustand is None or zustand.phase not in ("einarbeiten",
                                                                           "konflikt"):
        return hinweis_lage(orte, vorgang, zustand)
    lauf = git_lauf(orte.wurzel, "rebase", "--abort")
    if not lauf.ok:
        raise StrategieFehler(f"git rebase --abort ist fehlgeschlagen:\n{lauf.meldung}")
    vergiss_konflikte(orte)
    loesche_zustand(orte)
    kopf = commit_von(orte, "HEAD") or ""
    eigene, _ = zaehle(orte, ziel_von(orte))
    gleich = "wie vor dem Abgleich" if kopf == zustand.vorher else "auf dem Stand davor"
    return Abgleichergebnis("aktuell", (
        f"Abgleich abgebrochen: der Klon ist {gleich} (Commit {kopf[:8]}); "
        f"{anzahl(eigene, 'eigene Änderung')} sind weiter nur lokal. Die Änderungen der "
        "anderen sind abgerufen, aber noch nicht übernommen.",), eigene_ungeteilt=eigene)
