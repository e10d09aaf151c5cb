// The helpers the newsroom's pages share (declared in call.h).
#include "newsroom/call.h"

#include <charconv>

namespace gazette::newsroom {

theme::View options_view(const std::vector<std::pair<std::string, std::string>>& options,
                         std::string_view selected) {
  theme::View list{theme::View::type::list};
  for (const auto& [value, label] : options) {
    theme::View option;
    option.set("value", value);
    option.set("label", label);
    option.set("selected", value == selected);
    list.push_back(option);
  }
  return list;
}

theme::View errors_view(const std::vector<FieldError>& errors,
                        const std::function<std::string(std::string_view)>& text) {
  theme::View list{theme::View::type::list};
  for (const auto& error : errors) {
    theme::View item;
    item.set("field", error.field);
    item.set("label", text(error.label_key));
    item.set("reason", text(error.reason_key));
    list.push_back(item);
  }
  return list;
}

std::string local_input_value(content::Timestamp instant, const render::DateFormatter& dates) {
  return dates.iso8601(instant).substr(0, 16);  // "2024-12-08T06:00" of "…T06:00:00+01:00"
}

std::string local_display(content::Timestamp instant, const render::DateFormatter& dates) {
  auto value = local_input_value(instant, dates);
  if (value.size() > 10) value[10] = ' ';
  return value;
}

bool acceptable_text(std::string_view text, std::size_t max_bytes) {
  return text.size() <= max_bytes && !render::find_invalid_utf8(text);
}

std::vector<std::string> split_names(std::string_view text) {
  std::vector<std::string> names;
  while (!text.empty()) {
    auto comma = text.find(',');
    auto name = render::trim(text.substr(0, comma));
    if (!name.empty()) names.emplace_back(name);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return names;
}

std::string join_names(const std::vector<content::Term>& terms) {
  std::string joined;
  for (const auto& term : terms) joined += (joined.empty() ? "" : ", ") + term.name;
  return joined;
}

std::string status_key(content::ArticleStatus status) {
  return "status_" + std::string(content::to_string(status));
}

std::string role_key(content::Role role) {
  return "role_" + std::string(content::to_string(role));
}

std::optional<std::int64_t> parse_id(std::string_view text) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

}  // namespace gazette::newsroom
