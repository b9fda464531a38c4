"""Views for the terminal with Rich: goal lists, one goal, matrix, summary, history, report.

Every value from a goal file, a frame or a commit enters a Rich ``Text`` through ``sicher``.
"""
