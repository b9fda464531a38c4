"""What the numbers say: the summary model of a store state, the Amt × Handlungsfeld matrix,
filters, the selection a user looks at (search, sort, facets), the report model and its
Grundlage. Renderers (``ausgabe``) read from here; nothing here knows a medium.

May import: ``verlauf``, ``speicher``, ``git``, ``toml``, ``modell``, ``text``. Never
``aendern`` (a summary only reads).
"""
