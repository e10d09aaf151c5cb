// The newsroom at /newsroom/: sign-in, the articles list, the editor and its workflow
// (draft → review → scheduled → published), revisions, preview, media uploads, sections,
// accounts, author profiles, site settings and comment moderation. Server-rendered; every page
// needs a session, every POST a CSRF token, and every action the capability its role grants
// (auth/). Its pages are never cached and never shown to readers: its cookie's path is /newsroom.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "auth/accounts.h"
#include "auth/sessions.h"
#include "auth/sign_in.h"
#include "comments/moderation_service.h"
#include "content/clock.h"
#include "http/message.h"
#include "media/media_service.h"
#include "publishing/article_service.h"
#include "publishing/profile_service.h"
#include "publishing/settings_service.h"
#include "publishing/term_service.h"
#include "site/page_environment.h"
#include "store/account_store.h"
#include "store/editorial_store.h"
#include "store/media_store.h"
#include "store/store.h"
#include "store/term_store.h"

namespace gazette::newsroom {

/// The largest request body the newsroom accepts on its upload pages (the editor, author
/// profiles): a 25 MB photo (content::kMaxImageBytes) and the rest of the form.
constexpr std::uint64_t kMaxUploadRequestBytes = 26 * 1024 * 1024;
/// The path prefixes whose forms carry photos (the site logo too), given that limit at start-up.
inline constexpr std::string_view kUploadPrefixes[] = {"/newsroom/articles/", "/newsroom/authors/",
                                                       "/newsroom/settings"};

/// What the newsroom works with, wired in serve_command.cpp: the stores it reads, and the
/// services every one of its writes goes through.
struct NewsroomServices {
  store::Store& store;
  store::EditorialStore& editorial;
  store::MediaStore& media;
  store::TermStore& terms;
  store::AccountStore& accounts;
  publishing::ArticleService& articles;
  publishing::TermService& term_service;
  publishing::ProfileService& profiles;
  publishing::SettingsService& settings;
  media::MediaService& media_service;
  auth::Sessions& sessions;
  auth::SignIn& sign_in;
  auth::Accounts& account_admin;
  site::PageEnvironment& pages;
  comments::ModerationService& moderation;
  const content::Clock& clock;
};

class NewsroomTheme;
struct EditorValues;
struct FieldError;
struct CommentEditValues;

class Newsroom {
 public:
  explicit Newsroom(NewsroomServices services);
  ~Newsroom();
  Newsroom(const Newsroom&) = delete;
  Newsroom& operator=(const Newsroom&) = delete;

  /// Answers a request under /newsroom/; never throws.
  http::Response handle(const http::Request& request);

  struct Call;  // one request on its way through the newsroom (newsroom/call.h)

 private:
  http::Response route(Call& call);

  // Each group of pages is in its own file: login_page.cpp, article_list_page.cpp,
  // article_editor.cpp, revision_pages.cpp, admin_pages.cpp, profile_page.cpp.
  http::Response login_form(Call& call, http::Status status, std::string_view error_key,
                            std::string_view email);
  http::Response sign_in(Call& call);
  http::Response sign_out(Call& call);

  http::Response article_list(Call& call);

  http::Response editor(Call& call, std::optional<content::ArticleId> id);
  http::Response editor_page(Call& call, const std::optional<store::EditableArticle>& existing,
                             const EditorValues& values, const std::vector<FieldError>& errors,
                             http::Status status);
  http::Response save_article(Call& call, std::optional<content::ArticleId> id);
  http::Response conflict_page(Call& call, content::ArticleId id,
                               const content::EditConflict& conflict);
  http::Response preview(Call& call, content::ArticleId id);
  http::Response delete_article(Call& call, content::ArticleId id);
  http::Response markdown_preview(Call& call);
  http::Response tag_suggestions(Call& call);

  http::Response revision_list(Call& call, content::ArticleId id);
  http::Response revision_view(Call& call, content::ArticleId id, std::int64_t revision);
  http::Response revision_compare(Call& call, content::ArticleId id);
  http::Response restore_revision(Call& call, content::ArticleId id, std::int64_t revision);

  http::Response users_page(Call& call);
  http::Response change_role(Call& call, std::int64_t user_id);
  http::Response sections_page(Call& call);
  http::Response settings_page(Call& call);
  http::Response labels_page(Call& call, store::LabelKind kind);  // label_pages.cpp
  http::Response author_profile(Call& call, std::string_view slug);

  // Comment moderation (comment_pages.cpp).
  http::Response comments_route(Call& call);
  http::Response comment_list(Call& call);
  http::Response comment_bulk_action(Call& call);
  http::Response comment_edit(Call& call, content::CommentId id);
  http::Response comment_reply(Call& call, content::CommentId id);
  http::Response comment_edit_page(Call& call, const content::Comment& comment,
                                   const CommentEditValues& values);
  http::Response comment_erase(Call& call);
  http::Response comment_settings(Call& call);

  // Shared by the pages (newsroom.cpp).
  theme::View frame(const Call& call, std::string title) const;
  http::Response page(const Call& call, http::Status status, std::string_view name,
                      theme::View view) const;
  http::Response message(const Call& call, http::Status status, std::string_view heading_key,
                         std::string_view message_key) const;
  http::Response forbidden(const Call& call) const;
  http::Response not_found(const Call& call) const;
  /// A 303 to `location`, built by our code from checked parts (see http::LocalPath::checked).
  http::Response see_other(const Call& call, const std::string& location) const;
  http::Response see_other(const Call& call, const http::LocalPath& location) const;
  std::string text(const Call& call, std::string_view key) const;

  NewsroomServices services_;
  std::unique_ptr<NewsroomTheme> theme_;
};

}  // namespace gazette::newsroom
