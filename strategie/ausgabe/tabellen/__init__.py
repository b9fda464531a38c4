"""Tables for spreadsheets: CSV for German Excel (liste, bericht) and XLSX (bericht, Steckbriefe).

May import what ``ausgabe`` may; openpyxl is loaded only for XLSX.
"""
