"""The goal JSON made piece by piece is exactly the json module's indented text."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

from strategie.text.jsontext import als_json, json_array, json_element

BEISPIELE = sorted((Path(__file__).resolve().parents[2] / "ziele").glob("*/*.toml"))
RAND = {"leer": [], "leere_tabelle": {}, "gemischt": [[], {}, [1, 2.5, float("inf"),
        float("nan"), -0.0, 1e300, True, False, None]], "datum": dt.date(2020, 1, 2),
        "zeit": dt.datetime(2020, 1, 2, 3, 4, 5), "uhr": dt.time(1, 2),
        "zeichen": 'x"\\\n\t\u0085\u202e\x7fä', 3: "Zahl als Schlüssel", "tupel": (1, 2)}


def test_element_und_array_wie_json_dumps() -> None:
    daten = [tomllib.loads(d.read_text(encoding="utf-8")) for d in BEISPIELE] + [RAND]
    for eintrag in daten:
        assert json_element(eintrag) == "  " + als_json(eintrag).replace("\n", "\n  ")
    for liste in ([], daten[:1], daten):
        assert "".join(json_array(json_element(d) for d in liste)) == als_json(liste)
