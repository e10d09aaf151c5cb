// The newsroom's wiring (see newsroom_site.h).
#include "newsroom/newsroom_site.h"

#include <string>

namespace gazette::newsroom {

NewsroomSite::NewsroomSite(NewsroomServices services)
    : desk_(services.moderation),
      door_({services.sessions, services.sign_in, services.settings, services.clock}, desk_),
      articles_(desk_, services.articles, services.terms, services.media, services.pages,
                services.preview_links, services.newsletters, services.live),
      labels_(desk_, services.terms),
      comments_(desk_, services.moderation, services.pages),
      accounts_(desk_, services.accounts),
      settings_(desk_, services.settings, services.media),
      profiles_(desk_, services.profiles, services.media),
      library_(desk_, services.media),
      embargo_preview_(services.preview_links, services.pages),

      newsletter_(desk_, services.newsletters),
      live_(desk_, services.live, services.articles, services.media, services.pages),
      api_tokens_(desk_, services.api_tokens, services.pages),
      webhooks_(desk_, services.webhooks, services.pages) {}

void NewsroomSite::register_with(http::Router& router) {
  router.add("/newsroom/", [this](const http::Request& request) -> http::Answer {
    return door_.handle(request);
  });
  router.add(std::string(kEmbargoPreviewPrefix),
             [this](const http::Request& request) -> http::Answer {
               return embargo_preview_.handle(request);
             });
  for (Area* area :
       std::initializer_list<Area*>{&articles_, &labels_, &comments_, &accounts_, &settings_,
                                    &profiles_, &library_, &newsletter_, &live_, &api_tokens_,
                                    &webhooks_}) {
    // "/newsroom/articles" takes "/newsroom/articles/…" and "/newsroom/articles?…"; the area
    // answers 404 to a longer first segment ("/newsroom/articlesx").
    for (auto segment : area->segments())
      router.add("/newsroom/" + std::string(segment), door_.door(*area));
  }
}

}  // namespace gazette::newsroom
