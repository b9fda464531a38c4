"""The one edit path: every change to goal files — CLI, app or script — becomes one commit."""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from strategie.aendern.anwenden import wende_an
from strategie.aendern.atomar import schreibe_atomar
from strategie.aendern.bereit import bereit
from strategie.aendern.journal import Eintrag, loesche_journal, schreibe_journal
from strategie.aendern.nachricht import Zielvorgang, betreff, nachricht
from strategie.aendern.sperre import schreibsperre
from strategie.git.befehl import Orte, orte_von
from strategie.git.blob import blob_id
from strategie.git.repo import GitRepo
from strategie.modell.befund import StrategieFehler, anzeigepfad, os_fehlertext
from strategie.modell.feld import BEGRUENDET, STECKBRIEF_TEXTE, feld_titel
from strategie.modell.operationen import Operation, Setze, Zielaenderung, pruefe_pfad
from strategie.modell.rahmen import Rahmen
from strategie.modell.vergleich import vergleiche
from strategie.modell.werte import normalisiere_id
from strategie.modell.ziel import wert_an_pfad
from strategie.speicher.ablage import datei_des_ziels, neue_datei
from strategie.speicher.rahmendatei import lade_rahmen
from strategie.speicher.validierung import befunde_mit_zeilen, lade_ziel, pruefe_daten
from strategie.toml.fehler import toml_fehler_befund
from strategie.toml.zeilenwert import ersetze_zeilenwerte


class Ergebnis(NamedTuple):
    """A committed change."""

    commit: str
    betreff: str
    vorgaenge: tuple[Zielvorgang, ...]
    dateien: tuple[str, ...]
    """The changed files, relative to the repository root."""
    hinweise: tuple[str, ...] = ()
    """German notes for the user (a crashed change settled first, a detached HEAD)."""

    @property
    def kurz(self) -> str:
        """The short commit id shown to users."""
        return self.commit[:8]


class _Plan(NamedTuple):
    pfad: Path
    relpfad_repo: str
    alt: bytes
    neu: bytes
    vorgang: Zielvorgang
    angelegt: bool = False
    """The file is new (``Zielaenderung.anlegen``): undone by removing it."""


def zusammengefasst(aenderungen: Sequence[Zielaenderung]) -> list[Zielaenderung]:
    """One change per goal, in the order first named: an id given twice is planned once."""
    nach_id: dict[str, list[Operation]] = {}
    anlegen: dict[str, str] = {}
    betreff: dict[str, str] = {}
    for aenderung in aenderungen:
        ziel_id = normalisiere_id(aenderung.ziel_id)
        operationen = nach_id.setdefault(ziel_id, [])
        operationen += [op for op in aenderung.operationen if op not in operationen]
        if aenderung.anlegen is not None:
            anlegen.setdefault(ziel_id, aenderung.anlegen)
        if aenderung.betreff:
            betreff.setdefault(ziel_id, aenderung.betreff)
    return [Zielaenderung(i, tuple(ops), anlegen.get(i), betreff.get(i, ""))
            for i, ops in nach_id.items()]


def _ergaenze(daten: dict[str, Any], operationen: list[Operation], rahmen: Rahmen,
              kommentar: str, heute: dt.date) -> list[Operation]:
    """Add what a change implies: Begründung from the comment, Steckbrief Stand = today."""
    gesetzt = {op.pfad: op for op in operationen if isinstance(op, Setze)}
    extra: list[Operation] = []
    for feld, vokabular, begruendung in BEGRUENDET:
        op = gesetzt.get(feld)
        if op is None or op.wert == daten.get(feld) or begruendung in gesetzt:
            continue
        wert = rahmen.wert(vokabular, str(op.wert))
        if wert is not None and wert.begruendung:
            if not kommentar.strip():
                raise StrategieFehler(
                    f'{feld_titel(feld)} "{op.wert}" verlangt '
                    "eine Begründung: bitte einen Kommentar angeben (-m).")
            extra.append(Setze(begruendung, kommentar.strip()))
        elif begruendung in daten:
            extra.append(Setze(begruendung, None))  # it explained the old value
    if any(f"steckbrief.{t}" in gesetzt for t in STECKBRIEF_TEXTE) and (
            "steckbrief.stand" not in gesetzt):
        extra.append(Setze("steckbrief.stand", heute))
    return [*operationen, *extra]


