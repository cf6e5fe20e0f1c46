// The French tokenizer, POS tagger and lemmatizer (src/syntax/).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/dict_file.h"
#include "syntax/conllu.h"
#include "syntax/constraints.h"
#include "syntax/lemmatizer.h"
#include "syntax/model.h"
#include "syntax/tagger.h"
#include "syntax/tokenizer.h"
#include "syntax/trainer.h"

namespace veille {
namespace {

namespace fs = std::filesystem;

const Tokenizer& Tok() {
  static const Tokenizer t = Tokenizer::Load();
  return t;
}

const Tagger& Tag() {
  static const Tagger t = Tagger::Load();
  return t;
}

// The tokens of `text`, joined by " | ".
std::string Tokens(const std::string& text) {
  std::vector<Span> spans;
  Tok().Tokenize(text, Span{0, static_cast<uint32_t>(text.size())}, &spans);
  std::string out;
  for (const Span& s : spans) {
    if (!out.empty()) out += " | ";
    out += s.of(text);
  }
  return out;
}

struct TokCase {
  const char* text;
  const char* tokens;
};

TEST(Tokenizer, FrenchNewsCases) {
  const TokCase cases[] = {
      // Elisions.
      {"L'accord a été signé.", "L' | accord | a | été | signé | ."},
      {"Il s'est rendu à l'ONU.", "Il | s' | est | rendu | à | l' | ONU | ."},
      {"Qu'il vienne d'abord.", "Qu' | il | vienne | d' | abord | ."},
      {"Je n'ai rien dit, j'attends.", "Je | n' | ai | rien | dit | , | j' | attends | ."},
      {"C'est ce qu'elle m'a dit.", "C' | est | ce | qu' | elle | m' | a | dit | ."},
      {"jusqu'à la fin", "jusqu' | à | la | fin"},
      {"jusqu'aujourd'hui", "jusqu' | aujourd'hui"},
      {"Aujourd'hui, lorsqu'on parle", "Aujourd'hui | , | lorsqu' | on | parle"},
      {"puisqu'il est là", "puisqu' | il | est | là"},
      {"si l'on veut", "si | l' | on | veut"},
      {"D'après l’AFP", "D' | après | l’ | AFP"},
      {"quelqu'un d'autre", "quelqu'un | d' | autre"},
      {"c'est-à-dire demain", "c'est-à-dire | demain"},
      {"l' accord", "l' | accord"},
      {"O'Neill et McDonald's", "O'Neill | et | McDonald's"},
      // Contractions stay whole.
      {"Le ministre des Affaires étrangères du Venezuela", "Le | ministre | des | Affaires | étrangères | du | Venezuela"},
      {"aux États-Unis et au Brésil", "aux | États-Unis | et | au | Brésil"},
      // Hyphens.
      {"a-t-il déclaré", "a | -t-il | déclaré"},
      {"Que va-t-elle faire ?", "Que | va | -t-elle | faire | ?"},
      {"« Non », dit-il.", "« | Non | » | , | dit | -il | ."},
      {"Peut-on négocier ?", "Peut | -on | négocier | ?"},
      {"Est-ce possible ?", "Est | -ce | possible | ?"},
      {"Donnez-le-moi", "Donnez | -le | -moi"},
      {"allez-y", "allez | -y"},
      {"DIT-IL", "DIT | -IL"},
      {"à Villers-le-Bel et Aix-les-Bains", "à | Villers-le-Bel | et | Aix-les-Bains"},
      {"peut-être demain", "peut-être | demain"},
      {"le vice-président Díaz-Canel", "le | vice-président | Díaz-Canel"},
      {"à Saint-Jean-de-Luz", "à | Saint-Jean-de-Luz"},
      {"le Su-35 et le COVID-19", "le | Su-35 | et | le | COVID-19"},
      {"Jean-Yves Le Drian", "Jean-Yves | Le | Drian"},
      // Numbers.
      {"le 16/02/2022 à 14h30", "le | 16/02/2022 | à | 14h30"},
      {"une hausse de 3,5 %", "une | hausse | de | 3,5 | %"},
      {"1 200 soldats", "1 200 | soldats"},
      {"15 000 000 d'euros", "15 000 000 | d' | euros"},
      {"en 2022 300 personnes", "en | 2022 | 300 | personnes"},
      {"à 12:30, soit 1.5 million", "à | 12:30 | , | soit | 1.5 | million"},
      {"le 1er mai, 50% des voix", "le | 1er | mai | , | 50 | % | des | voix"},
      {"le n°2 du parti", "le | n° | 2 | du | parti"},
      // Punctuation.
      {"« Nous refusons » ; il a dit : non !", "« | Nous | refusons | » | ; | il | a | dit | : | non | !"},
      {"Et alors...", "Et | alors | ..."},
      {"Vraiment ?!", "Vraiment | ? | !"},
      {"(AFP) — Moscou", "( | AFP | ) | — | Moscou"},
      {"\"Jamais\", a-t-il dit", "\" | Jamais | \" | , | a | -t-il | dit"},
      {"le mot… suivant", "le | mot | … | suivant"},
      // Abbreviations.
      {"M. Maduro et Mme Rodríguez", "M. | Maduro | et | Mme | Rodríguez"},
      {"des pays, etc. Puis", "des | pays | , | etc. | Puis"},
      {"J. Biden et les U.S.A. en 1990", "J. | Biden | et | les | U.S.A. | en | 1990"},
      {"en 52 av. J.-C.", "en | 52 | av. | J.-C."},
      {"le plan B.", "le | plan | B | ."},
      {"Dr. Diaz", "Dr. | Diaz"},
      {"M.Dupont et U.E.", "M. | Dupont | et | U.E."},
      // URLs and addresses.
      {"sur www.lemonde.fr.", "sur | www.lemonde.fr | ."},
      {"voir https://example.org/a?b=1, puis", "voir | https://example.org/a?b=1 | , | puis"},
      {"écrire à contact@presse.fr", "écrire | à | contact@presse.fr"},
      {"lemonde.fr rapporte", "lemonde.fr | rapporte"},
      // Spaces.
      {"  deux\tmots\n", "deux | mots"},
  };
  for (const TokCase& c : cases) EXPECT_EQ(Tokens(c.text), c.tokens) << c.text;
}

TEST(Tokenizer, SpansPointIntoTheSentence) {
  std::string text = "Avant. L'accord du 3 mai. Après.";
  std::vector<Span> spans;
  Tok().Tokenize(text, Span{7, 25}, &spans);
  ASSERT_EQ(spans.size(), 6u);  // L' accord du 3 mai .
  EXPECT_EQ(spans[0].start, 7u);
  EXPECT_EQ(spans[0].of(text), "L'");
  EXPECT_EQ(spans.back().of(text), ".");
  EXPECT_EQ(spans.back().end, 25u);
}

TEST(Tokenizer, InvalidBytesDoNotCrash) {
  std::string text = "a\xC3 b\xFF\xFE c'\xE2\x80";
  std::vector<Span> spans;
  Tok().Tokenize(text, Span{0, static_cast<uint32_t>(text.size())}, &spans);
  uint32_t last = 0;
  for (const Span& s : spans) {
    EXPECT_LE(last, s.start);
    EXPECT_LT(s.start, s.end);
    EXPECT_LE(s.end, text.size());
    last = s.end;
  }
}

// On random mixes of tricky pieces, tokens are non-empty, in order, inside the span, and
// cover every byte that is not a space.
TEST(Tokenizer, RandomTextIsCoveredInOrder) {
  const char* pieces[] = {"l'",  "L’",  "aujourd'hui", "-t-il", "-",   "--",  ".",   "...", "M.",  "1 200", "3,5",
                          "16/02", "«",   "»",   " ",   "  ",  "\t",  "a",   "É",   "é",   "\xC3", "\xFF",
                          "qu'", "www.x.fr", "@",  "°",   "n",   "2",   "\xE2\x80\x99", "\xC2\xA0", "!?", "J.-C."};
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; round++) {
    std::string text;
    int n = 1 + rng() % 12;
    for (int k = 0; k < n; k++) text += pieces[rng() % (sizeof pieces / sizeof *pieces)];
    std::vector<Span> spans;
    Tok().Tokenize(text, Span{0, static_cast<uint32_t>(text.size())}, &spans);
    std::vector<bool> covered(text.size(), false);
    uint32_t last = 0;
    for (const Span& sp : spans) {
      ASSERT_LE(last, sp.start) << text;
      ASSERT_LT(sp.start, sp.end) << text;
      ASSERT_LE(sp.end, text.size()) << text;
      for (uint32_t b = sp.start; b < sp.end; b++) covered[b] = true;
      last = sp.end;
    }
    for (size_t b = 0; b < text.size(); b++) {
      unsigned char c = text[b];
      bool space = c == ' ' || c == '\t' || (c == 0xC2 && b + 1 < text.size() && (unsigned char)text[b + 1] == 0xA0) ||
                   (c == 0xA0 && b > 0 && (unsigned char)text[b - 1] == 0xC2);
      if (!space) {
        ASSERT_TRUE(covered[b]) << "byte " << b << " of \"" << text << "\"";
      }
    }
  }
}

// "form/POS/lemma/feats" per token.
std::vector<Token> Tagged(const std::string& sentence) { return Tag().TagText(sentence); }

const Token* Find(const std::string& sentence, const std::vector<Token>& tokens, std::string_view form) {
  for (const Token& t : tokens)
    if (t.span.of(sentence) == form) return &t;
  return nullptr;
}

TEST(Tagger, NegationAndCompoundPast) {
  std::string s = "Le gouvernement n'a pas signé l'accord avec la Russie.";
  std::vector<Token> t = Tagged(s);
  const Token* ne = Find(s, t, "n'");
  const Token* pas = Find(s, t, "pas");
  const Token* a = Find(s, t, "a");
  const Token* signe = Find(s, t, "signé");
  ASSERT_TRUE(ne && pas && a && signe);
  EXPECT_TRUE(ne->pos == Pos::kAdv || ne->pos == Pos::kPart) << PosName(ne->pos);
  EXPECT_EQ(ne->lemma, "ne");
  EXPECT_TRUE(pas->pos == Pos::kAdv || pas->pos == Pos::kPart) << PosName(pas->pos);
  EXPECT_EQ(a->pos, Pos::kAux);
  EXPECT_EQ(a->lemma, "avoir");
  EXPECT_EQ(signe->pos, Pos::kVerb);
  EXPECT_EQ(signe->lemma, "signer");
  EXPECT_EQ(signe->feats, "Tense=Past|VerbForm=Part");
}

TEST(Tagger, ConditionalMood) {
  std::string s = "Moscou pourrait livrer des armes à Caracas.";
  std::vector<Token> t = Tagged(s);
  const Token* p = Find(s, t, "pourrait");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->lemma, "pouvoir");
  EXPECT_EQ(p->feats, "Mood=Cnd|Tense=Pres|VerbForm=Fin");
  const Token* l = Find(s, t, "livrer");
  ASSERT_TRUE(l);
  EXPECT_EQ(l->pos, Pos::kVerb);
  EXPECT_EQ(l->feats, "VerbForm=Inf");
}

