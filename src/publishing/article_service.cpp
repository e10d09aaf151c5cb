// ArticleService: each write and its announcement in one transaction (see article_service.h).
#include "publishing/article_service.h"

#include "publishing/article_body.h"

namespace gazette::publishing {

namespace {

content::ArticleChanged changed(const content::SavedArticle& saved) {
  return {saved.id, saved.before, saved.after};
}

}  // namespace

content::SavedArticle ArticleService::save(const content::ArticleDraft& draft) {
  auto now = clock_.now();
  return write_path_.run([&](store::WriteTransaction& write) {
    auto saved = store_.save_article(write, draft, now);
    write.announce(changed(saved));
    return saved;
  });
}

std::vector<content::SavedArticle> ArticleService::save_batch(
    const std::vector<content::ArticleDraft>& drafts) {
  auto now = clock_.now();
  return write_path_.run([&](store::WriteTransaction& write) {
    std::vector<content::SavedArticle> saved;
    saved.reserve(drafts.size());
    for (const auto& draft : drafts) saved.push_back(store_.save_article(write, draft, now));
    write.announce(content::SettingsChanged{});
    return saved;
  });
}

content::EditResult ArticleService::save_edit(const content::ArticleEdit& edit) {
  auto now = clock_.now();
  // The HTML readers get is made here, from the Markdown, whoever asked for the save.
  auto rendered = edit;
  rendered.body_html = body_html_for(edit.body_markdown, edit.lead);
  return write_path_.run([&](store::WriteTransaction& write) {
    auto result = editorial_.save_edit(write, rendered, now);
    if (auto* saved = std::get_if<content::SavedArticle>(&result)) write.announce(changed(*saved));
    return result;
  });
}

bool ArticleService::remove(content::ArticleId id) {
  auto now = clock_.now();
  return write_path_.run([&](store::WriteTransaction& write) {
    auto before = editorial_.delete_article(write, id, now);
    if (!before) return false;
    write.announce(content::ArticleChanged{id, before, std::nullopt});
    return true;
  });
}

int ArticleService::publish_due(content::Timestamp now) {
  return write_path_.run([&](store::WriteTransaction& write) {
    auto published = editorial_.publish_due(write, now);
    for (const auto& saved : published) write.announce(changed(saved));
    return static_cast<int>(published.size());
  });
}

int ArticleService::announce_published_between(content::Timestamp after, content::Timestamp until) {
  auto reached = editorial_.published_between(after, until);
  if (reached.empty()) return 0;
  // Nothing is written: the date did it. The announcements alone go through a write, so other
  // processes hear of them as of any change.
  write_path_.run([&](store::WriteTransaction& write) {
    for (const auto& saved : reached) write.announce(changed(saved));
  });
  return static_cast<int>(reached.size());
}

std::optional<content::Timestamp> ArticleService::next_due(content::Timestamp now) {
  return editorial_.next_due(now);
}

}  // namespace gazette::publishing
