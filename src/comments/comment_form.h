// The comment form as a reader sent it, and its checks: each field kept as the reader typed it
// (so a refused form can be shown again with nothing lost), then validated into what is stored.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "content/comment.h"

namespace gazette::comments {

/// The fields of the comment form, as received. Field names are those of the HTML form.
struct CommentForm {
  std::string name;
  std::string email;
  std::string website;
  std::string comment;
  std::string parent_id;   // empty for a comment on the article
  std::string form_token;  // the signed timestamp (see form_token.h)
  std::string honeypot;    // a field hidden from people: only scripts fill it in
};

enum class FieldProblem { missing, too_long, not_text, invalid_email, invalid_url, invalid_parent };

/// What is wrong with one field: `field` is the form field's name.
struct FieldError {
  std::string field;
  FieldProblem problem;
  std::size_t limit = 0;  // for too_long: the most allowed (characters)
};

/// A form whose fields passed every check, normalised as stored.
struct CheckedComment {
  std::string name;
  std::string email;    // lower-cased
  std::string website;  // empty, or an http(s) URL
  std::string body;
  std::optional<content::CommentId> parent;
};

/// A name is a signature, not a paragraph.
inline constexpr std::size_t kMaxNameCharacters = 80;
/// The longest address SMTP can carry (RFC 5321).
inline constexpr std::size_t kMaxEmailCharacters = 254;
/// Longer website addresses are tracking links, not a reader's home page.
inline constexpr std::size_t kMaxWebsiteCharacters = 300;
/// About 800 words: room for an argued reply, far below the HTTP body limit (1 MiB), so a long
/// text gets this form error instead of a bare 413.
inline constexpr std::size_t kMaxCommentCharacters = 5000;

/// Checks and normalises every field; on failure, every field error at once.
std::variant<CheckedComment, std::vector<FieldError>> check_form(const CommentForm& form);

/// The stable name of `problem`, used in logs and message keys ("too_long").
std::string_view to_string(FieldProblem problem);

}  // namespace gazette::comments
