"""Domain knowledge as versioned data files.

Each file names its source in a ``_source`` key (JSON) or a ``#`` header (TSV).
Loaders are cached: the files are read once per process.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources as _resources
from typing import Any

from ..errors import ResourceError


def path(name: str):
    """A Traversable for a resource file."""
    return _resources.files(__name__).joinpath(name)


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    """Parse ``resources/<name>`` as JSON (cached)."""
    try:
        return json.loads(path(name).read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise ResourceError(f"missing resource file {name}") from e
    except json.JSONDecodeError as e:
        raise ResourceError(f"resource file {name} is not valid JSON: {e}") from e


@lru_cache(maxsize=None)
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated resource with a header line; ``#`` lines are comments."""
    try:
        lines = path(name).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as e:
        raise ResourceError(f"missing resource file {name}") from e
    lines = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    if not lines:
        return ()
    header = lines[0].split("\t")
    return tuple(dict(zip(header, ln.split("\t"))) for ln in lines[1:])
