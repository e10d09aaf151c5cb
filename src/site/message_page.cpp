// Messages to readers (the 404 page, "comments are not open yet"), in the site's language.
#include "site/pages.h"
#include "site/view_model.h"

namespace gazette::site {

std::string render_message(const PageContext& context, int status, std::string_view heading_key,
                           std::string_view message_key) {
  const auto& language = context.settings.language;
  auto heading = context.theme.text(language, heading_key);
  PageFrame frame{context.settings, context.sections, "", heading, "", ""};
  frame.base_url = context.base_url;
  auto view = frame_view(frame);
  view.set("status", std::to_string(status));
  view.set("heading", heading);
  view.set("message", context.theme.text(language, message_key));
  view.set("home_url", "/");
  return context.theme.render_page("message", std::move(view), language);
}

}  // namespace gazette::site
