#!/usr/bin/env python3
"""Capitals of sovereign states missing from dict/actors/metonyms.tsv, from the French
capital names of Prolex (LGPL-LR) checked against mledoze/countries (ODbL).

Prints metonym lines (name, CAMEO country, GOV, note) for the generated section at the end
of metonyms.tsv. A Prolex capital is kept when its country is independent in mledoze and
its folded name starts like mledoze's (English/local) capital name, or both names are
listed in ALSO below; when Prolex's country code is wrong (it gives Prague as Qatar's), the
independent country whose mledoze capital has exactly the folded name is taken; capitals that are also common first names or words are skipped (SKIP).
Usage: dict/tools/gen-capitals.py [../shared/reference/countries] > /tmp/capitals.tsv
"""
import json, os, sys, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REF = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, '..', 'shared', 'reference', 'countries')
# French name whose English/local form starts differently (checked by hand).
ALSO = {'La Valette': 'Valletta', 'Le Caire': 'Cairo', 'Koweït': 'Kuwait City', 'Beyrouth': 'Beirut',
        'Bichkek': 'Bishkek', 'Achgabat': 'Ashgabat', 'Assomption': 'Asunción', 'Douchanbé': 'Dushanbe',
        'Mascate': 'Muscat', 'Oulan-Bator': 'Ulan Bator', 'Tachkent': 'Tashkent', 'Ndjamena': "N'Djamena"}
# Also a first name, a common word or an ambiguous place: not an actor on its own.
# Bruxelles stands for the European Union more often than for Belgium.
SKIP = {'Victoria', 'Male', 'Malé', 'Kingston', 'Roseau', 'Praia', 'Saint-Georges', 'Sofia',
        'Castries', 'Palikir', 'Avarua', 'Nouméa', 'Bruxelles'}


def fold(s):
    s = unicodedata.normalize('NFD', s)
    return ''.join(c for c in s if not unicodedata.combining(c)).lower()


def main():
    countries = {}  # iso2 -> cameo
    with open(os.path.join(ROOT, 'dict', 'actors', 'countries.tsv'), encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            cols = line.rstrip('\n').split('\t')
            countries[cols[1]] = cols[0]
    known = set()
    with open(os.path.join(ROOT, 'dict', 'actors', 'metonyms.tsv'), encoding='utf-8') as f:
        for line in f:
            if not line.startswith('#') and line.strip():
                known.add(fold(line.split('\t')[0]))
    mledoze = {c['cca2']: c for c in json.load(open(os.path.join(REF, 'mledoze', 'countries.json'), encoding='utf-8'))}
    out, skipped = [], []
    with open(os.path.join(REF, 'prolex', 'Prolex-PaysCapitales.utf8.dic'), encoding='utf-8') as f:
        for line in f:
            if '+Ville+' not in line or '.N+PR+DetZ' not in line:
                continue
            name = line.split(',', 1)[0]
            iso = line.split('+Iso', 1)[1][:2]
            if name in SKIP or fold(name) in known:
                continue
            c = mledoze.get(iso)
            caps = c.get('capital', []) if c else []
            ok = c and any(fold(cap)[:3] == fold(name)[:3] for cap in caps) or ALSO.get(name) in caps
            if not ok:
                exact = [k for k, v in mledoze.items() if any(fold(cap) == fold(name) for cap in v.get('capital', []))]
                if len(exact) == 1:
                    iso, c, ok = exact[0], mledoze[exact[0]], True
            if not c or not c.get('independent') or iso not in countries:
                continue
            if not ok:
                skipped.append(f'{name} ({iso}: {", ".join(caps)})')
                continue
            known.add(fold(name))
            out.append(f'{name}\t{countries[iso]}\tGOV\tcapital (gen-capitals.py)')
    for line in sorted(out):
        print(line)
    for s in skipped:
        print('skipped, capital not confirmed by mledoze:', s, file=sys.stderr)


if __name__ == '__main__':
    main()
