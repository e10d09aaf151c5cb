// Slugs by ICU transliteration: any script to Latin, then to ASCII, lowercased, and every run of
// other characters folded to one '-'.
#include "render/slug.h"

#include <memory>
#include <stdexcept>

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

namespace gazette::render {

namespace {

// Slugs end up in URLs and file names; 96 bytes keeps a long French headline readable while
// staying far below any path limit.
constexpr std::size_t kMaxSlugBytes = 96;

// NFD + mark removal catches accents Latin-ASCII does not know (decomposed input, rare marks);
// Latin-ASCII maps Œ → OE, ß → ss, ’ → ', « → <<.
constexpr const char* kTransliteratorRules =
    "Any-Latin; NFD; [:Nonspacing Mark:] Remove; NFC; Latin-ASCII; Lower";

// Building a Transliterator parses its rules and costs milliseconds, so each thread keeps one.
// It cannot be shared: transliterate() mutates internal state. This is a cache of an immutable
// ICU object, not application state.
icu::Transliterator& thread_transliterator() {
  thread_local const std::unique_ptr<icu::Transliterator> instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> created(icu::Transliterator::createInstance(
        icu::UnicodeString::fromUTF8(kTransliteratorRules), UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !created) {
      // ICU data ships with libicu; without it nothing in the site can work.
      throw std::runtime_error(std::string("slugify: ICU transliterator unavailable: ") +
                               u_errorName(status));
    }
    return created;
  }();
  return *instance;
}

bool is_slug_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// Cuts an over-long slug at the last '-' within the limit, so no word is cut in half.
std::string limit_length(std::string slug) {
  if (slug.size() <= kMaxSlugBytes) return slug;
  const std::size_t dash = slug.rfind('-', kMaxSlugBytes);
  slug.resize(dash != std::string::npos && dash > 0 ? dash : kMaxSlugBytes);
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

}  // namespace

std::string slugify(std::string_view text) {
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  thread_transliterator().transliterate(unicode);
  std::string ascii;
  unicode.toUTF8String(ascii);

  std::string slug;
  slug.reserve(ascii.size());
  bool pending_dash = false;
  for (char c : ascii) {
    if (is_slug_char(c)) {
      if (pending_dash && !slug.empty()) slug += '-';
      pending_dash = false;
      slug += c;
    } else {
      pending_dash = true;
    }
  }
  return limit_length(std::move(slug));
}

bool is_slug(std::string_view text) {
  if (text.empty() || text.size() > kMaxSlugLength) return false;
  if (text.front() == '-' || text.back() == '-') return false;
  char previous = 0;
  for (char c : text) {
    bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!allowed || (c == '-' && previous == '-')) return false;
    previous = c;
  }
  return true;
}

}  // namespace gazette::render