TEST(Tagger, Passive) {
  std::string s = "Le journaliste a été menacé par des militaires.";
  std::vector<Token> t = Tagged(s);
  const Token* a = Find(s, t, "a");
  const Token* ete = Find(s, t, "été");
  const Token* menace = Find(s, t, "menacé");
  const Token* par = Find(s, t, "par");
  ASSERT_TRUE(a && ete && menace && par);
  EXPECT_EQ(a->pos, Pos::kAux);
  EXPECT_EQ(ete->pos, Pos::kAux);
  EXPECT_EQ(ete->lemma, "être");
  EXPECT_EQ(menace->pos, Pos::kVerb);
  EXPECT_EQ(menace->lemma, "menacer");
  EXPECT_EQ(menace->feats, "Tense=Past|VerbForm=Part");
  EXPECT_EQ(par->pos, Pos::kAdp);
}

// A sentence, one of its verb forms and the lemma the tagger must give it.
struct VerbCase {
  const char* sentence;
  const char* form;
  const char* lemma;
};

// The verb form of `c`, checked to be a VERB with the expected lemma (null if not found).
const Token* ExpectVerb(const VerbCase& c, std::string* s, std::vector<Token>* t) {
  *s = c.sentence;
  *t = Tagged(*s);
  const Token* w = Find(*s, *t, c.form);
  EXPECT_TRUE(w) << c.sentence;
  if (!w) return nullptr;
  EXPECT_EQ(w->pos, Pos::kVerb) << c.sentence;
  EXPECT_EQ(w->lemma, c.lemma) << c.sentence;
  return w;
}

