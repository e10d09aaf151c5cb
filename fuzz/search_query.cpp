// Fuzz target: what a reader types in the search box (discovery/search_query.h), which must
// never fail and must stay within the query's limits.
#include "discovery/search_query.h"
#include "fuzz_input.h"
#include "render/text.h"

using namespace gazette;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto text = fuzz::as_text(data, size);
  auto query = discovery::parse_search_query(text);
  fuzz::require(query.phrases.size() <= discovery::kMaxPhrases, "at most kMaxPhrases phrases");
  for (const auto& phrase : query.phrases) {
    fuzz::require(!phrase.empty() && phrase.size() <= discovery::kMaxWordsPerPhrase,
                  "a phrase has one to kMaxWordsPerPhrase words");
    for (const auto& word : phrase) fuzz::require(!word.empty(), "a word is not empty");
  }
  fuzz::require(!render::find_invalid_utf8(query.display), "the query shown back is UTF-8");
  for (unsigned char c : query.display)
    fuzz::require(c >= 0x20 && c != 0x7f, "the query shown back has no control characters");
  fuzz::require(!render::find_invalid_utf8(discovery::printable_text(text)),
                "printable text is UTF-8");
  return 0;
}
