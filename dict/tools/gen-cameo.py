#!/usr/bin/env python3
"""Writes dict/cameo/codes.tsv: the CAMEO event codebook veille codes into.

Sources (facts restated, see dict/cameo/README.md):
- code names and PLOVER types: ../shared/reference/plover/CAMEO2PLOVER-2021.txt (CC BY-SA 4.0);
  roots 01 (statements) and 02 (appeals) are not in that table: names below from the CAMEO
  codebook (Gerner, Schrodt, Yilmaz 2009), PLOVER type per the PLOVER manual (02 -> REQUEST,
  01 -> none).
- Goldstein scores: the CAMEO-Goldstein scale as distributed with GDELT (CAMEO.goldsteinscale).
- QuadClass: GDELT's rule (01-05 verbal cooperation, 06-08 material cooperation,
  09-13 verbal conflict, 14-20 material conflict).
Usage: dict/tools/gen-cameo.py [SHARED_DIR] > dict/cameo/codes.tsv
"""
import re
import sys
from pathlib import Path

EXTRA_NAMES = {
    "01": "Make public statement", "010": "Make statement, not specified below",
    "011": "Decline comment", "012": "Make pessimistic comment", "013": "Make optimistic comment",
    "014": "Consider policy option", "015": "Acknowledge or claim responsibility",
    "016": "Deny responsibility", "017": "Engage in symbolic act", "018": "Make empathetic comment",
    "019": "Express accord",
    "02": "Appeal", "020": "Make an appeal or request, not specified below",
    "021": "Appeal for material cooperation", "0211": "Appeal for economic cooperation",
    "0212": "Appeal for military cooperation", "0213": "Appeal for judicial cooperation",
    "0214": "Appeal for intelligence", "022": "Appeal for diplomatic cooperation (such as policy support)",
    "023": "Appeal for aid", "0231": "Appeal for economic aid", "0232": "Appeal for military aid",
    "0233": "Appeal for humanitarian aid", "0234": "Appeal for military protection or peacekeeping",
    "024": "Appeal for political reform", "0241": "Appeal for change in leadership",
    "0242": "Appeal for policy change", "0243": "Appeal for rights",
    "0244": "Appeal for change in institutions, regime", "025": "Appeal to yield",
    "0251": "Appeal for easing of administrative sanctions", "0252": "Appeal for easing of popular dissent",
    "0253": "Appeal for release of persons or property",
    "0254": "Appeal for easing of economic sanctions, boycott, or embargo",
    "0255": "Appeal for target to allow international involvement (non-mediation)",
    "0256": "Appeal for de-escalation of military engagement",
    "026": "Appeal to others to meet or negotiate", "027": "Appeal to others to settle dispute",
    "028": "Appeal to others to engage in or accept mediation",
}
ROOT_NAMES = {
    "03": "Express intent to cooperate", "04": "Consult", "05": "Engage in diplomatic cooperation",
    "06": "Engage in material cooperation", "07": "Provide aid", "08": "Yield", "09": "Investigate",
    "10": "Demand", "11": "Disapprove", "12": "Reject", "13": "Threaten", "14": "Protest",
    "15": "Exhibit military posture", "16": "Reduce relations", "17": "Coerce", "18": "Assault",
    "19": "Fight", "20": "Use unconventional mass violence",
}
GOLDSTEIN = """
01 0 010 0 011 -0.1 012 -0.4 013 0.4 014 0 015 0 016 3.4 017 0 018 3.4 019 3.4
02 3 020 3 021 3.4 0211 3.4 0212 3.4 0213 3.4 0214 3.4 022 3.2 023 3.4 0231 3.4 0232 3.4 0233 3.4
0234 3.4 024 -0.3 0241 -0.3 0242 -0.3 0243 -0.3 0244 -0.3 025 -0.3 0251 -0.3 0252 -0.3 0253 -0.3
0254 -0.3 0255 -0.3 0256 -0.3 026 4 027 4 028 4
03 4 030 4 031 5.2 0311 5.2 0312 5.2 0313 5.2 0314 5.2 032 4.5 033 5.2 0331 5.2 0332 5.2 0333 5.2
0334 6 034 7 0341 7 0342 7 0343 7 0344 7 035 7 0351 7 0352 7 0353 7 0354 7 0355 7 0356 7 036 4
037 5 038 7 039 5
04 1 040 1 041 1 042 1.9 043 2.8 044 2.5 045 5 046 7
05 3.5 050 3.5 051 3.4 052 3.5 053 3.8 054 6 055 7 056 7 057 8
06 6 060 6 061 6.4 062 7.4 063 7.4 064 7
07 7 070 7 071 7.4 072 8.3 073 7.4 074 8.5 075 7
08 5 080 5 081 5 0811 5 0812 5 0813 5 0814 5 082 5 083 5 0831 5 0832 5 0833 5 0834 5 084 7
0841 7 0842 7 085 7 086 9 0861 9 0862 9 0863 9 087 9 0871 9 0872 9 0873 9 0874 10
09 -2 090 -2 091 -2 092 -2 093 -2 094 -2
10 -5 100 -5 101 -5 1011 -5 1012 -5 1013 -5 1014 -5 102 -5 103 -5 1031 -5 1032 -5 1033 -5
1034 -5 104 -5 1041 -5 1042 -5 1043 -5 1044 -5 105 -5 1051 -5 1052 -5 1053 -5 1054 -5 1055 -5
1056 -5 106 -5 107 -5 108 -5
11 -2 110 -2 111 -2 112 -2 1121 -2 1122 -2 1123 -2 1124 -2 1125 -2 113 -2 114 -2 115 -2 116 -2
12 -4 120 -4 121 -4 1211 -4 1212 -4 1213 -4 1214 -4 122 -4 1221 -4 1222 -4 1223 -4 1224 -4 123 -4
1231 -4 1232 -4 1233 -4 1234 -4 124 -4 1241 -4 1242 -4 1243 -4 1244 -4 1245 -4 1246 -4 125 -5
126 -5 127 -5 128 -5 129 -5
13 -6 130 -4.4 131 -5.8 1311 -5.8 1312 -5.8 1313 -5.8 132 -5.8 1321 -5.8 1322 -5.8 1323 -5.8
1324 -5.8 133 -5.8 134 -5.8 135 -5.8 136 -7 137 -7 138 -7 1381 -7 1382 -7 1383 -7 1384 -7 1385 -7
139 -7
14 -6.5 140 -6.5 141 -6.5 1411 -6.5 1412 -6.5 1413 -6.5 1414 -6.5 142 -6.5 1421 -6.5 1422 -6.5
1423 -6.5 1424 -6.5 143 -6.5 1431 -6.5 1432 -6.5 1433 -6.5 1434 -6.5 144 -7.5 1441 -7.5 1442 -7.5
1443 -7.5 1444 -7.5 145 -7.5 1451 -7.5 1452 -7.5 1453 -7.5 1454 -7.5
15 -7.2 150 -7.2 151 -7.2 152 -7.2 153 -7.2 154 -7.2 155 -7.2
16 -4 160 -4 161 -4 162 -5.6 1621 -5.6 1622 -5.6 1623 -5.6 163 -8 164 -7 165 -6.5 166 -7 1661 -7
1662 -7 1663 -7
17 -7 170 -7 171 -9.2 1711 -9.2 1712 -9.2 172 -5 1721 -5 1722 -5 1723 -5 1724 -5 173 -5 174 -5
175 -9 176 -7
18 -9 180 -9 181 -9 182 -9.5 1821 -9 1822 -9 1823 -10 183 -10 1831 -10 1832 -10 1833 -10 1834 -10
184 -8 185 -8 186 -10
19 -10 190 -10 191 -9.5 192 -9.5 193 -10 194 -10 195 -10 1951 -10 1952 -10 196 -9.5
20 -10 200 -10 201 -9.5 202 -10 203 -10 204 -10 2041 -10 2042 -10
"""


def quad(root):
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def main():
    shared = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "shared")
    toks = GOLDSTEIN.split()
    gold = dict(zip(toks[0::2], (float(x) for x in toks[1::2])))
    names, plover = dict(EXTRA_NAMES), {}
    names.update(ROOT_NAMES)
    for c in names:
        if c[:2] == "02":
            plover[c] = "REQUEST"
    for line in (shared / "reference/plover/CAMEO2PLOVER-2021.txt").read_text().splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^#]*))?(?:#\s*(.*))?$", line)
        if not m:
            continue
        code, ptype, name = m.group(1), m.group(2), (m.group(4) or "").strip()
        plover[code] = ptype
        if len(code) > 2 and name:
            names[code] = name
    print("# codes.tsv - GENERATED by dict/tools/gen-cameo.py; see README.md for sources")
    print("# code\tname\tgoldstein\tquad\tplover")
    for code in sorted(names, key=lambda c: (c[:2], c)):
        if code not in names:
            sys.exit(f"no name for {code}")
        g = gold.get(code, gold.get(code[:3], gold.get(code[:2])))
        print(f"{code}\t{names[code]}\t{g:g}\t{quad(code[:2])}\t{plover.get(code, plover.get(code[:2], '-'))}")


main()
