// Query parsing (see search_query.h).
#include "discovery/search_query.h"

#include "render/text.h"
#include "text/words.h"

namespace gazette::discovery {

namespace {

// Quotation marks a reader may type around a phrase, French ones included.
constexpr std::string_view kQuotes[] = {"\"", "«", "»", "“", "”", "„"};

std::size_t quote_at(std::string_view text, std::size_t pos) {
  for (auto quote : kQuotes)
    if (text.substr(pos).starts_with(quote)) return quote.size();
  return 0;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Joiners inside one word of the reader's: l’État, Saint-Lucien, aujourd'hui.
bool is_joiner(std::string_view gap) {
  return gap == "-" || gap == "'" || gap == "’" || gap == "\u2011";
}

// Operators of query languages readers may try; here they would be words to look for.
bool is_operator(std::string_view word) {
  return word == "AND" || word == "OR" || word == "NOT" || word == "NEAR";
}

void add_phrase(SearchQuery& query, std::vector<std::string>& phrase) {
  if (phrase.empty()) return;
  if (query.phrases.size() < kMaxPhrases) query.phrases.push_back(std::move(phrase));
  phrase.clear();
}

// The words of `chunk` (unquoted text without spaces): joined words make one phrase.
void add_chunk(SearchQuery& query, std::string_view chunk) {
  std::vector<std::string> phrase;
  std::size_t previous_end = std::string_view::npos;
  text::for_each_word(chunk, [&](const text::Word& word) {
    auto original = chunk.substr(word.begin, word.end - word.begin);
    if (is_operator(original)) {
      add_phrase(query, phrase);
      previous_end = std::string_view::npos;
      return true;
    }
    bool joined = previous_end != std::string_view::npos &&
                  is_joiner(chunk.substr(previous_end, word.begin - previous_end));
    if (!joined) add_phrase(query, phrase);
    if (phrase.size() < kMaxWordsPerPhrase) phrase.push_back(word.folded);
    previous_end = word.end;
    return true;
  });
  add_phrase(query, phrase);
}

void add_quoted(SearchQuery& query, std::string_view quoted) {
  std::vector<std::string> phrase;
  text::for_each_word(quoted, [&](const text::Word& word) {
    if (phrase.size() < kMaxWordsPerPhrase) phrase.push_back(word.folded);
    return true;
  });
  add_phrase(query, phrase);
}

void add_unquoted(SearchQuery& query, std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && is_space(text[pos])) ++pos;
    auto end = pos;
    while (end < text.size() && !is_space(text[end])) ++end;
    if (end > pos) add_chunk(query, text.substr(pos, end - pos));
    pos = end;
  }
}

}  // namespace

std::string printable_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    auto bad = render::find_invalid_utf8(text);
    auto valid = text.substr(0, bad.value_or(text.size()));
    for (char c : valid) {
      auto byte = static_cast<unsigned char>(c);
      if (byte >= 0x20 && byte != 0x7F)
        out += c;
      else if (c == '\t' || c == '\n' || c == '\r')
        out += ' ';
    }
    if (!bad) break;
    out += "\uFFFD";
    text.remove_prefix(*bad + 1);
  }
  return out;
}

SearchQuery parse_search_query(std::string_view text) {
  SearchQuery query;
  if (text.size() > kMaxQueryBytes) text = text.substr(0, kMaxQueryBytes);
  query.display = std::string(render::trim(printable_text(text)));

  // Split at quotation marks: odd parts are quoted, unless the last quote has no partner.
  std::vector<std::pair<std::string_view, bool>> parts;
  std::size_t start = 0;
  bool quoted = false;
  for (std::size_t pos = 0; pos < text.size();) {
    if (auto length = quote_at(text, pos)) {
      parts.emplace_back(text.substr(start, pos - start), quoted);
      quoted = !quoted;
      pos += length;
      start = pos;
    } else {
      ++pos;
    }
  }
  // An unbalanced quote opens nothing: its text is read as plain words.
  parts.emplace_back(text.substr(start), false);
  for (const auto& [part, is_quoted] : parts) {
    if (is_quoted)
      add_quoted(query, part);
    else
      add_unquoted(query, part);
  }
  return query;
}

}  // namespace gazette::discovery
