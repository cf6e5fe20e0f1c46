#!/usr/bin/env python3
"""Compare veille's HTML main-content extraction with python3-readability.

Usage:
    bench/html_eval.py [--build DIR] [--data DIR] [--markdown]

Runs the C++ tool `html_eval` (bench/html_eval_main.cpp, built in the build
directory) on every NAME.html / NAME.gold.txt pair of the data directory; it
writes veille's text for each page. Then extracts the same pages with
readability (Document(html).summary(), tags stripped with lxml) and scores both
against the gold body with the same token-level measure: words are maximal
runs of letters and digits, lowercased; precision and recall are the multiset
overlap of the two bags of words over the size of each bag. Prints per-page
precision / recall / F1 and the macro averages (--markdown: as a table).

readability and lxml come from Debian's python3-readability and python3-lxml;
if the interpreter running this script lacks them, it re-runs itself with
/usr/bin/python3.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter

try:
    import lxml.html
    from readability import Document
except ImportError:
    if sys.executable != "/usr/bin/python3" and os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    sys.exit("html_eval.py: needs python3-readability and python3-lxml")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORD = re.compile(r"[^\W_]+")  # letters and digits


def tokens(text):
    return Counter(w.lower() for w in WORD.findall(text))


def score(got, gold):
    a, b = tokens(got), tokens(gold)
    overlap = sum((a & b).values())
    n_got, n_gold = sum(a.values()), sum(b.values())
    p = overlap / n_got if n_got else (1.0 if not n_gold else 0.0)
    r = overlap / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def readability_text(html):
    summary = Document(html).summary(html_partial=True)
    root = lxml.html.fromstring(summary)
    # One line per block, like the gold files; text_content() alone glues blocks.
    for el in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br",
                        "tr", "td", "th", "blockquote", "figcaption"):
        el.tail = "\n" + (el.tail or "")
    return root.text_content()


def macro(rows):
    n = len(rows)
    return tuple(sum(r[i] for r in rows) / n for i in range(3))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"),
                    help="build directory holding bench/html_eval (default: build)")
    ap.add_argument("--data", default=os.path.join(ROOT, "tests", "data", "html"))
    ap.add_argument("--markdown", action="store_true", help="print the summary as a table")
    args = ap.parse_args()

    tool = os.path.join(args.build, "bench", "html_eval")
    if not os.path.exists(tool):
        sys.exit(f"html_eval.py: {tool} not found; build it with `ninja -C {args.build} html_eval`")

    pages = sorted(f[:-5] for f in os.listdir(args.data)
                   if f.endswith(".html") and os.path.exists(os.path.join(args.data, f[:-5] + ".gold.txt")))
    if not pages:
        sys.exit(f"html_eval.py: no NAME.html + NAME.gold.txt pairs in {args.data}")

    with tempfile.TemporaryDirectory() as out:
        subprocess.run([tool, args.data, "--out", out], check=True, stdout=subprocess.DEVNULL)
        veille_rows, read_rows, read_seconds = [], [], 0.0
        print(f"{'page':32} {'veille P':>8} {'R':>6} {'F1':>6}   {'readab. P':>9} {'R':>6} {'F1':>6}")
        for name in pages:
            gold = open(os.path.join(args.data, name + ".gold.txt"), encoding="utf-8").read()
            html = open(os.path.join(args.data, name + ".html"), encoding="utf-8").read()
            got = open(os.path.join(out, name + ".veille.txt"), encoding="utf-8").read()
            v = score(got, gold)
            t0 = time.perf_counter()
            try:
                rtext = readability_text(html)
            except Exception as e:  # readability gives up on some pages
                print(f"  readability failed on {name}: {e}", file=sys.stderr)
                rtext = ""
            read_seconds += time.perf_counter() - t0
            r = score(rtext, gold)
            veille_rows.append(v)
            read_rows.append(r)
            print(f"{name:32} {v[0]:8.3f} {v[1]:6.3f} {v[2]:6.3f}   {r[0]:9.3f} {r[1]:6.3f} {r[2]:6.3f}")

    vm, rm = macro(veille_rows), macro(read_rows)
    print(f"{'macro':32} {vm[0]:8.3f} {vm[1]:6.3f} {vm[2]:6.3f}   {rm[0]:9.3f} {rm[1]:6.3f} {rm[2]:6.3f}")
    print(f"pages: {len(pages)}; readability: {1000 * read_seconds / len(pages):.1f} ms/page")
    if args.markdown:
        print()
        print("| extractor | pages | precision | recall | F1 |")
        print("|---|---:|---:|---:|---:|")
        print(f"| veille (gumbo + scoring) | {len(pages)} | {vm[0]:.3f} | {vm[1]:.3f} | {vm[2]:.3f} |")
        print(f"| python3-readability 0.8.1 | {len(pages)} | {rm[0]:.3f} | {rm[1]:.3f} | {rm[2]:.3f} |")


if __name__ == "__main__":
    main()
