"""Fortschreibung of the strategy: creating a goal (next free id, template) and retiring one.

Both go through the one edit path (``aendere``): a new goal is a ``Zielaenderung`` with the
text of its file (``anlegen``), a retirement sets the Umsetzungsstand 'entfallen' and adds the
Beschluss — one commit each, with a subject a reviewer reads in plain `git log`. The app and
the CLI call the functions here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from strategie.aendern.bearbeiten import Ergebnis, aendere
from strategie.aendern.sperre import schreibsperre
from strategie.git.repo import GitRepo
from strategie.modell.befund import StrategieFehler
from strategie.modell.feld import ZIEL, Abschnitt, Feld, Typ
from strategie.modell.operationen import Anhaengen, Operation, Setze, Zielaenderung
from strategie.modell.rahmen import ENTFALLEN, Rahmen
from strategie.speicher.ablage import im_speicher, naechste_freie_id
from strategie.speicher.rahmendatei import lade_rahmen
from strategie.text.format import datum_de
from strategie.toml.schreiben import schreibe_operationen

KOPF = "#:"
"""Lines of the editor template starting with this are explanations, not part of the file."""

PLATZHALTER: dict[str, Any] = {"titel": "", "handlungsfeld": 0, "wirkungsziel": "",
                               "leistungsziel": ""}
"""What the editor template holds for required fields not given yet (refused if kept)."""


def naechste_id(verzeichnis: Path, amt: str) -> str:
    """The next free id of *amt* in the store: above every number its files use or used.

    Ids of goal files deleted since (from the git history of the store) count as used: an
    id in a Vorlage or Beschluss must never come to name another goal.
    """
    verzeichnis = verzeichnis.resolve()
    return naechste_freie_id(verzeichnis, lade_rahmen(verzeichnis), amt,
                             vergeben=_geloeschte_ids(verzeichnis))


def _geloeschte_ids(verzeichnis: Path) -> list[str]:
    try:
        with GitRepo(verzeichnis) as repo:
            praefix = repo.praefix(verzeichnis)
            ausgabe = repo.git("log", "--diff-filter=D", "--name-only", "--format=", "--",
                               praefix or ".")
    except (StrategieFehler, ValueError):
        return []  # not in a repository, or none with commits
    return [Path(im_speicher(zeile, praefix)).stem for zeile in ausgabe.splitlines()
            if zeile.endswith(".toml")]


def _flach(werte: Mapping[str, Any], abschnitt: Abschnitt = ZIEL, praefix: str = ""
           ) -> Iterator[tuple[str, Any]]:
    """Field values as dotted paths in the specification's order (tables become paths)."""
    for eintrag in abschnitt.felder:
        if eintrag.name not in werte:
            continue
        wert = werte[eintrag.name]
        if isinstance(eintrag, Abschnitt) and not eintrag.liste and isinstance(wert, Mapping):
            yield from _flach(wert, eintrag, f"{praefix}{eintrag.name}.")
        else:
            yield f"{praefix}{eintrag.name}", wert


def operationen_fuer(rahmen: Rahmen, ziel_id: str, werte: Mapping[str, Any]
                     ) -> tuple[Operation, ...]:
    """The operations that write a new goal: id and Amt, the frame's template, then *werte*.

    The Umsetzungsstand defaults to the first of the frame's vocabulary; list sections
    (``massnahmen``, ``kennzahlen``) in *werte* are lists of tables and are appended.
    """
    kuerzel = ziel_id.rsplit("-", 1)[0]
    alle: dict[str, Any] = {"id": ziel_id, "amt": kuerzel,
                            "status": rahmen.umsetzungsstand[0].name}
    alle.update(dict(_flach(rahmen.vorlage)))
    alle.update(dict(_flach(werte)))
    operationen: list[Operation] = []
    for pfad, wert in sorted(alle.items(), key=lambda e: _rang(e[0])):
        eintrag = ZIEL.feld(pfad)
        if isinstance(eintrag, Abschnitt) and eintrag.liste:
            operationen += [Anhaengen(pfad, dict(tabelle)) for tabelle in wert]
        else:
            operationen.append(Setze(pfad, wert))
    return tuple(operationen)


def _rang(pfad: str) -> tuple[int, int]:
    namen = [e.name for e in ZIEL.felder]
    oben, _, unten = pfad.partition(".")
    abschnitt = ZIEL.feld(oben)
    innen = ([e.name for e in abschnitt.felder] if isinstance(abschnitt, Abschnitt) and unten
             else [])
    return namen.index(oben), innen.index(unten) + 1 if unten in innen else 0


