"""Error messages quote goal values and user input: never as raw terminal control codes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import git

ESC = "\x1b"


@pytest.mark.parametrize("argumente", [
    ("zeige", f"SA-0{ESC}[31m1"),
    ("liste", "--amt", f"{ESC}[2J"),
    ("liste", f"{ESC}]8;;http://x{ESC}\\"),
    ("liste", "--format", f"{ESC}[2J"),
    ("status", "SA-01", f"fertig{ESC}[31m"),
    ("setze", "SA-01", f"feld{ESC}[1m", "x"),
])
def test_eingaben_erscheinen_ohne_steuerzeichen(cli, beispiel: Path,  # type: ignore[no-untyped-def]
                                                argumente: tuple[str, ...]) -> None:
    ergebnis = cli(*argumente, "--store", str(beispiel))
    assert ergebnis.code in (2, 3), ergebnis
    assert ESC not in ergebnis.err and ESC not in ergebnis.out
    assert "␛" in ergebnis.err or "\\x1b" in ergebnis.err  # shown, but visibly


def test_ablehnung_zitiert_zielwert_ohne_steuerzeichen(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    datei = repo / "ziele" / "sa" / "SA-02.toml"
    text = datei.read_text(encoding="utf-8")
    text = re.sub(r'(?m)^ampel = ".*"$', r'ampel = "\\u001b]0;gehackt\\u0007"', text, count=1)
    datei.write_text(text, encoding="utf-8")
    git(repo, "commit", "-qam", "Ampel von Hand")
    ergebnis = cli("status", "SA-02", "umgesetzt", "--store", str(repo / "ziele"))
    assert ergebnis.code == 3 and "Zieldatei ist fehlerhaft" in ergebnis.err
    assert ESC not in ergebnis.err and "\x07" not in ergebnis.err
    assert "␛]0;gehackt␇" in ergebnis.err
