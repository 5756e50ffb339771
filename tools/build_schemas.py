"""Write dedupe/report/schemas/<kind>.json, the JSON Schema of each report kind.

Run after changing a result dataclass: ``python tools/build_schemas.py``. The tests fail
when a shipped schema differs from the one derived from the dataclasses.
"""

from __future__ import annotations

import json
from pathlib import Path

from dedupe.report.schema import KINDS, schema

FOLDER = Path(__file__).resolve().parent.parent / "dedupe" / "report" / "schemas"


def main() -> None:
    for kind in KINDS:
        text = json.dumps(schema(kind), indent=2, ensure_ascii=False) + "\n"
        (FOLDER / f"{kind}.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
