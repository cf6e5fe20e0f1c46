#!/usr/bin/env python3
"""Validate the actor dictionary under dict/actors/ (python3 stdlib only).

Usage: dict/tools/check-actors.py [DIR]   (default: <repo>/dict/actors)
Checks every *.tsv: UTF-8 (NFC), tab-separated, column count against the header comment,
no empty key, no duplicate key, no stray spaces around fields; plus per file:
  countries.tsv      cameo/iso2 shape, article in le|la|les|l'|-
  metonyms.tsv       country known, role a CAMEO role code
  organizations.tsv  id org:..., kind in the list, cameo shape
  people.tsv         id person:..., country known or -, cameo starts with the country (or IGO/NGO),
                     dates YYYY-MM-DD|YYYY-MM, start <= end, same person+role periods do not
                     overlap, same id keeps the same name
  titles.tsv, roles.tsv   role vocabulary (with an optional /office), known country
  context.tsv        kind place|former, no duplicates
  surnames.tsv       no duplicates (the loader checks each is a surname of people.tsv)
Exit 0 when clean, 1 with one line per problem (file:line: message).
"""
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DIR = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(HERE), "actors")

COLUMNS = {
    "countries.tsv": ["cameo", "iso2", "name_fr", "article", "name_en", "aliases", "demonyms"],
    "countries-overrides.tsv": ["cameo", "field", "op", "value", "note"],
    "metonyms.tsv": ["name", "country", "role", "note"],
    "organizations.tsv": ["id", "name", "aliases", "cameo", "kind", "note"],
    "people.tsv": ["id", "name", "aliases", "country", "role", "cameo", "start", "end", "note"],
    "titles.tsv": ["title", "role", "cameo_role", "note"],
    "roles.tsv": ["phrase", "role", "country", "note"],
    "context.tsv": ["kind", "phrase", "note"],
    "surnames.tsv": ["surname", "note"],
}
# CAMEO role (agent) codes used here (Phoenix.agents.txt / CAMEO manual)
CAMEO_ROLES = {"GOV", "MIL", "LEG", "JUD", "SPY", "COP", "OPP", "REB", "PTY", "BUS", "MED", "CVL",
               "ELI", "UAF", "CRM", "NGO", "IGO", "HRI", "REF"}
KINDS = {"igo", "agency", "company", "media", "party", "armed-group", "ngo"}
ROLES = {
    "head-of-state", "head-of-government", "vice-president", "deputy-head-of-government",
    "first-deputy-head-of-government", "foreign-minister", "deputy-foreign-minister", "deputy-minister",
    "defence-minister", "deputy-defence-minister", "interior-minister", "finance-minister", "oil-minister",
    "minister", "spokesperson", "national-security-adviser", "security-council-secretary",
    "security-council-deputy-chairman", "ambassador", "diplomat", "special-envoy", "chief-of-staff",
    "military-officer", "military", "opposition-leader", "speaker", "government", "legislature",
    "intelligence", "police", "judiciary", "supreme-leader", "crown-prince", "party-leader",
    "agency-head", "company-head", "adviser", "secretary-general", "high-representative",
    "commission-president", "un-high-commissioner", "constituent-assembly-president",
}
# A role may name its office after a slash ("spokesperson/presidency"): a title with the
# qualified role picks only that office's holders (see README.md, titles.tsv and roles.tsv).
OFFICES = {"presidency", "foreign-ministry", "government", "interim-president"}


def known_role(role):
    base, _, office = role.partition("/")
    return base in ROLES and (not office or office in OFFICES)


DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")
problems = []


def err(f, n, msg):
    problems.append(f"{f}:{n}: {msg}")


def rows(name):
    path = os.path.join(DIR, name)
    if not os.path.exists(path):
        err(name, 0, "missing file")
        return []
    cols = COLUMNS[name]
    out = []
    header_ok = False
    with open(path, "rb") as fh:
        data = fh.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        err(name, 0, f"not UTF-8: {e}")
        return []
    for n, line in enumerate(text.split("\n"), 1):
        if line == "":
            continue
        if line.startswith("#"):
            if line.lstrip("# ").split("columns: ")[-1].split("\t") == cols:
                header_ok = True
            continue
        if unicodedata.normalize("NFC", line) != line:
            err(name, n, "not NFC")
        if "\r" in line:
            err(name, n, "CR in line")
        f = line.split("\t")
        if len(f) != len(cols):
            err(name, n, f"{len(f)} columns, expected {len(cols)} ({' '.join(cols)})")
            continue
        for c, v in zip(cols, f):
            if v != v.strip():
                err(name, n, f"column {c} has leading/trailing spaces")
            if "|" in v and ("||" in v or v.startswith("|") or v.endswith("|")):
                err(name, n, f"column {c}: empty list item")
        out.append((n, dict(zip(cols, f))))
    if not header_ok:
        err(name, 0, "no header comment naming the columns: # " + "\t".join(cols))
    return out


def dupes(name, rs, keyf):
    seen = {}
    for n, r in rs:
        k = keyf(r)
        if not k or (isinstance(k, tuple) and not k[0]):
            err(name, n, "empty key")
        elif k in seen:
            err(name, n, f"duplicate key {k!r} (first at line {seen[k]})")
        else:
            seen[k] = n


