"""Commit messages: trailers round-trip, and only the tool's trailer block leaves the comment."""

from __future__ import annotations

import subprocess

from strategie.aendern.nachricht import Zielvorgang, nachricht
from strategie.git.trailer import kommentar_aus, lies_trailer
from strategie.modell.vergleich import Feldaenderung


def _vorgang(pfad: str, alt: object, neu: object) -> Zielvorgang:
    return Zielvorgang("SA-07", (Feldaenderung(pfad, alt, neu),), {"id": "SA-07"})


def test_kommentar_der_wie_ein_trailer_beginnt_bleibt() -> None:
    text = nachricht([_vorgang("status", "in Umsetzung", "zurückgestellt")],
                     "Ziel: verschoben auf 2027\nFeld: Pflege")
    assert kommentar_aus(text) == (
        "SA-07: Umsetzungsstand in Umsetzung → zurückgestellt",
        "Ziel: verschoben auf 2027\nFeld: Pflege")


def test_handcommit_mit_ziel_absatz_am_ende_bleibt_kommentar() -> None:
    assert kommentar_aus("Titel angepasst\n\nZiel: verschoben auf 2027\n") == (
        "Titel angepasst", "Ziel: verschoben auf 2027")
    assert kommentar_aus("x\n\nZiel: SA-07\nAlt: a\n") == ("x", "Ziel: SA-07\nAlt: a")


def test_leerer_wert_wird_lesbar_geschrieben_und_erkannt() -> None:
    text = nachricht([_vorgang("aktionsbereiche", ["Prävention"], [])], "Aufgeräumt")
    assert "\nNeu: (leer)\n" in text
    # git trims trailing blanks; the block still parses, git reads the same trailers
    bereinigt = subprocess.run(["git", "stripspace"], input=text, capture_output=True,
                               text=True, check=True).stdout
    assert kommentar_aus(bereinigt) == (bereinigt.splitlines()[0], "Aufgeräumt")
    geparst = subprocess.run(["git", "interpret-trailers", "--parse"], input=bereinigt,
                             capture_output=True, text=True, check=True).stdout
    paare = lies_trailer(bereinigt.rstrip().rsplit("\n\n", 1)[1])
    assert paare is not None and geparst.splitlines() == [f"{k}: {w}" for k, w in paare]
    assert ("Neu", "(leer)") in paare and ("Alt", "Prävention") in paare


def test_fehlendes_feld_ist_ein_strich() -> None:
    text = nachricht([_vorgang("ampel_begruendung", None, "Verzug")], "")
    assert "\nAlt: –\n" in text and kommentar_aus(text)[1] == ""


def test_strenge_trailerpruefung() -> None:
    assert lies_trailer("Ziel: SA-07\nFeld: status\nAlt: a\nNeu: b") is not None
    assert lies_trailer("Ziel: SA-07\nRueckgaengig-von: " + "a" * 40) is not None
    assert lies_trailer("Ziel: SA-07\nFeld: status\nAlt: a\nNeu:") is None
    assert lies_trailer("Ziel: SA-07\nFeld: status\nNeu: b") is None
    assert lies_trailer("Ziel: verschoben auf 2027") is None
    assert lies_trailer("Neu: b") is None
