"""Expand the inputs of ``read_paths`` (files, folders, glob patterns) into files."""

from __future__ import annotations

import glob
from pathlib import Path
from typing import Iterable

from deathtoll.errors import IngestError

_GLOB_CHARS = set("*?[")


def _walk(folder: Path, recursive: bool) -> list[Path]:
    """Files in ``folder`` (sorted), skipping hidden files and folders."""
    found: list[Path] = []
    for child in sorted(folder.iterdir()):
        if child.name.startswith("."):
            continue
        if child.is_dir():
            if recursive:
                found.extend(_walk(child, recursive))
        elif child.is_file():
            found.append(child)
    return found


def expand_paths(
    paths: Iterable[str | Path], *, recursive: bool = True
) -> tuple[list[Path], list[tuple[str, IngestError]]]:
    """Files named by ``paths`` in a stable order, each once; plus errors for inputs that match nothing."""
    files: list[Path] = []
    errors: list[tuple[str, IngestError]] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            files.append(p)

    for item in [paths] if isinstance(paths, (str, Path)) else paths:
        p = Path(item)
        if p.is_dir():
            for f in _walk(p, recursive):
                add(f)
        elif p.is_file():
            add(p)
        elif _GLOB_CHARS & set(str(item)):
            matches = sorted(glob.glob(str(item), recursive=recursive))
            if not matches:
                errors.append((str(item), IngestError(f"{item}: pattern matches no files")))
            for m in matches:
                mp = Path(m)
                if mp.is_dir():
                    for f in _walk(mp, recursive):
                        add(f)
                elif mp.is_file():
                    add(mp)
        else:
            errors.append((str(item), IngestError(f"{item}: no such file or folder")))
    return files, errors
