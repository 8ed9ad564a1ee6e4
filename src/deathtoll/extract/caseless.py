"""Case-insensitive matching, made cheap.

Python's ``re`` runs a large ``re.IGNORECASE`` pattern (the casualty-trigger trie has
hundreds of alternatives) about three times slower than the same pattern without the
flag. When every literal letter of the pattern is lower case, matching it without the
flag over the lower-cased text finds the same spans, as long as lower-casing keeps the
text's length (it does for everything but a handful of characters such as the Turkish
dotted capital I; for those texts the original pattern runs). Offsets are therefore
offsets in the original text; only the matched *strings* are lower case.
"""

from __future__ import annotations

import re
from functools import lru_cache

_ESCAPE = re.compile(r"\\.")
_UPPER = re.compile(r"[A-Z]")


@lru_cache(maxsize=64)
def lower_twin(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """``rx`` without ``re.IGNORECASE``, for lower-cased text; None when ``rx`` is not
    case-insensitive or names an upper-case letter outside an escape (``[A-Z]``, "Syria")."""
    if not rx.flags & re.IGNORECASE or _UPPER.search(_ESCAPE.sub("", rx.pattern)):
        return None
    return re.compile(rx.pattern, rx.flags & ~re.IGNORECASE)


def for_matching(text: str, rx: re.Pattern[str]) -> tuple[str, re.Pattern[str]]:
    """(the text to match, the pattern to match it with): the lower-cased text and
    :func:`lower_twin` of ``rx`` where that finds the same spans, else ``(text, rx)``."""
    twin = lower_twin(rx)
    if twin is not None:
        low = text.lower()
        if len(low) == len(text):
            return low, twin
    return text, rx
