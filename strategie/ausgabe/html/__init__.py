"""HTML for print and screen: one self-contained document per report, printable on A4, with
inline SVG charts; the shared frame (escaping, CSS, page boxes) in ``stil``."""
