"""The merge's edits fit the edit path: written onto OUR file with tomlkit, comments survive."""

from __future__ import annotations

import datetime as dt
import tomllib
from typing import Any

from strategie.modell.operationen import Anhaengen, Operation, Setze
from strategie.team.feldaenderungen import Aenderung, Entfernen, Setzen, wende_an
from strategie.team.zusammenfuehren import fuehre_zusammen, gleich
from strategie.toml.schreiben import schreibe_operationen
from tests.conftest import BEISPIEL

BASIS = (BEISPIEL / "sa" / "SA-03.toml").read_text(encoding="utf-8")


def als_operationen(daten: dict[str, Any], aenderungen: tuple[Aenderung, ...]
                    ) -> tuple[Operation, ...]:
    """The edits as the edit path's operations, where it has one (see feldaenderungen)."""
    operationen: list[Operation] = []
    for aenderung in aenderungen:
        if isinstance(aenderung, Setzen):
            operationen.append(Setze(aenderung.pfad, aenderung.wert))
        elif isinstance(aenderung, Entfernen):
            assert not aenderung.pfad.split(".")[-1].isdigit(), "Listeneintrag entfernen"
            operationen.append(Setze(aenderung.pfad, None))
        else:
            liste: Any = daten
            for teil in aenderung.pfad.split("."):
                liste = liste[int(teil) - 1] if isinstance(liste, list) else liste.get(teil, [])
            assert aenderung.nummer == len(liste) + 1, "Einfügen vor dem Ende"
            operationen.append(Anhaengen(aenderung.pfad, aenderung.werte))
        daten = wende_an(daten, (aenderung,))
    return tuple(operationen)


def ersetze(text: str, alt: str, neu: str) -> str:
    assert text.count(alt) == 1, alt
    return text.replace(alt, neu)


def test_ihre_aenderungen_landen_schluesselweise_in_unserer_datei() -> None:
    unsere = ersetze(BASIS, 'status = "im Regelbetrieb"',
                     'status = "umgesetzt"  # von Anna: Regelbetrieb erreicht')
    unsere = ersetze(unsere, "[[kennzahlen.messwerte]]\nstichtag = 2026-06-30\nwert = 93\n",
                     "[[kennzahlen.messwerte]]\nstichtag = 2026-06-30\nwert = 93\n"
                     "# Halbjahreswert aus dem Fachverfahren\n"
                     "[[kennzahlen.messwerte]]\nstichtag = 2026-09-30\nwert = 91\n")
    ihre = ersetze(BASIS, 'ampel = "gelb"', 'ampel = "grün"')
    ihre = ersetze(ihre, "stand = 2026-10-30", "stand = 2026-11-24")
    ihre = ersetze(ihre, "[[kennzahlen.messwerte]]\nstichtag = 2026-06-30\nwert = 93\n",
                   "[[kennzahlen.messwerte]]\nstichtag = 2026-06-30\nwert = 93\n"
                   "[[kennzahlen.messwerte]]\nstichtag = 2026-12-31\nwert = 88\n")
    ihre = ersetze(ihre, '[[beschluesse]]', '[[massnahmen]]\ntitel = "Wartezeiten messen"\n\n'
                   '[[beschluesse]]')
    daten_unsere = tomllib.loads(unsere)
    ergebnis = fuehre_zusammen(tomllib.loads(BASIS), daten_unsere, tomllib.loads(ihre))
    assert ergebnis.konflikte == ()
    assert ergebnis.daten is not None
    operationen = als_operationen(daten_unsere, ergebnis.aenderungen_fuer_unsere)
    text = schreibe_operationen(unsere, operationen)
    assert gleich(tomllib.loads(text), ergebnis.daten)
    assert "# von Anna: Regelbetrieb erreicht" in text
    assert "# Halbjahreswert aus dem Fachverfahren" in text
    assert 'ampel = "grün"' in text and "stand = 2026-11-24" in text
    tage = [m["stichtag"] for m in ergebnis.daten["kennzahlen"][0]["messwerte"]]
    assert tage[-2:] == [dt.date(2026, 9, 30), dt.date(2026, 12, 31)]
