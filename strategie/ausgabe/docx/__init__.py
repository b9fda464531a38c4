"""DOCX for the Vorlage writer: the Sachstandsbericht and the Steckbriefe as Word documents
with Word's heading styles, Word tables, one Steckbrief per page and the Grundlage in the
footer (python-docx; loaded only for this format)."""
