// The encodings a cached page is kept in, each made once when the page is cached.
#pragma once

#include <string>
#include <string_view>

namespace gazette::cache {

enum class Encoding { identity, gzip, brotli };

/// The Content-Encoding token ("gzip", "br"), empty for identity.
std::string_view encoding_token(Encoding encoding);

/// `bytes` compressed with gzip.
std::string gzip_compress(std::string_view bytes);
/// `bytes` compressed with brotli.
std::string brotli_compress(std::string_view bytes);

/// The best encoding the client accepts (brotli, then gzip, then identity), from its
/// Accept-Encoding header; q=0 refuses an encoding.
Encoding negotiate_encoding(std::string_view accept_encoding);

}  // namespace gazette::cache
