#!/usr/bin/env python3
"""Generate dict/syntax/lemmas.tsv: conjugated forms -> infinitive for the verb heads of the
event patterns (dict/verbs/fr/NN-*.tsv) and of dict/verbs/fr/modality.tsv (python3 stdlib only).

Usage: dict/tools/gen-lemmas.py > dict/syntax/lemmas.tsv

The tagger's lemmatizer learnt its lexicon and suffix rules from UD treebanks, so it misses
rare verbs and irregular forms ("exclu" -> "excloir", "recevait" -> "recever"). The verbs
that matter to the event coder are known: those of the patterns. For each, this script
writes the forms news copy uses (third persons and "nous/vous" of the present, imperfect,
future, conditional and subjunctive, the participles, the infinitive), from the verb's
group: regular -er and -ir verbs are conjugated by rule, the irregular families from the
principal parts in IRREGULAR below (written from French grammar). A form two verbs share is
left out (the tagger's own lemma stays).
"""
import glob
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DICT = os.path.dirname(HERE)

# Second-group verbs (finir: finissons, finissait) among the -ir heads; other -ir verbs
# are in IRREGULAR or FAMILIES.
SECOND_GROUP_EXCEPT = set()

# Principal parts: present 3sg, present 3pl, imperfect/participle stem, past participle
# (masculine singular), future stem.
IRREGULAR = {
    "dire": ("dit", "disent", "dis", "dit", "dir"),
    "interdire": ("interdit", "interdisent", "interdis", "interdit", "interdir"),
    "faire": ("fait", "font", "fais", "fait", "fer"),
    "recevoir": ("reçoit", "reçoivent", "recev", "reçu", "recevr"),
    "prévoir": ("prévoit", "prévoient", "prévoy", "prévu", "prévoir"),
    "vouloir": ("veut", "veulent", "voul", "voulu", "voudr"),
    "pouvoir": ("peut", "peuvent", "pouv", "pu", "pourr"),
    "devoir": ("doit", "doivent", "dev", "dû", "devr"),
    "reconnaître": ("reconnaît", "reconnaissent", "reconnaiss", "reconnu", "reconnaîtr"),
    "poursuivre": ("poursuit", "poursuivent", "poursuiv", "poursuivi", "poursuivr"),
    "dissoudre": ("dissout", "dissolvent", "dissolv", "dissous", "dissoudr"),
    "conquérir": ("conquiert", "conquièrent", "conquér", "conquis", "conquerr"),
    "servir": ("sert", "servent", "serv", "servi", "servir"),
    "assaillir": ("assaille", "assaillent", "assaill", "assailli", "assaillir"),
    "consentir": ("consent", "consentent", "consent", "consenti", "consentir"),
    "satisfaire": ("satisfait", "satisfont", "satisfais", "satisfait", "satisfer"),
    "démentir": ("dément", "démentent", "dément", "démenti", "démentir"),
    "déchoir": ("déchoit", "déchoient", "déchoy", "déchu", "déchoir"),
    "rompre": ("rompt", "rompent", "romp", "rompu", "rompr"),
    "interrompre": ("interrompt", "interrompent", "interromp", "interrompu", "interrompr"),
    "accueillir": ("accueille", "accueillent", "accueill", "accueilli", "accueiller"),
    "recourir": ("recourt", "recourent", "recour", "recouru", "recourr"),
    "secourir": ("secourt", "secourent", "secour", "secouru", "secourr"),
    "conclure": ("conclut", "concluent", "conclu", "conclu", "conclur"),
    "exclure": ("exclut", "excluent", "exclu", "exclu", "exclur"),
    "offrir": ("offre", "offrent", "offr", "offert", "offrir"),
    "ouvrir": ("ouvre", "ouvrent", "ouvr", "ouvert", "ouvrir"),
    "rouvrir": ("rouvre", "rouvrent", "rouvr", "rouvert", "rouvrir"),
    "couvrir": ("couvre", "couvrent", "couvr", "couvert", "couvrir"),
    "découvrir": ("découvre", "découvrent", "découvr", "découvert", "découvrir"),
    "voir": ("voit", "voient", "voy", "vu", "verr"),
    "revoir": ("revoit", "revoient", "revoy", "revu", "reverr"),
    "savoir": ("sait", "savent", "sav", "su", "saur"),
    "croire": ("croit", "croient", "croy", "cru", "croir"),
    "lire": ("lit", "lisent", "lis", "lu", "lir"),
    "élire": ("élit", "élisent", "élis", "élu", "élir"),
    "réélire": ("réélit", "réélisent", "réélis", "réélu", "réélir"),
    "vivre": ("vit", "vivent", "viv", "vécu", "vivr"),
    "suivre": ("suit", "suivent", "suiv", "suivi", "suivr"),
    "mentir": ("ment", "mentent", "ment", "menti", "mentir"),
    "sortir": ("sort", "sortent", "sort", "sorti", "sortir"),
    "partir": ("part", "partent", "part", "parti", "partir"),
    "fuir": ("fuit", "fuient", "fuy", "fui", "fuir"),
    "mourir": ("meurt", "meurent", "mour", "mort", "mourr"),
    "naître": ("naît", "naissent", "naiss", "né", "naîtr"),
    "résoudre": ("résout", "résolvent", "résolv", "résolu", "résoudr"),
    "valoir": ("vaut", "valent", "val", "valu", "vaudr"),
    "émettre": ("émet", "émettent", "émett", "émis", "émettr"),
    "vaincre": ("vainc", "vainquent", "vainqu", "vaincu", "vaincr"),
    "convaincre": ("convainc", "convainquent", "convainqu", "convaincu", "convaincr"),
}

