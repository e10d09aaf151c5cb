// Snowball stemming (libstemmer): « offensives », « offensive » and « offensif » share a stem,
// so a search for one finds the others. Applied to words already folded by words.h.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace gazette::text {

/// The stemmers Gazette uses: the two languages its interface speaks.
enum class StemLanguage { french, english };

/// The Snowball language of a site's language setting ("fr", "en"…); French by default.
StemLanguage stem_language_for(std::string_view site_language);

/// One Snowball stemmer. Not thread-safe (libstemmer keeps state per stemmer): each SQLite
/// connection's tokenizer and each related-articles computation has its own.
class Stemmer {
 public:
  explicit Stemmer(StemLanguage language);
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  /// The stem of `folded_word`.
  std::string stem(std::string_view folded_word);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gazette::text
