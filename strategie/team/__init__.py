"""Collaboration: sync with a shared remote, the field-level merge driver, conflicts and their
resolution, Zuständigkeit, the server hook (issue 10).

``sync`` (the steps of a sync; ``lage``: its result and the states it explains; ``zustand``:
the step written down; ``gemeinsam``: the shared repository as a clone sees it), ``treiber``
(the merge driver; ``zusammenfuehren``, ``feldaenderungen``: the pure merge of one goal;
``schreiben``: its result written key by key), ``konflikte``, ``konfliktdaten`` and
``loesen`` (open conflicts, their data, resolving them), ``einrichten`` and ``codeowners``
(setting up a clone), ``zustaendigkeit``, ``serverhook`` and ``pruefung`` (judging changes by
the rules: on the server, in audits, before a commit).

Layer: above ``strategie.auswertung``, beside ``strategie.ausgabe``; may import from the layers
below (auswertung, aendern, verlauf, speicher, git, toml, modell, text), never from ``cli``,
``api`` or ``ausgabe``. ``zusammenfuehren`` is pure and imports nothing from strategie at all.

This ``__init__`` imports nothing, so that importing one module of the package stays cheap.
"""
