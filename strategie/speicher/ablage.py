"""The file layout of a store: the one place that knows which files are goals and where they lie.

A store is a folder with the frame file ``strategie.toml`` and one folder per Amt
(``Amt.ordner``, by default the Kürzel in lower case) holding one file ``<ID>.toml`` per goal.
Names starting with a dot are not part of the store.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from strategie.modell.befund import Befund, StrategieFehler, os_fehlertext
from strategie.speicher.namen import RAHMEN_DATEI as RAHMEN_DATEI  # part of the layout
from strategie.speicher.namen import STANDARD_ORDNER as STANDARD_ORDNER  # part of the layout

TYPE_CHECKING = False  # typing itself is not imported: sync and zeige start faster
if TYPE_CHECKING:
    from strategie.modell.rahmen import Rahmen



def ist_zieldatei(relpfad: str) -> bool:
    """Whether a path relative to the store (``sa/SA-03.toml``) names a goal file."""
    return (relpfad.endswith(".toml") and relpfad != RAHMEN_DATEI
            and not any(teil.startswith(".") for teil in relpfad.split("/")))


def pruefe_ausgabeziel(ziel: Path, speicher: Path | None) -> None:
    """Refuse a report's output file (``--ausgabe``) that would overwrite a goal file, the
    frame, or anything inside a git directory; a German error naming what it is."""
    echt = Path(os.path.realpath(ziel))
    if ".git" in echt.parts or ".git" in ziel.absolute().parts:
        raise StrategieFehler(f"--ausgabe {ziel}: liegt im git-Verzeichnis; dorthin wird nichts "
                              "geschrieben. Bitte eine Datei außerhalb von .git wählen.")
    orte = [Path(os.path.realpath(speicher))] if speicher is not None else []
    orte += [o for o in echt.parents if (o / RAHMEN_DATEI).is_file()]
    for ort in orte:
        if not echt.is_relative_to(ort):
            continue
        relpfad = echt.relative_to(ort).as_posix()
        if relpfad == RAHMEN_DATEI or ist_zieldatei(relpfad):
            was = "die Rahmendatei" if relpfad == RAHMEN_DATEI else "eine Zieldatei"
            raise StrategieFehler(f"--ausgabe {ziel}: das ist {was} des Zielspeichers {ort}; "
                                  "ein Bericht überschreibt sie nicht. Bitte eine andere Datei "
                                  "wählen (z. B. bericht.html außerhalb des Speichers).")


def ist_zieldatei_im_repo(datei: str, praefix: str) -> bool:
    """Whether a repository path is a goal file in an Amt folder of the store at *praefix*.

    *praefix* is the store folder inside the repository ('' = the root). The history counts
    only files inside a folder; a misplaced goal file at the top of the store is loaded (and
    reported), but its commits are not among the Änderungen.
    """
    if praefix and not datei.startswith(praefix + "/"):
        return False
    relativ = im_speicher(datei, praefix)
    return "/" in relativ and ist_zieldatei(relativ)


def im_speicher(datei: str, praefix: str) -> str:
    """A repository path inside the store at *praefix*, relative to the store folder."""
    return datei[len(praefix) + 1:] if praefix else datei


def datei_des_ziels(verzeichnis: Path, rahmen: Rahmen, ziel_id: str) -> Path:
    """The file of a goal: ``<Amt-Ordner>/<ID>.toml`` (any folder as a fallback)."""
    from strategie.modell.feld import ID_MUSTER
    from strategie.modell.werte import normalisiere_id  # not needed just to find the store

    ziel_id = normalisiere_id(ziel_id)
    if not ID_MUSTER.match(ziel_id):
        raise StrategieFehler(f'"{ziel_id}" ist keine gültige Ziel-ID (Kürzel und Nummer, '
                              f"z. B. {rahmen.aemter[0].kuerzel if rahmen.aemter else 'SA'}-01)"
                              "; nichts wurde verändert.")
    amt = rahmen.amt(ziel_id.rsplit("-", 1)[0])
    if amt is not None and (verzeichnis / amt.ordner / f"{ziel_id}.toml").is_file():
        return verzeichnis / amt.ordner / f"{ziel_id}.toml"
    gefunden = sorted(verzeichnis.glob(f"*/{ziel_id}.toml"))
    if gefunden:
        return gefunden[0]
    raise StrategieFehler(f"Kein Ziel mit der ID {ziel_id} (keine Datei {ziel_id}.toml).")


def neue_datei(verzeichnis: Path, rahmen: Rahmen, ziel_id: str) -> Path:
    """Where a new goal's file goes (its Amt's folder); an error if the id is taken."""
    from strategie.modell.feld import ID_MUSTER
    from strategie.modell.werte import normalisiere_id

    ziel_id = normalisiere_id(ziel_id)
    amt = rahmen.amt(ziel_id.rsplit("-", 1)[0])
    if amt is None or not ID_MUSTER.match(ziel_id):
        raise StrategieFehler(f'"{ziel_id}" ist keine ID eines Amts aus dem Rahmen (Kürzel und '
                              f"Nummer, z. B. {rahmen.aemter[0].kuerzel}-01).")
    vorhanden = sorted(verzeichnis.glob(f"*/{ziel_id}.toml")) + sorted(
        verzeichnis.glob(f"{ziel_id}.toml"))
    if vorhanden:
        raise StrategieFehler(f"Die ID {ziel_id} ist schon vergeben: "
                              f"{vorhanden[0].relative_to(verzeichnis).as_posix()}")
    return verzeichnis / amt.ordner / f"{ziel_id}.toml"


def naechste_freie_id(verzeichnis: Path, rahmen: Rahmen, kuerzel: str,
                vergeben: Iterable[str] = ()) -> str:
    """The next free id of an Amt: one above the highest number it has used.

    Counted are the goal files in any folder of the store (an id is unique in the store) and
    the ids in *vergeben* (e.g. of files deleted since, from the history). Numbers are
    compared as numbers (SA-10 after SA-9); gaps are not filled, so that an id once used
    never names another goal. The number has at least two digits, as in the Abschlussbericht's
    numbering (SA-08).
    """
    from strategie.modell.werte import normalisiere_id

    amt = rahmen.amt(normalisiere_id(kuerzel))
    if amt is None:
        raise StrategieFehler(f'Amt "{kuerzel}" ist unbekannt. Möglich: '
                              f"{', '.join(a.kuerzel for a in rahmen.aemter)}")
    muster = re.compile(rf"^{re.escape(amt.kuerzel)}-(\d+)$")
    namen = [p.stem for p in verzeichnis.glob("*.toml")]
    namen += [p.stem for p in verzeichnis.glob("*/*.toml")]
    nummern = [(int(t.group(1)), len(t.group(1))) for n in [*namen, *vergeben]
               if (t := muster.match(normalisiere_id(n)))]
    hoechste, stellen = max(nummern, default=(0, 2))
    return f"{amt.kuerzel}-{hoechste + 1:0{max(2, stellen)}d}"


def vermutete_datei(verzeichnis: Path, ziel_id: str) -> Path:
    """Where a goal's file usually lies, without reading the frame: the default Amt folder."""
    from strategie.modell.werte import normalisiere_id

    ziel_id = normalisiere_id(ziel_id)
    return verzeichnis / ziel_id.rsplit("-", 1)[0].lower() / f"{ziel_id}.toml"


