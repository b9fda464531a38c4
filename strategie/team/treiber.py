"""The merge driver git calls for a goal file (``merge.strategie.driver``): field-level
three-way merge, written onto the local side's text key by key, conflicts as markers around
just the conflicting lines and as data (``konfliktdaten``).

git runs it in the top folder of the work tree as ``strategie merge-treiber %O %A %B %L %P``
for merges, rebases, cherry-picks and reverts alike; the result goes into %A, exit code 0 =
merged, 1 = conflicts. In a rebase git hands over the upstream version as %A ("ours") and the
replayed local commit as %B; the driver swaps the roles back, so that "unsere" is always the
local controller's own version: its layout and comments are kept, its markers come first.

Order of attempts when no field conflicts: git's own line merge (``git merge-file``) if it is
clean, reads as the field-level result and is valid (then both sides' comments survive);
else the field-level result written onto the local text. A result the frame rejects (e.g. a
status that needs a Begründung the other side removed) becomes a conflict of those fields.
Only what is needed is imported: the driver must not make a rebase slow.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from strategie.git.befehl import Orte, finde_orte, git_lauf
from strategie.git.vorgang import Vorgang, laufender_vorgang
from strategie.team import konfliktdaten
from strategie.team.konfliktdaten import Dateikonflikt, Feldkonflikt, Seite
from strategie.team.zusammenfuehren import FEHLT, Ergebnis, Konflikt, fuehre_zusammen, gleich
from strategie.toml.konfliktmarken import GROESSE, mit_marken

ERFOLG, KONFLIKT = 0, 1


@dataclass(frozen=True)
class Fassung:
    """One of the three versions git hands the driver: its text and its data (None: the
    file is absent or does not parse)."""

    text: str
    daten: dict[str, Any] | None
    lesbar: bool
    """Empty or parsed; False: a version that is no TOML (e.g. already with markers)."""


def _lies(pfad: Path) -> Fassung:
    try:
        text = pfad.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return Fassung("", None, False)
    if not text.strip():
        return Fassung(text, None, True)
    try:
        return Fassung(text, tomllib.loads(text), True)
    except tomllib.TOMLDecodeError:
        return Fassung(text, None, False)


def _ziel_id(pfad: str, *fassungen: Fassung) -> str:
    for fassung in fassungen:
        if fassung.daten and isinstance(fassung.daten.get("id"), str):
            return str(fassung.daten["id"])
    return Path(pfad).stem


def _git_vorgang(orte: Orte) -> tuple[str, str | None]:
    """While git merges (before it writes MERGE_HEAD or CHERRY_PICK_HEAD): which operation,
    and the commit being merged in or picked, as far as git tells a driver."""
    for name in os.environ:
        if name.startswith("GITHEAD_") and len(name) == 48:
            return "merge", name[8:]  # git merge: GITHEAD_<id>=<name of the branch>
    worte = _git_befehlszeile()[1:]
    while worte and worte[0].startswith("-"):
        worte = worte[2:] if worte[0] in ("-C", "-c") else worte[1:]  # git's own options
    if worte and worte[0] in ("cherry-pick", "revert"):
        ziel = next((w for w in worte[1:] if not w.startswith("-")), None)
        naechster = _erste_zeile(orte.gitdir / "sequencer" / "todo").split()
        if len(naechster) > 1:
            ziel = naechster[1]  # several commits: the sequencer's first is the current one
        if ziel:
            lauf = git_lauf(orte.wurzel, "rev-parse", "--verify", "--quiet",
                            f"{ziel}^{{commit}}")
            return worte[0], lauf.aus.strip() or None
        return worte[0], None
    return "", None


def _erste_zeile(pfad: Path) -> str:
    try:
        return pfad.read_text(encoding="utf-8").split("\n", 1)[0]
    except OSError:
        return ""


def _git_befehlszeile() -> list[str]:
    """The command line of the git process that runs the driver (through a shell), from
    /proc; [] where there is none (another system, or git called us directly)."""
    pid = os.getppid()
    for _ in range(3):
        try:
            worte = [w.decode("utf-8", "replace") for w in
                     Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0") if w]
            if worte and Path(worte[0]).name == "git":
                return worte
            stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8", errors="replace")
            pid = int(stat.rpartition(")")[2].split()[1])
        except (OSError, ValueError, IndexError):
            return []
    return []


def _seite(orte: Orte, commit: str | None, pfad: str, eigene: bool) -> Seite:
    """Who made this side's version: the last commit up to *commit* that changed *pfad*."""
    if not commit:
        return Seite(eigene=eigene)
    lauf = git_lauf(orte.wurzel, "log", "-1", "--format=%an%x1f%H", commit, "--", pfad)
    autor, _, voll = lauf.aus.strip().partition("\x1f")
    return Seite(autor, voll or commit, eigene) if lauf.ok and autor else Seite("", commit,
                                                                                eigene)


