"""Undo a change: `git revert` of a commit, as a new commit a reviewer can read."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from strategie.aendern.bearbeiten import Ergebnis
from strategie.aendern.bereit import bereit
from strategie.aendern.nachricht import Zielvorgang, trailer
from strategie.aendern.sperre import schreibsperre
from strategie.git.befehl import orte_von
from strategie.git.objekte import LEERER_BLOB, Logeintrag, lies_blobs, lies_log, loese_auf
from strategie.git.repo import GitRepo, git_fehlertext
from strategie.git.stoerung import stoere
from strategie.git.trailer import TRAILER_RUECKGAENGIG, kommentar_aus, teile_nachricht
from strategie.modell.befund import StrategieFehler
from strategie.modell.vergleich import vergleiche
from strategie.speicher.ablage import ist_zieldatei_im_repo
from strategie.speicher.laden import lade_aus_quellen
from strategie.speicher.rahmendatei import lade_rahmen
from strategie.text.format import datum_de
from strategie.toml.lesen import lies_toml


@dataclass(frozen=True)
class Vorschau:
    """What undoing a commit would do, for the confirmation question."""

    commit: Logeintrag
    vorgaenge: tuple[Zielvorgang, ...]
    auf_remote: tuple[str, ...]
    """Remote branches that already contain the commit."""


def _finde_commit(repo: GitRepo, praefix: str, commit: str | None) -> Logeintrag:
    if commit:
        return lies_log(repo, "-1", loese_auf(repo, commit))[0]
    for eintrag in lies_log(repo, "-200", "HEAD", "--", praefix or "."):
        if teile_nachricht(eintrag.nachricht)[2]:
            return eintrag
    raise StrategieFehler("Keine mit strategie gemachte Änderung gefunden, die sich "
                          "rückgängig machen ließe.")


def vorschau(verzeichnis: Path, commit: str | None = None) -> Vorschau:
    """The commit that would be undone (default: the newest change made with the tool)."""
    verzeichnis = verzeichnis.resolve()
    with GitRepo(verzeichnis) as repo:
        praefix = repo.praefix(verzeichnis)
        eintrag = _finde_commit(repo, praefix, commit)
        _pruefe_art(eintrag, praefix)
        inhalte = lies_blobs(repo, [i for _, a, n in eintrag.dateien for i in (a, n)])
        vorgaenge = []
        for datei, alt, neu in eintrag.dateien:
            vorher = _daten(inhalte.get(neu)) if neu != LEERER_BLOB else None
            nachher = _daten(inhalte.get(alt)) if alt != LEERER_BLOB else None
            ungueltig = [wann for wann, blob, daten in (("nach", neu, vorher),
                                                        ("vor", alt, nachher))
                         if blob != LEERER_BLOB and daten is None]
            if ungueltig:  # no field-level changes can be known: a change of the whole file
                vorgaenge.append(Zielvorgang(Path(datei).stem, (), nachher or {}, (
                    "ganze Datei zurückgesetzt (die Fassung " + " und ".join(ungueltig)
                    + " dem Commit ist kein gültiges TOML)")))
                continue
            vorgaenge.append(Zielvorgang(Path(datei).stem, tuple(vergleiche(vorher, nachher)),
                                         nachher or {}))
        remote = repo.lies_bytes("branch", "-r", "--contains", eintrag.commit).decode().split()
    return Vorschau(eintrag, tuple(vorgaenge), tuple(r for r in remote if r != "->"))


def _pruefe_art(eintrag: Logeintrag, praefix: str) -> None:
    """Only a change to goal files can be undone here: no first commit, merge or other files."""
    kurz = eintrag.commit[:8]
    if not eintrag.eltern:
        raise StrategieFehler(
            f"Commit {kurz} ist der erste Commit des Repositorys: er hat alles angelegt, und ihn "
            "rückgängig zu machen würde den ganzen Zielspeicher löschen. Das macht "
            "'strategie rueckgaengig' nicht; nichts wurde verändert.")
    if len(eintrag.eltern) > 1:
        raise StrategieFehler(
            f"Commit {kurz} ist ein Merge-Commit (führt Zweige zusammen), keine Änderung an "
            "einem Ziel; bitte die gemeinten Änderungen einzeln rückgängig machen oder mit git "
            "selbst zurücknehmen. Nichts wurde verändert.")
    if not eintrag.dateien:
        raise StrategieFehler(
            f"Commit {kurz} ändert keine Datei (ein leerer Commit); es gibt nichts rückgängig "
            "zu machen. Nichts wurde verändert.")
    fremd = [d for d, _, _ in eintrag.dateien if not ist_zieldatei_im_repo(d, praefix)]
    if fremd:
        raise StrategieFehler(
            f"Commit {kurz} ändert nicht nur Zieldateien "
            f"({', '.join(fremd)}); 'strategie rueckgaengig' nimmt nur "
            "Änderungen an Zielen zurück (nicht an der Rahmendatei strategie.toml oder an "
            "anderen Dateien). Bitte mit git selbst zurücknehmen; nichts wurde verändert.")


def _daten(roh: bytes | None) -> dict | None:
    if roh is None:
        return None
    try:
        return lies_toml(roh.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None


def rueckgaengig(verzeichnis: Path, commit: str | None = None, *, kommentar: str = "",
                 erzwingen: bool = False) -> Ergebnis:
    """Revert a change as a new commit; refuses a commit already on a remote unless forced."""
    verzeichnis = verzeichnis.resolve()
    with schreibsperre(verzeichnis):
        return _rueckgaengig(verzeichnis, commit, kommentar, erzwingen)


def _rueckgaengig(verzeichnis: Path, commit: str | None, kommentar: str,
                  erzwingen: bool) -> Ergebnis:
    with GitRepo(verzeichnis) as repo:
        hinweise = bereit(orte_von(repo.wurzel))
    plan = vorschau(verzeichnis, commit)
    if plan.auf_remote and not erzwingen:
        raise StrategieFehler(
            f"Commit {plan.commit.commit[:8]} ist schon im gemeinsamen Repository "
            f"({', '.join(plan.auf_remote)}). Andere haben ihn vielleicht schon; Rückgängig "
            "erzeugt dort einen Gegen-Commit. Mit --erzwingen trotzdem ausführen.")
    with GitRepo(verzeichnis) as repo:
        repo.identitaet()
        dateien = [d for d, _, _ in plan.commit.dateien]
        if repo.pfadstatus(dateien):
            raise StrategieFehler(
                f"{', '.join(dateien)}: nicht eingecheckte Änderungen vorhanden; sie bleiben "
                "unangetastet. Bitte erst einchecken oder verwerfen.")
        if repo.lies_bytes("diff", "--cached", "--name-only").strip():
            raise StrategieFehler("Es sind Änderungen für den nächsten Commit vorgemerkt "
                                  "(git add); bitte erst einchecken oder zurücknehmen.")
        betreff, _ = kommentar_aus(plan.commit.nachricht)
        # undoing an undo brings the change back: say so instead of "Rückgängig: Rückgängig: …"
        wieder = betreff.removeprefix("Rückgängig: ") if betreff.startswith("Rückgängig: ") else ""
        absaetze = [
            f"Wiederhergestellt: {wieder}" if wieder else f"Rückgängig: {betreff}",
            f"Macht Commit {plan.commit.commit[:8]} vom {datum_de(plan.commit.datum.date())} "
            f"({plan.commit.autor}) rückgängig.",
        ]
        if kommentar.strip():
            absaetze.append(kommentar.strip())
        if any(v.dateiebene for v in plan.vorgaenge):
            absaetze.append("\n".join(f"- {v.ziel_id}: {v.dateiebene}" for v in plan.vorgaenge
                                      if v.dateiebene))
        absaetze.append("\n".join([*trailer(plan.vorgaenge),
                                   f"{TRAILER_RUECKGAENGIG}: {plan.commit.commit}"]))
        try:
            stoere("git-revert")
            repo.git("revert", "--no-commit", plan.commit.commit)
        except StrategieFehler as fehler:
            _abbrechen(repo)
            raise StrategieFehler(
                f"Commit {plan.commit.commit[:8]} lässt sich nicht automatisch rückgängig "
                "machen, weil die Ziele danach erneut geändert wurden. Nichts wurde verändert."
                f"\n{fehler.meldung}") from None
        vorher = repo.kopf()
        try:  # whatever fails from here on: the tree as before, no revert left in progress
            _pruefe_ergebnis(repo, verzeichnis, dateien)
            neu = repo.commit(dateien, "\n\n".join(absaetze) + "\n")
        except BaseException as fehler:
            jetzt = repo.kopf()
            if jetzt != vorher and not repo.pfadstatus(dateien):
                if not isinstance(fehler, Exception):
                    raise
                neu = jetzt  # git made the commit all the same: it is saved
            else:
                _abbrechen(repo)
                raise
    return Ergebnis(neu, absaetze[0], plan.vorgaenge, tuple(dateien), tuple(hinweise))


def _pruefe_ergebnis(repo: GitRepo, verzeichnis: Path, dateien: list[str]) -> None:
    rahmen = lade_rahmen(verzeichnis)
    quellen = []
    for datei in dateien:
        pfad = repo.wurzel / datei
        if pfad.exists():
            quellen.append((pfad.relative_to(verzeichnis).as_posix(), pfad.read_bytes()))
    _, befunde = lade_aus_quellen(verzeichnis, rahmen, quellen)
    if befunde:
        liste = "\n".join(b.als_zeile() for b in befunde)
        raise StrategieFehler(f"Rückgängig ergäbe ungültige Zieldateien; nichts wurde "
                              f"verändert:\n{liste}")


def _abbrechen(repo: GitRepo) -> None:
    """End a revert in progress: files and index as before it (other local changes stay)."""
    lauf = repo.lauf("revert", "--abort")
    if not lauf.ok:
        text = git_fehlertext(lauf)
        if "no cherry-pick or revert in progress" not in text:
            raise StrategieFehler(
                "Rückgängig wurde abgebrochen, aber git konnte den vorherigen Stand nicht "
                f"wiederherstellen:\n{text}\nBitte 'git revert --abort' ausführen und "
                "'git status' prüfen.")
