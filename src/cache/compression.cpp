// gzip (zlib), brotli, and Accept-Encoding negotiation (see compression.h).
#include "cache/compression.h"

#include <brotli/encode.h>
#include <zlib.h>

#include <stdexcept>

namespace gazette::cache {

namespace {
// Compression runs on every cache miss, so at the moment a story breaks and its pages are
// invalidated again and again. Brotli 5 and gzip 6 compress an 80 kB page in about a
// millisecond, within a few percent of their best ratios, which cost ten times more.
constexpr int kBrotliQuality = 5;
constexpr int kGzipLevel = 6;
// windowBits 15 + 16 asks zlib for a gzip wrapper rather than a zlib one.
constexpr int kGzipWindowBits = 15 + 16;
constexpr int kGzipMemoryLevel = 9;

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Whether a coding's parameters ("q=0.5") leave it acceptable: only q=0 refuses.
bool accepted(std::string_view parameters) {
  auto q = parameters.find("q=");
  if (q == std::string_view::npos) return true;
  auto value = trim_spaces(parameters.substr(q + 2));
  for (char c : value) {
    if (c >= '1' && c <= '9') return true;
    if (c != '0' && c != '.') break;
  }
  return false;
}
}  // namespace

std::string_view encoding_token(Encoding encoding) {
  switch (encoding) {
    case Encoding::gzip:
      return "gzip";
    case Encoding::brotli:
      return "br";
    case Encoding::identity:
      break;
  }
  return "";
}

std::string gzip_compress(std::string_view bytes) {
  z_stream stream{};
  if (deflateInit2(&stream, kGzipLevel, Z_DEFLATED, kGzipWindowBits, kGzipMemoryLevel,
                   Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("zlib: deflateInit2 failed");
  std::string out(deflateBound(&stream, bytes.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&stream, Z_FINISH);
  deflateEnd(&stream);
  if (rc != Z_STREAM_END) throw std::runtime_error("zlib: deflate failed");
  out.resize(stream.total_out);
  return out;
}

std::string brotli_compress(std::string_view bytes) {
  std::size_t size = BrotliEncoderMaxCompressedSize(bytes.size());
  std::string out(size, '\0');
  if (!BrotliEncoderCompress(kBrotliQuality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, bytes.size(),
                             reinterpret_cast<const uint8_t*>(bytes.data()), &size,
                             reinterpret_cast<uint8_t*>(out.data())))
    throw std::runtime_error("brotli: compression failed");
  out.resize(size);
  return out;
}

Encoding negotiate_encoding(std::string_view accept_encoding) {
  bool gzip = false;
  bool brotli = false;
  while (!accept_encoding.empty()) {
    auto comma = accept_encoding.find(',');
    auto item = accept_encoding.substr(0, comma);
    auto semicolon = item.find(';');
    auto coding = trim_spaces(item.substr(0, semicolon));
    bool ok = semicolon == std::string_view::npos || accepted(item.substr(semicolon + 1));
    if (coding == "br") brotli = ok;
    if (coding == "gzip" || coding == "x-gzip") gzip = ok;
    if (comma == std::string_view::npos) break;
    accept_encoding.remove_prefix(comma + 1);
  }
  if (brotli) return Encoding::brotli;
  if (gzip) return Encoding::gzip;
  return Encoding::identity;
}

}  // namespace gazette::cache
