"""Stress: three clones make 50 random edits each (status, Ampel, Steckbrief text, Messwert,
Maßnahme) on a few shared goals, sync at random and resolve the conflicts at random; after a
final sync everywhere all clones and the remote are identical, every goal is valid, and every
edit is in the final state, was superseded by a later change of the same field, or was one
side of a resolved conflict — an expectation the test computes from its own record."""

from __future__ import annotations

import datetime as dt
import random
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from strategie.aendern.bearbeiten import aendere
from strategie.modell.operationen import Anhaengen, Operation, Setze, Zielaenderung
from strategie.modell.ziel import wert_an_pfad
from strategie.speicher.laden import lade_speicher
from strategie.team import sync
from strategie.team.loesen import loese
from tests.team.gitserver import Klon, Team, lauf
from tests.team.werkzeug import richte_team_ein

ZIELE = ("SA-03", "AKJF-01", "AGV-02", "AKJF-02")
"""Few goals, so that edits meet often; all have a Kennzahl."""
STATUS = ("in Vorbereitung", "in Umsetzung", "umgesetzt", "im Regelbetrieb", "zurückgestellt")
AMPEL = ("grün", "gelb", "rot", "grau")
EDITS = 50


@dataclass(frozen=True)
class Edit:
    """One edit as the test made it: who, which goal and field, which value."""

    klon: str
    nummer: int
    ziel: str
    feld: str
    wert: Any
    """For an appended Messwert or Maßnahme: the natural key (Stichtag, Titel)."""
    angehaengt: bool = False


@dataclass(frozen=True)
class Entschieden:
    """A resolved conflict: goal, field, both values."""

    ziel: str
    feld: str
    werte: tuple[Any, Any]


def _edit(rng: random.Random, klon: Klon, nummer: int) -> tuple[Edit, Zielaenderung, str]:
    ziel = rng.choice(ZIELE)
    tag = f"{klon.person.konto}-{nummer}"
    art = rng.choice(("status", "ampel", "steckbrief", "messwert", "massnahme"))
    kommentar = f"Änderung {tag}"
    operation: Operation
    if art == "status":
        wert: Any = rng.choice(STATUS)
        edit, operation = Edit(tag, nummer, ziel, "status", wert), Setze("status", wert)
    elif art == "ampel":
        wert = rng.choice(AMPEL)
        edit, operation = Edit(tag, nummer, ziel, "ampel", wert), Setze("ampel", wert)
    elif art == "steckbrief":
        wert = f"Sachstand laut {tag}: {rng.randrange(10**6)}"
        edit = Edit(tag, nummer, ziel, "steckbrief.aktueller_stand", wert)
        operation = Setze("steckbrief.aktueller_stand", wert)
    elif art == "messwert":
        versatz = "abc".index(klon.person.konto[0]) * 1000 + nummer
        stichtag = dt.date(2030, 1, 1) + dt.timedelta(days=versatz)
        edit = Edit(tag, nummer, ziel, "kennzahlen.1.messwerte", stichtag, angehaengt=True)
        operation = Anhaengen("kennzahlen.1.messwerte", {"stichtag": stichtag,
                                                          "wert": rng.randrange(100)})
    else:
        titel = f"Maßnahme {tag}"
        edit = Edit(tag, nummer, ziel, "massnahmen", titel, angehaengt=True)
        operation = Anhaengen("massnahmen", {"titel": titel, "status": "offen"})
    return edit, Zielaenderung(ziel, (operation,)), kommentar


def _gleiche_ab(klon: Klon, rng: random.Random, entschieden: list[Entschieden]) -> str:
    """Sync until done, resolving every conflict at random; the last result's kind."""
    ergebnis = sync.abgleich(klon.speicher)
    for _ in range(200):
        if ergebnis.art != "konflikt":
            return ergebnis.art
        for ziel in dict.fromkeys(k.ziel for k in ergebnis.konflikte):
            eigene = [k for k in ergebnis.konflikte if k.ziel == ziel]
            entschieden += [Entschieden(k.ziel, k.feld, (k.unser, k.ihr)) for k in eigene]
            loese(klon.speicher, ziel, wahl=rng.choice(("unsere", "ihre")))
        ergebnis = sync.weiter(klon.speicher)
    raise AssertionError("sync kam nicht zum Ende")


