// `gazette import-wxr`: WordPress's own fixtures import with what WordPress's importer tests
// expect of them (../shared/fixtures/wxr/EXPECTED.md), a second import changes nothing, bad files
// are refused with a clear message and no change, imported HTML is sanitised, and the old
// WordPress URLs answer 301 to their new pages.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/resource.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "gazette_process.h"
#include "html_document.h"
#include "http_client.h"

namespace gazette::testing {
namespace {

namespace fs = std::filesystem;

fs::path wxr_fixture(const std::string& name) {
  return shared_fixtures() / "wxr" / name;
}

/// The rows `sql` returns, each as its columns joined by '|'.
std::vector<std::string> query(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* statement = nullptr;
  std::vector<std::string> rows;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sqlite3_errmsg(db) << " in " << sql;
    sqlite3_close(db);
    return rows;
  }
  while (sqlite3_step(statement) == SQLITE_ROW) {
    std::string row;
    for (int i = 0; i < sqlite3_column_count(statement); ++i) {
      if (i) row += '|';
      auto* text = sqlite3_column_blob(statement, i);
      row += text ? std::string(static_cast<const char*>(text), sqlite3_column_bytes(statement, i))
                  : "NULL";
    }
    rows.push_back(row);
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return rows;
}

std::string one(const std::string& db_path, const std::string& sql) {
  auto rows = query(db_path, sql);
  return rows.empty() ? "" : rows.front();
}

/// Every row of every table an import writes: equal before and after means nothing changed.
std::string database_contents(const std::string& db_path) {
  std::string dump;
  for (const char* table :
       {"articles", "authors", "sections", "categories", "tags", "media", "article_tags",
        "article_categories", "comments", "wxr_items", "wxr_comments", "redirects",
        "sticky_articles", "comment_closed_articles"}) {
    dump += std::string("[") + table + "]\n";
    for (const auto& row : query(db_path, std::string("SELECT * FROM ") + table))
      dump += row + "\n";
  }
  return dump;
}

class WxrImport : public ::testing::Test {
 protected:
  CommandResult import(const fs::path& file, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"import-wxr", file.string(), "--db", db()};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_gazette(args);
  }
  void import_ok(const fs::path& file) {
    auto result = import(file);
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }
  std::string db() const { return dir_.file("gazette.db"); }
  /// A copy of wp-content/uploads holding 2020/01/photo.jpg (a JPEG of the seed).
  fs::path uploads_with_photo() {
    auto uploads = dir_.path() / "uploads";
    fs::create_directories(uploads / "2020" / "01");
    fs::copy_file(shared_fixtures() / "seed" / "banniere-assad-damas.jpg",
                  uploads / "2020" / "01" / "photo.jpg");
    return uploads;
  }
  ServerProcess& server() {
    if (!server_) server_ = std::make_unique<ServerProcess>(db());
    return *server_;
  }
  HttpResponse get(const std::string& target) {
    return http_request(server().host(), server().port(), "GET", target);
  }

