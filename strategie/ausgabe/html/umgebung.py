"""The Jinja2 environment of the HTML reports: shipped templates, a Landratsamt's own folder.

Templates are looked up by name, first in the folder a user named (``--vorlage ORDNER`` or
``[berichte] vorlagen`` in the frame), then among the shipped ones in ``vorlagen/``; a shipped
template is also reachable as ``standard/NAME``, so an own ``basis.html.j2`` can extend
``standard/basis.html.j2`` and override only a block.

Escaping is Jinja2's autoescape plus one rule for every ``{{ … }}``: ``_neutral`` makes control
and bidi characters visible before the text is escaped (as ``stil.esc`` does for code), so a
goal's text can never become markup or act on a terminal. Nothing from a goal file is marked
safe; only HTML that code built and escaped itself is passed as ``Markup`` (the SVG charts of
``svg.py``, CSS string literals from ``css_text``).

With an own folder the environment is sandboxed (``SandboxedEnvironment``): templates that
came with a shared repository cannot reach Python internals through the objects they are given.
The shipped templates alone are code of this package and run unsandboxed (about twice as fast
for 10,000 goals); a test renders them in the sandbox too.
"""

from __future__ import annotations

import functools
import traceback
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    Template,
    TemplateError,
)
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from strategie.ausgabe.html import stil
from strategie.ausgabe.html.stil import sichtbar
from strategie.modell.befund import StrategieFehler

MITGELIEFERT = Path(__file__).resolve().parent / "vorlagen"
"""The shipped templates (package data)."""


def _neutral(wert: Any) -> Any:
    """Every ``{{ … }}`` passes here before autoescape: text from files gets visible controls."""
    if type(wert) is str:  # noqa: E721 - Markup (a str subclass) passes as it is
        return sichtbar(wert)
    return wert


def _filter() -> dict[str, Any]:
    from strategie.text import format as fmt

    return {
        "zahl": fmt.zahl_de,
        "datum": fmt.datum_de,
        "euro": fmt.euro_de,
        "ja_nein": fmt.ja_nein,
        "zeitpunkt": fmt.zeitpunkt,
        "klasse": lambda wert, praefix: stil.klasse(praefix, str(wert)),
        "css": lambda text: Markup(stil.css_text(str(text))),
    }


@functools.lru_cache(maxsize=8)
def umgebung(vorlagen: Path | None = None, *, sandbox: bool = False) -> Environment:
    """The environment for the shipped templates, overridden by those in *vorlagen*.

    Sandboxed whenever own templates are used (or *sandbox* is asked for).
    """
    standard = FileSystemLoader(MITGELIEFERT)
    reihe: list[Any] = [PrefixLoader({"standard": standard})]
    if vorlagen is not None:
        reihe.append(FileSystemLoader(vorlagen))
    reihe.append(standard)
    art = SandboxedEnvironment if vorlagen is not None or sandbox else Environment
    env = art(
        loader=ChoiceLoader(reihe), autoescape=True, undefined=StrictUndefined,
        finalize=_neutral, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        auto_reload=False)
    env.filters.update(_filter())
    env.globals["befundzeilen"] = _befundzeilen
    return env


def _befundzeilen(bericht: Any) -> list[str]:
    """The report's Befunde as 'Datei:Zeile: Meldung', each once, sorted."""
    return list(bericht.befundzeilen())


def vorlage(name: str, vorlagen: Path | None = None) -> Template:
    """The template *name* (own folder first, then shipped); German errors for broken ones."""
    try:
        return umgebung(vorlagen).get_template(name)
    except TemplateError as fehler:
        raise StrategieFehler(_vorlagenfehler(name, vorlagen, fehler)) from None


def rendere(name: str, vorlagen: Path | None = None, **kontext: Any) -> str:
    """Render the template *name* with *kontext*; a broken own template gives a German error."""
    try:
        return vorlage(name, vorlagen).render(**kontext)
    except TemplateError as fehler:
        raise StrategieFehler(_vorlagenfehler(name, vorlagen, fehler)) from None


def _vorlagenfehler(name: str, vorlagen: Path | None, fehler: TemplateError) -> str:
    """'Die HTML-Vorlage briefkopf.html.j2:2 (Vorlagenordner …) ist fehlerhaft: …'.

    The place is the template line where the error arose: from a syntax error itself, for
    an error while rendering from the innermost template frame of the traceback (Jinja2
    rewrites tracebacks so that they show template lines).
    """
    datei = getattr(fehler, "filename", None) or getattr(fehler, "name", None)
    zeile = getattr(fehler, "lineno", None)
    if not zeile:
        rahmen = [f for f in traceback.extract_tb(fehler.__traceback__)
                  if f.filename.endswith(".j2")]
        if rahmen:
            datei, zeile = rahmen[-1].filename, rahmen[-1].lineno
    ort = f" (Vorlagenordner {vorlagen})" if vorlagen else ""
    stelle = Path(str(datei or name)).name + (f":{zeile}" if zeile else "")
    return f"Die HTML-Vorlage {stelle}{ort} ist fehlerhaft: {fehler.message or fehler}"
