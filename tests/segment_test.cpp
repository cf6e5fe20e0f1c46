#include "segment/segmenter.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/dict_file.h"
#include "temp_dict.h"

namespace veille {
namespace {

struct Case {
  std::string text;
  std::vector<std::string> want;
};

// Hand-written tricky cases, political news style. Each expected sentence is
// checked exactly.
const std::vector<Case>& Cases() {
  static const std::vector<Case> cases = {
      // Titles and forms of address.
      {"Le Kremlin a réagi. M. Peskov a dénoncé une provocation.",
       {"Le Kremlin a réagi.", "M. Peskov a dénoncé une provocation."}},
      {"Mme Merkel est arrivée à Sofia. Elle a rencontré M. Borissov.",
       {"Mme Merkel est arrivée à Sofia.", "Elle a rencontré M. Borissov."}},
      {"MM. Lavrov et Blinken se sont parlé. Rien n'a filtré.",
       {"MM. Lavrov et Blinken se sont parlé.", "Rien n'a filtré."}},
      {"Mlle Dupont, Dr Martin et Pr. Raoult étaient présents. La réunion a duré deux heures.",
       {"Mlle Dupont, Dr Martin et Pr. Raoult étaient présents.", "La réunion a duré deux heures."}},
      {"Selon le Dr. Martin, la situation est grave. L'OMS s'inquiète.",
       {"Selon le Dr. Martin, la situation est grave.", "L'OMS s'inquiète."}},
      {"Le plan de M. Le Maire a été adopté.", {"Le plan de M. Le Maire a été adopté."}},
      {"Il a été reçu par Mme Le Pen. Le Rassemblement national s'en félicite.",
       {"Il a été reçu par Mme Le Pen.", "Le Rassemblement national s'en félicite."}},
      {"Il a salué M. le ministre. Le débat a suivi.", {"Il a salué M. le ministre.", "Le débat a suivi."}},
      {"Me Dupond-Moretti et Mgr Aupetit ont témoigné. L'audience a été suspendue.",
       {"Me Dupond-Moretti et Mgr Aupetit ont témoigné.", "L'audience a été suspendue."}},
      {"Les cérémonies à St. Louis et à Ste. Anne ont été annulées. Les fidèles protestent.",
       {"Les cérémonies à St. Louis et à Ste. Anne ont été annulées.", "Les fidèles protestent."}},
      {"Le gén. Guerassimov et le col. Ivanov ont été limogés. Le ministère confirme.",
       {"Le gén. Guerassimov et le col. Ivanov ont été limogés.", "Le ministère confirme."}},
      {"Le lt. Petrenko et le sgt. Kovalenko ont été décorés.",
       {"Le lt. Petrenko et le sgt. Kovalenko ont été décorés."}},

      // Quotations spanning sentences.
      {"« Nous allons le faire. Nous le ferons », a déclaré Maduro.",
       {"« Nous allons le faire. Nous le ferons », a déclaré Maduro."}},
      {"« Nous allons le faire. Nous le ferons. » Le président a ensuite quitté la salle.",
       {"« Nous allons le faire. Nous le ferons. »", "Le président a ensuite quitté la salle."}},
      {"« Qui peut y croire ? » a demandé M. Lavrov.", {"« Qui peut y croire ? » a demandé M. Lavrov."}},
      {"« Jamais ! » a lancé Mme Le Pen. Le débat a repris.",
       {"« Jamais ! » a lancé Mme Le Pen.", "Le débat a repris."}},
      {"M. Peskov a déclaré : « La Russie ne reculera pas. » Kiev n'a pas réagi.",
       {"M. Peskov a déclaré : « La Russie ne reculera pas. »", "Kiev n'a pas réagi."}},
      {"Il a cité un proverbe (« Qui vivra verra. ») avant de partir.",
       {"Il a cité un proverbe (« Qui vivra verra. ») avant de partir."}},
      {"Le ministre a parlé d'un \"succès total\". Les syndicats ont protesté.",
       {"Le ministre a parlé d'un \"succès total\".", "Les syndicats ont protesté."}},
      {"Il a lancé \"Nous partirons. Nous reviendrons\" avant la fin du meeting.",
       {"Il a lancé \"Nous partirons. Nous reviendrons\" avant la fin du meeting."}},
      {"Il a répondu \"Non.\" Puis il a raccroché.", {"Il a répondu \"Non.\"", "Puis il a raccroché."}},
      {"« Il m'a dit « non ». Puis il est parti », raconte Mme Martin.",
       {"« Il m'a dit « non ». Puis il est parti », raconte Mme Martin."}},
      {"Il a qualifié la visite de « provocation ». Moscou a protesté.",
       {"Il a qualifié la visite de « provocation ».", "Moscou a protesté."}},
      {"« C'est fini. » « Non, ça commence. » Le ton est monté.",
       {"« C'est fini. »", "« Non, ça commence. »", "Le ton est monté."}},
      {"« Nous ne céderons pas. Nous irons jusqu'au bout.",
       {"« Nous ne céderons pas.", "Nous irons jusqu'au bout."}},
      {"Nous irons jusqu'au bout. Rien ne nous arrêtera ! » Le discours a duré une heure.",
       {"Nous irons jusqu'au bout.", "Rien ne nous arrêtera ! »", "Le discours a duré une heure."}},
      {"« Je ne démissionnerai pas », a-t-il dit. « Jamais. »",
       {"« Je ne démissionnerai pas », a-t-il dit.", "« Jamais. »"}},
      {"« C'est une erreur. Elle sera corrigée. Nous y veillerons » a martelé M. Borissov devant la presse.",
       {"« C'est une erreur. Elle sera corrigée. Nous y veillerons » a martelé M. Borissov devant la presse."}},
      {"« C'est une erreur ! » Le Premier ministre bulgare, M. Borissov, a ensuite quitté la salle.",
       {"« C'est une erreur ! »", "Le Premier ministre bulgare, M. Borissov, a ensuite quitté la salle."}},
      {"« Nous verrons… » Le président n'a rien ajouté.", {"« Nous verrons… »", "Le président n'a rien ajouté."}},
      {"« Nous verrons… » a-t-il soufflé.", {"« Nous verrons… » a-t-il soufflé."}},
      {"Il a répondu « oui ». Mais personne ne l'a cru.", {"Il a répondu « oui ».", "Mais personne ne l'a cru."}},
      {"“Nous le ferons. Nous le ferons”, a déclaré Maduro.", {"“Nous le ferons. Nous le ferons”, a déclaré Maduro."}},
      {"Qui a tiré ? « Personne », répond Kiev.", {"Qui a tiré ?", "« Personne », répond Kiev."}},
      {"« Et maintenant ? »", {"« Et maintenant ? »"}},
      {"Faut-il parler d'« agression » ? Le débat est ouvert.",
       {"Faut-il parler d'« agression » ?", "Le débat est ouvert."}},

      // Initials and dotted acronyms.
      {"Le roman de J. R. R. Tolkien a été adapté. Le film est sorti en 2001.",
       {"Le roman de J. R. R. Tolkien a été adapté.", "Le film est sorti en 2001."}},
      {"George W. Bush a rencontré Vladimir Poutine. Ils ont parlé de l'Irak.",
       {"George W. Bush a rencontré Vladimir Poutine.", "Ils ont parlé de l'Irak."}},
      {"A. Merkel et E. Macron ont signé le texte. Il entre en vigueur lundi.",
       {"A. Merkel et E. Macron ont signé le texte.", "Il entre en vigueur lundi."}},
      {"J.-C. Juncker a répondu. J.-L. Mélenchon a ironisé.", {"J.-C. Juncker a répondu.", "J.-L. Mélenchon a ironisé."}},
      {"Le gouvernement a activé le plan B. Le ministre s'en est expliqué.",
       {"Le gouvernement a activé le plan B.", "Le ministre s'en est expliqué."}},
      {"La vitamine C. La pandémie l'a rendue célèbre.", {"La vitamine C.", "La pandémie l'a rendue célèbre."}},
      {"Il s'agit de la vitamine C.", {"Il s'agit de la vitamine C."}},
      {"Les U.S.A. ont réagi. L'O.N.U. a convoqué le Conseil de sécurité.",
       {"Les U.S.A. ont réagi.", "L'O.N.U. a convoqué le Conseil de sécurité."}},
      {"Les sanctions visent aussi l'O.N.U. Moscou dénonce une manœuvre.",
       {"Les sanctions visent aussi l'O.N.U.", "Moscou dénonce une manœuvre."}},
      {"Le texte a été ratifié par les U.S.A. Le Canada a suivi.",
       {"Le texte a été ratifié par les U.S.A.", "Le Canada a suivi."}},
      {"La société Dupont S.A. a été rachetée. Le montant n'a pas été dévoilé.",
       {"La société Dupont S.A. a été rachetée.", "Le montant n'a pas été dévoilé."}},
      {"Il travaille à l'O.N.U. depuis 2010.", {"Il travaille à l'O.N.U. depuis 2010."}},

      // Numbers, ordinals, times, dates.
      {"Le budget atteint 5 000 milliards. Il progresse de 3,5 %.",
       {"Le budget atteint 5 000 milliards.", "Il progresse de 3,5 %."}},
      {"Le taux est passé de 3.5 à 4.25 points. C'est un record.",
       {"Le taux est passé de 3.5 à 4.25 points.", "C'est un record."}},
      {"Plus de 1.000.000 de personnes ont manifesté. La police en a compté moins.",
       {"Plus de 1.000.000 de personnes ont manifesté.", "La police en a compté moins."}},
      {"La réunion a commencé à 12 h 30. Elle s'est achevée à 18 h.",
       {"La réunion a commencé à 12 h 30.", "Elle s'est achevée à 18 h."}},
      {"Il a terminé 2e. Le 1er a été disqualifié.", {"Il a terminé 2e.", "Le 1er a été disqualifié."}},
      {"L'invasion a commencé le 24.02.2022 à l'aube. Kiev a résisté.",
       {"L'invasion a commencé le 24.02.2022 à l'aube.", "Kiev a résisté."}},
      {"Le bilan s'alourdit encore. 25 personnes sont mortes.",
       {"Le bilan s'alourdit encore.", "25 personnes sont mortes."}},
      {"Le gouvernement a recouru au 49.3. L'opposition dépose une motion de censure.",
       {"Le gouvernement a recouru au 49.3.", "L'opposition dépose une motion de censure."}},
      {"Il a rencontré Jean-Paul II. Le pape l'a béni.", {"Il a rencontré Jean-Paul II.", "Le pape l'a béni."}},
      {"Le sommet aura lieu le 12 janv. 2024 à Bruxelles. Kiev y sera représenté.",
       {"Le sommet aura lieu le 12 janv. 2024 à Bruxelles.", "Kiev y sera représenté."}},
      {"La loi date du 3 févr. Les décrets ont suivi.", {"La loi date du 3 févr.", "Les décrets ont suivi."}},

      // Ellipses.
      {"Il a hésité... puis il a signé.", {"Il a hésité... puis il a signé."}},
      {"Il a hésité… Puis il a signé.", {"Il a hésité…", "Puis il a signé."}},
      {"Nous verrons bien... Le Kremlin reste prudent.", {"Nous verrons bien...", "Le Kremlin reste prudent."}},
      {"Les chiffres… 12 morts selon Kiev.", {"Les chiffres… 12 morts selon Kiev."}},
      {"Le communiqué affirme que [...] Kiev doit céder.", {"Le communiqué affirme que [...] Kiev doit céder."}},

      // URLs, e-mail addresses, domains, versions.
      {"Le texte est en ligne sur lemonde.fr. Il a été partagé 10 000 fois.",
       {"Le texte est en ligne sur lemonde.fr.", "Il a été partagé 10 000 fois."}},
      {"Rendez-vous sur www.elysee.fr ou https://www.gouv.fr/actualites?id=3. Les inscriptions sont ouvertes.",
       {"Rendez-vous sur www.elysee.fr ou https://www.gouv.fr/actualites?id=3.", "Les inscriptions sont ouvertes."}},
      {"Écrivez à contact@presidence.ro. La réponse viendra.",
       {"Écrivez à contact@presidence.ro.", "La réponse viendra."}},
      {"La version 2.4.1 du logiciel corrige la faille. Elle est disponible.",
       {"La version 2.4.1 du logiciel corrige la faille.", "Elle est disponible."}},
      {"(voir www.ecb.europa.eu). La BCE a relevé ses taux.", {"(voir www.ecb.europa.eu).", "La BCE a relevé ses taux."}},

      // Abbreviations from the dictionary.
      {"Il a cité la France, l'Allemagne, etc. et a conclu.", {"Il a cité la France, l'Allemagne, etc. et a conclu."}},
      {"Ils ont parlé d'énergie, de gaz, etc. Le sommet s'est achevé tard.",
       {"Ils ont parlé d'énergie, de gaz, etc.", "Le sommet s'est achevé tard."}},
      {"Il a tout énuméré, etc.", {"Il a tout énuméré, etc."}},
      {"Il a listé les griefs (gaz, pétrole, etc.). La réponse a tardé.",
       {"Il a listé les griefs (gaz, pétrole, etc.).", "La réponse a tardé."}},
      {"Voir l'annexe (cf. Le Monde du 3 mai). Le texte est clair.",
       {"Voir l'annexe (cf. Le Monde du 3 mai).", "Le texte est clair."}},
      {"Certains pays, p. ex. la Hongrie, ont bloqué le texte. Bruxelles s'impatiente.",
       {"Certains pays, p. ex. la Hongrie, ont bloqué le texte.", "Bruxelles s'impatiente."}},
      {"La ville fut fondée en 753 av. J.-C. Les historiens en doutent.",
       {"La ville fut fondée en 753 av. J.-C.", "Les historiens en doutent."}},
      {"L'empereur régna jusqu'en 14 apr. J.-C. et mourut à Nola.",
       {"L'empereur régna jusqu'en 14 apr. J.-C. et mourut à Nola."}},
      {"Le décret n° 2022-115 a été publié. Il entre en vigueur.",
       {"Le décret n° 2022-115 a été publié.", "Il entre en vigueur."}},
      {"L'art. L. 121-1 du code électoral s'applique. Le Conseil constitutionnel a tranché.",
       {"L'art. L. 121-1 du code électoral s'applique.", "Le Conseil constitutionnel a tranché."}},
      {"Il a consacré sa vie à l'art. Le musée lui rend hommage.",
       {"Il a consacré sa vie à l'art.", "Le musée lui rend hommage."}},
      {"Voir le vol. 3, chap. 12 du rapport. Les conclusions sont sévères.",
       {"Voir le vol. 3, chap. 12 du rapport.", "Les conclusions sont sévères."}},
      {"L'avion a raté son vol. Les passagers ont attendu.", {"L'avion a raté son vol.", "Les passagers ont attendu."}},
      {"La ville compte 30 000 hab. Le maire a démissionné.", {"La ville compte 30 000 hab.", "Le maire a démissionné."}},
      {"Le convoi s'étire sur env. 60 km. Les images satellites le confirment.",
       {"Le convoi s'étire sur env. 60 km.", "Les images satellites le confirment."}},
      {"Il a obtenu un Ph.D. en économie à Harvard. Il a ensuite rejoint le FMI.",
       {"Il a obtenu un Ph.D. en économie à Harvard.", "Il a ensuite rejoint le FMI."}},
      {"Elle a soutenu son Ph.D. Elle est ensuite entrée au gouvernement.",
       {"Elle a soutenu son Ph.D.", "Elle est ensuite entrée au gouvernement."}},

      // ?! !!! and other final marks.
      {"Vous plaisantez ?! Le ministre a haussé le ton.", {"Vous plaisantez ?!", "Le ministre a haussé le ton."}},
      {"Scandale !!! Le mot était en une. Il a été retiré.",
       {"Scandale !!!", "Le mot était en une.", "Il a été retiré."}},
      {"Pourquoi ? parce que le texte était prêt.", {"Pourquoi ? parce que le texte était prêt."}},
      {"Qui a gagné ? Personne. Le scrutin sera rejoué.", {"Qui a gagné ?", "Personne.", "Le scrutin sera rejoué."}},
      {"Le vote a été reporté (le quorum n'était pas atteint.) Il aura lieu mardi.",
       {"Le vote a été reporté (le quorum n'était pas atteint.)", "Il aura lieu mardi."}},
      {"— Êtes-vous candidat ? — Non. — Pourquoi ? — Je ne le souhaite pas.",
       {"— Êtes-vous candidat ?", "— Non.", "— Pourquoi ?", "— Je ne le souhaite pas."}},
      {"Selon l'AFP, l'attaque a fait 12 morts. À Kiev, les sirènes ont retenti.",
       {"Selon l'AFP, l'attaque a fait 12 morts.", "À Kiev, les sirènes ont retenti."}},

      // Lines, headlines, list items, whitespace.
      {"Ukraine : Kiev frappe en Crimée\nLes frappes ont visé un dépôt. Moscou accuse.",
       {"Ukraine : Kiev frappe en Crimée", "Les frappes ont visé un dépôt.", "Moscou accuse."}},
      {"Titre\n\nPremier paragraphe. Deuxième phrase.\n\nDernier paragraphe",
       {"Titre", "Premier paragraphe.", "Deuxième phrase.", "Dernier paragraphe"}},
      {"Les mesures :\n- gel des avoirs\n- interdiction de vol. Les compagnies protestent.\n- embargo",
       {"Les mesures :", "- gel des avoirs", "- interdiction de vol.", "Les compagnies protestent.", "- embargo"}},
      {"Trois points ont été retenus. 1. Le cessez-le-feu. 2. Les échanges de prisonniers.",
       {"Trois points ont été retenus.", "1. Le cessez-le-feu.", "2. Les échanges de prisonniers."}},
      {"1. Le cessez-le-feu\n2. Les prisonniers\nII. Les réactions",
       {"1. Le cessez-le-feu", "2. Les prisonniers", "II. Les réactions"}},
      {"  Le vote est acquis.   Le texte part au Sénat.  ", {"Le vote est acquis.", "Le texte part au Sénat."}},
      {"Ligne un.\r\nLigne deux.\r\n", {"Ligne un.", "Ligne deux."}},
      {"« Nous partirons. »\n« Nous reviendrons. »", {"« Nous partirons. »", "« Nous reviendrons. »"}},
      {"Le président Kiir a rencontré M. Museveni à Kampala (Ouganda). Les deux hommes ont signé un accord.",
       {"Le président Kiir a rencontré M. Museveni à Kampala (Ouganda).", "Les deux hommes ont signé un accord."}},
  };
  return cases;
}

std::vector<std::string> Texts(std::string_view text, const std::vector<Span>& spans) {
  std::vector<std::string> out;
  for (const Span& s : spans) out.emplace_back(s.of(text));
  return out;
}

const Segmenter& Loaded() {
  static const Segmenter seg = Segmenter::Load();
  return seg;
}

TEST(Segmenter, HasEnoughCases) { EXPECT_GE(Cases().size(), 70u); }

TEST(Segmenter, TrickyFrenchCases) {
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Texts(c.text, Loaded().Split(c.text)), c.want);
  }
}

