#!/usr/bin/env python3
"""Writes docs.jsonl, the near-duplicate and story test corpus, from samples/articles.

Originals are the sample articles (with their noise); the light rewrites are built here by
explicit edits (headline changed, paragraphs reordered, a sentence added or removed,
synonyms); the other articles (same story from another outlet, unrelated news) are written
out below. All text is the project's own (samples/ is CC0, see samples/README.md).
gold.tsv says which document copies which and which documents share a story.
Run from anywhere: python3 tests/data/dedup/make-docs.py
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, "..", "..", "..", "samples", "articles")


def paras(name):
    with open(os.path.join(SAMPLES, name), encoding="utf-8") as f:
        return re.split(r"\n\s*\n", f.read().strip())


def sub(text, *pairs):
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


docs = []


def doc(id, date, text, title=None):
    d = {"id": id, "date": date}
    if title:
        d["title"] = title
    d["text"] = text
    docs.append(d)


# --- 1. Lavrov and Gil on the phone (2025-03-04) -----------------------------------
p1 = paras("001-lavrov-gil-appel.txt")
doc("lavrov-gil-a", "2025-03-04", "\n\n".join(p1))
# Another outlet: new headline, the "partenariat ancien" part before the quotes, the TASS
# paragraph dropped, a closing sentence added, a few synonyms.
body = [p1[1], p1[4], p1[5], p1[2], p1[3], p1[7]]
body[0] = sub(body[0], ("s’est entretenu", "a parlé"), ("a annoncé la diplomatie russe", "a fait savoir le ministère russe"))
body[5] += " Une nouvelle conversation entre les deux ministres est prévue au printemps."
doc("lavrov-gil-b", "2025-03-04", "Moscou et Caracas font le point au téléphone\n\n" + "\n\n".join(body))
# A wire copy: no headline, one paragraph shortened, agency tag.
body = [p1[1], p1[2], p1[3], p1[5], p1[6], p1[7]]
body[0] = "MOSCOU (agence) – " + body[0]
body[2] = sub(body[2], (" Il n’a pas précisé si une visite de Sergueï Lavrov au Venezuela était envisagée cette année.", ""))
doc("lavrov-gil-c", "2025-03-05", "\n\n".join(body) + "\n\nTous droits réservés.")
# Same call, written independently.
doc("lavrov-gil-d", "2025-03-05", """Coopération énergétique : Lavrov et Gil se sont parlé

Les chefs des diplomaties russe et vénézuélienne ont eu mardi un entretien téléphonique consacré avant tout à l’énergie et au commerce, a-t-on appris de sources officielles à Caracas et à Moscou.

Yván Gil, qui dirige la diplomatie du Venezuela, a qualifié la conversation avec Sergueï Lavrov de « très productive ». Les deux hommes préparent la réunion de la commission intergouvernementale russo-vénézuélienne, attendue à Caracas dans les prochains mois.

Selon le ministère russe, l’entretien a aussi porté sur les sanctions américaines, que Moscou juge illégales, et sur la culture. Aucun accord nouveau n’a été annoncé à l’issue de l’échange.""")

# --- 2. Maduro at the Kremlin (2024-11-07) ------------------------------------------
p2 = paras("002-maduro-kremlin-poutine.txt")
doc("maduro-kremlin-a", "2024-11-07", "\n\n".join(p2))
# Light rewrite: synonyms, a sentence added, the photo credit and links dropped.
body = [p2[0], p2[1], p2[3], p2[4], p2[6], p2[7], p2[9]]
body[1] = sub(body[1], ("un entretien de près de trois heures", "des entretiens de près de trois heures"), ("a fait savoir", "a indiqué"))
body[4] = sub(body[4], ("n’a pas été rendu public", "n’a pas été communiqué")) + " Les premiers travaux pourraient commencer dès l’an prochain."
doc("maduro-kremlin-b", "2024-11-07", "\n\n".join(body))
# Another article on the same visit.
doc("maduro-kremlin-c", "2024-11-08", """Poutine et Maduro signent une série d’accords à Moscou

Au lendemain de sa rencontre avec Vladimir Poutine au Kremlin, Nicolas Maduro a visité une usine de camions près de Moscou et promis de nouveaux achats pour les transports publics vénézuéliens.

Le dirigeant vénézuélien a affirmé que les accords signés la veille, dans l’énergie, la santé et l’agriculture, allaient « changer la vie » de ses compatriotes. Le Kremlin n’a pas donné le montant des investissements prévus.

