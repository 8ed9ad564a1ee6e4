"""deathtoll: turn reports of violence into a sourced, deduplicated ledger of events and death tolls.

    >>> import deathtoll
    >>> lg = deathtoll.open("ledger.db")            # doctest: +SKIP
    >>> lg.ingest(["reports/"]); lg.run()           # doctest: +SKIP
    >>> [e.fatalities for e in lg.events(country="Syria")]  # doctest: +SKIP
"""

from .errors import DeathtollError
from .ledger import Ledger, open
from .model import Actor, CountClaim, Document, Event, EventMention, Place, TimeSpan, Toll

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "CountClaim",
    "DeathtollError",
    "Document",
    "Event",
    "EventMention",
    "Ledger",
    "Place",
    "TimeSpan",
    "Toll",
    "open",
]
