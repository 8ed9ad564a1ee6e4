"""Reading a toponym candidate as the extractor found it: "near Tabqa", "the town of
Al-Qaryatayn", "Raqqa province", "Aleppo countryside", "Gary, Indiana".

The result says which name to look up and what the wording implies for UCDP precision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from deathtoll.geo.rules import load_rules


@dataclass(frozen=True)
class ParsedCandidate:
    """A candidate split into the name proper and what the surrounding words say."""

    core: str  # the name to look up ("Tabqa")
    near: bool = False  # "near X", "X countryside": where_prec 2 at best
    want_admin: bool = False  # "X province", "governorate of X": an admin1 is meant
    feature: Optional[str] = None  # "village", "town" ... when the text says so
    qualifier: Optional[str] = None  # "Indiana" in "Gary, Indiana"
    county: Optional[str] = None  # "County" in "Cook County": a US county (admin2) is meant
    region: bool = False  # "Aleppo countryside", "rural Idlib": the province around the town
    whole: str = ""  # the candidate with only cue words before it removed ("Rural Damascus")


def _alternation(phrases: list[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    r = load_rules()
    return {
        "near": re.compile(rf"^(?:{_alternation(r['near_cues'])})\s+", re.I),
        "feature": re.compile(rf"^(?:{_alternation(list(r['feature_prefixes']))})\s+", re.I),
        "admin_pre": re.compile(rf"^(?:{_alternation(r['admin_prefixes'])})\s+", re.I),
        "lead": re.compile(rf"^(?:{_alternation(r['leading_words'])})\s+", re.I),
        "near_suf": re.compile(rf"[\s-]+(?:{_alternation(r['near_suffixes'])})$", re.I),
        "admin_suf": re.compile(rf"\s+(?:{_alternation(r['admin_suffixes'])})$", re.I),
        "city_suf": re.compile(r"\s+(?:city|town|village)$", re.I),
        "county_suf": re.compile(rf"\s+({_alternation(r['county_suffixes'])})$", re.I),
        "region_suf": re.compile(rf"(?:['’]s)?[\s-]+(?:{_alternation(r['region_suffixes'])})$", re.I),
        "region_pre": re.compile(rf"^(?:{_alternation(r['region_prefixes'])})\s+", re.I),
        # a near cue or "from" ending the text before a name, with "the ... town of" between
        "reference_before": re.compile(
            rf"\b(?:{_alternation([*r['near_cues'], 'from'])})\s+(?:the\s+)?(?:[\w-]+\s+)?(?:town|city|village)?\s*(?:of\s+)?$",
            re.I,
        ),
    }


def reference_point_before(before: str) -> bool:
    """Does the text ``before`` a place name make it a reference point ("west of", "near the
    town of", the near cues of ``geo_rules.json``) or where something came from ("shells
    fired from"), rather than where the deaths happened?"""
    return _patterns()["reference_before"].search(before) is not None


_TRIM = " \t\n,.;:!?\"'()[]“”‘’"


@lru_cache(maxsize=4096)
def parse_candidate(text: str) -> ParsedCandidate:
    """Split cue words off a candidate; the order of the cues does not matter."""
    p = _patterns()
    features = load_rules()["feature_prefixes"]
    s = " ".join(text.split()).strip(_TRIM)
    whole = re.sub(r"^(?:(?:in|at|on|from|into|to|the|of|near)\s+)+", "", s, flags=re.I)
    near = want_admin = region = False
    feature: Optional[str] = None
    county: Optional[str] = None
    changed = True
    while changed and s:
        changed = False
        for kind in ("region_pre", "near", "feature", "admin_pre", "lead"):
            m = p[kind].match(s)
            if m and len(s) > m.end():
                if kind == "near":
                    near = True
                elif kind == "region_pre":
                    region = near = True
                elif kind == "feature":
                    feature = features[m.group(0).strip().lower()]
                elif kind == "admin_pre":
                    want_admin = True
                s, changed = s[m.end():].strip(_TRIM), True
        for kind in ("region_suf", "county_suf", "near_suf", "admin_suf", "city_suf"):
            m = p[kind].search(s)
            if m and m.start() > 0:
                if kind == "county_suf":
                    county = m.group(1).title()
                region = region or kind == "region_suf"
                near = near or kind in ("near_suf", "region_suf")
                want_admin = want_admin or kind == "admin_suf"
                s, changed = s[: m.start()].strip(_TRIM), True
    qualifier: Optional[str] = None
    if "," in s:
        head, _, tail = s.partition(",")
        if head.strip() and tail.strip():
            s, qualifier = head.strip(_TRIM), tail.strip(_TRIM)
    return ParsedCandidate(core=s, near=near, want_admin=want_admin, feature=feature, qualifier=qualifier,
                           county=county, region=region, whole=whole)