Dmitri Peskov a confirmé que le président russe avait accepté une invitation à se rendre à Caracas, sans en préciser la date.""")

# --- 3. New sanctions on tankers (2025-02-10) ---------------------------------------
p3 = paras("003-sanctions-pdvsa-rubio.txt")
doc("sanctions-a", "2025-02-10", "\n\n".join(p3))
# Rewrite: headline added, paragraphs reordered, the repeated paragraph gone.
body = [p3[0], p3[2], p3[6], p3[3], p3[8], p3[7]]
body[0] = sub(body[0], ("une nouvelle série de sanctions", "un nouveau train de sanctions"))
doc("sanctions-b", "2025-02-10", "Pétrole : Washington sanctionne des pétroliers liés à PDVSA\n\n" + "\n\n".join(body))
# Venezuela's answer the next day, written independently.
doc("sanctions-c", "2025-02-11", """Caracas promet de contourner les nouvelles sanctions pétrolières

Le gouvernement de Nicolás Maduro a assuré mardi que les exportations de brut de PDVSA ne baisseraient pas malgré les sanctions annoncées la veille par Marco Rubio contre onze pétroliers et six sociétés.

Le ministre des Affaires étrangères Yván Gil a accusé Washington de vouloir « punir les Vénézuéliens ». La compagnie pétrolière publique dit avoir déjà trouvé d’autres navires pour ses livraisons vers l’Asie.

À Moscou, un diplomate a répété que les contrats pétroliers signés avec Caracas seraient respectés.""")

# --- 4. Russian warships in Havana (2025-06-18) -------------------------------------
p4 = paras("004-riabkov-navires-cuba.txt")
doc("riabkov-a", "2025-06-18", "\n\n".join(p4))
# Rewrite: one sentence dropped, one added, a few words changed.
body = [p4[0], p4[1], p4[3], p4[5], p4[6], p4[7], p4[8]]
body[1] = sub(body[1], (" Il a ajouté que la question ferait l’objet de «\xa0consultations régulières\xa0» avec les autorités cubaines.", ""))
body[3] = sub(body[3], ("suivait «\xa0de très près\xa0»", "surveillait «\xa0de très près\xa0»"))
body[5] += " Des habitants de La Havane étaient venus en nombre voir les navires sur le front de mer."
doc("riabkov-b", "2025-06-19", "\n\n".join(body))

# --- 5. UN vote on the embargo (2025-10-30) -----------------------------------------
p5 = paras("005-onu-embargo-cuba.txt")
doc("onu-embargo-a", "2025-10-30", "\n\n".join(p5))
body = [p5[0], p5[1], p5[2], p5[4], p5[5], p5[6]]
body[0] = sub(body[0], ("a adopté jeudi", "a approuvé jeudi"), ("Comme chaque année", "Comme tous les ans"))
body[3] = sub(body[3], ("a défendu les restrictions", "a justifié les restrictions"))
doc("onu-embargo-b", "2025-10-30", "Embargo contre Cuba : l’ONU vote à nouveau pour sa levée\n\n" + "\n\n".join(body))
doc("onu-embargo-c", "2025-10-31", """Cuba : un vote de plus à l’ONU, et un embargo toujours en place

Pour la trente-troisième fois, l’Assemblée générale des Nations unies a demandé jeudi la fin de l’embargo américain contre Cuba. Seuls les États-Unis et Israël se sont opposés au texte.

À La Havane, la presse officielle a célébré « l’isolement de Washington ». Mais le vote n’oblige à rien : seul le Congrès américain peut lever le blocus, et aucune majorité ne s’y dessine.

La Russie et le Venezuela ont soutenu la résolution. Le chancelier vénézuélien Iván Gil a demandé que l’Assemblée se penche aussi sur les sanctions qui visent son pays.""")

# --- 6. Demonstration in Caracas (2024-08-20) ---------------------------------------
p6 = paras("006-manifestation-caracas.txt")
doc("caracas-manif-a", "2024-08-20", "\n\n".join(p6))
body = [p6[1], p6[2], p6[4], p6[6], p6[7], p6[8]]
doc("caracas-manif-b", "2024-08-20", "Venezuela : l’opposition mobilise à Caracas pour ses détenus\n\n" + "\n\n".join(body) + "\n\nPartager sur Facebook Partager sur X")

# --- 7. Kremlin denies Rostec deliveries (2025-01-09) -------------------------------
p7 = paras("007-peskov-dementi-rostec.txt")
doc("rostec-a", "2025-01-09", "\n\n".join(p7))
# A shortened copy: the first four paragraphs only, one synonym.
body = [p7[0], p7[1], p7[2], p7[3]]
body[0] = sub(body[0], ("a démenti", "a nié"))
doc("rostec-b", "2025-01-09", "\n\n".join(body))
doc("rostec-c", "2025-01-10", """Missiles au Venezuela : Moscou dément, la presse maintient

