"""A one-line value rewritten without tomlkit is exactly what the tomlkit way writes."""

from __future__ import annotations

import tomllib
from pathlib import Path

from strategie.modell.operationen import Setze
from strategie.toml.schreiben import schreibe_operationen
from strategie.toml.zeilenwert import ersetze_zeilenwerte

BEISPIELE = sorted((Path(__file__).resolve().parents[2] / "ziele").glob("*/*.toml"))


def test_gleich_wie_tomlkit_fuer_alle_einzeiligen_texte_der_beispiele() -> None:
    verglichen = 0
    for datei in BEISPIELE:
        text = datei.read_text(encoding="utf-8")
        daten = tomllib.loads(text)
        for name in ("status", "ampel", "titel", "verantwortlich"):
            if not isinstance(daten.get(name), str):
                continue
            for wert in ("in Umsetzung", "gelb", "Neu – mit Umlauten äöü"):
                operationen = (Setze(name, wert),)
                schnell = ersetze_zeilenwerte(text, operationen)
                if schnell is None:
                    continue
                assert schnell == schreibe_operationen(text, operationen), (datei, name)
                assert tomllib.loads(schnell) == daten | {name: wert}
                verglichen += 1
    assert verglichen > 100


def test_alles_andere_geht_den_tomlkit_weg() -> None:
    text = 'status = "umgesetzt"  # Notiz\nampel = \'rot\'\ntitel = """lang"""\n'
    assert ersetze_zeilenwerte(text, (Setze("status", "x"),)) == (
        'status = "x"  # Notiz\nampel = \'rot\'\ntitel = """lang"""\n')
    for operation in (Setze("ampel", "gelb"), Setze("titel", "kurz"),
                      Setze("status", 'mit "Anführung"'), Setze("status", "a\\b"),
                      Setze("status", "zwei\nZeilen"), Setze("status", None),
                      Setze("handlungsfeld", 3), Setze("fehlt", "x")):
        assert ersetze_zeilenwerte(text, (operation,)) is None, operation
