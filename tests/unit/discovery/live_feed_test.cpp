// A live entry as a feed entry: its title is its first words, its link its anchor on the
// article page, its photo's texts escaped in the content.
#include "discovery/live_feed.h"

#include <gtest/gtest.h>

namespace gazette::discovery {
namespace {

TEST(LiveFeed, TitleIsTheFirstWordsCutAtAWord) {
  EXPECT_EQ(first_words("Homs en fête"), "Homs en fête");
  EXPECT_EQ(first_words("  un   deux  "), "un deux");
  EXPECT_EQ(first_words("1 2 3 4 5 6 7 8 9 10 11 12 13 14"), "1 2 3 4 5 6 7 8 9 10 11 12…");
  std::string long_word(150, 'a');
  EXPECT_EQ(first_words("court " + long_word), "court…");
  EXPECT_EQ(first_words(""), "");
}

TEST(LiveFeed, EntriesLinkToTheirAnchorsWithTheirPhotoEscaped) {
  content::LiveEntry entry;
  entry.id = {7};
  entry.body_html = "<p>Les combattants <strong>entrent</strong></p>";
  entry.author = {"sara", "Sara"};
  entry.created_at = content::Timestamp{std::chrono::seconds(100)};
  entry.edited_at = content::Timestamp{std::chrono::seconds(200)};
  entry.photo = content::LivePhoto{
      {"damas.jpg", "image/jpeg", 800, 600, {}}, "Place <b>", "AFP & co", "Une \"foule\""};
  content::LiveEntry deleted = entry;
  deleted.id = {8};
  deleted.deleted_at = entry.created_at;
  auto items = live_feed_entries({deleted, entry}, "https://g.example/a/b/", "https://g.example");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].title, "Les combattants entrent");
  EXPECT_EQ(items[0].url, "https://g.example/a/b/#entry-7");
  ASSERT_EQ(items[0].authors.size(), 1u);
  EXPECT_EQ(items[0].authors[0].name, "Sara");
  EXPECT_EQ(items[0].authors[0].url, "https://g.example/author/sara/");
  EXPECT_EQ(items[0].updated, *entry.edited_at);
  ASSERT_TRUE(items[0].content_html);
  EXPECT_NE(items[0].content_html->find("<img src=\"https://g.example/media/damas.jpg\" "
                                        "alt=\"Une &quot;foule&quot;\">"),
            std::string::npos)
      << *items[0].content_html;
  EXPECT_NE(items[0].content_html->find("Place &lt;b&gt; © AFP &amp; co"), std::string::npos)
      << *items[0].content_html;
}

}  // namespace
}  // namespace gazette::discovery