// Each case's form is a present-tense indicative VERB with its lemma; each (sentence, form) of
// `nouns` is a NOUN.
void ExpectPresentVerbsAndNouns(std::initializer_list<VerbCase> verbs,
                                std::initializer_list<std::pair<const char*, const char*>> nouns) {
  for (const VerbCase& c : verbs) {
    std::string s;
    std::vector<Token> t;
    if (const Token* w = ExpectVerb(c, &s, &t)) {
      EXPECT_EQ(w->feats, "Mood=Ind|Tense=Pres|VerbForm=Fin") << c.sentence;
    }
  }
  for (const auto& [sentence, form] : nouns) {
    std::string s = sentence;
    std::vector<Token> t = Tagged(s);
    const Token* w = Find(s, t, form);
    ASSERT_TRUE(w) << sentence;
    EXPECT_EQ(w->pos, Pos::kNoun) << sentence;
  }
}

TEST(Tagger, LemmasOfVerbForms) {
  const VerbCase cases[] = {
      {"Les deux pays ont signé un traité.", "signé", "signer"},
      {"Les députés ont ratifié la convention.", "ratifié", "ratifier"},
      {"Les rebelles menacent la capitale.", "menacent", "menacer"},
      {"Le président signera le décret lundi.", "signera", "signer"},
      {"Les diplomates rencontrés à Genève ont parlé.", "rencontrés", "rencontrer"},
      {"Elle a condamné les frappes.", "condamné", "condamner"},
      {"Ils négocieront un cessez-le-feu.", "négocieront", "négocier"},
  };
  for (const VerbCase& c : cases) {
    std::string s;
    std::vector<Token> t;
    ExpectVerb(c, &s, &t);
  }
}

