"""Bytes -> str decoding and the light text normalisation every reader applies.

Normalisation is deliberately minimal: newlines become ``\\n`` and control
characters (other than ``\\n`` and ``\\t``) are dropped. Everything else is kept
as written, because all later offsets point into the resulting text.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Callable, Optional

from deathtoll.errors import EmptyDocument, MalformedInput, UnsupportedFormat

_BOMS_WIDE = (b"\xff\xfe", b"\xfe\xff")  # UTF-16/32 byte-order marks (they legitimately hold NULs)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_TITLE_MAX = 200


def decode_bytes(data: bytes, path: Path | str) -> tuple[str, str]:
    """Decode file bytes to text; returns (text, encoding name).

    UTF-8 (with or without BOM) first; otherwise the encoding charset_normalizer
    finds most plausible (latin-1, cp1252, UTF-16 ...). Data with NUL bytes and
    no wide-encoding BOM is treated as binary and refused.
    """
    name = Path(path).name
    if b"\x00" in data and not data.startswith(_BOMS_WIDE):
        raise UnsupportedFormat(f"{name}: binary content (NUL bytes), not a text file")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _VALID_UTF8_MULTIBYTE.search(data):
        # mixed: UTF-8 text with some legacy bytes pasted in; keep the UTF-8, read the rest as cp1252
        return data.decode("utf-8-sig", errors=_CP1252_FALLBACK), "utf-8+cp1252"
    from charset_normalizer import from_bytes  # imported lazily: only needed for non-UTF-8 files

    matches = list(from_bytes(data))
    if not matches:
        raise MalformedInput(f"{name}: cannot determine the text encoding")
    best = matches[0]
    # short Western texts fit many code pages equally well; prefer cp1252 (what the web means
    # by "latin-1") when it is about as plausible as the best guess
    for m in matches:
        if m.encoding == "cp1252" and m.chaos <= best.chaos + _CHAOS_SLACK:
            best = m
            break
    return str(best), best.encoding


#: A well-formed UTF-8 multi-byte sequence (2, 3 or 4 bytes).
_VALID_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_CHAOS_SLACK = 0.05
_CP1252_FALLBACK = "deathtoll-cp1252"


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: decode the offending bytes as cp1252 (undefined bytes as U+FFFD)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return bad.decode("cp1252", errors="replace"), exc.end


codecs.register_error(_CP1252_FALLBACK, _cp1252_fallback)


def normalise_text(text: str) -> str:
    """``\\r\\n``/``\\r`` -> ``\\n``; drop NUL and control characters except ``\\n``/``\\t``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def require_text(text: str, where: str) -> str:
    """Return ``text`` or raise EmptyDocument naming ``where`` when it is blank."""
    if not text or not text.strip():
        raise EmptyDocument(f"{where}: no text")
    return text


def first_line_title(text: str, is_stamp: Optional[Callable[[str], bool]] = None) -> Optional[str]:
    """A plain-text title: the first non-empty line when short and not the only line.

    Lines for which ``is_stamp(line)`` is true (a bare date/time stamp such as a
    browser print header) are passed over.
    """
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if len(lines) < 2:
        return None
    for line in lines[:-1]:
        if is_stamp is not None and is_stamp(line):
            continue
        return line if len(line) < _TITLE_MAX else None
    return None
