"""Property: any single-field edit changes only that field's lines, and tomllib of the result
equals the intended data — over generated goal files with comments, blank lines and all
string styles."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import os
import tomllib
from dataclasses import dataclass, field
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategie.aendern.anwenden import wende_an
from strategie.modell.operationen import Setze
from strategie.toml.schreiben import schreibe_operationen

# Text with the characters that make TOML quoting hard: quotes, backslashes, umlauts, tabs.
ZEICHEN = st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs"),
                        include_characters='"\\\'\t€ßäöü')
EINZEILIG = st.text(ZEICHEN, min_size=1, max_size=40).filter(lambda t: t.strip() == t and t)
MEHRZEILIG = st.lists(st.text(ZEICHEN, max_size=120), min_size=1, max_size=4).map("\n".join)


@dataclass
class Datei:
    """A rendered goal file and, per field path, the 0-based line range of its key/value."""

    zeilen: list[str] = field(default_factory=list)
    spannen: dict[str, tuple[int, int]] = field(default_factory=dict)

    def schreibe(self, pfad: str, text: str) -> None:
        start = len(self.zeilen)
        self.zeilen.extend(text.split("\n"))
        self.spannen[pfad] = (start, len(self.zeilen))


def _basic(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # JSON strings are valid TOML basic strings


def _mehrzeilig_zeichen(zeichen: str) -> str:
    if zeichen in '\\"':
        return "\\" + zeichen
    if zeichen != "\n" and (ord(zeichen) < 32 and zeichen != "\t" or ord(zeichen) == 127):
        return f"\\u{ord(zeichen):04X}"
    return zeichen


def _wert(wert: Any, stil: str) -> str:
    if isinstance(wert, bool):
        return "true" if wert else "false"
    if isinstance(wert, (int, float, dt.date)):
        return wert.isoformat() if isinstance(wert, dt.date) else repr(wert)
    if isinstance(wert, list):
        return "[" + ", ".join(_basic(w) for w in wert) + "]"
    if stil == "mehrzeilig":
        escaped = "".join(_mehrzeilig_zeichen(c) for c in wert)
        if escaped.startswith("\n"):  # a newline right after the quotes would be trimmed
            escaped = "\\n" + escaped[1:]
        return f'"""{escaped}"""'
    if stil == "literal" and "'" not in wert and not any(ord(c) < 32 for c in wert):
        return f"'{wert}'"
    return _basic(wert)


@st.composite
def zieldateien(draw: st.DrawFn) -> tuple[str, dict[str, Any], Datei]:
    """A valid goal file with random comments, blank lines and string styles."""
    daten: dict[str, Any] = {
        "id": "SA-42", "titel": draw(EINZEILIG), "amt": "SA",
        "handlungsfeld": draw(st.integers(1, 4)),
        "status": draw(st.sampled_from(["in Umsetzung", "in Vorbereitung", "umgesetzt"])),
    }
    if draw(st.booleans()):
        daten["ampel"] = draw(st.sampled_from(["grün", "gelb", "grau"]))
    if draw(st.booleans()):
        daten["umsetzungsjahr"] = draw(st.integers(2023, 2030))
    if draw(st.booleans()):
        daten["leuchtturm"] = draw(st.booleans())
    if draw(st.booleans()):
        daten["beteiligte"] = draw(st.lists(EINZEILIG, max_size=3))
    daten["wirkungsziel"] = draw(MEHRZEILIG)
    daten["leistungsziel"] = draw(MEHRZEILIG)
    steckbrief = draw(st.booleans())
    if steckbrief:
        daten["steckbrief"] = {"stand": draw(st.dates(dt.date(2023, 1, 1), dt.date(2027, 12, 31))),
                               "aktueller_stand": draw(MEHRZEILIG)}
    massnahmen = draw(st.lists(st.tuples(EINZEILIG, st.sampled_from(
        ["offen", "in Arbeit", "umgesetzt"])), max_size=3))
    if massnahmen:
        daten["massnahmen"] = [{"titel": t, "status": s} for t, s in massnahmen]

    datei = Datei()
    kommentar = st.text(ZEICHEN, max_size=30).map(lambda t: "# " + t.replace("\n", " "))

    def rauschen() -> None:
        for _ in range(draw(st.integers(0, 2))):
            datei.zeilen.append(draw(st.one_of(kommentar, st.just(""))))

    for schluessel, wert in daten.items():
        if isinstance(wert, (dict, list)) and schluessel in ("steckbrief", "massnahmen"):
            continue
        rauschen()
        stil = draw(st.sampled_from(["basic", "literal", "mehrzeilig"])) if isinstance(
            wert, str) else "basic"
        if schluessel in ("wirkungsziel", "leistungsziel") or "\n" in str(wert):
            stil = "mehrzeilig"
        nachsatz = ("  " + draw(kommentar)) if draw(st.booleans()) and stil != "mehrzeilig" else ""
        datei.schreibe(schluessel, f"{schluessel} = {_wert(wert, stil)}{nachsatz}")
    if steckbrief:
        datei.zeilen += ["", "[steckbrief]"]
        rauschen()
        datei.schreibe("steckbrief.stand", f"stand = {daten['steckbrief']['stand'].isoformat()}")
        stand = _wert(daten["steckbrief"]["aktueller_stand"], "mehrzeilig")
        datei.schreibe("steckbrief.aktueller_stand", f"aktueller_stand = {stand}")
    for nummer, massnahme in enumerate(daten.get("massnahmen", []), start=1):
        datei.zeilen += ["", "[[massnahmen]]"]
        rauschen()
        datei.schreibe(f"massnahmen.{nummer}.titel", f"titel = {_basic(massnahme['titel'])}")
        datei.schreibe(f"massnahmen.{nummer}.status", f"status = {_basic(massnahme['status'])}")
    text = "\n".join(datei.zeilen) + "\n"
    assert tomllib.loads(text) == daten, text
    return text, daten, datei


@st.composite
def bearbeitungen(draw: st.DrawFn, daten: dict[str, Any]) -> Setze:
    """One edit of a field that exists in *daten* (a replacement, or removal if optional)."""
    kandidaten = ["titel", "status", "wirkungsziel", "leistungsziel", "handlungsfeld"]
    kandidaten += [k for k in ("ampel", "umsetzungsjahr", "leuchtturm", "beteiligte") if k in daten]
    if "steckbrief" in daten:
        kandidaten += ["steckbrief.stand", "steckbrief.aktueller_stand"]
    kandidaten += [f"massnahmen.{i}.{f}" for i in range(1, len(daten.get("massnahmen", [])) + 1)
                   for f in ("titel", "status")]
    pfad = draw(st.sampled_from(kandidaten))
    letzter = pfad.split(".")[-1]
    werte: dict[str, st.SearchStrategy[Any]] = {
        "titel": EINZEILIG, "wirkungsziel": MEHRZEILIG, "leistungsziel": MEHRZEILIG,
        "aktueller_stand": MEHRZEILIG, "handlungsfeld": st.integers(1, 4),
        "ampel": st.sampled_from(["grün", "gelb", "grau"]),
        "umsetzungsjahr": st.integers(2023, 2030),
        "leuchtturm": st.booleans(), "beteiligte": st.lists(EINZEILIG, max_size=3),
        "stand": st.dates(dt.date(2023, 1, 1), dt.date(2027, 12, 31)),
        "status": st.sampled_from(["offen", "in Arbeit", "umgesetzt"]) if "massnahmen" in pfad
        else st.sampled_from(["in Umsetzung", "in Vorbereitung", "umgesetzt"]),
    }
    entfernbar = pfad in ("ampel", "umsetzungsjahr", "leuchtturm", "beteiligte")
    if entfernbar and draw(st.booleans()):
        return Setze(pfad, None)
    return Setze(pfad, draw(werte[letzter]))


BEISPIELE = int(os.environ.get("BEISPIELE", "150"))
"""More examples for a deeper search: BEISPIELE=3000 python -m pytest tests/kern."""


@settings(max_examples=BEISPIELE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_eine_feldaenderung_beruehrt_nur_die_zeilen_des_felds(data: st.DataObject) -> None:
    text, daten, datei = data.draw(zieldateien())
    aenderung = data.draw(bearbeitungen(daten))
    ergebnis = schreibe_operationen(text, (aenderung,))

    assert tomllib.loads(ergebnis) == wende_an(daten, (aenderung,))

    alt, neu = text.split("\n"), ergebnis.split("\n")
    start, ende = datei.spannen[aenderung.pfad]
    danach = len(alt) - ende
    # every line before and after the field's own lines (comments, blank lines) is unchanged
    assert neu[:start] == alt[:start], (text, ergebnis)
    assert neu[len(neu) - danach:] == alt[ende:], (text, ergebnis)
    if aenderung.wert is None:
        assert len(neu) == len(alt) - (ende - start)  # removal: exactly the field's lines
    elif not isinstance(aenderung.wert, str):
        assert len(neu) == len(alt)  # scalar replacement: same line count


@settings(max_examples=60, deadline=None)
@given(zieldateien(), EINZEILIG)
def test_neues_feld_wird_als_eigene_zeilen_eingefuegt(datei_daten, text) -> None:  # type: ignore[no-untyped-def]
    quelle, daten, _ = datei_daten
    aenderung = Setze("verantwortlich", text)
    ergebnis = schreibe_operationen(quelle, (aenderung,))
    assert tomllib.loads(ergebnis) == wende_an(daten, (aenderung,))
    opcodes = difflib.SequenceMatcher(None, quelle.split("\n"), ergebnis.split("\n"),
                                      autojunk=False).get_opcodes()
    geaendert = [o for o in opcodes if o[0] != "equal"]
    assert [o[0] for o in geaendert] == ["insert"]
    _, _, _, b1, b2 = geaendert[0]
    assert ergebnis.split("\n")[b1:b2] == [f"verantwortlich = {_basic(text)}"]
