"""Own template folders: a Landratsamt's corporate design replaces shipped templates by name,
through --vorlage or [berichte] vorlagen in the frame; escaping and the sandbox still hold."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from strategie.ausgabe.berichte import rendere_bericht, rendere_jahresplanung, rendere_steckbriefe
from strategie.ausgabe.html.bericht import bericht_html
from strategie.ausgabe.html.steckbriefe import steckbriefe_html
from strategie.ausgabe.html.umgebung import MITGELIEFERT, umgebung
from strategie.auswertung.bericht import Bericht, erstelle_bericht
from strategie.auswertung.jahresplanung import erstelle_jahresplanung
from strategie.modell.befund import StrategieFehler
from strategie.speicher.laden import lade_speicher
from tests.bericht.dom import alle, eins, parse, text
from tests.conftest import BEISPIEL, git

HEUTE = dt.date(2026, 11, 24)
ERSTELLT = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))

HAUSSTIL = ":root { --akzent: #00594f; }\nh1 { letter-spacing: 0.02em; }\n"
BRIEFKOPF = ('<div class="briefkopf"><svg class="logo" viewBox="0 0 10 10" width="20" '
             'height="20" role="img" aria-label="Logo"><rect width="10" height="10" '
             'fill="#00594f"/></svg> Landratsamt {{ bericht.rahmen.traeger }}</div>\n')


def _bericht(speicher: Path) -> Bericht:
    return erstelle_bericht(lade_speicher(speicher), heute=HEUTE, erstellt=ERSTELLT)


@pytest.fixture(scope="module")
def bericht() -> Bericht:
    return _bericht(BEISPIEL)


@pytest.fixture
def hausvorlagen(tmp_path: Path) -> Path:
    ordner = tmp_path / "hausvorlagen"
    ordner.mkdir()
    (ordner / "hausstil.css.j2").write_text(HAUSSTIL, encoding="utf-8")
    (ordner / "briefkopf.html.j2").write_text(BRIEFKOPF, encoding="utf-8")
    return ordner


def test_mitgelieferte_vorlagen_in_der_sandbox_gleich(bericht: Bericht, tmp_path: Path) -> None:
    """An empty own folder switches to the sandbox and changes nothing: the shipped templates
    use nothing the sandbox forbids."""
    leer = tmp_path / "leer"
    leer.mkdir()
    assert umgebung(leer).sandboxed and not umgebung(None).sandboxed
    assert bericht_html(bericht, leer) == bericht_html(bericht)
    assert steckbriefe_html(bericht, leer) == steckbriefe_html(bericht)


def test_hausstil_und_briefkopf(bericht: Bericht, hausvorlagen: Path) -> None:
    for ausgabe in (bericht_html(bericht, hausvorlagen), steckbriefe_html(bericht, hausvorlagen)):
        dokument = parse(ausgabe)
        stil = text(eins(dokument, "style"))
        assert stil.rstrip().endswith(" ".join(HAUSSTIL.split()))  # after all shipped rules
        kopf = eins(dokument, "div", "briefkopf")
        assert text(kopf) == "Landratsamt Dezernat für Soziales und Gesundheit"
        body = eins(dokument, "body")
        assert list(body)[0] is kopf  # first on the page
    assert "briefkopf" not in bericht_html(bericht)


def test_jahresplanung_mit_eigenen_vorlagen(hausvorlagen: Path) -> None:
    """The Jahresplanung takes the same house style and letterhead, and its own template can
    be replaced by name like any other."""
    planung = erstelle_jahresplanung(lade_speicher(BEISPIEL), 2027, erstellt=ERSTELLT)
    dokument = parse(str(rendere_jahresplanung(planung, "html", vorlage=hausvorlagen)))
    assert text(eins(dokument, "div", "briefkopf")) == ("Landratsamt Dezernat für Soziales und "
                                                        "Gesundheit")
    assert text(eins(dokument, "style")).rstrip().endswith(" ".join(HAUSSTIL.split()))
    eigene = hausvorlagen.parent / "haushalt"  # a new folder: templates are cached per folder
    shutil.copytree(hausvorlagen, eigene)
    (eigene / "jahresplanung.html.j2").write_text(
        '{% extends "standard/jahresplanung.html.j2" %}{% block inhalt %}<h1>Vorlage zur '
        "Haushaltsberatung {{ planung.jahr }}</h1>{{ super() }}{% endblock %}",
        encoding="utf-8")
    eigen = parse(str(rendere_jahresplanung(planung, "html", vorlage=eigene)))
    assert [text(h) for h in alle(eigen, "h1")] == ["Vorlage zur Haushaltsberatung 2027",
                                                   planung.titel]


def test_eigene_vorlage_ersetzt_einen_teil_und_erbt_den_rest(bericht: Bericht,
                                                             hausvorlagen: Path) -> None:
    (hausvorlagen / "bericht_kopf.html.j2").write_text(
        '{% import "bausteine.html.j2" as b %}<header><h1>Kreistag: {{ bericht.titel }}</h1>'
        "<p>{{ z.anzahl }} Ziele</p></header>{{ b.grundlage(bericht) }}", encoding="utf-8")
    (hausvorlagen / "basis.html.j2").write_text(
        '{% extends "standard/basis.html.j2" %}{% block briefkopf %}'
        '<p class="eigen">Eigener Kopf</p>{% endblock %}', encoding="utf-8")
    dokument = parse(bericht_html(bericht, hausvorlagen))
    assert text(eins(dokument, "h1")) == "Kreistag: Sachstandsbericht Sozialstrategie Landkreis " \
                                         "Konstanz"
    assert text(eins(dokument, "p", "eigen")) == "Eigener Kopf"
    assert not list(alle(dokument, "nav"))  # the own head has no table of contents
    assert len(list(alle(dokument, "section", "amt"))) == 6  # the rest is shipped


def test_texte_bleiben_in_eigenen_vorlagen_text(beispiel: Path, hausvorlagen: Path) -> None:
    datei = beispiel / "sa" / "SA-01.toml"
    inhalt = datei.read_text(encoding="utf-8")
    titel = inhalt.split('titel = "', 1)[1].split('"', 1)[0]
    datei.write_text(inhalt.replace(titel, "<script>alert(1)</script> \\u001b[31m"),
                     encoding="utf-8")
    (hausvorlagen / "steckbrief.html.j2").write_text(
        "<article><h3>{{ sb.ziel.titel }}</h3>{{ sb.ziel.titel|upper }}</article>",
        encoding="utf-8")
    ausgabe = steckbriefe_html(_bericht(beispiel), hausvorlagen)
    assert "<script>" not in ausgabe.lower() and "\x1b" not in ausgabe
    assert "&lt;script&gt;alert(1)&lt;/script&gt; ␛[31m" in ausgabe


def test_sandbox_haelt_vorlagen_von_python_fern(bericht: Bericht, hausvorlagen: Path) -> None:
    (hausvorlagen / "briefkopf.html.j2").write_text(
        "{{ bericht.__class__.__init__.__globals__ }}", encoding="utf-8")
    with pytest.raises(StrategieFehler, match="briefkopf.html.j2.*fehlerhaft"):
        bericht_html(bericht, hausvorlagen)


def test_fehlerhafte_vorlage_deutsche_meldung(bericht: Bericht, hausvorlagen: Path) -> None:
    (hausvorlagen / "briefkopf.html.j2").write_text("Zeile 1\n{% if %}\n", encoding="utf-8")
    with pytest.raises(StrategieFehler) as fehler:
        bericht_html(bericht, hausvorlagen)
    assert "Die HTML-Vorlage briefkopf.html.j2:2" in str(fehler.value)
    assert str(hausvorlagen) in str(fehler.value)
    (hausvorlagen / "briefkopf.html.j2").write_text("{{ gibt_es_nicht }}", encoding="utf-8")
    with pytest.raises(StrategieFehler, match="gibt_es_nicht"):  # StrictUndefined
        bericht_html(bericht, hausvorlagen)


def _speicher_mit_vorlagen(tmp_path: Path, eintrag: str) -> Path:
    wurzel = tmp_path / "repo"
    wurzel.mkdir(parents=True)
    git(wurzel, "init", "-q", "-b", "main")
    speicher = wurzel / "ziele"
    shutil.copytree(BEISPIEL, speicher)
    rahmen = speicher / "strategie.toml"
    rahmen.write_text(rahmen.read_text(encoding="utf-8").replace(
        "[berichte]\n", f'[berichte]\nvorlagen = "{eintrag}"\n'), encoding="utf-8")
    return speicher


def test_rahmen_nennt_den_vorlagenordner(tmp_path: Path) -> None:
    speicher = _speicher_mit_vorlagen(tmp_path, "../gestaltung")
    gestaltung = speicher.parent / "gestaltung"
    gestaltung.mkdir()
    (gestaltung / "hausstil.css.j2").write_text(HAUSSTIL, encoding="utf-8")
    bericht = _bericht(speicher)
    for ausgabe in (rendere_bericht(bericht, "html"), rendere_steckbriefe(bericht, "html")):
        assert "--akzent: #00594f" in str(ausgabe)
    # --vorlage wins over the frame
    anders = tmp_path / "anders"
    anders.mkdir()
    assert "--akzent: #00594f" not in str(rendere_bericht(bericht, "html", vorlage=anders))


def test_rahmen_darf_nicht_aus_dem_repository_zeigen(tmp_path: Path) -> None:
    draussen = tmp_path / "draussen"
    draussen.mkdir()
    bericht = _bericht(_speicher_mit_vorlagen(tmp_path, "../../draussen"))
    with pytest.raises(StrategieFehler, match="zeigt aus dem Repository hinaus"):
        rendere_bericht(bericht, "html")
    fehlt = _bericht(_speicher_mit_vorlagen(tmp_path / "b", "gibt-es-nicht"))
    with pytest.raises(StrategieFehler, match="gibt es nicht"):
        rendere_steckbriefe(fehlt, "html")


def test_cli_vorlage(cli, verlauf_repo: Path, hausvorlagen: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    datei = tmp_path / "b.html"
    ergebnis = cli("bericht", "--store", str(verlauf_repo), "--format", "html", "--vorlage",
                   str(hausvorlagen), "--ausgabe", str(datei))
    assert ergebnis.code == 0, ergebnis.err
    assert 'class="briefkopf"' in datei.read_text(encoding="utf-8")
    fehlt = cli("steckbriefe", "--store", str(verlauf_repo), "--vorlage",
                str(tmp_path / "fehlt"))
    assert fehlt.code == 3 and "Vorlagenordner" in fehlt.err


def test_vorlagen_sind_paketdaten() -> None:
    """Every shipped template is installed with the package (pyproject package-data)."""
    import tomllib

    from tests.conftest import PROJEKT

    daten = tomllib.loads((PROJEKT / "pyproject.toml").read_text(encoding="utf-8"))
    muster = daten["tool"]["setuptools"]["package-data"]["strategie.ausgabe.html"]
    assert muster == ["vorlagen/*.j2"]
    namen = sorted(p.name for p in MITGELIEFERT.iterdir())
    assert namen and all(n.endswith(".j2") for n in namen)
    assert {"basis.html.j2", "bericht.html.j2", "steckbriefe.html.j2", "hausstil.css.j2",
            "briefkopf.html.j2"} <= set(namen)
