"""Generator of the broken-file corpus in tests/daten/kaputt/ (run from the project root)."""
from pathlib import Path

BASIS = '''id = "{id}"
titel = "Häusliche Versorgung älterer Menschen stabilisieren"
amt = "SA"
handlungsfeld = 2
aktionsbereiche = ["Prävention", "Angebotsversorgung/Geografie"]
status = "in Umsetzung"
ampel = "gelb"
leuchtturm = false
art = "Projekt"
umsetzungsjahr = 2025
wirkungsziel = """Die häusliche Lebenssituation älterer Menschen wird stabilisiert."""
leistungsziel = """Aufsuchende Bedarfsfeststellung wird ausgebaut."""

[steckbrief]
stand = 2025-06-20
aktueller_stand = """Die Stelle ist besetzt."""
finanzielle_beurteilung = """Im Budget."""
inhaltliche_beurteilung = """Wirksam."""

[[massnahmen]]
titel = "Pflegefachkraft einstellen"
status = "umgesetzt"
termin = 2024-03-31

[[massnahmen]]
titel = "Hausbesuche ausweiten"
status = "in Arbeit"
termin = 2026-12-31

[[kennzahlen]]
name = "Anteil häuslich Versorgter"
einheit = "%"
richtung = "steigend"
basiswert = 61.0
zielwert = 70.0
[[kennzahlen.messwerte]]
stichtag = 2023-12-31
wert = 62.5
[[kennzahlen.messwerte]]
stichtag = 2024-12-31
wert = 64.0
'''

# (file, what, replace old -> new (first occurrence), marker of the defective line or None, field, text)
FAELLE = [
    ("sa/SA-90.toml", "Anführungszeichen fehlt", 'titel = "Häusliche Versorgung älterer Menschen stabilisieren"', 'titel = "Häusliche Versorgung älterer Menschen stabilisieren', "titel =", "", "nicht mit Anführungszeichen geschlossen"),
    ("sa/SA-91.toml", "Gleichheitszeichen fehlt", 'art = "Projekt"', 'art "Projekt"', 'art "Projekt"', "", "fehlt das '='"),
    ("sa/SA-92.toml", "Pflichtfeld fehlt", 'titel = "Häusliche Versorgung älterer Menschen stabilisieren"\n', '', None, "titel", "Pflichtfeld fehlt"),
    ("sa/SA-93.toml", "falscher Typ (Text statt Zahl)", 'handlungsfeld = 2', 'handlungsfeld = "zwei"', "handlungsfeld =", "handlungsfeld", "ist keine Ganzzahl"),
    ("sa/SA-94.toml", "falscher Typ (Text statt Wahrheitswert)", 'leuchtturm = false', 'leuchtturm = "nein"', "leuchtturm =", "leuchtturm", "ist kein Wahrheitswert"),
    ("sa/SA-95.toml", "unbekanntes Amt", 'amt = "SA"', 'amt = "XY"', "amt =", "amt", "ist kein gültiger Wert für Amt"),
    ("sa/SA-96.toml", "unbekanntes Handlungsfeld", 'handlungsfeld = 2', 'handlungsfeld = 5', "handlungsfeld =", "handlungsfeld", "ist kein gültiger Wert für Handlungsfeld"),
    ("sa/SA-97.toml", "unbekannter Umsetzungsstand", 'status = "in Umsetzung"', 'status = "in Arbeit"', 'status = "in Arbeit"', "status", "ist kein gültiger Wert für Umsetzungsstand"),
    ("sa/SA-98.toml", "unbekannte Ampel", 'ampel = "gelb"', 'ampel = "orange"', "ampel =", "ampel", "ist kein gültiger Wert für Ampel"),
    ("sa/SA-99.toml", "unbekannter Aktionsbereich", '"Prävention", "Angebotsversorgung/Geografie"', '"Prävention", "Digitalisierung"', "aktionsbereiche =", "aktionsbereiche", "\"Digitalisierung\" ist kein gültiger Wert für Aktionsbereiche"),
    ("sa/SA-80.toml", "ID passt nicht zum Dateinamen", 'id = "{id}"', 'id = "SA-81"', "id =", "id", "passt nicht zum Dateinamen SA-80.toml"),
    ("sa/SA-82.toml", "doppelte ID", 'id = "{id}"', 'id = "SA-90"', "id =", "id", "ist doppelt: sie gehört schon der Datei sa/SA-90.toml"),
    ("dez/SA-83.toml", "Ziel im Ordner eines anderen Amts", None, None, "amt =", "amt", "gehört aber nach 'sa/'"),
    ("sa/SA-84.toml", "Datum als Text", 'stand = 2025-06-20', 'stand = "2025-06-20"', "stand =", "steckbrief.stand", "ist kein Datum"),
    ("sa/SA-85.toml", "ungültiges Datum", 'termin = 2024-03-31', 'termin = 2024-02-30', "termin = 2024-02-30", "", "Ungültiges Datum"),
    ("sa/SA-86.toml", "unbekanntes Feld", 'ampel = "gelb"', 'ampel = "gelb"\nampell = "rot"', "ampell =", "ampell", "meinten Sie 'ampel'?"),
    ("sa/SA-87.toml", "Begründung fehlt", 'status = "in Umsetzung"', 'status = "entfallen"', 'status = "entfallen"', "status_begruendung", "verlangt eine Begründung"),
    ("sa/SA-88.toml", "unbekannter Maßnahmenstatus", 'status = "in Arbeit"', 'status = "fertig"', 'status = "fertig"', "massnahmen.2.status", "ist kein gültiger Wert für Status"),
    ("sa/SA-89.toml", "Messwert ohne Wert", 'stichtag = 2024-12-31\nwert = 64.0\n', 'stichtag = 2024-12-31\n', "LAST:[[kennzahlen.messwerte]]", "kennzahlen.1.messwerte.2.wert", "Pflichtfeld fehlt"),
    ("sa/SA-79.toml", "Text statt Liste", 'umsetzungsjahr = 2025', 'umsetzungsjahr = 2025\nbeteiligte = "Amt für Gesundheit und Versorgung"', "beteiligte =", "beteiligte", "ist keine Liste von Texten"),
    ("sa/SA-78.toml", "Jahr außerhalb des Bereichs", 'umsetzungsjahr = 2025', 'umsetzungsjahr = 1999', "umsetzungsjahr =", "umsetzungsjahr", "liegt außerhalb"),
    ("sa/SA-77.toml", "Schlüssel doppelt", 'ampel = "gelb"', 'ampel = "gelb"\nampel = "rot"', 'ampel = "rot"', "", "Schlüssel ist doppelt vergeben"),
    ("sa/SA-76.toml", "ID ohne Nummer", None, None, "id =", "id", "hat nicht die Form AMT-Nummer"),
    ("sa/SA-75.toml", "Zahl als Text", 'basiswert = 61.0', 'basiswert = "61,0"', "basiswert =", "kennzahlen.1.basiswert", "ist keine Zahl"),
]

