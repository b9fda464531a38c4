"""The store on disk: finding it, the one place that knows its file layout (``ablage``),
reading the frame file, loading and validating the goal files, the parsed-goal cache, past
states from git objects (``stand``), creating a new store.

May import: ``git``, ``toml``, ``modell``, ``text``.
"""
