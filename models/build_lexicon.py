"""Build the verb lexicon and the CAMEO<->PLOVER crosswalk shipped in src/eventwire/data.

Inputs (read-only, from the shared folder):
  data/phoenix/CAMEO.2.0.txt            PETRARCH2 CAMEO verb-pattern dictionary (MIT, OEDA)
  data/plover_gsr/CAMEO2PLOVER-2021.txt CAMEO code -> PLOVER table (CC BY-SA 4.0, OEDA)
and the project's hand-written facts in models/sources/.

Outputs (committed, rebuilt byte-identically):
  src/eventwire/data/verbs/lexicon.json  (its "candidate_words" are derived by eventwire's own code from
                                          the rest and the crosswalk: computed here, not in every process)
  src/eventwire/data/plover/cameo_plover.tsv
  src/eventwire/data/plover/quad_classes.tsv

Usage: python models/build_lexicon.py --shared ../shared
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from eventwire.events import lexicon as runtime_lexicon

REPO = Path(__file__).resolve().parent.parent
SOURCES = REPO / "models" / "sources"
VERBS_OUT = REPO / "src" / "eventwire" / "data" / "verbs"
PLOVER_OUT = REPO / "src" / "eventwire" / "data" / "plover"

BLOCK_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
VERB_LINE = re.compile(r"^(\+?[A-Z][A-Z0-9'_.-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?")
PATTERN_LINE = re.compile(r"^-\s+(.*?)\s*\[([^\]]*)\]\s*(?:#\s*(\S+))?")
ACTOR_MARKERS = {"$", "+", "^", "%"}
ARTICLES = {"the", "a", "an"}


def cameo_code(raw: str) -> str | None:
    """'042:043' -> '042'; ':173' -> '173'; '---' -> None (the pattern codes nothing)."""
    for part in raw.split(":"):
        digits = re.sub(r"\D", "", part)
        if digits:
            return digits
    return None


def clean_word(word: str) -> str:
    """Dictionary word -> lower-case phrase ('PREDATOR_DRONE' -> 'predator drone')."""
    return word.strip("_").replace("_", " ").lower()


def read_word_sets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if text.startswith("&"):
            current = sets.setdefault(text[1:].strip("_"), [])
        elif text.startswith("+") and current is not None:
            word = clean_word(text[1:])
            if word and word not in current:
                current.append(word)
        elif not text:
            continue
        else:
            current = None
    return sets


def tokenize_pattern(text: str) -> list[str]:
    return re.findall(r"\{[^}]*\}|\([^)]*\)|\S+", text)


def phrase_words(text: str) -> list[str]:
    """'{CANDLELIGHT VIGIL}' or 'BY/WITH' or '&WEAPON' -> element strings, actor markers dropped.

    Braces are dropped inside a phrase too: in '(OF {BANNED PARTIES})' the compound's words are elements
    of the prepositional phrase ('banned', 'parties'), not '{banned'. Articles are dropped: the matcher
    gathers a noun with its compounds and adjectives, never its determiner.
    """
    words = []
    for word in text.strip("()").replace("{", " ").replace("}", " ").split():
        if word in ACTOR_MARKERS or not re.search(r"[A-Za-z]", word) or word.lower() in ARTICLES:
            continue
        words.append(word if word.startswith("&") else "/".join(clean_word(w) for w in word.split("/")))
    return words


def parse_pattern(text: str) -> dict | None:
    """'&MILITARY * (TO BORDER) {ARMS SHIPMENT}' -> subject words, object words, preposition phrases."""
    tokens = tokenize_pattern(text)
    if "*" not in tokens:
        return None
    star = tokens.index("*")
    subject = [w for t in tokens[:star] for w in phrase_words(t)]
    objects: list[str] = []
    preps: list[list] = []
    for token in tokens[star + 1:]:
        if token.startswith("("):
            words = phrase_words(token)
            if words:
                preps.append([words[0], words[1:]])
        else:
            objects.extend(phrase_words(token))
    return {"subject": subject, "object": objects, "preps": preps}


def verb_key(word: str, known_forms: dict[str, str]) -> str:
    """'+SET_UP' -> 'set up'; an inflected first word is reduced to its base form when known."""
    parts = clean_word(word.lstrip("+")).split()
    parts[0] = known_forms.get(parts[0], parts[0])
    return " ".join(parts)


def read_verb_blocks(lines: list[str]) -> tuple[dict, dict]:
    """Blocks of synonymous verbs with their shared patterns; verbs keyed by lemma (+ particle)."""
    blocks: dict[str, dict] = {}
    verbs: dict[str, dict] = {}
    entries: list[tuple[str, str, str | None, list[str]]] = []  # (word, block, code, forms)
    block = None
    for line in lines:
        if line.startswith("#") or not line.strip():
            continue
        if header := BLOCK_HEADER.match(line):
            name = header.group(1)
            block = {"code": cameo_code(header.group(2)), "patterns": []}
            blocks[name] = block
            block_name = name
            continue
        if block is None:
            continue
        if line.startswith("-"):
            match = PATTERN_LINE.match(line)
            pattern = parse_pattern(match.group(1)) if match else None
            if pattern is None:
                continue
            pattern["code"] = cameo_code(match.group(2))
            pattern["verb"] = verb_key(match.group(3), {}) if match.group(3) else None
            block["patterns"].append(pattern)
        elif match := VERB_LINE.match(line.split(";")[0]):
            forms = match.group(2)[1:-1].replace(",", " ").split() if match.group(2) else []
            own = bool(match.group(3)) or match.group(1).lstrip("+") == block_name
            code = cameo_code(match.group(3)[1:-1]) if match.group(3) else block["code"]
            entries.append((match.group(1), block_name, code, forms, own))
    known_forms = {clean_word(f).split()[0]: clean_word(w.lstrip("+")).split()[0]
                   for w, _, _, forms, _ in entries for f in forms}
    for word, block_name, code, forms, own in entries:
        key = verb_key(word, known_forms)
        entry = verbs.setdefault(key, {"code": None, "blocks": [], "forms": []})
        if block_name not in entry["blocks"]:
            entry["blocks"].append(block_name)
        if own and (entry["code"] is None or entry.get("inherited")):
            entry["code"] = code
            entry.pop("inherited", None)
        elif entry["code"] is None and code is not None:
            entry["code"] = code
            entry["inherited"] = True  # the block's default, not written for this verb
        for form in forms:
            first = clean_word(form.lstrip("+")).split()[0]
            if first not in entry["forms"]:
                entry["forms"].append(first)
    for pattern_block in blocks.values():
        for pattern in pattern_block["patterns"]:
            if pattern["verb"]:
                pattern["verb"] = verb_key(pattern["verb"], known_forms)
    return blocks, verbs


def read_extras(path: Path, verbs: dict, blocks: dict) -> dict:
    """The project's own facts: verbs, patterns, nouns, light verbs, intents, modals, targets."""
    extras = {"nouns": {}, "light_verbs": [], "light_keep_default": [], "intent": {}, "target_preps": {},
              "modals": {}, "conflict_modals": [], "commissives": [], "inanimate_subjects": [],
              "nonpolitical_objects": [], "nonagent_subjects": [], "occurrence_verbs": [],
              "argument_verbs": [], "standing_verbs": [], "question_verbs": [], "warning_verbs": [],
              "attributive_participles": [], "intransitive_verbs": []}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        kind = fields[0]
        if kind == "verb":
            lemma, code = fields[1], fields[2]
            entry = verbs.setdefault(lemma, {"code": None, "blocks": [], "forms": []})
            entry["code"] = code if code != "---" else None
            entry.pop("inherited", None)
            if len(fields) > 3 and fields[3]:
                entry["forms"].extend(f for f in fields[3].split() if f not in entry["forms"])
        elif kind == "pattern":
            lemma, text, code = fields[1], fields[2], fields[3]
            pattern = parse_pattern(text)
            if pattern is None:
                raise ValueError(f"{path}:{number}: pattern without '*': {text}")
            pattern.update(code=code if code != "---" else None, verb=lemma)
            entry = verbs.setdefault(lemma, {"code": None, "blocks": [], "forms": []})
            entry.setdefault("patterns", []).append(pattern)
        elif kind == "noun":
            lemma, modifiers, code = fields[1], fields[2], fields[3]
            noun = extras["nouns"].setdefault(lemma, {"code": None, "patterns": []})
            if modifiers == "-":
                noun["code"] = code
            else:
                noun["patterns"].append({"modifiers": phrase_words(modifiers), "code": code})
        elif kind == "light":
            extras["light_verbs"].append(fields[1])
            verbs.setdefault(fields[1], {"code": None, "blocks": [], "forms": []})  # known outside CAMEO too
            if len(fields) > 2 and fields[2] == "keep-default":
                extras["light_keep_default"].append(fields[1])
        elif kind == "modal":
            extras["modals"][fields[1]] = fields[2]
        elif kind in ("conflict_modal", "commissive"):
            extras[kind + "s"].append(fields[1])
        elif kind in ("inanimate_subjects", "nonpolitical_objects", "nonagent_subjects"):
            extras[kind].extend(fields[1].split())
        elif kind == "occurrence":
            extras["occurrence_verbs"].append(fields[1])
        elif kind in ("argument_verb", "standing_verb", "question_verb", "warning_verb",
                      "attributive_participle", "intransitive_verb"):
            extras[kind + "s"].append(fields[1])
        elif kind == "target":
            extras["target_preps"][fields[1]] = fields[2].split()
        elif kind == "intent":
            extras["intent"].setdefault(fields[1], {})[fields[2]] = fields[3]
        else:
            raise ValueError(f"{path}:{number}: unknown kind {kind!r}")
    return extras