TEST(Segmenter, EmptyAndBlankInputs) {
  EXPECT_TRUE(Loaded().Split("").empty());
  EXPECT_TRUE(Loaded().Split("   ").empty());
  EXPECT_TRUE(Loaded().Split("\n\n\r\n \t\n").empty());
}

TEST(Segmenter, RunFillsDocSentences) {
  Doc doc;
  doc.text = "Le Kremlin a réagi. M. Peskov a parlé.";
  Loaded().Run(doc);
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.sentences[1].of(doc.text), "M. Peskov a parlé.");
}

// ---------------------------------------------------------------- properties

// Length of the blank code point at t[i] (ASCII whitespace, NBSP, thin and
// narrow no-break spaces), 0 if none.
size_t BlankAt(std::string_view t, size_t i) {
  static const std::string_view kWide[] = {"\xC2\xA0", "\xE2\x80\x89", "\xE2\x80\xAF"};
  if (std::string_view(" \t\r\n\v\f").find(t[i]) != std::string_view::npos) return 1;
  for (std::string_view w : kWide)
    if (t.substr(i, w.size()) == w) return w.size();
  return 0;
}

bool EndsBlank(std::string_view t) {
  static const std::string_view kWide[] = {"\xC2\xA0", "\xE2\x80\x89", "\xE2\x80\xAF"};
  if (std::string_view(" \t\r\n\v\f").find(t.back()) != std::string_view::npos) return true;
  for (std::string_view w : kWide)
    if (t.ends_with(w)) return true;
  return false;
}