// Decoding constraints (src/syntax/constraints.h): a known verb form right after a name is
// a verb; a word without a participle ending is not a past participle.
TEST(Tagger, PresentTenseVerbAfterAName) {
  ExpectPresentVerbsAndNouns(
      {
          {"Varsovie demande des réparations à l'Allemagne.", "demande", "demander"},   // was NOUN
          {"La Russie livre du gaz à la Chine.", "livre", "livrer"},                    // was NOUN
          {"L'Ukraine bombarde Belgorod.", "bombarde", "bombarder"},                    // was ADJ
          {"La Serbie proteste auprès de Pristina.", "proteste", "protester"},          // was ADJ
          {"Pékin critique Washington.", "critique", "critiquer"},                      // was SCONJ
      },
      // The same words after a determiner or a preposition stay nouns.
      {
          {"La demande de Varsovie a été rejetée.", "demande"},
          {"Il a publié un livre sur la Russie.", "livre"},
          {"La critique de Pékin porte sur les tarifs.", "critique"},
          {"Dernière mise à jour du rapport annuel.", "mise"},  // "Dernière" is a known adjective, not a name
      });
}

// A word of the tag dictionary ("juge": a noun in every treebank sentence) that is a known
// verb form goes through the same constraint.
TEST(Tagger, TagDictionaryNounAfterANameCanBeAVerb) {
  ExpectPresentVerbsAndNouns(
      {
          {"Le tribunal de Paris juge Nicolas Sarkozy pour corruption.", "juge", "juger"},  // was NOUN
          {"La Russie juge inacceptable la décision de Kiev.", "juge", "juger"},            // was NOUN
          {"Moscou juge que Kiev a violé l'accord.", "juge", "juger"},                      // was NOUN
      },
      {
          {"Le juge a condamné le prévenu.", "juge"},
          {"Un juge de Paris a ouvert une enquête.", "juge"},
          {"Selon le juge, Moscou a menti.", "juge"},
      });
}

