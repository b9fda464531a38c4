"""Earlier states (--stand, --rev, --bis) on real histories; Bloom filters in the commit-graph."""

from __future__ import annotations

import json
import os
import re
import struct
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import git, kopf


def _um(monkeypatch: pytest.MonkeyPatch, datum: str) -> None:
    """The next commits carry this author and committer date."""
    monkeypatch.setenv("GIT_AUTHOR_DATE", f"{datum}T10:00:00")
    monkeypatch.setenv("GIT_COMMITTER_DATE", f"{datum}T10:00:00")


@pytest.fixture
def geschichte(cli, repo: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Example store from 15.01.2025, then one change a quarter; returns the commit ids."""
    store = str(repo / "ziele")
    _um(monkeypatch, "2025-01-15")
    git(repo, "commit", "--amend", "-q", "--no-edit", "--reset-author")
    commits = {"anfang": kopf(repo)}
    for datum, name, argumente in (
            ("2025-03-01", "sa02", ("status", "SA-02", "umgesetzt", "-m", "fertig")),
            ("2025-06-01", "ami01", ("setze", "AMI-01", "ampel", "gelb", "-m", "Verzug")),
            ("2025-09-01", "agv02", ("setze", "AGV-02", "handlungsfeld", "3", "-m", "neu"))):
        _um(monkeypatch, datum)
        assert cli(*argumente, "--store", store).code == 0
        commits[name] = kopf(repo)
    monkeypatch.delenv("GIT_AUTHOR_DATE")
    monkeypatch.delenv("GIT_COMMITTER_DATE")
    return commits


Cli = Callable[..., object]


def _json(cli: Cli, *argumente: str) -> list[dict]:
    ergebnis = cli(*argumente, "--format", "json")
    assert ergebnis.code == 0, ergebnis.err  # type: ignore[attr-defined]
    return json.loads(ergebnis.out)  # type: ignore[attr-defined, no-any-return]


def test_aenderungen_bis_datum_und_rev(cli, repo: Path, geschichte: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    store = ("--store", str(repo / "ziele"))
    bis_datum = _json(cli, "aenderungen", "--seit", "2025-02-01", "--bis", "2025-06-30", *store)
    assert sorted(e["ziel"] for e in bis_datum) == ["AMI-01", "SA-02"]
    bis_rev = _json(cli, "aenderungen", "--seit", geschichte["anfang"], "--bis",
                    geschichte["sa02"], *store)
    assert [e["ziel"] for e in bis_rev] == ["SA-02"]
    nur_tag = _json(cli, "aenderungen", "--seit", "2025-06-01", "--bis", "2025-06-01", *store)
    assert [e["ziel"] for e in nur_tag] == ["AMI-01"]


def test_liste_und_zeige_zum_stand_und_rev(cli, repo: Path, geschichte: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    store = ("--store", str(repo / "ziele"))
    ziele = {z["id"]: z for z in _json(cli, "liste", "--rev", geschichte["sa02"], *store)}
    assert ziele["SA-02"]["status"] == "umgesetzt" and ziele["AMI-01"]["ampel"] == "grün"
    heute = {z["id"]: z for z in _json(cli, "liste", *store)}
    assert heute["AMI-01"]["ampel"] == "gelb"
    frueher = cli("zeige", "SA-02", "--stand", "2025-02-28", *store)
    assert frueher.code == 0 and "in Vorbereitung" in frueher.out and "umgesetzt" not in (
        frueher.out.split("Maßnahmen")[0])
    assert f"Commit {geschichte['anfang'][:8]}" in frueher.err
    jetzt = cli("zeige", "SA-02", *store)
    assert "umgesetzt" in jetzt.out.split("Maßnahmen")[0]


def _zeile(ausgabe: str, amt: str) -> list[int]:
    (zeile,) = [z for z in ausgabe.splitlines() if z.strip().startswith(amt)]
    return [int(t) for t in zeile.split()[-5:]]


def test_matrix_zum_stand_und_rev(cli, repo: Path, geschichte: dict[str, str],  # type: ignore[no-untyped-def]
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    store = ("--store", str(repo / "ziele"))
    amt = "Amt für Gesundheit und Versorgung"
    assert _zeile(cli("matrix", *store).out, amt) == [6, 1, 2, 2, 1]
    for frueher in (("--stand", "2025-08-31"), ("--rev", geschichte["ami01"])):
        ergebnis = cli("matrix", *frueher, *store)
        assert ergebnis.code == 0, ergebnis.err
        assert _zeile(ergebnis.out, amt) == [6, 1, 3, 1, 1]


def _chunks(graph: Path) -> set[bytes]:
    """Chunk ids in the table of contents of a commit-graph file (git's format docs)."""
    daten = graph.read_bytes()
    assert daten[:4] == b"CGPH"
    anzahl = daten[6]
    return {struct.unpack_from(">4sQ", daten, 8 + 12 * i)[0] for i in range(anzahl)}


def test_commit_graph_hat_bloom_filter_fuer_geaenderte_pfade(cli, repo: Path,  # type: ignore[no-untyped-def]
                                                              tmp_path: Path) -> None:
    store = str(repo / "ziele")
    assert cli("status", "SA-02", "umgesetzt", "--store", store).code == 0
    assert cli("verlauf", "SA-02", "--store", store).code == 0
    info = repo / ".git" / "objects" / "info"
    kette = info / "commit-graphs" / "commit-graph-chain"
    schichten = [info / "commit-graphs" / f"graph-{h}.graph"
                 for h in kette.read_text().split()] if kette.exists() else [info / "commit-graph"]
    assert schichten and all({b"BIDX", b"BDAT"} <= _chunks(s) for s in schichten)
    git(repo, "commit-graph", "verify")
    spur = tmp_path / "trace2.txt"
    subprocess.run(["git", "-C", str(repo), "log", "--format=%H", "--", "ziele/sa/SA-02.toml"],
                   env={**os.environ, "GIT_TRACE2_PERF": str(spur)}, check=True,
                   capture_output=True)
    statistik = re.search(r'bloom.*statistics:(\{.*\})', spur.read_text(encoding="utf-8"))
    assert statistik is not None
    assert json.loads(statistik.group(1))["filter_not_present"] == 0
