"""Fill debtor lines: ``{debtor.first_name}`` -> ``Maria``. Only {root.field} names;
no attribute access, no format specs, so a line can never reach into Python objects."""

from __future__ import annotations

import re
from collections.abc import Mapping

PLACEHOLDER = re.compile(r"(?<!\{)\{([a-z_]+)\.([a-z_0-9]+)\}(?!\})")


def fill(template: str, values: Mapping[str, Mapping[str, str]]) -> str:
    def sub(m: re.Match[str]) -> str:
        root = values.get(m.group(1))
        if root is None or m.group(2) not in root:
            return m.group(0)
        return str(root[m.group(2)])

    # {{ and }} are literal braces, as in str.format (and as the linter reads them).
    return PLACEHOLDER.sub(sub, template).replace("{{", "{").replace("}}", "}")
