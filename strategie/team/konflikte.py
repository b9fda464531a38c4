"""The open conflicts of an unfinished merge, rebase or cherry-pick, field by field, for
``strategie konflikte``, the app's conflict view and ``strategie loese``.

Sources, and the file is the truth: the index's unmerged paths (``git ls-files -u``, which
also holds the delete/modify conflicts git never hands to a merge driver), the conflict
markers in the files (the merge driver's, or git's own where a clone has no driver), and the
driver's data (``konfliktdaten``) for authors, commits and the base value. "unsere" is always
the local controller's own side, also in a rebase (where git calls the upstream "ours").
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from strategie.git.befehl import Orte, git_bytes, git_lauf, orte_von
from strategie.git.vorgang import Vorgang, laufender_vorgang
from strategie.modell.feld import feld_titel
from strategie.modell.vergleich import vergleiche, wert_kurz
from strategie.modell.ziel import wert_an_pfad
from strategie.team import konfliktdaten
from strategie.team.konfliktdaten import Dateikonflikt, Seite
from strategie.team.zusammenfuehren import FEHLT
from strategie.toml.konfliktmarken import finde_marken, seite
from strategie.toml.lesen import lies_toml


@dataclass(frozen=True)
class Konflikt:
    """One open conflict: a field of a goal (or a whole file) with both values and authors."""

    pfad: str
    """The file, relative to the repository (``ziele/sa/SA-03.toml``)."""
    ziel: str
    """The goal id ('' for a file that is no goal, e.g. the frame)."""
    feld: str
    """Dotted field path; '' = the file as a whole."""
    unser: Any
    """The own value (FEHLT: absent, e.g. removed); for a whole file its data or text."""
    ihr: Any
    """The other side's value."""
    basis: Any
    """The value both started from (FEHLT: unknown or absent)."""
    unsere: Seite
    ihre: Seite
    art: str = "feld"
    """'feld' (a field both changed), 'datei' (the file as a whole: added twice, or not
    mergeable field by field), 'geloescht' (removed on one side, changed on the other),
    'text' (not a goal file, or a side that is no valid TOML: git's line markers),
    'unvorgemerkt' (no markers left, but not yet marked as resolved)."""

    @property
    def titel(self) -> str:
        """German label: 'Umsetzungsstand', 'Maßnahme 2: Status', or 'ganze Datei'."""
        return feld_titel(self.feld) if self.feld else "ganze Datei"

    def zeile(self) -> str:
        """One German line: goal, field, both values, both authors."""
        wo = f"{self.ziel or self.pfad} {self.titel}"
        if self.art == "geloescht":
            def tat(wert: Any) -> str:
                return "gelöscht" if wert is FEHLT else "geändert"
            return (f"{wo}: {self.unsere.label} hat die Datei {tat(self.unser)}, "
                    f"{self.ihre.label} hat sie {tat(self.ihr)}")
        if self.art in ("datei", "text", "unvorgemerkt"):
            was = {"datei": "beide Fassungen der ganzen Datei",
                   "text": "Zeilenkonflikt (nicht feldweise lösbar)",
                   "unvorgemerkt": "keine Markierungen mehr, noch nicht als gelöst vorgemerkt"}
            return f"{wo}: {was[self.art]} – {self.unsere.label} ↔ {self.ihre.label}"
        return (f"{wo}: {self.unsere.label} „{_kurz(self.unser)}“ ↔ "
                f"{self.ihre.label} „{_kurz(self.ihr)}“")


def _kurz(wert: Any) -> str:
    return "(fehlt)" if wert is FEHLT else wert_kurz(wert) or "(leer)"


def _wert(daten: dict[str, Any] | None, pfad: str) -> Any:
    if daten is None:
        return FEHLT
    if not pfad:
        return daten
    gefunden = wert_an_pfad(daten, pfad)
    return FEHLT if gefunden is None else gefunden


