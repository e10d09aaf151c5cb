// embed_player (see embed_player.h): the video's id read from the address forms each provider
// shares, checked character by character, so nothing but an id reaches the player's address.
#include "render/embed_player.h"

#include <algorithm>
#include <cctype>

namespace gazette::render {

namespace {

struct Address {
  std::string_view host;
  std::string_view path;   // from its "/", without the query
  std::string_view query;  // without its "?"
};

std::optional<Address> split(std::string_view url) {
  for (std::string_view scheme : {"https://", "http://"}) {
    if (!url.starts_with(scheme)) continue;
    url.remove_prefix(scheme.size());
    url = url.substr(0, url.find('#'));
    auto slash = url.find_first_of("/?");
    Address address{url.substr(0, slash), "/", ""};
    if (slash == std::string_view::npos) return address;
    auto rest = url.substr(slash);
    auto question = rest.find('?');
    address.path = rest.substr(0, question);
    if (address.path.empty()) address.path = "/";
    if (question != std::string_view::npos) address.query = rest.substr(question + 1);
    return address;
  }
  return std::nullopt;
}

bool id_characters(std::string_view id, bool digits_only) {
  return !id.empty() && id.size() <= 32 && std::all_of(id.begin(), id.end(), [&](unsigned char c) {
           return digits_only ? std::isdigit(c) != 0 : (std::isalnum(c) != 0 || c == '-' || c == '_');
         });
}

// The value of `name` in a query string.
std::string_view query_value(std::string_view query, std::string_view name) {
  while (!query.empty()) {
    auto amp = query.find('&');
    auto pair = query.substr(0, amp);
    if (pair.starts_with(name) && pair.size() > name.size() && pair[name.size()] == '=')
      return pair.substr(name.size() + 1);
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return {};
}

// The path's segment after `prefix` ("/shorts/ID" → "ID"), up to the next "/".
std::string_view after(std::string_view path, std::string_view prefix) {
  if (!path.starts_with(prefix)) return {};
  auto rest = path.substr(prefix.size());
  return rest.substr(0, rest.find('/'));
}

std::optional<EmbedPlayer> youtube(const Address& address) {
  std::string_view id;
  if (address.host == "youtu.be") {
    id = after(address.path, "/");
  } else if (address.host == "www.youtube.com" || address.host == "youtube.com" ||
             address.host == "m.youtube.com") {
    if (address.path == "/watch") id = query_value(address.query, "v");
    for (std::string_view prefix : {"/shorts/", "/embed/", "/live/"})
      if (id.empty()) id = after(address.path, prefix);
  } else {
    return std::nullopt;
  }
  if (!id_characters(id, false)) return std::nullopt;
  return EmbedPlayer{"YouTube", "https://www.youtube-nocookie.com/embed/" + std::string(id)};
}

std::optional<EmbedPlayer> vimeo(const Address& address) {
  if (address.host != "vimeo.com" && address.host != "www.vimeo.com") return std::nullopt;
  auto id = after(address.path, "/");
  if (!id_characters(id, true)) return std::nullopt;
  return EmbedPlayer{"Vimeo", "https://player.vimeo.com/video/" + std::string(id) + "?dnt=1"};
}

std::optional<EmbedPlayer> dailymotion(const Address& address) {
  std::string_view id;
  if (address.host == "dai.ly")
    id = after(address.path, "/");
  else if (address.host == "www.dailymotion.com" || address.host == "dailymotion.com")
    id = after(address.path, "/video/");
  if (!id_characters(id, false)) return std::nullopt;
  return EmbedPlayer{"Dailymotion", "https://www.dailymotion.com/embed/video/" + std::string(id)};
}

}  // namespace

std::optional<EmbedPlayer> embed_player(std::string_view url) {
  auto address = split(url);
  if (!address) return std::nullopt;
  if (auto player = youtube(*address)) return player;
  if (auto player = vimeo(*address)) return player;
  return dailymotion(*address);
}

}  // namespace gazette::render
