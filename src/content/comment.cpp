// The comment settings as key/value rows (see comment.h), one mapping for every backend.
#include "content/comment.h"

#include <charconv>

#include "content/line_list.h"

namespace gazette::content {

namespace {

std::int64_t to_int(std::string_view text, std::int64_t fallback) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() ? value : fallback;
}

}  // namespace

std::vector<std::pair<std::string_view, std::string>> comment_setting_rows(
    const CommentSettings& settings) {
  return {{"enabled", settings.enabled ? "1" : "0"},
          {"moderation", std::string(to_string(settings.moderation))},
          {"close_after_days", std::to_string(settings.close_after_days)},
          {"min_fill_seconds", std::to_string(settings.min_fill_seconds)},
          {"max_form_age_seconds", std::to_string(settings.max_form_age_seconds)},
          {"max_links", std::to_string(settings.max_links)},
          {"max_per_hour", std::to_string(settings.max_per_hour)},
          {"blocked_words", join_lines(settings.blocked_words)},
          {"blocked_addresses", join_lines(settings.blocked_addresses)},
          {"trust_forwarded_for", settings.trust_forwarded_for ? "1" : "0"}};
}

void apply_comment_setting_row(CommentSettings& settings, std::string_view key,
                               std::string_view value) {
  if (key == "enabled")
    settings.enabled = value == "1";
  else if (key == "moderation")
    settings.moderation = parse_moderation_rule(value).value_or(settings.moderation);
  else if (key == "close_after_days")
    settings.close_after_days = to_int(value, settings.close_after_days);
  else if (key == "min_fill_seconds")
    settings.min_fill_seconds = to_int(value, settings.min_fill_seconds);
  else if (key == "max_form_age_seconds")
    settings.max_form_age_seconds = to_int(value, settings.max_form_age_seconds);
  else if (key == "max_links")
    settings.max_links = to_int(value, settings.max_links);
  else if (key == "max_per_hour")
    settings.max_per_hour = to_int(value, settings.max_per_hour);
  else if (key == "blocked_words")
    settings.blocked_words = split_lines(value);
  else if (key == "blocked_addresses")
    settings.blocked_addresses = split_lines(value);
  else if (key == "trust_forwarded_for")
    settings.trust_forwarded_for = value == "1";
}

}  // namespace gazette::content
