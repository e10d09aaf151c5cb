// Slugs: the URL form of a title or a name, by transliteration to lowercase ASCII.
#pragma once

#include <string>
#include <string_view>

namespace gazette::render {

/// « Actualité » → "actualite", « État des lieux » → "etat-des-lieux", "Œuvre & Co" → "oeuvre-co".
/// Any script is transliterated to Latin first; runs of anything but [a-z0-9] become one '-',
/// with none at either end. Returns "" when nothing is left (the caller picks a fallback).
std::string slugify(std::string_view text);

}  // namespace gazette::render
