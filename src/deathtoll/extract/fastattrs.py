"""A faster drop-in replacement for spaCy's ``attribute_ruler`` component.

spaCy's AttributeRuler runs a general Matcher over every token of every document,
which costs a noticeable share of the parse time for the shipped English pipeline.
Its patterns are simple (mostly one-token specs on TAG, LOWER, DEP and IS_SPACE,
plus a few fixed two-token rules), so they can be compiled into plain lookup
tables and evaluated once per *distinct* token signature (the tuple of the
attribute values the patterns read), then cached.

Semantics replicated from ``spacy.pipeline.attributeruler.AttributeRuler``:

* every match is computed on the token values as they are *before* any rule is
  applied (the Matcher runs first, annotations are set afterwards);
* matches are applied in ascending rule order (the rule's position in
  ``patterns``), so later rules win attribute by attribute;
* the rule's ``index`` picks the token of the matched span (negative counts from
  the end);
* attribute values are normalised with spaCy's own ``normalize_token_attrs``
  (so MORPH strings are normalised through the morphology table exactly as the
  original does) and written straight into the token struct, as
  ``set_token_attrs`` does.

Anything outside that supported subset (quantifiers, extension attributes,
fuzzy/comparison predicates, unknown token attributes, out-of-range indices)
makes :func:`install_fast_attribute_ruler` return ``False`` without touching the
pipeline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy
from spacy.attrs import DEP, IDS, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs
from spacy.vocab import Vocab

FACTORY_NAME = "deathtoll_fast_attrs"

# Token attributes a pattern may test. String-valued ones are compared as strings
# (the Matcher compares their hashes, which is equivalent); flags as 0/1.
_STRING_ATTRS = frozenset({"ORTH", "LOWER", "TAG", "POS", "DEP", "LEMMA"})
_FLAG_ATTRS = frozenset({"IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "LIKE_NUM"})
_ALIASES = {"TEXT": "ORTH"}
# Attributes a rule may set: exactly those that set_token_attrs writes on the token
# only (the lexeme ignores them), and that Doc.from_array writes the same way.
_SETTABLE = {POS: "POS", MORPH: "MORPH", LEMMA: "LEMMA", TAG: "TAG", DEP: "DEP"}
_MAX_CACHE = 500_000
_NO_POSITIONS: frozenset[tuple[int, int]] = frozenset()


class UnsupportedPattern(ValueError):
    """A pattern uses a Matcher feature the fast compiler does not replicate."""


Predicate = Callable[[tuple], bool]


def _compile_value(col: int, value: Any, is_flag: bool) -> Predicate:
    """One attribute test of a token spec, as a predicate over a decoded signature."""
    if isinstance(value, bool) or (is_flag and isinstance(value, int)):
        if not is_flag:
            raise UnsupportedPattern(f"boolean value on a string attribute: {value!r}")
        want = int(value)
        return lambda sig: sig[col] == want
    if is_flag:
        raise UnsupportedPattern(f"non-boolean value on a flag attribute: {value!r}")
    if isinstance(value, str):
        return lambda sig: sig[col] == value
    if not isinstance(value, dict) or not value:
        raise UnsupportedPattern(f"unsupported value: {value!r}")
    preds: list[Predicate] = []
    for op, arg in value.items():
        if op in ("IN", "NOT_IN"):
            if not isinstance(arg, list) or not all(isinstance(v, str) for v in arg):
                raise UnsupportedPattern(f"{op} needs a list of strings: {arg!r}")
            members = frozenset(arg)
            if op == "IN":
                preds.append(lambda sig, m=members: sig[col] in m)
            else:
                preds.append(lambda sig, m=members: sig[col] not in m)
        elif op == "REGEX":
            if not isinstance(arg, str):
                raise UnsupportedPattern(f"REGEX needs a string: {arg!r}")
            rx = re.compile(arg)
            preds.append(lambda sig, r=rx: r.search(sig[col]) is not None)
        else:
            raise UnsupportedPattern(f"unsupported predicate {op!r}")
    if len(preds) == 1:
        return preds[0]
    return lambda sig: all(p(sig) for p in preds)


# Which fixed-value test of a spec to index it by: the most selective first.
_INDEX_PRIORITY = ("LOWER", "ORTH", "LEMMA", "TAG", "DEP", "POS")


def _fixed_values(value: Any) -> frozenset[str] | None:
    """The finite set of strings a test accepts (equality or IN), else None."""
    if isinstance(value, str):
        return frozenset((value,))
    if isinstance(value, dict) and isinstance(value.get("IN"), list):
        return frozenset(value["IN"])
    return None


@dataclass
class _Spec:
    """A compiled token spec: its predicate and an optional index key."""

    pred: Predicate
    index: tuple[int, frozenset[str]] | None  # (signature column, accepted values)


def _compile_spec(spec: Any, columns: dict[str, int]) -> _Spec:
    """A token spec (dict of attribute tests, all of which must hold) as one predicate."""
    if not isinstance(spec, dict):
        raise UnsupportedPattern(f"token spec is not a dict: {spec!r}")
    preds: list[Predicate] = []
    fixed: dict[str, tuple[int, frozenset[str]]] = {}
    for key, value in spec.items():
        if not isinstance(key, str):
            raise UnsupportedPattern(f"non-string attribute key: {key!r}")
        name = _ALIASES.get(key.upper(), key.upper())
        if name not in _STRING_ATTRS and name not in _FLAG_ATTRS:
            raise UnsupportedPattern(f"unsupported token attribute {key!r}")
        col = columns.setdefault(name, len(columns))
        preds.append(_compile_value(col, value, name in _FLAG_ATTRS))
        values = _fixed_values(value) if name in _STRING_ATTRS else None
        if values is not None:
            fixed[name] = (col, values)
    index = next((fixed[a] for a in _INDEX_PRIORITY if a in fixed), None)
    if not preds:
        return _Spec(lambda sig: True, index)
    if len(preds) == 1:
        return _Spec(preds[0], index)
    if len(preds) == 2:
        p0, p1 = preds
        return _Spec(lambda sig: p0(sig) and p1(sig), index)
    return _Spec(lambda sig: all(p(sig) for p in preds), index)


class _Index:
    """Specs indexed by one fixed attribute value, so a signature tests only candidates."""

    def __init__(self) -> None:
        self.by_col: dict[int, dict[str, list[tuple[Predicate, Any]]]] = {}
        self.generic: list[tuple[Predicate, Any]] = []

    def add(self, spec: _Spec, payload: Any) -> None:
        """Register ``spec``; :meth:`matches` will return ``payload`` when it holds."""
        if spec.index is None:
            self.generic.append((spec.pred, payload))
            return
        col, values = spec.index
        table = self.by_col.setdefault(col, {})
        for value in values:
            table.setdefault(value, []).append((spec.pred, payload))

    def matches(self, sig: tuple) -> list[Any]:
        """Payloads of all specs that hold for the decoded signature ``sig``."""
        found = [payload for pred, payload in self.generic if pred(sig)]
        for col, table in self.by_col.items():
            for pred, payload in table.get(sig[col], ()):
                if pred(sig):
                    found.append(payload)
        return found


@dataclass
class _Multi:
    """A multi-token pattern of rule ``rule``: one predicate per position."""

    rule: int
    length: int
    offset: int  # position of the token that receives the attributes


@dataclass
class CompiledRules:
    """Attribute-ruler patterns compiled into signature predicates and effects."""

    read_attrs: list[str]  # token attributes the patterns read, by signature column
    single: _Index  # one-token patterns; payload: rule
    positions: _Index  # positions of multi-token patterns; payload: (pattern, position)
    multi: list[_Multi]
    effects: list[dict[int, int]]  # per rule: attribute id -> normalised value
    write_attrs: list[int] = field(default_factory=list)  # attribute ids set by rules


def compile_rules(vocab: Vocab, patterns: list[dict[str, Any]]) -> CompiledRules:
    """Compile ``AttributeRuler.patterns`` output; raise UnsupportedPattern if needed."""
    columns: dict[str, int] = {}
    single = _Index()
    positions = _Index()
    multi: list[_Multi] = []
    effects: list[dict[int, int]] = []
    for rule, entry in enumerate(patterns):
        if set(entry) - {"patterns", "attrs", "index"}:
            raise UnsupportedPattern(f"unknown keys in rule {rule}: {sorted(entry)}")
        attrs = entry.get("attrs") or {}
        if not isinstance(attrs, dict) or not all(
            isinstance(k, str) and k.upper() in ("POS", "MORPH", "LEMMA", "TAG", "DEP")
            and isinstance(v, str)
            for k, v in attrs.items()
        ):
            raise UnsupportedPattern(f"unsupported attrs in rule {rule}: {attrs!r}")
        normed = normalize_token_attrs(vocab, dict(attrs))
        effects.append({int(k): int(v) for k, v in normed.items()})
        index = entry.get("index", 0)
        if not isinstance(index, int) or isinstance(index, bool):
            raise UnsupportedPattern(f"bad index in rule {rule}: {index!r}")
        for pattern in entry.get("patterns") or []:
            if not isinstance(pattern, list) or not pattern:
                raise UnsupportedPattern(f"empty or malformed pattern in rule {rule}")
            n = len(pattern)
            if not -n <= index < n:
                raise UnsupportedPattern(f"index {index} outside pattern of rule {rule}")
            specs = [_compile_spec(spec, columns) for spec in pattern]
            if n == 1:
                single.add(specs[0], rule)
            else:
                for j, spec in enumerate(specs):
                    positions.add(spec, (len(multi), j))
                multi.append(_Multi(rule, n, index if index >= 0 else n + index))
    read_attrs = sorted(columns, key=columns.__getitem__)
    write_attrs = sorted({a for eff in effects for a in eff})
    if not read_attrs:
        raise UnsupportedPattern("no token attribute is tested")
    return CompiledRules(read_attrs, single, positions, multi, effects, write_attrs)


@dataclass(slots=True)
class _SigInfo:
    """What the rules say about one token signature (cached)."""

    effect: tuple[tuple[int, int], ...]  # (write column, value) from one-token rules
    rules: tuple[int, ...]  # matching one-token rules, ascending
    multi_ok: frozenset[tuple[int, int]]  # (multi pattern, position) that match
    multi_starts: tuple[int, ...]  # multi patterns whose first position matches


class FastAttributeRuler:
    """Pipeline component applying compiled attribute-ruler rules (see module doc)."""

    def __init__(self, vocab: Vocab, name: str = FACTORY_NAME) -> None:
        self.vocab = vocab
        self.name = name
        self.rules: CompiledRules | None = None
        self.patterns: list[dict[str, Any]] = []
        self._cache: dict[tuple[int, ...], _SigInfo] = {}

    def set_rules(self, rules: CompiledRules, patterns: list[dict[str, Any]]) -> None:
        """Use ``rules`` (compiled from ``patterns``, kept for reference) from now on."""
        self.rules = rules
        self.patterns = patterns
        self._cache = {}
        read_ids = [IDS[a] for a in rules.read_attrs]
        self._all_ids = read_ids + [a for a in rules.write_attrs if a not in read_ids]
        self._n_read = len(read_ids)
        self._write_cols = {a: self._all_ids.index(a) for a in rules.write_attrs}
        self._is_string = [a in _STRING_ATTRS for a in rules.read_attrs]

    def _fold(self, rule_ids: list[int]) -> tuple[tuple[int, int], ...]:
        """Later rules win: the last value per attribute, in ascending rule order."""
        assert self.rules is not None
        final: dict[int, int] = {}
        for rule in sorted(rule_ids):
            for attr, value in self.rules.effects[rule].items():
                final[attr] = value
        return tuple((self._write_cols[a], v) for a, v in final.items())

    def _info(self, key: tuple[int, ...]) -> _SigInfo:
        """Evaluate all predicates on one signature of attribute hashes/flags."""
        assert self.rules is not None
        strings = self.vocab.strings
        sig = tuple(
            strings[v] if is_str else v for v, is_str in zip(key, self._is_string)
        )
        rules = sorted(set(self.rules.single.matches(sig)))
        positions = self.rules.positions.matches(sig)
        multi_ok = frozenset(positions) if positions else _NO_POSITIONS
        starts = tuple(sorted(m for m, j in positions if j == 0)) if positions else ()
        info = _SigInfo(self._fold(rules), tuple(rules), multi_ok, starts)
        if len(self._cache) >= _MAX_CACHE:
            self._cache.clear()
        self._cache[key] = info
        return info

    def __call__(self, doc: Doc) -> Doc:
        """Set the rule attributes on ``doc`` in place, exactly like AttributeRuler."""
        if self.rules is None or len(doc) == 0:
            return doc
        arr = doc.to_array(self._all_ids)
        rows = arr.tolist()
        n_read = self._n_read
        cache = self._cache
        infos = []
        for row in rows:
            key = tuple(row[:n_read])
            info = cache.get(key)
            if info is None:
                info = self._info(key)
            infos.append(info)
        extra: dict[int, list[int]] = {}
        if self.rules.multi:
            n = len(rows)
            multi = self.rules.multi
            for start, info in enumerate(infos):
                for m in info.multi_starts:
                    pat = multi[m]
                    length = pat.length
                    if start + length <= n and all(
                        (m, j) in infos[start + j].multi_ok for j in range(1, length)
                    ):
                        extra.setdefault(start + pat.offset, []).append(pat.rule)
        changed = False
        for i, (row, info) in enumerate(zip(rows, infos)):
            effect = info.effect
            if i in extra:
                effect = self._fold(list(info.rules) + extra[i])
            for col, value in effect:
                if row[col] != value:
                    row[col] = value
                    changed = True
        if changed:
            cols = [self._write_cols[a] for a in self.rules.write_attrs]
            out = numpy.asarray(rows, dtype=numpy.uint64)[:, cols]
            doc.from_array(self.rules.write_attrs, out)
        return doc


@Language.factory(FACTORY_NAME)
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    """Empty component; :func:`install_fast_attribute_ruler` fills in the rules."""
    return FastAttributeRuler(nlp.vocab, name)


def install_fast_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Replace the pipe ``name`` (an AttributeRuler) by the compiled fast component.

    The new component takes the same position and is named ``deathtoll_fast_attrs``.
    Returns False, leaving ``nlp`` untouched, when there is no such pipe or its
    patterns use a feature the compiler does not replicate exactly.
    """
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    patterns = getattr(ruler, "patterns", None)
    if not isinstance(patterns, list):
        return False
    try:
        rules = compile_rules(nlp.vocab, patterns)
    except UnsupportedPattern:
        return False
    component = nlp.add_pipe(FACTORY_NAME, name=FACTORY_NAME, after=name)
    assert isinstance(component, FastAttributeRuler)
    component.set_rules(rules, patterns)
    nlp.remove_pipe(name)
    return True
