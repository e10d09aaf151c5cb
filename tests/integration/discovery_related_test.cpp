// "You may also like" computed from content: a small corpus (the Syrian war, French politics,
// sport, cooking) around the reference article, whose related articles must be the Syria ones,
// on SQLite and on PostgreSQL.
#include "published_site.h"

namespace gazette::testing {
namespace {

struct CorpusArticle {
  std::string name;
  std::string front_matter;
  std::string body;
};

const std::vector<CorpusArticle> kSyria = {
    {"alep",
     "title: \"Syrie : les rebelles islamistes entrent dans Alep\"\nsection: Monde\n"
     "tags: [Syrie, Guerre]\ndate: 2024-11-30",
     "Les combattants islamistes de HTS ont pris le contrôle d’une grande partie d’Alep. "
     "L’armée syrienne du régime de Bachar al-Assad s’est retirée de la ville. Les rebelles "
     "annoncent une offensive vers Hama puis Homs.\n"},
    {"hama",
     "title: \"Syrie : Hama tombe aux mains des rebelles\"\nsection: Monde\n"
     "tags: [Syrie, Islamistes]\ndate: 2024-12-05",
     "Après Alep, les rebelles islamistes de HTS s’emparent de Hama. Les forces "
     "gouvernementales syriennes reculent vers Homs et Damas, et le régime d’Assad vacille.\n"},
    {"damas-chute",
     "title: \"Damas : la chute du régime Assad\"\nsection: Monde\n"
     "tags: [Syrie, Damas]\ndate: 2024-12-09",
     "Les combattants islamistes sont entrés dans Damas. Bachar al-Assad a quitté la Syrie ; "
     "l’offensive éclair de HTS, partie d’Alep, a traversé Hama et Homs en douze jours.\n"},
};
const std::vector<CorpusArticle> kPolitics = {
    {"censure",
     "title: \"Le gouvernement renversé par une motion de censure\"\nsection: Politique\n"
     "tags: [Assemblée nationale]\ndate: 2024-12-04",
     "Les députés ont adopté la motion de censure. Le Premier ministre doit remettre la "
     "démission de son gouvernement au président de la République.\n"},
    {"budget",
     "title: \"Budget : les députés rejettent la loi de finances\"\nsection: Politique\n"
     "tags: [Budget]\ndate: 2024-12-06",
     "À l’Assemblée nationale, la loi de finances est rejetée. Le gouvernement envisage une loi "
     "spéciale pour lever l’impôt en janvier.\n"},
    {"premier-ministre",
     "title: \"Un nouveau Premier ministre à Matignon\"\nsection: Politique\n"
     "date: 2024-12-13",
     "Le président de la République a nommé un nouveau Premier ministre, chargé de former un "
     "gouvernement capable d’éviter la censure des députés.\n"},
};
const std::vector<CorpusArticle> kSport = {
    {"ligue-1",
     "title: \"Ligue 1 : Lyon s’impose à Marseille\"\nsection: Sport\n"
     "tags: [Football]\ndate: 2024-12-08",
     "L’Olympique lyonnais a battu Marseille deux buts à un au Vélodrome. Le gardien lyonnais a "
     "arrêté un penalty en fin de match.\n"},
    {"rugby",
     "title: \"Rugby : Toulouse domine le Racing\"\nsection: Sport\ntags: [Rugby]\n"
     "date: 2024-12-07",
     "Le Stade toulousain a marqué cinq essais face au Racing. Les avants ont dominé la mêlée "
     "pendant tout le match.\n"},
    {"tennis",
     "title: \"Tennis : la saison se termine à Malaga\"\nsection: Sport\ndate: 2024-11-24",
     "L’Italie remporte la Coupe Davis à Malaga. Le joueur numéro un mondial a gagné ses deux "
     "simples sans perdre un set.\n"},
};
const std::vector<CorpusArticle> kCooking = {
    {"tarte",
     "title: \"La tarte Tatin de grand-mère\"\nsection: Cuisine\ntags: [Recette, France]\n"
     "date: 2024-12-08",
     "Faites caraméliser le sucre et le beurre, ajoutez les pommes, couvrez de pâte et enfournez "
     "trente minutes. Démoulez la tarte encore tiède.\n"},
    {"soupe",
     "title: \"Soupe de potiron aux châtaignes\"\nsection: Cuisine\ntags: [Recette]\n"
     "date: 2024-12-07",
     "Faites revenir l’oignon dans le beurre, ajoutez le potiron et les châtaignes, couvrez "
     "d’eau et laissez cuire vingt minutes avant de mixer.\n"},
    {"buche",
     "title: \"Une bûche de Noël au chocolat\"\nsection: Cuisine\ntags: [Recette, Noël]\n"
     "date: 2024-12-09",
     "Montez les blancs en neige, incorporez le chocolat fondu et le sucre, roulez le biscuit et "
     "laissez prendre au frais une nuit.\n"},
};

class Related : public PublishedSiteOnEachBackend {
 protected:
  void SetUp() override {
    PublishedSite::SetUp();
    for (const auto* group : {&kSyria, &kPolitics, &kSport, &kCooking}) {
      for (const auto& article : *group)
        paths_[article.name] = publish(article.name, article.front_matter, article.body);
    }
  }
  std::vector<std::string> related_of(const std::string& path) {
    auto response = get(path);
    EXPECT_EQ(response.status, 200) << path;
    HtmlDocument page(response.body);
    std::vector<std::string> links;
    for (const auto& title : page.find("section", "related").find_all("h3"))
      links.push_back(title.find_all("a").at(0).attribute("href"));
    return links;
  }
  std::set<std::string> paths_of(const std::vector<CorpusArticle>& group) {
    std::set<std::string> paths;
    for (const auto& article : group) paths.insert(paths_.at(article.name));
    return paths;
  }
  std::map<std::string, std::string> paths_;
};

TEST_P(Related, ReferenceArticleIsRelatedToSyriaNeverToCooking) {
  auto related = related_of(kReferencePath);
  auto syria = paths_of(kSyria);
  auto cooking = paths_of(kCooking);
  EXPECT_GE(related.size(), 3u);
  EXPECT_LE(related.size(), 6u);
  for (const auto& path : related) {
    EXPECT_TRUE(syria.contains(path)) << path << " is not about Syria";
    EXPECT_FALSE(cooking.contains(path)) << path;
    EXPECT_NE(path, kReferencePath);
  }
}

TEST_P(Related, EachStoryFindsItsOwnKind) {
  auto cooking = paths_of(kCooking);
  for (const auto& path : related_of(paths_.at("tarte")))
    EXPECT_TRUE(cooking.contains(path)) << path;
  auto syria = paths_of(kSyria);
  syria.insert(kReferencePath);
  for (const auto& path : related_of(paths_.at("hama"))) EXPECT_TRUE(syria.contains(path)) << path;
}

TEST_P(Related, NewArticlesJoinTheListsOfTheirNeighboursAndDraftsNever) {
  auto draft = publish("homs-draft",
                       "title: \"Homs : les rebelles islamistes aux portes de Damas\"\n"
                       "section: Monde\ntags: [Syrie, Damas]\nstatus: draft",
                       "Les rebelles islamistes de HTS tiennent Homs et marchent sur Damas ; "
                       "le régime d’Assad s’effondre en Syrie.\n");
  auto related = related_of(kReferencePath);
  EXPECT_EQ(std::find(related.begin(), related.end(), draft), related.end());

  auto homs = publish("homs",
                      "title: \"Homs : les rebelles islamistes aux portes de Damas\"\n"
                      "section: Monde\ntags: [Syrie, Damas, Islamistes]\ndate: 2024-12-08",
                      "Les rebelles islamistes de HTS tiennent Homs et marchent sur Damas ; le "
                      "régime d’Assad s’effondre en Syrie, l’offensive continue.\n");
  related = related_of(kReferencePath);
  EXPECT_NE(std::find(related.begin(), related.end(), homs), related.end());
}

GAZETTE_ON_EACH_BACKEND(Related);

}  // namespace
}  // namespace gazette::testing