def _plane(verzeichnis: Path, repo: GitRepo, rahmen: Rahmen, pfad: Path,
           aenderung: Zielaenderung, kommentar: str, heute: dt.date) -> _Plan | None:
    relpfad = pfad.relative_to(verzeichnis).as_posix()
    if aenderung.anlegen is not None:
        alt, text = b"", aenderung.anlegen
        ziel_id, daten = aenderung.ziel_id, _neue_daten(pfad, text)
    else:
        try:
            alt = pfad.read_bytes()
        except OSError as fehler:
            raise StrategieFehler(f"{pfad} ist nicht lesbar: {os_fehlertext(fehler)}") from None
        ziel, befunde = lade_ziel(verzeichnis, relpfad, alt, rahmen)
        if ziel is None:
            liste = "\n".join(b.als_zeile() for b in befunde)
            raise StrategieFehler(f"Die Zieldatei ist fehlerhaft und wird nicht verändert; bitte "
                                  f"zuerst korrigieren:\n{liste}", tuple(befunde))
        text, ziel_id, daten = alt.decode("utf-8"), ziel.id, ziel.daten
    for operation in aenderung.operationen:
        pruefe_pfad(operation)
    operationen = [op for op in aenderung.operationen
                   if not (isinstance(op, Setze) and wert_an_pfad(daten, op.pfad) == op.wert)]
    if not operationen and aenderung.anlegen is None:
        return None
    operationen = _ergaenze(daten, operationen, rahmen, kommentar, heute)
    erwartet = wende_an(daten, tuple(operationen))
    probleme = pruefe_daten(erwartet, relpfad, rahmen)
    if probleme:
        meldungen = "\n".join(f"- {b.feld}: {b.meldung}" if b.feld else f"- {b.meldung}"
                              for b in befunde_mit_zeilen(pfad, text, probleme))
        raise StrategieFehler(f"Die Änderung an {ziel_id} ist ungültig:\n{meldungen}")
    neu_text = (_schreibe(pfad, text, tuple(operationen), erwartet, ziel_id) if operationen
                else text)
    angelegt = aenderung.anlegen is not None
    betreff = aenderung.betreff or (f"angelegt: {erwartet.get('titel', '')}" if angelegt else "")
    vorgang = Zielvorgang(ziel_id, tuple(vergleiche({} if angelegt else daten, erwartet)),
                          erwartet, betreff=betreff, angelegt=angelegt)
    return _Plan(pfad, repo.relativ(pfad), alt, neu_text.encode("utf-8"), vorgang, angelegt)


