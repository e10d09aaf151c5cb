// Word splitting and folding (see words.h). ASCII words, most of a French text, take a fast
// path; others go through ICU: case folding, NFD, and the combining marks dropped.
#include "text/words.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace gazette::text {

namespace {

bool is_word_char(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (u_isalnum(c)) return true;
  // Combining marks belong to the letter before them (decomposed « é » is e + U+0301).
  auto category = u_charType(c);
  return category == U_NON_SPACING_MARK || category == U_COMBINING_SPACING_MARK ||
         category == U_ENCLOSING_MARK;
}

// Letters NFD does not decompose but a French reader writes both ways.
void spell_out_ligatures(icu::UnicodeString& text) {
  static constexpr struct {
    char16_t from;
    const char16_t* to;
  } kLigatures[] = {{u'œ', u"oe"}, {u'æ', u"ae"}, {u'ø', u"o"},  {u'ł', u"l"}, {u'đ', u"d"},
                    {u'ı', u"i"},  {u'ĳ', u"ij"}, {u'ﬁ', u"fi"}, {u'ﬂ', u"fl"}};
  for (const auto& ligature : kLigatures)
    text.findAndReplace(icu::UnicodeString(ligature.from), icu::UnicodeString(ligature.to));
}

}  // namespace

namespace detail {

Span next_word(std::string_view text, std::size_t pos) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  auto i = static_cast<int32_t>(pos);
  // Skip separators.
  while (i < length) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0 && is_word_char(c)) {
      i = start;
      break;
    }
  }
  if (i >= length) return {text.size(), text.size(), false};
  auto begin = static_cast<std::size_t>(i);
  while (i < length) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0 || !is_word_char(c)) {
      i = start;
      break;
    }
  }
  return {begin, static_cast<std::size_t>(i), true};
}

}  // namespace detail

std::string fold_word(std::string_view word) {
  bool ascii = true;
  for (char c : word) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    std::string folded(word);
    for (char& c : folded)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return folded;
  }
  auto text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  text.foldCase();
  UErrorCode status = U_ZERO_ERROR;
  const auto* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString decomposed;
  if (U_SUCCESS(status)) decomposed = nfd->normalize(text, status);
  if (U_FAILURE(status)) decomposed = text;
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    auto category = u_charType(c);
    if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK ||
        category == U_COMBINING_SPACING_MARK)
      continue;
    stripped.append(c);
  }
  spell_out_ligatures(stripped);
  std::string folded;
  stripped.toUTF8String(folded);
  return folded;
}

}  // namespace gazette::text
