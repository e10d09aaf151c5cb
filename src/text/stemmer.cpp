// libstemmer behind a small C++ type (see stemmer.h).
#include "text/stemmer.h"

#include <libstemmer.h>

#include <stdexcept>

namespace gazette::text {

struct Stemmer::Impl {
  sb_stemmer* stemmer = nullptr;
};

StemLanguage stem_language_for(std::string_view site_language) {
  return site_language.starts_with("en") ? StemLanguage::english : StemLanguage::french;
}

Stemmer::Stemmer(StemLanguage language) : impl_(std::make_unique<Impl>()) {
  impl_->stemmer = sb_stemmer_new(language == StemLanguage::french ? "french" : "english", "UTF_8");
  // libstemmer-dev ships both; failing here means the library is broken or out of memory.
  if (!impl_->stemmer) throw std::runtime_error("libstemmer: no stemmer for this language");
}

Stemmer::~Stemmer() {
  sb_stemmer_delete(impl_->stemmer);
}

std::string Stemmer::stem(std::string_view folded_word) {
  const auto* stemmed =
      sb_stemmer_stem(impl_->stemmer, reinterpret_cast<const sb_symbol*>(folded_word.data()),
                      static_cast<int>(folded_word.size()));
  // Only out of memory makes it return null; the word itself is then the best stem there is.
  if (!stemmed) return std::string(folded_word);
  return std::string(reinterpret_cast<const char*>(stemmed), sb_stemmer_length(impl_->stemmer));
}

}  // namespace gazette::text
