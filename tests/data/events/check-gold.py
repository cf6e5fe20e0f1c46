#!/usr/bin/env python3
"""check-gold.py - validate tests/data/events/gold.tsv and print its coverage table.

Stdlib only. Usage:  python3 tests/data/events/check-gold.py [gold.tsv]
Exit status 1 when an error is found (warnings do not fail).
The codebook is read from $VEILLE_SHARED_DIR/reference/petrarch2 (default: ../shared next to the
repository); when absent, the code-existence check is skipped and said so.
"""
import collections
import datetime
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
ACTORS = os.path.join(ROOT, "dict", "actors")
SHARED = os.environ.get("VEILLE_SHARED_DIR", os.path.join(ROOT, "..", "shared"))
PETRARCH = os.path.join(SHARED, "reference", "petrarch2")

POLARITIES = ("asserted", "negated", "hypothetical", "denied", "reported")
# Phenomenon tags given on the '#@' line just before an item (see README.md).
TAGS = {
    "neg": "negation / denial",
    "hyp": "hypothetical / modal / future",
    "pass": "passive",
    "coord": "coordinated subjects or objects",
    "speech": "reported speech / attribution",
    "inv": "inverted clause",
    "rel": "relative / participial clause",
    "nom": "nominal form",
    "sup": "support-verb construction",
    "media": "journalist / newspaper / agency mention",
    "two": "two sentences",
}
DATE_MIN, DATE_MAX = datetime.date(2015, 1, 1), datetime.date(2026, 12, 31)
# Items g001..g398 follow the every-third-is-test rule. g399 on were written on 2026-12-07 as fresh
# dev material (hand-coded before the coder was run on them): all dev, so the held-out test split
# keeps its 132 items untouched (README.md, "Fresh dev items").
FRESH_DEV_FROM = 399
ID_RE = re.compile(r"^g(\d{3,4})$")
EVENT_RE = re.compile(r"^([A-Z]{3}[A-Z]*|-)>(\d{3,4})>([A-Z]{3}[A-Z]*|-)>([a-z]+)$")

errors = []
warnings = []


def err(where, msg):
    errors.append("%s: %s" % (where, msg))


def read_rows(path):
    """Yields (line number, fields) of the non-comment lines of a dict TSV file."""
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            yield n, line.split("\t")


def load_actor_codes():
    """Country codes (countries.tsv col 1) and IGO/NGO codes (organizations.tsv cameo column)."""
    countries = {cols[0] for _, cols in read_rows(os.path.join(ACTORS, "countries.tsv"))}
    orgs = set()
    media = []
    for _, cols in read_rows(os.path.join(ACTORS, "organizations.tsv")):
        name, aliases, cameo, kind = cols[1], cols[2], cols[3], cols[4]
        if kind in ("igo", "ngo") and cameo != "IGO":  # bare IGO says nothing: not a usable code
            orgs.add(cameo)
        if kind == "media":
            media.append(name)
    return countries, orgs


def load_people():
    """name -> list of (start, end) role periods, from people.tsv (name and aliases)."""
    people = collections.defaultdict(list)
    for _, cols in read_rows(os.path.join(ACTORS, "people.tsv")):
        start, end = cols[6], cols[7]
        period = (parse_loose(start, low=True), parse_loose(end, low=False))
        for name in [cols[1]]:
            people[name].append(period)
    return people


def parse_loose(s, low):
    if not s:
        return None
    parts = [int(p) for p in s.split("-")]
    if len(parts) == 2:  # YYYY-MM: widen to the whole month
        y, m = parts
        if low:
            return datetime.date(y, m, 1)
        nxt = datetime.date(y + (m == 12), m % 12 + 1, 1)
        return nxt - datetime.timedelta(days=1)
    return datetime.date(*parts)


def load_codebook():
    """CAMEO event codes named in the PETRARCH2 files; None when the files are absent."""
    verbs = os.path.join(PETRARCH, "CAMEO.2.0.txt")
    if not os.path.exists(verbs):
        return None
    codes = set()
    with open(verbs, encoding="utf-8", errors="replace") as f:
        for m in re.finditer(r"\[(\d{3,4})(?::(\d{3,4}))?[!\]]", f.read()):
            codes.update(c for c in m.groups() if c)
    # The verb dictionary has no pattern for some codes of the CAMEO 2.0 list (1042, 0254...);
    # the internal ontology next to it lists every code.
    onto = os.path.join(PETRARCH, "PETR.Internal.Coding.Ontology.txt")
    if os.path.exists(onto):
        with open(onto, encoding="utf-8") as f:
            for line in f:
                m = re.match(r"^(\d{3,4}):", line)
                if m:
                    codes.add(m.group(1))
    return codes


