#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <cstdlib>
#include <iostream>
#include <sstream>

#include "../bench/events_gold.h"
#include "core/dict_file.h"
#include "events/coder.h"
#include "output/gdelt.h"
#include "pipeline/pipeline.h"
#include "temp_dict.h"

namespace veille {
namespace {

const Pipeline& Shared() {
  static const Pipeline* p = [] {
    PipelineOptions o;
    o.language = "fr";  // one-sentence cases are too short to identify
    return new Pipeline(o);
  }();
  return *p;
}

Doc Code(const std::string& text, const std::string& date, std::vector<std::string>* trace = nullptr) {
  Doc d;
  d.id = "t";
  d.source = "test";
  d.format = "txt";
  d.original = d.text = text;
  d.date = date;
  d.date_source = "metadata";
  Shared().Run(d, trace);
  return d;
}

std::string Triples(const Doc& d) {
  std::string out;
  for (const auto& t : gold::Coded(d)) out += t.source + ">" + t.root + ">" + t.target + ">" + t.polarity + ";";
  return out;
}

TEST(Codebook, LoadsEveryCodeWithScores) {
  Codebook book = Codebook::Load();
  EXPECT_GE(book.size(), 250u);
  const CameoCode* sign = book.Find("057");
  ASSERT_NE(sign, nullptr);
  EXPECT_DOUBLE_EQ(sign->goldstein, 8.0);
  EXPECT_EQ(sign->quad, 1);
  EXPECT_EQ(sign->plover, "SUPPORT");
  const CameoCode* fight = book.Find("190");
  ASSERT_NE(fight, nullptr);
  EXPECT_EQ(fight->quad, 4);
  EXPECT_LT(fight->goldstein, -9);
  EXPECT_EQ(book.Find("999"), nullptr);
}


// A dictionary root with the real codebook and one pattern file.
void WriteVerbs(TempDict& t, const std::string& file, const std::string& content) {
  t.Copy("cameo/codes.tsv")
      .Write("verbs/fr/" + file, content)
      .Write("verbs/fr/modality.tsv", "selon\treported\tSelon Moscou, Caracas a signé.\n")
      .Write("verbs/fr/abstract-objects.tsv", "# header\ndécision\n");
}

std::string LoadError(const std::string& file, const std::string& content) {
  TempDict t;
  WriteVerbs(t, file, content);
  try {
    Codebook book = Codebook::Load();
    PatternSet::Load(book);
  } catch (const DictError& e) {
    return e.what();
  }
  return "";
}

TEST(PatternSet, ValidatesEveryLineWithFileAndLine) {
  const std::string ok = "# header\n042\tse rendre à|en [T]\tLavrov s'est rendu à Caracas.\n";
  EXPECT_EQ(LoadError("04-consult.tsv", ok), "");
  std::string e = LoadError("04-consult.tsv", ok + "0499\trencontrer [T]\tx\n");
  EXPECT_NE(e.find("04-consult.tsv:3"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown CAMEO code"), std::string::npos) << e;
  e = LoadError("04-consult.tsv", ok + "057\tsigner accord\tx\n");
  EXPECT_NE(e.find("does not belong to root 04"), std::string::npos) << e;
  e = LoadError("04-consult.tsv", ok + "042\trencontrer [X]\tx\n");
  EXPECT_NE(e.find("unknown slot"), std::string::npos) << e;
  e = LoadError("04-consult.tsv", ok + "042\tse rendre à|en [T]\tautre exemple\n");
  EXPECT_NE(e.find("duplicate pattern"), std::string::npos) << e;
  e = LoadError("04-consult.tsv", ok + "042\trencontrer [T] [T]\tx\n");
  EXPECT_NE(e.find("appears twice"), std::string::npos) << e;
  e = LoadError("04-consult.tsv", ok + "042\tvisite:n\tx\n");
  EXPECT_NE(e.find("too vague"), std::string::npos) << e;
  e = LoadError("04-consult.tsv", ok + "042\trencontrer [T:état]\tx\n");
  EXPECT_NE(e.find("unknown slot class"), std::string::npos) << e;
  EXPECT_EQ(LoadError("04-consult.tsv", ok + "043\taccueillir [T:pop]\tLe Pérou accueille des Vénézuéliens.\n"), "");
  e = LoadError("04-consult.tsv", ok + "042\trencontrer [T]\n");
  EXPECT_NE(e.find("04-consult.tsv:3"), std::string::npos) << e;
}

TEST(PatternSet, ValidatesAbstractObjects) {
  auto error = [](const std::string& content) {
    TempDict t;
    WriteVerbs(t, "04-consult.tsv", "042\tse rendre à|en [T]\tLavrov s'est rendu à Caracas.\n");
    t.Write("verbs/fr/abstract-objects.tsv", content);
    try {
      Codebook book = Codebook::Load();
      PatternSet set = PatternSet::Load(book);
      const std::string* rule = set.AbstractObject("effort");
      return rule ? *rule : std::string("loaded");
    } catch (const DictError& e) {
      return std::string(e.what());
    }
  };
  EXPECT_NE(error("# header\ndécision\neffort\n").find("abstract-objects.tsv:3"), std::string::npos);
  std::string e = error("décision\neffort\ndécision\n");
  EXPECT_NE(e.find("abstract-objects.tsv:3"), std::string::npos) << e;
  EXPECT_NE(e.find("duplicate abstract noun"), std::string::npos) << e;
  e = error("décision\nprise de position\n");
  EXPECT_NE(e.find("abstract-objects.tsv:2"), std::string::npos) << e;
  e = error("Effort\n");
  EXPECT_NE(e.find("not lower case"), std::string::npos) << e;
  EXPECT_NE(error("effort\tx\n").find("abstract-objects.tsv:1"), std::string::npos);
}

TEST(PatternSet, ParsesHeadsSlotsAndPrepositions) {
  TempDict t;
  WriteVerbs(t, "04-consult.tsv", "042\tvisite:n de [S] à|en [T]\tLa visite de Lavrov à Caracas.\n"
                                "041\ts'entretenir par téléphone avec [T]\tLavrov s'est entretenu avec Arreaza.\n");
  Codebook book = Codebook::Load();
  PatternSet set = PatternSet::Load(book);
  ASSERT_EQ(set.all().size(), 2u);
  const VerbPattern& visit = set.all()[0];
  EXPECT_TRUE(visit.noun);
  EXPECT_EQ(visit.head, "visite");
  ASSERT_EQ(visit.elements.size(), 2u);
  EXPECT_EQ(visit.elements[0].kind, PatternElement::Kind::kSource);
  EXPECT_EQ(visit.elements[0].words, std::vector<std::string>{"de"});
  EXPECT_EQ(visit.elements[1].words, (std::vector<std::string>{"à", "en"}));
  const VerbPattern& call = set.all()[1];
  EXPECT_TRUE(call.reflexive);
  EXPECT_EQ(call.head, "entretenir");
  EXPECT_EQ(set.ForHead("entretenir", false).size(), 1u);
  EXPECT_EQ(set.ForHead("visite", true).size(), 1u);
  EXPECT_TRUE(set.ForHead("visite", false).empty());
  EXPECT_EQ(set.ModalityOf("selon"), Modality::kReported);
}

// Every pattern fires on the example written beside it, so no entry is dead (153 dead when
// the test first ran, 57 on 2026-12-07, none since). A dead entry fails with its file:line,
// the example, the events coded instead and the coder's trace.
TEST(PatternSet, EveryPatternFiresOnItsExample) {
  const EventCoder coder = EventCoder::Load();
  int dead = 0;
  for (const VerbPattern& p : coder.patterns().all()) {
    bool fired = false;
    for (const char* date : {"2020-06-01", "2024-06-01", "2016-06-01"}) {
      Doc d = Code(p.example, date);
      for (const Event& e : d.events)
        if (e.rule == p.rule) fired = true;
      if (fired) break;
    }
    if (fired) continue;
    ++dead;
    std::vector<std::string> trace;
    Doc d = Code(p.example, "2020-06-01", &trace);
    std::string instead;
    for (const Event& e : d.events) instead += " " + e.code + " (" + e.rule + ")";
    std::string why;
    for (const auto& l : trace) why += "\n    " + l;
    ADD_FAILURE() << p.rule << " '" << p.text << "' did not fire on its example: " << p.example
                  << "\n  coded instead:" << (instead.empty() ? " nothing" : instead) << why;
  }
  EXPECT_EQ(dead, 0);
}

struct Case {
  const char* text;
  const char* date;
  const char* expected;  // "SRC>ROOT>TGT>polarity;" sorted as gold::Coded sorts them
};

class Structure : public testing::TestWithParam<Case> {};

TEST_P(Structure, SourceTargetAndPolarity) {
  const Case& c = GetParam();
  std::vector<std::string> trace;
  Doc d = Code(c.text, c.date, &trace);
  std::string why;
  for (const auto& l : trace) why += "\n    " + l;
  EXPECT_EQ(Triples(d), c.expected) << c.text << why;
}

INSTANTIATE_TEST_SUITE_P(
    Events, Structure,
    testing::Values(
        // Subject before the verb, direct object.
        Case{"Moscou a menacé Washington de représailles.", "2019-03-01", "RUS>13>USA>asserted;"},
        // Coordinated subjects, no target: both directions.
        Case{"La Russie et le Venezuela ont signé mercredi un accord de coopération.", "2019-03-01",
             "RUS>05>VEN>asserted;VEN>05>RUS>asserted;"},
        // Passive with agent.
        Case{"Le Venezuela a été menacé par les États-Unis.", "2019-03-01", "USA>13>VEN>asserted;"},
        // Negation.
        Case{"La Russie n'a pas signé l'accord avec l'Ukraine.", "2019-03-01", "RUS>05>UKR>negated;"},
        // Conditional.
        Case{"La Chine pourrait condamner le Japon.", "2019-03-01", "CHN>11>JPN>hypothetical;"},
        // Denial of an infinitive.
        Case{"Le Kremlin a démenti avoir livré des armes au Venezuela.", "2019-03-01", "RUS>07>VEN>denied;"},
        // Relative clause: the antecedent of "qui".
        Case{"Sergueï Lavrov, qui a rencontré Nicolás Maduro, est rentré à Moscou.", "2019-03-01",
             "RUS>04>VEN>asserted;"},
        // Incise between commas before the verb.
        Case{"Nicolás Maduro, le président vénézuélien, a reçu Sergueï Lavrov à Caracas.", "2019-03-01",
             "VEN>04>RUS>asserted;"},
        // "auprès de" is one preposition: its "de" opens no "de [T]" slot ("se plaindre de [T]").
        Case{"Tokyo s'est plaint auprès de Pékin.", "2019-03-01", "JPN>11>CHN>asserted;"},
        Case{"Juan Guaidó a plaidé sa cause auprès de l'Union européenne.", "2019-03-01", "VEN>02>IGOEUREEC>asserted;"},
        // Media are never actors.
        Case{"L'AFP a critiqué la Russie.", "2019-03-01", ""},
        // Nothing to code.
        Case{"Il a fait beau mercredi à Caracas.", "2019-03-01", ""},
        // A subject pronoun in the next sentence; an object clitic.
        Case{"Nicolás Maduro a reçu mardi Sergueï Lavrov. Il l'a remercié pour son soutien.", "2021-05-05",
             "VEN>04>RUS>asserted;VEN>05>RUS>asserted;"},
        // A commitment to a cooperative act is an intent event.
        Case{"Le Venezuela a promis de livrer du pétrole à Cuba.", "2021-05-05", "VEN>03>CUB>asserted;"},
        // A threatened act is a threat.
        Case{"Le Mali menace d'expulser les diplomates français.", "2021-05-05", "MLI>13>FRA>asserted;"},
        // Protest without a named target: domestic.
        Case{"Des milliers de Colombiens ont manifesté mardi à Bogota.", "2021-05-05", "COL>14>COL>asserted;"},
        // A pattern without a target slot takes the next actor.
        Case{"La France a levé les sanctions visant le secteur bancaire iranien.", "2021-05-05",
             "FRA>08>IRN>asserted;"},
        // Passive whose subject phrase has a prepositional complement before the verb.
        Case{"L'offre russe de cessez-le-feu pour la période des fêtes a été rejetée par Kiev.", "2023-01-06",
             "UKR>12>RUS>asserted;"},
        // "dont": the subject's possessor is the antecedent.
        Case{"Juan Guaidó, dont le garde du corps a été arrêté par le Sebin, est resté silencieux.", "2021-03-01",
             "VEN>17>VEN>asserted;"},
        // Fronted verb, inverted subject after a time word and a place complement.
        Case{"Se sont rencontrés mardi à Genève les ministres des Affaires étrangères de la Russie et de la Chine.",
             "2019-03-01", "CHN>04>RUS>asserted;RUS>04>CHN>asserted;"},
        // The addressee named in the reporting clause is the target.
        Case{"« Nous exigeons des excuses », a déclaré Sergueï Lavrov à l'adresse de Berlin.", "2019-03-01",
             "RUS>10>DEU>asserted;"},
        // The passive's subject holds the pattern's object word.
        Case{"De nouvelles sanctions ont été imposées au Nicaragua par les États-Unis.", "2019-03-01",
             "USA>16>NIC>asserted;"},
        // A fronted past participle is done to the main clause's subject.
        Case{"Reçu au Kremlin par Vladimir Poutine, Nicolás Maduro a parlé de pétrole.", "2019-03-01",
             "RUS>04>VEN>asserted;"},
        // A nominal event with its demonym agent inside another event's object; a negative subject.
        Case{"Ni Paris ni Londres n'ont condamné les frappes russes contre l'Ukraine.", "2022-03-01",
             "FRA>11>RUS>negated;GBR>11>RUS>negated;RUS>19>UKR>asserted;"},
        // A participle's agent is not the one of the next verb group.
        Case{"Une plainte visant l'armée russe a été déposée par la justice ukrainienne.", "2022-03-01", ""},
        // A short quoted phrase inside the clause.
        Case{"Berlin a dénoncé « les provocations » de Moscou en mer Baltique.", "2021-03-01", "DEU>11>RUS>asserted;"},
        // A place complement before the direct object.
        Case{"La police péruvienne a arrêté à Lima trois membres du Tren de Aragua.", "2024-01-01",
             "PER>17>VEN>asserted;"},
        // "sans" + infinitive: the main clause's subject, negated.
        Case{"L'Inde n'a pas condamné l'invasion, sans pour autant rompre avec Kiev.", "2022-03-01",
             "IND>16>UKR>negated;"},
        // "de [T]" after a pattern noun is also its demonym: "l'ambassadeur biélorusse".
        Case{"La Pologne a convoqué l'ambassadeur biélorusse.", "2022-03-01", "POL>11>BLR>asserted;"},
        // One verb, two roots by the object's class: a population is received (075), a
        // person or state hosted (043); in the passive too.
        Case{"L'Équateur a accueilli des milliers de Vénézuéliens.", "2019-03-01", "ECU>07>VEN>asserted;"},
        Case{"Des milliers de Syriens ont été accueillis par la Turquie.", "2019-03-01", "TUR>07>SYR>asserted;"},
        Case{"L'Équateur a accueilli Nicolás Maduro.", "2019-03-01", "ECU>04>VEN>asserted;"},
        // A nominal event in an adjunct does not take the clause's subject as agent, unless
        // a possessive says so.
        Case{"Berlin menace Moscou de sanctions en cas d'invasion de la Géorgie.", "2021-03-01",
             "DEU>13>RUS>asserted;"},
        Case{"Le Hamas a tué trois soldats lors de son attaque contre Israël.", "2021-03-01",
             "PSE>19>ISR>asserted;"},
        // The second of two coordinated verbs has the first one's subject, not its object;
        // a bare participle after "et" shares the first verb's auxiliary.
        Case{"La Russie a rencontré l'Ukraine et a signé un accord avec la Chine.", "2021-03-01",
             "RUS>04>UKR>asserted;RUS>05>CHN>asserted;"},
        Case{"Le Mali a dénoncé l'accord de défense avec la France et expulsé l'ambassadeur français.",
             "2022-03-01", "MLI>12>FRA>asserted;MLI>16>FRA>asserted;"},
        // A noun phrase's actor is its head's, not one of its "de" complements.
        Case{"Téhéran menace d'attaquer les navires américains du golfe d'Oman.", "2021-03-01",
             "IRN>13>USA>asserted;"},
        // An agentless passive reported by an actor is that actor's act, except violence.
        Case{"Des renseignements ont été fournis à la Colombie, a indiqué le Pentagone.", "2021-03-01",
             "USA>06>COL>asserted;"},
        Case{"Trois soldats ont été tués à la frontière, a indiqué l'armée colombienne.", "2021-03-01", ""},
        // Force used on a place abroad with no actor named: the place's country is the target;
        // at home, the act stays domestic.
        Case{"Des soldats russes ont massacré des civils à Kharkiv.", "2022-03-01", "RUS>20>UKR>asserted;"},
        Case{"Des soldats russes ont massacré des civils à Moscou.", "2022-03-01", "RUS>20>RUS>asserted;"},
        // A possessive in an adjunct: the noun's agent is the clause's subject, however far its verb.
        Case{"Emmanuel Macron a salué le partenariat avec la Chine lors de sa visite à Pékin.", "2023-04-01",
             "FRA>04>CHN>asserted;FRA>05>CHN>asserted;"},
        // Agentless passives: the participants after "entre" each way; a meeting's seat of power.
        Case{"Un accord de libre-échange a été signé entre le Chili et la Corée du Sud.", "2023-04-01",
             "CHL>05>KOR>asserted;KOR>05>CHL>asserted;"},
        Case{"Les dirigeants du Hezbollah ont été reçus mardi à Téhéran.", "2023-04-01", "IRN>04>LBN>asserted;"},
        // Multi-word prepositions stand for the pattern's preposition.
        Case{"La Russie a adopté des sanctions à l'encontre de la Pologne.", "2023-04-01", "RUS>16>POL>asserted;"},
        Case{"L'Iran a tiré des missiles en direction d'Israël.", "2024-04-14", "IRN>19>ISR>asserted;"},
        // A fronted verb whose inverted subject follows its object and a complement.
        Case{"Ont signé un accord de coopération à Pékin la Chine et le Brésil.", "2023-04-01",
             "BRA>05>CHN>asserted;CHN>05>BRA>asserted;"},
        // A present participle after a comma has the main clause's subject.
        Case{"La Pologne a fermé sa frontière, accusant la Biélorussie d'orchestrer la crise.", "2021-11-10",
             "POL>11>BLR>asserted;"},
        // A capital from the generated section of metonyms.tsv (dict/tools/gen-capitals.py) stands for its state.
        Case{"Bamako a rompu ses relations diplomatiques avec Paris.", "2022-03-01", "MLI>16>FRA>asserted;"},
        // Round 5 of 2026-12-07: "selon" + the participant's own voice is no hearsay; a
        // target's coordinated demonyms; the maker is no agent; a compound verb after "et"
        // pairs with the compound one (not the relative's verb) and has its own object; a time
        // adjunct holds no slot; a country after "au" is the place force is used on;
        // guillemets around a term are no quotation; an appositive relative has its own
        // participants; "tous les" opens one phrase.
        Case{"Les Houthis ont menacé de riposter aux frappes américaines et britanniques, selon leur porte-parole.",
             "2024-01-12", "YEM>13>GBR>asserted;YEM>13>USA>asserted;"},
        Case{"Les Houthis ont menacé de riposter aux frappes américaines, selon leur entourage.", "2024-01-12",
             "YEM>13>USA>reported;"},
        Case{"Un drone de fabrication iranienne s'est écrasé sur un village ukrainien.", "2023-05-01", ""},
        Case{"Séoul a critiqué un accord qui menace la paix et a convoqué l'ambassadeur de Russie.", "2024-06-20",
             "KOR>11>RUS>asserted;"},
        Case{"Londres a annoncé des sanctions contre la Russie après la mort d'un opposant au Kremlin.", "2024-02-23",
             "GBR>16>RUS>asserted;"},
        Case{"Le Royaume-Uni a frappé des cibles militaires au Yémen.", "2024-01-12", "GBR>19>YEM>asserted;"},
        Case{"Pékin a riposté en annonçant des droits de douane sur tous les produits américains.", "2025-04-04",
             "CHN>16>USA>asserted;"},
        // Round 6: the members a verbless "dont" apposition names are the subject; an
        // accusation's object is not coded (gold rule 8), up to the next finite verb.
        Case{"Plusieurs pays, dont la France et l'Allemagne, ont dépêché des sauveteurs en Turquie.", "2023-02-07",
             "DEU>07>TUR>asserted;FRA>07>TUR>asserted;"},
        Case{"Le Canada a accusé l'Inde d'être impliquée dans l'assassinat d'un militant.", "2023-09-18",
             "CAN>11>IND>asserted;"},
        Case{"L'État hébreu a rappelé son ambassadeur au Brésil.", "2024-02-20", "ISR>16>BRA>asserted;"},
        // Round 7: a claim by a participant is asserted; a weapon's demonym in another act's
        // object is its maker; "s'opposer à" rejects the act it governs.
        Case{"Le Pakistan a affirmé avoir abattu cinq avions de combat indiens.", "2025-05-07",
             "PAK>19>IND>asserted;"},
        Case{"L'Ukraine a tiré des missiles américains sur le territoire russe.", "2024-11-19", "UKR>19>RUS>asserted;"},
        Case{"La France s'oppose à la signature d'un accord avec le Mercosur.", "2024-12-06",
             "FRA>12>IGOSAMBUS>asserted;"},
        Case{"La Colombie a d'abord refusé d'accueillir des avions militaires américains.", "2025-01-26",
             "COL>12>USA>asserted;"},
        // Round 8: an accusation in apposition is the main subject's; a relative clause inside
        // an accusation is the accused act; ending a cooperation the verb names codes only the
        // ending; "pour la première fois" between a verb and its infinitive.
        Case{"Le Mali a rompu ses relations avec l'Ukraine, accusée de soutenir des rebelles.", "2024-08-04",
             "MLI>11>UKR>asserted;MLI>16>UKR>asserted;"},
        Case{"Le Kosovo a accusé Belgrade d'avoir soutenu le commando qui a attaqué la police kosovare.", "2023-09-24",
             "KSV>11>SRB>asserted;"},
        Case{"Washington a suspendu son partenariat stratégique avec la Géorgie.", "2024-11-30", "USA>16>GEO>asserted;"},
        Case{"L'Iran a reconnu pour la première fois avoir livré des drones à la Russie.", "2022-11-05",
             "IRN>07>RUS>asserted;"},
        // Accepting to yield is the yield; accepting to meet is still to be done.
        Case{"L'Arménie a accepté de rétrocéder quatre villages à l'Azerbaïdjan.", "2024-04-19", "ARM>08>AZE>asserted;"},
        // A list closed by "et" fills the slot with every member.
        Case{"Washington a invité le Venezuela, Cuba et le Nicaragua au sommet.", "2022-06-01",
             "USA>04>CUB>asserted;USA>04>NIC>asserted;USA>04>VEN>asserted;"},
        Case{"Vladimir Poutine a lancé une « opération militaire spéciale » en Ukraine.", "2022-02-24",
             "RUS>19>UKR>asserted;"},
        Case{"Vladimir Poutine ne s'est pas rendu à Istanbul, où les délégations russe et ukrainienne se sont rencontrées.",
             "2025-05-16", "RUS>04>TUR>negated;RUS>04>UKR>asserted;UKR>04>RUS>asserted;"},

        // Round 9: a court's sentence on its own national is domestic; an appositive past
        // participle names its own participants; humanitarian access is let into a place;
        // "les Vingt-Sept" is the EU; ruling out a ceasefire is a refusal; imports stopped
        // "en provenance de" a country.
        Case{"Un tribunal de Minsk a condamné une opposante biélorusse à onze ans de prison.", "2021-09-06",
             "BLR>11>BLR>asserted;"},
        Case{"Des milliers de Géorgiens ont manifesté contre le gouvernement, accusé de s'éloigner de l'Union européenne.",
             "2024-12-01", "GEO>14>GEO>asserted;"},
        Case{"L'Égypte a laissé passer une centaine de camions d'aide humanitaire vers Gaza.", "2023-10-21",
             "EGY>08>PSE>asserted;"},
        Case{"Les Vingt-Sept ont adopté des sanctions contre la Biélorussie.", "2021-06-24", "IGOEUREEC>16>BLR>asserted;"},
        Case{"Le Hamas a exclu toute trêve.", "2024-02-07", "PSE>12>->asserted;"},
        Case{"La Chine a suspendu ses importations de bœuf en provenance d'Australie.", "2025-02-14",
             "CHN>16>AUS>asserted;"},

        // Round 10: a place name before the direct object ("a reçu à Camp David X"); a nominal
        // act on "son territoire" is aimed at the clause's subject.
        Case{"Joe Biden a reçu à Camp David le président sud-coréen.", "2023-08-18", "USA>04>KOR>asserted;"},
        // The forces' demonym after "de" is the agent of a use of force named by a noun.
        Case{"La Pologne a protesté après l'incursion de drones russes dans son espace aérien.", "2024-01-01",
             "RUS>15>POL>asserted;"},
        // Round 11: sanctions named by their lifting are not imposed; a meeting "not ruled out"
        // is possible; an absolute participial clause names its own participants.
        Case{"Donald Trump a annoncé la levée des sanctions américaines contre la Syrie.", "2025-05-14",
             "USA>08>SYR>asserted;"},
        Case{"Le Kremlin n'a pas exclu une rencontre entre Vladimir Poutine et Volodymyr Zelensky.", "2025-03-20",
             "RUS>04>UKR>hypothetical;UKR>04>RUS>hypothetical;"},
        Case{"Le Conseil de sécurité de l'ONU a exigé un cessez-le-feu immédiat, les États-Unis s'étant abstenus.",
             "2024-03-25", "IGOUNO>10>->asserted;"},
        // A comma before a finite verb group closes the relative: its slot is not looked for after.
        Case{"Nayib Bukele, qui a fait arrêter des membres de gangs, a rejeté les critiques de l'ONU.", "2024-03-04",
             "SLV>12>IGOUNO>asserted;SLV>17>SLV>asserted;"},
        // A medium's reporting clause is hearsay.
        Case{"Xi Jinping a reçu Vladimir Poutine à Pékin, a rapporté l'agence Chine nouvelle.", "2024-05-16",
             "CHN>04>RUS>reported;"},
        // "sont convenus de" is not a passive.
        Case{"L'Inde et le Pakistan sont convenus d'un cessez-le-feu, a annoncé Donald Trump.", "2025-05-10",
             "IND>08>PAK>asserted;PAK>08>IND>asserted;"},
        Case{"Le Pakistan a rappelé son ambassadeur après des frappes iraniennes sur son territoire.", "2024-01-16",
             "IRN>19>PAK>asserted;PAK>16>IRN>asserted;"},

        Case{"Manille a convoqué l'ambassadeur chinois.", "2023-03-01", "PHL>11>CHN>asserted;"},
        // A meeting asked for has not happened: only the demand is an event, aimed at both
        // coordinated participants.
        Case{"Le Kremlin réclame une rencontre entre Joe Biden et Xi Jinping.", "2021-03-01",
             "RUS>10>CHN>asserted;RUS>10>USA>asserted;"},
        // A material act whose object names no actor is still an act: each coordinated
        // source alone; domestic for violence at home; the place's country abroad, each
        // source on its own; a statement about no actor is no event.
        Case{"Kiev et Varsovie enquêtent sur la chute d'un drone.", "2022-11-20",
             "POL>09>->asserted;UKR>09>->asserted;"},
        Case{"Des policiers vénézuéliens ont torturé des étudiants.", "2021-03-01", "VEN>18>VEN>asserted;"},
        Case{"Les armées russe et syrienne ont bombardé les quartiers rebelles d'Alep.", "2016-10-01",
             "RUS>19>SYR>asserted;SYR>19>SYR>asserted;"},
        Case{"La Russie a évoqué la situation au Venezuela.", "2021-03-01", ""},
        // The slot names the source's own state again: a domestic act, not the next actor.
        Case{"Des exilés vénézuéliens ont manifesté devant l'ambassade du Venezuela à Madrid contre l'accord "
             "pétrolier avec la Chine.",
             "2021-03-01", "VEN>14>VEN>asserted;"},
        // A noun subject of a passive is done by the passive's agent, or by the agent of a
        // participle in apposition; not when the verb judges it ("saluée par").
        Case{"Une enquête sur le naufrage d'un ferry a été ouverte par la justice italienne.", "2021-03-01",
             "ITA>09>->asserted;"},
        Case{"La suspension des relations diplomatiques avec le Pérou, décidée mardi par Caracas, entre en vigueur.",
             "2021-03-01", "VEN>16>PER>asserted;"},
        Case{"L'enquête sur la Russie a été saluée par Kiev.", "2021-03-01", "UKR>05>RUS>asserted;"},
        // A future act reported by a commitment is an intent; by a plain statement it stays
        // hypothetical. A regular future the tagger reads as a present is still a future.
        Case{"La Chine soutiendra l'Argentine, a promis Xi Jinping.", "2023-03-01", "CHN>03>ARG>asserted;"},
        Case{"La Chine soutiendra l'Argentine, a déclaré Xi Jinping.", "2023-03-01", "CHN>05>ARG>hypothetical;"},
        Case{"« Nous livrerons des armes à l'Ukraine », a promis le chancelier allemand.", "2023-03-01",
             "DEU>03>UKR>asserted;"},
        // The subject of a reaction (disapproval, protest) does not do the act its object
        // names; the subject of an announcement does.
        Case{"La Russie a dénoncé l'envoi de chars à l'Ukraine.", "2023-03-01", ""},
        Case{"La Russie a annoncé l'envoi de chars au Venezuela.", "2023-03-01",
             "RUS>01>VEN>asserted;RUS>07>VEN>asserted;"},
        // A non-governmental body reporting arrests did not make them.
        Case{"Selon Amnesty International, trente opposants ont été arrêtés à Minsk.", "2021-03-01", ""},
        // An object relative: the antecedent holds the pattern's object words or is the
        // direct object.
        Case{"L'aide que la Chine a envoyée à Cuba est arrivée mardi.", "2021-03-01", "CHN>07>CUB>asserted;"},
        Case{"Les diplomates russes que la Pologne a expulsés sont rentrés à Moscou.", "2021-03-01",
             "POL>16>RUS>asserted;"},
        // A passive subject holds the pattern's word and the slot after it.
        Case{"Les ambassadeurs de France et d'Allemagne ont été convoqués par Moscou.", "2021-03-01",
             "RUS>11>DEU>asserted;RUS>11>FRA>asserted;"},
        // A dative clitic fills "à [T]" with the last actor of another state named before.
        Case{"Nicolás Maduro a reçu Sergueï Lavrov. La Russie lui a livré des armes.", "2021-03-01",
             "RUS>07>VEN>asserted;VEN>04>RUS>asserted;"},
        // An act asked of the request's object has not happened.
        Case{"Paris a demandé à Moscou de retirer ses troupes d'Ukraine.", "2022-03-01", "FRA>02>RUS>asserted;"},
        // The object is an act named with its agent: the agent is the target.
        Case{"Les ministres des Affaires étrangères du G7 ont condamné l'annexion de la Crimée par la Russie.",
             "2014-03-20", "IGOGOS>11>RUS>asserted;"},
        // "Nous" in a quotation whose speaker is not linked as a whole: the actor inside it.
        Case{"« Nous condamnons fermement les frappes israéliennes », a déclaré le ministère iranien des "
             "Affaires étrangères.",
             "2024-04-01", "IRN>11>ISR>asserted;"},
        // A fallback target is not taken from another clause ("alors que", "tandis que").
        Case{"Le Venezuela a levé les restrictions, alors que la Colombie a fermé sa frontière.", "2024-04-01",
             "VEN>08>->asserted;"},
        // Anaphoric subjects: "les deux dirigeants" are the last two actors of different
        // states named before, "ce dernier" the last actor.
        Case{"Xi Jinping s'est rendu à Moscou. Les deux dirigeants ont signé un accord de coopération.", "2023-03-21",
             "CHN>04>RUS>asserted;CHN>05>RUS>asserted;RUS>05>CHN>asserted;"},
        Case{"Antony Blinken a rencontré Wang Yi. Ce dernier a dénoncé les restrictions américaines.", "2023-03-21",
             "CHN>11>USA>asserted;USA>04>CHN>asserted;"},
        // The act an accusation blames its object for is alleged: not coded.
        Case{"Kiev a accusé Moscou d'avoir bombardé une maternité à Marioupol.", "2022-03-10", "UKR>11>RUS>asserted;"},
        // An adjunct between commas after the verb is passed over by the pattern.
        Case{"La Russie a signé mardi, lors d'une cérémonie au Kremlin en présence de nombreux responsables, un "
             "accord avec la Chine.",
             "2023-03-21", "RUS>05>CHN>asserted;"},
        // A noun head the tagger reads as an adjective after another noun ("vastes/NOUN
        // manœuvres/ADJ") is still a noun head.
        Case{"Moscou a lancé mardi de vastes manœuvres militaires près de la Finlande.", "2023-03-21",
             "RUS>15>FIN>asserted;"},
        // A material act in the passive whose subject names no actor.
        Case{"Plusieurs villages ont été bombardés par l'aviation syrienne.", "2016-03-21", "SYR>19>->asserted;"},
        // Enumerated subjects: every conjunct is a source.
        Case{"Washington, Londres et Paris ont condamné la Corée du Nord.", "2023-03-21",
             "FRA>11>PRK>asserted;GBR>11>PRK>asserted;USA>11>PRK>asserted;"},
        // An incise between the auxiliary and the participle.
        Case{"La Russie a, selon le Pentagone, livré des missiles à l'Iran.", "2023-03-21", "RUS>07>IRN>reported;"},
        // A preposition inside a proper name opens no slot; a relative "où" closes the
        // pattern window; a noun in an incise after a phrase is that phrase's act.
        Case{"Sergueï Lavrov, en visite en Afrique du Sud où il doit participer au sommet des BRICS, a "
             "rencontré Cyril Ramaphosa.",
             "2023-08-21", "RUS>04>ZAF>asserted;"},
        // A condition ("si …") is no event; a concession ("même si …") is.
        Case{"La Russie a averti qu'elle réagirait si l'OTAN déployait des troupes en Ukraine.", "2023-08-21", ""},
        Case{"Même si la Chine a signé un accord avec le Brésil, les tensions persistent.", "2023-08-21",
             "CHN>05>BRA>asserted;"},
        // A past participle right after a noun head gives the noun its agent.
        Case{"L'offensive lancée par la Russie contre l'Ukraine entre dans sa troisième année.", "2024-03-01",
             "RUS>19>UKR>asserted;"},
        // A past participle after its noun finds the pattern's object word in that noun.
        Case{"Les armes livrées par l'Iran à la Russie ont été utilisées en Ukraine.", "2024-03-01",
             "IRN>07>RUS>asserted;"},
        Case{"L'accord signé mardi par la Russie et la Chine prévoit des livraisons de gaz.", "2024-03-01",
             "CHN>05>RUS>asserted;RUS>05>CHN>asserted;"},
        // A passive's subject noun keeps its infinitive complement: its actor is the noun's.
        Case{"La décision de la Hongrie de quitter la Cour pénale internationale a été critiquée par Berlin.",
             "2025-04-03", "DEU>11>HUN>asserted;"},
        // A participle right after a noun names the noun's agent over the clause's subject.
        Case{"Zelensky a salué l'aide militaire fournie par Washington à l'Ukraine.", "2023-04-03",
             "UKR>05>USA>asserted;USA>07>UKR>asserted;"},
        // Rebels and their state's forces are two sides for a fallback target.
        Case{"Les Houthis ont revendiqué l'attaque qui a visé une caserne de l'armée yéménite.", "2023-04-03",
             "YEM>01>YEM>asserted;"},
        // A manner complement (preposition and bare noun) before the direct object is passed over.
        Case{"Téhéran a condamné avec fermeté le raid israélien.", "2024-04-03", "IRN>11>ISR>asserted;"},
        Case{"Paris a dénoncé sans ambiguïté l'annexion de la Crimée par la Russie.", "2024-04-03",
             "FRA>11>RUS>asserted;"},
        // Ways of stating an act found by probing sentences we wrote: coordinated subjects
        // opening talks, "poursuivre" over talks and strikes (not a prosecution), "parapher".
        Case{"Ankara et Moscou ont engagé des négociations sur le corridor céréalier.", "2024-04-03",
             "RUS>04>TUR>asserted;TUR>04>RUS>asserted;"},
        Case{"Paris et Berlin poursuivent leurs discussions sur le budget européen.", "2024-04-03",
             "DEU>04>FRA>asserted;FRA>04>DEU>asserted;"},
        Case{"Israël poursuit ses frappes sur le Liban.", "2024-04-03", "ISR>19>LBN>asserted;"},
        Case{"L'Inde a paraphé un contrat avec la France pour l'achat de sous-marins.", "2024-04-03",
             "IND>05>FRA>asserted;"},
        Case{"Des missiles russes se sont abattus sur l'Ukraine dans la nuit.", "2024-04-03", "RUS>19>UKR>asserted;"},
        // A noun in an incise after the verb's object is that object's act, not the subject's.
        Case{"Lula a reçu à Brasilia le président chinois, en visite d'État au Brésil.", "2024-04-03",
             "BRA>04>CHN>asserted;CHN>04>BRA>asserted;"},
        // The act an actor is accused of in a participle or passive ("l'Iran, accusé de…") is alleged;
        // the accusation in apposition is the main subject's (gold g899, g922).
        Case{"Washington a imposé mardi de nouvelles sanctions à l'Iran, accusé de fournir des drones à la Russie.",
             "2024-04-03", "USA>11>IRN>asserted;USA>16>IRN>asserted;"},
        Case{"Washington a sanctionné l'Iran, qui est accusé de livrer des missiles à la Russie.", "2024-04-03",
             "USA>16>IRN>asserted;"},
        // Ruling an act out ("exclure", "écarter") refuses it: 120; "n'a pas exclu" keeps it hypothetical.
        Case{"Moscou a exclu toute négociation avec Kiev.", "2024-04-03", "RUS>12>UKR>asserted;"},
        Case{"Washington a écarté de lever les sanctions contre la Russie.", "2024-04-03", "USA>12>RUS>asserted;"},
        Case{"Moscou n'a pas exclu de négocier avec Kiev.", "2024-04-03", "RUS>04>UKR>hypothetical;"},
        // An embargo on a product named by its country's demonym; downgraded relations.
        Case{"L'Union européenne a décrété un embargo sur le pétrole russe.", "2024-04-03", "IGOEUREEC>16>RUS>asserted;"},
        Case{"Pékin a rétrogradé ses relations diplomatiques avec la Lituanie.", "2024-04-03", "CHN>16>LTU>asserted;"},
        // A subject phrase naming no actor before an incise: the object is no inverted subject.
        Case{"Le 4 novembre, des étudiants radicaux, partisans du guide suprême, ont envahi l'ambassade des États-Unis à Téhéran.",
             "2024-04-03", ""},
        // A slot is not looked for past an infinitive that is not the pattern's word.
        Case{"L'ONU a lancé un appel aux donateurs pour financer l'aide aux réfugiés syriens.", "2023-04-03", ""},
        // A reflexive of coordinated subjects is reciprocal: each is the other's object; the
        // act they blame each other for is alleged.
        Case{"L'Inde et le Pakistan se sont accusés de violer le cessez-le-feu.", "2023-04-03",
             "IND>11>PAK>asserted;PAK>11>IND>asserted;"},
        // "de la part de X" names an agent like "par X"; the act a reaction is about keeps
        // its own agent.
        Case{"Pékin a protesté contre les livraisons d'armes de la part de Washington à Taïwan.", "2023-04-03",
             "CHN>11>USA>asserted;USA>07>TWN>asserted;"},
        // An act without an actor target asked for is the request only.
        Case{"Le Haut-Commissariat de l'ONU aux droits de l'homme a réclamé l'ouverture d'enquêtes indépendantes "
             "sur les violences.",
             "2023-04-03", "IGOUNO>10>->asserted;"},
        // The source's own state named again is domestic only for the domestic roots.
        Case{"La Russie a livré des armes à Moscou.", "2023-04-03", "RUS>07>->asserted;"},
        // "d'après X" reports like "selon X", and its X is no fallback target.
        Case{"La Russie a levé ses restrictions, d'après Washington.", "2023-04-03", "RUS>08>->reported;"},
        // A material act whose object names no actor is domestic only when that object is
        // not abstract (dict/verbs/fr/abstract-objects.tsv): "arrêter sa décision",
        // "poursuivre ses efforts" are no arrest or prosecution, "exécuter un plan" no killing.
        Case{"Washington a arrêté sa décision.", "2023-04-03", ""},
        Case{"Les diplomates russes poursuivent leurs efforts.", "2023-04-03", ""},
        Case{"Ankara poursuit sa politique de rapprochement.", "2023-04-03", ""},
        Case{"L'armée syrienne a exécuté le plan de l'état-major.", "2023-04-03", ""},
        Case{"La décision a été arrêtée par Washington.", "2023-04-03", ""},
        Case{"La police russe a arrêté des manifestants.", "2023-04-03", "RUS>17>RUS>asserted;"},
        Case{"La police russe a arrêté des passants devant la gare.", "2023-04-03", "RUS>17>RUS>asserted;"},
        Case{"Les soldats syriens ont torturé des militaires détenus.", "2023-04-03", "SYR>18>SYR>asserted;"},
        // The partitive "des" the tagger reads as a preposition still opens a direct object
        // ("passer à tabac [T]"); after a noun head it stays the preposition de + les.
        Case{"La police vénézuélienne passe à tabac des opposants colombiens.", "2023-04-03", "VEN>18>COL>asserted;"},
        Case{"Un retrait des troupes russes a été exigé par l'Assemblée générale des Nations unies.", "2023-02-23",
             "IGOUNO>10>RUS>asserted;"},
        // Patterns found missing on the fresh dev items (gold.tsv g399-): coordinated subjects
        // without a target exchange prisoners or share intelligence both ways; a phone call
        // "entre X et Y" is reciprocal; a refusal of concessions or of entry; chemical agents
        // by name; a request for troops sent.
        Case{"L'Arménie et l'Azerbaïdjan ont échangé 40 prisonniers.", "2023-04-03",
             "ARM>08>AZE>asserted;AZE>08>ARM>asserted;"},
        Case{"La Colombie et l'Équateur partagent des renseignements.", "2023-04-03",
             "COL>06>ECU>asserted;ECU>06>COL>asserted;"},
        Case{"Le Kremlin a fait état d'une conversation téléphonique entre Vladimir Poutine et Narendra Modi.",
             "2024-07-03", "IND>04>RUS>asserted;RUS>04>IND>asserted;"},
        Case{"Le Soudan a autorisé l'accès des humanitaires au Darfour.", "2023-04-03", "SDN>08>->asserted;"},
        Case{"Taïwan rejette toute concession territoriale à la Chine.", "2023-04-03", "TWN>12>CHN>asserted;"},
        Case{"Le Venezuela a refusé l'entrée sur son territoire à une délégation de l'ONU.", "2023-04-03",
             "VEN>12>IGOUNO>asserted;"},
        Case{"L'armée syrienne a utilisé du sarin contre des opposants.", "2023-04-03", "SYR>20>SYR>asserted;"},
        Case{"Le Mali a demandé l'envoi de troupes étrangères.", "2023-04-03", "MLI>02>->asserted;"},
        // More of them: a nominal restoration of relations, a supply contract between
        // companies is commerce (061, not an agreement), air-defence systems sent, an appeal to
        // lift trade barriers.
        Case{"Le Qatar et Bahreïn ont annoncé le rétablissement de leurs relations diplomatiques.", "2023-04-03",
             "BHR>05>QAT>asserted;QAT>05>BHR>asserted;"},
        Case{"Rosneft a signé un contrat de livraison de pétrole avec la compagnie indienne.", "2023-04-03",
             "RUS>06>IND>asserted;"},
        Case{"Paris a approuvé l'envoi de systèmes antiaériens à l'Ukraine.", "2023-04-03", "FRA>07>UKR>asserted;"},
        Case{"Le Brésil a appelé à la levée des barrières douanières.", "2023-04-03", "BRA>02>->asserted;"},
        // The source's own population named by a demonym in the slot of a domestic root is a
        // domestic act, as when no target is named.
        Case{"La police vénézuélienne passe à tabac des opposants vénézuéliens.", "2023-04-03", "VEN>18>VEN>asserted;"},
        Case{"L'armée syrienne a utilisé du chlore contre des civils syriens.", "2023-04-03", "SYR>20>SYR>asserted;"},
        // Easing a curfew or a state of emergency without a named target is done at home.
        Case{"Le gouvernement péruvien a levé le couvre-feu.", "2023-04-03", "PER>08>PER>asserted;"},
        // A nominal act with its "par [S]" agent inside another event's object is an event too.
        Case{"Londres a jugé inacceptable la détention d'un ressortissant britannique par la Chine.", "2023-04-03",
             "CHN>17>GBR>asserted;GBR>11>CHN>asserted;"},
        // "des" after another preposition is the article: no "de [S]" slot in "contre des
        // positions ukrainiennes" (was UKR>19>-).
        Case{"La Russie a mené une attaque contre des positions ukrainiennes.", "2023-04-03", "RUS>19>UKR>asserted;"},
        // A noun that is the topic of another noun or of an attitude does not take the clause's
        // subject as its agent ("toute implication dans l'attaque", "quant à une reprise du dialogue").
        Case{"Téhéran a nié toute implication dans l'attaque contre la base américaine.", "2023-04-03",
             "IRN>01>USA>asserted;"},
        Case{"La Chine s'est dite optimiste quant à une reprise du dialogue avec l'Inde.", "2023-04-03",
             "CHN>01>IND>asserted;"},
        // The topic of a talk ("discuter de", "parler de") is not the subject's act either (was
        // also USA>07>UKR).
        Case{"Le président américain a reçu le chancelier allemand, avec qui il a discuté de l'aide à l'Ukraine.",
             "2023-04-03", "USA>04>DEU>asserted;"},
        // An agreement on a ceasefire is a ceasefire (0871), not an agreement (057); blocking a
        // ship is a blockade (191); force on a Ukrainian or Russian city named in dict/places.
        Case{"Le Hamas et Israël sont parvenus à un accord de cessez-le-feu.", "2025-01-15",
             "ISR>08>PSE>asserted;PSE>08>ISR>asserted;"},
        Case{"Des navires chinois ont bloqué un bateau philippin.", "2024-03-05", "CHN>19>PHL>asserted;"},
        Case{"Des missiles russes ont frappé le centre de Soumy.", "2025-04-13", "RUS>19>UKR>asserted;"},
        // "avec qui" fills the "avec [T]" slot with the antecedent (was FRA>05>-); ordering an
        // ambassador out is 161.
        Case{"Le président français a reçu son homologue ukrainien, avec qui il a signé un accord.", "2024-02-16",
             "FRA>04>UKR>asserted;FRA>05>UKR>asserted;"},
        Case{"La junte nigérienne a ordonné à l'ambassadeur de France de quitter le pays.", "2023-08-27",
             "NER>16>FRA>asserted;"},
        // A verb after "et" and object clitics is coordinated with the verb before: its subject
        // is that verb's, the clitic that verb's object (was IND>02>UKR; then UKR>02>IGOGOS).
        Case{"Le président ukrainien a rencontré le Premier ministre indien et l'a appelé à soutenir son plan.",
             "2023-05-21", "UKR>02>IND>asserted;UKR>04>IND>asserted;"},
        Case{"Le président ukrainien a rencontré le Premier ministre indien en marge du sommet du G7 et l'a appelé à "
             "soutenir son plan.",
             "2023-05-21", "UKR>02>IND>asserted;UKR>04>IND>asserted;"},
        // A noun pattern's word written before a prepositional slot is looked for before that
        // preposition ("frappe:n nucléaire contre [T]" was 2042 here).
        Case{"Les frappes israéliennes contre les installations nucléaires iraniennes ont été condamnées par "
             "l'Arabie saoudite.",
             "2025-06-13", "ISR>19>IRN>asserted;SAU>11>ISR>asserted;"},
        // A passive's subject read over its relative clause: the pattern's word "explosion" is in
        // it (was no event).
        Case{"L'explosion qui a endommagé le pont a été attribuée à l'Ukraine par les autorités russes.", "2022-10-08",
             "RUS>11>UKR>asserted;"},
        // Rule 6: an agreement not reached ("sans parvenir à un accord sur une trêve") is the
        // ceasefire agreement, negated, beside the meeting (was 057).
        Case{"L'Arménie et l'Azerbaïdjan se sont rencontrés sans parvenir à un accord sur une trêve.", "2023-05-01",
             "ARM>04>AZE>asserted;ARM>08>AZE>negated;AZE>04>ARM>asserted;AZE>08>ARM>negated;"},
        // A reaction verb reporting the quotation before it is aimed at the actor the quotation
        // names, not at one named later in the sentence (was RUS>11>CHN); "regretter [T]" = 111.
        Case{"« Les sanctions américaines sont une erreur », a dénoncé le Kremlin lors de la visite du président chinois.",
             "2024-05-16", "RUS>11>USA>asserted;"},
        Case{"« Les sanctions américaines sont une erreur », a regretté le Kremlin lors de la visite du président chinois.",
             "2024-05-16", "RUS>11>USA>asserted;"},
        // "selon X" where X takes part in the event is no hearsay (was reported); an outsider,
        // or the press of a participant's country (media are no actors), still reports.
        Case{"L'armée russe a bombardé une centrale électrique ukrainienne, selon le ministère ukrainien de l'Énergie.",
             "2024-03-01", "RUS>19>UKR>asserted;"},
        Case{"L'armée russe a bombardé une centrale électrique ukrainienne, selon la presse ukrainienne.", "2024-03-01",
             "RUS>19>UKR>reported;"},
        Case{"Selon Washington, la Chine a livré des armes à la Russie.", "2024-03-01", "CHN>07>RUS>reported;"},
        // A gerund right after the inverted subject of the clause reporting a quotation takes that
        // subject (was no source: no event).
        Case{"« Nos relations sont solides », a déclaré le président chinois en recevant le président français à Paris.",
             "2024-05-06", "CHN>04>FRA>asserted;"},
        // Any gerund takes its clause's subject, fronted ("En recevant…, X a…") or without a
        // comma (both were no source: no event); the gerund ends the main verb's window.
        Case{"En recevant Sergueï Lavrov à Caracas, Nicolás Maduro a salué le soutien de la Chine.", "2024-03-12",
             "VEN>04>RUS>asserted;VEN>05>CHN>asserted;"},
        Case{"Dmitri Peskov a pris la parole en accusant Washington d'attiser les tensions.", "2025-02-03",
             "RUS>11>USA>asserted;"},
        Case{"La Pologne a réagi en livrant des missiles à l'Ukraine.", "2024-06-11", "POL>07>UKR>asserted;"},
        // Force used on a listed city, named as the object (even when the NER model reads it as a
        // person) or after "à" without an entity: the city's country; at home, domestic (rule 11).
        Case{"L'aviation israélienne a bombardé Khan Younès.", "2024-10-02", "ISR>19>PSE>asserted;"},
        Case{"Des soldats russes ont tiré sur des civils à Bakhmout.", "2023-05-20", "RUS>19>UKR>asserted;"},
        Case{"Les talibans ont attaqué Kandahar.", "2021-08-05", "AFG>19>AFG>asserted;"},
        // An act the subject asks for has not happened, even one with its own target (was also
        // USA>08>PSE: the release done by the requester).
        Case{"Le secrétaire d'État américain a réclamé la libération des otages détenus par le Hamas.", "2025-06-02",
             "USA>10>PSE>asserted;"},
        // An attempt blamed on the object is alleged like the act (was also UKR>18>RUS); an
        // offer ("proposer de") is an intent, 039 for mediation (was TUR>04 hypothetical).
        Case{"Moscou a accusé Kiev d'avoir tenté d'assassiner Vladimir Poutine.", "2023-05-03", "RUS>11>UKR>asserted;"},
        Case{"Le président turc a proposé d'accueillir des négociations entre la Russie et l'Ukraine.", "2022-10-12",
             "TUR>03>RUS>asserted;TUR>03>UKR>asserted;"},
        // Condemning an act named with its agent is aimed at the agent, active or passive (were
        // FRA>11>UKR, IGOUNO>11>UKR); the act is coded too (rule 9, was dropped as nested).
        Case{"La France a condamné l'annexion de quatre régions ukrainiennes par la Russie.", "2022-09-30",
             "FRA>11>RUS>asserted;RUS>19>UKR>asserted;"},
        Case{"L'annexion de quatre régions ukrainiennes par la Russie a été condamnée par l'ONU.", "2022-09-30",
             "IGOUNO>11>RUS>asserted;RUS>19>UKR>asserted;"},
        // A visit or aid whose slot names a listed city that is no actor: the city's country
        // (both were no event).
        Case{"Le président chinois est arrivé à Johannesburg pour participer au sommet.", "2023-08-22",
             "CHN>04>ZAF>asserted;"},
        Case{"L'Union européenne a débloqué 50 millions d'euros d'aide humanitaire pour Gaza.", "2023-10-04",
             "IGOEUREEC>07>PSE>asserted;"},
        // A noun event takes the modality of its clause verb (was asserted).
        Case{"Le Kremlin a démenti toute livraison d'armes à la Corée du Nord.", "2024-03-08", "RUS>07>PRK>denied;"},
        // A hostile act named as a noun in a "que" clause is not the main subject's (was IRN>19>-).
        Case{"Téhéran a averti qu'une attaque contre ses sites nucléaires entraînerait une riposte.", "2023-04-03", ""},
        // The near future "va + infinitive" is planned; "est allé + infinitive" is a past motion.
        Case{"La Russie va livrer des armes au Venezuela.", "2023-04-03", "RUS>07>VEN>hypothetical;"},
        Case{"Emmanuel Macron est allé rencontrer Vladimir Poutine.", "2023-04-03", "FRA>04>RUS>asserted;"}));

TEST(Gdelt, SixtyOneColumnsPerEvent) {
  Doc d = Code("La Russie et le Venezuela ont signé un accord de coopération militaire.", "2019-03-27");
  d.url = "https://example.org/a";
  ASSERT_FALSE(d.events.empty());
  std::string rows;
  AppendGdeltRows(d, &rows);
  size_t count = 0;
  GdeltColumns(&count);
  EXPECT_EQ(count, 61u);
  std::istringstream in(rows);
  std::string row;
  int n = 0;
  while (std::getline(in, row)) {
    ++n;
    std::vector<std::string> f = gold::Split(row + "\t", '\t');
    ASSERT_EQ(f.size(), 61u) << row;
    EXPECT_EQ(f[1], "20190327");
    EXPECT_EQ(f[26].substr(0, 2), "05");
    EXPECT_EQ(f[60], "https://example.org/a");
  }
  EXPECT_EQ(n, static_cast<int>(d.events.size()));
}

// The quality bar of the hand-coded set: a floor, so a regression fails.
// Present-tense heads the tagger used to read as nouns or conjunctions, and an adjective it
// read as a participle (src/syntax/constraints.h): the patterns now match.
TEST(TaggerConstraints, PresentTenseHeadsAndAdjectivesAreCoded) {
  EXPECT_EQ(Triples(Code("Pékin critique Washington.", "2024-05-02")), "CHN>11>USA>asserted;");
  EXPECT_EQ(Triples(Code("La Russie livre du gaz à la Chine.", "2024-05-02")), "RUS>06>CHN>asserted;");
  EXPECT_EQ(Triples(Code("Varsovie demande des réparations à l'Allemagne.", "2024-05-02")), "POL>10>DEU>asserted;");
  EXPECT_EQ(Triples(Code("Damas utilise des armes chimiques contre la Turquie.", "2024-05-02")),
            "SYR>20>TUR>asserted;");
}

TEST(GoldSet, F1AboveFloor) {
  std::string path = VEILLE_TEST_DATA "/events/gold.tsv";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no gold set";
  auto items = gold::Load(path);
  ASSERT_GE(items.size(), 300u);
  auto scores = gold::Evaluate(Shared(), items);
  EXPECT_GE(scores["all"].f1(), 0.83) << "P " << scores["all"].precision() << " R " << scores["all"].recall();
  // The fresh dev items g399-g573 (written after the first dev round was tuned; 0.881 when
  // added, 0.900 after the place-as-target convention), and g574 on (long wire sentences,
  // attribution, quotations, nominal events; 0.720 before round 2, 0.808 after it, 0.837 after round 3).
  std::vector<gold::Item> fresh, fresh2;
  for (const auto& it : items) {
    int n = std::atoi(it.id.c_str() + 1);
    if (it.split == "dev" && n >= 399) (n < 574 ? fresh : fresh2).push_back(it);
  }
  ASSERT_GE(fresh.size(), 150u);
  auto f = gold::Evaluate(Shared(), fresh)["dev"];
  EXPECT_GE(f.f1(), 0.87) << "P " << f.precision() << " R " << f.recall();
  ASSERT_GE(fresh2.size(), 80u);
  auto f2 = gold::Evaluate(Shared(), fresh2)["dev"];
  EXPECT_GE(f2.f1(), 0.74) << "P " << f2.precision() << " R " << f2.recall();
}

}  // namespace
}  // namespace veille