  TempDir dir_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(WxrImport, SmallExportGivesWhatWordPressExpects) {
  auto result = import(wxr_fixture("importer/small-export.xml"));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("11 imported (6 posts, 5 pages)"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("comments: 1 imported"), std::string::npos) << result.out;

  EXPECT_EQ(query(db(), "SELECT slug, name FROM authors ORDER BY slug"),
            (std::vector<std::string>{"admin|admin", "author|author", "editor|editor"}));
  EXPECT_EQ(one(db(), "SELECT count(*) FROM categories"), "30");
  EXPECT_EQ(one(db(), "SELECT count(*) FROM tags"), "3");
  EXPECT_EQ(one(db(), "SELECT parent_id IS NULL FROM categories WHERE slug = 'foo'"), "1");
  EXPECT_EQ(one(db(),
                "SELECT p.slug FROM categories c JOIN categories p ON p.id = c.parent_id"
                " WHERE c.slug = 'foo-bar'"),
            "bar");

  // In the file's id order, with the author, the section (posts/pages) and the status.
  EXPECT_EQ(query(db(),
                  "SELECT a.title, a.slug, au.slug, s.slug, a.status FROM articles a"
                  " JOIN authors au ON au.id = a.author_id JOIN sections s ON s.id = a.section_id"
                  " JOIN wxr_items w ON w.article_id = a.id"
                  " ORDER BY CAST(substr(w.item_key, 4) AS INTEGER)"),
            (std::vector<std::string>{
                "Hello world!|hello-world|author|articles|published",
                "Sample Page|sample-page|admin|pages|published",
                "Child Page|child-page|admin|pages|published",
                "Parent Page|parent-page|admin|pages|published",
                "Draft Page|draft-page|admin|pages|draft",
                "1-col page|1-col-page|admin|pages|published",
                "Private Post|private-post|admin|articles|draft",
                "Foo-child|foo-child|editor|articles|published",
                "Top-level Foo|top-level-foo|admin|articles|published",
                "Non-standard post format|non-standard-post-format|admin|articles|published",
                "Many Categories|many-categories|admin|articles|published",
            }));
  EXPECT_EQ(one(db(),
                "SELECT count(*) FROM article_categories ac JOIN articles a ON a.id = ac.article_id"
                " WHERE a.slug = 'many-categories'"),
            "27");
  EXPECT_EQ(query(db(),
                  "SELECT t.slug FROM article_tags at JOIN tags t ON t.id = at.tag_id"
                  " JOIN articles a ON a.id = at.article_id WHERE a.slug = 'private-post'"
                  " ORDER BY at.position"),
            (std::vector<std::string>{"tag1", "tag2", "tag3"}));
  EXPECT_EQ(one(db(), "SELECT count(*) FROM comments"), "1");

  // Readers see the published ones, not the private post.
  EXPECT_EQ(get("/articles/hello-world/").status, 200);
  EXPECT_EQ(get("/pages/child-page/").status, 200);
  EXPECT_EQ(get("/articles/private-post/").status, 404);
}

TEST_F(WxrImport, ImportingTheSameFileTwiceChangesNothing) {
  import_ok(wxr_fixture("importer/small-export.xml"));
  import_ok(wxr_fixture("themeunittestdata.wordpress.xml"));
  auto before = database_contents(db());
  auto again = import(wxr_fixture("importer/small-export.xml"));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("0 imported (0 posts, 0 pages), 11 already imported"), std::string::npos)
      << again.out;
  import_ok(wxr_fixture("themeunittestdata.wordpress.xml"));
  import_ok(wxr_fixture("theme-preview.xml"));  // no post ids: known by their GUIDs
  auto with_preview = database_contents(db());
  import_ok(wxr_fixture("theme-preview.xml"));
  EXPECT_EQ(database_contents(db()), with_preview);
  EXPECT_NE(with_preview, before);
}

TEST_F(WxrImport, BadFilesAreRefusedWithAClearMessageAndNoChange) {
  import_ok(wxr_fixture("importer/wxr-simple.xml"));
  auto before = database_contents(db());
  const std::pair<std::string, std::string> refused[] = {
      {"importer/malformed.xml", "cannot read this file"},
      {"importer/malformed-simple.xml", "cannot read this file"},
      {"importer/missing-version-tag.xml", "not a WXR file"},
      {"importer/invalid-version-tag.xml", "not a WXR file"},
      {"importer/no-such-file.xml", "no such file"},
  };
  for (const auto& [file, message] : refused) {
    auto result = import(wxr_fixture(file));
    EXPECT_NE(result.exit_code, 0) << file;
    EXPECT_NE(result.err.find(message), std::string::npos) << file << ": " << result.err;
    EXPECT_EQ(database_contents(db()), before) << file;
  }
}

TEST_F(WxrImport, EveryWellFormedFixtureImports) {
  for (const char* folder : {"", "importer", "importer-e2e"}) {
    for (const auto& entry : fs::directory_iterator(shared_fixtures() / "wxr" / folder)) {
      auto name = entry.path().filename().string();
      if (entry.path().extension() != ".xml" || name.starts_with("malformed") ||
          name.find("version-tag") != std::string::npos)
        continue;
      TempDir fresh;
      auto result =
          run_gazette({"import-wxr", entry.path().string(), "--db", fresh.file("gazette.db")});
      EXPECT_EQ(result.exit_code, 0) << entry.path() << ": " << result.err;
    }
  }
}

TEST_F(WxrImport, TrickyCharactersAreKeptByteForByte) {
  import_ok(wxr_fixture("importer/wxr-utf-8-challenges.xml"));
  std::string title =
      "\"The Road \u202eNot\u202c Taken\" by Rob\u202dert \u202eFrost \u202a🌲\u202c";
  EXPECT_EQ(one(db(), "SELECT title FROM articles"), title);
  auto body = one(db(), "SELECT body_markdown FROM articles");
  EXPECT_NE(body.find("السلام عليكم وﷲ"), std::string::npos);
  auto slug = one(db(), "SELECT slug FROM articles");
  auto page = get("/articles/" + slug + "/");
  ASSERT_EQ(page.status, 200);
  HtmlDocument html(page.body);
  EXPECT_EQ(html.find("h1").text(), title);

  TempDir other;
  auto cdata = run_gazette({"import-wxr", wxr_fixture("importer/crazy-cdata.xml").string(), "--db",
                            other.file("gazette.db")});
  ASSERT_EQ(cdata.exit_code, 0) << cdata.err;
  EXPECT_EQ(one(other.file("gazette.db"), "SELECT body_markdown FROM articles"),
            "Content with nested <![CDATA[ tags ]]> :)");
  // In HTML "<![CDATA[…]]>" is a bogus comment: browsers show nothing of it, nor does the
  // sanitizer.
  EXPECT_EQ(one(other.file("gazette.db"), "SELECT body_html FROM articles"),
            "<p>Content with nested  :)</p>\n");

  TempDir slashes;
  ASSERT_EQ(run_gazette({"import-wxr", wxr_fixture("importer/slashes.xml").string(), "--db",
                         slashes.file("gazette.db")})
                .exit_code,
            0);
  EXPECT_EQ(one(slashes.file("gazette.db"),
                "SELECT count(*) FROM categories WHERE name = 'a \\\"great\\\" category'"),
            "1");

  TempDir blank;
  ASSERT_EQ(
      run_gazette({"import-wxr", wxr_fixture("importer/post-content-blank-lines.xml").string(),
                   "--db", blank.file("gazette.db")})
          .exit_code,
      0);
  EXPECT_NE(one(blank.file("gazette.db"), "SELECT body_markdown FROM articles").find("\n\n"),
            std::string::npos);
}

TEST_F(WxrImport, OlderFormatsGiveTheirAuthorsAndTerms) {
  import_ok(wxr_fixture("importer/valid-wxr-1.0.xml"));
  EXPECT_EQ(one(db(), "SELECT name FROM categories WHERE slug = 'alpha'"), "alpha");
  EXPECT_EQ(one(db(), "SELECT count(*) FROM tags WHERE slug = 'chicken'"), "1");
  import_ok(wxr_fixture("importer/valid-wxr-1.1.xml"));
  EXPECT_EQ(one(db(), "SELECT name FROM authors WHERE slug = 'john-doe'"), "John Doe");
  EXPECT_EQ(one(db(), "SELECT name FROM tags WHERE slug = 'clippable'"), "Clippable");
}

TEST_F(WxrImport, ThemeUnitTestDataRendersWithItsThreads) {
  import_ok(wxr_fixture("themeunittestdata.wordpress.xml"));
  // Every comment but the 2 pingbacks and 2 trackbacks, with their threads.
  std::ifstream in(wxr_fixture("themeunittestdata.wordpress.xml"));
  std::stringstream file;
  file << in.rdbuf();
  std::string xml = file.str();
  std::size_t in_file = 0;
  for (auto at = xml.find("<wp:comment>"); at != std::string::npos;
       at = xml.find("<wp:comment>", at + 1))
    ++in_file;
  EXPECT_EQ(one(db(), "SELECT count(*) FROM comments"), std::to_string(in_file - 4));
  EXPECT_NE(one(db(),
                "SELECT count(*) FROM comments c JOIN comments p ON p.id = c.parent_id"
                " JOIN comments g ON g.id = p.parent_id"),
            "0");
  EXPECT_EQ(one(db(), "SELECT count(*) FROM sticky_articles"), "1");

  for (const auto& path :
       query(db(),
             "SELECT '/' || s.slug || '/' || a.slug || '/' FROM articles a"
             " JOIN sections s ON s.id = a.section_id"
             " WHERE a.status = 'published' AND a.published_at <= strftime('%s','now')")) {
    auto page = get(path);
    EXPECT_EQ(page.status, 200) << path;
  }
  // The thread of the comment test post is on its page.
  auto commented =
      one(db(),
          "SELECT '/' || s.slug || '/' || a.slug || '/', count(*) FROM comments c"
          " JOIN articles a ON a.id = c.article_id JOIN sections s ON s.id = a.section_id"
          " WHERE c.status = 'approved' GROUP BY a.id ORDER BY count(*) DESC LIMIT 1");
  auto bar = commented.find('|');
  auto page = get(commented.substr(0, bar));
  ASSERT_EQ(page.status, 200);
  HtmlDocument html(page.body);
  std::size_t shown = 0;
  for (const auto& element : html.find_all("article", "comment")) {
    if (!element.has_class("comment-pending")) ++shown;
  }
  EXPECT_EQ(std::to_string(shown), commented.substr(bar + 1));
}

TEST_F(WxrImport, OldWordPressUrlsRedirectToTheirNewPages) {
  import_ok(wxr_fixture("themeunittestdata.wordpress.xml"));
  auto expect_redirect = [&](const std::string& from, const std::string& to) {
    auto response = get(from);
    EXPECT_EQ(response.status, 301) << from;
    EXPECT_EQ(response.header("location"), to) << from;
    if (response.status == 301) EXPECT_EQ(get(to).status, 200) << to;
  };
  expect_redirect("/2009/05/15/edge-case-nested-and-mixed-lists/",
                  "/articles/edge-case-nested-and-mixed-lists/");
  expect_redirect("/2009/05/15/edge-case-nested-and-mixed-lists",
                  "/articles/edge-case-nested-and-mixed-lists/");
  expect_redirect("/?p=1011", "/articles/template-featured-image-horizontal/");
  expect_redirect("/?page_id=2", "/pages/about/");
  expect_redirect("/category/parent-category/child-category-01/", "/category/child-category-01/");
  expect_redirect("/author/themedemos/", "/author/theme-buster/");
  expect_redirect("/?attachment_id=1023", "/articles/markup-image-alignment/");
  auto attachment = one(db(),
                        "SELECT from_path FROM redirects WHERE from_path LIKE '/20%/%/%/%/%/'"
                        " AND to_path = '/articles/markup-image-alignment/' LIMIT 1");
  ASSERT_FALSE(attachment.empty());
  expect_redirect(attachment, "/articles/markup-image-alignment/");
  // The home page and unknown paths are untouched.
  EXPECT_EQ(get("/").status, 200);
  EXPECT_EQ(get("/?p=999999").status, 200);
  EXPECT_EQ(get("/2001/01/01/nothing/").status, 404);
}

TEST_F(WxrImport, PostHtmlIsSanitisedAndShortcodesBecomeHtml) {
  auto file = dir_.file("hostile.xml");
  std::ofstream(file) << R"WXR(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>T</title><link>http://old.example</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>http://old.example</wp:base_site_url>
<item><title>Hostile</title><link>http://old.example/2020/01/02/hostile/</link>
<dc:creator>ed</dc:creator><wp:post_id>7</wp:post_id>
<wp:post_date_gmt>2020-01-02 10:00:00</wp:post_date_gmt><wp:post_name>hostile</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<content:encoded><![CDATA[First line
second line

<script>alert(1)</script><a href="javascript:alert(2)" onclick="x()">link</a>
<img src="x" onerror="alert(3)"><iframe src="http://evil.example/"></iframe>

[caption id="a" width="300"]<img src="http://old.example/wp-content/uploads/a.jpg" alt="A"> The caption[/caption]

[embed]https://www.youtube.com/watch?v=abc[/embed]

[gallery ids="8"]

[unknown foo="bar"]kept[/unknown]]]></content:encoded>
<excerpt:encoded xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"><![CDATA[The <b>lead</b>]]></excerpt:encoded>
</item>
<item><title>Gallery image</title><wp:post_id>8</wp:post_id><wp:post_parent>7</wp:post_parent>
<wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
<wp:attachment_url>http://old.example/wp-content/uploads/g.jpg</wp:attachment_url></item>
</channel></rss>)WXR";
  import_ok(file);
  auto page = get("/articles/hostile/");
  ASSERT_EQ(page.status, 200);
  HtmlDocument html(page.body);
  auto body = one(db(), "SELECT body_html FROM articles");
  EXPECT_EQ(body.find("<script"), std::string::npos) << body;
  EXPECT_EQ(body.find("javascript:"), std::string::npos) << body;
  EXPECT_EQ(body.find("onclick"), std::string::npos) << body;
  EXPECT_EQ(body.find("onerror"), std::string::npos) << body;
  EXPECT_EQ(body.find("<iframe"), std::string::npos) << body;
  EXPECT_NE(body.find("<p>First line<br>"), std::string::npos) << body;
  EXPECT_NE(body.find("<figcaption>The caption</figcaption>"), std::string::npos) << body;
  EXPECT_NE(body.find("<a href=\"https://www.youtube.com/watch?v=abc\">"), std::string::npos)
      << body;
  EXPECT_NE(body.find("src=\"http://old.example/wp-content/uploads/g.jpg\""), std::string::npos)
      << body;
  EXPECT_NE(body.find("[unknown foo=&quot;bar&quot;]kept[/unknown]"), std::string::npos) << body;
  EXPECT_EQ(one(db(), "SELECT lead FROM articles"), "The lead");
  for (const auto& script : html.find_all("script"))
    EXPECT_EQ(script.text().find("alert"), std::string::npos);
}

}  // namespace
}  // namespace gazette::testing

