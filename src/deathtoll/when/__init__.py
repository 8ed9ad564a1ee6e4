"""Date resolution: a date expression as written ("on Thursday", "late May",
"28 August 2014") plus the publication date -> ``TimeSpan`` with a precision.

Rule tables live in ``resources/when_rules.json``; dateparser is the last resort.
"""

from __future__ import annotations

from .combine import combine_spans, date_precision_code
from .event import event_date, names_calendar_date
from .resolve import clear_cache, resolve_date

__all__ = ["resolve_date", "event_date", "names_calendar_date", "combine_spans", "date_precision_code", "clear_cache"]
