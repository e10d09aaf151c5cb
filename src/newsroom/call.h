// One request inside the newsroom, as the front door (newsroom.h) hands it to every area's
// pages, and the small helpers they share. Private to src/newsroom/.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "auth/capabilities.h"
#include "auth/sessions.h"
#include "content/accounts.h"
#include "content/types.h"
#include "http/form.h"
#include "http/message.h"
#include "render/dates.h"
#include "render/text.h"
#include "theme/theme.h"

namespace gazette::newsroom {

struct Call {
  const http::Request& request;
  std::vector<std::string> segments;  // the path after /newsroom/, split on '/'
  http::Form query;
  http::Form form;  // a POST's fields and files (the CSRF token checked)
  std::optional<auth::Session> session;
  content::SiteSettings settings;
  content::Timestamp now{};
  bool is_post = false;
  bool secure = false;  // served over https (directly or behind a proxy saying so)

  const content::User& user() const { return session->user; }
  const std::string& language() const { return settings.language; }
};

/// A `<select>`'s options: {value, label, selected} for each (value, label).
theme::View options_view(const std::vector<std::pair<std::string, std::string>>& options,
                         std::string_view selected);

/// What the editor form shows: the stored article, or what the editor submitted.
struct EditorValues {
  std::string title, slug, section, author, categories, tags, lead, body, caption, alt;
  std::string published_at;  // datetime-local text in the site's time zone
  std::int64_t version = 0;
  std::optional<content::MediaRef> image;
  bool pinned = false;  // at the top of the home page (editors and admins change it)
  // What kind of change a save of a public article is, and the note readers see for it.
  std::string change = "typo";
  std::string change_note;
  // What kind of piece it is (content/article_kinds.h) and, for sponsored content, its sponsor.
  std::string kind = "news";
  std::string sponsor;
  // Who signs after the author, names separated by commas (a name no author has adds a guest).
  std::string coauthors;
  // The main photo's credit and focal point: the photo's own (media library), set here too.
  std::string credit;
  std::string focal_x = "50", focal_y = "50";
};

/// One form error for the templates: {field, label, reason}.
struct FieldError {
  std::string field;
  std::string label_key;
  std::string reason_key;
};
theme::View errors_view(const std::vector<FieldError>& errors,
                        const std::function<std::string(std::string_view)>& text);

/// What the comment page shows: the comment's fields and a reply, as stored or as submitted.
struct CommentEditValues {
  std::string name, website, body;
  std::string reply;
  std::vector<FieldError> errors;
  std::vector<FieldError> reply_errors;
};

/// "2024-12-08T06:00" in `time_zone`, for a datetime-local input.
std::string local_input_value(content::Timestamp instant, const render::DateFormatter& dates);
/// "2024-12-08 06:00", for lists.
std::string local_display(content::Timestamp instant, const render::DateFormatter& dates);

/// Whether `text` is valid UTF-8 of at most `max_bytes` bytes.
bool acceptable_text(std::string_view text, std::size_t max_bytes);

/// The comma-separated names of `text` ("Syrie, Moyen-Orient"), trimmed, empty ones dropped.
std::vector<std::string> split_names(std::string_view text);
std::string join_names(const std::vector<content::Term>& terms);

/// The translation key of a status or a role ("status_draft", "role_editor").
std::string status_key(content::ArticleStatus status);
std::string role_key(content::Role role);

/// "42" → 42; nullopt for anything else (signs, spaces, overflow).
std::optional<std::int64_t> parse_id(std::string_view text);

}  // namespace gazette::newsroom
