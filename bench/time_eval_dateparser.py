#!/usr/bin/python3
"""The peer on the time cases: python3-dateparser's search_dates (Debian package) over
tests/data/time/cases.tsv, scored as bench/time_eval scores veille: recognition (the
expression's text) and normalisation (text and value; dateparser gives a full date,
cut to the expected granularity: YYYY, YYYY-MM or YYYY-MM-DD; weeks are not compared).

    /usr/bin/python3 bench/time_eval_dateparser.py [tests/data/time/cases.tsv]
"""
import datetime
import sys
import time

from dateparser.search import search_dates


def matches(want, got):
    want = list(want)
    n = 0
    for g in got:
        if g in want:
            want.remove(g)
            n += 1
    return n


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "tests/data/time/cases.tsv"
    rows = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        text, date, want = line.split("\t")
        rows.append((text, date, want))
    counts = {"text": [0, 0, 0], "value": [0, 0, 0]}
    start = time.process_time()
    for text, date, want in rows:
        wants = [w.split("|") for w in want.split(" ; ")] if want else []
        settings = {"PREFER_DATES_FROM": "past"}
        if date != "-":
            settings["RELATIVE_BASE"] = datetime.datetime.fromisoformat(date)
        found = search_dates(text, languages=["fr"], settings=settings) or []
        got_text = [t for t, _ in found]
        # Value at the granularity of the expected expression with the same text.
        granularity = {w[0]: len(w[1]) for w in wants}
        got_value = []
        for t, d in found:
            iso = d.date().isoformat()
            got_value.append(t + "|" + iso[: granularity.get(t, 10)])
        want_text = [w[0] for w in wants]
        want_value = [w[0] + "|" + w[1] for w in wants]
        for key, w, g in (("text", want_text, got_text), ("value", want_value, got_value)):
            c = counts[key]
            c[0] += len(w)
            c[1] += len(g)
            c[2] += matches(w, g)
    cpu = time.process_time() - start
    print(f"{len(rows)} cases, dateparser {cpu:.2f} s CPU\n")
    print("| measure | expected | found | right | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|---:|")
    for key, name in (("text", "recognition (text)"), ("value", "normalisation (text, value)")):
        e, f, r = counts[key]
        p = r / f if f else 0
        rc = r / e if e else 0
        f1 = 2 * p * rc / (p + rc) if p + rc else 0
        print(f"| {name} | {e} | {f} | {r} | {p:.3f} | {rc:.3f} | {f1:.3f} |")


main()
