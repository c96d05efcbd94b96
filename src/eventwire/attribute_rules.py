"""A faster stand-in for spaCy's attribute ruler, compiled from the model's own rules.

en_core_web_sm maps fine-grained tags to coarse parts of speech, morphology and a few lemmas with
an attribute ruler of 179 Matcher rules. The Matcher tries every rule at every token, which costs
about a fifth of the whole parse. Every rule of that model tests a token's TAG, LOWER, DEP or
IS_SPACE with plain operators, so a token's outcome depends on those four values alone: the compiled
ruler tests each distinct value once, caches which tests a value passes and, per combination, which
rules match and the attributes they set. Rules over several tokens are checked only where their
first token matches. Anything else (quantifiers, other attributes) goes through a Matcher as before.
Later rules win, as in spaCy, and the token attributes come out identical
(tests/core/test_fast_components.py compares the two).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy
from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher

FACTORY = "eventwire_attribute_rules"
CACHE_LIMIT = 200_000  # distinct values (or combinations) remembered before a cache is emptied
# Token attributes a rule may test and still be compiled, in the order of a token's key.
_TESTED = ("TAG", "LOWER", "DEP", "IS_SPACE")
_TESTED_IDS = [IDS[name] for name in _TESTED]


@dataclass(frozen=True)
class _Test:
    """One test on one token attribute's string (or flag) value, as the Matcher does it."""

    attribute: str
    operator: str  # "==", "IN", "NOT_IN" or "REGEX"
    operand: object

    def __call__(self, value) -> bool:
        if self.operator == "==":
            return value == self.operand
        if self.operator == "IN":
            return value in self.operand
        if self.operator == "NOT_IN":
            return value not in self.operand
        return bool(self.operand.search(value))


def _tests(token_spec: dict) -> tuple[_Test, ...] | None:
    """The tests of one Matcher token spec, or None when it uses anything not compiled here."""
    tests = []
    for attribute, value in token_spec.items():
        if attribute not in _TESTED:
            return None
        if isinstance(value, (str, bool)):
            tests.append(_Test(attribute, "==", value))
            continue
        if not isinstance(value, dict) or len(value) != 1:
            return None
        (operator, operand), = value.items()
        if operator in ("IN", "NOT_IN"):
            tests.append(_Test(attribute, operator, frozenset(operand)))
        elif operator == "REGEX" and attribute != "IS_SPACE":
            tests.append(_Test(attribute, operator, re.compile(operand)))
        else:
            return None
    return tuple(tests)


@dataclass(frozen=True)
class _Rule:
    """A compiled pattern: token tests in sequence; `target` is the token the rule sets."""

    number: int
    tokens: tuple[tuple[_Test, ...], ...]
    target: int


class _Signatures(dict):
    """Attribute value -> the set of tests it passes, computed on first sight. Emptied when it reaches
    `limit` values, so that a long run over ever new words keeps it bounded."""

    def __init__(self, tests: list[_Test], as_value, limit: int):
        super().__init__()
        self._as_value = as_value
        self._limit = limit
        # A new word is looked up rather than tried against every test (hundreds for LOWER): the tests
        # it passes by equality or membership, the NOT_IN tests it fails, and the regular expressions.
        self._passed: dict[object, list[_Test]] = {}
        self._failed: dict[object, set[_Test]] = {}
        self._not_in = [test for test in tests if test.operator == "NOT_IN"]
        self._regex = [test for test in tests if test.operator == "REGEX"]
        for test in tests:
            if test.operator == "==":
                self._passed.setdefault(test.operand, []).append(test)
            elif test.operator == "IN":
                for member in test.operand:
                    self._passed.setdefault(member, []).append(test)
            elif test.operator == "NOT_IN":
                for member in test.operand:
                    self._failed.setdefault(member, set()).add(test)

    def __missing__(self, value: int) -> frozenset[_Test]:
        if len(self) >= self._limit:
            self.clear()
        text = self._as_value(value)
        failed = self._failed.get(text, ())
        signature = self[value] = frozenset([
            *self._passed.get(text, ()), *(test for test in self._not_in if test not in failed),
            *(test for test in self._regex if test(text))])
        return signature


class _FirstTokenIndex:
    """Which rules a token's key passes on their first token, found by intersecting one answer per tested
    attribute: a new combination of values costs four dictionary lookups, not every rule's tests. The
    answer for one attribute is the bit set of the rules whose tests of that attribute its signature
    passes, computed once per distinct signature (a few dozen per attribute)."""

    def __init__(self, rules: list[_Rule]):
        self._rules = rules
        self._tests = [[tuple(test for test in rule.tokens[0] if test.attribute == name) for rule in rules]
                       for name in _TESTED]
        self._bits: list[dict[frozenset, int]] = [{} for _ in _TESTED]

    def passing(self, key: tuple) -> list[_Rule]:
        """The rules whose first token the key passes, in their order."""
        passed = (1 << len(self._rules)) - 1
        for position, signature in enumerate(key):
            bits = self._bits[position].get(signature)
            if bits is None:
                bits = self._bits[position][signature] = sum(
                    1 << number for number, tests in enumerate(self._tests[position])
                    if all(test in signature for test in tests))
            passed &= bits
        return [rule for number, rule in enumerate(self._rules) if passed >> number & 1]