# Families: (infinitive ending, present 3sg, present 3pl, stem, participle, future stem),
# each part replacing the ending.
FAMILIES = [
    ("tenir", "tient", "tiennent", "ten", "tenu", "tiendr"),
    ("venir", "vient", "viennent", "ven", "venu", "viendr"),
    ("mettre", "met", "mettent", "mett", "mis", "mettr"),
    ("battre", "bat", "battent", "batt", "battu", "battr"),
    ("prendre", "prend", "prennent", "pren", "pris", "prendr"),
    ("aindre", "aint", "aignent", "aign", "aint", "aindr"),
    ("eindre", "eint", "eignent", "eign", "eint", "eindr"),
    ("oindre", "oint", "oignent", "oign", "oint", "oindr"),
    ("uire", "uit", "uisent", "uis", "uit", "uir"),
    ("crire", "crit", "crivent", "criv", "crit", "crir"),
    ("ndre", "nd", "ndent", "nd", "ndu", "ndr"),
    ("ordre", "ord", "ordent", "ord", "ordu", "ordr"),
    ("aître", "aît", "aissent", "aiss", "u", "aîtr"),
]

# Forms of être, avoir and aller: never overridden ("sommes" is not "sommer").
RESERVED = set(
    "suis es est sommes êtes sont étais était étions étiez étaient sera seront serai serons serez serait seraient "
    "soit soient été étant ai as a avons avez ont avais avait avions aviez avaient aura auront aurait auraient "
    "ait aient eu eue eus eues ayant vais vas va allons allez vont allait allaient ira iront irait iraient "
    "aille aillent allé allée allés allées".split()
)


def patterns_heads():
    heads = set()
    for path in sorted(glob.glob(os.path.join(DICT, "verbs", "fr", "[0-9][0-9]-*.tsv"))) + [
        os.path.join(DICT, "verbs", "fr", "modality.tsv")
    ]:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                fields = line.rstrip("\n").split("\t")
                col = fields[1] if "modality" not in path else fields[0]
                words = col.split(" ")
                if "modality" in path:
                    words = [col]
                if words[0] in ("se", "s'") and len(words) > 1:
                    words = words[1:]
                head = words[0]
                if head.startswith("s'"):
                    head = head[2:]
                if head.startswith("se "):
                    head = head[3:]
                if head.endswith(":n"):
                    continue
                heads.add(head)
    return heads


def participles(p):
    out = [p]
    if p.endswith("s"):
        out += [p + "e", p + "es"]
    elif p.endswith("t") or p.endswith("u") or p.endswith("i") or p.endswith("é") or p.endswith("ert"):
        out += [p + "e", p + "s", p + "es"]
    else:
        out += [p + "e", p + "s", p + "es"]
    if p == "dû":
        out = ["dû", "due", "dus", "dues"]
    return out


def from_parts(inf, sg3, pl3, stem, part, fut):
    forms = {inf, sg3, pl3, stem + "ons", stem + "ez"}
    for end in ("ais", "ait", "ions", "iez", "aient"):
        forms.add(stem + end)
    forms.add(stem + "ant")
    for end in ("a", "ont", "ai", "as", "ons", "ez", "ais", "ait", "aient", "ions", "iez"):
        forms.add(fut + end)
    subj = pl3[:-3] if pl3.endswith("ent") else None
    if subj:
        forms.update({subj + "e", subj + "es", subj + "ent"})
    forms.update(participles(part))
    return forms


