"""'rueckgaengig' only undoes goal changes, and a failure leaves the tree as it was."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import git, kopf, trailer


def _unveraendert(wurzel: Path, vorher: str, dateien: dict[Path, bytes]) -> None:
    assert kopf(wurzel) == vorher
    assert not (wurzel / ".git" / "REVERT_HEAD").exists()
    for pfad, inhalt in dateien.items():
        assert pfad.read_bytes() == inhalt, pfad


def _dateien(wurzel: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in wurzel.rglob("*.toml") if ".git" not in p.parts}


def test_erster_commit_wird_abgelehnt_und_nichts_geloescht(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = tmp_path / "neu3"
    assert cli("init", str(store), "--beispiel").code == 0
    vorher, dateien = kopf(store), _dateien(store)
    ergebnis = cli("rueckgaengig", "HEAD", "--ja", "--store", str(store))
    assert ergebnis.code == 3 and "erste Commit" in ergebnis.err, ergebnis.err
    assert "Rahmendatei" not in ergebnis.err
    _unveraendert(store, vorher, dateien)
    assert git(store, "status", "--porcelain") == ""


def test_merge_commit_wird_abgelehnt(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    store = str(repo / "ziele")
    git(repo, "switch", "-qc", "nebenzweig")
    assert cli("status", "SA-02", "umgesetzt", "-m", "x", "--store", store).code == 0
    git(repo, "switch", "-q", "main")
    assert cli("setze", "SA-03", "ampel", "grau", "-m", "y", "--store", store).code == 0
    git(repo, "merge", "-q", "--no-ff", "-m", "Zusammenführung", "nebenzweig")
    vorher, dateien = kopf(repo), _dateien(repo)
    ergebnis = cli("rueckgaengig", "HEAD", "--ja", "--store", store)
    assert ergebnis.code == 3 and "Merge-Commit" in ergebnis.err, ergebnis.err
    _unveraendert(repo, vorher, dateien)


def test_commit_an_rahmendatei_oder_anderen_dateien_wird_abgelehnt(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    store = str(repo / "ziele")
    rahmen = repo / "ziele" / "strategie.toml"
    rahmen.write_text(rahmen.read_text(encoding="utf-8") + "\n# Notiz\n", encoding="utf-8")
    git(repo, "commit", "-qam", "Rahmen kommentiert")
    (repo / "LIESMICH.md").write_text("Hallo\n", encoding="utf-8")
    git(repo, "add", "LIESMICH.md")
    git(repo, "commit", "-qm", "Liesmich")
    vorher, dateien = kopf(repo), _dateien(repo)
    for rev, datei in (("HEAD", "LIESMICH.md"), ("HEAD~1", "ziele/strategie.toml")):
        ergebnis = cli("rueckgaengig", rev, "--ja", "--store", store)
        assert ergebnis.code == 3 and "nicht nur Zieldateien" in ergebnis.err, ergebnis.err
        assert datei in ergebnis.err
        _unveraendert(repo, vorher, dateien)


def test_speicher_an_der_wurzel_fremde_dateien_und_remote(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = tmp_path / "wurzel"
    assert cli("init", str(store), "--beispiel").code == 0
    (store / "notiz.txt").write_text("x\n", encoding="utf-8")
    git(store, "add", "notiz.txt")
    git(store, "commit", "-qm", "Notiz")
    ergebnis = cli("rueckgaengig", "HEAD", "--ja", "--store", str(store))
    assert ergebnis.code == 3 and "notiz.txt" in ergebnis.err, ergebnis.err
    assert cli("status", "SA-02", "umgesetzt", "-m", "x", "--store", str(store)).code == 0
    remote = tmp_path / "gemeinsam.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    git(store, "remote", "add", "origin", str(remote))
    git(store, "push", "-q", "origin", "main")
    git(store, "fetch", "-q", "origin")
    vorher = kopf(store)
    ergebnis = cli("rueckgaengig", "--ja", "--store", str(store))
    assert ergebnis.code == 3 and "schon im gemeinsamen Repository" in ergebnis.err, ergebnis.err
    assert kopf(store) == vorher
    assert cli("rueckgaengig", "--ja", "--erzwingen", "--store", str(store)).code == 0


def test_ungueltiges_ergebnis_stellt_den_baum_wieder_her(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    store = str(repo / "ziele")
    datei = repo / "ziele" / "agv" / "AGV-02.toml"
    assert 'status = "in Umsetzung"' in datei.read_text(encoding="utf-8")
    assert cli("status", "AGV-02", "umgesetzt", "-m", "fertig", "--store", store).code == 0
    rahmen = repo / "ziele" / "strategie.toml"
    rahmen.write_text(rahmen.read_text(encoding="utf-8").replace(
        'name = "in Umsetzung"', 'name = "in Durchführung"'), encoding="utf-8")
    git(repo, "commit", "-qam", "Vokabular umbenannt")
    vorher, dateien = kopf(repo), _dateien(repo)
    ergebnis = cli("rueckgaengig", "HEAD~1", "--ja", "--store", store)
    assert ergebnis.code == 3 and "ungültige Zieldateien" in ergebnis.err, ergebnis.err
    _unveraendert(repo, vorher, dateien)
    assert git(repo, "status", "--porcelain") == ""


def test_kaputte_rahmendatei_im_arbeitsbaum_bleibt_erhalten(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    store = str(repo / "ziele")
    assert cli("status", "SA-02", "umgesetzt", "-m", "fertig", "--store", store).code == 0
    rahmen = repo / "ziele" / "strategie.toml"
    rahmen.write_text(rahmen.read_text(encoding="utf-8") + "\nkaputt = \n", encoding="utf-8")
    vorher, dateien = kopf(repo), _dateien(repo)
    ergebnis = cli("rueckgaengig", "--ja", "--store", store)
    assert ergebnis.code == 3 and "Traceback" not in ergebnis.err
    _unveraendert(repo, vorher, dateien)  # the hand edit of the frame is still there
    assert git(repo, "status", "--porcelain").split() == ["M", "ziele/strategie.toml"]


def test_ungueltige_fassung_gibt_keine_feld_trailer(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    datei = repo / "ziele" / "sa" / "SA-02.toml"
    gut = datei.read_bytes()
    datei.write_bytes(gut + b"\nkaputt = \n")
    git(repo, "commit", "-qam", "Versehentlich kaputt gemacht")
    kaputt_commit = kopf(repo)
    vorschau = cli("rueckgaengig", "HEAD", "--ja", "--store", str(repo / "ziele"))
    assert vorschau.code == 0, vorschau.err
    assert "ganze Datei zurückgesetzt" in vorschau.out
    assert datei.read_bytes() == gut
    assert trailer(repo) == [("Ziel", "SA-02"), ("Rueckgaengig-von", kaputt_commit)]
    nachricht = git(repo, "log", "-1", "--format=%B")
    assert "Feld:" not in nachricht and "- SA-02: ganze Datei zurückgesetzt" in nachricht
    assert git(repo, "status", "--porcelain") == ""


def test_rueckgaengig_eines_rueckgaengig_heisst_wiederhergestellt(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    store = str(repo / "ziele")
    datei = repo / "ziele" / "agv" / "AGV-02.toml"
    vorher = datei.read_bytes()
    assert cli("status", "AGV-02", "umgesetzt", "-m", "fertig", "--store", store).code == 0
    geaendert = datei.read_bytes()
    betreff = git(repo, "log", "-1", "--format=%s").strip()
    assert cli("rueckgaengig", "--ja", "--store", store).code == 0
    assert git(repo, "log", "-1", "--format=%s").strip() == f"Rückgängig: {betreff}"
    assert datei.read_bytes() == vorher
    assert cli("rueckgaengig", "--ja", "--store", store).code == 0
    assert git(repo, "log", "-1", "--format=%s").strip() == f"Wiederhergestellt: {betreff}"
    assert datei.read_bytes() == geaendert
