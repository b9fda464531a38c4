"""Inserting an entry before the end of a list and removing a table or an entry: key by key,
the diff a pure insertion or removal, the user's comments kept (``FuegeEin``, ``Entferne``)."""

from __future__ import annotations

import datetime as dt
import difflib
import tomllib
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategie.aendern.anwenden import wende_an
from strategie.modell.befund import StrategieFehler
from strategie.modell.operationen import Anhaengen, Entferne, FuegeEin, Operation, pruefe_pfad
from strategie.toml.schreiben import schreibe_operationen
from tests.conftest import BEISPIEL
from tests.kern.test_minimale_aenderung import zieldateien

SA03 = (BEISPIEL / "sa" / "SA-03.toml").read_text(encoding="utf-8")


def ersetze(text: str, alt: str, neu: str) -> str:
    assert text.count(alt) == 1, alt
    return text.replace(alt, neu)


def geschrieben(text: str, *operationen: Operation) -> str:
    """The edited text, checked against the intended data."""
    ergebnis = schreibe_operationen(text, operationen)
    assert tomllib.loads(ergebnis) == wende_an(tomllib.loads(text), operationen)
    return ergebnis


def aenderung(alt: str, neu: str) -> tuple[str, list[str], list[str]]:
    """The one changed block: its kind, the lines removed and the lines inserted.

    A pure insertion or removal is recognised as such wherever a diff would align it.
    """
    a, b = alt.split("\n"), neu.split("\n")
    kurz, lang, art = (b, a, "delete") if len(b) < len(a) else (a, b, "insert")
    anfang = next((i for i, (x, y) in enumerate(zip(kurz, lang, strict=False)) if x != y),
                  len(kurz))
    ende = len(lang) - (len(kurz) - anfang)
    if lang[:anfang] + lang[ende:] == kurz:
        block = lang[anfang:ende]
        return art, *((block, []) if art == "delete" else ([], block))  # type: ignore[return-value]
    bloecke = [o for o in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
               if o[0] != "equal"]
    assert len(bloecke) == 1, bloecke
    art, a1, a2, b1, b2 = bloecke[0]
    return art, a[a1:a2], b[b1:b2]


def messwert(tag: str, wert: float) -> dict[str, Any]:
    return {"stichtag": dt.date.fromisoformat(tag), "wert": wert}


def test_messwert_zwischen_zwei_anderen_bleibt_nach_stichtag_sortiert() -> None:
    text = geschrieben(SA03, FuegeEin("kennzahlen.1.messwerte", 2, messwert("2024-06-30", 85)))
    tage = [m["stichtag"].isoformat() for m in tomllib.loads(text)["kennzahlen"][0]["messwerte"]]
    assert tage == ["2023-12-31", "2024-06-30", "2024-12-31", "2025-12-31", "2026-06-30"]
    art, weg, dazu = aenderung(SA03, text)
    assert art == "insert" and weg == []
    assert sorted(dazu) == sorted(["[[kennzahlen.messwerte]]", "stichtag = 2024-06-30",
                                   "wert = 85"])


def test_massnahme_am_anfang_haelt_den_takt_der_leerzeilen() -> None:
    text = geschrieben(SA03, FuegeEin("massnahmen", 1, {"titel": "Neu", "status": "offen"}))
    assert ('[[massnahmen]]\ntitel = "Neu"\nstatus = "offen"\n\n[[massnahmen]]\n'
            'titel = "Gesamtplanverfahren') in text
    assert aenderung(SA03, text)[0] == "insert"


def test_einfuegen_am_ende_ist_anhaengen() -> None:
    werte = {"titel": "Neu"}
    assert (schreibe_operationen(SA03, (FuegeEin("massnahmen", 5, werte),))
            == schreibe_operationen(SA03, (Anhaengen("massnahmen", werte),)))


def test_eintrag_entfernen_entfernt_genau_seine_zeilen() -> None:
    text = geschrieben(SA03, Entferne("massnahmen.2"))
    art, weg, dazu = aenderung(SA03, text)
    assert art == "delete" and dazu == []
    assert 'titel = "Vereinbarungen der besonderen Wohnformen umstellen"' in weg
    assert len(weg) == 5  # header, three keys, the blank line


def test_kommentare_ueber_dem_naechsten_eintrag_bleiben() -> None:
    quelle = ersetze(SA03, '[[massnahmen]]\ntitel = "Bestandsfälle',
                     '# bis Mitte 2027\n\n# die dritte\n[[massnahmen]]\ntitel = "Bestandsfälle')
    text = geschrieben(quelle, Entferne("massnahmen.2"))
    assert "# bis Mitte 2027\n\n# die dritte\n[[massnahmen]]\ntitel = \"Bestandsfälle" in text
    # a comment right above a removed entry's header introduced it: it goes with it
    text = geschrieben(quelle, Entferne("massnahmen.3"))
    assert "# die dritte" not in text and "# bis Mitte 2027" in text


