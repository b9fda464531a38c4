"""The store's snapshot: a warm load reads one file, yet never trusts it over a changed file,
is rebuilt when it is missing or broken, and stays whole under concurrent processes."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from strategie.modell.ziel import Ziel
from strategie.speicher import aus_schnappschuss
from strategie.speicher.cache import _FELDER, ZielAusCache
from strategie.speicher.laden import Zielspeicher, lade_speicher
from strategie.speicher.rahmendatei import lade_rahmen
from strategie.speicher.schnappschuss import Schnappschuss
from tests.conftest import git

SA02 = "sa/SA-02.toml"


def _beruhigt(repo: Path) -> None:
    """Date every file back, as if the last change were a while ago (see RUHE_S)."""
    frueher = time.time() - 60
    for datei in (repo / "ziele").rglob("*.toml"):
        os.utime(datei, (frueher, frueher))


def _stand(speicher: Zielspeicher) -> tuple[list[tuple[str, dict]], list[str]]:
    return ([(z.pfad, z.daten) for z in speicher.ziele],
            [b.als_zeile() for b in speicher.befunde])


def _wie_voll(repo: Path) -> Zielspeicher:
    """Load with the snapshot and check it against a load that reads every file."""
    speicher = lade_speicher(repo / "ziele")
    assert _stand(speicher) == _stand(lade_speicher(repo / "ziele", cache=False))
    voll = lade_speicher(repo / "ziele", cache=False).ziele
    assert [z.json_text() for z in speicher.ziele] == [z.json_text() for z in voll]
    assert [z.auszug for z in speicher.ziele] == [z.auszug for z in voll]
    assert [z.steckbrief_stand for z in speicher.ziele] == [
        z.steckbrief.stand if z.steckbrief else None for z in voll]
    return speicher


def _schnappschuss(repo: Path) -> Schnappschuss:
    verzeichnis = (repo / "ziele").resolve()
    return Schnappschuss((repo / ".git").resolve(), verzeichnis, lade_rahmen(verzeichnis).roh)


def _ohne_volles_laden(monkeypatch: pytest.MonkeyPatch) -> None:
    def verboten(*_: object, **__: object) -> None:
        raise AssertionError("alle Dateien gelesen, obwohl der Schnappschuss reicht")

    monkeypatch.setattr(aus_schnappschuss, "dateien_der_arbeitskopie", verboten)


def test_warmes_laden_liest_nur_den_schnappschuss(repo: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    _beruhigt(repo)
    _wie_voll(repo)
    assert _schnappschuss(repo).lies() is not None
    _ohne_volles_laden(monkeypatch)
    speicher = lade_speicher(repo / "ziele")
    ziel = speicher.ziele[0]
    assert isinstance(ziel, ZielAusCache) and "daten" not in ziel.__dict__  # not unpickled
    assert _stand(speicher) == _stand(lade_speicher(repo / "ziele", cache=False))
    # the cache fills the attributes Ziel.__init__ sets, in their order, and its own
    assert (*Ziel.__annotations__, *ZielAusCache.__annotations__) == _FELDER
    assert tuple(vars(Ziel("SA-01", "T", "SA", 1, "offen", "sa/SA-01.toml"))) == Ziel.FELDER


def test_der_stand_des_steckbriefs_steht_bei_den_listenfeldern(
        repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The list's Stand column comes from the snapshot's list fields (no goal's data is
    unpickled for it), also for a goal without a Steckbrief and after an edit of the date."""
    sa02 = repo / "ziele" / SA02
    sa02.write_text(re.sub(r"(?m)^stand = .*$", "stand = 2025-01-02", sa02.read_text(
        encoding="utf-8"), count=1), encoding="utf-8")
    sa03 = repo / "ziele" / "sa" / "SA-03.toml"
    text = sa03.read_text(encoding="utf-8")
    anfang = text.index("[steckbrief]")
    ende = text.find("\n[", anfang + 1)
    sa03.write_text(text[:anfang] + (text[ende + 1:] if ende > 0 else ""), encoding="utf-8")
    git(repo, "commit", "-qam", "Stand geändert, ein Steckbrief entfernt")
    _beruhigt(repo)
    _wie_voll(repo)
    _ohne_volles_laden(monkeypatch)
    speicher = lade_speicher(repo / "ziele")
    stand = {z.id: z.steckbrief_stand for z in speicher.ziele}
    assert stand["SA-02"] == dt.date(2025, 1, 2) and stand["SA-03"] is None
    assert sum(s is not None for s in stand.values()) == len(stand) - 1
    assert all(isinstance(z, ZielAusCache) and "daten" not in vars(z) for z in speicher.ziele)


