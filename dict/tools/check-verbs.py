#!/usr/bin/env python3
"""Validate the French CAMEO verb patterns under dict/verbs/fr/ (python3 stdlib only).

Usage: dict/tools/check-verbs.py [FILE...]   (default: every NN-*.tsv, modality.tsv and
abstract-objects.tsv)

Pattern files (NN-name.tsv, `code <TAB> pattern <TAB> example`, see dict/verbs/fr/README.md):
  - 3 columns, UTF-8 (NFC), no stray spaces around fields;
  - code in dict/cameo/codes.tsv and starting with the file's root NN;
  - pattern: optional `se `/`s'`, then the head (one lower-case lemma, `:n` for a noun head),
    then elements: lower-case lemmas with `|` alternatives (no empty alternative), slots `[S]`
    and `[T]` at most once each and not side by side, `[S]` only with a noun head, `:n` on the
    head only; a bare noun head needs a complement. A slot after a word that is not a
    preposition is a direct object ("refuser commenter [T]"), as in the loader;
  - example non-empty, containing a word that starts with the head's first 4 letters
    (accents ignored; cut to the verb stem: "nier" -> "ni", irregular stems in IRREGULAR),
    and naming enough actors from dict/actors (1, plus 1 for a [T] slot);
  - no duplicate (code, pattern).
modality.tsv (`lemma <TAB> effect <TAB> example`): one lemma (optionally `se `/`s'`), a known
effect, an example containing the lemma's first 4 letters, no duplicate lemma.
abstract-objects.tsv (`lemma`): one lower-case noun lemma per line, no duplicate.
Prints codes and lines per file; exit 0 when clean, 1 with one line per problem (file:line: msg).
"""
import glob
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DICT = os.path.dirname(HERE)
VERBS = os.path.join(DICT, "verbs", "fr")

# Must match kPrepositions in src/events/patterns.cpp.
PREPOSITIONS = {"à", "de", "avec", "contre", "envers", "par", "entre", "en", "pour", "vers", "auprès_de",
                "sur", "chez", "dans", "face_à", "aux_côtés_de", "sans", "après", "devant", "parmi"}
EFFECTS = {"hypothetical", "denied", "negated", "reported", "negated-hypothetical", "intent", "threat", "reject"}
WORD = re.compile(r"^[^\sA-Z\[\]:|]+$")
problems = []


def err(f, n, msg):
    problems.append(f"{f}:{n}: {msg}")


def read_tsv(path):
    """(line number, fields) of every non-comment, non-blank line."""
    name = os.path.relpath(path, DICT)
    with open(path, encoding="utf-8") as fh:
        for n, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if unicodedata.normalize("NFC", line) != line:
                err(name, n, "not NFC")
            yield n, line.split("\t")


def load_codes():
    codes = {}
    for _, f in read_tsv(os.path.join(DICT, "cameo", "codes.tsv")):
        codes[f[0]] = f[1] if len(f) > 1 else ""
    return codes


def load_actor_names():
    """Surface names of actors (countries, metonyms, organisations, people), longest first."""
    names = set()
    actors = os.path.join(DICT, "actors")

    def add(*vals):
        for v in vals:
            for a in v.split("|"):
                a = a.strip()
                if len(a) >= 2:
                    names.add(a)

    for _, f in read_tsv(os.path.join(actors, "countries.tsv")):
        add(f[2], f[5] if len(f) > 5 else "")
        if len(f) > 6:  # demonyms stand for the state ("le gouvernement vénézuélien")
            add(f[6])
            add("|".join(d[:1].upper() + d[1:] for d in f[6].split("|")))  # a population: "des Vénézuéliens"
    for _, f in read_tsv(os.path.join(actors, "metonyms.tsv")):
        add(f[0])
    for _, f in read_tsv(os.path.join(actors, "organizations.tsv")):
        if len(f) > 4 and f[4] == "media":
            continue
        add(f[1], f[2] if len(f) > 2 else "")
    for _, f in read_tsv(os.path.join(actors, "people.tsv")):
        add(f[1], f[2] if len(f) > 2 else "")
    return sorted(names, key=len, reverse=True)


