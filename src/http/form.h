// Reading what a browser sends: URL-encoded forms and query strings, and multipart forms with
// files (RFC 7578) — the one form parser of Gazette (the newsroom, the comment form, query
// strings). A name sent twice keeps its FIRST value, everywhere: what a page's own form puts
// first is what counts, and a value appended to a body or a query cannot override it. Values are
// kept as bytes; the handlers check UTF-8 and lengths.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace gazette::http {

/// A file sent in a multipart form.
struct UploadedFile {
  std::string file_name;  // as the browser gave it, never used as a path
  std::string bytes;
};

/// The fields of a form (the first value of each name) and its files.
struct Form {
  std::map<std::string, std::string, std::less<>> fields;
  std::map<std::string, UploadedFile, std::less<>> files;

  /// The field's value, or "" when absent.
  std::string get(std::string_view name) const;
  bool has(std::string_view name) const { return fields.contains(name); }
};

/// A body that is not the form it claims to be.
struct FormError {
  std::string reason;
};

/// Decodes "a=1&b=x%20y" (also a query string). '+' is a space and %XX a byte; a malformed
/// escape is kept as written; a field without a name is dropped.
Form parse_urlencoded(std::string_view text);

/// Whether `content_type` is a urlencoded form ("application/x-www-form-urlencoded; charset=…").
bool is_urlencoded_form(std::string_view content_type);

/// Decodes `body` by its Content-Type: URL-encoded or multipart/form-data.
std::variant<Form, FormError> parse_form(std::string_view content_type, std::string_view body);

}  // namespace gazette::http
