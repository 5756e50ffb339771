"""Exceptions raised by the dedupe library.

    DedupeError                 every error the library raises on purpose
    ├── InputError              an input cannot be read as articles (names the file)
    │   └── NoArticlesError     a path held no article at all
    ├── SettingsError           a setting is out of range or unknown
    ├── IndexStoreError         the SQLite index is missing, corrupt or of another version
    └── OutputError             a report cannot be written where it was asked for

The CLI turns each into ``Error: <message>`` and exit code 2.
"""

from __future__ import annotations


class DedupeError(Exception):
    """Base class of every error dedupe raises deliberately."""


class InputError(DedupeError):
    """An input file or record cannot be read as an article."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class NoArticlesError(InputError):
    """A path (directory, glob, JSONL file) yielded no article."""


class SettingsError(DedupeError):
    """A setting has a value the pipeline cannot use."""


class IndexStoreError(DedupeError):
    """The persistent index cannot be opened or written."""


class OutputError(DedupeError):
    """A report cannot be written (an unwritable or missing target)."""
