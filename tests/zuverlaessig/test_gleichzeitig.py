"""Four processes × 25 edits at once on overlapping goals and fields: every edit reported as
saved is in the final history, with its value, and the working tree equals HEAD."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import git
from tests.zuverlaessig.hilfen import reste, umgebung

PROZESSE = 4
JE_PROZESS = 25

ARBEITER = textwrap.dedent("""
    import json, random, sys
    from pathlib import Path
    from strategie.aendern.bearbeiten import aendere
    from strategie.modell.operationen import Setze, Zielaenderung
    nummer = int(sys.argv[2])
    zufall = random.Random(nummer)
    felder = ("steckbrief.aktueller_stand", "steckbrief.finanzielle_beurteilung",
              "steckbrief.inhaltliche_beurteilung")
    for i in range(int(sys.argv[3])):
        ziel, feld = zufall.choice(("SA-01", "SA-02", "SA-03")), zufall.choice(felder)
        wert = f"Prozess {nummer}, Änderung {i}"
        ergebnis = aendere(Path(sys.argv[1]), [Zielaenderung(ziel, (Setze(feld, wert),))],
                           f"p{nummer}-{i}")
        print(json.dumps([ergebnis.commit, ziel, feld, wert]), flush=True)
""")


@pytest.mark.slow
def test_vier_prozesse_je_25_aenderungen(repo: Path) -> None:
    prozesse = [subprocess.Popen([sys.executable, "-c", ARBEITER, str(repo / "ziele"), str(n),
                                  str(JE_PROZESS)], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True, env=umgebung())
                for n in range(PROZESSE)]
    gespeichert = []
    for prozess in prozesse:
        aus, fehler = prozess.communicate(timeout=600)
        assert prozess.returncode == 0, fehler
        gespeichert += [json.loads(zeile) for zeile in aus.splitlines()]
    assert len(gespeichert) == PROZESSE * JE_PROZESS
    verlauf = set(git(repo, "rev-list", "HEAD").split())
    assert len(verlauf) == PROZESSE * JE_PROZESS + 1  # one commit each, nothing lost
    for commit, ziel, _feld, wert in gespeichert:
        assert commit in verlauf
        datei = f"ziele/sa/{ziel}.toml"
        assert wert in git(repo, "show", f"{commit}:{datei}")
        assert git(repo, "diff", "--name-only", f"{commit}^", commit).split() == [datei]
    assert git(repo, "status", "--porcelain") == ""
    assert reste(repo) == []


def test_gleichzeitig_neu_bekommt_verschiedene_ids(repo: Path) -> None:
    """Four real ``strategie neu SA`` at once: each gets its own id (chosen under the write
    lock, not before it) and all four goals are saved."""
    befehl = [sys.executable, "-m", "strategie", "--store", str(repo / "ziele"), "neu", "SA",
              "--handlungsfeld", "1", "--wirkungsziel", "W", "--leistungsziel", "L", "-m", "n"]
    vorher = {p.stem for p in (repo / "ziele" / "sa").glob("SA-*.toml")}
    prozesse = [subprocess.Popen([*befehl, "--titel", f"Gleichzeitig {n}"], env=umgebung(),
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for n in range(4)]
    ausgaben = [p.communicate(timeout=120) for p in prozesse]
    assert [p.returncode for p in prozesse] == [0] * 4, ausgaben
    neue = sorted({p.stem for p in (repo / "ziele" / "sa").glob("SA-*.toml")} - vorher)
    assert len(neue) == 4, neue
    titel = {t for n in neue for t in [git(repo, "show", f"HEAD:ziele/sa/{n}.toml")]
             if "Gleichzeitig" in t}
    assert len(titel) == 4
    assert git(repo, "status", "--porcelain") == "" and reste(repo) == []