def check_text(where, text):
    if not text.strip():
        err(where, "empty text")
    if "\u2019" in text or "\u2018" in text:
        err(where, "curly apostrophe: use '")
    if re.search(r"[\u201c\u201d\"]", text):
        err(where, "English double quotes: use « »")
    for m in re.finditer("«", text):
        if not text[m.end():m.end() + 1].isspace():
            err(where, "no space after «")
    for m in re.finditer("»", text):
        if m.start() == 0 or not text[m.start() - 1].isspace():
            err(where, "no space before »")
    if text.count("«") != text.count("»"):
        err(where, "unbalanced guillemets")
    if "  " in text or text != text.strip():
        err(where, "double or edge spaces")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "gold.tsv")
    countries, orgs = load_actor_codes()
    actor_codes = countries | orgs
    people = load_people()
    codebook = load_codebook()

    items = []
    pending_tags = None
    seen_text = {}
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            where = "%s:%d" % (os.path.basename(path), n)
            line = raw.rstrip("\n")
            if line.startswith("#@"):
                tags = line[2:].split()
                for t in tags:
                    if t not in TAGS:
                        err(where, "unknown tag %r" % t)
                pending_tags = set(tags)
                continue
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 5:
                err(where, "%d columns, want 5 (id split date text events)" % len(cols))
                pending_tags = None
                continue
            iid, split, date, text, events = cols
            expect = len(items) + 1
            m = ID_RE.match(iid)
            if not m or int(m.group(1)) != expect:
                err(where, "id %r, want g%03d" % (iid, expect))
            if expect < FRESH_DEV_FROM:
                want_split, rule = ("test" if expect % 3 == 0 else "dev"), "every 3rd item is test"
            else:
                want_split, rule = "dev", "items from g%03d on are fresh dev items" % FRESH_DEV_FROM
            if split != want_split:
                err(where, "split %r, want %r (%s)" % (split, want_split, rule))
            try:
                d = datetime.date.fromisoformat(date)
                if not DATE_MIN <= d <= DATE_MAX:
                    err(where, "date %s outside 2015..2026" % date)
            except ValueError:
                err(where, "bad date %r" % date)
                d = None
            check_text(where, text)
            if text in seen_text:
                err(where, "same text as line %d" % seen_text[text])
            seen_text[text] = n
            evs = []
            if events != "-":
                for e in events.split(";"):
                    em = EVENT_RE.match(e)
                    if not em:
                        err(where, "bad event %r (SRC>CODE>TGT>POLARITY)" % e)
                        continue
                    src, code, tgt, pol = em.groups()
                    if src == "-":
                        err(where, "event %r has no source" % e)
                    for a in (src, tgt):
                        if a != "-" and a not in actor_codes:
                            err(where, "unknown actor code %r" % a)
                    if codebook is not None and code not in codebook:
                        err(where, "code %s not in the CAMEO codebook" % code)
                    if pol not in POLARITIES:
                        err(where, "polarity %r not in %s" % (pol, "|".join(POLARITIES)))
                    if e in [x[4] for x in evs]:
                        err(where, "duplicate event %r" % e)
                    evs.append((src, code, tgt, pol, e))
            # A person named in the text should hold a role at the date (warning only: a
            # former office holder can be mentioned without being an actor).
            if d is not None:
                for name, periods in people.items():
                    if name in text and not any(
                            (s is None or s <= d) and (e is None or d <= e) for s, e in periods):
                        warnings.append("%s: %s holds no role on %s" % (where, name, date))
            items.append({"id": iid, "split": split, "events": evs, "tags": pending_tags or set()})
            pending_tags = None

    report(items, codebook is not None)
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    print("%d items, %d errors, %d warnings" % (len(items), len(errors), len(warnings)))
    return 1 if errors else 0


def report(items, have_codebook):
    roots = collections.Counter()
    events_by_root = collections.Counter()
    for it in items:
        for r in {ev[1][:2] for ev in it["events"]}:
            roots[r] += 1
        for ev in it["events"]:
            events_by_root[ev[1][:2]] += 1
    print("| root | items | events |")
    print("|---|---:|---:|")
    for r in ["%02d" % i for i in range(1, 21)]:
        print("| %s | %d | %d |" % (r, roots[r], events_by_root[r]))
    print()
    pol = collections.Counter(ev[3] for it in items for ev in it["events"])
    print("| polarity | events |")
    print("|---|---:|")
    for p in POLARITIES:
        print("| %s | %d |" % (p, pol[p]))
    print()
    # Phenomena: tags, plus what the events show by themselves.
    phen = collections.Counter()
    for it in items:
        t = set(it["tags"])
        pols = {ev[3] for ev in it["events"]}
        if pols & {"negated", "denied"}:
            t.add("neg")
        if "hypothetical" in pols:
            t.add("hyp")
        if "reported" in pols:
            t.add("speech")
        for k in t:
            phen[k] += 1
        if not it["events"]:
            phen["none"] += 1
    print("| phenomenon | items |")
    print("|---|---:|")
    for k, label in TAGS.items():
        print("| %s (%s) | %d |" % (label, k, phen[k]))
    print("| no event (-) | %d |" % phen["none"])
    for label, pols in (("negated or denied", {"negated", "denied"}), ("hypothetical", {"hypothetical"}),
                        ("reported", {"reported"})):
        n = sum(1 for it in items if pols & {ev[3] for ev in it["events"]})
        print("| items with a %s event | %d |" % (label, n))
    n = sum(1 for it in items if len({ev[0] for ev in it["events"]}) > 1 or
            any(len({ev[2] for ev in it["events"] if ev[:2] == e[:2]}) > 1 for e in it["events"]))
    print("| items with several sources, or one source+code with several targets | %d |" % n)
    split = collections.Counter(it["split"] for it in items)
    print()
    print("items: %d (dev %d, test %d), events: %d%s" % (
        len(items), split["dev"], split["test"], sum(len(it["events"]) for it in items),
        "" if have_codebook else " (codebook absent: codes not checked)"))


if __name__ == "__main__":
    sys.exit(main())
