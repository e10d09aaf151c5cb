// Words as search sees them: runs of letters and digits in UTF-8 text, folded so that « État »,
// « ÉTAT » and « etat » are one word. The SQLite tokenizer, the query parser and related
// articles all split text here, so a query word always meets the indexed word it should.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gazette::text {

/// A word of a text: where it is (byte offsets, for highlighting) and its folded form.
struct Word {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string folded;  // lower case, accents removed, ligatures spelled out: "etat", "oeuvre"
};

/// Longer "words" are data (hashes, base64, runs of digits), not language: they are skipped so
/// they cannot bloat the index. French's longest words are about 25 letters.
constexpr std::size_t kMaxWordBytes = 64;

/// Calls `sink(word)` for each word of `text`, in order, until it returns false. A word is a
/// run of letters, digits and combining marks; anything else separates words, so the
/// apostrophes of « l’État » and the hyphens of « Saint-Lucien » split them in two. Invalid
/// UTF-8 bytes, control characters and NUL separate words too: any bytes are safe input.
template <typename Sink>
void for_each_word(std::string_view text, Sink&& sink);

/// Calls `sink(begin, end)` with the byte offsets of each word for_each_word finds, without
/// folding it, until it returns false: for what needs only where the words are (highlighting).
template <typename Sink>
void for_each_word_span(std::string_view text, Sink&& sink);

/// `word` (one word as for_each_word finds it) folded: lower case, without accents.
std::string fold_word(std::string_view word);

namespace detail {
/// Byte length of the word starting at `pos` (0 when `pos` does not start a word), and the
/// position of the next candidate start.
struct Span {
  std::size_t begin, end;
  bool found;
};
Span next_word(std::string_view text, std::size_t pos);
inline bool is_ascii(std::string_view text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}
}  // namespace detail

template <typename Sink>
void for_each_word(std::string_view text, Sink&& sink) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto span = detail::next_word(text, pos);
    if (!span.found) return;
    pos = span.end;
    if (span.end - span.begin > kMaxWordBytes) continue;
    Word word{span.begin, span.end, fold_word(text.substr(span.begin, span.end - span.begin))};
    if (word.folded.empty()) continue;  // combining marks alone: nothing is left to match
    if (!sink(word)) return;
  }
}

template <typename Sink>
void for_each_word_span(std::string_view text, Sink&& sink) {
  // The rules of for_each_word; only a word with non-ASCII bytes can fold to nothing.
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto span = detail::next_word(text, pos);
    if (!span.found) return;
    pos = span.end;
    if (span.end - span.begin > kMaxWordBytes) continue;
    auto bytes = text.substr(span.begin, span.end - span.begin);
    if (!detail::is_ascii(bytes) && fold_word(bytes).empty()) continue;
    if (!sink(span.begin, span.end)) return;
  }
}

}  // namespace gazette::text