def neues_ziel(rahmen: Rahmen, ziel_id: str, werte: Mapping[str, Any], *,
               text: str | None = None) -> Zielaenderung:
    """The change that creates goal *ziel_id*: from *werte* (and the frame's template), or the
    complete file *text* (from the editor), checked on the edit path before the commit."""
    if text is not None:
        return Zielaenderung(ziel_id, (), anlegen=text)
    return Zielaenderung(ziel_id, operationen_fuer(rahmen, ziel_id, werte), anlegen="")


def lege_an(verzeichnis: Path, amt: str, werte: Mapping[str, Any], kommentar: str = "", *,
            text: str | None = None, ziel_id: str | None = None) -> Ergebnis:
    """Create a goal of *amt* with the next free id: one commit 'SA-08 angelegt: Titel'.

    The write lock is held from choosing the id to the commit: two processes creating a goal
    of the same Amt at once get two ids."""
    with schreibsperre(verzeichnis):
        ziel_id = ziel_id or naechste_id(verzeichnis, amt)
        rahmen = lade_rahmen(verzeichnis.resolve())
        return aendere(verzeichnis, [neues_ziel(rahmen, ziel_id, werte, text=text)], kommentar)


def vorlage_text(rahmen: Rahmen, ziel_id: str, werte: Mapping[str, Any]) -> str:
    """The text opened in the editor for a new goal: the file as it would be, with
    placeholders for the required fields not given, and explanations (``KOPF`` lines)."""
    amt = rahmen.amt(ziel_id.rsplit("-", 1)[0])
    felder = {**{k: v for k, v in PLATZHALTER.items() if k not in werte}, **werte}
    datei = schreibe_operationen("", operationen_fuer(rahmen, ziel_id, felder))
    datei = datei.replace(' = """"""\n', ' = """\n"""\n')  # room to type between the quotes
    hf = ", ".join(f"{h.nummer} {h.name}" for h in rahmen.handlungsfelder)
    erklaerung = [
        f"Neues Ziel {ziel_id} ({amt.name if amt else ''}). Ausfüllen, speichern, Editor "
        "schließen; eine leere Datei bricht ab.",
        f"Zeilen, die mit {KOPF} beginnen, werden entfernt; eigene Kommentare (#) bleiben.",
        "Pflicht: titel, handlungsfeld, wirkungsziel (was erreicht werden soll), "
        "leistungsziel (was dafür getan wird).",
        f"Handlungsfelder: {hf}.",
        *_weitere_felder(rahmen),
    ]
    return "".join(f"{KOPF} {zeile}\n" for zeile in erklaerung) + datei


def _weitere_felder(rahmen: Rahmen) -> list[str]:
    zeilen = []
    for feld in ZIEL.felder:
        if not isinstance(feld, Feld) or feld.pflicht or feld.name.endswith("_begruendung"):
            continue
        art = (f"eins von: {', '.join(rahmen.vokabular(feld.vokabular))}" if feld.vokabular
               else feld.typ.value)
        if feld.typ is Typ.TEXTLISTE and feld.vokabular:
            art = f"Liste aus: {', '.join(rahmen.vokabular(feld.vokabular))}"
        zeilen.append(f"  {feld.name} = … ({feld.titel}; {art})")
    return ["Freiwillig, z. B.:", *zeilen]


def ohne_kopf(text: str) -> str:
    """The edited template without its explanation lines."""
    return "".join(z for z in text.splitlines(keepends=True) if not z.startswith(KOPF))


def entfalle(verzeichnis: Path, ziel_id: str, *, gremium: str, datum: dt.date,
             begruendung: str, drucksache: str = "", inhalt: str = "") -> Ergebnis:
    """Retire a goal by a Beschluss: Umsetzungsstand 'entfallen' with the *begruendung*, and
    the Beschluss added to ``beschluesse`` — one commit; file and history stay."""
    beschluss: dict[str, Any] = {"gremium": gremium.strip(), "datum": datum}
    if drucksache.strip():
        beschluss["drucksache"] = drucksache.strip()
    beschluss["inhalt"] = inhalt.strip() or "Das Ziel entfällt."
    quelle = f"{beschluss['gremium']} {datum_de(datum)}" + (
        f", Drucksache {beschluss['drucksache']}" if "drucksache" in beschluss else "")
    aenderung = Zielaenderung(ziel_id, (Setze("status", ENTFALLEN),
                                        Anhaengen("beschluesse", beschluss)),
                              betreff=f"entfallen ({quelle})")
    return aendere(verzeichnis, [aenderung], begruendung)