def actor_regex(names):
    """One regex for all actor names, longest first, whole words (compiled once: a regex per
    name and example overflows re's cache and takes minutes)."""
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])")


def count_actors(text, actors):
    """Non-overlapping actor mentions in text (left to right, the longest name at each place)."""
    return sum(1 for _ in actors.finditer(text))


def words_of(text):
    return [w.lower() for w in re.split(r"[^\w]+", text) if w]


# Stems of irregular verbs whose inflected forms do not keep the lemma's first letters
# ("a mis", "s'est dit", "a reçu", "a ouvert").
IRREGULAR = {"mettre": "m", "remettre": "rem", "prendre": "pr", "faire": "f", "venir": "v", "tenir": "t",
             "dire": "di", "recevoir": "re", "pouvoir": "p", "devoir": "d", "vouloir": "v", "offrir": "off",
             "ouvrir": "ouv", "rouvrir": "rouv", "savoir": "s", "voir": "v", "avoir": "a", "être": "",
             "mourir": "m", "naître": "n"}


def fold(text):
    """Lower case without accents: "cède" and "céder" share the stem "ced"."""
    text = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def stem_prefix(lemma):
    """The head's first 4 letters, shortened to the verb stem ("nier" -> "ni", "dire" -> "di")."""
    lemma = lemma.lower()
    if lemma in IRREGULAR:
        return fold(IRREGULAR[lemma])
    stem = lemma
    for ending in ("oir", "er", "ir", "re"):
        if lemma.endswith(ending) and len(lemma) > len(ending) + 1:
            stem = lemma[: -len(ending)]
            break
    return fold(stem[:4])


def has_prefix_word(example, lemma):
    prefix = stem_prefix(lemma)
    return any(fold(w).startswith(prefix) for w in words_of(example))


def split_head(tokens):
    """(head, index of first element) after an optional se/s'."""
    if tokens and tokens[0] in ("se", "s'"):
        return (tokens[1] if len(tokens) > 1 else ""), 2
    if tokens and tokens[0].startswith("s'"):
        return tokens[0][2:], 1
    return (tokens[0] if tokens else ""), 1


def check_pattern(name, n, pattern):
    """Returns the head lemma (without :n) and the number of slots, after reporting problems."""
    if pattern != pattern.strip() or "  " in pattern:
        err(name, n, "stray spaces in pattern")
    tokens = pattern.split()
    head, i = split_head(tokens)
    noun = head.endswith(":n")
    if noun:
        head = head[:-2]
        if i == 2 or tokens[0].startswith("s'"):
            err(name, n, "a noun head cannot be reflexive")
    if not head or not WORD.match(head):
        err(name, n, f"the head must be one lower-case lemma: '{head}'")
    # A slot may name a class of actor: [T:pop] (a population); it is checked as [T].
    elements = [re.sub(r"^\[([ST]):pop\]$", r"[\1]", w) for w in tokens[i:]]
    slots = []
    for k, w in enumerate(elements):
        if w in ("[S]", "[T]"):
            if w in slots:
                err(name, n, f"slot {w} appears twice")
            slots.append(w)
            if k > 0 and elements[k - 1] in ("[S]", "[T]"):
                err(name, n, f"slot {w} right after another slot")
            if w == "[S]" and not noun:
                err(name, n, "[S] is for noun heads only")
            continue
        if "[" in w or "]" in w:
            err(name, n, f"unknown slot '{w}' (slots are [S] and [T])")
            continue
        if ":n" in w:
            err(name, n, f"':n' marks the head only: '{w}'")
            continue
        alts = w.split("|")
        for a in alts:
            if not a:
                err(name, n, f"empty alternative in '{w}'")
            elif not WORD.match(a):
                err(name, n, f"pattern words are lower-case lemmas: '{a}'")
    if noun and not elements:
        err(name, n, "a bare noun head is too vague; add a complement or a slot")
    return head, len(slots)


