"""Markdown for pasting into a Vorlage: the report, the Steckbriefe, the history."""
