// Which embedded addresses a reader may turn into a player with a click: the videos of YouTube,
// Vimeo and Dailymotion, each as its provider's embeddable player (YouTube's without cookies,
// Vimeo's with Do Not Track). Nothing of theirs loads with the page: the article shows a link,
// and embeds.js puts the player in its place only when the reader asks. Any other address —
// social posts among them, whose embeds need the network's own script — stays a link.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gazette::render {

/// The players' origins: the only frames the reader pages' Content-Security-Policy allows.
inline constexpr std::string_view kPlayerOrigins =
    "https://www.youtube-nocookie.com https://player.vimeo.com https://www.dailymotion.com";

struct EmbedPlayer {
  std::string provider;  // "YouTube", "Vimeo", "Dailymotion"
  std::string src;       // the player's address, for an iframe
};

/// The player of the video at `url`, when it is one of theirs; nothing otherwise.
std::optional<EmbedPlayer> embed_player(std::string_view url);

}  // namespace gazette::render
