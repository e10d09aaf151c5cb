// What every newsroom page is drawn on: the newsroom's theme, the frame around each page (title,
// menu by role, notices), the headers every newsroom response carries, and the small answers
// all areas give (forbidden, not found, a redirect). Shared by the front door and every area.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "comments/moderation_service.h"
#include "http/local_path.h"
#include "http/message.h"
#include "newsroom/call.h"
#include "theme/theme.h"

namespace gazette::newsroom {

class NewsroomTheme;
struct NewsroomAsset;

class Desk {
 public:
  /// `moderation` counts the comments waiting, shown in the menu of those who moderate.
  explicit Desk(comments::ModerationService& moderation);
  ~Desk();
  Desk(const Desk&) = delete;
  Desk& operator=(const Desk&) = delete;

  /// The frame of a page: site title, the signed-in user's menu, the notice of a redirect.
  theme::View frame(const Call& call, std::string title) const;
  /// Template `name` in the frame, with the never-cached, never-framed headers.
  http::Response page(const Call& call, http::Status status, std::string_view name,
                      theme::View view) const;
  http::Response message(const Call& call, http::Status status, std::string_view heading_key,
                         std::string_view message_key) const;
  http::Response forbidden(const Call& call) const;
  http::Response not_found(const Call& call) const;
  http::Response bad_request(const Call& call) const;
  /// A 303 to `location`, built by our code from checked parts (see http::LocalPath::checked).
  http::Response see_other(const Call& call, const std::string& location) const;
  http::Response see_other(const Call& call, const http::LocalPath& location) const;
  /// The interface string `key` in the site's language.
  std::string text(const Call& call, std::string_view key) const;
  /// A static file of the newsroom (stylesheet, script), or nullptr.
  const NewsroomAsset* asset(std::string_view name) const;

 private:
  comments::ModerationService& moderation_;
  std::unique_ptr<NewsroomTheme> theme_;
};

}  // namespace gazette::newsroom