def _neue_daten(pfad: Path, text: str) -> dict[str, Any]:
    """The data of a new goal file's text; a German error if it is no valid TOML."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as fehler:
        befund = toml_fehler_befund(pfad, text.encode("utf-8"), fehler)
        raise StrategieFehler(f"Das neue Ziel ist kein gültiges TOML: {befund.als_zeile()}",
                              (befund,)) from None


def _schreibe(pfad: Path, text: str, operationen: tuple[Operation, ...],
              erwartet: dict[str, Any], ziel_id: str) -> str:
    """The edited text, verified with tomllib; a German refusal if it cannot be made exactly."""
    fehler = ""
    neu_text = ersetze_zeilenwerte(text, operationen)  # a status change: no tomlkit needed
    if neu_text is not None and tomllib.loads(neu_text) == erwartet:
        return neu_text
    import tomlkit.exceptions

    from strategie.toml.schreiben import schreibe_operationen
    from strategie.toml.sonderform import sonderform

    try:
        neu_text = schreibe_operationen(text, operationen)
        if tomllib.loads(neu_text) == erwartet:
            return neu_text
    except (tomllib.TOMLDecodeError, tomlkit.exceptions.TOMLKitError, AssertionError,
            AttributeError, IndexError, KeyError, TypeError, ValueError) as ausnahme:
        fehler = f" ({type(ausnahme).__name__})"
    for operation in operationen:
        if (form := sonderform(text, operation.pfad)) is not None:
            raise StrategieFehler(
                f"{anzeigepfad(pfad)}: Feld '{operation.pfad}' lässt sich in dieser Schreibweise "
                f"nicht sicher ändern: {form}. Nichts wurde verändert; bitte die Datei auf die "
                "Standardform umstellen (wie in den Beispielzielen) oder von Hand ändern.")
    raise StrategieFehler(f"Die Änderung an {ziel_id} ließ sich nicht verlustfrei in die Datei "
                          f"schreiben; nichts wurde verändert. (Bitte melden{fehler}.)")


class Handaenderungen(StrategieFehler):
    """Files with changes not yet committed; the app words the way out without CLI options."""

    def __init__(self, dateien: Sequence[str]) -> None:
        self.dateien = tuple(dateien)
        self.anfang = (f"{', '.join(self.dateien)}: die Datei hat Änderungen, die noch nicht "
                       "eingecheckt sind (Handänderungen). Sie bleiben unangetastet, und es "
                       "wurde nichts gespeichert.")
        super().__init__(f"{self.anfang} Entweder die Handänderungen zuerst selbst einchecken "
                         "(git commit), oder sie mit --mit-handaenderungen in diese Änderung "
                         "übernehmen.")


def _pruefe_handaenderungen(repo: GitRepo, plaene: Sequence[_Plan], in_head: dict[str, str],
                            uebernehmen: bool) -> tuple[bool, list[str]]:
    """Compare each file with its version in HEAD as git does (with its filters, e.g.
    core.autocrlf): a difference is a hand edit."""
    anders = [p.relpfad_repo for p in plaene
              if not p.angelegt and in_head.get(p.relpfad_repo) != blob_id(p.alt)]
    if anders:  # the raw bytes differ: ask git, which applies the clone's filters
        status = repo.pfadstatus(anders)
        anders = [p for p in anders if p not in in_head or p in status]
    if not anders:
        return False, []
    if not uebernehmen:
        raise Handaenderungen(anders)
    return True, [p for p in anders if p not in in_head]


def _pruefe_index(plaene: Sequence[_Plan], in_head: dict[str, str], im_index: set[str]) -> None:
    """A goal file whose deletion is staged (git rm) is not silently brought back."""
    geloescht = [p.relpfad_repo for p in plaene
                 if not p.angelegt and p.relpfad_repo in in_head and p.relpfad_repo not in im_index]
    if geloescht:
        raise StrategieFehler(
            f"{', '.join(geloescht)}: das Löschen dieser Datei ist für den nächsten Commit "
            "vorgemerkt (git rm). Eine Änderung würde es stillschweigend aufheben; daher wurde "
            "nichts gespeichert. Entweder das Löschen einchecken (git commit) oder es "
            "zurücknehmen (git restore --staged DATEI), dann die Änderung wiederholen.")


def aendere(verzeichnis: Path, aenderungen: Sequence[Zielaenderung], kommentar: str = "", *,
            handaenderungen_uebernehmen: bool = False, heute: dt.date | None = None,
            probelauf: bool = False) -> Ergebnis:
    """Apply field changes to one or more goals and commit them as one commit.

    Holds the store's write lock from planning to the commit (one writer at a time), settles
    a crashed earlier change first (``journal``) and refuses while a git operation is
    unfinished. Checks every change against model and frame first; writes each file
    atomically with minimal edits; commits only these files with the user's git identity. If
    anything fails, the files this process wrote get their old content back (only where they
    still hold what it wrote) and no commit is made. With *probelauf*, only checks and
    returns what would change (commit id empty), writing nothing.
    """
    verzeichnis = verzeichnis.resolve()
    heute = heute or dt.date.today()
    aenderungen = zusammengefasst(aenderungen)
    with schreibsperre(verzeichnis):
        return _aendere(verzeichnis, aenderungen, kommentar, handaenderungen_uebernehmen,
                        heute, probelauf)


def _aendere(verzeichnis: Path, aenderungen: list[Zielaenderung], kommentar: str,
             uebernehmen: bool, heute: dt.date, probelauf: bool) -> Ergebnis:
    rahmen = lade_rahmen(verzeichnis)
    with GitRepo(verzeichnis) as repo:
        orte = orte_von(repo.wurzel)
        hinweise = bereit(orte, schreiben=not probelauf)
        pfade = [neue_datei(verzeichnis, rahmen, a.ziel_id) if a.anlegen is not None
                 else datei_des_ziels(verzeichnis, rahmen, a.ziel_id) for a in aenderungen]
        relpfade = [repo.relativ(p) for p in pfade]
        # git answers these questions while the files are planned below
        identitaet = repo.frage_identitaet()
        in_head = repo.frage_blobs_in_head(relpfade)
        index = repo.frage_index(relpfade)
        try:
            plaene = [plan for pfad, a in zip(pfade, aenderungen, strict=True)
                      if (plan := _plane(verzeichnis, repo, rahmen, pfad, a, kommentar, heute))]
        finally:
            repo.identitaet(identitaet)
            blobs = repo.blobs_in_head([], in_head)
            im_index = repo.im_index(index)
        if not plaene:
            raise StrategieFehler("Keine Änderung: die Werte sind schon so gesetzt.")
        _pruefe_index(plaene, blobs, im_index)
        mit_hand, neue = _pruefe_handaenderungen(repo, plaene, blobs, uebernehmen)
        neue += [p.relpfad_repo for p in plaene if p.angelegt]
        vorgaenge = tuple(p.vorgang for p in plaene)
        dateien = tuple(p.relpfad_repo for p in plaene)
        if probelauf:
            return Ergebnis("", betreff(vorgaenge), vorgaenge, dateien, tuple(hinweise))
        text = nachricht(vorgaenge, kommentar, mit_hand)
        vorher = repo.kopf()
        schreibe_journal(orte, [Eintrag(p.relpfad_repo, None if p.angelegt else p.alt, p.neu)
                                for p in plaene], vorher, text)
        geschrieben: list[_Plan] = []
        try:
            for plan in plaene:
                if plan.angelegt:
                    plan.pfad.parent.mkdir(exist_ok=True)
                schreibe_atomar(plan.pfad, plan.neu)
                geschrieben.append(plan)
            commit = repo.commit(list(dateien), text, neue=neue)
        except Exception as fehler:
            doch = _doch_gespeichert(repo, vorher, plaene)
            if doch is None:
                _nimm_zurueck(orte, geschrieben, fehler)
                raise
            commit = doch
        except BaseException:
            if _doch_gespeichert(repo, vorher, plaene) is None:
                _nimm_zurueck(orte, geschrieben, None)
            raise
        loesche_journal(orte)
    return Ergebnis(commit, betreff(vorgaenge), vorgaenge, dateien, tuple(hinweise))


def _doch_gespeichert(repo: GitRepo, vorher: str, plaene: Sequence[_Plan]) -> str | None:
    """After a failure: the commit id if git made the commit all the same (HEAD moved and
    holds exactly the new files), else None."""
    try:
        kopf = repo.kopf()
        if kopf == vorher:
            return None
        blobs = repo.blobs_in_head([p.relpfad_repo for p in plaene])
        if all(blobs.get(p.relpfad_repo) == blob_id(p.neu) for p in plaene) and not (
                repo.pfadstatus([p.relpfad_repo for p in plaene])):
            return kopf
    except (StrategieFehler, OSError, ValueError):
        pass
    return None


def _nimm_zurueck(orte: Orte, geschrieben: Sequence[_Plan],
                  fehler: BaseException | None) -> None:
    """Give the files this process wrote their old content back — only where they still hold
    exactly what it wrote. If that fails too (disk full), raise a message that says what
    state each file is in and what happens next; the journal stays for the next command."""
    offen = []
    for plan in reversed(geschrieben):
        try:
            jetzt = plan.pfad.read_bytes()
        except FileNotFoundError:
            continue
        except OSError:
            offen.append(plan)
            continue
        if jetzt != plan.neu:
            continue  # someone else's content now: not ours to overwrite
        try:
            if plan.angelegt:
                plan.pfad.unlink(missing_ok=True)
            else:
                schreibe_atomar(plan.pfad, plan.alt)
        except (StrategieFehler, OSError):
            offen.append(plan)
    if not offen:
        loesche_journal(orte)
        return
    erst = fehler.meldung if isinstance(fehler, StrategieFehler) else (
        str(fehler) if fehler else "abgebrochen")
    namen = ", ".join(anzeigepfad(p.pfad) for p in offen)
    raise StrategieFehler(
        f"Die Änderung ist gescheitert: {erst}\nDanach ließ sich auch der vorige Inhalt nicht "
        f"zurückschreiben (Platte voll oder keine Schreibrechte?): {namen} enthält jetzt die "
        "neue Fassung, die NICHT gespeichert (nicht eingecheckt) ist. Nichts ist verloren: der "
        "vorige Inhalt steht im Änderungsprotokoll .git/strategie/journal.json. Bitte Platz "
        "schaffen (oder die Rechte richten); der nächste strategie-Befehl (z. B. strategie "
        "pruefen) stellt ihn dann wieder her.") from fehler