TEST(Tagger, PresentTenseVerbAfterANounAndItsAdjective) {
  const std::pair<const char*, const char*> verbs[] = {
      {"L'armée russe bombarde Kharkiv.", "bombarde"},                          // was ADJ
      {"La marine chinoise livre des vedettes au Cambodge.", "livre"},          // was NOUN
      {"La diplomatie chinoise critique Washington.", "critique"},              // was ADJ
  };
  for (const auto& [sentence, form] : verbs) {
    std::string s = sentence;
    std::vector<Token> t = Tagged(s);
    const Token* w = Find(s, t, form);
    ASSERT_TRUE(w) << sentence;
    EXPECT_EQ(w->pos, Pos::kVerb) << sentence;
  }
  // Not when neither a name nor a determiner follows.
  std::string s = "La situation humanitaire critique inquiète l'ONU.";
  std::vector<Token> t = Tagged(s);
  const Token* w = Find(s, t, "critique");
  ASSERT_TRUE(w);
  EXPECT_EQ(w->pos, Pos::kAdj);
}

TEST(Tagger, AdjectiveWithoutParticipleEndingIsNotAParticiple) {
  std::string s = "Damas utilise des armes chimiques contre les rebelles.";
  std::vector<Token> t = Tagged(s);
  const Token* w = Find(s, t, "chimiques");
  ASSERT_TRUE(w);
  EXPECT_EQ(w->pos, Pos::kAdj);  // was VERB Tense=Past|VerbForm=Part, lemma "chimiqre"
  EXPECT_EQ(w->lemma, "chimique");
  // Participles keep their tag.
  s = "Les armes ont été livrées hier et les villes ont été détruites.";
  t = Tagged(s);
  for (const char* form : {"livrées", "détruites"}) {
    const Token* p = Find(s, t, form);
    ASSERT_TRUE(p) << form;
    EXPECT_EQ(p->pos, Pos::kVerb) << form;
  }
}

TEST(Constraints, ParticipleEndings) {
  for (const char* w : {"signé", "signées", "détenu", "détenues", "pris", "mises", "clos", "dissous", "détruites",
                        "ouvert", "peintes", "née", "dû", "fini", "inclus"})
    EXPECT_TRUE(syntax::HasParticipleEnding(w)) << w;
  for (const char* w : {"chimiques", "physique", "fatigue", "armes", "rouge", "nationales", "livre", "demande"})
    EXPECT_FALSE(syntax::HasParticipleEnding(w)) << w;
}

TEST(Tagger, ContractionsAndLowerCaseLemmas) {
  std::string s = "Le chef du Kremlin parle aux journalistes des États-Unis.";
  std::vector<Token> t = Tagged(s);
  const Token* du = Find(s, t, "du");
  const Token* aux = Find(s, t, "aux");
  const Token* le = Find(s, t, "Le");
  ASSERT_TRUE(du && aux && le);
  EXPECT_EQ(du->pos, Pos::kAdp);
  EXPECT_EQ(du->lemma, "de");
  EXPECT_EQ(aux->pos, Pos::kAdp);
  EXPECT_EQ(aux->lemma, "à");
  EXPECT_EQ(le->lemma, "le");
  for (const Token& x : t) {
    EXPECT_EQ(x.lemma, syntax::Lower(x.lemma));
    if (x.pos != Pos::kVerb && x.pos != Pos::kAux) {
      EXPECT_EQ(x.feats, "");
    }
  }
}

TEST(Tagger, TypographicPunctuationIsPunct) {
  std::string s = "Deux dirigeants – dont le président – sont venus “hier” … ‹ oui ›";
  for (const Token& t : Tagged(s)) {
    std::string_view form = t.span.of(s);
    bool punct = form == "–" || form == "“" || form == "”" || form == "…" || form == "‹" || form == "›";
    if (punct) {
      EXPECT_EQ(t.pos, Pos::kPunct) << form;
    } else {
      EXPECT_NE(t.pos, Pos::kPunct) << form;
    }
  }
}

TEST(Tagger, RunTagsChosenSentencesInTextOrder) {
  Doc doc;
  doc.text = "Il pleut. Moscou a condamné les sanctions. Kiev répond.";
  doc.sentences = {Span{0, 9}, Span{10, 42}, Span{43, 55}};
  Tag().Run(doc, {2, 1});
  ASSERT_FALSE(doc.tokens.empty());
  EXPECT_EQ(doc.tokens.front().sentence, 1u);
  EXPECT_EQ(doc.tokens.front().span.of(doc.text), "Moscou");
  EXPECT_EQ(doc.tokens.back().sentence, 2u);
  for (size_t i = 1; i < doc.tokens.size(); i++) EXPECT_LE(doc.tokens[i - 1].span.end, doc.tokens[i].span.start);
  Doc all = doc;
  all.tokens.clear();
  Tag().Run(all);
  EXPECT_EQ(all.tokens.front().sentence, 0u);
  EXPECT_EQ(all.tokens.size(), doc.tokens.size() + 3);  // "Il" "pleut" "."
}

