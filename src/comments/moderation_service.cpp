// ModerationService: moderation writes and their announcements (see moderation_service.h).
#include "comments/moderation_service.h"

#include <map>

#include <spdlog/spdlog.h>

#include "comments/comment_service.h"

namespace gazette::comments {

namespace {
// What the spam list says of a comment a person (not a defence) sent there.
constexpr std::string_view kMarkedByModerator = "marked as spam by a moderator";
}  // namespace

void ModerationService::announce(store::WriteTransaction& write,
                                 const std::vector<store::CommentChange>& changes) {
  // One announcement per article, naming the comments it approved.
  std::map<std::int64_t, content::CommentChanged> by_article;
  for (const auto& change : changes) {
    if (!change.visible_before && !change.visible_after) continue;
    auto [entry, added] = by_article.try_emplace(
        change.article.id.value,
        content::CommentChanged{change.article.id, change.article.section_slug,
                                change.article.slug});
    if (!change.visible_before) entry->second.approved.push_back(change.id);
  }
  for (const auto& [article, changed] : by_article) write.announce(changed);
}

std::size_t ModerationService::set_status(const std::vector<content::CommentId>& ids,
                                          content::CommentStatus status, std::string_view reason,
                                          content::Timestamp now) {
  auto changes = write_path_.run([&](store::WriteTransaction& write) {
    auto changes = store_.set_comment_status(write, ids, status, reason, now);
    announce(write, changes);
    return changes;
  });
  for (const auto& change : changes)
    spdlog::info("comment {} {}", change.id.value, content::to_string(status));
  return changes.size();
}

std::size_t ModerationService::approve(const std::vector<content::CommentId>& ids,
                                       content::Timestamp now) {
  return set_status(ids, content::CommentStatus::approved, "", now);
}

std::size_t ModerationService::hold(const std::vector<content::CommentId>& ids,
                                    content::Timestamp now) {
  return set_status(ids, content::CommentStatus::pending, "", now);
}

std::size_t ModerationService::mark_spam(const std::vector<content::CommentId>& ids,
                                         content::Timestamp now) {
  return set_status(ids, content::CommentStatus::spam, kMarkedByModerator, now);
}

std::size_t ModerationService::trash(const std::vector<content::CommentId>& ids,
                                     content::Timestamp now) {
  return set_status(ids, content::CommentStatus::trash, "", now);
}

std::size_t ModerationService::remove(const std::vector<content::CommentId>& ids) {
  auto changes = write_path_.run([&](store::WriteTransaction& write) {
    auto changes = store_.delete_comments(write, ids);
    announce(write, changes);
    return changes;
  });
  for (const auto& change : changes) spdlog::info("comment {} deleted", change.id.value);
  return changes.size();
}

std::size_t ModerationService::erase_author(std::string_view email) {
  std::string address(email);
  for (char& c : address) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  auto changes = write_path_.run([&](store::WriteTransaction& write) {
    auto changes = store_.erase_comments_by(write, address);
    announce(write, changes);
    return changes;
  });
  spdlog::info("erased {} comments written by one e-mail address", changes.size());
  return changes.size();
}

CommentResult ModerationService::edit(content::CommentId id, const std::string& name,
                                      const std::string& website, const std::string& body,
                                      content::Timestamp now) {
  auto existing = store_.find_comment(id);
  if (!existing) return NoSuchComment{};
  auto checked = check_form({.name = name,
                             .email = existing->author_email,
                             .website = website,
                             .comment = body,
                             .parent_id = "",
                             .form_token = "",
                             .honeypot = ""});
  if (auto* errors = std::get_if<std::vector<FieldError>>(&checked)) return std::move(*errors);
  const auto& fields = std::get<CheckedComment>(checked);
  auto change = write_path_.run([&](store::WriteTransaction& write) {
    auto change = store_.edit_comment(write, id, {fields.name, fields.website, fields.body}, now);
    if (change) announce(write, {*change});
    return change;
  });
  if (!change) return NoSuchComment{};
  spdlog::info("comment {} edited", id.value);
  return *store_.find_comment(id);
}

CommentResult ModerationService::reply(content::CommentId parent, const StaffIdentity& staff,
                                       const std::string& body, content::Timestamp now) {
  auto replied = store_.find_comment(parent);
  if (!replied) return NoSuchComment{};
  auto checked = check_form({.name = staff.name,
                             .email = staff.email,
                             .website = "",
                             .comment = body,
                             .parent_id = std::to_string(parent.value),
                             .form_token = "",
                             .honeypot = ""});
  if (auto* errors = std::get_if<std::vector<FieldError>>(&checked)) return std::move(*errors);
  const auto& fields = std::get<CheckedComment>(checked);

  store::NewComment row;
  row.article = replied->article;
  row.parent = parent;
  row.author_name = fields.name;
  row.author_email = fields.email;
  row.body = fields.body;
  row.status = content::CommentStatus::approved;
  row.avatar_key = avatar_key(key_, fields.email);
  row.by_staff = true;
  row.created_at = now;
  auto article = store_.find_commented_article(replied->article);
  bool approves_parent = replied->status != content::CommentStatus::approved;
  auto id = write_path_.run([&](store::WriteTransaction& write) {
    if (approves_parent)
      store_.set_comment_status(write, {parent}, content::CommentStatus::approved, "", now);
    auto id = store_.add_comment(write, row);
    if (article) {
      content::CommentChanged changed{article->id, article->section_slug, article->slug, {id}};
      if (approves_parent) changed.approved.insert(changed.approved.begin(), parent);
      write.announce(changed);
    }
    return id;
  });
  if (approves_parent) spdlog::info("comment {} approved", parent.value);
  spdlog::info("comment {}: staff reply to {}", id.value, parent.value);
  return *store_.find_comment(id);
}

std::string describe(SettingProblem problem) {
  switch (problem) {
    case SettingProblem::negative:
      return "must be 0 or more";
    case SettingProblem::shorter_than_fill_time:
      return "must not be less than min_fill_seconds";
  }
  return "out of range";
}

std::optional<SettingsError> ModerationService::save_settings(
    const content::CommentSettings& settings) {
  const std::pair<const char*, std::int64_t> numbers[] = {
      {"close_after_days", settings.close_after_days},
      {"min_fill_seconds", settings.min_fill_seconds},
      {"max_form_age_seconds", settings.max_form_age_seconds},
      {"max_links", settings.max_links},
      {"max_per_hour", settings.max_per_hour},
  };
  for (const auto& [name, value] : numbers) {
    if (value < 0) return SettingsError{name, SettingProblem::negative};
  }
  if (settings.max_form_age_seconds < settings.min_fill_seconds)
    return SettingsError{"max_form_age_seconds", SettingProblem::shorter_than_fill_time};
  write_path_.run([&](store::WriteTransaction& write) {
    store_.save_comment_settings(write, settings);
    write.announce(content::SettingsChanged{});
  });
  return std::nullopt;
}

bool ModerationService::set_comments_open(content::ArticleId id, bool open) {
  auto article = store_.find_commented_article(id);
  if (!article) return false;
  auto now = clock_.now();
  return write_path_.run([&](store::WriteTransaction& write) {
    if (!store_.set_comments_closed(write, id, !open, now)) return false;
    write.announce(content::CommentChanged{article->id, article->section_slug, article->slug});
    return true;
  });
}

}  // namespace gazette::comments
