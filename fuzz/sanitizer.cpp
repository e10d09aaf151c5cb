// Fuzz target: HTML from outside (an imported post) through the allowlist sanitizer
// (render/sanitizer.h): nothing active may come out, as a browser parses what comes out.
#include "render/sanitizer.h"
#include "fuzz_input.h"
#include "html_safety.h"

using namespace gazette;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto html = render::sanitize_html(fuzz::as_text(data, size));
  if (auto unsafe = fuzz::find_unsafe_html(html, fuzz::UrlRule::web_only)) {
    std::fprintf(stderr, "unsafe: %s\nin: [%s]\n", unsafe->c_str(), html.c_str());
    fuzz::require(false, "sanitised HTML holds nothing active");
  }
  return 0;
}
