// The newsroom's articles: the list (/newsroom/articles/), the editor and its workflow, the
// preview, deletion, revisions (article_list_page.cpp, article_editor.cpp, revision_pages.cpp),
// the editor's Markdown preview (/newsroom/markdown-preview) and tag suggestions
// (/newsroom/tags). Reads and writes go through publishing::ArticleService; the workflow rules
// are publishing/article_workflow.h.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "media/media_service.h"
#include "newsletters/newsletter_service.h"
#include "newsroom/area.h"
#include "publishing/article_service.h"
#include "publishing/live_service.h"
#include "publishing/preview_link_service.h"
#include "publishing/term_service.h"
#include "site/page_environment.h"

namespace gazette::newsroom {

class ArticlePages final : public Area {
 public:
  ArticlePages(const Desk& desk, publishing::ArticleService& articles,
               publishing::TermService& terms, media::MediaService& media,
               site::PageEnvironment& pages, publishing::PreviewLinkService& preview_links,
               newsletters::NewsletterService& newsletters, publishing::LiveService& live)
      : Area(desk),
        articles_(articles),
        terms_(terms),
        media_(media),
        pages_(pages),
        preview_links_(preview_links),
        newsletters_(newsletters),
        live_(live) {}

  std::vector<std::string_view> segments() const override {
    return {"articles", "markdown-preview", "tags"};
  }
  http::Response handle(Call& call) override;
  bool takes_raw_body(const Call& call) const override;

 private:
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

  // Embargo preview links (preview_link_pages.cpp).
  http::Response preview_links(Call& call, content::ArticleId id);
  http::Response create_preview_link(Call& call, content::ArticleId id);
  http::Response revoke_preview_link(Call& call, content::ArticleId id, std::int64_t link);
  http::Response preview_links_page(Call& call, const content::Article& article,
                                    const std::optional<std::string>& new_link,
                                    http::Status status);

  http::Response revision_list(Call& call, content::ArticleId id);
  http::Response revision_view(Call& call, content::ArticleId id, std::int64_t revision);
  http::Response revision_compare(Call& call, content::ArticleId id);
  http::Response restore_revision(Call& call, content::ArticleId id, std::int64_t revision);

  publishing::ArticleService& articles_;
  publishing::TermService& terms_;
  media::MediaService& media_;
  site::PageEnvironment& pages_;
  publishing::PreviewLinkService& preview_links_;
  newsletters::NewsletterService& newsletters_;  // the "breaking news" send when publishing
  publishing::LiveService& live_;  // which articles are live: a link to their composer
};

/// Whether `user` may hand out preview links to `article` at `now`: editors (who publish
/// anyone's articles), while it is under embargo.
bool may_share_preview(const content::User& user, const content::Article& article,
                       content::Timestamp now);

}  // namespace gazette::newsroom