namespace gazette::testing {
namespace {

/// What a reader and a moderator see of a site: articles with their terms, people, terms,
/// comments with their threads — none of the database's own ids.
std::vector<std::string> site_contents(const std::string& db_path) {
  std::vector<std::string> rows;
  auto add = [&](const std::string& sql) {
    auto found = query(db_path, sql);
    std::sort(found.begin(), found.end());
    rows.insert(rows.end(), found.begin(), found.end());
  };
  add("SELECT 'article', a.slug, a.title, a.lead, a.body_markdown, a.body_html, a.status,"
      " a.published_at, au.slug, au.name, s.slug, s.name,"
      " (SELECT group_concat(c.slug, ',') FROM (SELECT c.slug FROM article_categories ac"
      "   JOIN categories c ON c.id = ac.category_id WHERE ac.article_id = a.id"
      "   ORDER BY ac.position) c),"
      " (SELECT group_concat(t.slug, ',') FROM (SELECT t.slug FROM article_tags at"
      "   JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id ORDER BY at.position) t)"
      " FROM articles a JOIN authors au ON au.id = a.author_id"
      " JOIN sections s ON s.id = a.section_id");
  add("SELECT 'author', slug, name FROM authors");
  add("SELECT 'category', c.slug, c.name, coalesce(p.slug, '') FROM categories c"
      " LEFT JOIN categories p ON p.id = c.parent_id");
  add("SELECT 'tag', slug, name FROM tags");
  add("SELECT 'comment', a.slug, c.author_name, c.author_email, c.author_url, c.body, c.status,"
      " c.created_at, coalesce(p.body, '') FROM comments c JOIN articles a ON a.id = c.article_id"
      " LEFT JOIN comments p ON p.id = c.parent_id");
  add("SELECT 'sticky', a.slug FROM sticky_articles x JOIN articles a ON a.id = x.article_id");
  std::sort(rows.begin(), rows.end());
  return rows;
}

TEST_F(WxrImport, ExportThenImportGivesTheSameSite) {
  import_ok(wxr_fixture("themeunittestdata.wordpress.xml"));
  import_ok(wxr_fixture("importer/small-export.xml"));
  auto published = run_gazette({"publish", reference_article().string(), "--db", db()});
  ASSERT_EQ(published.exit_code, 0) << published.err;

  auto exported = run_gazette({"export-wxr", "--db", db()});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  auto file = dir_.file("site.xml");
  std::ofstream(file, std::ios::binary) << exported.out;
  TempDir empty;
  auto again = run_gazette({"import-wxr", file, "--db", empty.file("gazette.db")});
  ASSERT_EQ(again.exit_code, 0) << again.err;

  auto original = site_contents(db());
  auto copy = site_contents(empty.file("gazette.db"));
  EXPECT_GT(original.size(), 300u);
  std::vector<std::string> missing, extra;
  std::set_difference(original.begin(), original.end(), copy.begin(), copy.end(),
                      std::back_inserter(missing));
  std::set_difference(copy.begin(), copy.end(), original.begin(), original.end(),
                      std::back_inserter(extra));
  std::string where;
  if (!missing.empty() && !extra.empty()) {
    auto [a, b] =
        std::mismatch(missing[0].begin(), missing[0].end(), extra[0].begin(), extra[0].end());
    auto at = static_cast<std::size_t>(a - missing[0].begin());
    where = missing[0].substr(at > 40 ? at - 40 : 0, 120) + "\n  vs\n" +
            extra[0].substr(at > 40 ? at - 40 : 0, 120);
  }
  EXPECT_EQ(missing.size(), 0u) << "first missing: " << where;
  EXPECT_EQ(extra.size(), 0u) << "first extra: " << (extra.empty() ? "" : extra[0]);
}

}  // namespace
}  // namespace gazette::testing

