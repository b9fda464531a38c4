"""The bad-input corpus as kinds: each puts one broken goal or frame file into a store copy.

Files come from ``tests/daten/kaputt/`` (made by ``tests/daten/erzeuge_kaputt.py``; the first
line of each says what Befund it must get), the rest is built here because git and copies
cannot hold it well (symlinks, 100.000 wrong entries). For every test that wants to feed every
kind to a part of the program (the CLI, the reports, the app)::

    for art in ARTEN:
        speicher = speicher_mit(art, tmp_path / art.name)   # the example store plus that file
        ...  # the Befund for art.pfad(speicher) is expected: art.zeile, art.feld, art.text
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import BEISPIEL, DATEN

KAPUTT = DATEN / "kaputt"
_KOPF = re.compile(rb"# ERWARTET zeile=(\S+) feld=(\S+)(?: befunde=(\d+))? \| (.+?)   \(")


@dataclass(frozen=True)
class Art:
    """One kind of broken input and the Befund it must get."""

    name: str
    relpfad: str
    """The broken file, relative to the store ('strategie.toml' for a frame kind)."""
    text: str
    """A part of the German message of the (first) Befund."""
    zeile: int | None
    feld: str | None
    anzahl: int = 1
    """How many Befunde the file gets (counted, also beyond the listed ones)."""
    baue: Callable[[Path], None] | None = None
    """Puts the broken file into a store (default: copy the corpus file to *relpfad*)."""
    quelle: Path | None = None

    @property
    def rahmen(self) -> bool:
        """A broken frame: every command refuses the store with the frame's Befunde."""
        return self.relpfad == "strategie.toml"

    def pfad(self, speicher: Path) -> Path:
        """The broken file in *speicher*."""
        return speicher / self.relpfad


def erwartung(datei: Path) -> tuple[int | None, str | None, str, int]:
    """What the ERWARTET line of a corpus file says: line, field, text, number of Befunde."""
    roh = datei.read_bytes()
    if not roh.strip():
        return 1, None, "Die Datei ist leer", 1
    treffer = _KOPF.search(roh.splitlines()[0])
    assert treffer, f"{datei} hat keine ERWARTET-Zeile"
    zeile, feld, anzahl, text = (t.decode("latin-1") if t else "1" for t in treffer.groups())
    feld = feld.encode("latin-1").decode("unicode_escape")
    text = text.encode("latin-1").decode("utf-8")
    return ((int(zeile) or None if zeile != "-" else None), (None if feld == "-" else feld), text,
            int(anzahl))


def _aus_datei(datei: Path) -> Art:
    zeile, feld, text, anzahl = erwartung(datei)
    relativ = datei.relative_to(KAPUTT).as_posix()
    if relativ.startswith("rahmen/"):
        return Art(f"rahmen-{datei.stem}", "strategie.toml", text, zeile, feld, anzahl,
                   quelle=datei)
    return Art(relativ.removesuffix(".toml"), relativ, text, zeile, feld, anzahl, quelle=datei)


def _symlink(relpfad: str, ziel: str) -> Callable[[Path], None]:
    def baue(speicher: Path) -> None:
        (speicher / relpfad).symlink_to(ziel)
    return baue


def _kette_hinaus(speicher: Path) -> None:
    (speicher / "sa" / ".zwischen").symlink_to("/etc/hostname")
    (speicher / "sa" / "SA-193.toml").symlink_to(".zwischen")


def _kreis_zu_zweit(speicher: Path) -> None:
    (speicher / "sa" / ".SA-195.toml").symlink_to("SA-195.toml")
    (speicher / "sa" / "SA-195.toml").symlink_to(".SA-195.toml")


def _viele_eintraege(speicher: Path) -> None:
    text = (BEISPIEL / "sa" / "SA-01.toml").read_text(encoding="utf-8").replace(
        'id = "SA-01"', 'id = "SA-194"')
    eintrag = '[[massnahmen]]\ntitel = "x"\nstatus = "kaputt"\n'
    (speicher / "sa" / "SA-194.toml").write_text(text + "\n" + eintrag * 100_000,
                                                encoding="utf-8")


_GEBAUT = (
    Art("symlink-kreis", "sa/SA-190.toml", "Verweis (Symlink) im Kreis", None, None,
        baue=_symlink("sa/SA-190.toml", "SA-190.toml")),
    Art("symlink-kreis-zu-zweit", "sa/SA-195.toml", "Verweis (Symlink) im Kreis", None, None,
        baue=_kreis_zu_zweit),
    Art("ordner-symlink-kreis", "sa/schleife", "Ordner ist ein Verweis", None, None,
        baue=_symlink("sa/schleife", ".")),
    Art("symlink-hinaus", "sa/SA-192.toml", "zeigt aus dem Zielspeicher hinaus", None, None,
        baue=_symlink("sa/SA-192.toml", "/etc/passwd")),
    Art("symlink-kette-hinaus", "sa/SA-193.toml", "zeigt aus dem Zielspeicher hinaus", None,
        None, baue=_kette_hinaus),
    Art("symlink-ins-leere", "sa/SA-196.toml", "nicht lesbar", None, None,
        baue=_symlink("sa/SA-196.toml", "gibt-es-nicht.toml")),
    Art("100000-ungueltige-eintraege", "sa/SA-194.toml",
        "ist kein gültiger Wert für Status", None, "massnahmen.7.status", anzahl=100_000,
        baue=_viele_eintraege),
)

ARTEN: tuple[Art, ...] = (*(_aus_datei(d) for d in sorted(KAPUTT.rglob("*.toml"))), *_GEBAUT)
"""Every kind of broken input: the corpus files, then the built ones."""
ZIEL_ARTEN = tuple(a for a in ARTEN if not a.rahmen)
RAHMEN_ARTEN = tuple(a for a in ARTEN if a.rahmen)


def lege_an(art: Art, speicher: Path) -> None:
    """Put the broken file of *art* into the existing store folder *speicher*."""
    if art.baue is not None:
        art.baue(speicher)
        return
    assert art.quelle is not None
    ziel = art.pfad(speicher)
    ziel.parent.mkdir(exist_ok=True)
    shutil.copyfile(art.quelle, ziel)


def speicher_mit(art: Art, ordner: Path) -> Path:
    """A copy of the example store at *ordner* with the broken file of *art* in it."""
    shutil.copytree(BEISPIEL, ordner, symlinks=True)
    lege_an(art, ordner)
    return ordner
