"""Text for people, independent of any output: German numbers and dates, neutralised control
characters, shortened texts, natural sort order.

Lowest layer: imports nothing from ``strategie`` (and no third-party package), so that every
other layer may use it.
"""
