"""Build the function-word list the event store uses to compare evidence sentences.

Input: spaCy's English stop words (MIT licence, Explosion AI), installed with spaCy, plus
reporting words and date words that carry no evidence about which happening is meant.
Output (committed): src/eventwire/data/store/stopwords.txt, one word a line, sorted.

Usage: python models/build_stopwords.py
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "eventwire" / "data" / "store" / "stopwords.txt"
REPORTING_WORDS = {"said", "says", "told", "according", "reported", "reuters", "afp", "ap"}
# Dates are compared as dates: "on Monday" in two reports is no evidence of one happening.
DATE_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
              "today", "tomorrow", "week", "month", "year", "night", "overnight", "morning", "evening",
              "january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december"}


def main() -> None:
    from spacy.lang.en.stop_words import STOP_WORDS

    words = sorted({w.lower() for w in STOP_WORDS if w.isalpha()} | REPORTING_WORDS | DATE_WORDS)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
