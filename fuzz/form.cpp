// Fuzz target: an urlencoded form body as the newsroom and the comments read it (http/form.h,
// the one form parser): with or without its Content-Type, the same fields.
#include "http/form.h"
#include "fuzz_input.h"

using namespace gazette;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto body = fuzz::as_text(data, size);

  auto form = http::parse_urlencoded(body);
  auto parsed = http::parse_form("application/x-www-form-urlencoded; charset=UTF-8", body);
  fuzz::require(std::holds_alternative<http::Form>(parsed) &&
                    std::get<http::Form>(parsed).fields == form.fields,
                "an urlencoded body is read the same with its Content-Type");
  for (const auto& [name, value] : form.fields)
    fuzz::require(!name.empty() && form.has(name) && form.get(name) == value,
                  "every field read is found again by its name");

  (void)http::is_urlencoded_form(body);
  return 0;
}
