"""Renderers by medium: terminal (Rich), JSON, CSV/XLSX, Markdown, HTML/SVG; display colours
and word diffs; one entry point per report kind.

May import: ``auswertung``, ``verlauf``, ``speicher``, ``git``, ``toml``, ``modell``, ``text``.
Never ``aendern`` (an output only shows, it never changes the store), ``team``, ``cli``,
``api``.
"""
