"""Fill unfinished entries of a .ts catalog from a JSON {source: translation} file.

    python scripts/fill_translations.py resources/i18n/comptoir_fr.ts fr.json

Sources are matched as plain text (the .ts writes ' as &apos;); translations are plain
text, escaped here. For translators who work without Qt Linguist; run scripts/translations.sh
afterwards to compile the .qm files.
"""

from __future__ import annotations

import json
import re
import sys
from html import escape, unescape


def fill(ts_text: str, table: dict[str, str]) -> tuple[str, int]:
    filled = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal filled
        source = unescape(match.group(2))  # the .ts writes ' as &apos;, " as &quot;
        if source not in table:
            return match.group(0)
        filled += 1
        return f"{match.group(1)}<translation>{escape(table[source], quote=False)}</translation>"

    pattern = re.compile(
        r"(<source>([^<]*)</source>\s*(?:<(?:extra)?comment>[^<]*</(?:extra)?comment>\s*)*)"
        r'<translation type="unfinished">[^<]*</translation>'
    )
    return pattern.sub(replace, ts_text), filled


def main() -> int:
    ts_path, table_path = sys.argv[1], sys.argv[2]
    with open(table_path, encoding="utf-8") as file:
        table = json.load(file)
    with open(ts_path, encoding="utf-8") as file:
        text, filled = fill(file.read(), table)
    with open(ts_path, "w", encoding="utf-8") as file:
        file.write(text)
    print(f"{filled} entries filled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
