"""Renderers: tables, Markdown, JSON and HTML for every report the library produces."""
