// The page cache as a client sees it: repeat requests answered from the cache (X-Cache), 304s
// for what the client has, compressed variants, and — after each kind of write — every page
// showing the changed thing fresh on the next request while the others stay cached.
#include <cstdio>

#include "published_site.h"

namespace gazette::testing {
namespace {

class PageCache : public PublishedSite {
 protected:
  /// Publishes the article file built from `front_matter`, as `gazette publish` does beside
  /// the running server (another process: its write reaches the cache through the change log).
  std::string publish_now(const std::string& name, const std::string& front_matter) {
    server();  // the server runs before the write, so its cache holds the old pages
    return publish(name, front_matter);
  }

  /// Fetches `path` once so that it is cached, and checks that the next fetch is a hit.
  void warm(const std::string& path) {
    get(path);
    ASSERT_EQ(get(path).header("x-cache"), "hit") << path;
  }
};

std::string run_curl(const std::string& arguments) {
  std::string command = "curl -s " + arguments;
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  char buffer[4096];
  size_t count;
  while ((count = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, count);
  pclose(pipe);
  return out;
}

TEST_F(PageCache, AnswersRepeatRequestsFromTheCache) {
  auto first = get(kReferencePath);
  EXPECT_EQ(first.header("x-cache"), "miss");
  // What the miss cost on the server, for developer tools and the benchmarks; a hit cost nothing.
  EXPECT_NE(first.header("server-timing").find("render;dur="), std::string::npos);
  auto second = get(kReferencePath);
  EXPECT_EQ(second.header("x-cache"), "hit");
  EXPECT_EQ(second.header("server-timing"), "");
  EXPECT_EQ(second.body, first.body);
  EXPECT_EQ(second.header("etag"), first.header("etag"));
  EXPECT_EQ(second.header("vary"), "Accept-Encoding");
  EXPECT_NE(second.header("cache-control").find("s-maxage="), std::string::npos);
  EXPECT_NE(second.header("cache-control").find("stale-while-revalidate="), std::string::npos);
  EXPECT_FALSE(second.header("last-modified").empty());
  EXPECT_FALSE(second.header("date").empty());
  EXPECT_EQ(second.header("gazette-cache-dependencies"), "");  // internal, never sent
}

TEST_F(PageCache, AnswersConditionalRequestsWith304) {
  auto page = get(kReferencePath);
  auto etag = page.header("etag");
  auto not_modified = get(kReferencePath, {{"If-None-Match", etag}});
  EXPECT_EQ(not_modified.status, 304);
  EXPECT_EQ(not_modified.body, "");
  EXPECT_EQ(not_modified.header("etag"), etag);
  EXPECT_EQ(get(kReferencePath, {{"If-None-Match", "\"other\", W/" + etag}}).status, 304);
  EXPECT_EQ(get(kReferencePath, {{"If-None-Match", "\"other\""}}).status, 200);
  EXPECT_EQ(get(kReferencePath, {{"If-Modified-Since", page.header("last-modified")}}).status, 304);
}

TEST_F(PageCache, ServesGzipAndBrotliToRealClients) {
  auto& s = server();
  std::string url = "http://127.0.0.1:" + std::to_string(s.port()) + kReferencePath;
  auto identity = get(kReferencePath).body;
  for (const char* encoding : {"gzip", "br"}) {
    auto headers = run_curl("-D - -o /dev/null -H 'Accept-Encoding: " + std::string(encoding) +
                            "' '" + url + "'");
    EXPECT_NE(headers.find(std::string("Content-Encoding: ") + encoding), std::string::npos)
        << headers;
    // curl --compressed decodes what it received: the page a reader sees, byte for byte.
    EXPECT_EQ(
        run_curl("--compressed -H 'Accept-Encoding: " + std::string(encoding) + "' '" + url + "'"),
        identity)
        << encoding;
  }
  auto compressed = get(kReferencePath, {{"Accept-Encoding", "br;q=0, gzip"}});
  EXPECT_EQ(compressed.header("content-encoding"), "gzip");
  EXPECT_EQ(compressed.header("x-cache"), "hit");
  EXPECT_LT(compressed.body.size(), identity.size());
}

TEST_F(PageCache, PublishingRefreshesEveryPageThatShowsTheArticleAndNoOther) {
  publish("sport", "title: \"Un match nul\"\nsection: Sport\ntags: [Football]\ndate: 2024-12-01");
  auto shows_new = std::vector<std::string>{
      "/", "/actualite/", "/tag/syrie/", "/author/sara/", "/category/france/", kReferencePath};
  // (The sport article itself may now list the new one under "You may also like": with three
  // articles every one is a neighbour, so its page is not among the unrelated ones.)
  auto unrelated = std::vector<std::string>{"/sport/", "/tag/football/"};
  for (const auto& path : shows_new) warm(path);
  for (const auto& path : unrelated) warm(path);

  auto path = publish_now("new",
                          "title: \"Damas au matin\"\nsection: Actualité\nauthor: Sara\n"
                          "category: France\ntags: [Syrie]\ndate: 2024-12-09");
  for (const auto& page : shows_new) {
    auto response = get(page);
    EXPECT_NE(response.body.find(path), std::string::npos) << page << " does not show " << path;
  }
  for (const auto& page : unrelated) EXPECT_EQ(get(page).header("x-cache"), "hit") << page;
}

TEST_F(PageCache, EditingRefreshesTheArticleAndTheCardsThatShowIt) {
  auto other = publish("other", "title: \"Alep sous tension\"\nsection: Actualité\nauthor: Sara");
  warm(other);
  warm("/tag/syrie/");
  warm(kReferencePath);
  publish_now("edit",
              "title: \"Alep sous tension\"\nsection: Actualité\nauthor: Sara\n"
              "lead: \"Un chapeau corrigé.\"");
  EXPECT_NE(get(other).body.find("Un chapeau corrigé."), std::string::npos);
  // The reference article lists Alep in its related region: its card shows the new lead.
  EXPECT_NE(get(kReferencePath).body.find("Un chapeau corrigé."), std::string::npos);
  EXPECT_EQ(get("/tag/syrie/").header("x-cache"), "hit");
}

TEST_F(PageCache, FeedsAndSitemapsAreCachedAndFollowPublication) {
  for (const char* document :
       {"/feed.xml", "/feed.atom", "/sitemap-news.xml", "/tag/syrie/feed.xml"})
    warm(document);
  auto path = publish_now("new",
                          "title: \"Damas au matin\"\nsection: Actualité\ntags: [Syrie]\n"
                          "date: 2024-12-09");
  for (const char* document : {"/feed.xml", "/feed.atom", "/tag/syrie/feed.xml"}) {
    auto response = get(document);
    EXPECT_NE(response.body.find(path), std::string::npos) << document;
  }
}

TEST_F(PageCache, NeitherErrorsNorQueryVariantsAreCached) {
  get("/nope/");
  EXPECT_EQ(get("/nope/").header("x-cache"), "miss");
  get("/?utm_source=newsletter");
  EXPECT_EQ(get("/?utm_source=newsletter").header("x-cache"), "miss");
  get("/?page=1");
  EXPECT_EQ(get("/?page=1").header("x-cache"), "hit");
}

TEST_F(PageCache, HeadIsAnsweredFromTheSameCachedPage) {
  auto& s = server();
  auto page = get(kReferencePath);
  auto head = http_request(s.host(), s.port(), "HEAD", kReferencePath);
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.header("x-cache"), "hit");
  EXPECT_EQ(head.header("content-length"), std::to_string(page.body.size()));
  EXPECT_EQ(head.body, "");
}

// Issue 11, defect 4: a page's dependencies travelled in a response header, which Beast refuses
// past 64 KiB: an article with 5,000 tags answered 500. They travel beside the response now.
TEST_F(PageCache, AnArticleWithThousandsOfTagsIsServedAndCached) {
  constexpr int kTags = 5000;
  std::string tags;
  for (int i = 0; i < kTags; ++i)
    tags += (i ? ", " : "") + std::string("Sujet ") + std::to_string(i);
  auto path = publish_now("tagged", "title: \"Mille sujets\"\nsection: Actualité\ntags: [" + tags +
                                        "]\ndate: 2024-12-09");
  ASSERT_EQ(path, "/actualite/mille-sujets/");
  auto first = get(path);
  ASSERT_EQ(first.status, 200);
  EXPECT_NE(first.body.find("/tag/sujet-4999/"), std::string::npos);
  EXPECT_EQ(first.header("x-cache"), "miss");
  EXPECT_EQ(get(path).header("x-cache"), "hit");
  // Its dependencies still drop it: an edit of the article shows on the next request.
  publish("tagged", "title: \"Mille sujets\"\nsection: Actualité\ntags: [" + tags +
                        "]\ndate: 2024-12-09\nlead: Un chapô nouveau.");
  auto fresh = get(path);
  EXPECT_EQ(fresh.header("x-cache"), "miss");
  EXPECT_NE(fresh.body.find("Un chapô nouveau."), std::string::npos);
}

TEST_F(PageCache, NewsroomSessionsBypassTheCache) {
  warm(kReferencePath);
  auto response = get(kReferencePath, {{"Cookie", "gazette_session=abc"}});
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.header("x-cache"), "");
}

}  // namespace
}  // namespace gazette::testing
