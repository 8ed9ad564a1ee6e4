"""spaCy's rule lemmatizer, with its answers remembered per token signature.

The English pipeline's ``lemmatizer`` walks every token in Python, builds a ``Token``
for it and asks its rule tables for a lemma; it keeps a cache, but only for the
answers that reach the tables' suffix rules, and the walk itself costs about a tenth
of a focused parse. Its answer depends on nothing but the token's text, its coarse
tag (POS) and its morphology (``Lemmatizer.rule_lemmatize`` reads exactly those, and
the lookup tables, which never change while the pipeline runs). So the signature
``(ORTH, POS, MORPH)`` of a token decides its lemma, whatever branch produced it.

:class:`CachedLemmatizer` reads the three columns of a document with one
``Doc.to_array``, asks the original lemmatizer once per signature it has not seen,
and writes the lemmas back with one ``Doc.from_array``. Like the original (in its
default ``overwrite=False``), it leaves lemmas an earlier component set (the
attribute ruler sets some). The lemmas are the original's, token for token
(``tests/extract/test_fastlemma.py`` compares them over hand-written text).
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

FACTORY_NAME = "deathtoll_cached_lemmatizer"
#: distinct signatures remembered before the memory is cleared (a few MB)
_MAX_CACHE = 500_000


class CachedLemmatizer:
    """Pipeline component: the original lemmatizer's lemmas, computed once per signature."""

    def __init__(self, vocab: Vocab, name: str = FACTORY_NAME) -> None:
        self.vocab = vocab
        self.name = name
        self.original: Any = None  # the spaCy Lemmatizer it stands in for
        self._cache: dict[tuple[int, int, int], int] = {}

    def _lemma(self, doc: Doc, i: int) -> int:
        """The original's lemma of ``doc[i]``, as a string-store hash."""
        return self.vocab.strings.add(self.original.lemmatize(doc[i])[0])

    def __call__(self, doc: Doc) -> Doc:
        if self.original is None or len(doc) == 0:
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        overwrite = self.original.overwrite
        cache = self._cache
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not overwrite:
                lemmas.append(lemma)
                continue
            key = (orth, pos, morph)
            value = cache.get(key)
            if value is None:
                if len(cache) >= _MAX_CACHE:
                    cache.clear()
                value = cache[key] = self._lemma(doc, i)
            lemmas.append(value)
        doc.from_array([LEMMA], numpy.asarray(lemmas, dtype=numpy.uint64).reshape(-1, 1))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory(FACTORY_NAME)
def make_cached_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    """Empty component; :func:`install_cached_lemmatizer` gives it the lemmatizer."""
    return CachedLemmatizer(nlp.vocab, name)


def install_cached_lemmatizer(nlp: Language, name: str = "lemmatizer") -> bool:
    """Put the cached component in place of the pipe ``name`` (a rule lemmatizer), at the
    same position. Returns False, leaving ``nlp`` untouched, when there is no such pipe or
    it is not in rule mode (a lookup lemmatizer reads only the text and is fast already)."""
    if name not in nlp.pipe_names:
        return False
    original = nlp.get_pipe(name)
    if getattr(original, "mode", None) != "rule" or not hasattr(original, "lemmatize"):
        return False
    component = nlp.add_pipe(FACTORY_NAME, name=FACTORY_NAME, after=name)
    component.original = original
    nlp.remove_pipe(name)
    return True
