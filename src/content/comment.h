// Domain types of reader comments: what a comment is, where it stands in moderation, and the
// per-site rules that decide it — independent of how the Store keeps them or a theme shows them.
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "content/types.h"

namespace gazette::content {

struct CommentId {
  std::int64_t value = 0;
  auto operator<=>(const CommentId&) const = default;
};

/// Where a comment is in moderation; only `approved` ones reach readers.
enum class CommentStatus { pending, approved, spam, trash };

inline constexpr std::array kCommentStatuses = {CommentStatus::pending, CommentStatus::approved,
                                                CommentStatus::spam, CommentStatus::trash};

inline std::string_view to_string(CommentStatus status) {
  switch (status) {
    case CommentStatus::pending:
      return "pending";
    case CommentStatus::approved:
      return "approved";
    case CommentStatus::spam:
      return "spam";
    case CommentStatus::trash:
      return "trash";
  }
  return "pending";
}

inline std::optional<CommentStatus> parse_comment_status(std::string_view text) {
  for (auto status : kCommentStatuses) {
    if (to_string(status) == text) return status;
  }
  return std::nullopt;
}

/// The article a comment belongs to, as comment pages and events need it.
struct CommentedArticle {
  ArticleId id;
  std::string section_slug;
  std::string slug;
  std::string title;
  Timestamp published_at{};
  bool closed = false;  // an editor closed its comments
};

/// A comment as stored. `author_email` and `ip` are for moderators only, never shown to readers.
struct Comment {
  CommentId id;
  ArticleId article;
  std::optional<CommentId> parent;
  std::string author_name;
  std::string author_email;  // lower-cased
  std::string author_url;    // empty, or an http(s) URL
  std::string body;          // plain text, paragraphs separated by blank lines
  CommentStatus status = CommentStatus::pending;
  std::string spam_reason;  // why the defences sent it to spam; empty otherwise
  std::string ip;
  std::string user_agent;
  std::string avatar_key;  // 16 hex digits: keyed hash of the e-mail, names the avatar image
  bool by_staff = false;   // written by the newsroom (a staff reply)
  Timestamp created_at{};
  Timestamp updated_at{};
};

/// Who holds a new comment for a moderator before readers see it.
enum class ModerationRule {
  hold_all,         // every comment waits for a moderator
  hold_first_time,  // an e-mail address with no approved comment yet waits; known ones publish
  publish,          // every comment that passes the spam defences is published at once
};

inline std::string_view to_string(ModerationRule rule) {
  switch (rule) {
    case ModerationRule::hold_all:
      return "hold-all";
    case ModerationRule::hold_first_time:
      return "hold-first-time";
    case ModerationRule::publish:
      return "publish";
  }
  return "hold-all";
}

inline std::optional<ModerationRule> parse_moderation_rule(std::string_view text) {
  for (auto rule :
       {ModerationRule::hold_all, ModerationRule::hold_first_time, ModerationRule::publish}) {
    if (to_string(rule) == text) return rule;
  }
  return std::nullopt;
}

/// Per-site comment settings an admin changes. The defaults are those a small newsroom can live
/// with before tuning anything.
struct CommentSettings {
  bool enabled = true;
  // WordPress's default too: a reader is trusted once a moderator approved them once.
  ModerationRule moderation = ModerationRule::hold_first_time;
  // Close comments this many days after publication; 0 keeps them open. Off by default (as in
  // WordPress): an imported archive would otherwise arrive with every discussion closed.
  std::int64_t close_after_days = 0;
  // Nobody reads an article and writes a comment in under three seconds; scripts do.
  std::int64_t min_fill_seconds = 3;
  // A form older than a day was probably scraped and replayed; a reader just sends it again.
  std::int64_t max_form_age_seconds = 24 * 3600;
  // Spam carries links; a reader rarely needs more than two to make a point.
  std::int64_t max_links = 2;
  // Comments (of any status) one address may leave per hour: a conversation, not a flood.
  std::int64_t max_per_hour = 10;
  // Matched case-insensitively inside the name, e-mail, website and text: the comment goes to spam.
  std::vector<std::string> blocked_words;
  // An IP address (or a prefix ending in '.' or ':'), an e-mail, or "@domain": to spam.
  std::vector<std::string> blocked_addresses;
  // Behind a reverse proxy every request comes from it; the client is then the last address of
  // X-Forwarded-For. Off by default: a direct client could forge that header.
  bool trust_forwarded_for = false;
};

/// The settings as the rows of a key/value table, as every backend stores them (the form-signing
/// key shares that table under its own key, which this mapping never writes).
std::vector<std::pair<std::string_view, std::string>> comment_setting_rows(
    const CommentSettings& settings);
/// Reads one row back; an unknown key (the secret, a newer version's) is ignored, and a value
/// that does not parse leaves the setting as it was.
void apply_comment_setting_row(CommentSettings& settings, std::string_view key,
                               std::string_view value);

}  // namespace gazette::content
