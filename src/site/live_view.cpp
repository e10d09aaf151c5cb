// The live coverage views (see live_view.h).
#include "site/live_view.h"

#include <algorithm>

#include "site/paths.h"

namespace gazette::site {

namespace {

// Entries newer than this show how long ago they were posted (« il y a 3 min »); older ones
// their time of day. Past it, nothing on the page changes with the clock.
constexpr auto kRelativeTimeSpan = std::chrono::hours(1);
// The most entries the page shows, newest first (publishing::kLiveEntriesShown).
constexpr std::size_t kLiveEntriesShown = 200;

// "14:05" in the site's time zone: the time of day of the formatter's ISO 8601 form.
std::string time_of_day(const render::DateFormatter& dates, content::Timestamp at) {
  auto iso = dates.iso8601(at);
  return iso.size() >= 16 ? iso.substr(11, 5) : iso;
}

std::string replace_count(std::string text, long count) {
  auto at = text.find("{n}");
  if (at != std::string::npos) text.replace(at, 3, std::to_string(count));
  return text;
}

// « il y a 3 min », « à l’instant » or « 14:05 »; notes when the page must be rendered again.
std::string when_text(const PageContext& context, content::Timestamp at) {
  const auto& language = context.settings.language;
  auto now = context.now;
  if (at > now || now - at >= kRelativeTimeSpan) return time_of_day(context.dates, at);
  auto minutes = std::chrono::duration_cast<std::chrono::minutes>(now - at).count();
  // The text changes at the next whole minute since the entry.
  context.changes_at(at + std::chrono::minutes(minutes + 1));
  if (minutes == 0) return context.theme.text(language, "live_just_now");
  return replace_count(context.theme.text(language, "live_minutes_ago"), minutes);
}

}  // namespace

theme::View live_entry_view(const PageContext& context, const content::LiveEntry& entry) {
  theme::View view;
  view.set("id", std::to_string(entry.id.value));
  view.set("html", context.typeset_html(entry.body_html));
  view.set("author_name", entry.author.name);
  view.set("time_iso", context.dates.iso8601(entry.created_at));
  view.set("time_exact", context.dates.long_date(entry.created_at) + " " +
                             time_of_day(context.dates, entry.created_at));
  view.set("time_text", when_text(context, entry.created_at));
  view.set("key_event", entry.key_event);
  view.set("pinned", entry.pinned);
  view.set("edited", entry.edited_at.has_value());
  if (entry.photo) {
    theme::View photo;
    photo.set("src", media_path(entry.photo->image.name));
    photo.set("width", std::to_string(entry.photo->image.width));
    photo.set("height", std::to_string(entry.photo->image.height));
    photo.set("alt", entry.photo->alt);
    photo.set("caption", context.typeset(entry.photo->caption));
    photo.set("credit", entry.photo->credit);
    view.set("photo", photo);
  }
  view.set("has_photo", entry.photo.has_value());
  return view;
}

std::string key_event_line(const content::LiveEntry& entry) {
  auto line = entry.body_markdown.substr(0, entry.body_markdown.find('\n'));
  std::erase_if(line, [](char c) { return c == '*' || c == '_' || c == '#' || c == '`'; });
  return line;
}

std::string live_time_of_day(const PageContext& context, content::Timestamp at) {
  return time_of_day(context.dates, at);
}

std::optional<theme::View> live_view(const PageContext& context, const content::Article& article) {
  if (!context.live) return std::nullopt;
  const auto& summary = article.summary;
  auto coverage = context.live->coverage(summary.id);
  if (!coverage) return std::nullopt;
  auto entries = context.live->entries(summary.id, kLiveEntriesShown);
  theme::View view;
  view.set("on_air", coverage->live());
  view.set("stream_url", article_path(summary.section.slug, summary.slug) + "live");
  // What the page shows is as of this second: its stream catches up from there (live.js).
  view.set("stream_since", std::to_string(context.now.time_since_epoch().count()));
  view.set("started_iso", context.dates.iso8601(coverage->started_at));
  if (coverage->ended_at) {
    view.set("ended_iso", context.dates.iso8601(*coverage->ended_at));
    view.set("ended_text", context.dates.long_date(*coverage->ended_at) + " " +
                               time_of_day(context.dates, *coverage->ended_at));
  }
  theme::View list{theme::View::type::list};
  theme::View key_events{theme::View::type::list};
  bool has_key_events = false;
  for (const auto& entry : entries) {
    auto item = live_entry_view(context, entry);
    if (entry.pinned) view.set("pinned", item);
    list.push_back(item);
    if (entry.key_event) {
      theme::View key;
      key.set("id", std::to_string(entry.id.value));
      key.set("time_iso", context.dates.iso8601(entry.created_at));
      key.set("time_text", time_of_day(context.dates, entry.created_at));
      // The first line of the entry, as text: a summary links to the entry, it does not repeat it.
      key.set("text", key_event_line(entry));
      key_events.push_back(key);
      has_key_events = true;
    }
  }
  view.set("entries", list);
  view.set("has_entries", !entries.empty());
  view.set("key_events", key_events);
  view.set("has_key_events", has_key_events);
  return view;
}

std::vector<content::LiveCard> live_cards(const PageContext& context,
                                          const std::vector<content::ArticleSummary>& articles) {
  if (!context.live || articles.empty()) return {};
  std::vector<content::ArticleId> ids;
  for (const auto& article : articles) ids.push_back(article.id);
  return context.live->cards(ids);
}

void mark_live_card(const PageContext& context, const std::vector<content::LiveCard>& cards,
                    content::ArticleId article, theme::View& card) {
  auto found = std::find_if(cards.begin(), cards.end(),
                            [&](const auto& live) { return live.article == article; });
  if (found == cards.end() || !found->live) return;
  card.set("on_air", true);
  if (found->latest_entry) {
    card.set("live_latest_iso", context.dates.iso8601(*found->latest_entry));
    card.set("live_latest_text", when_text(context, *found->latest_entry));
  }
}

}  // namespace gazette::site
