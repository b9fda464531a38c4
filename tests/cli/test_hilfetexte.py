"""Every command, argument and option of the CLI has a German help text."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

from strategie.cli.parser import baue_parser

ENGLISCH = re.compile(r"\b(the|show|this|and|of|to|for|with|from|file|message|"
                      r"default|optional|arguments|usage)\b", re.IGNORECASE)
"""Words that mark an English text (none of them is a German word)."""


def _parser_und_befehle() -> Iterator[tuple[str, argparse.ArgumentParser]]:
    parser = baue_parser()
    yield "strategie", parser
    for aktion in parser._actions:
        if isinstance(aktion, argparse._SubParsersAction):
            for name, unterparser in aktion.choices.items():
                yield f"strategie {name}", unterparser


def _fehlende() -> list[str]:
    fehlend = []
    for befehl, parser in _parser_und_befehle():
        if not parser.description or ENGLISCH.search(parser.description):
            fehlend.append(f"{befehl}: Beschreibung")
        for aktion in parser._actions:
            name = "/".join(aktion.option_strings) or aktion.dest
            if isinstance(aktion, argparse._SubParsersAction):
                for unter in aktion._choices_actions:
                    if not unter.help or ENGLISCH.search(unter.help):
                        fehlend.append(f"{befehl} {unter.dest}: {unter.help!r}")
                continue
            if aktion.help is argparse.SUPPRESS:
                continue
            if not aktion.help or ENGLISCH.search(str(aktion.help)):
                fehlend.append(f"{befehl} {name}: {aktion.help!r}")
    return fehlend


def test_jede_angabe_hat_einen_deutschen_hilfetext() -> None:
    assert _fehlende() == []


def test_hilfe_ist_deutsch(cli) -> None:  # type: ignore[no-untyped-def]
    for befehl, _ in _parser_und_befehle():
        argumente = befehl.split()[1:]
        ausgabe = cli(*argumente, "--help").out
        assert ausgabe.startswith("Aufruf: "), befehl
        assert "diese Hilfe zeigen und beenden" in ausgabe, befehl
        assert not ENGLISCH.search(ausgabe.replace("--store", "").replace("$EDITOR", "")), (
            befehl, ENGLISCH.findall(ausgabe))


ENGLISCHE_MELDUNGEN = re.compile(r"usage:|error:|the following|unrecognized|invalid|choose from|"
                                 r"expected|ambiguous|not allowed|required|could match")
"""argparse's own English message texts."""


def test_fehlermeldungen_von_argparse_sind_deutsch(cli) -> None:  # type: ignore[no-untyped-def]
    falsch = {
        ("status",): "diese Angaben fehlen: ID, WERT",
        ("--gibtsnicht",): "unbekannte Angaben: --gibtsnicht",
        ("liste", "--format", "x"): "ungültige Wahl: 'x' (möglich: 'tabelle'",
        ("bericht", "--monate", "x"): "ungültiger Wert: 'x'",
        ("liste", "--stand", "2026-01-01", "--rev", "HEAD"): "nicht zusammen mit --stand erlaubt",
        ("liste", "--amt"): "erwartet einen Wert",
        ("liste", "--a"): "mehrdeutige Option: --a passt zu",
        ("gibtsnicht",): "ungültige Wahl: 'gibtsnicht'",
        ("sync", "--weiter", "--abbrechen"): "nicht zusammen mit --weiter erlaubt",
    }
    for argumente, erwartet in falsch.items():
        ergebnis = cli(*argumente)
        assert ergebnis.code == 2, argumente
        assert ergebnis.err.startswith("Aufruf: strategie"), (argumente, ergebnis.err)
        assert ": Fehler: " in ergebnis.err and erwartet in ergebnis.err, (argumente, ergebnis.err)
        assert not ENGLISCHE_MELDUNGEN.search(ergebnis.err), (argumente, ergebnis.err)
