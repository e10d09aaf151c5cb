// The stop lists (see stop_words.h).
#include "text/stop_words.h"

#include <algorithm>

namespace gazette::text {

namespace {

// Folded, as words.h gives them, and sorted: is_stop_word bisects.
constexpr std::string_view kStopWords[] = {
    "afin",  "aie",    "aient", "aies",  "ainsi",   "ait",     "alors",  "and",    "apres", "are",
    "au",    "aucun",  "aussi", "autre", "aux",     "avaient", "avait",  "avant",  "avec",  "avoir",
    "bien",  "but",    "car",   "ceci",  "cela",    "celle",   "celui",  "ces",    "cet",   "cette",
    "ceux",  "chez",   "comme", "dans",  "depuis",  "des",     "deux",   "donc",   "dont",  "elle",
    "elles", "encore", "entre", "est",   "etaient", "etait",   "ete",    "etre",   "eux",   "fait",
    "font",  "for",    "from",  "had",   "has",     "have",    "her",    "his",    "ils",   "its",
    "les",   "leur",   "leurs", "lors",  "lui",     "mais",    "meme",   "mes",    "moi",   "mon",
    "nos",   "not",    "notre", "nous",  "ont",     "par",     "parce",  "pas",    "peu",   "peut",
    "plus",  "pour",   "qu",    "quand", "que",     "quel",    "quelle", "qui",    "sans",  "selon",
    "sera",  "seront", "ses",   "son",   "sont",    "sous",    "sur",    "tandis", "that",  "the",
    "their", "them",   "then",  "there", "these",   "they",    "this",   "ton",    "tous",  "tout",
    "toute", "tres",   "une",   "vos",   "votre",   "vous",    "was",    "were",   "what",  "when",
    "which", "who",    "will",  "with",  "would",
};

static_assert(std::ranges::is_sorted(kStopWords), "kStopWords is searched by bisection");

}  // namespace

bool is_stop_word(std::string_view folded_word) {
  return std::ranges::binary_search(kStopWords, folded_word);
}

}  // namespace gazette::text