def test_facetten_und_suchindex_halten_keine_zieldaten(repo: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's facets read the Auszug, and its search index reads each goal's text from a
    passing copy (``Ziel.fluechtig``): after both, no goal holds its unpickled data – the app
    over 50,000 goals keeps texts, not 50,000 dicts. Counts and hits are those of a load that
    reads every file."""
    from strategie.auswertung.auswahl import Auswahl
    from strategie.auswertung.filter import Filter

    _beruhigt(repo)
    _wie_voll(repo)
    _ohne_volles_laden(monkeypatch)
    speicher = lade_speicher(repo / "ziele")
    voll = lade_speicher(repo / "ziele", cache=False)
    auswahl, vergleich = Auswahl(speicher.rahmen, speicher.ziele), Auswahl(voll.rahmen,
                                                                            voll.ziele)
    for kriterien in (Filter(), Filter(aemter=frozenset({"SA"})),
                      Filter(suche="teilhabe"), Filter(arten=frozenset({"Projekt"}), suche="a")):
        assert auswahl.facetten(kriterien) == vergleich.facetten(kriterien), kriterien
        assert [z.id for z in auswahl.ansicht(kriterien)] == [
            z.id for z in vergleich.ansicht(kriterien)]
    assert sum(auswahl.facetten(Filter())["aktionsbereiche"].values()) > 0
    assert auswahl.suchtexte and auswahl.suchtexte == vergleich.suchtexte
    assert all(isinstance(z, ZielAusCache) and "daten" not in vars(z) for z in speicher.ziele)
    ziel = speicher.ziele[0]  # read again when asked
    assert ziel.daten == voll.ziele[0].daten and ziel.kennzahlen == voll.ziele[0].kennzahlen


def test_alte_schnappschuesse_und_caches_werden_aufgeraeumt(repo: Path) -> None:
    """Each edit of the frame (and each upgrade) gives the snapshot and the cache a new file
    name; without cleaning up, a 10,000-goal store left 57 MB behind each time. The newest
    few of each kind stay (another store of the repository may use one), a killed writer's
    temporary file goes once it is old, one being written stays."""
    from strategie.speicher.aufraeumen import BEHALTEN, RESTE_ALTER_S

    ablage = repo / ".git" / "strategie"
    rahmen = repo / "ziele" / "strategie.toml"
    _beruhigt(repo)
    lade_speicher(repo / "ziele")
    alt_rest, neu_rest = ablage / "stand-0000.4242.neu", ablage / "stand-0001.4343.neu"
    for rest in (alt_rest, neu_rest):
        rest.write_bytes(b"halb")
    frueher = time.time() - RESTE_ALTER_S - 60
    os.utime(alt_rest, (frueher, frueher))
    for runde in range(BEHALTEN + 3):
        rahmen.write_text(rahmen.read_text(encoding="utf-8") + f"# Runde {runde}\n",
                          encoding="utf-8")
        _wie_voll(repo)
    assert len(list(ablage.glob("stand-*.pickle"))) == BEHALTEN + 1
    assert len(list(ablage.glob("ziele-*.pickle"))) == BEHALTEN + 1
    assert not alt_rest.exists() and neu_rest.exists()
    aktuell = _schnappschuss(repo)
    assert aktuell.datei.exists() and aktuell.lies() is not None


def test_nie_ueber_geaenderte_dateien(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _beruhigt(repo)
    _wie_voll(repo)
    _ohne_volles_laden(monkeypatch)  # every case below is answered from the snapshot + git
    datei = repo / "ziele" / SA02
    # changed in the working tree (same size: only git's comparison notices)
    datei.write_text(datei.read_text(encoding="utf-8").replace('titel = "', 'titel = "X', 1)
                     .replace("\n\n", "\n", 1), encoding="utf-8")
    assert next(z for z in _wie_voll(repo).ziele if z.pfad == SA02).titel.startswith("X")
    # made invalid: a Befund instead of the goal
    datei.write_text("id = [\n", encoding="utf-8")
    speicher = _wie_voll(repo)
    assert all(z.pfad != SA02 for z in speicher.ziele) and speicher.befunde
    # committed behind the tool's back: the tree changed, the working tree is clean again
    git(repo, "checkout", "--", "ziele")
    neu = repo / "ziele" / "sa" / "SA-02.toml"
    neu.write_bytes(neu.read_bytes().replace(b'status = "', b'status = "x', 1))
    git(repo, "commit", "-qam", "von Hand, ungültig")
    assert _wie_voll(repo).befunde
    git(repo, "revert", "--no-edit", "HEAD")
    assert not _wie_voll(repo).befunde
    # a new file (untracked), a deleted one, an ignored one
    (repo / "ziele" / "sa" / "SA-99.toml").write_bytes(
        datei.read_bytes().replace(b'"SA-02"', b'"SA-99"'))
    (repo / "ziele" / "sa" / "SA-03.toml").unlink()
    (repo / ".gitignore").write_text("ziele/sa/SA-04.toml\n", encoding="utf-8")
    (repo / "ziele" / "sa" / "SA-04.toml").write_text("kaputt", encoding="utf-8")
    speicher = _wie_voll(repo)
    pfade = {z.pfad for z in speicher.ziele}
    assert "sa/SA-99.toml" in pfade and "sa/SA-03.toml" not in pfade
    assert any(b.pfad.name == "SA-04.toml" for b in speicher.befunde)


def test_neu_aufgebaut_wenn_fehlend_oder_kaputt(repo: Path) -> None:
    _beruhigt(repo)
    _wie_voll(repo)
    schnappschuss = _schnappschuss(repo)
    def gekuerzt(datei: Path) -> None:  # e.g. a full disk while someone copied it by hand
        inhalt = datei.read_bytes()
        datei.write_bytes(inhalt[: len(inhalt) - 100])

    def verlaengert(datei: Path) -> None:
        datei.write_bytes(datei.read_bytes() + b"x")

    for verderben in (lambda d: d.write_bytes(b"kein pickle"), lambda d: d.write_bytes(b""),
                      lambda d: d.unlink(), gekuerzt, verlaengert):
        verderben(schnappschuss.datei)
        assert schnappschuss.lies() is None
        _wie_voll(repo)
        assert schnappschuss.lies() is not None


def test_gleichzeitige_prozesse_sehen_einen_ganzen_schnappschuss(repo: Path) -> None:
    _beruhigt(repo)
    programm = ("import json, sys\nfrom pathlib import Path\n"
                "from strategie.speicher.laden import lade_speicher\n"
                "for _ in range(3):\n"
                "    s = lade_speicher(Path(sys.argv[1]))\n"
                "print(json.dumps([[z.pfad, z.titel] for z in s.ziele]))\n")
    erwartet = [[z.pfad, z.titel] for z in lade_speicher(repo / "ziele", cache=False).ziele]
    datei = repo / "ziele" / SA02
    datei.write_text(datei.read_text(encoding="utf-8").replace('titel = "', 'titel = "Y', 1),
                     encoding="utf-8")
    erwartet = [[z.pfad, z.titel] for z in lade_speicher(repo / "ziele", cache=False).ziele]
    prozesse = [subprocess.Popen([sys.executable, "-c", programm, str(repo / "ziele")],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                for _ in range(4)]
    for prozess in prozesse:
        aus, fehler = prozess.communicate(timeout=120)
        assert prozess.returncode == 0, fehler.decode()
        assert json.loads(aus) == erwartet
    assert _schnappschuss(repo).lies() is not None
    assert list((repo / ".git" / "strategie").glob("*.neu")) == []  # no temp file left


def test_wenige_nachgelesene_dateien_schreiben_den_schnappschuss_nicht_neu(
        repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _beruhigt(repo)
    _wie_voll(repo)
    schnappschuss = _schnappschuss(repo)
    vorher = schnappschuss.datei.stat().st_ino
    datei = repo / "ziele" / SA02
    datei.write_text(datei.read_text(encoding="utf-8") + "\n# geändert\n", encoding="utf-8")
    git(repo, "commit", "-qam", "SA-02 geändert")
    for _ in range(2):  # the changed file is read again each time; the snapshot stays
        speicher = _wie_voll(repo)
        assert schnappschuss.datei.stat().st_ino == vorher
    assert any(z.pfad == SA02 for z in speicher.ziele)
    monkeypatch.setattr(aus_schnappschuss, "NEU_SCHREIBEN_AB", 0)
    _wie_voll(repo)  # many files to read again: written anew
    assert schnappschuss.datei.stat().st_ino != vorher


def _viele(repo: Path, anzahl: int = 600) -> None:
    """Copies of SA-01 under new ids, and four files that cannot be loaded (broken TOML,
    empty, an unknown Ampel, in the wrong Amt's folder), committed."""
    vorlage = (repo / "ziele" / "sa" / "SA-01.toml").read_text(encoding="utf-8")
    for nummer in range(100, 100 + anzahl):
        (repo / "ziele" / "sa" / f"SA-{nummer}.toml").write_text(
            vorlage.replace('id = "SA-01"', f'id = "SA-{nummer}"'), encoding="utf-8")
    (repo / "ziele" / "sa" / "SA-90.toml").write_text("id = \"SA-90\"\ntitel = [", "utf-8")
    (repo / "ziele" / "sa" / "SA-91.toml").write_text("", "utf-8")
    (repo / "ziele" / "sa" / "SA-92.toml").write_text(
        vorlage.replace('id = "SA-01"', 'id = "SA-92"').replace('ampel = "rot"',
                                                                 'ampel = "lila"'), "utf-8")
    (repo / "ziele" / "be" / "SA-150.toml").write_text(
        vorlage.replace('id = "SA-01"', 'id = "SA-150"'), "utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "viele")


def test_paralleles_kaltes_laden_gleicht_dem_seriellen(repo: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A cold load on several cores gives the same goals, JSON texts, Auszüge and Befunde in
    the same order as one process reading every file itself."""
    from strategie.speicher import parallel
    from strategie.speicher.validierung import lade_ziel

    _viele(repo)
    verzeichnis = (repo / "ziele").resolve()
    rahmen = lade_rahmen(verzeichnis)
    dateien = [(p.relative_to(verzeichnis).as_posix(), p.read_bytes())
               for p in sorted(verzeichnis.glob("*/*.toml"))]
    assert len(dateien) > parallel.AB
    im_prozess = [lade_ziel(verzeichnis, r, i, rahmen) for r, i in dateien]
    verteilt = parallel.pruefe_parallel(verzeichnis, rahmen, dateien, prozesse=2)
    assert verteilt is not None and len(verteilt) == len(im_prozess)
    for (ziel, befunde), (soll, soll_befunde) in zip(verteilt, im_prozess, strict=True):
        assert befunde == soll_befunde
        assert (ziel is None) == (soll is None)
        if ziel is not None and soll is not None:
            assert ziel == soll and ziel.json_text() == soll.json_text()
            assert ziel.auszug == soll.auszug
    kaputt = sorted(b.pfad.name for z, bs in verteilt if z is None for b in bs)
    assert kaputt == ["SA-150.toml", "SA-90.toml", "SA-91.toml", "SA-92.toml"]

    kalt = lade_speicher(verzeichnis)  # cold: no snapshot yet, parallel where it pays off
    monkeypatch.setattr(parallel, "AB", 10**9)  # from here on: one process only
    seriell = lade_speicher(verzeichnis, cache=False)
    assert _stand(kalt) == _stand(seriell)
    assert len(kalt.befunde) >= 4
    assert [z.json_text() for z in kalt.ziele] == [z.json_text() for z in seriell.ziele]
    assert [z.auszug for z in kalt.ziele] == [z.auszug for z in seriell.ziele]
    _wie_voll(repo)  # and the snapshot written from it holds the same


def test_arbeiter_enden_mit_dem_getoeteten_prozess(repo: Path) -> None:
    """kill -9 of a process in the middle of a parallel load: its workers end too (a forked
    worker would otherwise wait for work forever)."""
    _viele(repo)
    programm = ("import os, sys\nfrom pathlib import Path\n"
                "from strategie.speicher.parallel import pruefe_parallel\n"
                "from strategie.speicher.rahmendatei import lade_rahmen\n"
                "v = Path(sys.argv[1]).resolve(); r = lade_rahmen(v)\n"
                "d = [(p.relative_to(v).as_posix(), p.read_bytes())"
                " for p in sorted(v.glob('*/*.toml'))] * 40\n"
                "print(os.getpid(), flush=True)\n"
                "pruefe_parallel(v, r, d, prozesse=2)\n")
    prozess = subprocess.Popen([sys.executable, "-c", programm, str(repo / "ziele")],
                               stdout=subprocess.PIPE, text=True)
    assert prozess.stdout is not None
    pid = int(prozess.stdout.readline())
    kinder: list[int] = []
    frist = time.monotonic() + 30
    while len(kinder) < 2 and time.monotonic() < frist:
        kinder = [int(k) for k in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        time.sleep(0.05)
    assert len(kinder) == 2
    time.sleep(0.3)
    prozess.kill()
    prozess.wait()
    frist = time.monotonic() + 10
    while any(Path(f"/proc/{k}").exists() for k in kinder) and time.monotonic() < frist:
        time.sleep(0.1)
    lebend = [k for k in kinder if Path(f"/proc/{k}").exists()
              and "Z" not in Path(f"/proc/{k}/stat").read_text().rsplit(")", 1)[1][:3]]
    assert lebend == []


def test_nachgelesene_ziele_kommen_an_ihren_platz(repo: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Goals read again after the snapshot (here: two brought back in the middle of their Amt,
    one changed) go to the place a full load gives them, without sorting all goals anew."""
    sa03, akjf02 = repo / "ziele" / "sa" / "SA-03.toml", repo / "ziele" / "akjf" / "AKJF-02.toml"
    inhalte = {sa03: sa03.read_bytes(), akjf02: akjf02.read_bytes()}
    git(repo, "rm", "-q", str(sa03), str(akjf02))
    git(repo, "commit", "-qm", "zwei entfernt")
    _beruhigt(repo)
    _wie_voll(repo)
    for datei, inhalt in inhalte.items():
        datei.write_bytes(inhalt)
    sa05 = repo / "ziele" / "sa" / "SA-05.toml"
    sa05.write_text(sa05.read_text(encoding="utf-8").replace('titel = "', 'titel = "Y', 1),
                    encoding="utf-8")
    _ohne_volles_laden(monkeypatch)

    def nie_ganz_sortiert(*_: object) -> None:
        raise AssertionError("alle Ziele neu sortiert")

    monkeypatch.setattr(aus_schnappschuss, "sortiere_ziele", nie_ganz_sortiert)
    ids = [z.id for z in lade_speicher(repo / "ziele").ziele]
    monkeypatch.undo()
    assert ids == [z.id for z in lade_speicher(repo / "ziele", cache=False).ziele]
    assert ids.index("SA-03") == ids.index("SA-02") + 1
    assert ids.index("AKJF-02") == ids.index("AKJF-01") + 1


TOETER = """\
import os, signal, sys, time
eltern, faden, ich = int(sys.argv[1]), int(sys.argv[2]), os.getpid()
frist = time.monotonic() + 60
while time.monotonic() < frist:
    with open(f"/proc/{eltern}/task/{faden}/children") as datei:
        kinder = [int(k) for k in datei.read().split() if int(k) != ich]
    if kinder:
        os.kill(kinder[0], signal.SIGKILL)
        print(kinder[0], flush=True)
        break
    time.sleep(0.001)
"""


def test_stirbt_ein_arbeiter_liest_der_hauptprozess_selbst(repo: Path) -> None:
    """A worker killed (kill -9, by another process) in the middle of a cold load: the load
    neither fails nor loses a file; the main process reads the files itself."""
    import threading

    from strategie.speicher.laden import lade_aus_quellen

    _viele(repo, 2400)
    verzeichnis = (repo / "ziele").resolve()
    rahmen = lade_rahmen(verzeichnis)
    dateien = [(p.relative_to(verzeichnis).as_posix(), p.read_bytes())
               for p in sorted(verzeichnis.glob("*/*.toml"))]
    toeter = subprocess.Popen([sys.executable, "-c", TOETER, str(os.getpid()),
                               str(threading.get_native_id())], stdout=subprocess.PIPE,
                              text=True)
    time.sleep(0.2)  # the killer watches before the workers are forked
    ziele, befunde = lade_aus_quellen(verzeichnis, rahmen, dateien)
    getoetet, _ = toeter.communicate(timeout=60)
    assert getoetet.strip().isdigit()  # a worker was killed during the load
    seriell = lade_speicher(verzeichnis, cache=False)
    assert len(ziele) == len(seriell.ziele) > 2400
    assert [(z.pfad, z.daten) for z in ziele] == [(z.pfad, z.daten) for z in seriell.ziele]
    assert [b.als_zeile() for b in befunde] == [b.als_zeile() for b in seriell.befunde]


def _vorauswahl(repo: Path, **angaben: list[str]) -> tuple[Zielspeicher, Zielspeicher]:
    """The store loaded with the pre-selection of a filter, and loaded whole (the reference)."""
    from strategie.auswertung.filter import filter_aus_angaben

    voll = lade_speicher(repo / "ziele", cache=False)
    kriterien = filter_aus_angaben(voll.rahmen, **angaben)  # type: ignore[arg-type]
    ausgewaehlt = lade_speicher(repo / "ziele",
                                vorauswahl=lambda r: filter_aus_angaben(r, **angaben)  # type: ignore[arg-type]
                                .vorauswahl())
    # the pre-selection only leaves out what the filter rules out; the filter still decides
    assert ([(z.pfad, z.daten) for z in kriterien.anwenden(ausgewaehlt.ziele)]
            == [(z.pfad, z.daten) for z in kriterien.anwenden(voll.ziele)])
    assert ausgewaehlt.anzahl == voll.anzahl == len(voll.ziele)
    assert [b.als_zeile() for b in ausgewaehlt.befunde] == [b.als_zeile() for b in voll.befunde]
    return ausgewaehlt, voll


def test_vorauswahl_baut_nur_die_ziele_des_filters(repo: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """liste --amt SA: from the snapshot, only SA's goals are built; the count is of all."""
    _beruhigt(repo)
    _wie_voll(repo)
    _ohne_volles_laden(monkeypatch)
    ausgewaehlt, voll = _vorauswahl(repo, aemter=["SA"])
    assert {z.amt for z in ausgewaehlt.ziele} == {"SA"}
    assert ausgewaehlt.vorausgewaehlt_aus == len(voll.ziele) > len(ausgewaehlt.ziele)
    # two dimensions at once (and), one the list fields do not hold (Art: checked afterwards)
    ausgewaehlt, _ = _vorauswahl(repo, aemter=["SA", "AGV"], ampeln=["grün"], arten=["Projekt"])
    assert {(z.amt, z.ampel) for z in ausgewaehlt.ziele} <= {("SA", "grün"), ("AGV", "grün")}
    # a filter without such a dimension (only Art): everything is built
    ausgewaehlt, voll = _vorauswahl(repo, arten=["Projekt"])
    assert ausgewaehlt.vorausgewaehlt_aus is None and len(ausgewaehlt.ziele) == len(voll.ziele)


def test_vorauswahl_mit_nachgelesenen_dateien(repo: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Files changed since the snapshot: a changed goal that now passes is there, one that no
    longer passes is not; with many changed files the snapshot is written anew, whole."""
    _beruhigt(repo)
    _wie_voll(repo)
    schnappschuss = _schnappschuss(repo)
    vorher = schnappschuss.datei.stat().st_ino
    sa02 = repo / "ziele" / SA02
    ampel_vorher = lade_speicher(repo / "ziele").ziel("SA-02").ampel  # type: ignore[union-attr]
    neu = "grau" if ampel_vorher != "grau" else "gelb"
    sa02.write_text(sa02.read_text(encoding="utf-8").replace(
        f'ampel = "{ampel_vorher}"', f'ampel = "{neu}"'), encoding="utf-8")
    ausgewaehlt, _ = _vorauswahl(repo, ampeln=[neu])
    assert "SA-02" in {z.id for z in ausgewaehlt.ziele}
    ausgewaehlt, _ = _vorauswahl(repo, ampeln=[ampel_vorher])
    assert "SA-02" not in {z.id for z in ausgewaehlt.ziele}
    assert schnappschuss.datei.stat().st_ino == vorher  # a few files: the snapshot stays
    monkeypatch.setattr(aus_schnappschuss, "NEU_SCHREIBEN_AB", 0)
    _vorauswahl(repo, aemter=["SA"])  # many to read again: written anew, with every goal
    assert schnappschuss.datei.stat().st_ino != vorher
    monkeypatch.undo()
    _ohne_volles_laden(monkeypatch)
    _wie_voll(repo)
