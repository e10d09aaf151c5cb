// Stop words: the function words of French and English, frequent in every text, which say
// nothing of what an article is about. Related articles skip them; the index keeps them (a
// phrase search needs « la » and « de »).
#pragma once

#include <cstddef>
#include <string_view>

namespace gazette::text {

/// Words shorter than this (l, d, de, la, of…) are grammar, not subject, whatever they are.
constexpr std::size_t kMinSubjectWordBytes = 3;

/// Whether `folded_word` (folded as words.h folds it) is a French or English function word of
/// three letters or more: Snowball's stop lists, cut to those words.
bool is_stop_word(std::string_view folded_word);

/// Whether `folded_word` can tell what a text is about: long enough and no stop word.
inline bool is_subject_word(std::string_view folded_word) {
  return folded_word.size() >= kMinSubjectWordBytes && !is_stop_word(folded_word);
}

}  // namespace gazette::text