namespace gazette::testing {
namespace {

std::string featured_image_wxr() {
  return R"WXR(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>T</title><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>http://old.example</wp:base_site_url>
<item><title>Avec photo</title><wp:post_id>7</wp:post_id><wp:post_name>avec-photo</wp:post_name>
<wp:post_date_gmt>2020-01-02 10:00:00</wp:post_date_gmt>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<content:encoded><![CDATA[Texte.]]></content:encoded>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>9</wp:meta_value></wp:postmeta>
</item>
<item><title>Photo</title><wp:post_id>9</wp:post_id><wp:post_parent>7</wp:post_parent>
<link>http://old.example/2020/01/02/avec-photo/photo/</link>
<wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
<wp:attachment_url>http://old.example/wp-content/uploads/2020/01/photo.jpg</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>Damas</wp:meta_value></wp:postmeta>
</item>
</channel></rss>)WXR";
}

TEST_F(WxrImport, FeaturedImagesComeFromTheUploadsFolderOrKeepTheirUrl) {
  auto file = dir_.file("photo.xml");
  std::ofstream(file) << featured_image_wxr();

  TempDir without;
  auto plain = run_gazette({"import-wxr", file, "--db", without.file("gazette.db")});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_NE(one(without.file("gazette.db"), "SELECT body_html FROM articles")
                .find("<img src=\"http://old.example/wp-content/uploads/2020/01/photo.jpg\" "
                      "alt=\"Damas\">"),
            std::string::npos);

  auto uploads = uploads_with_photo();
  auto result = import(file, {"--media-dir", uploads.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("images copied: 1"), std::string::npos) << result.out;
  EXPECT_EQ(one(db(), "SELECT image_alt FROM articles"), "Damas");
  auto page = get("/articles/avec-photo/");
  ASSERT_EQ(page.status, 200);
  HtmlDocument html(page.body);
  std::string src;
  for (const auto& image : html.find_all("img"))
    if (image.attribute("alt") == "Damas") src = image.attribute("src");
  ASSERT_TRUE(src.starts_with("/media/")) << src;
  EXPECT_EQ(get(src).status, 200);
  // Its attachment page leads to the article.
  auto redirect = get("/2020/01/02/avec-photo/photo/");
  EXPECT_EQ(redirect.status, 301);
  EXPECT_EQ(redirect.header("location"), "/articles/avec-photo/");
}

TEST_F(WxrImport, ImagesInPostsComeFromTheUploadsFolderOrKeepTheirUrl) {
  auto file = dir_.file("body.xml");
  std::ofstream(file) << R"WXR(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>T</title><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>http://old.example</wp:base_site_url>
<item><title>Reportage</title><wp:post_id>7</wp:post_id><wp:post_name>reportage</wp:post_name>
<wp:post_date_gmt>2020-01-02 10:00:00</wp:post_date_gmt>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<content:encoded><![CDATA[Avant.

<img src="http://old.example/wp-content/uploads/2020/01/photo.jpg" alt="Dans le texte" width="600">

<img src="http://old.example/wp-content/uploads/2020/01/absente.jpg" alt="Absente">]]></content:encoded>
</item>
</channel></rss>)WXR";
  auto uploads = uploads_with_photo();
  auto result = import(file, {"--media-dir", uploads.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("images copied: 1"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("image in a post: attachment not in --media-dir"), std::string::npos)
      << result.out;
  auto page = get("/articles/reportage/");
  ASSERT_EQ(page.status, 200);
  HtmlDocument html(page.body);
  std::map<std::string, std::string> sources;
  for (const auto& image : html.find_all("img"))
    sources[image.attribute("alt")] = image.attribute("src");
  ASSERT_TRUE(sources["Dans le texte"].starts_with("/media/")) << sources["Dans le texte"];
  EXPECT_EQ(get(sources["Dans le texte"]).status, 200);
  EXPECT_EQ(sources["Absente"], "http://old.example/wp-content/uploads/2020/01/absente.jpg");
  EXPECT_EQ(one(db(), "SELECT count(*) FROM media"), "1");
}

}  // namespace
}  // namespace gazette::testing

namespace gazette::testing {
namespace {

/// Lowers this process's limit on its data (heap and private mappings: RLIMIT_DATA) while it
/// lives; a command started meanwhile inherits it.
class DataLimit {
 public:
  explicit DataLimit(rlim_t bytes) {
    getrlimit(RLIMIT_DATA, &saved_);
    rlimit lowered = saved_;
    lowered.rlim_cur = bytes;
    if (setrlimit(RLIMIT_DATA, &lowered) != 0) ADD_FAILURE() << "setrlimit failed";
  }
  ~DataLimit() { setrlimit(RLIMIT_DATA, &saved_); }
  DataLimit(const DataLimit&) = delete;
  DataLimit& operator=(const DataLimit&) = delete;