def _rahmen_pruefung(orte: Orte, pfad: str) -> Any:
    """A function checking goal data against the frame of the store around *pfad*, or None."""
    from strategie.speicher.ablage import RAHMEN_DATEI
    from strategie.speicher.rahmendatei import rahmen_aus_bytes
    from strategie.speicher.validierung import pruefe_daten

    speicher = Path(pfad).parent.parent
    rahmen_datei = orte.wurzel / speicher / RAHMEN_DATEI
    try:
        rahmen = rahmen_aus_bytes(rahmen_datei, rahmen_datei.read_bytes())
    except Exception:  # noqa: BLE001  (no frame, or a broken one: merge without the check)
        return None
    relpfad = Path(pfad).relative_to(speicher).as_posix() if str(speicher) != "." else pfad

    def pruefe(daten: dict[str, Any]) -> list[tuple[str, str]]:
        return pruefe_daten(daten, relpfad, rahmen)
    return pruefe


def _wert(fassung: Fassung, pfad: str) -> Any:
    from strategie.modell.ziel import wert_an_pfad

    gefunden = wert_an_pfad(fassung.daten or {}, pfad)
    return FEHLT if gefunden is None else gefunden


def _mit_begruendungen(konflikte: list[Konflikt], basis: Fassung, unsere: Fassung,
                       ihre: Fassung) -> list[Konflikt]:
    """A conflicting status or Ampel takes its Begründung along where the sides differ in it:
    choosing a side then chooses the value with the Begründung that explains it."""
    from strategie.modell.feld import BEGRUENDET

    pfade = {k.pfad for k in konflikte}
    ergebnis = list(konflikte)
    for feld, _, begruendung in BEGRUENDET:
        if feld in pfade and begruendung not in pfade and not gleich(
                _wert(unsere, begruendung), _wert(ihre, begruendung)):
            ergebnis.append(Konflikt(begruendung, _wert(basis, begruendung),
                                     _wert(unsere, begruendung), _wert(ihre, begruendung)))
    return ergebnis


def _ungueltige(pruefe: Any, ergebnis: Ergebnis, basis: Fassung, unsere: Fassung,
                ihre: Fassung) -> list[Konflikt]:
    """Conflicts for what the frame rejects in the merged result but in neither side alone."""
    from strategie.modell.feld import BEGRUENDUNG_ZU

    if pruefe is None or ergebnis.daten is None:
        return []
    vorher = {m for seite in (unsere, ihre) if seite.daten for m in pruefe(seite.daten)}
    neu = [m for m in pruefe(ergebnis.daten) if m not in vorher]
    if not neu:
        return []

    wert = _wert
    konflikte: list[Konflikt] = []
    for feld, _meldung in neu:
        for pfad in dict.fromkeys(p for p in (feld, BEGRUENDUNG_ZU.get(feld)) if p):
            if not gleich(wert(unsere, pfad), wert(ihre, pfad)) and all(
                    k.pfad != pfad for k in konflikte):
                konflikte.append(Konflikt(pfad, wert(basis, pfad), wert(unsere, pfad),
                                          wert(ihre, pfad)))
    if not konflikte:
        konflikte.append(Konflikt("", basis.daten, unsere.daten, ihre.daten))
    return konflikte


