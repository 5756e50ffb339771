"""Allow ``python -m dedupe``."""

from dedupe.cli import main

main()
