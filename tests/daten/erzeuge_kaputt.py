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

# Hostile input: limits of numbers, nesting, types, syntax people get wrong (SA-100 …).
_MESSWERTE = ('[[kennzahlen.messwerte]]\nstichtag = 2023-12-31\nwert = 62.5\n'
              '[[kennzahlen.messwerte]]\nstichtag = 2024-12-31\nwert = 64.0\n')
_HAUSHALT = '[steckbrief]\n'
FAELLE += [
    ("sa/SA-100.toml", "Dezimalkomma", 'basiswert = 61.0', 'basiswert = 61,0', "basiswert =", "", "Dezimalkomma"),
    ("sa/SA-101.toml", "führende Null", 'handlungsfeld = 2', 'handlungsfeld = 02', "handlungsfeld =", "", "führender Null"),
    ("sa/SA-102.toml", "Umlaut im Schlüssel", 'leuchtturm = false', 'leuchtturm = false\ngröße = 1', "größe =", "", "Umlaute und ß nur in Anführungszeichen"),
    ("sa/SA-103.toml", "Liste 5000 Ebenen tief", 'leuchtturm = false', 'leuchtturm = false\nx = ' + "[" * 5000 + "]" * 5000, "x =", "", "zu tief ineinander geschachtelt"),
    ("sa/SA-104.toml", "Inline-Tabelle 3000 Ebenen tief", 'leuchtturm = false', 'leuchtturm = false\nx = ' + "{a = " * 3000 + "1" + "}" * 3000, "x =", "", "zu tief ineinander geschachtelt"),
    ("sa/SA-105.toml", "Liste 100 Ebenen tief (für tomllib lesbar)", 'leuchtturm = false', 'leuchtturm = false\nx = ' + "[" * 100 + "]" * 100, "x =", "", "zu tief ineinander geschachtelt"),
    ("sa/SA-106.toml", "Zahl mit 5000 Stellen", 'basiswert = 61.0', 'basiswert = ' + "9" * 5000, "basiswert =", "", "Tausende Stellen"),
    ("sa/SA-107.toml", "Ganzzahl zu groß für eine Gleitkommazahl", 'basiswert = 61.0', 'basiswert = ' + "9" * 400, "basiswert =", "kennzahlen.1.basiswert", "ist zu groß"),
    ("sa/SA-108.toml", "Gleitkommazahl nahe der Grenze", 'zielwert = 70.0', 'zielwert = 1.7e308', "zielwert =", "kennzahlen.1.zielwert", "ist zu groß"),
    ("sa/SA-109.toml", "negativer Messwert nahe der Grenze", 'wert = 62.5', 'wert = -1.7e308', "wert = -1.7e308", "kennzahlen.1.messwerte.1.wert", "ist zu groß"),
    ("sa/SA-110.toml", "Exponent über der Grenze (inf)", 'basiswert = 61.0', 'basiswert = 1e400', "basiswert =", "kennzahlen.1.basiswert", "keine endliche Zahl"),
    ("sa/SA-111.toml", "nan als Messwert", 'wert = 64.0', 'wert = nan', "wert = nan", "kennzahlen.1.messwerte.2.wert", "keine endliche Zahl"),
    ("sa/SA-112.toml", "-nan als Zielwert", 'zielwert = 70.0', 'zielwert = -nan', "zielwert =", "kennzahlen.1.zielwert", "keine endliche Zahl"),
    ("sa/SA-113.toml", "+inf als Mittel", _HAUSHALT, '[haushalt]\nmittel_plan = +inf\n\n' + _HAUSHALT, "mittel_plan =", "haushalt.mittel_plan", "keine endliche Zahl"),
    ("sa/SA-114.toml", "negative Mittel", _HAUSHALT, '[haushalt]\nmittel_ist = -5\n\n' + _HAUSHALT, "mittel_ist =", "haushalt.mittel_ist", "liegt außerhalb"),
    ("sa/SA-115.toml", "Mittel über einer Billiarde", _HAUSHALT, '[haushalt]\nmittel_plan = 1e16\n\n' + _HAUSHALT, "mittel_plan =", "haushalt.mittel_plan", "ist zu groß"),
    ("sa/SA-116.toml", "nan als Personal", _HAUSHALT, '[haushalt]\npersonal_vzae = nan\n\n' + _HAUSHALT, "personal_vzae =", "haushalt.personal_vzae", "keine endliche Zahl"),
    ("sa/SA-117.toml", "Jahr mit 20 Stellen", 'umsetzungsjahr = 2025', 'umsetzungsjahr = 99999999999999999999', "umsetzungsjahr =", "umsetzungsjahr", "ist zu groß"),
    ("sa/SA-118.toml", "negatives Jahr", 'umsetzungsjahr = 2025', 'umsetzungsjahr = -1', "umsetzungsjahr =", "umsetzungsjahr", "liegt außerhalb"),
    ("sa/SA-119.toml", "Basisjahr 1", 'basiswert = 61.0', 'basiswert = 61.0\nbasisjahr = 1', "basisjahr =", "kennzahlen.1.basisjahr", "liegt außerhalb"),
    ("sa/SA-120.toml", "Zieljahr 2101", 'zielwert = 70.0', 'zielwert = 70.0\nzieljahr = 2101', "zieljahr =", "kennzahlen.1.zieljahr", "liegt außerhalb"),
    ("sa/SA-121.toml", "Handlungsfeld mit 22 Stellen", 'handlungsfeld = 2', 'handlungsfeld = 9999999999999999999999', "handlungsfeld =", "handlungsfeld", "ist zu groß"),
    ("sa/SA-122.toml", "negatives Handlungsfeld", 'handlungsfeld = 2', 'handlungsfeld = -1', "handlungsfeld =", "handlungsfeld", "ist kein gültiger Wert für Handlungsfeld"),
    ("sa/SA-123.toml", "Handlungsfeld als Gleitkommazahl", 'handlungsfeld = 2', 'handlungsfeld = 2.0', "handlungsfeld =", "handlungsfeld", "ist keine Ganzzahl"),
    ("sa/SA-124.toml", "Handlungsfeld als Wahrheitswert", 'handlungsfeld = 2', 'handlungsfeld = true', "handlungsfeld =", "handlungsfeld", "ist keine Ganzzahl"),
    ("sa/SA-125.toml", "Zielwert als Text", 'zielwert = 70.0', 'zielwert = "70"', "zielwert =", "kennzahlen.1.zielwert", "ist keine Zahl"),
    ("sa/SA-126.toml", "Zielwert als Wahrheitswert", 'zielwert = 70.0', 'zielwert = true', "zielwert =", "kennzahlen.1.zielwert", "ist keine Zahl"),
    ("sa/SA-127.toml", "Datum mit Uhrzeit", 'stand = 2025-06-20', 'stand = 2025-06-20T10:00:00', "stand =", "steckbrief.stand", "ist kein Datum"),
    ("sa/SA-128.toml", "Uhrzeit statt Datum", 'stand = 2025-06-20', 'stand = 10:00:00', "stand =", "steckbrief.stand", "ist kein Datum"),
    ("sa/SA-129.toml", "Tabelle statt Datum", 'termin = 2024-03-31', 'termin = {jahr = 2024}', "termin =", "massnahmen.1.termin", "ist kein Datum"),
    ("sa/SA-130.toml", "Zahl als Titel", 'titel = "Häusliche Versorgung älterer Menschen stabilisieren"', 'titel = 5', "titel =", "titel", "ist kein Text"),
    ("sa/SA-131.toml", "Liste als Titel", 'titel = "Häusliche Versorgung älterer Menschen stabilisieren"', 'titel = ["a"]', "titel =", "titel", "ist kein Text"),
    ("sa/SA-132.toml", "leerer Titel", 'titel = "Häusliche Versorgung älterer Menschen stabilisieren"', 'titel = ""', "titel =", "titel", "darf nicht leer sein"),
    ("sa/SA-133.toml", "Titel nur aus Zeilenumbrüchen", 'titel = "Häusliche Versorgung älterer Menschen stabilisieren"', 'titel = """\n\n\n"""', "titel =", "titel", "darf nicht leer sein"),
    ("sa/SA-134.toml", "Aktionsbereiche als Text", '["Prävention", "Angebotsversorgung/Geografie"]', '"Prävention"', "aktionsbereiche =", "aktionsbereiche", "ist keine Liste von Texten"),
    ("sa/SA-135.toml", "Aktionsbereiche als Zahlen", '["Prävention", "Angebotsversorgung/Geografie"]', '[1, 2]', "aktionsbereiche =", "aktionsbereiche", "ist keine Liste von Texten"),
    ("sa/SA-136.toml", "Aktionsbereiche verschachtelt", '["Prävention", "Angebotsversorgung/Geografie"]', '[["Prävention"]]', "aktionsbereiche =", "aktionsbereiche", "ist keine Liste von Texten"),
    ("sa/SA-137.toml", "Beschlüsse als Text", 'umsetzungsjahr = 2025', 'umsetzungsjahr = 2025\nbeschluesse = "Kreistag"', "beschluesse =", "beschluesse", "muss als [[beschluesse]] geschrieben werden"),
    ("sa/SA-138.toml", "Beschlüsse als Zahlenliste", 'umsetzungsjahr = 2025', 'umsetzungsjahr = 2025\nbeschluesse = [1, 2]', "beschluesse =", "beschluesse", "muss als [[beschluesse]] geschrieben werden"),
    ("sa/SA-139.toml", "Haushalt als Zahl", 'umsetzungsjahr = 2025', 'umsetzungsjahr = 2025\nhaushalt = 5', "haushalt =", "haushalt", "muss eine Tabelle [haushalt] sein"),
    ("sa/SA-140.toml", "Tippfehler im Steckbrief", 'stand = 2025-06-20', 'stnad = 2025-06-20', "stnad =", "steckbrief.stnad", "meinten Sie 'stand'?"),
    ("sa/SA-141.toml", "unbekannte Richtung", 'richtung = "steigend"', 'richtung = "seitwärts"', "richtung =", "kennzahlen.1.richtung", "ist kein gültiger Wert für Richtung"),
    ("sa/SA-142.toml", "unbekannte Art", 'art = "Projekt"', 'art = "Programm"', "art =", "art", "ist kein gültiger Wert für Art"),
    ("sa/SA-143.toml", "Status als Zahl", 'status = "in Umsetzung"', 'status = 1', "status = 1", "status", "ist kein Text"),
    ("sa/SA-144.toml", "ID als Zahl", 'id = "{id}"', 'id = 7', "id =", "id", "ist kein Text"),
    ("sa/SA-145.toml", "Schlüssel in Anführungszeichen mit Umlaut", 'leuchtturm = false', 'leuchtturm = false\n"größe" = 1', '"größe" =', "größe", "unbekanntes Feld"),
    ("sa/SA-146.toml", "Tabelle doppelt", '[[massnahmen]]\ntitel = "Pflegefachkraft', '[steckbrief]\n[[massnahmen]]\ntitel = "Pflegefachkraft', "LAST:[steckbrief]", "", "Tabelle ist doppelt deklariert"),
    ("sa/SA-147.toml", "Liste nicht geschlossen", '["Prävention", "Angebotsversorgung/Geografie"]', '["Prävention", "Angebotsversorgung/Geografie"', "status =", "", "TOML-Syntaxfehler"),
    ("sa/SA-148.toml", "Inline-Tabelle nicht geschlossen", 'umsetzungsjahr = 2025', 'umsetzungsjahr = 2025\nhaushalt = {mittel_plan = 5', "haushalt =", "", "Inline-Tabelle wird nicht mit '}' geschlossen"),
    ("sa/SA-149.toml", "ungültige Escape-Sequenz", 'titel = "Häusliche Versorgung älterer Menschen stabilisieren"', 'titel = "Häusliche \\x41 Versorgung"', "titel =", "", "TOML-Syntaxfehler"),
    ("sa/SA-150.toml", "mehrzeiliger Text nicht geschlossen", 'leistungsziel = """Aufsuchende Bedarfsfeststellung wird ausgebaut."""', 'leistungsziel = """Aufsuchende Bedarfsfeststellung wird ausgebaut.', "aktueller_stand =", "", "fehlende Anführungszeichen"),
    ("sa/SA-151.toml", "rohes Escape-Zeichen im Text", 'titel = "Häusliche Versorgung älterer Menschen stabilisieren"', 'titel = "Häusliche \x1b[2J Versorgung"', "titel =", "", "Unzulässiges Steuerzeichen"),
    ("sa/SA-152.toml", "NUL-Byte im Text", 'titel = "Häusliche Versorgung älterer Menschen stabilisieren"', 'titel = "Häusliche \x00 Versorgung"', "titel =", "", "Unzulässiges Steuerzeichen"),
    ("sa/SA-153.toml", "Liste als Zeile", 'leuchtturm = false', 'leuchtturm = false\n[1, 2]', "[1, 2]", "", "TOML-Syntaxfehler"),
    ("sa/SA-154.toml", "Wert ohne Schlüssel", 'leuchtturm = false', 'leuchtturm = false\n= "x"', '= "x"', "", "TOML-Syntaxfehler"),
    ("sa/SA-155.toml", "Konfliktmarkierungen", 'ampel = "gelb"', '<<<<<<< HEAD\nampel = "gelb"\n=======\nampel = "rot"\n>>>>>>> andere', "<<<<<<<", "", "Konflikt aus einer Zusammenführung"),
    ("sa/SA-156.toml", "Leerzeichen im Schlüssel", 'leuchtturm = false', 'leuchtturm = false\nlang titel = "x"', "lang titel", "", "fehlt das '='"),
    ("sa/SA-157.toml", "Punktschlüssel und Tabelle", 'leuchtturm = false', 'leuchtturm = false\nsteckbrief.stand = 2025-01-01', "LAST:[steckbrief]", "", "TOML-Syntaxfehler"),
    ("sa/SA-158.toml", "Wahrheitswert als Zahl", 'leuchtturm = false', 'leuchtturm = 1', "leuchtturm =", "leuchtturm", "ist kein Wahrheitswert"),
    ("sa/SA-159.toml", "Wahrheitswert groß geschrieben", 'leuchtturm = false', 'leuchtturm = True', "leuchtturm =", "", "TOML-Syntaxfehler"),
    ("sa/SA-160.toml", "deutsches Datum", 'termin = 2024-03-31', 'termin = 31.03.2024', "termin = 31", "", "TOML-Syntaxfehler"),
    ("sa/SA-161.toml", "Monat 13", 'termin = 2024-03-31', 'termin = 2024-13-01', "termin = 2024-13", "", "ungültiges Datum oder"),
    ("sa/SA-162.toml", "Begründung als Zahl", 'status = "in Umsetzung"', 'status = "entfallen"\nstatus_begruendung = 5', "status_begruendung =", "status_begruendung", "ist kein Text"),
    ("sa/SA-163.toml", "Kennzahl ohne Namen", 'name = "Anteil häuslich Versorgter"\n', '', "[[kennzahlen]]", "kennzahlen.1.name", "Pflichtfeld fehlt"),
    ("sa/SA-164.toml", "Messwert ohne Stichtag", 'stichtag = 2023-12-31\n', '', "[[kennzahlen.messwerte]]", "kennzahlen.1.messwerte.1.stichtag", "Pflichtfeld fehlt"),
    ("sa/SA-165.toml", "Messwerte als Zahlenliste", _MESSWERTE, 'messwerte = [62.5, 64.0]\n', "messwerte =", "kennzahlen.1.messwerte", "muss als [[kennzahlen.1.messwerte]] geschrieben werden"),
    ("sa/SA-166.toml", "Liste mit Text und Zahl", '"Prävention", "Angebotsversorgung/Geografie"', '"Prävention", 1', "aktionsbereiche =", "aktionsbereiche", "ist keine Liste von Texten"),
    ("sa/SA-167.toml", "Maßnahme ohne Titel", 'titel = "Hausbesuche ausweiten"\n', '', "LAST:[[massnahmen]]", "massnahmen.2.titel", "Pflichtfeld fehlt"),
    ("sa/SA-168.toml", "Termin als Text", 'termin = 2026-12-31', 'termin = "Ende 2026"', "termin = \"Ende", "massnahmen.2.termin", "ist kein Datum"),
    ("sa/SA-169.toml", "Einheit als Zahl", 'einheit = "%"', 'einheit = 5', "einheit =", "kennzahlen.1.einheit", "ist kein Text"),
    ("sa/DEZ-170.toml", "ID mit fremdem Amtskürzel", None, None, "id =", "id", "beginnt nicht mit dem Kürzel des Amts SA"),
    ("sa/SA-171.toml", "Begründung nur aus Leerzeichen", 'status = "in Umsetzung"', 'status = "entfallen"\nstatus_begruendung = "   "', 'status_begruendung =', "status_begruendung", "verlangt eine Begründung"),
    ("sa/SA-172.toml", "Bidi-Zeichen im Schlüssel", 'leuchtturm = false', 'leuchtturm = false\n"titel\u202e" = "x"', '"titel', "titel\u202e", "unbekanntes Feld"),
    ("sa/SA-173.toml", "Escape-Zeichen im Schlüssel", 'leuchtturm = false', 'leuchtturm = false\n"x\\u001b[31m" = "x"', None, "x\x1b[31m", "unbekanntes Feld"),
    ("sa/SA-174.toml", "unsichtbares Zeichen im Schlüssel", 'leuchtturm = false', 'leuchtturm = false\n"ti\u200btel" = "x"', '"ti', "ti\u200btel", "unbekanntes Feld"),
    ("sa/SA-175.toml", "Kennzahlen als Tabelle", '[[kennzahlen]]\n', '[kennzahlen]\n', "[kennzahlen]", "kennzahlen", "muss als [[kennzahlen]] geschrieben werden"),
    ("sa/SA-176.toml", "Ampel leer", 'ampel = "gelb"', 'ampel = ""', "ampel =", "ampel", "ist kein gültiger Wert für Ampel"),
    ("sa/SA-177.toml", "Datum im Jahr 0", 'termin = 2024-03-31', 'termin = 0000-03-31', "termin = 0000", "", "Ungültiges Datum"),
    ("xyz/SA-178.toml", "Ziel in einem unbekannten Ordner", None, None, "amt =", "amt", "gehört aber nach 'sa/'"),
    ("sa/SA-179.toml", "2000 ungültige Maßnahmen", _HAUSHALT, "".join('[[massnahmen]]\ntitel = "x"\nstatus = "kaputt"\n' for _ in range(2000)) + _HAUSHALT, 'status = "kaputt"', "massnahmen.1.status", "ist kein gültiger Wert für Status"),
]