def _lies_toml(text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    try:
        return lies_toml(text)
    except tomllib.TOMLDecodeError:
        return None


def unvereinigte(orte: Orte) -> dict[str, dict[int, str]]:
    """The index's unmerged paths: path → {stage: blob id} (1 base, 2 HEAD, 3 the other)."""
    roh = git_bytes(orte.wurzel, "ls-files", "-u", "-z").decode("utf-8", "replace")
    pfade: dict[str, dict[int, str]] = {}
    for eintrag in roh.split("\0"):
        kopf, _, pfad = eintrag.partition("\t")
        if pfad:
            _, blob, stufe = kopf.split()
            pfade.setdefault(pfad, {})[int(stufe)] = blob
    return pfade


def _seiten_der_lage(orte: Orte, vorgang: Vorgang | None, pfad: str) -> tuple[Seite, Seite]:
    """Own and other side of a conflict git stopped at (no driver data)."""
    def seite_von(rev: str | None, eigene: bool) -> Seite:
        if not rev:
            return Seite(eigene=eigene)
        lauf = git_lauf(orte.wurzel, "log", "-1", "--format=%an%x1f%H", rev, "--", pfad)
        autor, _, commit = lauf.aus.strip().partition("\x1f")
        return Seite(autor, commit, eigene) if autor else Seite("", rev, eigene)
    fremd = vorgang.ihr_commit if vorgang else None
    if vorgang is not None and vorgang.art == "rebase":
        return seite_von(fremd, True), seite_von(vorgang.basis or "HEAD", False)
    return seite_von("HEAD", True), seite_von(fremd, False)


def eigene_zuerst(vorgang: Vorgang | None, datensatz: Dateikonflikt | None) -> bool:
    """Whether the first side of the file's markers is the own one: always for the driver's
    markers, for git's own markers except in a rebase (there ``<<<<<<< HEAD`` is upstream)."""
    return datensatz is not None or vorgang is None or vorgang.art != "rebase"


def fassungen(text: str, eigene_vorn: bool) -> tuple[str, str]:
    """(own text, other text) of a file with conflict markers."""
    vorn, hinten = seite(text, "unsere"), seite(text, "ihre")
    return (vorn, hinten) if eigene_vorn else (hinten, vorn)


def _blob_text(orte: Orte, blob: str | None) -> str | None:
    if blob is None:
        return None
    return git_bytes(orte.wurzel, "cat-file", "blob", blob).decode("utf-8", "replace")


def _der_datei(orte: Orte, pfad: str, stufen: dict[int, str] | None,
               datensatz: Dateikonflikt | None, vorgang: Vorgang | None) -> list[Konflikt]:
    """The open conflicts of one file."""
    unsere, ihre = ((datensatz.unsere, datensatz.ihre) if datensatz
                    else _seiten_der_lage(orte, vorgang, pfad))
    ziel = datensatz.ziel if datensatz else (Path(pfad).stem if pfad.endswith(".toml") and (
        Path(pfad).name != "strategie.toml") else "")
    umgedreht = vorgang is not None and vorgang.art == "rebase"
    if stufen is not None and (2 not in stufen or 3 not in stufen):
        eigener, fremder = (stufen.get(3), stufen.get(2)) if umgedreht else (stufen.get(2),
                                                                             stufen.get(3))
        eigen_blob, fremd_blob = _blob_text(orte, eigener), _blob_text(orte, fremder)
        return [Konflikt(pfad, ziel, "", _lies_toml(eigen_blob) if eigener else FEHLT,
                         _lies_toml(fremd_blob) if fremder else FEHLT,
                         _lies_toml(_blob_text(orte, stufen.get(1))) or FEHLT, unsere, ihre,
                         "geloescht")]
    try:
        text = (orte.wurzel / pfad).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = ""
    if not finde_marken(text):
        if stufen is None:
            return []
        return [Konflikt(pfad, ziel, "", _lies_toml(text) or FEHLT, FEHLT, FEHLT, unsere, ihre,
                         "unvorgemerkt")]
    eigen_text, fremd_text = fassungen(text, eigene_zuerst(vorgang, datensatz))
    eigen, fremd = _lies_toml(eigen_text), _lies_toml(fremd_text)
    if eigen is None or fremd is None or not ziel:
        return [Konflikt(pfad, ziel, "", eigen_text, fremd_text, FEHLT, unsere, ihre, "text")]
    if datensatz is not None:
        return [Konflikt(pfad, ziel, f.feld, _wert(eigen, f.feld), _wert(fremd, f.feld),
                         f.basis, unsere, ihre, "feld" if f.feld else "datei")
                for f in datensatz.felder]
    return [Konflikt(pfad, ziel, a.pfad, FEHLT if a.alt is None else a.alt,
                     FEHLT if a.neu is None else a.neu, FEHLT, unsere, ihre)
            for a in vergleiche(eigen, fremd)] or [
        Konflikt(pfad, ziel, "", eigen, fremd, FEHLT, unsere, ihre, "datei")]


def offene_in(orte: Orte) -> list[Konflikt]:
    """All open conflicts of the work tree, by file and field."""
    stufen = unvereinigte(orte)
    daten = konfliktdaten.lies(orte.gitdir)
    vorgang = laufender_vorgang(orte.gitdir)
    konflikte: list[Konflikt] = []
    for pfad in sorted(set(stufen) | set(daten)):
        konflikte += _der_datei(orte, pfad, stufen.get(pfad), daten.get(pfad), vorgang)
    return konflikte


def offene(verzeichnis: Path) -> list[Konflikt]:
    """All open conflicts of the clone around the store *verzeichnis*, by file and field.

    Empty when nothing is being merged, or everything is resolved.
    """
    return offene_in(orte_von(verzeichnis))
