"""Which verbs and event nouns of real news, in clauses with political actors, get no lexicon reading?

Codes the unlabelled real news of the shared folder (the same sentences as models/audit_gold_fit.py:
the event_location sentences outside its RELABEL gold, the benchmark articles and the VOA articles of
the real-news dev split, less any PLOVER gold text and any sentence of the real-news test split) with
`VerbLexicon.triggers`, and counts, by lemma:

- clause-heading verbs (root, conjoined, complement, adverbial and relative clauses) whose subject or
  object is a political actor (a named country, people, organisation or person, or an agent word of
  the actor dictionary: "police", "rebels", "the ministry") and which give no reading: not inside a
  trigger, and no classification of their own at or above WEAK_SPECIFICITY. Split into verbs the
  lexicon does not know, verbs it knows but reads as nothing here (its patterns need other words,
  its default is weak or no event), and statement verbs (CAMEO 01x, no PLOVER type by design);
- nouns that name an act (a known event noun, a verb of the lexicon used as a noun, or a
  nominalisation in -tion/-sion/-ment/-ance/-ence/-ure/-al/-ing) attached to a political actor (its
  possessor, compound, "of"/"by"/"between"/"against"/"with" phrase, or the subject of the verb that
  takes it as object) and which give no reading: known event nouns that did not fire apart from
  nouns the lexicon does not know.

Prints aggregates and lemma lists ranked by frequency (never sentences): Markdown, or JSON with --json.

Usage: python models/coverage_report.py [--shared ../shared] [--top 40] [--json]
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from audit_gold_fit import gold_texts, other_texts, realnews_split

from eventwire.actors.dictionary import RESOURCE as ACTOR_RESOURCE
from eventwire.events.classify import WEAK_SPECIFICITY, VerbLexicon
from eventwire.jsondata import read_json
from eventwire.resources import Resources

REPO = Path(__file__).resolve().parent.parent
NOT_ACT_NOUNS = REPO / "models" / "sources" / "coverage_not_act_nouns.txt"
CLAUSE_DEPS = {"ROOT", "conj", "ccomp", "xcomp", "advcl", "relcl", "pcomp", "parataxis"}
ACTOR_ENTITIES = {"GPE", "NORP", "ORG", "PERSON"}
ACTOR_PREPS = {"of", "by", "between", "against", "with"}
EVENT_NOUN_SUFFIX = re.compile(r"(?:tion|sion|ment|ance|ence|ure|al|ing)$")


@dataclass
class Coverage:
    sentences: int = 0
    with_actor: int = 0
    with_reading: int = 0
    verbs_seen: int = 0
    nouns_seen: int = 0
    verbs: dict[str, collections.Counter] = field(default_factory=lambda: collections.defaultdict(
        collections.Counter))
    nouns: dict[str, collections.Counter] = field(default_factory=lambda: collections.defaultdict(
        collections.Counter))


class Reader:
    """Decides, in one parsed sentence, which clause heads have a political actor and no reading."""

    def __init__(self, lexicon: VerbLexicon):
        self.lexicon = lexicon
        agents = read_json(ACTOR_RESOURCE)["agents"]
        self.agent_words = frozenset(k for k in agents if " " not in k)
        self.not_act_nouns = frozenset(line.strip() for line in NOT_ACT_NOUNS.read_text(encoding="utf-8")
                                       .splitlines() if line.strip() and not line.startswith("#"))

    def is_actor(self, token) -> bool:
        """A phrase headed by token names a political actor."""
        if token.ent_type_ in ACTOR_ENTITIES or token.lower_ in self.agent_words:
            return True
        return any(c.dep_ in ("compound", "amod", "poss", "nmod") and
                   (c.ent_type_ in ACTOR_ENTITIES or c.lower_ in self.agent_words) for c in token.children)

    def subject_of(self, verb):
        node = verb
        for _ in range(3):
            for child in node.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    return child
                if child.dep_ == "agent":
                    return next((g for g in child.children if g.dep_ == "pobj"), None)
            if node.dep_ not in ("conj", "xcomp", "advcl") or node.head.i == node.i:
                return None
            node = node.head
        return None

    def has_actor(self, verb) -> bool:
        subject = self.subject_of(verb)
        if subject is not None and self.is_actor(subject):
            return True
        return any(c.dep_ in ("dobj", "obj", "dative") and self.is_actor(c) for c in verb.children)

    def noun_has_actor(self, noun) -> bool:
        for child in noun.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod") and self.is_actor(child):
                return True
            if child.dep_ == "prep" and child.lower_ in ACTOR_PREPS and any(
                    g.dep_ == "pobj" and self.is_actor(g) for g in child.children):
                return True
        return noun.dep_ in ("dobj", "obj") and self.has_actor(noun.head)

    def reads(self, token) -> bool:
        found = self.lexicon.classify(token)
        return found is not None and found.specificity >= WEAK_SPECIFICITY

    def verb_kind(self, lemma: str) -> str:
        entry = self.lexicon.data.verbs.get(lemma)
        if entry is None and not self.lexicon.data.lemmas_of_form.get(lemma):
            return "unknown"
        if entry is not None and entry.cameo and entry.cameo.startswith("01"):
            return "statement"
        return "known, no reading here"

    def noun_kind(self, lemma: str) -> str | None:
        data = self.lexicon.data
        if lemma in data.nouns:
            return "known event noun, did not fire"
        if lemma in self.not_act_nouns or lemma in self.agent_words:
            return None
        if lemma in data.verbs or EVENT_NOUN_SUFFIX.search(lemma):
            return "unknown"
        return None

    def count(self, doc, coverage: Coverage) -> None:
        found = self.lexicon.triggers(doc)
        covered = {i for c in found for i in range(*c.trigger)}
        coverage.sentences += 1
        coverage.with_reading += bool(found)
        actor_seen = False
        for token in doc:
            if token.pos_ == "VERB" and token.dep_ in CLAUSE_DEPS and self.has_actor(token):
                actor_seen = True
                coverage.verbs_seen += 1
                if token.i not in covered and not self.reads(token):
                    lemma = token.lemma_.lower()
                    coverage.verbs[self.verb_kind(lemma)][lemma] += 1
            elif (token.pos_ == "NOUN" and token.dep_ != "compound" and token.i not in covered
                  and self.noun_has_actor(token)):
                lemma = token.lemma_.lower()
                kind = self.noun_kind(lemma)
                if kind is not None:
                    actor_seen = True
                    coverage.nouns_seen += 1
                    if not self.reads(token):
                        coverage.nouns[kind][lemma] += 1
        coverage.with_actor += actor_seen


def measure(shared: Path) -> Coverage:
    test_texts, dev_articles = realnews_split()
    texts = other_texts(shared, set(gold_texts(shared)) | test_texts, dev_articles)
    resources = Resources()
    reader, coverage = Reader(resources.lexicon), Coverage()
    for doc in resources.nlp.pipe(texts, batch_size=128):
        reader.count(doc, coverage)
    return coverage


def summary(coverage: Coverage, top: int) -> dict:
    def ranked(counter: collections.Counter) -> list[list]:
        return [[lemma, n] for lemma, n in counter.most_common(top)]

    return {
        "sentences": coverage.sentences,
        "sentences_with_a_reading": coverage.with_reading,
        "political_clause_verbs": coverage.verbs_seen,
        "political_event_nouns": coverage.nouns_seen,
        "verbs_without_reading": {kind: {"tokens": sum(c.values()), "lemmas": len(c), "top": ranked(c)}
                                  for kind, c in sorted(coverage.verbs.items())},
        "nouns_without_reading": {kind: {"tokens": sum(c.values()), "lemmas": len(c), "top": ranked(c)}
                                  for kind, c in sorted(coverage.nouns.items())},
    }


def markdown(report: dict) -> str:
    lines = [f"Sentences: {report['sentences']:,}; with at least one reading: "
             f"{report['sentences_with_a_reading']:,}.",
             f"Clause-heading verbs with a political actor: {report['political_clause_verbs']:,}; "
             f"act nouns attached to a political actor: {report['political_event_nouns']:,}.", ""]
    lines += ["| without a reading | tokens | lemmas | most frequent (count) |",
              "| --- | ---: | ---: | --- |"]
    for part, label in (("verbs_without_reading", "verbs"), ("nouns_without_reading", "nouns")):
        for kind, found in report[part].items():
            listed = ", ".join(f"{lemma} ({n})" for lemma, n in found["top"])
            lines.append(f"| {label}: {kind} | {found['tokens']:,} | {found['lemmas']:,} | {listed} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--top", type=int, default=40, help="lemmas listed per kind")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not (args.shared / "data" / "plover_gsr").is_dir():
        print(f"coverage_report: no shared data at {args.shared}; pass --shared PATH", file=sys.stderr)
        return 2
    report = summary(measure(args.shared), args.top)
    print(json.dumps(report, indent=1) if args.json else markdown(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
