// Fuzz target: a request target as the reader site and the newsroom read it — path segments,
// slugs, ?page=N, query parameters, urlencoded queries — and percent-coding both ways.
#include <string>

#include "fuzz_input.h"
#include "http/percent_encoding.h"
#include "http/form.h"
#include "site/target.h"

using namespace gazette;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto text = fuzz::as_text(data, size);

  auto target = site::parse_target(text);
  std::string rebuilt(target.path);
  if (text.find('?') != std::string_view::npos) rebuilt.append("?").append(target.query);
  fuzz::require(rebuilt == text, "a target is its path and its query");
  for (auto segment : target.segments) {
    fuzz::require(!segment.empty() && segment.find('/') == std::string_view::npos,
                  "a segment is one non-empty part of the path");
    (void)site::is_slug(segment);
  }

  if (auto page = site::page_number(target.query))
    fuzz::require(*page >= 1 && *page <= 1'000'000, "a page number is in range");
  (void)site::query_parameter(target.query, "q");
  (void)site::query_parameter(target.query, "page");

  auto form = http::parse_urlencoded(target.query);
  for (const auto& [name, value] : form.fields) fuzz::require(!name.empty(), "a field has a name");

  auto encoded = http::percent_encode(text);
  fuzz::require(http::percent_decode(encoded, true) == text, "decoding undoes encoding");
  return 0;
}
