#!/usr/bin/env python3
"""Turns the bracketed sentences of modern-*.txt into "token TAG" files (IOB2).

    python3 tests/data/ner/make-bio.py      # rewrites modern-{train,dev,test}.bio

Sentence i (counted over the files in name order, comments and blank lines skipped) goes
to test when i % 5 == 0, to dev when i % 5 == 2, else to train. Words are split like
src/syntax/tokenizer.cpp does for these sentences: punctuation marks are tokens, elided
words ("l'", "d'", "qu'"...) are tokens of their own, hyphenated words stay whole.
"""
import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ELISIONS = ["jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "qu", "l", "d", "j", "m", "n", "s", "t", "c", "ç"]
WHOLE = {"aujourd'hui", "quelqu'un", "quelqu'une"}
LEAD = "«“\"(["
TRAIL = ".,;:!?»”\")]"
ABBREV = {"M.", "Mme.", "Dr.", "etc."}


def words(text):
    out = []
    for chunk in text.split():
        lead, trail = [], []
        while chunk and chunk[0] in LEAD:
            lead.append(chunk[0])
            chunk = chunk[1:]
        while chunk and chunk[-1] in TRAIL and chunk not in ABBREV:
            if chunk.endswith("..."):
                trail.insert(0, "...")
                chunk = chunk[:-3]
            else:
                trail.insert(0, chunk[-1])
                chunk = chunk[:-1]
        out += lead
        while chunk:
            low = chunk.lower().replace("’", "'")
            if low in WHOLE:
                out.append(chunk)
                break
            for e in ELISIONS:
                if low.startswith(e + "'") and len(low) > len(e) + 1:
                    out.append(chunk[: len(e) + 1])
                    chunk = chunk[len(e) + 1 :]
                    break
            else:
                out.append(chunk)
                break
        out += trail
    return out


def convert(line, where):
    pairs = []
    pos = 0
    for m in re.finditer(r"\[(PER|ORG|LOC) ([^\[\]]+)\]", line):
        pairs += [(w, "O") for w in words(line[pos : m.start()])]
        ws = words(m.group(2))
        pairs += [(w, ("B-" if i == 0 else "I-") + m.group(1)) for i, w in enumerate(ws)]
        pos = m.end()
    rest = line[pos:]
    if "[" in rest or "]" in rest:
        sys.exit(f"{where}: unbalanced bracket")
    pairs += [(w, "O") for w in words(rest)]
    return pairs


def main():
    parts = {"train": [], "dev": [], "test": []}
    i = 0
    for path in sorted(glob.glob(os.path.join(HERE, "modern-*.txt"))):
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                part = "test" if i % 5 == 0 else "dev" if i % 5 == 2 else "train"
                parts[part].append(convert(line, f"{os.path.basename(path)}:{n}"))
                i += 1
    for part, sentences in parts.items():
        with open(os.path.join(HERE, f"modern-{part}.bio"), "w", encoding="utf-8") as f:
            f.write("\n\n".join("\n".join(f"{w} {t}" for w, t in s) for s in sentences) + "\n")
        ents = sum(1 for s in sentences for _, t in s if t.startswith("B-"))
        print(f"modern-{part}.bio: {len(sentences)} sentences, {ents} entities")


main()