def _verlauf(repo: Any, ziel: str) -> list[dict[str, Any]]:
    """Every version of the goal's file along the final history, oldest first."""
    pfad = next(p for p in lauf(repo, "ls-files").stdout.split() if p.endswith(f"/{ziel}.toml"))
    commits = lauf(repo, "rev-list", "--reverse", "HEAD", "--", pfad).stdout.split()
    return [tomllib.loads(lauf(repo, "show", f"{c}:{pfad}").stdout) for c in commits]


def _schluessel(eintraege: Any, feld: str) -> set[Any]:
    name = "stichtag" if feld.endswith("messwerte") else "titel"
    return {e[name] for e in eintraege or ()}


def _pruefe_erwartung(klon: Klon, edits: list[Edit], entschieden: list[Entschieden]) -> None:
    fehlend = []
    for ziel in ZIELE:
        fassungen = _verlauf(klon.pfad, ziel)
        endstand = fassungen[-1]
        for edit in (e for e in edits if e.ziel == ziel):
            if edit.angehaengt:
                if edit.wert not in _schluessel(wert_an_pfad(endstand, edit.feld), edit.feld):
                    fehlend.append((edit, "angehängt, fehlt im Endstand"))
                continue
            werte = [wert_an_pfad(f, edit.feld) for f in fassungen]
            if werte[-1] == edit.wert:
                continue  # in the final state
            gesetzt = [i for i, w in enumerate(werte) if w == edit.wert]
            if gesetzt and any(w != edit.wert for w in werte[gesetzt[-1]:]):
                continue  # it landed, and a later change of the same field superseded it
            if any(e.ziel == ziel and e.feld == edit.feld and edit.wert in e.werte
                   for e in entschieden):
                continue  # one side of a conflict that was resolved
            fehlend.append((edit, f"Werte im Verlauf: {werte}"))
    assert not fehlend, fehlend


@pytest.mark.slow
def test_drei_klone_je_50_zufaellige_aenderungen(neues_team: Callable[[int], Team]) -> None:
    team = richte_team_ein(neues_team(3))
    rng = random.Random(20261203)
    edits: list[Edit] = []
    entschieden: list[Entschieden] = []
    syncs = 0
    reihenfolge = [k for k in team.klone for _ in range(EDITS)]
    rng.shuffle(reihenfolge)
    gezaehlt = {k.person.konto: 0 for k in team.klone}
    for klon in reihenfolge:
        gezaehlt[klon.person.konto] += 1
        edit, aenderung, kommentar = _edit(rng, klon, gezaehlt[klon.person.konto])
        try:
            aendere(klon.speicher, [aenderung], kommentar)
        except Exception as fehler:  # noqa: BLE001 – "already so" is no edit
            if "schon so gesetzt" not in str(fehler):
                raise
            continue
        edits.append(edit)
        if rng.random() < 0.3:
            syncs += 1
            assert _gleiche_ab(klon, rng, entschieden) in ("geteilt", "aktuell")
    for _ in range(3):
        for klon in team.klone:
            assert _gleiche_ab(klon, rng, entschieden) in ("geteilt", "aktuell")
    server = team.refs()["refs/heads/main"]
    assert [k.kopf() for k in team.klone] == [server] * 3
    for klon in team.klone:
        assert lauf(klon.pfad, "status", "--porcelain").stdout == ""
        speicher = lade_speicher(klon.speicher)
        assert speicher.befunde == () and len(speicher.ziele) == 46
    _pruefe_erwartung(team.klone[0], edits, entschieden)
    print(f"\nStress: {len(edits)} Änderungen, {syncs} zufällige Abgleiche, "
          f"{len(entschieden)} Konflikte gelöst, "
          f"{lauf(team.bare, 'rev-list', '--count', 'main').stdout.strip()} Commits.")
