// Comment form checks (see comment_form.h).
#include "comments/comment_form.h"

#include <charconv>

#include "comments/comment_text.h"
#include "render/text.h"

namespace gazette::comments {

namespace {

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lowercase_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lower(c);
  return out;
}

// A plausible address: one '@', something before it, a dotted domain after it, no spaces.
// Whether it receives mail is not ours to check; it is never shown nor written to.
bool is_email(std::string_view email) {
  auto at = email.find('@');
  if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos)
    return false;
  auto domain = email.substr(at + 1);
  auto dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return false;
  for (char c : email) {
    if (c == ' ' || c == '<' || c == '>' || c == '"' || c == ',' || c == ';') return false;
  }
  return true;
}

// The website as a link target: http(s) only; "www.x.fr" gets "https://". Anything with another
// scheme ("javascript:", "data:") is refused, so a reader's link can never run script.
std::optional<std::string> website_url(std::string_view text) {
  auto lowered = lowercase_ascii(text);
  std::string url(text);
  if (!lowered.starts_with("http://") && !lowered.starts_with("https://")) {
    auto colon = lowered.find(':');
    auto slash = lowered.find('/');
    if (colon != std::string::npos && (slash == std::string::npos || colon < slash))
      return std::nullopt;  // some other scheme
    url = "https://" + url;
  }
  auto host_start = url.find("//") + 2;
  auto host_end = url.find_first_of("/?#", host_start);
  auto host = std::string_view(url).substr(
      host_start, host_end == std::string::npos ? std::string::npos : host_end - host_start);
  if (host.empty() || host.find('.') == std::string_view::npos) return std::nullopt;
  for (char c : url) {
    auto byte = static_cast<unsigned char>(c);
    if (byte <= ' ' || c == '<' || c == '>' || c == '"' || c == '\'' || c == '`' || c == '\\')
      return std::nullopt;
  }
  return url;
}

}  // namespace

std::string_view to_string(FieldProblem problem) {
  switch (problem) {
    case FieldProblem::missing:
      return "missing";
    case FieldProblem::too_long:
      return "too_long";
    case FieldProblem::not_text:
      return "not_text";
    case FieldProblem::invalid_email:
      return "invalid_email";
    case FieldProblem::invalid_url:
      return "invalid_url";
    case FieldProblem::invalid_parent:
      return "invalid_parent";
  }
  return "missing";
}

std::variant<CheckedComment, std::vector<FieldError>> check_form(const CommentForm& form) {
  std::vector<FieldError> errors;
  CheckedComment checked;

  // Each text field: valid UTF-8, normalised, present when required, within its limit.
  auto text_field = [&](const char* field, const std::string& raw, bool required, std::size_t limit,
                        bool multiline) -> std::optional<std::string> {
    if (render::find_invalid_utf8(raw)) {
      errors.push_back({field, FieldProblem::not_text});
      return std::nullopt;
    }
    auto value = multiline ? normalize_body(raw) : normalize_line(raw);
    if (required && value.empty()) {
      errors.push_back({field, FieldProblem::missing});
      return std::nullopt;
    }
    if (count_characters(value) > limit) {
      errors.push_back({field, FieldProblem::too_long, limit});
      return std::nullopt;
    }
    return value;
  };

  if (auto name = text_field("name", form.name, true, kMaxNameCharacters, false))
    checked.name = std::move(*name);
  if (auto email = text_field("email", form.email, true, kMaxEmailCharacters, false)) {
    if (is_email(*email))
      checked.email = lowercase_ascii(*email);
    else
      errors.push_back({"email", FieldProblem::invalid_email});
  }
  if (auto website = text_field("website", form.website, false, kMaxWebsiteCharacters, false);
      website && !website->empty()) {
    if (auto url = website_url(*website))
      checked.website = std::move(*url);
    else
      errors.push_back({"website", FieldProblem::invalid_url});
  }
  if (auto body = text_field("comment", form.comment, true, kMaxCommentCharacters, true))
    checked.body = std::move(*body);

  auto parent = render::trim(form.parent_id);
  if (!parent.empty()) {
    std::int64_t id = 0;
    auto [end, error] = std::from_chars(parent.data(), parent.data() + parent.size(), id);
    if (error != std::errc() || end != parent.data() + parent.size() || id <= 0)
      errors.push_back({"parent_id", FieldProblem::invalid_parent});
    else
      checked.parent = content::CommentId{id};
  }

  if (!errors.empty()) return errors;
  return checked;
}

}  // namespace gazette::comments