def _merge_file(a: Path, o: Path, b: Path, groesse: int,
                labels: tuple[str, str, str] | None = None, *, unsere: bool = False
                ) -> tuple[int, str]:
    """git's own line merge of the three files (ours first): (conflicts, text); with
    *unsere*, conflicting lines are taken from ours."""
    argumente = ["git", "merge-file", "-p", f"--marker-size={groesse}",
                 *(["--ours"] if unsere else [])]
    for label in labels or ():
        argumente += ["-L", label]
    lauf = subprocess.run([*argumente, str(a), str(o), str(b)], capture_output=True,
                          check=False)
    return lauf.returncode, lauf.stdout.decode("utf-8", "replace")


def treibe(basis_pfad: Path, a_pfad: Path, b_pfad: Path, groesse: int, pfad: str,
           start: Path | None = None) -> int:
    """Merge one goal file as git's merge driver; writes the result to *a_pfad*."""
    orte = finde_orte((start or Path.cwd()).resolve())
    vorgang = laufender_vorgang(orte.gitdir) if orte else None
    if vorgang is None and orte is not None:
        vorgang = Vorgang(*_git_vorgang(orte))
    umgedreht = vorgang is not None and vorgang.art == "rebase"
    lokal_pfad, fremd_pfad = (b_pfad, a_pfad) if umgedreht else (a_pfad, b_pfad)
    basis, lokal, fremd = _lies(basis_pfad), _lies(lokal_pfad), _lies(fremd_pfad)

    def seiten() -> tuple[Seite, Seite]:
        if orte is None:
            return Seite(eigene=True), Seite()
        if umgedreht and vorgang is not None:
            # the other side: who last changed the file upstream (HEAD may be an own commit
            # replayed before this one)
            return (_seite(orte, vorgang.ihr_commit, pfad, True),
                    _seite(orte, vorgang.basis or "HEAD", pfad, False))
        return (_seite(orte, "HEAD", pfad, True),
                _seite(orte, vorgang.ihr_commit if vorgang else None, pfad, False))

    if not (basis.lesbar and lokal.lesbar and fremd.lesbar):
        # a version that is no TOML (hand-broken, or with markers): git's line merge
        unsere, ihre = seiten()
        anzahl, zeilenweise = _merge_file(lokal_pfad, basis_pfad, fremd_pfad, groesse,
                                          (unsere.label, "Basis", ihre.label))
        a_pfad.write_text(zeilenweise, encoding="utf-8")
        return KONFLIKT if anzahl else ERFOLG

    ergebnis = fuehre_zusammen(basis.daten, lokal.daten, fremd.daten)
    pruefe = _rahmen_pruefung(orte, pfad) if orte else None
    konflikte = _mit_begruendungen(list(ergebnis.konflikte), basis, lokal, fremd) or (
        _ungueltige(pruefe, ergebnis, basis, lokal, fremd))
    if not konflikte:
        sauber = _ohne_konflikt(lokal_pfad, basis_pfad, fremd_pfad, groesse, lokal, ergebnis)
        if sauber is not None:
            a_pfad.write_text(sauber, encoding="utf-8")
            if orte:
                konfliktdaten.streiche(orte.gitdir, pfad)
            return ERFOLG
        konflikte = [Konflikt("", basis.daten, lokal.daten, fremd.daten)]  # not writable
    unsere, ihre = seiten()
    text, konflikte = _mit_konflikten(lokal, fremd, ergebnis, konflikte, unsere, ihre, groesse)
    a_pfad.write_text(text, encoding="utf-8")
    if orte:
        konfliktdaten.vermerke(orte.gitdir, Dateikonflikt(
            pfad, _ziel_id(pfad, lokal, fremd, basis),
            tuple(Feldkonflikt(k.pfad, k.basis, k.unser, k.ihr) for k in konflikte),
            unsere, ihre, vorgang.art if vorgang else ""))
    return KONFLIKT


