// LiveService (see live_service.h).
#include "publishing/live_service.h"

#include "publishing/article_body.h"

namespace gazette::publishing {

namespace {

// A refusal found inside a write: thrown so the write path rolls back whatever was written.
struct Refused {
  LiveRefusal reason;
};

// Refuses unless `writer` may write to the coverage of an article signed by `author_slug`:
// editors and admins to any, authors to their own, contributors to none.
void check_permission(const LiveWriter& writer, std::string_view author_slug) {
  if (!writer || writer->role >= content::Role::editor) return;
  if (writer->role < content::Role::author) throw Refused{LiveRefusal::not_allowed};
  if (writer->author_slug != author_slug) throw Refused{LiveRefusal::not_yours};
}

// "/monde/offensive/" → {"monde", "offensive"}; nothing for another shape.
std::optional<std::pair<std::string, std::string>> split_path(std::string_view path) {
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  auto slash = path.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 >= path.size())
    return std::nullopt;
  auto slug = path.substr(slash + 1);
  if (slug.find('/') != std::string_view::npos) return std::nullopt;
  return std::pair{std::string(path.substr(0, slash)), std::string(slug)};
}

// The entry's stored text, or a refusal thrown.
content::LiveEntryText render(const LiveDraft& draft) {
  if (draft.markdown.size() > kMaxLiveEntryBytes) throw Refused{LiveRefusal::text_too_long};
  if (draft.markdown.find_first_not_of(" \t\r\n") == std::string::npos)
    throw Refused{LiveRefusal::empty_text};
  // The renderer every article body goes through (render/markdown.h: raw HTML dropped, the
  // result sanitised).
  return {draft.markdown, preview_html(draft.markdown), draft.photo, draft.key_event};
}

}  // namespace

std::string_view describe(LiveRefusal refusal) {
  switch (refusal) {
    case LiveRefusal::no_published_article:
      return "no published article at that path";
    case LiveRefusal::coverage_ended:
      return "the live coverage of this article has ended";
    case LiveRefusal::not_live:
      return "this article has no live coverage going on";
    case LiveRefusal::not_yours:
      return "an author posts to their own articles' coverage only";
    case LiveRefusal::not_allowed:
      return "contributors may not post live entries";
    case LiveRefusal::empty_text:
      return "the entry is empty";
    case LiveRefusal::text_too_long:
      return "the entry is longer than 20000 bytes";
    case LiveRefusal::no_such_entry:
      return "no such live entry";
    case LiveRefusal::no_such_photo:
      return "the photo names no stored image";
  }
  return "refused";
}

LiveService::Target LiveService::published_article(std::string_view article_path) {
  auto parts = split_path(article_path);
  if (!parts) throw Refused{LiveRefusal::no_published_article};
  auto article = store_.find_published_article(parts->first, parts->second);
  if (!article) throw Refused{LiveRefusal::no_published_article};
  return Target{article->summary.id, article->summary.section.slug, article->summary.slug,
                article->summary.author.slug};
}

LiveService::Target LiveService::published_article(content::ArticleId id) {
  auto found = editorial_.find_article(id);
  if (!found || found->article.status != content::ArticleStatus::published)
    throw Refused{LiveRefusal::no_published_article};
  const auto& summary = found->article.summary;
  return Target{summary.id, summary.section.slug, summary.slug, summary.author.slug};
}

std::variant<content::LiveEntryId, LiveRefusal> LiveService::post(std::string_view article_path,
                                                                  const LiveWriter& writer,
                                                                  const LiveDraft& draft) {
  auto now = clock_.now();
  try {
    auto text = render(draft);
    // The checks read inside the write: no other write can commit between them and it.
    return write_path_.run([&](store::WriteTransaction& write) {
      auto target = published_article(article_path);
      check_permission(writer, target.author_slug);
      auto coverage = live_.coverage(target.id);
      if (coverage && !coverage->live()) throw Refused{LiveRefusal::coverage_ended};
      if (!coverage) {
        live_.start_coverage(write, target.id, now);
        write.announce(content::LiveChanged{content::LiveChanged::Kind::started, target.id, 0,
                                            target.section_slug, target.slug});
      }
      auto author = writer ? writer->author_slug : target.author_slug;
      auto id = live_.add_entry(write, target.id, author, text, now);
      if (!id) throw Refused{LiveRefusal::no_such_photo};
      write.announce(content::LiveChanged{content::LiveChanged::Kind::posted, target.id, id->value,
                                          target.section_slug, target.slug});
      return *id;
    });
  } catch (const Refused& refused) {
    return refused.reason;
  }
}

