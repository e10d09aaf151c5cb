// Fuzz target: a form upload (RFC 7578) as the newsroom reads it: the input's first line is the
// request's Content-Type (with its boundary), the rest its body.
#include <algorithm>
#include <cctype>
#include <string>

#include "fuzz_input.h"
#include "http/form.h"

using namespace gazette;

namespace {

bool is_multipart(std::string_view content_type) {
  std::string type(content_type.substr(0, 19));
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return type == "multipart/form-data";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto [content_type, body] = fuzz::split_first_line(fuzz::as_text(data, size));
  auto parsed = http::parse_form(content_type, body);
  if (auto* form = std::get_if<http::Form>(&parsed)) {
    // A part's content is cut out of the body, never made up.
    if (is_multipart(content_type))
      for (const auto& [name, value] : form->fields)
        fuzz::require(body.find(value) != std::string_view::npos, "a field's value is in the body");
    for (const auto& [name, file] : form->files)
      fuzz::require(body.find(file.bytes) != std::string_view::npos,
                    "a file's bytes are in the body");
  } else {
    fuzz::require(!std::get<http::FormError>(parsed).reason.empty(), "a refusal says why");
  }
  return 0;
}