 private:
  rlimit saved_{};
};

/// A WXR file of `posts` posts, each with a body of `body_kib` KiB in paragraphs and `comments`
/// comments of `comment_kib` KiB, written as it is made; the last `cut` bytes left out.
void write_large_wxr(const std::string& path, int posts, int body_kib, int comments,
                     int comment_kib, std::size_t cut = 0) {
  std::string paragraph(1023, 'a');
  for (std::size_t i = 8; i < paragraph.size(); i += 9) paragraph[i] = ' ';
  paragraph += "\n\n";
  std::ofstream out(path, std::ios::binary);
  out << R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Big</title><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>http://big.example</wp:base_site_url>
)";
  for (int post = 1; post <= posts; ++post) {
    out << "<item><title>Long read " << post << "</title><wp:post_id>" << post
        << "</wp:post_id><wp:post_name>long-read-" << post
        << "</wp:post_name><wp:post_date_gmt>2020-01-02 10:00:00</wp:post_date_gmt>"
           "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
           "<content:encoded><![CDATA[";
    for (int k = 0; k < body_kib; ++k) out << paragraph;
    out << "The end of " << post << ".]]></content:encoded>\n";
    for (int c = 0; c < comments; ++c) {
      out << "<wp:comment><wp:comment_id>" << post * 1000 + c
          << "</wp:comment_id><wp:comment_author>Reader</wp:comment_author>"
             "<wp:comment_approved>1</wp:comment_approved><wp:comment_content><![CDATA[";
      for (int k = 0; k < comment_kib; ++k) out << paragraph;
      out << "]]></wp:comment_content></wp:comment>\n";
    }
    out << "</item>\n";
  }
  out << "</channel></rss>\n";
  out.close();
  if (cut > 0) fs::resize_file(path, fs::file_size(path) - cut);
}

// The import streams: a file twice the size of the memory the command may use imports whole,
// and exports back out.
// (Long comment threads make most of the file: the search index, caught up after the import,
// reads bodies 500 articles at a time, a limit of its own.) The limit leaves room for the
// allocator's own reservations (mimalloc commits 32 MiB segments). The command before streaming
// needed about three times the file's size, and fails here.
TEST_F(WxrImport, AFileTwiceTheSizeOfTheMemoryItMayUseImports) {
  constexpr rlim_t kDataLimit = 80 * 1024 * 1024;
  auto file = dir_.file("large.xml");
  write_large_wxr(file, 60, 256, 40, 64);
  ASSERT_GT(fs::file_size(file), 2 * kDataLimit);
  CommandResult result;
  {
    DataLimit limit(kDataLimit);
    result = import(file);
  }
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("60 imported (60 posts, 0 pages)"), std::string::npos) << result.out;
  EXPECT_EQ(one(db(), "SELECT count(*) FROM comments"), "2400");
  auto body = one(db(), "SELECT body_markdown FROM articles WHERE slug = 'long-read-60'");
  EXPECT_EQ(body.size(), 256u * 1025 + std::string("The end of 60.").size());
  EXPECT_NE(one(db(), "SELECT body_html FROM articles WHERE slug = 'long-read-60'")
                .find("<p>The end of 60.</p>"),
            std::string::npos);
  EXPECT_EQ(one(db(), "SELECT max(length(body)) FROM comments"), std::to_string(64 * 1025 - 2));