std::optional<LiveRefusal> LiveService::end(std::string_view article_path,
                                            const LiveWriter& writer) {
  auto now = clock_.now();
  try {
    write_path_.run([&](store::WriteTransaction& write) {
      auto target = published_article(article_path);
      check_permission(writer, target.author_slug);
      auto coverage = live_.coverage(target.id);
      if (!coverage) throw Refused{LiveRefusal::not_live};
      if (!coverage->live()) throw Refused{LiveRefusal::coverage_ended};
      live_.end_coverage(write, target.id, now);
      write.announce(content::LiveChanged{content::LiveChanged::Kind::ended, target.id, 0,
                                          target.section_slug, target.slug});
    });
    return std::nullopt;
  } catch (const Refused& refused) {
    return refused.reason;
  }
}

template <class Change>
std::optional<LiveRefusal> LiveService::change_entry(content::LiveEntryId id,
                                                     const LiveWriter& writer,
                                                     content::LiveChanged::Kind kind,
                                                     Change&& change) {
  try {
    write_path_.run([&](store::WriteTransaction& write) {
      auto entry = live_.find_entry(id);
      if (!entry || entry->deleted_at) throw Refused{LiveRefusal::no_such_entry};
      auto target = published_article(entry->article);
      check_permission(writer, target.author_slug);
      auto coverage = live_.coverage(target.id);
      if (!coverage || !coverage->live()) throw Refused{LiveRefusal::coverage_ended};
      change(write, *entry);
      write.announce(
          content::LiveChanged{kind, target.id, id.value, target.section_slug, target.slug});
    });
    return std::nullopt;
  } catch (const Refused& refused) {
    return refused.reason;
  }
}

std::optional<LiveRefusal> LiveService::edit(content::LiveEntryId id, const LiveWriter& writer,
                                             const LiveDraft& draft) {
  auto now = clock_.now();
  try {
    auto text = render(draft);
    return change_entry(id, writer, content::LiveChanged::Kind::edited,
                        [&](store::WriteTransaction& write, const content::LiveEntry&) {
                          if (!live_.edit_entry(write, id, text, now))
                            throw Refused{LiveRefusal::no_such_photo};
                        });
  } catch (const Refused& refused) {
    return refused.reason;
  }
}

std::optional<LiveRefusal> LiveService::remove(content::LiveEntryId id, const LiveWriter& writer) {
  auto now = clock_.now();
  return change_entry(id, writer, content::LiveChanged::Kind::deleted,
                      [&](store::WriteTransaction& write, const content::LiveEntry&) {
                        live_.delete_entry(write, id, now);
                      });
}

std::optional<LiveRefusal> LiveService::pin(content::LiveEntryId id, const LiveWriter& writer,
                                            bool pinned) {
  return change_entry(id, writer, content::LiveChanged::Kind::edited,
                      [&](store::WriteTransaction& write, const content::LiveEntry& entry) {
                        live_.pin_entry(write, entry.article,
                                        pinned ? std::optional(id) : std::nullopt);
                      });
}

std::optional<LiveRefusal> LiveService::check_post(std::string_view article_path,
                                                   const LiveWriter& writer) {
  try {
    auto target = published_article(article_path);
    check_permission(writer, target.author_slug);
    auto coverage = live_.coverage(target.id);
    if (coverage && !coverage->live()) return LiveRefusal::coverage_ended;
    return std::nullopt;
  } catch (const Refused& refused) {
    return refused.reason;
  }
}

std::optional<LiveRefusal> LiveService::check_entry(content::LiveEntryId id,
                                                    const LiveWriter& writer) {
  try {
    auto entry = live_.find_entry(id);
    if (!entry || entry->deleted_at) return LiveRefusal::no_such_entry;
    auto target = published_article(entry->article);
    check_permission(writer, target.author_slug);
    auto coverage = live_.coverage(target.id);
    if (!coverage || !coverage->live()) return LiveRefusal::coverage_ended;
    return std::nullopt;
  } catch (const Refused& refused) {
    return refused.reason;
  }
}

}  // namespace gazette::publishing
