// Reading what a browser sends: URL-encoded forms and query strings, and multipart forms with
// files (RFC 7578). Values are kept as bytes; the handlers check UTF-8 and lengths.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace gazette::newsroom {

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

/// Decodes "a=1&b=x%20y" (also a query string).
Form parse_urlencoded(std::string_view text);

/// Decodes `body` by its Content-Type: URL-encoded or multipart/form-data.
std::variant<Form, FormError> parse_form(std::string_view content_type, std::string_view body);

}  // namespace gazette::newsroom
