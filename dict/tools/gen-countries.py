#!/usr/bin/env python3
"""Generate dict/actors/countries.tsv from the country references in ../shared.

Usage: dict/tools/gen-countries.py [--shared DIR] [--out FILE]
  defaults: --shared <repo>/../shared, --out <repo>/dict/actors/countries.tsv

Inputs (read-only, see dict/actors/README.md for licences and attribution):
  reference/countries/mledoze/countries.json   ISO codes, French/English names, demonyms (m/f)
  reference/countries/umpirsky/country_{fr,en}.json   extra French/English name variants
  reference/countries/prolex/Prolex-PaysCapitales.utf8.dic   gender/article of French names,
      French long forms and inflected demonyms (only where Prolex's Iso tag is consistent)
  reference/countries/countryinfo/CountryInfo.120116.txt   CAMEO codes of territories and
      the CAMEO exceptions (KSV, TMP, USAPRI, FRAGLP, ...)
  dict/actors/countries-overrides.tsv   hand fixes, applied last

Output columns: cameo iso2 name_fr article name_en aliases demonyms
Python 3 standard library only. Deterministic output (sorted by cameo).
"""
import argparse
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
FIELDS = ["cameo", "iso2", "name_fr", "article", "name_en", "aliases", "demonyms"]
ARTICLES = {"le", "la", "les", "l'", "-"}
VOWELS = set("AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŸaeiouyàâäéèêëîïôöùûüÿ")


def nfc(s):
    return unicodedata.normalize("NFC", s.strip())


def load_mledoze(shared):
    with open(os.path.join(shared, "reference/countries/mledoze/countries.json"), encoding="utf-8") as f:
        return json.load(f)


def load_umpirsky(shared, lang):
    with open(os.path.join(shared, f"reference/countries/umpirsky/country_{lang}.json"), encoding="utf-8") as f:
        return {k: nfc(v) for k, v in json.load(f).items()}


def load_prolex(shared):
    """Return (gender/DetZ by country name, {tag: [country names]}, {tag: set(demonym forms)})."""
    path = os.path.join(shared, "reference/countries/prolex/Prolex-PaysCapitales.utf8.dic")
    names = {}      # name -> (detz, genders)
    tag_names = {}  # IsoXX -> names of countries carrying that tag
    tag_dem = {}    # IsoXX -> lower-case demonym/adjective forms
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            line = line.rstrip("\n")
            m = re.match(r"^(.*?),(.*?)\.([^:]*)((?::[a-z]+)*)$", line)
            if not m:
                continue
            form, _lemma, feats, infl = m.groups()
            form = nfc(form.replace("\\", ""))
            feats = feats.split("+")
            if "Pays" not in feats:
                continue
            tag = next((x[3:] for x in feats if x.startswith("Iso")), None)
            if tag is None:
                continue
            if feats[0] == "N" and "Hum" not in feats:
                names[form] = ("DetZ" in feats, [g for g in infl.split(":") if g])
                tag_names.setdefault(tag, []).append(form)
            elif feats[0] == "A":
                tag_dem.setdefault(tag, set()).add(form.lower())
    return names, tag_names, tag_dem


def load_countryinfo_codes(shared):
    path = os.path.join(shared, "reference/countries/countryinfo/CountryInfo.120116.txt")
    with open(path, encoding="latin-1") as f:
        txt = f.read()
    return set(re.findall(r"^<CountryCode>([A-Z]+)</CountryCode>", txt, re.M))


def cameo_code(iso3, ci_codes, territories):
    """CAMEO country code: ISO 3166-1 alpha-3. CountryInfo/Phoenix code dependent territories as
    sovereign + ISO (PRI -> USAPRI); the actor loader takes 3-letter country codes, so we keep the
    territory's own alpha-3 and record the sovereign-prefixed form in `territories` (reported, and
    documented in README.md). The other CAMEO exceptions (KSV, TMP) are in the overrides file."""
    for c in ci_codes:
        if len(c) == 6 and c.endswith(iso3):
            territories[iso3] = c
    return iso3


def article_for(name, prolex_names):
    info = prolex_names.get(name)
    if info is not None:
        detz, genders = info
        if detz:
            return "-"
    else:
        genders = None
    if (genders and any(g.endswith("p") for g in genders)) or name.startswith(("Îles ", "Iles ")):
        return "les"
    if name[0] in VOWELS:
        return "l'"
    if genders:
        if "fs" in genders and "ms" not in genders:
            return "la"
        return "le"
    # heuristic for names Prolex lacks (territories): feminine if ending in -e
    if re.match(r"^(Îles?|Iles?) ", name) or name.startswith("Îles"):
        return "les"
    return "la" if name.endswith("e") else "le"


def plural(w):
    if w.endswith(("s", "x", "z")):
        return w
    if w.endswith("al"):
        return w[:-2] + "aux"
    return w + "s"


def demonym_forms(m, f):
    out = []
    for w in (m, f):
        if not w:
            continue
        w = w.lower()
        for x in (w, plural(w)):
            if x not in out:
                out.append(x)
    return out


