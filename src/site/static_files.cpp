// Serving theme assets and media. Names are looked up in memory or in the store, never joined
// to a file system path, so no URL can reach a file outside them.
#include "site/static_files.h"

namespace gazette::site {

namespace {
constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
// A plain asset name may change meaning with the next theme: browsers revalidate it.
constexpr std::string_view kRevalidate = "public, max-age=300";

// Media names are ours: a content hash and an extension ("3fa1…9c-photo.jpg").
bool is_media_name(std::string_view name) {
  if (name.empty() || name.size() > 200 || name.front() == '.') return false;
  for (char c : name) {
    bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    if (!allowed) return false;
  }
  return name.find("..") == std::string_view::npos;
}
}  // namespace

std::optional<http::Response> serve_asset(const http::Request& request, const theme::Theme& theme,
                                          std::string_view name) {
  const auto* asset = theme.find_asset(name);
  if (!asset) return std::nullopt;
  auto response = http::make_response(request, http::Status::ok, asset->content_type, asset->bytes);
  response.set(http::beast_http::field::cache_control,
               theme.is_hashed_asset_name(name) ? kImmutable : kRevalidate);
  response.set("X-Content-Type-Options", "nosniff");
  return response;
}

std::optional<http::Response> serve_media(const http::Request& request, store::Store& store,
                                          std::string_view name) {
  if (!is_media_name(name)) return std::nullopt;
  auto file = store.find_media(name);
  if (!file) return std::nullopt;
  auto response =
      http::make_response(request, http::Status::ok, file->ref.mime_type, std::move(file->bytes));
  response.set(http::beast_http::field::cache_control, kImmutable);
  response.set("X-Content-Type-Options", "nosniff");
  return response;
}

}  // namespace gazette::site
