"""Tables for spreadsheets: CSV for German Excel (liste, bericht) and XLSX (bericht, Steckbriefe).

Every text cell is neutralised and never becomes a formula.
"""
