// Unit tests for transfer/wxr/wxr_importer and wxr_document on a real, migrated SQLite database:
// articles are written as the second pass reads them, in one transaction that a file found
// broken on the way leaves uncommitted; the reader's two passes and its liberties with
// WordPress's not-quite-XML.
#include "transfer/wxr/wxr_importer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "store/sqlite/sqlite_wxr_import_store.h"
#include "transfer/wxr/wxr_document.h"

namespace gazette::transfer::wxr {
namespace {

std::string item(int id, std::string_view body) {
  return "<item><title>Post " + std::to_string(id) + "</title><wp:post_id>" + std::to_string(id) +
         "</wp:post_id><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
         "<dc:creator>ed</dc:creator><content:encoded><![CDATA[" +
         std::string(body) + "]]></content:encoded></item>\n";
}

std::string wxr(std::string_view items) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>T</title><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>http://old.example</wp:base_site_url>
<wp:author><wp:author_login>ed</wp:author_login><wp:author_display_name>Ed</wp:author_display_name></wp:author>
)" + std::string(items) +
         "</channel></rss>\n";
}

class WxrImporter : public ::testing::Test {
 protected:
  ~WxrImporter() override { std::filesystem::remove_all(dir_); }

  std::string file(const std::string& name, const std::string& text) {
    auto path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  WxrOutline outline(const std::string& path) {
    auto read = read_wxr_outline(path);
    if (auto* error = std::get_if<WxrReadError>(&read)) ADD_FAILURE() << error->message;
    return std::get<WxrOutline>(read);
  }

  std::size_t articles() { return exported().second; }

  /// What an export reads: the site's people and terms, and how many articles follow.
  std::pair<store::SiteExport, std::size_t> exported() {
    std::pair<store::SiteExport, std::size_t> read;
    store_.export_site([&](const store::SiteExport& site) { read.first = site; },
                       [&](const store::ExportedArticle&) { ++read.second; });
    return read;
  }

  std::filesystem::path dir_ = [] {
    auto dir = std::filesystem::temp_directory_path() /
               ("gazette-wxr-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
  }();
  store::sqlite::ConnectionPool pool_{(dir_ / "gazette.db").string()};
  store::sqlite::SqliteWxrImportStore store_{pool_};
  content::EventBus events_;
  publishing::WritePath write_path_{pool_, events_};
  ImportOptions options_;
};

TEST_F(WxrImporter, WritesEveryArticleAndASecondImportChangesNothing) {
  auto path = file("site.xml", wxr(item(1, "Un") + item(2, "Deux")));
  auto first = import_wxr(path, outline(path), store_, write_path_, options_);
  ASSERT_TRUE(std::holds_alternative<ImportSummary>(first));
  EXPECT_EQ(std::get<ImportSummary>(first).written.articles_created, 2);
  EXPECT_EQ(std::get<ImportSummary>(first).written.authors_created, 1);
  auto again = import_wxr(path, outline(path), store_, write_path_, options_);
  ASSERT_TRUE(std::holds_alternative<ImportSummary>(again));
  EXPECT_EQ(std::get<ImportSummary>(again).written.articles_created, 0);
  EXPECT_EQ(std::get<ImportSummary>(again).already_imported, 2);
  EXPECT_EQ(articles(), 2u);
}

// The second pass finds the file broken after it has written articles (the file changed since
// the first pass read it whole): nothing of them is left.
TEST_F(WxrImporter, AFileFoundBrokenInTheSecondPassLeavesNothing) {
  // Long enough that the reader hands out the first items before it comes to the break.
  std::string body(200'000, 'x');
  auto text = wxr(item(1, body) + item(2, body) + item(3, body));
  auto good = file("good.xml", text);
  auto whole = outline(good);
  auto broken = file("broken.xml", text.substr(0, text.find("<item><title>Post 3")) + "<item><ti");
  std::size_t read_before_error = 0;
  options_.progress = [&](std::size_t done, std::size_t) { read_before_error = done; };
  auto result = import_wxr(broken, whole, store_, write_path_, options_);
  ASSERT_TRUE(std::holds_alternative<WxrReadError>(result));
  EXPECT_NE(std::get<WxrReadError>(result).message.find("cannot read this file"),
            std::string::npos);
  EXPECT_GE(read_before_error, 1u);  // each written as soon as it was read
  EXPECT_EQ(articles(), 0u);
  EXPECT_TRUE(exported().first.authors.empty());

  // The store is free again, and the good file imports whole.
  ASSERT_TRUE(std::holds_alternative<ImportSummary>(
      import_wxr(good, whole, store_, write_path_, options_)));
  EXPECT_EQ(articles(), 3u);
}

// Found by fuzz/wxr: the fallback slug of a post without title or name was "post--5" for a
// negative id, a path the reader site refuses (site::is_slug): the article was unreachable.
TEST_F(WxrImporter, AnItemWithoutTitleOrNameGetsASlugTheSiteServes) {
  auto path = file("site.xml", wxr("<item><wp:post_id>-5</wp:post_id><wp:status>publish</wp:status>"
                                   "<wp:post_type>post</wp:post_type></item>\n"));
  ASSERT_TRUE(std::holds_alternative<ImportSummary>(
      import_wxr(path, outline(path), store_, write_path_, options_)));
  std::vector<std::string> slugs;
  store_.export_site([](const store::SiteExport&) {},
                     [&](const store::ExportedArticle& article) { slugs.push_back(article.slug); });
  EXPECT_EQ(slugs, std::vector<std::string>{"post-5"});
}

// Found by fuzz/wxr: a category without nicename, name or parent was made its own parent (its
// key and "no parent" are both "").
TEST_F(WxrImporter, ACategoryWithoutANameIsNotItsOwnParent) {
  auto path =
      file("site.xml", wxr("<wp:category></wp:category>\n"
                           "<wp:category><wp:category_nicename>monde</wp:category_nicename>"
                           "<wp:category_parent>monde</wp:category_parent></wp:category>\n"));
  ASSERT_TRUE(std::holds_alternative<ImportSummary>(
      import_wxr(path, outline(path), store_, write_path_, options_)));
  auto categories = exported().first.categories;
  ASSERT_EQ(categories.size(), 2u);
  for (const auto& category : categories) EXPECT_EQ(category.parent_slug, "") << category.slug;
}

TEST_F(WxrImporter, TheOutlineKeepsPeopleTermsAttachmentsAndTheItemCount) {
  auto path = file("site.xml", wxr(item(1, "Un") + R"(
<item><title>Photo</title><wp:post_id>9</wp:post_id><wp:post_parent>1</wp:post_parent>
<link>http://old.example/un/photo/</link><wp:post_type>attachment</wp:post_type>
<wp:attachment_url>http://old.example/wp-content/uploads/photo.jpg</wp:attachment_url>
<excerpt:encoded xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/">Légende</excerpt:encoded>
<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>Damas</wp:meta_value></wp:postmeta>
</item>
<wp:category><wp:category_nicename>monde</wp:category_nicename><wp:cat_name>Monde</wp:cat_name></wp:category>
)"));
  auto read = outline(path);
  EXPECT_EQ(read.version, "1.2");
  EXPECT_EQ(read.base_site_url, "http://old.example");
  EXPECT_EQ(read.items, 2u);
  ASSERT_EQ(read.authors.size(), 1u);
  EXPECT_EQ(read.authors[0].display_name, "Ed");
  ASSERT_EQ(read.categories.size(), 1u);  // even after the items
  EXPECT_EQ(read.categories[0].name, "Monde");
  ASSERT_EQ(read.attachments.size(), 1u);
  EXPECT_EQ(read.attachments[0].id, 9);
  EXPECT_EQ(read.attachments[0].parent, 1);
  EXPECT_EQ(read.attachments[0].url, "http://old.example/wp-content/uploads/photo.jpg");
  EXPECT_EQ(read.attachments[0].alt, "Damas");
  EXPECT_EQ(read.attachments[0].excerpt, "Légende");
}

TEST_F(WxrImporter, TheReaderTakesWordPressLibertiesWithXml) {
  // A CDATA section inside another, line ends of another system, a control character pasted
  // into a post: WordPress writes them, its importer reads them, and so does this one.
  auto path = file("site.xml", wxr("<item><wp:post_id>1</wp:post_id><content:encoded><![CDATA["
                                   "a <![CDATA[ b ]]> c\r\nd\x0b e]]></content:encoded></item>"));
  std::vector<std::string> contents;
  auto error = read_wxr_items(path, [&](WxrItem& read) { contents.push_back(read.content); });
  ASSERT_FALSE(error) << error->message;
  EXPECT_EQ(contents, std::vector<std::string>{"a <![CDATA[ b ]]> c\nd e"});
}

TEST_F(WxrImporter, ExternalEntitiesAreNeverRead) {
  auto secret = file("secret.txt", "SECRET");
  auto site = wxr("<item><title>&x;</title></item>");
  auto path = file("site.xml", "<!DOCTYPE rss [<!ENTITY x SYSTEM \"file://" + secret + "\">]>\n" +
                                   site.substr(site.find("<rss")));
  std::string title;
  auto error = read_wxr_items(path, [&](WxrItem& read) { title = read.title; });
  EXPECT_EQ(title.find("SECRET"), std::string::npos);
}

}  // namespace
}  // namespace gazette::transfer::wxr
