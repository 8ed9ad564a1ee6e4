"""A small ledger built from hand-made records (our own wording; no spaCy)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from deathtoll.ledger import Ledger
from deathtoll.model import Actor, CountClaim, Document, EventMention, Place, TimeSpan
from deathtoll.pipeline import Pipeline

XSS = "<script>alert('x')</script>"
IMG = '<img src=x onerror="alert(1)">'

ZANGO = Place("Zango", admin1="Katsina", country="Nigeria", country_code="NG", lat=12.9, lon=8.5, precision=1)
MOSUL = Place("Mosul", admin1="Nineveh", country="Iraq", country_code="IQ", lat=36.34, lon=43.13, precision=1)
BANDITS = Actor("bandits", "Armed bandits", "non_state")
IS = Actor("islamic_state", "Islamic State", "non_state")

TEXTS = {
    "doc-a": ("Local news. Gunmen killed 12 villagers in Zango on Monday, police said. "
              "Markets were closed the next day."),
    "doc-b": (f"Residents reported that {IMG} at least 15 people died when gunmen raided Zango on Monday, "
              "a witness said. The army sent troops."),
    "doc-c": "A car bomb killed 30 people in a market in Mosul on 3 March, officials said.",
}
TITLES = {"doc-a": "Raid in Zango", "doc-b": f"Zango raid {XSS}", "doc-c": "Mosul bombing"}


_SAME = object()


def _claim(doc_id: str, text: str, number: str, value: int, *, low=None, high=_SAME, qualifier="exact",
           claimant="police", claimant_kind="official", claim_id: str = "") -> CountClaim:
    s = text.index(number)
    start = text.rfind(". ", 0, s)
    start = 0 if start < 0 else start + 2
    end = text.index(".", s) + 1
    return CountClaim(kind="killed", low=value if low is None else low, high=value if high is _SAME else high,
                      value=value, qualifier=qualifier, victim_kind="civilian", claimant=claimant,
                      claimant_kind=claimant_kind, quote=text[start:end], start=start, end=end,
                      number_text=number, number_start=s, number_end=s + len(number), doc_id=doc_id,
                      claim_id=claim_id or f"cl-{doc_id}")


def _mention(doc_id: str, claim: CountClaim, place: Place, day: date, actor: Actor, etype: str) -> EventMention:
    return EventMention(mention_id=f"m-{doc_id}", doc_id=doc_id, event_type=etype, perpetrator=actor,
                        victim_kind="civilian", claims=(claim,), place=place, time=TimeSpan(day, day, "day"),
                        trigger="killed", quote=claim.quote, start=claim.start, end=claim.end, extractor="fake-1")


def sample_documents() -> list[Document]:
    pub = {"doc-a": "2021-05-04", "doc-b": "2021-05-04", "doc-c": "2021-03-04"}
    return [Document(doc_id=k, text=v, title=TITLES[k], source=f"Source {k[-1].upper()}", published=pub[k])
            for k, v in TEXTS.items()]


def sample_mentions() -> list[EventMention]:
    a, b, c = TEXTS["doc-a"], TEXTS["doc-b"], TEXTS["doc-c"]
    return [
        _mention("doc-a", _claim("doc-a", a, "12", 12), ZANGO, date(2021, 5, 3), BANDITS, "shooting"),
        _mention("doc-b", _claim("doc-b", b, "at least 15", 15, low=15, high=None, qualifier="at least",
                                 claimant="a witness", claimant_kind="witness"),
                 ZANGO, date(2021, 5, 3), BANDITS, "shooting"),
        _mention("doc-c", _claim("doc-c", c, "30", 30, claimant="officials"), MOSUL, date(2021, 3, 3), IS,
                 "bombing"),
    ]


def build_ledger(path: Path) -> Ledger:
    """A ledger with three documents, three mentions and the events built from them."""
    lg = Ledger(path, pipeline=FakePipeline())
    lg.store.add_documents(sample_documents())
    lg.store.save_mentions(list(TEXTS), sample_mentions(), "fake-1")
    lg.rebuild_events()
    return lg


class FakePipeline(Pipeline):
    """A pipeline whose extractor is a regex ("N killed in PLACE on YYYY-MM-DD"), so runs need no spaCy."""

    version = "fake-1"
    PATTERN = re.compile(r"(\d+) (?:people )?killed in (\w+) on (\d{4}-\d{2}-\d{2})")
    PLACES = {"Zango": ZANGO, "Mosul": MOSUL}

    def extract(self, docs, *, progress=None):  # noqa: D102 - see Pipeline.extract
        out = []
        for d in docs:
            for i, m in enumerate(self.PATTERN.finditer(d.text)):
                n, place, day = int(m.group(1)), m.group(2), date.fromisoformat(m.group(3))
                claim = CountClaim(kind="killed", low=n, high=n, value=n, qualifier="exact", quote=m.group(0),
                                   start=m.start(), end=m.end(), number_text=m.group(1), number_start=m.start(1),
                                   number_end=m.end(1), doc_id=d.doc_id, claim_id=f"cl-{d.doc_id}-{i}")
                out.append(EventMention(mention_id=f"m-{d.doc_id}-{i}", doc_id=d.doc_id, event_type="shooting",
                                        perpetrator=BANDITS, claims=(claim,),
                                        place=self.PLACES.get(place, ZANGO), time=TimeSpan(day, day, "day"),
                                        trigger="killed", quote=m.group(0), start=m.start(), end=m.end(),
                                        extractor=self.version))
        return out
