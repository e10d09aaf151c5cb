// Fuzz target: an urlencoded form body as the newsroom (newsroom/form.h) and the comments
// (comments/web/form_body.h) read it.
#include "newsroom/form.h"
#include "comments/web/form_body.h"
#include "fuzz_input.h"

using namespace gazette;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto body = fuzz::as_text(data, size);

  auto newsroom_form = newsroom::parse_urlencoded(body);
  auto parsed = newsroom::parse_form("application/x-www-form-urlencoded; charset=UTF-8", body);
  fuzz::require(std::holds_alternative<newsroom::Form>(parsed) &&
                    std::get<newsroom::Form>(parsed).fields == newsroom_form.fields,
                "an urlencoded body is read the same with its Content-Type");

  auto comment_fields = comments::web::parse_form_body(body);
  // The two readers differ only on repeated names (first wins here, last there) and empty ones.
  for (const auto& [name, value] : newsroom_form.fields)
    fuzz::require(comment_fields.contains(name), "both readers see the same names");

  (void)comments::web::is_urlencoded_form(body);
  return 0;
}