// A tiny hand-written treebank in CoNLL-U, for training tests.
const char kTinyConllu[] =
    "# text = Le chat dort.\n"
    "1\tLe\tle\tDET\t_\t_\t2\tdet\t_\t_\n"
    "2\tchat\tchat\tNOUN\t_\t_\t3\tnsubj\t_\t_\n"
    "3\tdort\tdormir\tVERB\t_\tMood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin\t0\troot\t_\t_\n"
    "4\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# text = Le chien du voisin a mangé.\n"
    "1\tLe\tle\tDET\t_\t_\t2\tdet\t_\t_\n"
    "2\tchien\tchien\tNOUN\t_\t_\t6\tnsubj\t_\t_\n"
    "3-4\tdu\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "3\tde\tde\tADP\t_\t_\t5\tcase\t_\t_\n"
    "4\tle\tle\tDET\t_\t_\t5\tdet\t_\t_\n"
    "5\tvoisin\tvoisin\tNOUN\t_\t_\t2\tnmod\t_\t_\n"
    "6\ta\tavoir\tAUX\t_\tMood=Ind|Tense=Pres|VerbForm=Fin\t7\taux\t_\t_\n"
    "7\tmangé\tmanger\tVERB\t_\tGender=Masc|Tense=Past|VerbForm=Part\t0\troot\t_\t_\n"
    "8\t.\t.\tPUNCT\t_\t_\t7\tpunct\t_\t_\n"
    "\n";

fs::path WriteTemp(const std::string& name, const std::string& content) {
  fs::path p = fs::temp_directory_path() / ("veille-syntax-" + std::to_string(getpid()) + "-" + name);
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST(Conllu, MultiwordTokensBecomeSurfaceWords) {
  fs::path p = WriteTemp("tiny.conllu", kTinyConllu);
  std::vector<syntax::UdSentence> s = syntax::ReadConllu(p.string());
  fs::remove(p);
  ASSERT_EQ(s.size(), 2u);
  ASSERT_EQ(s[1].size(), 7u);
  EXPECT_EQ(s[1][2].form, "du");
  EXPECT_EQ(s[1][2].pos, Pos::kAdp);
  EXPECT_EQ(s[1][2].lemma, "de");
  EXPECT_EQ(s[1][3].form, "voisin");
  EXPECT_EQ(s[0][2].feats, "Mood=Ind|Tense=Pres|VerbForm=Fin");
  EXPECT_EQ(s[1][5].feats, "Tense=Past|VerbForm=Part");
}

TEST(Conllu, MalformedLineNamesFileAndLine) {
  fs::path p = WriteTemp("bad.conllu", "1\tLe\tle\tDET\t_\t_\t2\tdet\t_\t_\n2\tchat\tchat\tNOUNISH\t_\t_\t0\troot\t_\t_\n");
  try {
    syntax::ReadConllu(p.string());
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("bad.conllu:2:"), std::string::npos) << e.what();
  }
  fs::remove(p);
  p = WriteTemp("bad-id.conllu", "x\tLe\tle\tDET\t_\t_\t2\tdet\t_\t_\n");
  try {
    syntax::ReadConllu(p.string());
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("bad-id.conllu:1: bad word id"), std::string::npos) << e.what();
  }
  fs::remove(p);
}

