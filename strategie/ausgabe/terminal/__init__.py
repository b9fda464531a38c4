"""Views for the terminal with Rich: goal lists, one goal, matrix, summary, history, report.

The only part of ``ausgabe`` that uses Rich; ``sicher.sicherer_text`` turns a value from a goal
file into a Rich ``Text`` (literal, control codes neutralised).
"""
