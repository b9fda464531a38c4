"""Collaboration: sync with a shared remote, the field-level merge driver, Zuständigkeit, the
server hook (issue 10).

Layer: above ``strategie.auswertung``, beside ``strategie.ausgabe``; may import from the layers
below (auswertung, aendern, verlauf, speicher, git, toml, modell, text), never from ``cli``,
``api`` or ``ausgabe``. ``zusammenfuehren`` (the three-way merge of one goal's data) is pure
and imports nothing from strategie at all.

This ``__init__`` imports nothing, so that importing one module of the package stays cheap.
"""
