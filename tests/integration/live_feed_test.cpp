// The RSS and Atom feeds of a live coverage's entries, at the article's feed.xml and feed.atom,
// over HTTP on each backend: only a live (or ended) coverage has them, newest entry first,
// each linking to its anchor on the article page, signed by its author; kept in the page cache
// and refreshed by an entry posted from another process; announced by the article page.
#include "html_document.h"
#include "published_site.h"

namespace gazette::testing {
namespace {

class LiveFeed : public PublishedSiteOnEachBackend {
 protected:
  std::string base() { return "http://" + server().host() + ":" + std::to_string(server().port()); }
  std::string feed(const std::string& extension) {
    return std::string(kReferencePath) + "feed." + extension;
  }
  void post_entry(const std::string& markdown, std::vector<std::string> options = {}) {
    std::vector<std::string> args{"live", "post", kReferencePath, "--db", db()};
    args.insert(args.end(), options.begin(), options.end());
    auto posted = run_gazette_with_input(args, markdown);
    ASSERT_EQ(posted.exit_code, 0) << posted.err;
  }
  // The text of each `<tag>` in `xml`, in order.
  static std::vector<std::string> all(const std::string& xml, const std::string& tag) {
    std::vector<std::string> found;
    auto open = "<" + tag + ">";
    for (auto at = xml.find(open); at != std::string::npos; at = xml.find(open, at + 1)) {
      auto start = at + open.size();
      found.push_back(xml.substr(start, xml.find("</" + tag + ">", start) - start));
    }
    return found;
  }
};

TEST_P(LiveFeed, AnArticleThatWasNeverLiveHasNoFeed) {
  EXPECT_EQ(get(feed("xml")).status, 404);
  EXPECT_EQ(get(feed("atom")).status, 404);
  EXPECT_EQ(get("/actualite/absent/feed.xml").status, 404);
  auto page = get(kReferencePath);
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find(feed("xml")), std::string::npos);
}

TEST_P(LiveFeed, EntriesNewestFirstLinkedToTheirAnchorsAndRefreshedByAPost) {
  post_entry("Les combattants **entrent dans Damas** & la foule <script>x</script>\n", {"--key"});
  post_entry(
      "Homs en fête : des milliers de personnes sont descendues dans les rues de la ville "
      "pour célébrer la chute du régime.\n");

  auto rss = get(feed("xml"));
  ASSERT_EQ(rss.status, 200) << rss.body;
  EXPECT_EQ(rss.header("content-type"), "application/rss+xml; charset=utf-8");
  EXPECT_FALSE(rss.header("etag").empty());
  EXPECT_EQ(rss.body.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0), 0u);
  auto links = all(rss.body, "link");
  ASSERT_EQ(links.size(), 3u) << rss.body;  // the channel's, then each entry's
  EXPECT_EQ(links[0], base() + kReferencePath);
  EXPECT_EQ(links[1], base() + kReferencePath + "#entry-2");
  EXPECT_EQ(links[2], base() + kReferencePath + "#entry-1");
  auto titles = all(rss.body, "title");
  ASSERT_EQ(titles.size(), 3u);
  // The first words of each entry, as text (the XML escapes what it must).
  EXPECT_EQ(titles[1], "Homs en fête : des milliers de personnes sont descendues dans les…");
  EXPECT_EQ(titles[2], "Les combattants entrent dans Damas &amp; la foule x");
  EXPECT_EQ(all(rss.body, "dc:creator"), (std::vector<std::string>{"Sara", "Sara"}));
  // The entry's sanitised HTML, escaped once in the XML; no script survives.
  EXPECT_NE(rss.body.find("&lt;strong&gt;entrent dans Damas&lt;/strong&gt;"), std::string::npos);
  EXPECT_EQ(rss.body.find("&lt;script"), std::string::npos);
  EXPECT_EQ(rss.body.find("<script"), std::string::npos);

  auto atom = get(feed("atom"));
  ASSERT_EQ(atom.status, 200);
  EXPECT_EQ(atom.header("content-type"), "application/atom+xml; charset=utf-8");
  auto ids = all(atom.body, "id");
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_EQ(ids[1], base() + kReferencePath + "#entry-2");
  EXPECT_NE(atom.body.find("<name>Sara</name>"), std::string::npos);

  // Kept in the page cache, then dropped by the next entry, posted by another process.
  EXPECT_EQ(get(feed("xml")).header("x-cache"), "hit");
  EXPECT_EQ(get(feed("atom")).header("x-cache"), "hit");
  post_entry("Troisième entrée\n");
  auto refreshed = get(feed("xml"));
  ASSERT_EQ(refreshed.status, 200);
  EXPECT_EQ(all(refreshed.body, "link").at(1), base() + kReferencePath + "#entry-3");
  EXPECT_NE(get(feed("atom")).body.find("Troisième entrée"), std::string::npos);

  // The live page announces its feeds; they stay once the coverage has ended.
  HtmlDocument page(get(kReferencePath).body);
  std::vector<std::string> feeds;
  for (const auto& link : page.find_all("link"))
    if (link.attribute("rel") == "alternate") feeds.push_back(link.attribute("href"));
  EXPECT_EQ(feeds,
            (std::vector<std::string>{"/feed.xml", "/feed.atom", feed("xml"), feed("atom")}));
  auto ended = run_gazette({"live", "end", kReferencePath, "--db", db()});
  ASSERT_EQ(ended.exit_code, 0) << ended.err;
  auto after_end = get(feed("xml"));
  EXPECT_EQ(after_end.status, 200);
  EXPECT_EQ(all(after_end.body, "link").size(), 4u);
}

GAZETTE_ON_EACH_BACKEND(LiveFeed);

}  // namespace
}  // namespace gazette::testing