def main():
    countries = rows("countries.tsv")
    codes = {r["cameo"] for _, r in countries}
    dupes("countries.tsv", countries, lambda r: r["cameo"])
    dupes("countries.tsv", countries, lambda r: r["iso2"])
    for n, r in countries:
        if not re.fullmatch(r"[A-Z]{3}", r["cameo"]):
            err("countries.tsv", n, f"bad cameo {r['cameo']}")
        if not re.fullmatch(r"[A-Z]{2}", r["iso2"]):
            err("countries.tsv", n, f"bad iso2 {r['iso2']}")
        if r["article"] not in {"le", "la", "les", "l'", "-"}:
            err("countries.tsv", n, f"bad article {r['article']}")
        if not r["name_fr"] or not r["name_en"]:
            err("countries.tsv", n, "empty name")
    known = codes

    rows("countries-overrides.tsv")

    met = rows("metonyms.tsv")
    dupes("metonyms.tsv", met, lambda r: r["name"])
    for n, r in met:
        if r["country"] not in known:
            err("metonyms.tsv", n, f"unknown country {r['country']}")
        if r["role"] not in CAMEO_ROLES:
            err("metonyms.tsv", n, f"unknown CAMEO role {r['role']}")

    orgs = rows("organizations.tsv")
    dupes("organizations.tsv", orgs, lambda r: r["id"])
    for n, r in orgs:
        if not re.fullmatch(r"org:[a-z0-9-]+", r["id"]):
            err("organizations.tsv", n, f"bad id {r['id']}")
        if r["kind"] not in KINDS:
            err("organizations.tsv", n, f"unknown kind {r['kind']}")
        if not re.fullmatch(r"[A-Z]{3,15}", r["cameo"]):
            err("organizations.tsv", n, f"bad cameo {r['cameo']}")
        if r["kind"] == "media" and "never an event actor" not in r["note"]:
            err("organizations.tsv", n, "media entry must say 'never an event actor' in its note")

    ppl = rows("people.tsv")
    dupes("people.tsv", ppl, lambda r: (r["id"], r["role"], r["cameo"], r["start"]))
    names, periods = {}, {}
    for n, r in ppl:
        if not re.fullmatch(r"person:[a-z0-9-]+", r["id"]):
            err("people.tsv", n, f"bad id {r['id']}")
        if names.setdefault(r["id"], (r["name"], r["aliases"])) != (r["name"], r["aliases"]):
            err("people.tsv", n, f"{r['id']}: name/aliases differ from its first line")
        if r["country"] != "-" and r["country"] not in codes:
            err("people.tsv", n, f"unknown country {r['country']}")
        if not known_role(r["role"]):
            err("people.tsv", n, f"unknown role {r['role']}")
        c = r["cameo"]
        if r["country"] == "-":
            if not c.startswith(("IGO", "NGO")):
                err("people.tsv", n, f"international role needs an IGO/NGO code, not {c}")
        elif not c.startswith(r["country"]) or c[len(r["country"]):][:3] not in CAMEO_ROLES:
            err("people.tsv", n, f"cameo {c} does not match country {r['country']} + role code")
        for k in ("start", "end"):
            if r[k] and not DATE.match(r[k]):
                err("people.tsv", n, f"bad {k} date {r[k]!r}")
        if r["start"] and r["end"] and r["start"] > r["end"]:
            err("people.tsv", n, f"start {r['start']} after end {r['end']}")
        if r["end"] and r["end"] > "2026-11-23":
            err("people.tsv", n, f"end {r['end']} in the future")
        periods.setdefault((r["id"], r["role"], r["cameo"]), []).append((n, r["start"] or "0000", r["end"] or "9999"))
    for key, ps in periods.items():
        ps.sort(key=lambda p: p[1])
        for (n1, s1, e1), (n2, s2, e2) in zip(ps, ps[1:]):
            if s2 < e1:
                err("people.tsv", n2, f"{key[0]} {key[1]}: period overlaps line {n1}")

    tit = rows("titles.tsv")
    dupes("titles.tsv", tit, lambda r: r["title"])
    for n, r in tit:
        if not known_role(r["role"]):
            err("titles.tsv", n, f"unknown role {r['role']}")
        if r["cameo_role"] not in CAMEO_ROLES:
            err("titles.tsv", n, f"unknown CAMEO role {r['cameo_role']}")

    rol = rows("roles.tsv")
    dupes("roles.tsv", rol, lambda r: r["phrase"].lower())
    for n, r in rol:
        if not known_role(r["role"]):
            err("roles.tsv", n, f"unknown role {r['role']}")
        if r["country"] != "-" and r["country"] not in codes:
            err("roles.tsv", n, f"unknown country {r['country']}")

    ctx = rows("context.tsv")
    dupes("context.tsv", ctx, lambda r: (r["kind"], r["phrase"]))
    for n, r in ctx:
        if r["kind"] not in ("place", "former"):
            err("context.tsv", n, f"unknown kind {r['kind']}")
    sur = rows("surnames.tsv")
    dupes("surnames.tsv", sur, lambda r: r["surname"])

    for p in problems:
        print(p)
    counts = {"countries": len(countries), "metonyms": len(met), "organizations": len(orgs),
              "people lines": len(ppl), "people": len(names), "titles": len(tit), "roles": len(rol)}
    print("check-actors: " + ", ".join(f"{k} {v}" for k, v in counts.items()) +
          (f"; {len(problems)} problem(s)" if problems else "; clean"), file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