def check_pattern_file(path, codes, names, stats):
    name = os.path.relpath(path, DICT)
    base = os.path.basename(path)
    root = base[:2]
    seen = {}
    file_codes, lines = set(), 0
    for n, f in read_tsv(path):
        if len(f) != 3:
            err(name, n, f"expected 3 tab-separated columns, got {len(f)}")
            continue
        if any(x != x.strip() for x in f):
            err(name, n, "stray spaces around a field")
        code, pattern, example = (x.strip() for x in f)
        if code not in codes:
            err(name, n, f"unknown CAMEO code '{code}'")
        elif not code.startswith(root) or len(code) < 3:
            err(name, n, f"code {code} does not belong to root {root} (or is a bare root)")
        head, nslots = check_pattern(name, n, pattern)
        key = (code, pattern)
        if key in seen:
            err(name, n, f"duplicate pattern '{pattern}' for {code} (line {seen[key]})")
        seen[key] = n
        if not example:
            err(name, n, "empty example")
        else:
            if head and not has_prefix_word(example, head):
                err(name, n, f"example has no word starting with '{head[:4]}'")
            need = 1 + (1 if "[T" in pattern else 0)
            got = count_actors(example, names)
            if got < need:
                err(name, n, f"example names {got} actor(s) from dict/actors, needs {need}")
        file_codes.add(code)
        lines += 1
    stats.append((base, file_codes, lines))


def check_abstract(path):
    name = os.path.relpath(path, DICT)
    seen = {}
    for n, f in read_tsv(path):
        if len(f) != 1 or not WORD.match(f[0]):
            err(name, n, f"one lower-case noun lemma expected: '{chr(9).join(f)}'")
            continue
        if f[0] in seen:
            err(name, n, f"duplicate abstract noun '{f[0]}' (line {seen[f[0]]})")
        seen[f[0]] = n
    return len(seen)


def check_modality(path):
    name = os.path.relpath(path, DICT)
    seen = {}
    count = 0
    for n, f in read_tsv(path):
        if len(f) != 3:
            err(name, n, f"expected 3 tab-separated columns, got {len(f)}")
            continue
        lemma, effect, example = (x.strip() for x in f)
        head, _ = split_head(lemma.split())
        if len(lemma.split()) > (2 if lemma.startswith("se ") else 1) or not WORD.match(head or "?"):
            err(name, n, f"one lower-case lemma expected: '{lemma}'")
        if effect not in EFFECTS:
            err(name, n, f"unknown effect '{effect}'")
        if head in seen:
            err(name, n, f"duplicate modality entry '{head}' (line {seen[head]})")
        seen[head] = n
        if not example:
            err(name, n, "empty example")
        elif head and not has_prefix_word(example, head):
            err(name, n, f"example has no word starting with '{head[:4]}'")
        count += 1
    return count


def main():
    files = sys.argv[1:] or sorted(glob.glob(os.path.join(VERBS, "[0-9][0-9]-*.tsv"))) + [
        os.path.join(VERBS, "modality.tsv"), os.path.join(VERBS, "abstract-objects.tsv")]
    codes = load_codes()
    names = actor_regex(load_actor_names())
    stats = []
    modality = abstract = None
    for path in files:
        if not os.path.exists(path):
            err(os.path.relpath(path, DICT), 0, "missing file")
        elif os.path.basename(path) == "modality.tsv":
            modality = check_modality(path)
        elif os.path.basename(path) == "abstract-objects.tsv":
            abstract = check_abstract(path)
        elif re.match(r"^\d\d-[\w-]+\.tsv$", os.path.basename(path)):
            check_pattern_file(path, codes, names, stats)
        else:
            err(os.path.relpath(path, DICT), 0, "not a pattern file (NN-name.tsv), modality.tsv nor abstract-objects.tsv")
    all_codes, all_lines = set(), 0
    for base, c, lines in stats:
        print(f"{base:28} {len(c):4d} codes {lines:5d} lines")
        all_codes |= c
        all_lines += lines
    if stats:
        print(f"{'total':28} {len(all_codes):4d} codes {all_lines:5d} lines")
    if modality is not None:
        print(f"{'modality.tsv':28} {modality:5d} entries")
    if abstract is not None:
        print(f"{'abstract-objects.tsv':28} {abstract:5d} nouns")
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
