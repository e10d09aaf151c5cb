// The feed of a live coverage's entries (see live_feed.h).
#include "discovery/live_feed.h"

#include <algorithm>

#include "discovery/plain_text.h"
#include "render/text.h"

namespace gazette::discovery {

namespace {

// An entry's summary: its text, cut like a title but longer.
constexpr std::size_t kSummaryBytes = 300;

// `text` cut at a space at most `max_bytes` long, at most `max_words` words, "…" when cut.
std::string cut(std::string_view text, std::size_t max_words, std::size_t max_bytes) {
  std::string out;
  std::size_t words = 0;
  std::size_t at = 0;
  bool cut_short = false;
  while (at < text.size()) {
    auto start = text.find_first_not_of(' ', at);
    if (start == std::string_view::npos) break;
    auto end = std::min(text.find(' ', start), text.size());
    auto word = text.substr(start, end - start);
    if (words == max_words || out.size() + 1 + word.size() > max_bytes) {
      cut_short = true;
      break;
    }
    if (!out.empty()) out += ' ';
    out += word;
    ++words;
    at = end;
  }
  if (cut_short) out += "…";
  return out;
}

// The entry's photo as feed HTML: every text escaped, the image's URL absolute.
std::string photo_html(const content::LivePhoto& photo, const std::string& base) {
  std::string html = "<figure><img src=\"" +
                     render::escape_html(base + "/media/" + photo.image.name) + "\" alt=\"" +
                     render::escape_html(photo.alt) + "\">";
  if (!photo.caption.empty() || !photo.credit.empty()) {
    html += "<figcaption>" + render::escape_html(photo.caption);
    if (!photo.credit.empty())
      html += (photo.caption.empty() ? "" : " ") + render::escape_html("© " + photo.credit);
    html += "</figcaption>";
  }
  return html + "</figure>";
}

}  // namespace

std::string first_words(std::string_view text) {
  return cut(text, kLiveTitleWords, kLiveTitleBytes);
}

std::vector<FeedEntry> live_feed_entries(const std::vector<content::LiveEntry>& entries,
                                         const std::string& article_url, const std::string& base) {
  std::vector<FeedEntry> out;
  for (const auto& entry : entries) {
    if (entry.deleted_at) continue;
    auto text = html_to_text(entry.body_html);
    FeedEntry item;
    item.title = first_words(text);
    item.url = article_url + "#entry-" + std::to_string(entry.id.value);
    item.summary = cut(text, kSummaryBytes, kSummaryBytes);
    // The entry's HTML was rendered and sanitised when it was saved.
    item.content_html = entry.body_html;
    if (entry.photo) *item.content_html += photo_html(*entry.photo, base);
    item.published = entry.created_at;
    item.updated = entry.edited_at.value_or(entry.created_at);
    item.authors.push_back({entry.author.name, base + "/author/" + entry.author.slug + "/"});
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace gazette::discovery
