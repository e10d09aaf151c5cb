// Slugs: the URL form of a title or a name, by transliteration to lowercase ASCII.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gazette::render {

/// « Actualité » → "actualite", « État des lieux » → "etat-des-lieux", "Œuvre & Co" → "oeuvre-co".
/// Any script is transliterated to Latin first; runs of anything but [a-z0-9] become one '-',
/// with none at either end. Returns "" when nothing is left (the caller picks a fallback).
std::string slugify(std::string_view text);

/// The longest slug a URL segment may carry (ours are at most 96 bytes; older imports longer).
constexpr std::size_t kMaxSlugLength = 200;

/// Whether `text` can be a slug we made: [a-z0-9] runs joined by single '-', none at either end.
/// Anything else in a path is answered 404 without a lookup. The one rule for every part of the
/// site that reads a slug from a URL (reader pages, feeds, the newsroom).
bool is_slug(std::string_view text);

}  // namespace gazette::render
