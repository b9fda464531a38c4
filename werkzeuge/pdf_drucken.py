"""HTML-Bericht mit Headless-Chromium als PDF drucken (A4, Seitenränder aus dem @page-CSS).

Aufruf:

    python werkzeuge/pdf_drucken.py bericht.html                 # schreibt bericht.pdf
    python werkzeuge/pdf_drucken.py bericht.html ausgabe.pdf
    python werkzeuge/pdf_drucken.py steckbriefe.html --chromium /pfad/zu/chromium

Beispiel mit dem Beispielspeicher:

    strategie bericht --format html --ausgabe /tmp/bericht.html
    python werkzeuge/pdf_drucken.py /tmp/bericht.html

Gesucht wird Chromium unter ``--chromium``, der Umgebungsvariablen ``CHROMIUM``, dann
``chromium``, ``chromium-browser``, ``google-chrome`` im PATH und ``/usr/bin/chromium``
(Debian-Paket ``chromium``). Chromium läuft mit frischem Profil in einem temporären Ordner,
ohne Netz-Hintergrunddienste und ohne Chromiums eigene Kopf- und Fußzeile: Kopf, Fuß
(Grundlage des Berichts) und Seitenzahlen kommen aus dem CSS des Berichts.

Exit-Codes: 0 PDF geschrieben, 1 Chromium fehlt oder der Druck schlug fehl, 2 Aufruf falsch
(z. B. Eingabedatei fehlt).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

KANDIDATEN = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
STANDARDPFAD = "/usr/bin/chromium"
ZEITLIMIT = 180.0
"""Seconds Chromium may take for one document before it is stopped."""


class DruckFehler(Exception):
    """Printing did not produce a PDF; the message is German and meant for the user."""


def finde_chromium(angabe: str | None = None) -> str | None:
    """The Chromium executable to use, or None if there is none."""
    if angabe:
        return shutil.which(angabe) or (angabe if Path(angabe).is_file() else None)
    if umgebung := os.environ.get("CHROMIUM"):
        return shutil.which(umgebung) or (umgebung if Path(umgebung).is_file() else None)
    for name in KANDIDATEN:
        if gefunden := shutil.which(name):
            return gefunden
    return STANDARDPFAD if Path(STANDARDPFAD).is_file() else None


def chromium_befehl(chromium: str, eingabe: Path, ausgabe: Path, profil: Path) -> list[str]:
    """The command line that prints *eingabe* to *ausgabe*."""
    return [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-pdf-header-footer", f"--user-data-dir={profil}",
            f"--print-to-pdf={ausgabe}", eingabe.resolve().as_uri()]


def drucke_pdf(eingabe: Path, ausgabe: Path, *, chromium: str | None = None,
               zeitlimit: float = ZEITLIMIT) -> Path:
    """Print an HTML file to PDF with headless Chromium; raise DruckFehler if that fails."""
    programm = finde_chromium(chromium)
    if programm is None:
        raise DruckFehler(
            "Chromium wurde nicht gefunden. Bitte installieren (Debian/Ubuntu: "
            "'sudo apt-get install chromium') oder den Pfad mit --chromium bzw. der "
            "Umgebungsvariablen CHROMIUM angeben.")
    if not eingabe.is_file():
        raise DruckFehler(f"Die HTML-Datei {eingabe} gibt es nicht.")
    ausgabe = ausgabe.resolve()
    ausgabe.parent.mkdir(parents=True, exist_ok=True)
    ausgabe.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="strategie-chromium-") as profil:
        try:
            lauf = subprocess.run(chromium_befehl(programm, eingabe, ausgabe, Path(profil)),
                                  capture_output=True, text=True, timeout=zeitlimit,
                                  stdin=subprocess.DEVNULL, check=False)
        except subprocess.TimeoutExpired:
            raise DruckFehler(f"Chromium hat nach {zeitlimit:.0f} Sekunden kein PDF "
                              "geliefert und wurde beendet.") from None
        except OSError as fehler:
            raise DruckFehler(f"Chromium ({programm}) ließ sich nicht starten: "
                              f"{fehler.strerror or fehler}") from None
    if not ausgabe.is_file() or ausgabe.read_bytes()[:5] != b"%PDF-":
        meldung = "\n".join(lauf.stderr.strip().splitlines()[-5:])
        raise DruckFehler(f"Chromium hat kein PDF geschrieben (Exit-Code {lauf.returncode})."
                          + (f"\nAusgabe von Chromium:\n{meldung}" if meldung else ""))
    return ausgabe


def seitenzahl(pdf: Path) -> int:
    """The number of pages of a PDF Chromium wrote (its page tree's /Count)."""
    daten = pdf.read_bytes()
    return max((int(teil.split(b"/Count", 1)[1].split()[0].strip(b"/>"))
                for teil in daten.split(b"/Type /Pages")[1:] if b"/Count" in teil), default=0)


def main(argumente: list[str] | None = None) -> int:
    """Command line: html [pdf] [--chromium PFAD] [--zeitlimit SEKUNDEN]."""
    parser = argparse.ArgumentParser(
        prog="pdf_drucken.py",
        description="Druckt einen HTML-Bericht (strategie bericht/steckbriefe --format html) "
                    "mit Headless-Chromium als PDF.")
    parser.add_argument("eingabe", type=Path, help="die HTML-Datei")
    parser.add_argument("ausgabe", type=Path, nargs="?",
                        help="die PDF-Datei (Standard: neben der HTML-Datei, Endung .pdf)")
    parser.add_argument("--chromium", help="Pfad oder Name des Chromium-Programms")
    parser.add_argument("--zeitlimit", type=float, default=ZEITLIMIT,
                        help=f"Sekunden bis zum Abbruch (Standard: {ZEITLIMIT:.0f})")
    args = parser.parse_args(argumente)
    if not args.eingabe.is_file():
        print(f"Fehler: Die HTML-Datei {args.eingabe} gibt es nicht.", file=sys.stderr)
        return 2
    ausgabe = args.ausgabe or args.eingabe.with_suffix(".pdf")
    try:
        pdf = drucke_pdf(args.eingabe, ausgabe, chromium=args.chromium,
                         zeitlimit=args.zeitlimit)
    except DruckFehler as fehler:
        print(f"Fehler: {fehler}", file=sys.stderr)
        return 1
    seiten = seitenzahl(pdf)
    print(f"PDF geschrieben: {pdf} ({seiten} Seite{'' if seiten == 1 else 'n'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