def _ohne_konflikt(lokal_pfad: Path, basis_pfad: Path, fremd_pfad: Path, groesse: int,
                   lokal: Fassung, ergebnis: Ergebnis) -> str | None:
    """The merged text when the fields merge: git's line merge if it says the same, else the
    field-level result written onto the local text; None if that cannot be written exactly."""
    from strategie.team.schreiben import (
        NichtSchreibbar,
        als_operationen,
        mit_ihren_zeilen,
        schreibe,
    )

    daten = ergebnis.daten
    if daten is None:
        return None
    konflikte, text = _merge_file(lokal_pfad, basis_pfad, fremd_pfad, groesse)
    if konflikte == 0:
        try:
            if gleich(tomllib.loads(text), daten):
                return text
        except tomllib.TOMLDecodeError:
            pass
    try:
        feldweise = schreibe(lokal.text, als_operationen(ergebnis.aenderungen_fuer_unsere),
                             daten)
    except NichtSchreibbar:
        return None
    mit_kommentaren = mit_ihren_zeilen(feldweise, _lies(fremd_pfad).text,
                                       ergebnis.aenderungen_fuer_unsere)
    try:
        if gleich(tomllib.loads(mit_kommentaren), daten):
            feldweise = mit_kommentaren
    except tomllib.TOMLDecodeError:
        pass
    # what else the other side changed in lines (its comments): git's line merge onto the
    # field-level result, our lines where both touched the same place — if it reads the same
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=lokal_pfad.parent,
                                     prefix=".strategie-", suffix=".toml") as zwischen:
        zwischen.write(feldweise)
        zwischen.flush()
        _, text = _merge_file(Path(zwischen.name), basis_pfad, fremd_pfad, groesse,
                              unsere=True)
    try:
        if gleich(tomllib.loads(text), daten):
            return text
    except tomllib.TOMLDecodeError:
        pass
    return feldweise


def _mit_konflikten(lokal: Fassung, fremd: Fassung, ergebnis: Ergebnis,
                    konflikte: list[Konflikt], unsere: Seite, ihre: Seite,
                    groesse: int) -> tuple[str, list[Konflikt]]:
    """The text with markers around the conflicting lines, and the conflicts it holds."""
    from strategie.team.schreiben import NichtSchreibbar, als_operationen, mit_seite, schreibe

    if all(k.pfad for k in konflikte) and ergebnis.daten is not None:
        try:
            gemischt = schreibe(lokal.text, als_operationen(ergebnis.aenderungen_fuer_unsere),
                                ergebnis.daten)
            text_u = mit_seite(gemischt, ergebnis.daten, konflikte, "unser")
            text_i = mit_seite(gemischt, ergebnis.daten, konflikte, "ihr")
            return mit_marken(text_u, text_i, unsere.label, ihre.label, groesse), konflikte
        except NichtSchreibbar:
            pass
    datei = [Konflikt("", next((k.basis for k in konflikte if not k.pfad), FEHLT),
                      lokal.daten, fremd.daten)]
    return mit_marken(lokal.text, fremd.text, unsere.label, ihre.label, groesse), datei


def main(argumente: list[str]) -> int:
    """``strategie merge-treiber %O %A %B %L %P`` (called by git)."""
    if len(argumente) < 3:
        print("Aufruf (durch git): strategie merge-treiber %O %A %B [%L [%P]]")
        return 2
    basis, a, b = (Path(x) for x in argumente[:3])
    groesse = int(argumente[3]) if len(argumente) > 3 and argumente[3].isdigit() else GROESSE
    pfad = argumente[4] if len(argumente) > 4 else a.name
    try:
        return treibe(basis, a, b, groesse, pfad)
    except Exception as fehler:  # noqa: BLE001  (git must get a conflict, never lose a side)
        print(f"strategie merge-treiber: {pfad}: {type(fehler).__name__}: {fehler} – "
              "zusammengeführt wie von git, mit Konfliktmarkierungen.", file=sys.stderr)
        _, zeilenweise = _merge_file(a, basis, b, groesse)
        a.write_text(zeilenweise, encoding="utf-8")
        return KONFLIKT