TEST(Training, DeterministicAndRoundTrips) {
  fs::path p = WriteTemp("tiny.conllu", kTinyConllu);
  std::vector<syntax::UdSentence> train = syntax::ReadConllu(p.string());
  fs::remove(p);
  syntax::TrainOptions o;
  o.iterations = 5;
  o.prune = 0;
  syntax::Model a = syntax::Train(train, o);
  syntax::Model b = syntax::Train(train, o);
  fs::path fa = WriteTemp("a.bin", ""), fb = WriteTemp("b.bin", "");
  a.Save(fa.string());
  b.Save(fb.string());
  EXPECT_EQ(ReadAll(fa), ReadAll(fb));
  syntax::Model loaded = syntax::Model::Load(fa.string());
  syntax::Accuracy acc = syntax::Evaluate(loaded, train);
  EXPECT_EQ(acc.upos, acc.words);  // it fits its own training data
  EXPECT_EQ(acc.lemma, acc.words);
  EXPECT_EQ(loaded.Lemma("mange", Pos::kVerb), "mange");  // no rule learnt from one word type
  fs::remove(fa);
  fs::remove(fb);
}

// Loading a damaged copy of the shipped model throws a DictError that names the file.
std::string LoadError(const std::string& bytes) {
  fs::path p = WriteTemp("model.bin", bytes);
  std::string what;
  try {
    syntax::Model::Load(p.string());
  } catch (const DictError& e) {
    what = e.what();
    EXPECT_EQ(e.file(), p.string());
  }
  fs::remove(p);
  return what;
}

TEST(Model, CorruptFilesAreDictErrors) {
  std::string good = ReadAll(DictPath("models/fr-tagger.bin"));
  ASSERT_GT(good.size(), 1000u);
  std::string flipped = good;
  flipped[flipped.size() / 2] ^= 0x40;
  EXPECT_NE(LoadError(flipped).find("checksum mismatch"), std::string::npos);
  EXPECT_NE(LoadError(good.substr(0, good.size() / 3)).find("offset"), std::string::npos);
  EXPECT_NE(LoadError("").find("not a veille tagger model"), std::string::npos);
  EXPECT_NE(LoadError("veille-tagger-model 9\n").find("unsupported model version"), std::string::npos);
  EXPECT_NE(LoadError("# a text file\n").find("not a veille tagger model"), std::string::npos);
  try {
    syntax::Model::Load("/nonexistent/fr-tagger.bin");
    FAIL();
  } catch (const DictError& e) {
    EXPECT_NE(std::string(e.what()).find("cannot open"), std::string::npos);
  }
}

TEST(Model, BadTokenizerDictionaryNamesTheLine) {
  fs::path dir = fs::temp_directory_path() / ("veille-syntax-dict-" + std::to_string(getpid()));
  fs::create_directories(dir / "syntax");
  fs::create_directories(dir / "segment");
  std::ofstream(dir / "segment" / "abbreviations.txt") << "m\n";
  std::ofstream(dir / "syntax" / "tokens.tsv") << "# comment\nelision\tl'\nelision\tqu\n";
  std::string root = DictRoot();
  SetDictRoot(dir.string());
  try {
    Tokenizer::Load();
    ADD_FAILURE() << "no error";
  } catch (const DictError& e) {
    EXPECT_EQ(e.line(), 3);
  }
  std::ofstream(dir / "syntax" / "tokens.tsv") << "clitic\t-il\nsplit\tx-y\n";
  try {
    Tokenizer::Load();
    ADD_FAILURE() << "no error";
  } catch (const DictError& e) {
    EXPECT_EQ(e.line(), 2);
    EXPECT_NE(std::string(e.what()).find("unknown kind"), std::string::npos);
  }
  SetDictRoot(root);
  fs::remove_all(dir);
}

// The shipped model on UD French-Sequoia test (not used in training): a regression floor.
TEST(Accuracy, SequoiaTestFloor) {
  fs::path test = fs::path(VEILLE_SHARED_DIR) / "ud" / "sequoia" / "fr_sequoia-ud-test.conllu";
  if (!fs::exists(test)) GTEST_SKIP() << "no " << test;
  syntax::Model m = syntax::Model::Load(DictPath("models/fr-tagger.bin"));
  syntax::Accuracy a = syntax::Evaluate(m, syntax::ReadConllu(test.string()));
  EXPECT_GT(a.words, 9000u);
  EXPECT_GE(a.Pct(a.upos, a.words), 97.0);
  EXPECT_GE(a.Pct(a.verb_feats, a.verbs), 95.5);
  EXPECT_GE(a.Pct(a.lemma, a.words), 98.0);
  EXPECT_GE(a.Pct(a.unseen_lemma, a.unseen), 85.0);
}

}  // namespace
}  // namespace veille