def load_overrides(path):
    ov = []
    if not os.path.exists(path):
        return ov
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) < 4:
                sys.exit(f"{path}:{n}: expected cameo<TAB>field<TAB>op<TAB>value[<TAB>note]")
            key, field, op, value = parts[:4]
            if op not in ("set", "add", "remove", "new", "delete") or (field not in FIELDS and field != "*"):
                sys.exit(f"{path}:{n}: bad op/field {op}/{field}")
            ov.append((n, key, field, op, value))
    return ov


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(REPO), "shared"))
    ap.add_argument("--out", default=os.path.join(REPO, "dict/actors/countries.tsv"))
    ap.add_argument("--overrides", default=os.path.join(REPO, "dict/actors/countries-overrides.tsv"))
    a = ap.parse_args()

    mled = load_mledoze(a.shared)
    ufr, uen = load_umpirsky(a.shared, "fr"), load_umpirsky(a.shared, "en")
    pnames, ptag_names, ptag_dem = load_prolex(a.shared)
    ci = load_countryinfo_codes(a.shared)

    rows = {}
    territories = {}
    for c in mled:
        iso3, iso2 = c["cca3"], c["cca2"]
        fr = c["translations"]["fra"]
        name_fr = nfc(fr["common"])
        name_en = nfc(c["name"]["common"])
        aliases = []

        def add(x):
            x = nfc(x)
            if x and x != name_fr and x != name_en and x not in aliases and len(x) > 3:
                aliases.append(x)
        add(fr["official"])
        add(ufr.get(iso2, ""))
        add(c["name"]["official"])
        add(uen.get(iso2, ""))
        dem = c.get("demonyms", {}).get("fra", {})
        demonyms = demonym_forms(dem.get("m", ""), dem.get("f", ""))
        # Prolex: its Iso tags have defects (Russia tagged GB, Iran ID, Belarus BT, the
        # Koreas CK, ...). Use a tag only when every Prolex country carrying it is a name
        # of this country (its common French name or one of the aliases above).
        tag_names = ptag_names.get(iso2, [])
        if tag_names and name_fr in tag_names and all(n == name_fr or n in aliases or
                                                        n.startswith(("République", "Royaume", "État", "Etat", "Principauté", "Grand-Duché", "Fédération", "Sultanat", "Émirat", "Commonwealth", "Union", "Confédération", "Jamahiriya"))
                                                        for n in tag_names):
            for n in tag_names:
                add(n)
            for d in sorted(ptag_dem.get(iso2, ())):
                if d not in demonyms:
                    demonyms.append(d)
        cameo = cameo_code(iso3, ci, territories)
        rows[cameo] = {
            "cameo": cameo, "iso2": iso2, "name_fr": name_fr,
            "article": article_for(name_fr, pnames), "name_en": name_en,
            "aliases": aliases, "demonyms": demonyms,
        }

    for n, key, field, op, value in load_overrides(a.overrides):
        where = f"{a.overrides}:{n}"
        if op == "new":
            if key in rows:
                sys.exit(f"{where}: {key} already exists")
            rows[key] = {"cameo": key, "iso2": "", "name_fr": "", "article": "-", "name_en": "", "aliases": [], "demonyms": []}
            continue
        if key not in rows:
            sys.exit(f"{where}: unknown cameo code {key}")
        r = rows[key]
        if op == "delete":
            del rows[key]
        elif op == "set" and field == "cameo":
            r["cameo"] = value
            del rows[key]
            rows[value] = r
        elif op == "set":
            r[field] = value.split("|") if field in ("aliases", "demonyms") and value else ([] if field in ("aliases", "demonyms") else value)
        elif op == "add":
            for v in value.split("|"):
                if v not in r[field]:
                    r[field].append(v)
        elif op == "remove":
            for v in value.split("|"):
                if v in r[field]:
                    r[field].remove(v)

    with open(a.out, "w", encoding="utf-8") as f:
        f.write("# countries.tsv - GENERATED by dict/tools/gen-countries.py; do not edit, fix in countries-overrides.tsv\n")
        f.write("# sources: mledoze/countries (ODbL), umpirsky/country-list (MIT), Prolex (LGPL-LR), CountryInfo (CC BY-SA); see README.md\n")
        f.write("# " + "\t".join(FIELDS) + "\n")
        for k in sorted(rows):
            r = rows[k]
            seen = {r["name_fr"], r["name_en"]}
            r["aliases"] = [x for x in r["aliases"] if not (x in seen or seen.add(x))]
            if r["article"] not in ARTICLES:
                sys.exit(f"bad article {r['article']} for {k}")
            f.write("\t".join([r["cameo"], r["iso2"], r["name_fr"], r["article"], r["name_en"],
                               "|".join(r["aliases"]), "|".join(r["demonyms"])]) + "\n")
    print(f"wrote {len(rows)} countries to {a.out}", file=sys.stderr)
    print("territories coded sovereign+ISO by CountryInfo/Phoenix (kept as ISO here): " +
          " ".join(f"{k}={v}" for k, v in sorted(territories.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