CONSONANT = "bcdfghjklmnpqrstvwxzç"
# -eler/-eter verbs that take a grave accent instead of doubling the consonant.
GRAVE_ELER_ETER = {"acheter", "racheter", "geler", "dégeler", "congeler", "harceler", "modeler",
                   "marteler", "peler", "démanteler", "crocheter", "fureter"}
# -yer verbs whose future stem is irregular.
YER_FUTURE = {"envoyer": "enverr", "renvoyer": "renverr"}


def strong_stem(verb, stem):
    """The -er stem before a mute e and the future stems, when they differ from the infinitive's:
    é + consonants -> è ("protég" -> "protèg"; future keeps é, the reformed è is added),
    e + one consonant -> è ("lev" -> "lèv"), doubled for -eler/-eter ("appel" -> "appell"),
    -oyer/-uyer -> i ("déploy" -> "déploi"), -ayer -> both. (None, []) otherwise."""
    i = len(stem)
    while i > 0 and stem[i - 1] in CONSONANT:
        i -= 1
    cons = stem[i:]
    if not cons or i == 0:
        if stem.endswith(("oy", "uy", "ay")):
            strong = stem[:-1] + "i"
            fut = YER_FUTURE.get(verb, strong + "er")
            return strong, [fut]
        return None, []
    vowel = stem[i - 1]
    if vowel == "é":
        strong = stem[: i - 1] + "è" + cons
        return strong, [strong + "er"]
    if vowel == "e" and len(cons) == 1 and (i < 2 or stem[i - 2] not in "aeiouéèêâîôûy"):
        if (verb.endswith("eler") or verb.endswith("eter")) and verb not in GRAVE_ELER_ETER:
            strong = stem + cons
        else:
            strong = stem[: i - 1] + "è" + cons
        return strong, [strong + "er"]
    return None, []


def conjugate(verb):
    if verb in IRREGULAR:
        return from_parts(verb, *IRREGULAR[verb])
    for fam in FAMILIES:
        end = fam[0]
        if verb.endswith(end):
            base = verb[: -len(end)]
            return from_parts(verb, *(base + part for part in fam[1:]))
    if verb.endswith("er"):
        stem = verb[:-2]
        soft = stem
        if stem.endswith("c"):
            soft = stem[:-1] + "ç"
        elif stem.endswith("g"):
            soft = stem + "e"
        forms = {verb}
        forms.update(stem + e for e in ("e", "es", "ent", "ez"))
        forms.add(soft + "ons")
        forms.update(soft + e for e in ("ais", "ait", "aient", "ant", "a", "èrent"))
        forms.update(stem + e for e in ("ions", "iez"))
        fut = stem + "er"
        forms.update(fut + e for e in ("a", "ont", "ai", "ais", "ait", "aient", "ons", "ez"))
        forms.update(participles(stem + "é"))
        # Stems that change before a mute e ("protège", "lève", "appelle", "déploie"): the
        # present and subjunctive forms ending in e/es/ent, and for e/-eler/-eter/-yer verbs
        # the future and conditional too ("lèvera", "appellera", "déploiera").
        strong, strong_future = strong_stem(verb, stem)
        if strong:
            forms.update(strong + e for e in ("e", "es", "ent"))
            for fut in strong_future:
                forms.update(fut + e for e in ("a", "ont", "ai", "ais", "ait", "aient", "ons", "ez"))
        return forms
    if verb.endswith("ir"):
        stem = verb[:-2]
        return from_parts(verb, stem + "it", stem + "issent", stem + "iss", stem + "i", verb)
    return {verb}


def main():
    heads = patterns_heads()
    by_form = {}
    for verb in sorted(heads):
        if not (verb.endswith("er") or verb.endswith("ir") or verb.endswith("re") or verb.endswith("oir")):
            print(f"gen-lemmas: skipping head '{verb}' (not an infinitive)", file=sys.stderr)
            continue
        for form in conjugate(verb):
            by_form.setdefault(form, set()).add(verb)
    print("# lemmas.tsv - GENERATED by dict/tools/gen-lemmas.py from the verb heads of dict/verbs/fr/;")
    print("# do not edit: fix the conjugation tables in the script (see dict/syntax/README.md).")
    print("# columns: form\tlemma   (VERB/AUX forms; read by the tagger before its suffix rules)")
    shared = 0
    for form in sorted(by_form):
        lemmas = by_form[form]
        if len(lemmas) > 1:
            shared += 1
            continue
        (lemma,) = lemmas
        if form == lemma or form in RESERVED:
            continue
        print(f"{form}\t{lemma}")
    print(f"gen-lemmas: {len(heads)} heads, {len(by_form)} forms, {shared} shared forms left out", file=sys.stderr)


if __name__ == "__main__":
    main()
