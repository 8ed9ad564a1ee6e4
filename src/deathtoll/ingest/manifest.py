"""Folder manifests: a ``metadata.jsonl`` supplies metadata for the files beside it.

Each line names a ``file`` in the same folder and may give ``id``, ``source``,
``published`` (null, "YYYY", "YYYY-MM" or "YYYY-MM-DD"), ``title``, ``url``;
other keys (``note`` ...) go to ``Document.meta``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from deathtoll.errors import DeathtollError, MalformedInput

from .readers.jsonl import iter_objects

MANIFEST_NAME = "metadata.jsonl"


@dataclass
class Manifest:
    """Entries of one folder's manifest, keyed by file name."""

    path: Path
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    errors: list[tuple[str, DeathtollError]] = field(default_factory=list)

    def entry_for(self, file: Path) -> dict[str, Any]:
        """The manifest line for ``file`` (without its ``file`` key), or {}."""
        return self.entries.get(file.name, {})


def is_manifest(path: Path) -> bool:
    """True for a folder manifest file."""
    return path.name == MANIFEST_NAME


def load_manifest(path: Path) -> Manifest:
    """Parse a manifest; bad lines become errors, the rest still apply."""
    manifest = Manifest(path)
    objects, errors = iter_objects(path)
    manifest.errors.extend(errors)
    for no, obj in objects:
        where = f"{path}:{no}"
        if not isinstance(obj, dict) or not isinstance(obj.get("file"), str):
            manifest.errors.append(
                (where, MalformedInput(f"{path.name} line {no}: manifest line needs a 'file' string"))
            )
            continue
        entry = {k: v for k, v in obj.items() if k != "file"}
        manifest.entries[Path(obj["file"]).name] = entry
    return manifest


class ManifestCache:
    """Loads each folder's manifest once per batch."""

    def __init__(self) -> None:
        self._by_dir: dict[Path, Manifest | None] = {}

    def for_file(self, file: Path) -> Manifest | None:
        """The manifest of ``file``'s folder, or None when it has none."""
        folder = file.parent.resolve()
        if folder not in self._by_dir:
            candidate = folder / MANIFEST_NAME
            self._by_dir[folder] = load_manifest(candidate) if candidate.is_file() else None
        return self._by_dir[folder]

    def loaded(self) -> list[Manifest]:
        """Every manifest loaded so far."""
        return [m for m in self._by_dir.values() if m is not None]
