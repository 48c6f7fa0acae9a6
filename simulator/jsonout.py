"""JSON text for standard output that is always valid, whatever the text inside it.

Non-ASCII text is written as itself (readable, as before). When the stream cannot
encode the text (a lone surrogate such as ``"\\ud83d"`` read from a JSON line, or
non-ASCII text on an ASCII terminal), the document is written with ``\\uXXXX``
escapes instead, which is the same JSON.
"""

from __future__ import annotations

import json
import sys
from typing import Any


def dumps(obj: Any, *, indent: int | None = None, stream: Any = None,
          encoding: str | None = None) -> str:
    """``json.dumps`` for ``stream`` (default: standard output), or for a file written in
    ``encoding``: readable where it can be, ASCII escapes where it must be."""
    text = json.dumps(obj, ensure_ascii=False, indent=indent)
    encoding = encoding or getattr(stream or sys.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return json.dumps(obj, ensure_ascii=True, indent=indent)
    return text