  // The export streams too: the same site goes back out as a file under the same limit.
  auto exported = dir_.file("exported.xml");
  auto command = "ulimit -d " + std::to_string(kDataLimit / 1024) + " && '" +
                 gazette_binary().string() + "' export-wxr --db '" + db() + "' > '" + exported +
                 "' 2>/dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  ASSERT_GT(fs::file_size(exported), 2 * kDataLimit);
  std::ifstream in(exported, std::ios::binary);
  std::string line, last;
  std::size_t items = 0;
  while (std::getline(in, line)) {
    if (line == "\t\t<item>") ++items;
    if (!line.empty()) last = line;
  }
  EXPECT_EQ(items, 60u);
  EXPECT_EQ(last, "</rss>");
}

TEST_F(WxrImport, AFileBrokenNearItsEndIsRefusedWithNoChange) {
  import_ok(wxr_fixture("importer/wxr-simple.xml"));
  auto before = database_contents(db());
  auto file = dir_.file("cut.xml");
  write_large_wxr(file, 8, 64, 4, 16, 100);
  auto result = import(file);
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("cannot read this file"), std::string::npos) << result.err;
  EXPECT_EQ(database_contents(db()), before);
}

}  // namespace
}  // namespace gazette::testing

namespace gazette::testing {
namespace {

// A Co-Authors Plus export: guest authors (posts of type guest-author, no account), one before
// and one after a post signed by a user and both guests, in that order, as `author` terms (the
// plugin's export puts guests wherever their posts fall).
std::string coauthors_plus_wxr() {
  return R"WXR(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>T</title><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>http://old.example</wp:base_site_url>
<wp:author><wp:author_login>sara</wp:author_login><wp:author_display_name>Sara Dupont</wp:author_display_name></wp:author>
<item><title>Karim Haddad</title><wp:post_id>3</wp:post_id><wp:status>publish</wp:status>
<wp:post_type>guest-author</wp:post_type>
<wp:postmeta><wp:meta_key>cap-user_login</wp:meta_key><wp:meta_value>karim-h</wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>cap-display_name</wp:meta_key><wp:meta_value>Karim Haddad</wp:meta_value></wp:postmeta>
</item>
<item><title>Offensive en cours</title><wp:post_id>7</wp:post_id><wp:post_name>offensive</wp:post_name>
<dc:creator>sara</dc:creator>
<wp:post_date_gmt>2020-01-02 10:00:00</wp:post_date_gmt>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="author" nicename="cap-sara"><![CDATA[sara]]></category>
<category domain="author" nicename="cap-karim-h"><![CDATA[karim-h]]></category>
<category domain="author" nicename="cap-lea-m"><![CDATA[lea-m]]></category>
<content:encoded><![CDATA[Texte.]]></content:encoded>
</item>
<item><title>Léa Martin</title><wp:post_id>9</wp:post_id><wp:status>publish</wp:status>
<wp:post_type>guest-author</wp:post_type>
<wp:postmeta><wp:meta_key>cap-user_login</wp:meta_key><wp:meta_value>lea-m</wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>cap-display_name</wp:meta_key><wp:meta_value>Léa Martin</wp:meta_value></wp:postmeta>
</item>
</channel></rss>
)WXR";
}

TEST_F(WxrImport, CoAuthorsPlusBylinesBecomeCoBylinesAndSurviveAnExport) {
  auto file = dir_.file("cap.xml");
  std::ofstream(file, std::ios::binary) << coauthors_plus_wxr();
  import_ok(file);
  auto byline = [&](const std::string& db_path) {
    return one(db_path,
               "SELECT au.name || coalesce((SELECT group_concat(x.name, ',') FROM"
               " (SELECT c.name FROM article_coauthors co JOIN authors c ON c.id = co.author_id"
               " WHERE co.article_id = a.id ORDER BY co.position) x), '')"
               " FROM articles a JOIN authors au ON au.id = a.author_id");
  };
  EXPECT_EQ(byline(db()), "Sara DupontKarim Haddad,Léa Martin");
  EXPECT_EQ(one(db(), "SELECT count(*) FROM articles"), "1");  // the guests are no articles
  auto page = get("/articles/offensive/");
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 500);
  HtmlDocument html(page.body);
  std::vector<std::string> names;
  for (const auto& link : html.find("p", "byline").find_all("a")) names.push_back(link.text());
  EXPECT_EQ(names, (std::vector<std::string>{"Sara Dupont", "Karim Haddad", "Léa Martin"}));

  auto exported = run_gazette({"export-wxr", "--db", db()});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  auto copy_file = dir_.file("site.xml");
  std::ofstream(copy_file, std::ios::binary) << exported.out;
  TempDir empty;
  auto again = run_gazette({"import-wxr", copy_file, "--db", empty.file("gazette.db")});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(byline(empty.file("gazette.db")), "Sara DupontKarim Haddad,Léa Martin");
}

}  // namespace
}  // namespace gazette::testing
