// Form decoding (see form.h).
#include "http/form.h"

#include "http/percent_encoding.h"

#include <cctype>

namespace gazette::http {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The value of parameter `name` in a header value such as `form-data; name="photo"`.
std::optional<std::string> header_parameter(std::string_view header, std::string_view name) {
  std::size_t pos = 0;
  while ((pos = header.find(';', pos)) != std::string_view::npos) {
    ++pos;
    while (pos < header.size() && header[pos] == ' ') ++pos;
    auto equals = header.find('=', pos);
    if (equals == std::string_view::npos) return std::nullopt;
    auto key = lower(header.substr(pos, equals - pos));
    std::size_t value_start = equals + 1;
    std::string value;
    if (value_start < header.size() && header[value_start] == '"') {
      auto close = header.find('"', value_start + 1);
      if (close == std::string_view::npos) return std::nullopt;
      value = std::string(header.substr(value_start + 1, close - value_start - 1));
      pos = close + 1;
    } else {
      auto end = header.find(';', value_start);
      value = std::string(header.substr(
          value_start, end == std::string_view::npos ? std::string_view::npos : end - value_start));
      pos = value_start;
    }
    if (key == name) return value;
  }
  return std::nullopt;
}

std::variant<Form, FormError> parse_multipart(std::string_view boundary, std::string_view body) {
  Form form;
  const std::string delimiter = "--" + std::string(boundary);
  auto pos = body.find(delimiter);
  if (pos == std::string_view::npos) return FormError{"no multipart boundary in the body"};
  pos += delimiter.size();
  for (;;) {
    if (body.substr(pos, 2) == "--") return form;  // the closing delimiter
    if (body.substr(pos, 2) != "\r\n") return FormError{"malformed multipart delimiter"};
    pos += 2;
    auto headers_end = body.find("\r\n\r\n", pos);
    if (headers_end == std::string_view::npos) return FormError{"multipart part without headers"};
    auto headers = body.substr(pos, headers_end - pos);
    auto content_start = headers_end + 4;
    auto next = body.find("\r\n" + delimiter, content_start);
    if (next == std::string_view::npos) return FormError{"multipart body is truncated"};
    auto content = body.substr(content_start, next - content_start);

    std::optional<std::string> name;
    std::optional<std::string> file_name;
    std::size_t line_start = 0;
    while (line_start <= headers.size()) {
      auto line_end = headers.find("\r\n", line_start);
      auto line =
          headers.substr(line_start, line_end == std::string_view::npos ? std::string_view::npos
                                                                        : line_end - line_start);
      auto colon = line.find(':');
      if (colon != std::string_view::npos &&
          lower(line.substr(0, colon)) == "content-disposition") {
        auto value = line.substr(colon + 1);
        name = header_parameter(value, "name");
        file_name = header_parameter(value, "filename");
      }
      if (line_end == std::string_view::npos) break;
      line_start = line_end + 2;
    }
    if (!name) return FormError{"multipart part without a name"};
    if (file_name) {
      if (!form.files.contains(*name))
        form.files[*name] = UploadedFile{*file_name, std::string(content)};
    } else if (!form.fields.contains(*name)) {
      form.fields[*name] = std::string(content);
    }
    pos = next + 2 + delimiter.size();
  }
}

}  // namespace

std::string Form::get(std::string_view name) const {
  auto found = fields.find(name);
  return found == fields.end() ? std::string() : found->second;
}

Form parse_urlencoded(std::string_view text) {
  Form form;
  while (!text.empty()) {
    auto amp = text.find('&');
    auto pair = text.substr(0, amp);
    auto equals = pair.find('=');
    auto name = percent_decode(pair.substr(0, equals), true);
    auto value = equals == std::string_view::npos ? std::string()
                                                  : percent_decode(pair.substr(equals + 1), true);
    if (!name.empty() && !form.fields.contains(name)) form.fields[name] = std::move(value);
    if (amp == std::string_view::npos) break;
    text.remove_prefix(amp + 1);
  }
  return form;
}

std::variant<Form, FormError> parse_form(std::string_view content_type, std::string_view body) {
  auto type = lower(content_type.substr(0, content_type.find(';')));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  if (type == "application/x-www-form-urlencoded" || (type.empty() && body.empty()))
    return parse_urlencoded(body);
  if (type == "multipart/form-data") {
    auto boundary = header_parameter(content_type, "boundary");
    if (!boundary || boundary->empty() || boundary->size() > 70)
      return FormError{"multipart form without a valid boundary"};
    return parse_multipart(*boundary, body);
  }
  return FormError{"not a form (Content-Type " + std::string(content_type) + ")"};
}

bool is_urlencoded_form(std::string_view content_type) {
  auto type = lower(content_type.substr(0, content_type.find(';')));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  return type == "application/x-www-form-urlencoded";
}

}  // namespace gazette::http
