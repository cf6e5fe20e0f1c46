#!/usr/bin/env python3
"""Writes samples/crawl.warc.gz: a tiny WARC/1.1 crawl of invented French news pages.

The articles, people and the news site are fictional (written for the veille demo).
The output is deterministic: fixed record ids, dates and gzip timestamps.

    python3 samples/make-warc.py [output]     # default: crawl.warc.gz beside this script
"""
import gzip
import io
import os
import sys
import uuid

SITE = "https://www.lecourrier-national.example"
NAMESPACE = uuid.UUID("6f1c3a52-8d0e-4b7a-9c1e-2f5d8a4b7c90")

PAGE = """<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>{title} | Le Courrier national</title>
<meta name="description" content="{description}">
<meta property="og:title" content="{title}">
<meta property="og:type" content="article">
{extra_meta}<link rel="canonical" href="{url}">
</head>
<body>
<div id="cookie-banner" class="cookie-consent">
  <p>Nous utilisons des cookies pour mesurer l'audience et personnaliser les contenus.
  <a href="/confidentialite">En savoir plus</a></p>
  <button>Tout accepter</button> <button>Tout refuser</button> <button>Paramétrer</button>
</div>
<header class="site-header">
  <a class="logo" href="/">Le Courrier national</a>
  <nav class="main-menu">
    <ul>
      <li><a href="/politique/">Politique</a></li>
      <li><a href="/international/">International</a></li>
      <li><a href="/economie/">Économie</a></li>
      <li><a href="/societe/">Société</a></li>
      <li><a href="/sport/">Sport</a></li>
      <li><a href="/abonnement/">S'abonner</a></li>
    </ul>
  </nav>
</header>
<main>
<article>
  <p class="kicker">{section}</p>
  <h1>{title}</h1>
  <p class="byline">Par {author} &middot; <time datetime="{iso}">{human_date}</time></p>
  <ul class="share">
    <li><a href="https://social.example/share?u={url}">Partager</a></li>
    <li><a href="mailto:?subject={title}">Envoyer par courriel</a></li>
    <li><button class="copy-link">Copier le lien</button></li>
  </ul>
  <p class="chapo"><strong>{lead}</strong></p>
{paragraphs}
  <p class="tags">Mots-clés : {tags}</p>
</article>
<aside class="related">
  <h2>À lire aussi</h2>
  <ul>
{related}
  </ul>
</aside>
<div class="newsletter">Recevez chaque matin l'essentiel de l'actualité. <a href="/newsletters">Je m'inscris</a></div>
</main>
<footer>
  <p>&copy; 2024 Le Courrier national &ndash; <a href="/mentions-legales">Mentions légales</a> &ndash;
  <a href="/contact">Contact</a> &ndash; <a href="/confidentialite">Gestion des cookies</a></p>
</footer>
</body>
</html>
"""

