"""Whole-process benchmark (issue 11): times commands as a user runs them, beside taskwarrior,
plain git and the interpreter, measured in one run.

    python3 -m benchmarks.prozesse [--groessen 46,1000,10000,50000] [--nur NAME …] [--laeufe N]

Every command is a fresh process started from outside; its wall time and its peak memory (max
RSS of the command and the children it waited for, reported by GNU time, /usr/bin/time) are
recorded. All commands
of one table run once to warm up, then in turn, A B C A B C …, and the table shows medians, the
spread, and each row's ratio to its peer measured in the same rounds. "warm" means after a run
that filled strategie's cache; "kalt" means with ``.git/strategie/`` removed before each start.
Progress goes to stderr, the Markdown tables to stdout, all figures as JSON to
``benchmarks/ergebnisse/``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.messen import SPEICHER_CACHE
from benchmarks.prozess_messen import Befehl, Messung, im_wechsel, rss_messbar
from benchmarks.prozess_speicher import TASK_INSTALLIEREN, TIME_INSTALLIEREN, speicher, taskwarrior
from benchmarks.prozess_speicher import team as team_aufbauen
from benchmarks.prozess_tabelle import Ergebnis, gruppe_json, markdown
from benchmarks.prozess_zeilen import SCHLUESSEL, Gruppe, groesse, programmstart, team

ERGEBNISSE = Path(__file__).resolve().parent / "ergebnisse"
GROESSEN = (46, 1000, 10_000, 50_000)
KLEIN = 46


def _version(*argv: str) -> str:
    try:
        return subprocess.run(argv, capture_output=True, text=True).stdout.strip()
    except OSError:
        return ""


def rechner() -> dict[str, object]:
    """What the figures were measured on."""
    return {"kerne": os.cpu_count(), "last_1min": os.getloadavg()[0],
            "python": platform.python_version(), "system": platform.platform(),
            "git": _version("git", "--version"), "taskwarrior": _version("task", "--version")}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python3 -m benchmarks.prozesse",
        description="Ganze Prozesse messen, wie ein Nutzer sie startet: strategie neben "
                    "taskwarrior, git und dem Interpreter, im selben Lauf.")
    p.add_argument("--groessen", default=",".join(map(str, GROESSEN)),
                   help="Speichergrößen in Zielen, mit Komma (Standard: %(default)s)")
    p.add_argument("--nur", nargs="+", metavar="NAME",
                   help="nur Zeilen, deren Schlüssel so beginnt (z. B. zeige status sync)")
    p.add_argument("--laeufe", type=int, default=5, help="gemessene Läufe je Befehl (5)")
    p.add_argument("--laeufe-gross", type=int, default=3,
                   help="Läufe bei Speichern ab 50.000 Zielen (3)")
    p.add_argument("--speicherordner", type=Path, default=SPEICHER_CACHE,
                   help="wo die erzeugten Speicher liegen (benchmarks/.stores/)")
    p.add_argument("--json", type=Path, help="Ergebnisdatei (Standard: "
                   "benchmarks/ergebnisse/prozesse-DATUM-UHRZEIT.json)")
    return p


def _ausgewaehlt(gruppe: Gruppe, nur: list[str] | None) -> Gruppe:
    unbekannt = {z.schluessel for z in gruppe.zeilen} - {k for a in SCHLUESSEL.values() for k in a}
    assert not unbekannt, f"Zeilen fehlen in SCHLUESSEL: {unbekannt}"
    if nur:
        gruppe.zeilen = [z for z in gruppe.zeilen if any(z.schluessel.startswith(n) for n in nur)]
    return gruppe


def _gewaehlt(art: str, nur: list[str] | None) -> bool:
    """Whether ``--nur`` leaves any row of this kind of group."""
    return not nur or any(k.startswith(n) for k in SCHLUESSEL[art] for n in nur)


def gruppen(args: argparse.Namespace, groessen: list[int], hinweise: list[str]
            ) -> Iterator[Gruppe]:
    """The groups to measure, each built (and its stores prepared) just before it runs;
    groups of which ``--nur`` leaves nothing are not prepared at all."""
    basis: Path = args.speicherordner
    basis.mkdir(parents=True, exist_ok=True)
    tw_fehlt = shutil.which("task") is None
    if tw_fehlt:
        hinweise.append(f"taskwarrior fehlt, seine Zeilen entfallen. Installieren: "
                        f"{TASK_INSTALLIEREN}")
    if not rss_messbar():
        hinweise.append(f"/usr/bin/time fehlt, der Speicherbedarf (max. RSS) bleibt leer. "
                        f"Installieren: {TIME_INSTALLIEREN}")
    klein = speicher(basis, KLEIN)
    if _gewaehlt("Programmstart", args.nur):
        yield programmstart(None if tw_fehlt else taskwarrior(basis, klein), klein)
    for anzahl in groessen if _gewaehlt("Speicher", args.nur) else ():
        s = speicher(basis, anzahl)
        tw = taskwarrior(basis, s) if anzahl == 10_000 else None
        yield groesse(s, speicher(basis, KLEIN), tw)
    if 10_000 in groessen and _gewaehlt("Team", args.nur):
        yield team(team_aufbauen(basis, speicher(basis, 10_000)))


def messe(gruppe: Gruppe, laeufe: int) -> list[Ergebnis]:
    """Measure every distinct command of the group in the same interleaved rounds."""
    befehle: dict[str, Befehl] = {}
    for zeile in gruppe.zeilen:
        for befehl in (zeile.unsere, zeile.vergleich):
            if befehl is not None:
                befehle.setdefault(befehl.name, befehl)
    messungen = im_wechsel(list(befehle.values()), laeufe, gruppe.titel)
    def messung(befehl: Befehl | None) -> Messung | None:
        return None if befehl is None else messungen[befehl.name]
    return [Ergebnis(z, messung(z.unsere), messung(z.vergleich)) for z in gruppe.zeilen]


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    groessen = [int(g.replace(".", "").replace("_", "")) for g in args.groessen.split(",") if g]
    hinweise: list[str] = []
    beginn = time.strftime("%Y-%m-%dT%H:%M:%S")
    maschine = rechner()
    gemessen: list[dict[str, object]] = []
    print(f"Ganze Prozesse, gestartet wie von Hand; Mediane nach einem Aufwärmlauf, Befehle "
          f"einer Tabelle im Wechsel; max. RSS = Spitze über alle Läufe. {beginn}, "
          f"{maschine['kerne']} Kerne, Last {maschine['last_1min']:.1f}, Python "
          f"{maschine['python']}, {maschine['git']}, taskwarrior "
          f"{maschine['taskwarrior'] or '–'}.\n", flush=True)
    for gruppe in gruppen(args, groessen, hinweise):
        gruppe = _ausgewaehlt(gruppe, args.nur)
        if not gruppe.zeilen:
            continue
        laeufe = args.laeufe_gross if gruppe.ziele >= 50_000 else args.laeufe
        ergebnisse = messe(gruppe, laeufe)
        last = os.getloadavg()[0]
        print(markdown(gruppe, ergebnisse, laeufe) + f"\n\nLast (1 min) danach: "
              f"{last:.1f}\n".replace(".", ","), flush=True)
        gemessen.append(gruppe_json(gruppe, ergebnisse, laeufe) | {"last_1min_danach": last})
    alle = [k for art in SCHLUESSEL.values() for k in art]
    for name in args.nur or ():
        if not any(k.startswith(name) for k in alle):
            hinweise.append(f"--nur {name}: keine Zeile heißt so (Zeilen: {', '.join(alle)})")
    for hinweis in hinweise:
        print(f"Hinweis: {hinweis}")
    daten = {"beginn": beginn, "rechner": maschine, "laeufe": args.laeufe,
             "laeufe_gross": args.laeufe_gross, "gruppen": gemessen, "hinweise": hinweise}
    ziel = args.json or ERGEBNISSE / f"prozesse-{beginn.replace(':', '')}.json"
    ziel.parent.mkdir(parents=True, exist_ok=True)
    ziel.write_text(json.dumps(daten, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"Ergebnisse: {ziel}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