Le quotidien économique qui affirmait que Rostec avait livré des batteries antiaériennes au Venezuela a maintenu vendredi ses informations, au lendemain du démenti du Kremlin.

Le journal assure que le matériel a été débarqué à Puerto Cabello à l’automne. Dmitry Peskov avait jugé jeudi que ces informations « ne correspondent pas à la réalité ».

Le conglomérat Rostec, de son côté, refuse toujours de commenter. À Washington, le département d’État dit « suivre la situation ».""")

# Reposted two weeks later by an aggregator, with its own headline: still a copy (dates
# do not matter to duplicates), and so in the same story.
doc("rostec-d", "2025-01-24", "Le Kremlin dément toute livraison de Rostec au Venezuela\n\n" + "\n\n".join(p7[:7]) + "\n\nSource : agences")

# --- Unrelated news, some on the same days and with the same people ----------------
doc("rosneft-caracas", "2025-03-04", """Une compagnie russe prolonge sa présence dans l’Orénoque

Une filiale d’un groupe pétrolier russe a obtenu mardi la prolongation pour dix ans de sa participation dans une coentreprise de la ceinture de l’Orénoque, a annoncé le ministère vénézuélien du Pétrole.

Le gisement produit environ 40 000 barils par jour. La société russe s’engage à financer le forage de nouveaux puits et la réparation d’une unité de traitement du brut extra-lourd.

Le ministre du Pétrole a salué « la confiance des partenaires russes » malgré les sanctions américaines, qui compliquent la vente du brut et l’achat de pièces détachées.""")
doc("peskov-ukraine", "2025-01-09", """Le Kremlin juge « prématuré » de parler d’un sommet sur l’Ukraine

Le porte-parole du Kremlin, Dmitry Peskov, a estimé jeudi qu’il était « prématuré » d’évoquer une rencontre entre Vladimir Poutine et le futur président américain pour discuter de l’Ukraine.

« Aucune préparation concrète n’a commencé », a-t-il déclaré lors de son point de presse, ajoutant que Moscou restait « ouvert au dialogue » à condition que ses intérêts soient pris en compte.

À Kiev, le président Volodymyr Zelensky a de nouveau demandé des garanties de sécurité avant toute négociation.""")
doc("retraites", "2025-03-05", """Retraites : les députés reprennent l’examen du texte

L’Assemblée nationale a repris mercredi l’examen de la réforme des retraites, avec plus de deux mille amendements à étudier avant la fin de la semaine.

Le gouvernement espère un vote solennel mardi prochain. Les syndicats appellent à une nouvelle journée de grève et de manifestations le 12 mars dans toute la France.

Au cœur des débats : l’âge légal de départ et la prise en compte des carrières longues, sur lesquels la majorité reste divisée.""")
doc("tempete-bretagne", "2025-02-10", """Tempête : des milliers de foyers privés d’électricité en Bretagne

Des rafales de plus de 130 km/h ont balayé lundi les côtes du Finistère et du Morbihan, privant d’électricité près de quarante mille foyers, selon le gestionnaire du réseau.

Les trains ont été interrompus entre Brest et Quimper pendant plusieurs heures et les liaisons maritimes vers les îles ont été annulées. Aucun blessé grave n’a été signalé.

Météo-France a levé la vigilance orange dans la soirée, mais de fortes pluies sont encore attendues mardi.""")
doc("cyclisme", "2024-11-07", """Cyclisme : le parcours du prochain Tour de France dévoilé

Le prochain Tour de France partira de Lille et comptera cinq arrivées au sommet, dont le mont Ventoux, ont annoncé jeudi les organisateurs à Paris.

Les coureurs parcourront environ 3 300 kilomètres en trois semaines. Deux contre-la-montre figurent au programme, dont un en montée dans les Pyrénées.

L’arrivée sera jugée comme d’habitude sur les Champs-Élysées, après un passage par la butte Montmartre.""")

with open(os.path.join(HERE, "docs.jsonl"), "w", encoding="utf-8") as f:
    for d in docs:
        f.write(json.dumps(d, ensure_ascii=False) + "\n")
print(f"wrote {len(docs)} documents")
