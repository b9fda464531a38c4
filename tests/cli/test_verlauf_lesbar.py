"""History that reads well: a commit for many goals once, word diffs without git's marks,
list entries named by what they are (not by their number), trailers as before."""

from __future__ import annotations

import re
from pathlib import Path

from strategie.aendern.bearbeiten import aendere
from strategie.ausgabe.wortdiff import markiert, wortdiff
from strategie.modell.operationen import Setze, Zielaenderung
from tests.cli.terminal import im_terminal
from tests.conftest import git, trailer

_GIT_MARKEN = re.compile(r"\[-|-\]|\{\+|\+\}")


def test_sammelaenderung_einmal_statt_je_ziel(cli, verlauf_repo: Path) -> None:  # type: ignore[no-untyped-def]
    store = str(verlauf_repo)
    for format_ in ("tabelle", "markdown"):
        aus = cli("aenderungen", "--seit", "2020-01-01", "--format", format_, "--store", store)
        assert aus.code == 0, aus.err
        assert aus.out.count("Beispielspeicher übernommen") == 1, (format_, aus.out)
        assert "46 Ziele angelegt" in aus.out and "Sammeländerung" in aus.out
        assert "Ziel angelegt" not in aus.out  # no goal repeats the import
        # the later changes stay, under their goal, with their comments
        assert "DEZ-01" in aus.out and "Controllingbericht beschlossen." in aus.out
        assert "Träger der Integrationsmanagements" in aus.out
        assert len(aus.out.splitlines()) < 40, (format_, len(aus.out.splitlines()))
    # JSON keeps one entry per goal and commit: scripts see everything
    roh = cli("aenderungen", "--seit", "2020-01-01", "--format", "json", "--store", store)
    assert roh.out.count('"art": "angelegt"') == 46


def test_markiert_ohne_git_notation() -> None:
    stuecke = wortdiff("Das Ziel ist im Landkreis gut erreicht worden",
                       "Erstes Ziel ist im Landkreis gut erreicht worden")
    assert markiert(stuecke) == "~~Das~~ **Erstes** Ziel ist im Landkreis gut erreicht worden"
    assert markiert(wortdiff("a b c", "a x c")) == "a ~~b~~ **x** c"
    assert markiert(wortdiff("eins zwei", "eins zwei drei")) == "eins zwei **drei**"


def _steckbrief_geaendert(speicher: Path) -> str:
    """Change a word of SA-01's Aktueller Stand; returns the new text."""
    datei = speicher / "sa" / "SA-01.toml"
    import tomllib

    alt = tomllib.loads(datei.read_text(encoding="utf-8"))["steckbrief"]["aktueller_stand"]
    woerter = alt.split()
    neu = " ".join(["Inzwischen", *woerter[1:]])
    aendere(speicher, [Zielaenderung("SA-01", (Setze("steckbrief.aktueller_stand", neu),))],
            "Ein Wort geändert.")
    return woerter[0]


def test_wortdiff_in_datei_und_markdown_lesbar(cli, verlauf_repo: Path) -> None:  # type: ignore[no-untyped-def]
    erstes = _steckbrief_geaendert(verlauf_repo)
    for format_ in ("tabelle", "markdown"):
        aus = cli("verlauf", "SA-01", "--format", format_, "--store", str(verlauf_repo))
        assert aus.code == 0, aus.err
        assert not _GIT_MARKEN.search(aus.out), aus.out
        assert f"~~{erstes}~~ **Inzwischen**" in aus.out, aus.out
    aus = cli("aenderungen", "--seit", "2026-11-01", "--store", str(verlauf_repo))
    assert f"~~{erstes}~~ **Inzwischen**" in aus.out and not _GIT_MARKEN.search(aus.out)


def test_wortdiff_im_terminal_durchgestrichen(verlauf_repo: Path) -> None:
    erstes = _steckbrief_geaendert(verlauf_repo)
    code, ausgabe = im_terminal(["verlauf", "SA-01", "--store", str(verlauf_repo)],
                                umgebung={"TERM": "xterm-256color", "COLUMNS": "200"})
    assert code == 0, ausgabe
    assert not _GIT_MARKEN.search(ausgabe) and "~~" not in ausgabe, ausgabe
    stile = {m.group(1): m.group(2) for m in re.finditer(r"\x1b\[([0-9;]+)m([^\x1b]*)", ausgabe)}
    durch = [text for sgr, text in stile.items() if "9" in sgr.split(";")]
    assert any(erstes in text for text in durch), stile  # the removed word is struck through
    assert erstes in ausgabe and "Inzwischen" in ausgabe


def test_betreff_nennt_messwert_und_kennzahl(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    store = str(repo / "ziele")
    aus = cli("messwert", "SA-01", "1", "2026-12-31", "61", "-m", "Halbjahr", "--store", store)
    assert aus.code == 0, aus.err
    betreff = git(repo, "log", "-1", "--format=%s").strip()
    assert re.search(r"Messwert \d+ ", betreff) is None, betreff
    assert betreff.startswith("SA-01: Messwert 31.12.2026 = 61 hinzugefügt zu Kennzahl „"), betreff
    # the trailers stay as before: field path with the list position, value as before
    paare = trailer(repo)
    feld = next(w for k, w in paare if k == "Feld")
    assert re.fullmatch(r"kennzahlen\.1\.messwerte\.\d+", feld), paare
    assert ("Neu", "31.12.2026: 61") in paare, paare
    # and the history says the same
    verlauf = cli("verlauf", "SA-01", "--store", store).out
    assert "Messwert 31.12.2026 = 61 hinzugefügt zu Kennzahl „" in verlauf, verlauf


def test_betreff_nennt_massnahme(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    aus = cli("massnahme", "SA-01", "Kurzzeitpflege ausbauen", "--store", str(repo / "ziele"))
    assert aus.code == 0, aus.err
    betreff = git(repo, "log", "-1", "--format=%s").strip()
    assert betreff == "SA-01: Maßnahme „Kurzzeitpflege ausbauen“ hinzugefügt", betreff
