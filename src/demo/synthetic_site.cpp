// Generated articles (see synthetic_site.h): each has a topic, whose words make up a third of
// its text; the rest is common French vocabulary. Search and related articles then behave as on
// a real site: topic words are distinctive, common words are everywhere.
#include "demo/synthetic_site.h"

#include <random>
#include <string>
#include <vector>

#include "render/slug.h"
#include "render/text.h"

namespace gazette::demo {

namespace {

struct Topic {
  const char* tag;
  std::vector<const char*> words;
};

const std::vector<Topic> kTopics = {
    {"Syrie", {"syrie", "damas", "alep", "rebelles", "régime", "offensive", "homs", "frontière"}},
    {"Élections", {"scrutin", "candidat", "électeurs", "campagne", "sondage", "bureau", "vote"}},
    {"Budget", {"budget", "déficit", "impôt", "dépenses", "dette", "finances", "ministre"}},
    {"Climat", {"climat", "sécheresse", "canicule", "émissions", "carbone", "glaciers", "pluie"}},
    {"Football", {"football", "but", "attaquant", "championnat", "stade", "entraîneur", "match"}},
    {"Rugby", {"rugby", "essai", "mêlée", "pilier", "ovalie", "transformation", "tournoi"}},
    {"Cuisine", {"recette", "beurre", "farine", "four", "tarte", "sucre", "chocolat", "cuisson"}},
    {"Santé", {"hôpital", "urgences", "médecins", "patients", "vaccin", "soins", "infirmiers"}},
    {"Éducation", {"école", "élèves", "enseignants", "rentrée", "lycée", "baccalauréat", "classe"}},
    {"Cinéma", {"film", "réalisateur", "festival", "acteur", "scénario", "tournage", "salle"}},
    {"Musique", {"concert", "album", "orchestre", "chanteuse", "tournée", "scène", "guitare"}},
    {"Transports", {"train", "grève", "tramway", "autoroute", "voyageurs", "gare", "retards"}},
    {"Agriculture", {"récolte", "agriculteurs", "vendanges", "blé", "élevage", "irrigation"}},
    {"Numérique", {"données", "cyberattaque", "logiciel", "intelligence", "réseau", "serveurs"}},
    {"Logement", {"loyers", "logement", "immobilier", "construction", "locataires", "crédit"}},
    {"Justice", {"procès", "tribunal", "avocat", "condamnation", "juge", "enquête", "verdict"}},
    {"Espace", {"fusée", "satellite", "lancement", "astronautes", "orbite", "lune", "sonde"}},
    {"Énergie", {"électricité", "nucléaire", "éolien", "gaz", "factures", "centrale", "réseau"}},
    {"Tourisme", {"vacances", "hôtels", "plages", "visiteurs", "saison", "croisière", "musée"}},
    {"Europe", {"bruxelles", "commission", "parlement", "directive", "traité", "européens"}},
};

const std::vector<const char*> kCommonWords = {
    "le",        "la",          "les",       "un",       "une",      "des",
    "de",        "du",          "et",        "en",       "à",        "au",
    "pour",      "par",         "sur",       "dans",     "avec",     "plus",
    "selon",     "après",       "avant",     "depuis",   "lundi",    "mardi",
    "mercredi",  "jeudi",       "vendredi",  "samedi",   "dimanche", "semaine",
    "mois",      "année",       "ville",     "région",   "pays",     "gouvernement",
    "habitants", "responsable", "président", "maire",    "annonce",  "décision",
    "situation", "question",    "projet",    "millions", "euros",    "nouveau",
    "nouvelle",  "premier",     "première",  "grand",    "grande",   "important",
    "difficile", "public",      "prévu",     "attendu",  "confirmé", "indique",
    "explique",  "affirme",     "souligne",  "rappelle", "estime",   "reste",
    "devient",   "permet",      "doit",      "peut",     "a",        "est",
    "sont",      "ont",         "fait",      "entre",    "contre",   "sans",
    "sous",      "vers",        "chez",      "encore",   "déjà",     "toujours",
    "aussi",     "notamment",   "cependant", "pourtant", "enfin",    "ainsi",
    "alors",     "tandis",      "que",       "qui"};

const std::vector<const char*> kSections = {"Actualité", "Politique", "Économie",
                                            "Culture",   "Sport",     "Sciences"};
constexpr int kAuthors = 20;
constexpr int kSentencesPerParagraph = 4;
constexpr int kParagraphs = 5;
constexpr int kWordsPerSentence = 14;
// Articles are spread over the five years before now.
constexpr std::int64_t kSpreadSeconds = 5LL * 365 * 86400;

std::string sentence(std::mt19937& random, const Topic& topic, int words) {
  std::string text;
  for (int i = 0; i < words; ++i) {
    bool topical = random() % 3 == 0;
    const char* word = topical ? topic.words[random() % topic.words.size()]
                               : kCommonWords[random() % kCommonWords.size()];
    if (!text.empty()) text += ' ';
    text += word;
  }
  text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text + ".";
}

}  // namespace

content::ArticleDraft synthetic_article(int n, content::Timestamp now) {
  std::mt19937 random(static_cast<std::uint32_t>(n) * 2654435761u + 42);
  const auto& topic = kTopics[random() % kTopics.size()];
  content::ArticleDraft draft;
  draft.title = sentence(random, topic, 7);
  draft.title.pop_back();  // no full stop in a headline
  draft.title += " (" + std::to_string(n + 1) + ")";
  draft.slug = render::slugify(draft.title);
  draft.lead = sentence(random, topic, 24);
  std::string markdown;
  std::string html;
  for (int p = 0; p < kParagraphs; ++p) {
    std::string paragraph;
    for (int s = 0; s < kSentencesPerParagraph; ++s)
      paragraph += (s ? " " : "") + sentence(random, topic, kWordsPerSentence);
    markdown += paragraph + "\n\n";
    html += "<p>" + render::escape_html(paragraph) + "</p>\n";
  }
  draft.body_markdown = std::move(markdown);
  draft.body_html = std::move(html);
  draft.status = content::ArticleStatus::published;
  draft.published_at = now - std::chrono::seconds(static_cast<std::int64_t>(
                                 random() % static_cast<std::uint32_t>(kSpreadSeconds)));
  draft.updated_at = now;
  auto section = kSections[random() % kSections.size()];
  draft.section = {render::slugify(section), section};
  auto author = "Auteur " + std::to_string(1 + random() % kAuthors);
  draft.author = {render::slugify(author), author};
  draft.tags.push_back({render::slugify(topic.tag), topic.tag});
  const auto& other = kTopics[random() % kTopics.size()];
  if (other.tag != topic.tag) draft.tags.push_back({render::slugify(other.tag), other.tag});
  return draft;
}

void fill_synthetic_site(publishing::ArticleService& articles, int count, content::Timestamp now,
                         const std::function<void(int)>& progress) {
  for (int start = 0; start < count; start += kSyntheticBatchSize) {
    std::vector<content::ArticleDraft> batch;
    for (int n = start; n < count && n < start + kSyntheticBatchSize; ++n)
      batch.push_back(synthetic_article(n, now));
    articles.save_batch(batch);
    progress(std::min(count, start + kSyntheticBatchSize));
  }
}

}  // namespace gazette::demo