bool AllBlank(std::string_view t) {
  for (size_t i = 0; i < t.size();) {
    size_t n = BlankAt(t, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

// Sorted, non-overlapping, in bounds, non-empty, trimmed, within one line, and
// nothing but blanks left out.
void CheckInvariants(std::string_view text, const std::vector<Span>& spans) {
  size_t prev_end = 0;
  for (const Span& s : spans) {
    ASSERT_LT(s.start, s.end);
    ASSERT_LE(s.end, text.size());
    ASSERT_GE(s.start, prev_end);
    std::string_view t = s.of(text);
    EXPECT_EQ(BlankAt(t, 0), 0u) << "leading blank";
    EXPECT_FALSE(EndsBlank(t)) << "trailing blank";
    EXPECT_EQ(t.find('\n'), std::string_view::npos);
    EXPECT_TRUE(AllBlank(text.substr(prev_end, s.start - prev_end))) << "text dropped before " << s.start;
    prev_end = s.end;
  }
  EXPECT_TRUE(AllBlank(text.substr(prev_end))) << "text dropped at the end";
}

std::string RandomText(std::mt19937& rng) {
  static const std::vector<std::string> kPieces = {
      "a",  "B",  "é",    "É",  " ",  "  ", ".",   "!",  "?",   "…",  "...", "«", "»",  "\"", "“",  "”",
      "„",  "(",  ")",    "[",  "\n", "\r", "\t",  "M",  "etc", "1",  "'",   "-", "—",  ",",  ":",  "l'",
      "J.-C", "U.S.A", "\xC2", "\xE2\x80", "\xFF", "\x80", "\xC2\xA0", "\xE2\x80\xAF", "\xF0\x9F\x98", "\0",
      "Le", "art", "av. J.-C", "www.x.fr"};
  std::uniform_int_distribution<size_t> len(0, 60), piece(0, kPieces.size() - 1), byte(0, 255), coin(0, 3);
  std::string s;
  size_t n = len(rng);
  for (size_t i = 0; i < n; ++i) {
    if (coin(rng) == 0) s.push_back(static_cast<char>(byte(rng)));
    else s += kPieces[piece(rng)];
  }
  return s;
}

TEST(Segmenter, RandomInputsKeepInvariants) {
  std::mt19937 rng(20240601);
  Segmenter bare;  // no dictionary
  for (int i = 0; i < 20000; ++i) {
    std::string text = RandomText(rng);
    SCOPED_TRACE(::testing::PrintToString(text));
    CheckInvariants(text, Loaded().Split(text));
    CheckInvariants(text, bare.Split(text));
    if (::testing::Test::HasFatalFailure()) return;
  }
}

TEST(Segmenter, CaseTextsKeepInvariants) {
  for (const Case& c : Cases()) CheckInvariants(c.text, Loaded().Split(c.text));
}

TEST(Segmenter, ManyUnmatchedQuotesStayLinear) {
  // Pathological pairing input: thousands of open « and closing ” on one line.
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "« ";
  for (int i = 0; i < 100000; ++i) text += "” a. B ";
  std::vector<Span> spans = Loaded().Split(text);
  CheckInvariants(text, spans);
}

// ---------------------------------------------------------------- dictionary

TEST(SegmenterDict, LoadsTheRealDictionary) {
  Segmenter seg = Segmenter::Load();
  std::string text = "M. Borissov est arrivé. Il a salué Mme Merkel, etc. Puis il est reparti.";
  EXPECT_EQ(Texts(text, seg.Split(text)),
            (std::vector<std::string>{"M. Borissov est arrivé.", "Il a salué Mme Merkel, etc.", "Puis il est reparti."}));
}

// A throwaway dictionary root with minimal segmenter files (tests overwrite them).
class SegmentDict : public TempDict {
 public:
  SegmentDict() {
    Write("segment/abbreviations.txt", "m\netc\tfinal\n");
    Write("segment/sentence_starters.txt", "le\n");
  }
};

// The message of the DictError that loading throws, or "" if none.
std::string LoadError() {
  try {
    Segmenter::Load();
  } catch (const DictError& e) {
    return e.what();
  }
  return "";
}

TEST(SegmenterDict, ErrorsNameFileAndLine) {
  struct Bad {
    std::string file, content, where, what;
  };
  const std::vector<Bad> bads = {
      {"segment/abbreviations.txt", "# titles\nm\nMme\n", "segment/abbreviations.txt:3", "lower case"},
      {"segment/abbreviations.txt", "m\netc.\tfinal\n", "segment/abbreviations.txt:2", "final '.'"},
      {"segment/abbreviations.txt", "etc\tsometimes\n", "segment/abbreviations.txt:1", "unknown kind"},
      {"segment/abbreviations.txt", "m\n\nm\n", "segment/abbreviations.txt:3", "first at line 1"},
      {"segment/abbreviations.txt", "av j.-c\n", "segment/abbreviations.txt:1", "space"},
      {"segment/abbreviations.txt", "m\tprefix\textra\n", "segment/abbreviations.txt:1", "fields"},
      {"segment/sentence_starters.txt", "le\nLa\n", "segment/sentence_starters.txt:2", "lower case"},
      {"segment/sentence_starters.txt", "le\nc'est\n", "segment/sentence_starters.txt:2", "apostrophe"},
  };
  for (const Bad& b : bads) {
    SCOPED_TRACE(b.content);
    SegmentDict dict;
    dict.Write(b.file, b.content);
    std::string error = LoadError();
    EXPECT_NE(error.find(b.where), std::string::npos) << error;
    EXPECT_NE(error.find(b.what), std::string::npos) << error;
  }
}

TEST(SegmenterDict, TempDictionaryIsUsedAndRootRestored) {
  std::string before = DictRoot();
  {
    SegmentDict dict;
    Segmenter seg = Segmenter::Load();
    // "Dr" is not in this small dictionary: "Dr." now ends a sentence.
    std::string text = "Il a vu le Dr. Martin.";
    EXPECT_EQ(seg.Split(text).size(), 2u);
  }
  EXPECT_EQ(DictRoot(), before);
  std::string text = "Il a vu le Dr. Martin.";
  EXPECT_EQ(Loaded().Split(text).size(), 1u);
}

}  // namespace
}  // namespace veille
