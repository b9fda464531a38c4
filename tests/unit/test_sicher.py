"""Terminal safety: markup and control sequences in goal texts are shown, never executed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from strategie.text.sicher import entschaerfe, json_sicher

GIFTIG = ("[bold red]laut[/bold red] [link=https://example.org]hier[/link] "
          "\x1b[31mrot\x1b[0m \x1b]8;;https://evil.example\x1b\\klick\x1b]8;;\x1b\\ "
          "\x07bell \x9b2J c1 \u202eevil\u202c \r zurück \x7f")


def _vergifte(beispiel: Path) -> None:
    datei = beispiel / "sa" / "SA-01.toml"
    text = datei.read_text(encoding="utf-8")
    escaped = json.dumps(GIFTIG)  # a JSON string literal is a valid TOML basic string here
    zeilen = [f"titel = {escaped}" if z.startswith("titel =") else z for z in text.splitlines()]
    datei.write_text("\n".join(zeilen) + "\n", encoding="utf-8")


def test_entschaerfe_ersetzt_alle_steuerzeichen() -> None:
    sicher = entschaerfe(GIFTIG)
    for zeichen in ("\x1b", "\x07", "\x9b", "\u202e", "\r", "\x7f"):
        assert zeichen not in sicher
    assert "␛[31mrot" in sicher and "␇bell" in sicher and "<U+009B>" in sicher
    assert "[bold red]laut[/bold red]" in sicher  # markup stays literal text


def test_json_sicher_bleibt_dasselbe_json() -> None:
    roh = json.dumps({"t": GIFTIG}, ensure_ascii=False)
    sicher = json_sicher(roh)
    assert json.loads(sicher) == {"t": GIFTIG}
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in sicher)


@pytest.mark.parametrize("befehl", [
    ("liste",), ("liste", "--format", "json"), ("liste", "--format", "csv"),
    ("zeige", "SA-01"), ("liste", "--suche", "laut"),
])
def test_jede_ausgabe_zeigt_text_woertlich(beispiel: Path, cli, befehl,  # type: ignore[no-untyped-def]
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # no wrapping, so literal markup stays on one line
    _vergifte(beispiel)
    ergebnis = cli(*befehl, "--store", str(beispiel))
    assert ergebnis.code == 0, ergebnis.err
    ausgabe = ergebnis.out
    for zeichen in ("\x1b", "\x07", "\x9b", "\u202e", "\r", "\x7f"):
        assert zeichen not in ausgabe, (befehl, repr(zeichen))
    if befehl[-1] == "json":
        ziel = next(z for z in json.loads(ausgabe) if z["id"] == "SA-01")
        assert ziel["titel"] == GIFTIG  # data intact, only escaped
    else:
        assert "[bold red]laut[/bold red] [link=https://example.org]hier[/link]" in ausgabe
        assert "␛[31mrot␛[0m" in ausgabe
