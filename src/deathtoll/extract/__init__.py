"""Extract: ``Document`` -> ``EventMention``s with their ``CountClaim``s (English).

spaCy (``en_core_web_sm`` 3.8, shipped as a PyPI package) parses; rules and the
data files under ``resources/`` decide what is a casualty count, whose, by whom.
"""

from .counts import CountPhrase, find_counts
from .mentions import EXTRACTOR_VERSION, extract_mentions, is_relevant, load_nlp

__all__ = ["CountPhrase", "EXTRACTOR_VERSION", "extract_mentions", "find_counts", "is_relevant", "load_nlp"]