ARTICLES = [
    {
        "path": "/international/2024/03/04/paris-et-dakar-signent-un-accord-sur-la-securite-alimentaire",
        "section": "International",
        "title": "Paris et Dakar signent un accord sur la sécurité alimentaire",
        "description": "En visite officielle au Sénégal, la ministre des Affaires étrangères a signé un accord de coopération agricole.",
        "author": "Hélène Marchetti",
        "iso": "2024-03-04T18:42:00+01:00",
        "human_date": "4 mars 2024 à 18 h 42",
        "published_meta": True,
        "lead": "En visite officielle à Dakar lundi, la ministre française des Affaires étrangères, "
                "Claire Vasseur, a signé avec son homologue sénégalais un accord de coopération "
                "sur la sécurité alimentaire.",
        "paragraphs": [
            "Arrivée dans la matinée, Claire Vasseur a d'abord été reçue au palais présidentiel "
            "par le président sénégalais, avec qui elle s'est entretenue pendant près d'une heure "
            "des questions de sécurité régionale et de la situation au Sahel.",
            "L'accord, signé dans l'après-midi avec le ministre sénégalais des Affaires étrangères, "
            "Moussa Diallo, prévoit une enveloppe de 40 millions d'euros sur trois ans pour "
            "soutenir les coopératives agricoles de la vallée du fleuve Sénégal.",
            "« Nous voulons une relation d'égal à égal, tournée vers des projets concrets », "
            "a déclaré la ministre lors d'une conférence de presse commune. Moussa Diallo a salué "
            "« un partenariat utile », tout en rappelant que Dakar entend « diversifier ses alliances ».",
            "La ministre doit se rendre mardi à Saint-Louis avant de regagner Paris.",
        ],
        "tags": "Sénégal, diplomatie, agriculture",
        "related": [
            ("/international/2024/02/27/le-senegal-accueille-un-sommet-regional-sur-l-eau",
             "Le Sénégal accueillera un sommet régional sur l'eau en juin"),
            ("/politique/2024/03/01/remaniement-les-nouveaux-visages-du-gouvernement",
             "Remaniement : les nouveaux visages du gouvernement"),
        ],
        "http": "plain",
    },
    {
        "path": "/international/2024/03/05/appel-entre-paris-et-berlin-sur-la-securite-en-mer-baltique",
        "section": "International",
        "title": "Entretien téléphonique entre Paris et Berlin sur la sécurité en mer Baltique",
        "description": "Les ministres français et allemand de la Défense se sont entretenus mardi.",
        "author": "Julien Ferrand",
        "iso": "2024-03-05T21:10:00+01:00",
        "human_date": "5 mars 2024 à 21 h 10",
        "published_meta": False,
        "lead": "Le ministre des Armées, Bertrand Lemoine, s'est entretenu mardi par téléphone "
                "avec son homologue allemande, Katrin Albers, après plusieurs incidents signalés "
                "autour de câbles sous-marins en mer Baltique.",
        "paragraphs": [
            "Selon un communiqué publié dans la soirée par le ministère des Armées, les deux "
            "ministres ont « condamné toute atteinte aux infrastructures critiques européennes » "
            "et sont convenus de renforcer l'échange de renseignements.",
            "Berlin a proposé d'organiser une réunion des ministres de la Défense des pays "
            "riverains d'ici à la fin du mois. Paris a accepté d'y participer et pourrait "
            "déployer une frégate supplémentaire dans la zone.",
            "Aucune piste n'a été privilégiée publiquement à ce stade. La Pologne et la Finlande "
            "ont, de leur côté, demandé une enquête conjointe.",
        ],
        "tags": "Défense, Allemagne, mer Baltique",
        "related": [
            ("/international/2024/03/02/otan-exercice-naval-en-mer-du-nord",
             "L'OTAN lance un exercice naval en mer du Nord"),
            ("/politique/2024/03/03/loi-de-programmation-militaire-le-senat-adopte-le-texte",
             "Loi de programmation militaire : le Sénat adopte le texte"),
        ],
        "http": "chunked",
    },
    {
        "path": "/politique/2024/03/06/assurance-chomage-des-milliers-de-manifestants-a-rennes",
        "section": "Politique",
        "title": "Réforme de l'assurance chômage : des milliers de manifestants à Rennes",
        "description": "Syndicats et étudiants ont défilé mercredi contre le projet du gouvernement.",
        "author": "Sophie Le Goff",
        "iso": "2024-03-06T17:05:00+01:00",
        "human_date": "6 mars 2024 à 17 h 05",
        "published_meta": False,
        "lead": "Entre 6 000 et 9 000 personnes, selon la préfecture et les syndicats, ont manifesté "
                "mercredi à Rennes contre la réforme de l'assurance chômage présentée par le gouvernement.",
        "paragraphs": [
            "Le cortège, parti de l'esplanade Charles-de-Gaulle vers 11 heures, a rejoint la "
            "préfecture sans incident majeur. Une délégation intersyndicale a été reçue par le "
            "préfet en début d'après-midi.",
            "La ministre du Travail, Nathalie Roussel, a dénoncé sur une radio nationale "
            "« des caricatures » et assuré que la porte du dialogue « restait ouverte ». "
            "Les syndicats appellent à une nouvelle journée de mobilisation le 14 mars.",
        ],
        "tags": "Manifestation, syndicats, Rennes",
        "related": [
            ("/politique/2024/03/05/assurance-chomage-ce-que-contient-le-projet",
             "Assurance chômage : ce que contient le projet du gouvernement"),
            ("/societe/2024/03/04/greve-dans-les-transports-rennais",
             "Grève dans les transports rennais jeudi"),
        ],
        "http": "gzip",
    },
]


