"""The Textual app of strategie: screens and widgets; every domain operation lives in strategie."""
