"""Defined outcomes of the edit path; each test inspects the working tree and HEAD afterwards."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from strategie.aendern.bearbeiten import aendere
from strategie.git import repo as gitrepo
from strategie.modell.befund import StrategieFehler
from strategie.modell.operationen import Setze, Zielaenderung
from tests.conftest import git, kopf

SA02 = Path("ziele/sa/SA-02.toml")


def _status(ziel_id: str, wert: str) -> list[Zielaenderung]:
    return [Zielaenderung(ziel_id, (Setze("status", wert),))]


def _unveraendert(repo: Path, vorher_kopf: str, dateien: dict[Path, bytes]) -> None:
    assert kopf(repo) == vorher_kopf
    for pfad, inhalt in dateien.items():
        assert (repo / pfad).read_bytes() == inhalt, pfad
    uebrig = [p for p in (repo / "ziele").rglob(".*") if p.is_file()]
    assert uebrig == [], uebrig  # no temp files left behind


def test_handaenderung_wird_nicht_ueberschrieben(repo: Path) -> None:
    datei = repo / SA02
    hand = datei.read_bytes().replace(b"\nid = ", b"\n# Notiz von Hand\nid = ", 1)
    if hand == datei.read_bytes():
        hand = b"# Notiz von Hand\n" + datei.read_bytes()
    datei.write_bytes(hand)
    vorher = kopf(repo)
    with pytest.raises(StrategieFehler, match="Handänderungen"):
        aendere(repo / "ziele", _status("SA-02", "umgesetzt"), "x")
    _unveraendert(repo, vorher, {SA02: hand})


def test_handaenderung_mit_option_uebernommen(repo: Path) -> None:
    datei = repo / SA02
    hand = b"# Notiz von Hand\n" + datei.read_bytes()
    datei.write_bytes(hand)
    ergebnis = aendere(repo / "ziele", _status("SA-02", "umgesetzt"), "mit Notiz",
                       handaenderungen_uebernehmen=True)
    assert kopf(repo) == ergebnis.commit
    assert git(repo, "status", "--porcelain") == ""
    inhalt = git(repo, "show", f"HEAD:{SA02.as_posix()}")
    assert inhalt.startswith("# Notiz von Hand\n") and 'status = "umgesetzt"' in inhalt
    assert "Handaenderungen: übernommen" in git(repo, "log", "-1", "--format=%B")


def test_ungueltige_datei_wird_nicht_angefasst(repo: Path) -> None:
    datei = repo / SA02
    kaputt = datei.read_bytes().replace(b'amt = "SA"', b'amt = "XY"')
    datei.write_bytes(kaputt)
    git(repo, "commit", "-qam", "kaputt eingecheckt")
    vorher = kopf(repo)
    with pytest.raises(StrategieFehler) as fehler:
        aendere(repo / "ziele", _status("SA-02", "umgesetzt"), "x")
    assert "SA-02.toml:" in fehler.value.meldung and "Feld 'amt'" in fehler.value.meldung
    _unveraendert(repo, vorher, {SA02: kaputt})


def test_ohne_git_identitaet_nichts_geschrieben(repo: Path, git_umgebung: Path,
                                              monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    git_umgebung.write_text("", encoding="utf-8")
    monkeypatch.setenv("HOME", str(tmp_path))
    original = (repo / SA02).read_bytes()
    vorher = kopf(repo)
    with pytest.raises(StrategieFehler, match="Keine git-Identität") as fehler:
        aendere(repo / "ziele", _status("SA-02", "umgesetzt"), "x")
    assert 'git config --global user.name "Vorname Nachname"' in fehler.value.meldung
    _unveraendert(repo, vorher, {SA02: original})


def test_index_lock_wird_abgewartet_dann_klar_gemeldet(repo: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gitrepo, "SPERRE_WARTEN_S", 0.5)
    sperre = repo / ".git" / "index.lock"
    sperre.write_text("", encoding="utf-8")
    original = (repo / SA02).read_bytes()
    vorher = kopf(repo)
    start = time.monotonic()
    # a git process works in the work tree: its lock is never taken for a leftover
    git_prozess = subprocess.Popen(["git", "cat-file", "--batch"], cwd=repo,
                                   stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    try:
        with pytest.raises(StrategieFehler, match="index.lock") as fehler:
            aendere(repo / "ziele", _status("SA-02", "umgesetzt"), "x")
    finally:
        git_prozess.communicate(b"")
    assert time.monotonic() - start >= 0.5
    assert "Ein anderer git-Prozess" in fehler.value.meldung
    assert sperre.exists()
    sperre.unlink()
    _unveraendert(repo, vorher, {SA02: original})
    assert git(repo, "status", "--porcelain") == ""


def test_index_lock_der_frei_wird_stoert_nicht(repo: Path) -> None:
    sperre = repo / ".git" / "index.lock"
    sperre.write_text("", encoding="utf-8")
    threading.Timer(0.4, sperre.unlink).start()
    ergebnis = aendere(repo / "ziele", _status("SA-02", "umgesetzt"), "x")
    assert kopf(repo) == ergebnis.commit and git(repo, "status", "--porcelain") == ""


def test_abgelehnter_hook_stellt_dateien_wieder_her(repo: Path) -> None:
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'Prüfung der Rechnungsprüfung fehlgeschlagen' >&2\nexit 1\n",
                    encoding="utf-8")
    hook.chmod(0o755)
    dateien = {Path(f"ziele/sa/SA-0{n}.toml"): (repo / f"ziele/sa/SA-0{n}.toml").read_bytes()
               for n in (2, 4)}
    vorher = kopf(repo)
    aenderungen = [Zielaenderung(i, (Setze("ampel", "grau"),)) for i in ("SA-02", "SA-04")]
    with pytest.raises(StrategieFehler) as fehler:
        aendere(repo / "ziele", aenderungen, "x")
    assert "Prüfung der Rechnungsprüfung fehlgeschlagen" in fehler.value.meldung
    _unveraendert(repo, vorher, dateien)
    assert git(repo, "status", "--porcelain") == ""


def test_fehler_in_einem_von_mehreren_zielen_aendert_keines(repo: Path) -> None:
    original = (repo / SA02).read_bytes()
    vorher = kopf(repo)
    with pytest.raises(StrategieFehler, match="SA-99"):
        aendere(repo / "ziele", [*_status("SA-02", "umgesetzt"), *_status("SA-99", "umgesetzt")])
    _unveraendert(repo, vorher, {SA02: original})


def _begrenzt() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write beyond the limit fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))


def test_schreibfehler_laesst_datei_ganz(repo: Path) -> None:
    """A real failing write: the process may not write files over 1 KiB (EFBIG)."""
    original = (repo / SA02).read_bytes()
    assert len(original) > 1024
    vorher = kopf(repo)
    ergebnis = subprocess.run(
        [sys.executable, "-m", "strategie", "setze", "SA-02", "wirkungsziel", "Neu " * 400,
         "--store", str(repo / "ziele")],
        capture_output=True, text=True, preexec_fn=_begrenzt, env=os.environ.copy())
    assert ergebnis.returncode == 3, ergebnis.stderr
    assert "konnte nicht geschrieben werden" in ergebnis.stderr
    assert "die Datei ist unverändert" in ergebnis.stderr
    _unveraendert(repo, vorher, {SA02: original})
    assert git(repo, "status", "--porcelain") == ""
