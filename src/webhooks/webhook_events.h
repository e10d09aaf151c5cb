// What a webhook can be told: the names of the events admins choose from, and how a domain
// event (content/events.h) becomes them, with the facts each one's JSON carries. Deliveries are
// thin: they name what changed and where to read it (the page and its Content API address), so
// a receiver never acts on a copy older than what it can fetch.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "content/events.h"

namespace gazette::webhooks {

inline constexpr std::array<std::string_view, 5> kEventNames = {
    "article.published", "article.updated", "article.unpublished", "comment.approved",
    "live.entry_posted"};

bool is_event_name(std::string_view name);

/// One event a webhook may be told of: its name and what its delivery says of it, with paths
/// relative to the site (made absolute when the delivery is queued).
struct Occurrence {
  std::string event;
  nlohmann::json data;
};

/// What `event` means for webhooks: an article that became visible is published, one that stays
/// visible updated, one that stopped being visible (or was deleted) unpublished; each comment
/// made visible is approved; a live entry posted is posted. Nothing for the rest.
std::vector<Occurrence> occurrences_of(const content::Event& event);

}  // namespace gazette::webhooks