def test_ersten_eintrag_entfernen_laesst_den_kommentar_des_zweiten() -> None:
    quelle = ersetze(SA03, '[[massnahmen]]\ntitel = "Vereinbarungen',
                     '# zweite Maßnahme\n\n[[massnahmen]]\ntitel = "Vereinbarungen')
    text = geschrieben(quelle, Entferne("massnahmen.1"))
    assert 'Fälle."""\n\n# zweite Maßnahme\n\n[[massnahmen]]\ntitel = "Vereinbarungen' in text


def test_tabelle_entfernen_und_letzten_eintrag_entfernen() -> None:
    quelle = ersetze(SA03, "[steckbrief]", "# Steckbrief nach Vorlage 2024/144\n[steckbrief]")
    text = geschrieben(quelle, Entferne("haushalt"))
    assert "[haushalt]" not in text and "mittel_plan" not in text
    assert "# Steckbrief nach Vorlage 2024/144\n[steckbrief]" in text
    text = geschrieben(SA03, Entferne("beschluesse.1"))
    assert "beschluesse" not in tomllib.loads(text) and "[[beschluesse]]" not in text
    text = geschrieben(SA03, *(Entferne(f"kennzahlen.1.messwerte.{n}") for n in (4, 3, 2, 1)))
    assert "messwerte" not in tomllib.loads(text)["kennzahlen"][0]


def test_inline_liste_in_ihrer_schreibweise() -> None:
    quelle = ersetze(SA03, "[[kennzahlen.messwerte]]\nstichtag = 2023-12-31\nwert = 81\n"
                     "[[kennzahlen.messwerte]]\nstichtag = 2024-12-31\nwert = 88\n"
                     "[[kennzahlen.messwerte]]\nstichtag = 2025-12-31\nwert = 97\n"
                     "[[kennzahlen.messwerte]]\nstichtag = 2026-06-30\nwert = 93\n",
                     "messwerte = [{stichtag = 2023-12-31, wert = 81}, "
                     "{stichtag = 2026-06-30, wert = 93}]\n")
    text = geschrieben(quelle, FuegeEin("kennzahlen.1.messwerte", 2, messwert("2024-12-31", 88)))
    assert "messwerte = [{stichtag = 2023-12-31, wert = 81}," in text
    text = geschrieben(text, Entferne("kennzahlen.1.messwerte.1"))
    assert "2023-12-31" not in text


def test_anwenden_und_pfade_pruefen() -> None:
    daten = tomllib.loads(SA03)
    with pytest.raises(StrategieFehler, match="keinen Eintrag Nummer 7"):
        wende_an(daten, (FuegeEin("massnahmen", 7, {"titel": "x"}),))
    with pytest.raises(StrategieFehler, match="keinen Eintrag Nummer 5"):
        wende_an(daten, (Entferne("massnahmen.5"),))
    with pytest.raises(StrategieFehler, match="Einträge einzeln"):
        pruefe_pfad(Entferne("massnahmen"))
    with pytest.raises(StrategieFehler, match="ab 1"):
        pruefe_pfad(FuegeEin("massnahmen", 0, {"titel": "x"}))
    with pytest.raises(StrategieFehler, match="nichts anhängen"):
        pruefe_pfad(FuegeEin("steckbrief", 1, {"stand": dt.date(2026, 1, 1)}))
    assert pruefe_pfad(Entferne("haushalt")).name == "haushalt"
    assert pruefe_pfad(Entferne("kennzahlen.1.messwerte.2")).name == "messwerte"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_entfernen_und_einfuegen_beruehren_nur_ihre_zeilen(data: st.DataObject) -> None:
    text, daten, _ = data.draw(zieldateien())
    anzahl = len(daten.get("massnahmen", []))
    if anzahl:
        nummer = data.draw(st.integers(1, anzahl))
        ergebnis = geschrieben(text, Entferne(f"massnahmen.{nummer}"))
        art, _, dazu = aenderung(text, ergebnis)
        assert art == "delete" and dazu == []
    nummer = data.draw(st.integers(1, anzahl + 1))
    neu = {"titel": "Neu", "status": "offen"}
    ergebnis = geschrieben(text, FuegeEin("massnahmen", nummer, neu))
    art, weg, dazu = aenderung(text, ergebnis)
    assert art == "insert" and 'titel = "Neu"' in dazu
    assert all(z.startswith("#") for z in weg if z) or not weg