ziel = Path("tests/daten/kaputt")
for datei, was, alt, neu, marker, feld, text in FAELLE:
    stem = Path(datei).stem
    inhalt = BASIS.replace('id = "{id}"', f'id = "{stem}"') if alt != 'id = "{id}"' else BASIS
    if alt is not None:
        assert alt in inhalt, (datei, alt)
        inhalt = inhalt.replace(alt, neu, 1)
    if stem == "SA-76":
        datei = "sa/SA76.toml"
        inhalt = inhalt.replace('id = "SA-76"', 'id = "SA76"')
    kopf_zeilen = 1
    if marker is None:
        zeile = 0
    else:
        zeilen = inhalt.splitlines()
        if marker.startswith("LAST:"):
            m = marker[5:]
            zeile = max(i for i, z in enumerate(zeilen, 1) if z.startswith(m)) + kopf_zeilen
        else:
            zeile = next(i for i, z in enumerate(zeilen, 1) if z.startswith(marker)) + kopf_zeilen
    kopf = f"# ERWARTET zeile={zeile} feld={feld or '-'} | {text}   ({was})\n"
    (ziel / datei).parent.mkdir(parents=True, exist_ok=True)
    (ziel / datei).write_text(kopf + inhalt, encoding="utf-8")

# Byte-level defects: not expressible as text edits of UTF-8.
basis = BASIS.replace('id = "{id}"', 'id = "SA-74"')
kopf = "# ERWARTET zeile=3 feld=- | nicht UTF-8-kodiert   (Latin-1 statt UTF-8)\n"
(ziel / "sa/SA-74.toml").write_bytes((kopf + basis).encode("latin-1"))
basis = BASIS.replace('id = "{id}"', 'id = "SA-73"')
kopf = "# ERWARTET zeile=1 feld=- | Byte-Order-Mark   (UTF-8 mit BOM)\n"
(ziel / "sa/SA-73.toml").write_bytes(b"\xef\xbb\xbf" + (kopf + basis).encode("utf-8"))
(ziel / "sa/SA-72.toml").write_bytes(b"")
(ziel / "sa/SA-71.toml").write_text("# ERWARTET zeile=- feld=- | keine Angaben   (nur Kommentare)\n\n# noch ein Kommentar\n", encoding="utf-8")