def read_crosswalk(path: Path, extra_path: Path) -> list[list[str]]:
    """Rows (cameo, event_type, mode, context, description, origin); first row of a code wins."""
    rows: dict[str, list[str]] = {}
    for origin, source in (("oeda", path), ("eventwire", extra_path)):
        for line in source.read_text(encoding="utf-8").splitlines():
            match = re.match(r"^(\d{3,4}):\s*([^#]*?)\s*(?:#\s*(.*))?$", line.strip())
            if not match:
                continue
            fields = [f.strip() for f in match.group(2).split(",")] + ["", ""]
            event_type, mode, context = fields[0], fields[1].replace(" ", ""), fields[2]
            description = (match.group(3) or "").strip()
            if event_type:
                rows.setdefault(match.group(1), [match.group(1), event_type, mode, context, description,
                                                 origin])
    return sorted(rows.values(), key=lambda row: row[0])


def read_overrides(path: Path) -> dict[str, tuple[str, str]]:
    """cameo -> (event_type, mode): the project's corrections after the PLOVER manual's definitions."""
    overrides = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, event_type, mode = line.split("\t")[:3]
            overrides[code] = (event_type, mode)
    return overrides


def build(shared: Path) -> None:
    dictionary = (shared / "data" / "phoenix" / "CAMEO.2.0.txt").read_text(encoding="latin-1").splitlines()
    start = next(i for i, line in enumerate(dictionary) if line.startswith("####### VERB PATTERNS"))
    end = next(i for i, line in enumerate(dictionary) if line.startswith("######## TRANSFORMATIONS"))
    word_sets = read_word_sets(dictionary[:start])
    blocks, verbs = read_verb_blocks(dictionary[start + 1:end])
    extras = read_extras(SOURCES / "verbs_extra.tsv", verbs, blocks)
    lexicon = {
        "about": "Verb lexicon of eventwire. Verb patterns converted from the PETRARCH2 CAMEO 2.0 "
                 "dictionary (MIT, Open Event Data Alliance) plus the project's own entries; see NOTICE.",
        "word_sets": dict(sorted(word_sets.items())),
        "verbs": dict(sorted(verbs.items())),
        "blocks": dict(sorted(blocks.items())),
        **extras,
    }

    rows = read_crosswalk(shared / "data" / "plover_gsr" / "CAMEO2PLOVER-2021.txt",
                          SOURCES / "cameo_plover_extra.txt")
    overrides = read_overrides(SOURCES / "plover_overrides.tsv")
    for row in rows:
        if row[0] in overrides:
            row[1], row[2] = overrides[row[0]]
            row[5] = "oeda+eventwire"
    PLOVER_OUT.mkdir(parents=True, exist_ok=True)
    header = "cameo\tevent_type\tmode\tcontext\tdescription\torigin\n"
    (PLOVER_OUT / "cameo_plover.tsv").write_text(
        header + "".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    (PLOVER_OUT / "quad_classes.tsv").write_text(
        (SOURCES / "quad_classes.tsv").read_text(encoding="utf-8"), encoding="utf-8")

    if Path(str(runtime_lexicon._DATA)).resolve() != (REPO / "src" / "eventwire" / "data").resolve():
        raise SystemExit(f"eventwire is imported from {runtime_lexicon._DATA}, not from {REPO}: "
                         "install this checkout (pip install -e .) to rebuild its lexicon")
    runtime_lexicon.load_crosswalk.cache_clear()  # which codes are events: the crosswalk just written
    lexicon["candidate_words"] = runtime_lexicon.candidate_words(lexicon)
    VERBS_OUT.mkdir(parents=True, exist_ok=True)
    (VERBS_OUT / "lexicon.json").write_text(
        json.dumps(lexicon, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n",
        encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args(argv)
    if not (args.shared / "data" / "phoenix" / "CAMEO.2.0.txt").is_file():
        print(f"shared data not found under {args.shared}: nothing rebuilt", file=sys.stderr)
        return 1
    build(args.shared)
    return 0


if __name__ == "__main__":
    sys.exit(main())
