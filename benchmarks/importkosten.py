"""What starting strategie costs before it does anything: the price of each imported library.

    python3 -m benchmarks.importkosten [--laeufe N] [--store PFAD --zeige ID]

Every figure is a fresh process (``python3 -c "import …"``), its CPU time (user + system, which
a busy machine disturbs less than wall time) and wall time minus those of ``python3 -c pass``,
medians of runs taken in turn. A library is measured with every one of its modules that
``import strategie.cli.main`` loads; "strategie selbst" is the whole import minus all foreign
modules imported first.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

from benchmarks.prozess_messen import umgebung

SCHWER = ("rich", "git", "gitdb", "tomlkit", "openpyxl", "textual", "tui")


def geladene_module(code: str = "import strategie.cli.main") -> list[str]:
    """The modules a fresh interpreter has loaded after running *code*."""
    programm = f"import sys\n_vorher = set(sys.modules)\n{code}\nprint('\\n'.join(sorted(" \
               "set(sys.modules) - _vorher)))"
    return subprocess.run([sys.executable, "-c", programm], capture_output=True, text=True,
                          check=True, env=umgebung({})).stdout.split()


def _cpu_und_wand(code: str) -> tuple[float, float]:
    start = time.perf_counter()
    prozess = subprocess.Popen([sys.executable, "-c", code], env=umgebung({}))
    _, status, nutzung = os.wait4(prozess.pid, 0)
    prozess.returncode = os.waitstatus_to_exitcode(status)
    if prozess.returncode:
        raise RuntimeError(f"{code!r}: Exit-Code {prozess.returncode}")
    return nutzung.ru_utime + nutzung.ru_stime, time.perf_counter() - start


def messe(programme: dict[str, str], laeufe: int) -> dict[str, tuple[float, float]]:
    """Median (CPU, wall) seconds of each program, all run in turn, after one warm-up each."""
    for code in programme.values():
        _cpu_und_wand(code)
    werte: dict[str, list[tuple[float, float]]] = {name: [] for name in programme}
    for _ in range(laeufe):
        for name, code in programme.items():
            werte[name].append(_cpu_und_wand(code))
    return {name: (statistics.median(c for c, _ in w), statistics.median(t for _, t in w))
            for name, w in werte.items()}


def programme() -> dict[str, str]:
    """Name → import statement: each foreign library as strategie loads it, and the whole."""
    module = geladene_module()
    stdlib = set(sys.stdlib_module_names)
    gruppen: dict[str, list[str]] = {}
    for name in module:
        wurzel = name.split(".")[0]
        if wurzel == "strategie" or wurzel.startswith("__editable__"):
            continue
        gruppen.setdefault("Standardbibliothek" if wurzel in stdlib else wurzel, []).append(name)
    fremd = [m for namen in gruppen.values() for m in namen]
    ergebnis = {"python3 -c pass": "pass"}
    ergebnis.update({f"{name} ({len(namen)} Module)": "import " + ", ".join(namen)
                     for name, namen in sorted(gruppen.items())})
    ergebnis["alle fremden Module zusammen"] = "import " + ", ".join(fremd)
    ergebnis["alle fremden, dann strategie.cli.main"] = (
        "import " + ", ".join(fremd) + "\nimport strategie.cli.main")
    ergebnis["import strategie.cli.main"] = "import strategie.cli.main"
    return ergebnis


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m benchmarks.importkosten",
                                     description="Importkosten von strategie je Bibliothek.")
    parser.add_argument("--laeufe", type=int, default=15, help="Läufe je Programm (15)")
    parser.add_argument("--store", default=None, help="Speicher für `zeige` (Ordner)")
    parser.add_argument("--zeige", metavar="ID", help="auch die Module von `zeige ID` nennen")
    args = parser.parse_args(argv)
    liste = programme()
    zeiten = messe(liste, args.laeufe)
    leer_cpu, leer_wand = zeiten["python3 -c pass"]
    fremd_cpu, fremd_wand = zeiten["alle fremden Module zusammen"]
    beide_cpu, beide_wand = zeiten["alle fremden, dann strategie.cli.main"]
    print(f"| Import ({args.laeufe} Läufe, über `python3 -c pass`) | CPU-Zeit | Wanduhr |")
    print("|---|---|---|")
    for name, (cpu, wand) in zeiten.items():
        if name != "python3 -c pass":
            print(f"| {name} | {(cpu - leer_cpu) * 1000:.0f} ms "
                  f"| {(wand - leer_wand) * 1000:.0f} ms |")
    print(f"| strategie selbst (nach allen fremden) | {(beide_cpu - fremd_cpu) * 1000:.0f} ms | "
          f"{(beide_wand - fremd_wand) * 1000:.0f} ms |")
    print(f"\n`python3 -c pass`: {leer_cpu * 1000:.0f} ms CPU, {leer_wand * 1000:.0f} ms Wanduhr.")
    print("\nSchwere Pakete, die ein Befehl lädt (Module insgesamt):")
    for befehl in (["--help"], *([["zeige", args.zeige]] if args.zeige else [])):
        code = ("import atexit, sys\nfrom strategie.cli.main import main\n"
                f"atexit.register(lambda: print(*sorted(sys.modules), file=sys.stderr))\n"
                f"sys.exit(main({befehl!r}))")
        lauf = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              env=umgebung({}), cwd=args.store)
        module = lauf.stderr.split()
        schwer = [p for p in SCHWER if any(m == p or m.startswith(p + ".") for m in module)]
        print(f"- `strategie {' '.join(befehl)}`: {', '.join(schwer) or '–'} ({len(module)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