ANZAHL = {"sa/SA-179.toml": 2000}
"""Files with more than one Befund: how many (the listing is capped, the count kept)."""

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
    feld = (feld or "-").encode("unicode_escape").decode("ascii")  # no control codes in comments
    anzahl = f" befunde={ANZAHL[datei]}" if datei in ANZAHL else ""
    kopf = f"# ERWARTET zeile={zeile} feld={feld}{anzahl} | {text}   ({was})\n"
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

# Lone CR line endings (old Mac): tomllib sees one long line.
basis = BASIS.replace('id = "{id}"', 'id = "SA-180"')
kopf = "# ERWARTET zeile=2 feld=- | nur mit CR   (Zeilenenden nur CR)\n"
(ziel / "sa/SA-180.toml").write_bytes((kopf + basis.replace("\n", "\r")).encode("utf-8"))
basis = BASIS.replace('id = "{id}"', 'id = "SA-181"')
kopf = "# ERWARTET zeile=2 feld=- | nicht UTF-8-kodiert   (UTF-16)\n"
(ziel / "sa/SA-181.toml").write_bytes(kopf.encode("utf-8") + basis.encode("utf-16"))
kopf = "# ERWARTET zeile=2 feld=- | nicht UTF-8-kodiert   (Bilddatei statt TOML)\n"
(ziel / "sa/SA-182.toml").write_bytes(kopf.encode("utf-8") + b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
(ziel / "sa/SA-183.toml").write_bytes(b" \t\n\n   \n")
(ziel / "sa/SA-184.toml").write_text("# ERWARTET zeile=- feld=- | keine Angaben   (100.000 Zeichen Kommentar)\n"
                                     + ("# " + "x" * 98 + "\n") * 1000, encoding="utf-8")

# Frame files (strategie.toml): each is a whole frame of its own in kaputt/rahmen/.
RAHMEN = Path("ziele/strategie.toml").read_text(encoding="utf-8")
RAHMEN_FAELLE = [
    ("ordner-hinauf", "Amt-Ordner zeigt hinaus", 'ordner = "dez"', 'ordner = "../x"', 'ordner = "../x"', "aemter.1.ordner", "zeigt nicht auf einen Ordner im Zielspeicher"),
    ("ordner-leer", "Amt-Ordner leer", 'ordner = "dez"', 'ordner = ""', 'ordner = ""', "aemter.1.ordner", "ist leer"),
    ("ordner-punkt", "Amt-Ordner ist der Speicher selbst", 'ordner = "ami"', 'ordner = "."', 'ordner = "."', "aemter.2.ordner", "zeigt nicht auf einen Ordner im Zielspeicher"),
    ("ordner-absolut", "Amt-Ordner absolut", 'ordner = "dez"', 'ordner = "/etc"', 'ordner = "/etc"', "aemter.1.ordner", "zeigt nicht auf einen Ordner im Zielspeicher"),
    ("ordner-tief", "Amt-Ordner über Umwege hinaus", 'ordner = "dez"', 'ordner = "dez/../../x"', 'ordner = "dez/', "aemter.1.ordner", "zeigt nicht auf einen Ordner im Zielspeicher"),
    ("ordner-laufwerk", "Amt-Ordner mit Laufwerk", 'ordner = "dez"', 'ordner = "C:\\\\x"', 'ordner = "C:', "aemter.1.ordner", "zeigt nicht auf einen Ordner im Zielspeicher"),
    ("ordner-toml", "Amt-Ordner heißt wie eine Datei", 'ordner = "dez"', 'ordner = "strategie.toml"', 'ordner = "strategie', "aemter.1.ordner", 'darf nicht auf ".toml" enden'),
    ("ordner-doppelt", "zwei Ämter in einem Ordner", 'ordner = "ami"', 'ordner = "dez"', None, "aemter.ordner", "doppelt vergeben: dez"),
    ("kuerzel-stern", "Kürzel mit Stern", 'kuerzel = "DEZ"', 'kuerzel = "D*"', 'kuerzel = "D*"', "aemter.1.kuerzel", "hat nicht die Form einer ID"),
    ("monate-riesig", "Steckbriefalter riesig", 'steckbrief_max_alter_monate = 6', 'steckbrief_max_alter_monate = 99999999999', "steckbrief_max_alter_monate =", "steckbrief_max_alter_monate", "liegt nicht zwischen 0 und 1200"),
    ("monate-negativ", "Steckbriefalter negativ", 'steckbrief_max_alter_monate = 6', 'steckbrief_max_alter_monate = -1', "steckbrief_max_alter_monate =", "steckbrief_max_alter_monate", "darf nicht negativ sein"),
    ("messwert-monate-riesig", "Messwertalter 10^30", 'messwert_max_alter_monate = 18', 'messwert_max_alter_monate = 1000000000000000000000000000000', "messwert_max_alter_monate =", "messwert_max_alter_monate", "liegt nicht zwischen 0 und 1200"),
    ("toleranz-nan", "Toleranz nan", 'kennzahl_toleranz_prozent = 5', 'kennzahl_toleranz_prozent = nan', "kennzahl_toleranz_prozent =", "kennzahl_toleranz_prozent", "nan liegt nicht zwischen 0 und 100"),
    ("toleranz-inf", "Toleranz inf", 'kennzahl_toleranz_prozent = 5', 'kennzahl_toleranz_prozent = inf', "kennzahl_toleranz_prozent =", "kennzahl_toleranz_prozent", "inf liegt nicht zwischen 0 und 100"),
    ("toleranz-exponent", "Toleranz 1e400", 'kennzahl_toleranz_prozent = 5', 'kennzahl_toleranz_prozent = 1e400', "kennzahl_toleranz_prozent =", "kennzahl_toleranz_prozent", "liegt nicht zwischen 0 und 100"),
    ("toleranz-riesig", "Toleranz mit 400 Stellen", 'kennzahl_toleranz_prozent = 5', 'kennzahl_toleranz_prozent = ' + "9" * 400, "kennzahl_toleranz_prozent =", "kennzahl_toleranz_prozent", "liegt nicht zwischen 0 und 100"),
    ("zahl-stellen", "Zahl mit 5000 Stellen", 'anlage = 6', 'anlage = ' + "6" * 5000, "anlage =", "", "Tausende Stellen"),
    ("tief", "Liste 5000 Ebenen tief", 'steckbrief_max_alter_monate = 6', 'steckbrief_max_alter_monate = 6\nx = ' + "[" * 5000 + "]" * 5000, "x =", "", "zu tief ineinander geschachtelt"),
    ("dezimalkomma", "Dezimalkomma", 'kennzahl_toleranz_prozent = 5', 'kennzahl_toleranz_prozent = 5,5', "kennzahl_toleranz_prozent =", "", "Dezimalkomma"),
    ("name-fehlt", "Name fehlt", 'name = "Sozialstrategie Landkreis Konstanz"\n', '', None, "name", "Pflichtangabe fehlt"),
    ("nummer-text", "Handlungsfeld-Nummer als Text", 'nummer = 1', 'nummer = "eins"', 'nummer = "eins"', "handlungsfelder.1.nummer", "hat den falschen Typ"),
    ("anlage-text", "Anlage als Text", 'anlage = 6', 'anlage = "sechs"', 'anlage = "sechs"', "aemter.1.anlage", "hat den falschen Typ"),
    ("umlaut-schluessel", "Umlaut im Schlüssel", 'name = "Sozialstrategie Landkreis Konstanz"', 'name = "Sozialstrategie Landkreis Konstanz"\nträger = "x"', "träger =", "", "Umlaute und ß nur in Anführungszeichen"),
]
(ziel / "rahmen").mkdir(exist_ok=True)
for name, was, alt, neu, marker, feld, text in RAHMEN_FAELLE:
    assert alt in RAHMEN, (name, alt)
    inhalt = RAHMEN.replace(alt, neu, 1)
    zeilen = inhalt.splitlines()
    zeile = 0 if marker is None else next(i for i, z in enumerate(zeilen, 1) if z.startswith(marker)) + 1
    feld = (feld or "-").encode("unicode_escape").decode("ascii")
    kopf = f"# ERWARTET zeile={zeile} feld={feld} | {text}   ({was})\n"
    (ziel / "rahmen" / f"{name}.toml").write_text(kopf + inhalt, encoding="utf-8")
kopf = "# ERWARTET zeile=2 feld=- | nicht UTF-8-kodiert   (Latin-1 statt UTF-8)\n"
(ziel / "rahmen" / "latin1.toml").write_bytes((kopf + RAHMEN).encode("latin-1", "replace"))
(ziel / "rahmen" / "leer.toml").write_bytes(b"")  # ERWARTET: Die Datei ist leer, Zeile 1
