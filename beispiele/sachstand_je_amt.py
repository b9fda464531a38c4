"""Beispielskript: je Amt ein Sachstand als Markdown und eine Zeile Kennzahlen auf der Konsole.

Aufruf (im Projektordner):

    python3 beispiele/sachstand_je_amt.py [SPEICHER] [--stand JJJJ-MM-TT] [--ausgabe ORDNER]

Ohne SPEICHER wird der Zielspeicher wie bei `strategie` gesucht (im Projektordner: ziele/).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from strategie import api


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("speicher", nargs="?", help="Ordner des Zielspeichers")
    parser.add_argument("--stand", help="Stichtag (JJJJ-MM-TT): der Speicher, wie er damals war")
    parser.add_argument("--ausgabe", default="sachstand", help="Ordner für die Markdown-Dateien")
    args = parser.parse_args()

    speicher = api.oeffne(args.speicher, stand=args.stand)
    ordner = Path(args.ausgabe)
    ordner.mkdir(parents=True, exist_ok=True)
    for amt in speicher.rahmen.aemter_in_anlagenfolge():
        bericht = api.bericht(speicher, amt=[amt.kuerzel])
        z = bericht.zusammenfassung
        erledigt = z.nach_status["umgesetzt"] + z.nach_status["im Regelbetrieb"]
        print(f"{amt.kuerzel:5} {z.anzahl:3} Ziele, {erledigt:3} umgesetzt, "
              f"{z.nach_ampel['rot']:2} rot, {len(z.auffaellig):3} mit Handlungsbedarf")
        datei = ordner / f"sachstand-{amt.kuerzel.lower()}.md"
        datei.write_text(str(api.rendere(bericht, "markdown")), encoding="utf-8")
    print(f"Grundlage: {bericht.grundlage.zeile()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