def render(article):
    url = SITE + article["path"]
    extra = ""
    if article["published_meta"]:
        extra = '<meta property="article:published_time" content="{}">\n'.format(article["iso"])
    paragraphs = "\n".join("  <p>{}</p>".format(p) for p in article["paragraphs"])
    related = "\n".join('    <li><a href="{}">{}</a></li>'.format(href, text) for href, text in article["related"])
    return PAGE.format(url=url, extra_meta=extra, paragraphs=paragraphs, related=related,
                       **{k: v for k, v in article.items() if k not in ("paragraphs", "related")})


def record_id(name):
    return "<urn:uuid:{}>".format(uuid.uuid5(NAMESPACE, name))


def warc_record(fields, block):
    head = "WARC/1.1\r\n" + "".join("{}: {}\r\n".format(k, v) for k, v in fields)
    head += "Content-Length: {}\r\n\r\n".format(len(block))
    return head.encode("utf-8") + block + b"\r\n\r\n"


def chunked(body, size=700):
    out = b""
    for i in range(0, len(body), size):
        part = body[i:i + size]
        out += b"%x\r\n" % len(part) + part + b"\r\n"
    return out + b"0\r\n\r\n"


def gzip_bytes(data):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as f:
        f.write(data)
    return buf.getvalue()


def http_response(article, date):
    body = render(article).encode("utf-8")
    headers = [
        ("Date", date),
        ("Server", "nginx"),
        ("Content-Type", "text/html; charset=utf-8"),
    ]
    if article["http"] == "gzip":
        body = gzip_bytes(body)
        headers += [("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding"), ("Content-Length", str(len(body)))]
    elif article["http"] == "chunked":
        body = chunked(body)
        headers += [("Transfer-Encoding", "chunked")]
    else:
        headers += [("Content-Length", str(len(body)))]
    head = "HTTP/1.1 200 OK\r\n" + "".join("{}: {}\r\n".format(k, v) for k, v in headers) + "\r\n"
    return head.encode("ascii") + body


def http_request(url):
    path = url[len(SITE):]
    host = SITE.split("://", 1)[1]
    return ("GET {} HTTP/1.1\r\nHost: {}\r\nUser-Agent: veille-demo-crawler/0.1\r\n"
            "Accept-Encoding: gzip\r\n\r\n").format(path, host).encode("ascii")


def records():
    info = ("software: veille samples/make-warc.py\r\nformat: WARC File Format 1.1\r\n"
            "description: invented French news articles for the veille demo\r\n").encode("utf-8")
    yield warc_record([("WARC-Type", "warcinfo"), ("WARC-Record-ID", record_id("warcinfo")),
                       ("WARC-Date", "2024-03-07T08:00:00Z"), ("WARC-Filename", "crawl.warc.gz"),
                       ("Content-Type", "application/warc-fields")], info)
    for n, article in enumerate(ARTICLES):
        url = SITE + article["path"]
        date = "2024-03-07T08:0{}:00Z".format(n + 1)
        response_id = record_id("response " + url)
        yield warc_record([("WARC-Type", "request"), ("WARC-Record-ID", record_id("request " + url)),
                           ("WARC-Date", date), ("WARC-Target-URI", url),
                           ("WARC-Concurrent-To", response_id),
                           ("Content-Type", "application/http; msgtype=request")], http_request(url))
        yield warc_record([("WARC-Type", "response"), ("WARC-Record-ID", response_id),
                           ("WARC-Date", date), ("WARC-Target-URI", url),
                           ("Content-Type", "application/http; msgtype=response")],
                          http_response(article, "Thu, 07 Mar 2024 08:0{}:00 GMT".format(n + 1)))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "crawl.warc.gz")
    with open(out, "wb") as f:
        for rec in records():
            f.write(gzip_bytes(rec))  # one gzip member per record, as crawlers write them
    print("wrote", out)


if __name__ == "__main__":
    main()