def pfadangabe_in_allen_ordnern(praefix: str, ziel_id: str) -> str:
    """A git pathspec for the goal's file in any Amt folder (e.g. a file deleted since)."""
    from strategie.modell.werte import normalisiere_id

    name = re.sub(r"([*?\[\]\\])", r"\\\1", normalisiere_id(ziel_id))  # never a pattern
    return f":(glob){praefix + '/' if praefix else ''}*/{name}.toml"


def dateien_der_arbeitskopie(verzeichnis: Path, verweise: list[str] | None = None
                             ) -> Iterator[tuple[str, bytes | Befund]]:
    """Yield every goal file under the store folder; refuse symlinks that leave the store.

    The paths of all symlinks met are added to *verweise* if given.
    """
    wurzel = os.path.realpath(verzeichnis)
    stapel = [(wurzel, "")]
    while stapel:
        ordner, praefix = stapel.pop()
        with os.scandir(ordner) as eintraege:
            eintraege_sortiert = sorted(eintraege, key=lambda e: e.name, reverse=True)
        unterordner = []
        for eintrag in reversed(eintraege_sortiert):
            name = eintrag.name
            if name.startswith("."):
                continue
            relpfad = praefix + name
            if eintrag.is_symlink():
                if verweise is not None:
                    verweise.append(relpfad)
                befund = _symlink_befund(eintrag.path, wurzel)
                if befund is not None:
                    yield relpfad, befund
                    continue
            if eintrag.is_dir():
                unterordner.append((eintrag.path, relpfad + "/"))
            elif ist_zieldatei(relpfad):
                yield relpfad, _lies_datei(eintrag)
        stapel.extend(reversed(unterordner))


def signatur(verzeichnis: Path) -> tuple[int, int, int]:
    """(number, newest mtime, total size) of the store's TOML files: changes when any changes.

    Cheap enough to poll every few seconds (one stat per file) so that edits made outside the
    app – an editor, `git pull` – are noticed.
    """
    anzahl = neuestes = groesse = 0
    stapel = [str(verzeichnis)]
    while stapel:
        try:
            eintraege = list(os.scandir(stapel.pop()))
        except OSError:
            continue
        for eintrag in eintraege:
            if eintrag.name.startswith("."):
                continue
            try:
                if eintrag.is_dir(follow_symlinks=False):
                    stapel.append(eintrag.path)
                elif eintrag.name.endswith(".toml"):
                    info = eintrag.stat()
                    anzahl += 1
                    neuestes = max(neuestes, info.st_mtime_ns)
                    groesse += info.st_size
            except OSError:
                continue
    return anzahl, neuestes, groesse


def _symlink_befund(pfad: str, wurzel: str) -> Befund | None:
    try:
        os.stat(pfad)
    except OSError as fehler:
        if fehler.errno == errno.ELOOP:
            return Befund(Path(pfad), "Verweis (Symlink) im Kreis: er zeigt über sich selbst "
                                      "oder andere Verweise auf sich zurück; nicht lesbar")
    ziel = os.path.realpath(pfad)
    if ziel == wurzel or ziel.startswith(wurzel + os.sep):
        if os.path.isdir(ziel):
            return Befund(Path(pfad), "Ordner ist ein Verweis (Symlink) innerhalb des Speichers; "
                                      "wird nicht doppelt gelesen")
        return None
    art = "Ordner ist ein Verweis" if os.path.isdir(ziel) else "Verweis"
    return Befund(Path(pfad), f"{art} (Symlink) zeigt aus dem Zielspeicher hinaus ({ziel}); "
                              "aus Sicherheitsgründen nicht gelesen")


def _lies_datei(eintrag: os.DirEntry[str]) -> bytes | Befund:
    try:
        if not eintrag.is_file():
            return Befund(Path(eintrag.path),
                          "Keine gewöhnliche Datei (oder Verweis ins Leere); nicht lesbar")
        with open(eintrag.path, "rb") as datei:
            return datei.read()
    except OSError as fehler:
        return Befund(Path(eintrag.path), f"Datei nicht lesbar: {os_fehlertext(fehler)}")
