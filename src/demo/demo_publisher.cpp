// The demo publisher (see demo_publisher.h). The texts are short: enough to show each page.
#include "demo/demo_publisher.h"

#include <algorithm>

namespace gazette::demo {

bool fill_demo_publisher(publishing::SettingsService& service) {
  using content::Policy;
  auto settings = service.settings();
  auto& publisher = settings.publisher;
  if (std::any_of(publisher.policies.begin(), publisher.policies.end(),
                  [](const std::string& text) { return !text.empty(); }))
    return false;
  publisher.name = "Éditions de l’Estuaire";
  publisher.address = "12 quai des Tanneurs\n29200 Port-Vaillant";
  publisher.email = "redaction@example.fr";
  publisher.phone = "+33 2 98 00 00 00";
  publisher.policy(Policy::ethics) =
      "La rédaction vérifie chaque fait avant de le publier, cite ses sources quand elle le peut "
      "et dit pourquoi quand elle ne le peut pas.\n\n"
      "## Indépendance\n\n"
      "Aucun annonceur ni actionnaire ne relit un article avant sa publication. Un contenu payé "
      "est signalé comme tel, avec le nom de qui l’a payé.";
  publisher.policy(Policy::corrections) =
      "Une erreur signalée est corrigée sans délai. Chaque correction, précision ou rétractation "
      "est datée et expliquée sur l’article, dans l’encadré « Ce qui a changé », et listée sur la "
      "page [Corrections](/corrections/). Une coquille est corrigée sans mention.";
  publisher.policy(Policy::ownership) =
      "Le journal appartient à ses journalistes et à ses lecteurs, réunis en société coopérative. "
      "Il vit de ses abonnements (70 %), de la publicité (20 %) et de dons (10 %).";
  publisher.policy(Policy::feedback) =
      "Une erreur, une information, une question ? Écrivez à la rédaction : elle répond à chaque "
      "message sous deux jours ouvrés.";
  publisher.policy(Policy::masthead) =
      "- **Directrice de la publication** : Camille Dupuis\n"
      "- **Rédacteur en chef** : Thomas Nguyen\n"
      "- **Reporters** : Sara Benali, Julien Moreau";
  service.save(settings);
  return true;
}

}  // namespace gazette::demo
