"""Extract: ``Document`` -> ``EventMention``s with their ``CountClaim``s (English).

spaCy (``en_core_web_sm`` 3.8, shipped as a PyPI package) parses; rules and the
data files under ``resources/`` decide what is a casualty count, whose, by whom.
Only the sentences the rules read are parsed (``focus``).
"""

from .counts import CountPhrase, find_counts
from .focus import FocusRules, focus_chunks, focus_text
from .lexicon import load_lexicon
from .mentions import EXTRACTOR_VERSION, extract_mentions, load_nlp
from .prefilter import is_relevant


def focus(text: str, rules: FocusRules = FocusRules()) -> str:
    """``text`` blanked outside the sentences the extraction rules read (same length and
    offsets; see ``focus.py``): what the pipeline gives the parser."""
    return focus_text(text, load_lexicon().trigger_regex, rules)


__all__ = [
    "CountPhrase",
    "EXTRACTOR_VERSION",
    "FocusRules",
    "extract_mentions",
    "find_counts",
    "focus",
    "focus_chunks",
    "focus_text",
    "is_relevant",
    "load_nlp",
]