class CompiledAttributeRuler:
    """Pipeline component with the contract of spaCy's `attribute_ruler`, compiled for speed."""

    def __init__(self, vocab, cache_limit: int = CACHE_LIMIT):
        self.vocab = vocab
        self.cache_limit = cache_limit  # distinct values remembered per tested attribute
        self._attrs: list[dict[int, int]] = []
        self._columns: list[int] = []
        self._single: list[_Rule] = []
        self._multi: list[_Rule] = []
        self._fallback = Matcher(vocab)
        self._fallback_rules: dict[int, tuple[int, int]] = {}
        self._signatures: list[_Signatures] = []
        self._outcomes: dict[tuple, tuple] = {}
        self._single_index = _FirstTokenIndex([])
        self._multi_index = _FirstTokenIndex([])

    def compile(self, ruler) -> CompiledAttributeRuler:
        """Take over the rules of a loaded spaCy AttributeRuler, in its order."""
        tests_by_attribute: dict[str, list[_Test]] = {name: [] for name in _TESTED}
        for number, rule in enumerate(ruler.patterns):
            self._attrs.append(dict(ruler.attrs[number]))
            index = rule.get("index", 0)
            for pattern in rule["patterns"]:
                tokens = tuple(_tests(spec) for spec in pattern)
                if any(tests is None for tests in tokens) or not -len(tokens) <= index < len(tokens):
                    key = self.vocab.strings.add(f"{FACTORY}:{number}")
                    self._fallback.add(key, [pattern])
                    self._fallback_rules[key] = (number, index)
                    continue
                compiled = _Rule(number, tokens, index % len(tokens))
                (self._single if len(tokens) == 1 else self._multi).append(compiled)
                for test in (test for tests in tokens for test in tests):
                    if test not in tests_by_attribute[test.attribute]:
                        tests_by_attribute[test.attribute].append(test)
        strings = self.vocab.strings
        self._signatures = [
            _Signatures(tests_by_attribute[name], bool if name == "IS_SPACE" else strings.__getitem__,
                        self.cache_limit)
            for name in _TESTED
        ]
        self._columns = sorted({attr for attrs in self._attrs for attr in attrs})
        self._single_index = _FirstTokenIndex(self._single)
        self._multi_index = _FirstTokenIndex(self._multi)
        return self

    def __call__(self, doc):
        if not len(doc) or not self._columns:
            return doc
        tags, lowers, deps, spaces = self._signatures
        keys = [(tags[tag], lowers[lower], deps[dep], spaces[space])
                for tag, lower, dep, space in doc.to_array(_TESTED_IDS).tolist()]
        outcomes = self._outcomes
        matched = [outcomes.get(key) or self._outcome(key) for key in keys]
        extra = self._multi_matches(keys, matched)
        for token, rules in self._fallback_matches(doc).items():
            extra.setdefault(token, set()).update(rules)
        rows = doc.to_array(self._columns).tolist()
        for i, (row, (rules, patch, _)) in enumerate(zip(rows, matched)):
            if i in extra:
                patch = self._patch(sorted(extra[i].union(rules)))
            for column, value in patch:
                row[column] = value
        doc.from_array(self._columns, numpy.array(rows, dtype=numpy.uint64))
        return doc

    def _outcome(self, key: tuple) -> tuple:
        """(single-token rules matched, attribute patch, multi-token rules that may start here)."""
        rules = tuple(rule.number for rule in self._single_index.passing(key))
        starts = tuple(self._multi_index.passing(key))
        outcome = self._outcomes[key] = (rules, self._patch(rules), starts)
        return outcome

    def _multi_matches(self, keys: list[tuple], matched: list[tuple]) -> dict[int, set[int]]:
        extra: dict[int, set[int]] = {}
        for start, (_, _, starts) in enumerate(matched):
            for rule in starts:
                end = start + len(rule.tokens)
                if end <= len(keys) and all(
                    _passes(keys[start + offset], tests)
                    for offset, tests in enumerate(rule.tokens[1:], start=1)
                ):
                    extra.setdefault(start + rule.target, set()).add(rule.number)
        return extra

    def _fallback_matches(self, doc) -> dict[int, set[int]]:
        extra: dict[int, set[int]] = {}
        if not self._fallback_rules:
            return extra
        for key, start, end in self._fallback(doc, allow_missing=True):
            number, index = self._fallback_rules[key]
            token = (start if index >= 0 else end) + index
            if not start <= token < end:
                raise ValueError(f"attribute rule {number} points outside its match")
            extra.setdefault(token, set()).add(number)
        return extra

    def _patch(self, rules) -> tuple[tuple[int, int], ...]:
        """(column, value) pairs the rules set, a later rule overriding an earlier one."""
        merged: dict[int, int] = {}
        for number in rules:
            merged.update(self._attrs[number])
        return tuple((self._columns.index(attr), value) for attr, value in merged.items())


def _passes(key: tuple, tests: tuple[_Test, ...]) -> bool:
    return all(test in key[_TESTED.index(test.attribute)] for test in tests)


@Language.factory(FACTORY)
def make_compiled_attribute_ruler(nlp: Language, name: str, cache_limit: int = CACHE_LIMIT
                                  ) -> CompiledAttributeRuler:
    return CompiledAttributeRuler(nlp.vocab, cache_limit)


def compile_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> None:
    """Replace the pipeline's attribute ruler, in place, by its compiled equivalent."""
    if name not in nlp.pipe_names:
        return
    original = nlp.get_pipe(name)
    nlp.replace_pipe(name, FACTORY).compile(original)
